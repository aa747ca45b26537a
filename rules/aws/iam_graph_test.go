package aws

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// graphTestRule is a rule that only reads the IAM graph, to test it.
type graphTestRule struct{ lint.Meta }

func (r *graphTestRule) Check(tflint.Runner) error { return nil }

func newGraphTestRule() *graphTestRule {
	return &graphTestRule{lint.Meta{
		RuleName: "lgcloud_aws_iam_graph_reader", Level: tflint.ERROR, Preset: config.Recommended,
		Provider: "aws", Items: []string{"4.3.1.4"}, Summary: project.Text{JA: "x", EN: "x"},
		Reads: iamGraphReads(lint.Reads{}),
	}}
}

// buildGraph reads the IAM graph of src.
func buildGraph(t *testing.T, src string) *iamGraph {
	t.Helper()
	rule := newGraphTestRule()
	runner := lint.NewRunner(helper.TestRunner(t, map[string]string{"main.tf": src}), nil, lint.Options{Reads: lint.MergeReads([]lint.Rule{rule})})
	g, err := readIAMGraph(runner, rule)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// describeIdentity writes an identity as "user alice" (a resource label),
// "user name=alice" (a name without resource) or "user ?".
func describeIdentity(id identity) string {
	switch {
	case id.Label != "":
		return id.Kind + " " + id.Label
	case id.Name != "":
		return id.Kind + " name=" + id.Name
	}
	return id.Kind + " ?"
}

// describeGrant writes a grant as "<identity> <- <policy> via <resource>",
// where the policy is "managed X", "doc Sid1,Sid2" or "unknown".
func describeGrant(g grant) string {
	what := "unknown"
	switch {
	case g.Managed != "":
		what = "managed " + g.Managed
	case g.Doc.Doc != nil:
		var sids []string
		for _, st := range g.Doc.Doc.Statements {
			sids = append(sids, st.Sid)
		}
		what = "doc " + strings.Join(sids, ",")
	}
	return fmt.Sprintf("%s <- %s via %s", describeIdentity(g.To), what, g.Via)
}

const adminDoc = `jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Sid = "Admin", Effect = "Allow", Action = "*", Resource = "*" }]
  })`

func TestIAMGraphGrants(t *testing.T) {
	cases := []struct {
		Name     string
		Content  string
		Expected []string
	}{
		{
			Name: "inline policies of a user, a group and a role by reference",
			Content: `
resource "aws_iam_user" "alice" { name = "alice" }
resource "aws_iam_group" "admins" { name = "admins" }
resource "aws_iam_role" "ops" {
  name               = "ops"
  assume_role_policy = "{}"
}
resource "aws_iam_user_policy" "u" {
  user   = aws_iam_user.alice.name
  policy = ` + adminDoc + `
}
resource "aws_iam_group_policy" "g" {
  group  = aws_iam_group.admins.id
  policy = ` + adminDoc + `
}
resource "aws_iam_role_policy" "r" {
  role   = aws_iam_role.ops.id
  policy = ` + adminDoc + `
}`,
			Expected: []string{
				"user alice <- doc Admin via aws_iam_user_policy.u",
				"group admins <- doc Admin via aws_iam_group_policy.g",
				"role ops <- doc Admin via aws_iam_role_policy.r",
			},
		},
		{
			Name: "inline_policy block of a role",
			Content: `
resource "aws_iam_role" "ops" {
  assume_role_policy = "{}"
  inline_policy {
    name   = "admin"
    policy = ` + adminDoc + `
  }
}`,
			Expected: []string{"role ops <- doc Admin via aws_iam_role.ops"},
		},
		{
			Name: "customer-managed policy attached by reference to a user, a group and a role",
			Content: `
resource "aws_iam_policy" "admin" {
  policy = ` + adminDoc + `
}
resource "aws_iam_user_policy_attachment" "u" {
  user       = "alice"
  policy_arn = aws_iam_policy.admin.arn
}
resource "aws_iam_group_policy_attachment" "g" {
  group      = "admins"
  policy_arn = aws_iam_policy.admin.arn
}
resource "aws_iam_role_policy_attachment" "r" {
  role       = "ops"
  policy_arn = aws_iam_policy.admin.arn
}`,
			Expected: []string{
				"user name=alice <- doc Admin via aws_iam_user_policy_attachment.u",
				"group name=admins <- doc Admin via aws_iam_group_policy_attachment.g",
				"role name=ops <- doc Admin via aws_iam_role_policy_attachment.r",
			},
		},
		{
			Name: "AWS managed policies by ARN, with a path and in other partitions",
			Content: `
resource "aws_iam_user_policy_attachment" "plain" {
  user       = "alice"
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}
resource "aws_iam_user_policy_attachment" "path" {
  user       = "alice"
  policy_arn = "arn:aws:iam::aws:policy/job-function/NetworkAdministrator"
}
resource "aws_iam_user_policy_attachment" "gov" {
  user       = "alice"
  policy_arn = "arn:aws-us-gov:iam::aws:policy/IAMFullAccess"
}
resource "aws_iam_user_policy_attachment" "customer" {
  user       = "alice"
  policy_arn = "arn:aws:iam::111122223333:policy/AdministratorAccess"
}`,
			Expected: []string{
				"user name=alice <- managed AdministratorAccess via aws_iam_user_policy_attachment.plain",
				"user name=alice <- managed NetworkAdministrator via aws_iam_user_policy_attachment.path",
				"user name=alice <- managed IAMFullAccess via aws_iam_user_policy_attachment.gov",
				"user name=alice <- unknown via aws_iam_user_policy_attachment.customer",
			},
		},
		{
			Name: "AWS managed policy through data.aws_iam_policy by name and by ARN",
			Content: `
data "aws_iam_policy" "by_name" {
  name = "PowerUserAccess"
}
data "aws_iam_policy" "by_arn" {
  arn = "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess"
}
resource "aws_iam_group_policy_attachment" "power" {
  group      = "admins"
  policy_arn = data.aws_iam_policy.by_name.arn
}
resource "aws_iam_group_policy_attachment" "view" {
  group      = "admins"
  policy_arn = data.aws_iam_policy.by_arn.arn
}`,
			Expected: []string{
				"group name=admins <- managed PowerUserAccess via aws_iam_group_policy_attachment.power",
				"group name=admins <- managed ViewOnlyAccess via aws_iam_group_policy_attachment.view",
			},
		},
		{
			Name: "aws_iam_policy_attachment to users, groups and roles",
			Content: `
resource "aws_iam_user" "alice" { name = "alice" }
resource "aws_iam_policy_attachment" "admins" {
  name       = "admins"
  users      = [aws_iam_user.alice.name, "bob"]
  groups     = ["admins"]
  roles      = ["ops"]
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}`,
			Expected: []string{
				"user alice <- managed AdministratorAccess via aws_iam_policy_attachment.admins",
				"user name=bob <- managed AdministratorAccess via aws_iam_policy_attachment.admins",
				"group name=admins <- managed AdministratorAccess via aws_iam_policy_attachment.admins",
				"role name=ops <- managed AdministratorAccess via aws_iam_policy_attachment.admins",
			},
		},
		{
			Name: "managed_policy_arns of a role, literal and through a data source",
			Content: `
data "aws_iam_policy" "iam" {
  name = "IAMFullAccess"
}
resource "aws_iam_role" "ops" {
  assume_role_policy  = "{}"
  managed_policy_arns = ["arn:aws:iam::aws:policy/AdministratorAccess", data.aws_iam_policy.iam.arn]
}`,
			Expected: []string{
				"role ops <- managed AdministratorAccess via aws_iam_role.ops",
				"role ops <- managed IAMFullAccess via aws_iam_role.ops",
			},
		},
		{
			Name: "managed_policy_arns from a variable default",
			Content: `
variable "arns" {
  default = ["arn:aws:iam::aws:policy/PowerUserAccess"]
}
resource "aws_iam_role" "ops" {
  assume_role_policy  = "{}"
  managed_policy_arns = var.arns
}`,
			Expected: []string{"role ops <- managed PowerUserAccess via aws_iam_role.ops"},
		},
		{
			Name: "a literal name of a resource of the module is that resource",
			Content: `
resource "aws_iam_user" "alice" { name = "alice" }
resource "aws_iam_role" "ops" {
  name               = "operations"
  assume_role_policy = "{}"
}
resource "aws_iam_user_policy_attachment" "u" {
  user       = "alice"
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}
resource "aws_iam_role_policy_attachment" "r" {
  role       = "arn:aws:iam::111122223333:role/ops/operations"
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}`,
			Expected: []string{
				"user alice <- managed AdministratorAccess via aws_iam_user_policy_attachment.u",
				"role ops <- managed AdministratorAccess via aws_iam_role_policy_attachment.r",
			},
		},
		{
			Name: "identities and policies that cannot be known",
			Content: `
variable "user" {
  type = string
}
variable "arn" {
  type = string
}
resource "aws_iam_user_policy_attachment" "u" {
  user       = var.user
  policy_arn = var.arn
}
resource "aws_iam_role" "ops" {
  assume_role_policy  = "{}"
  managed_policy_arns = var.arn
}`,
			Expected: []string{
				"role ops <- unknown via aws_iam_role.ops",
				"user ? <- unknown via aws_iam_user_policy_attachment.u",
			},
		},
		{
			Name: "an unreadable inline document is a grant of an unknown policy",
			Content: `
variable "doc" {
  type = string
}
resource "aws_iam_user_policy" "u" {
  user   = "alice"
  policy = var.doc
}`,
			Expected: []string{"user name=alice <- unknown via aws_iam_user_policy.u"},
		},
		{
			Name: "three forms of the same document",
			Content: `
data "aws_iam_policy_document" "admin" {
  statement {
    sid       = "Admin"
    actions   = ["*"]
    resources = ["*"]
  }
}
resource "aws_iam_user_policy" "jsonencode" {
  user   = "alice"
  policy = ` + adminDoc + `
}
resource "aws_iam_user_policy" "heredoc" {
  user   = "alice"
  policy = <<-EOT
    {"Version": "2012-10-17", "Statement": [{"Sid": "Admin", "Effect": "Allow", "Action": "*", "Resource": "*"}]}
  EOT
}
resource "aws_iam_user_policy" "data" {
  user   = "alice"
  policy = data.aws_iam_policy_document.admin.json
}`,
			Expected: []string{
				"user name=alice <- doc Admin via aws_iam_user_policy.data",
				"user name=alice <- doc Admin via aws_iam_user_policy.heredoc",
				"user name=alice <- doc Admin via aws_iam_user_policy.jsonencode",
			},
		},
	}

	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			g := buildGraph(t, tc.Content)
			var got []string
			for _, gr := range g.Grants {
				got = append(got, describeGrant(gr))
			}
			if diff := cmp.Diff(sortedCopy(tc.Expected), sortedCopy(got)); diff != "" {
				t.Errorf("grants (-want +got):\n%s", diff)
			}
		})
	}
}

func sortedCopy(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

func TestIAMGraphGrantAt(t *testing.T) {
	g := buildGraph(t, `
resource "aws_iam_policy" "admin" {
  policy = `+adminDoc+`
}
resource "aws_iam_user_policy_attachment" "doc" {
  user       = "alice"
  policy_arn = aws_iam_policy.admin.arn
}
resource "aws_iam_user_policy_attachment" "managed" {
  user       = "alice"
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}`)
	got := map[string]int{}
	for _, gr := range g.Grants {
		got[gr.Via] = gr.At.Start.Line
	}
	// A document is where its policy is written; an AWS managed policy is
	// where its ARN is.
	want := map[string]int{"aws_iam_user_policy_attachment.doc": 3, "aws_iam_user_policy_attachment.managed": 14}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("grant lines (-want +got):\n%s", diff)
	}
}

func TestIAMGraphMembership(t *testing.T) {
	cases := []struct {
		Name     string
		Content  string
		User     identity
		Expected []string
	}{
		{
			Name: "user lists its groups by reference and by name",
			Content: `
resource "aws_iam_user" "alice" { name = "alice" }
resource "aws_iam_group" "admins" { name = "admins" }
resource "aws_iam_user_group_membership" "alice" {
  user   = aws_iam_user.alice.name
  groups = [aws_iam_group.admins.name, "auditors"]
}`,
			User:     identity{Kind: iamUser, Label: "alice"},
			Expected: []string{"group admins", "group name=auditors"},
		},
		{
			Name: "group lists its users",
			Content: `
resource "aws_iam_user" "alice" { name = "alice" }
resource "aws_iam_group" "admins" { name = "admins" }
resource "aws_iam_group_membership" "admins" {
  name  = "admins"
  group = aws_iam_group.admins.name
  users = ["alice", "bob"]
}`,
			User:     identity{Kind: iamUser, Label: "alice"},
			Expected: []string{"group admins"},
		},
		{
			Name: "user named but not declared in the module",
			Content: `
resource "aws_iam_group_membership" "admins" {
  name  = "admins"
  group = "admins"
  users = ["bob"]
}`,
			User:     identity{Kind: iamUser, Name: "bob"},
			Expected: []string{"group name=admins"},
		},
		{
			Name: "unknown users belong to no known user",
			Content: `
variable "users" {
  type = list(string)
}
resource "aws_iam_user" "alice" { name = "alice" }
resource "aws_iam_group_membership" "admins" {
  name  = "admins"
  group = "admins"
  users = var.users
}`,
			User: identity{Kind: iamUser, Label: "alice"},
		},
	}

	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			g := buildGraph(t, tc.Content)
			var got []string
			for _, group := range g.GroupsOf(tc.User) {
				got = append(got, describeIdentity(group))
			}
			if diff := cmp.Diff(sortedCopy(tc.Expected), sortedCopy(got)); diff != "" {
				t.Errorf("GroupsOf (-want +got):\n%s", diff)
			}
		})
	}
}

func TestIAMGraphGrantsToUserThroughGroups(t *testing.T) {
	g := buildGraph(t, `
resource "aws_iam_user" "alice" { name = "alice" }
resource "aws_iam_group" "admins" { name = "admins" }
resource "aws_iam_user_group_membership" "alice" {
  user   = aws_iam_user.alice.name
  groups = [aws_iam_group.admins.name]
}
resource "aws_iam_group_policy_attachment" "admins" {
  group      = aws_iam_group.admins.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}`)
	alice := identity{Kind: iamUser, Label: "alice"}
	if direct := g.GrantsTo(alice); len(direct) != 0 {
		t.Errorf("alice holds %d grants directly, want none", len(direct))
	}
	var got []string
	for _, group := range g.GroupsOf(alice) {
		for _, gr := range g.GrantsTo(group) {
			got = append(got, describeGrant(gr))
		}
	}
	want := []string{"group admins <- managed AdministratorAccess via aws_iam_group_policy_attachment.admins"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("grants through groups (-want +got):\n%s", diff)
	}
}

func TestTrustOf(t *testing.T) {
	cases := []struct {
		Name     string
		Trust    string
		Expected Trust
	}{
		{
			Name:     "account principal is the people of that account",
			Trust:    `jsonencode({ Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = "arn:aws:iam::111122223333:root" } }] })`,
			Expected: Trust{People: true, MFA: false, Source: false},
		},
		{
			Name:     "account ID is people",
			Trust:    `jsonencode({ Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = "111122223333" } }] })`,
			Expected: Trust{People: true},
		},
		{
			Name: "user with MFA and a source address",
			Trust: `jsonencode({ Statement = [{
    Effect = "Allow", Action = "sts:AssumeRole"
    Principal = { AWS = "arn:aws:iam::111122223333:user/alice" }
    Condition = { Bool = { "aws:MultiFactorAuthPresent" = "true" }, IpAddress = { "aws:SourceIp" = "203.0.113.0/24" } }
  }] })`,
			Expected: Trust{People: true, MFA: true, Source: true},
		},
		{
			Name: "MFA in one people statement only is not MFA",
			Trust: `jsonencode({ Statement = [
    { Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = "arn:aws:iam::111122223333:root" }, Condition = { Bool = { "aws:MultiFactorAuthPresent" = "true" } } },
    { Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = "arn:aws:iam::444455556666:root" } },
  ] })`,
			Expected: Trust{People: true, MFA: false, Source: false},
		},
		{
			Name:     "anyone is people",
			Trust:    `jsonencode({ Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = "*" }] })`,
			Expected: Trust{People: true},
		},
		{
			Name:     "service is not people",
			Trust:    `jsonencode({ Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }] })`,
			Expected: Trust{MFA: true, Source: true},
		},
		{
			Name:     "role ARN is not people",
			Trust:    `jsonencode({ Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = "arn:aws:iam::111122223333:role/deployer" } }] })`,
			Expected: Trust{MFA: true, Source: true},
		},
		{
			Name: "third party with an external ID is not people",
			Trust: `jsonencode({ Statement = [{
    Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = "arn:aws:iam::444455556666:root" }
    Condition = { StringEquals = { "sts:ExternalId" = "a1b2c3" } }
  }] })`,
			Expected: Trust{MFA: true, Source: true},
		},
		{
			Name:     "federated provider",
			Trust:    `jsonencode({ Statement = [{ Effect = "Allow", Action = "sts:AssumeRoleWithSAML", Principal = { Federated = "arn:aws:iam::111122223333:saml-provider/idp" } }] })`,
			Expected: Trust{Federated: true, MFA: true, Source: true},
		},
		{
			Name:     "principal from a variable without default is unknown",
			Trust:    `jsonencode({ Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = var.principal } }] })`,
			Expected: Trust{Unknown: true, MFA: true, Source: true},
		},
		{
			Name:     "trust policy that cannot be known",
			Trust:    `var.trust`,
			Expected: Trust{Unknown: true, MFA: true, Source: true},
		},
		{
			Name:     "an effect that cannot be known on an assume statement makes the trust unknown",
			Trust:    `jsonencode({ Statement = [{ Effect = var.effect, Action = "sts:AssumeRole", Principal = { AWS = "arn:aws:iam::111122223333:root" } }] })`,
			Expected: Trust{Unknown: true, MFA: true, Source: true},
		},
		{
			Name:     "deny lets nobody in",
			Trust:    `jsonencode({ Statement = [{ Effect = "Deny", Action = "sts:AssumeRole", Principal = { AWS = "arn:aws:iam::111122223333:root" } }] })`,
			Expected: Trust{MFA: true, Source: true},
		},
		{
			Name: "written with aws_iam_policy_document",
			Trust: `data.aws_iam_policy_document.trust.json
}
data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:root"]
    }
    condition {
      test     = "NumericLessThan"
      variable = "aws:MultiFactorAuthAge"
      values   = ["3600"]
    }
  }`,
			Expected: Trust{People: true, MFA: true, Source: false},
		},
	}

	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			g := buildGraph(t, `
variable "principal" {
  type = string
}
variable "trust" {
  type = string
}
resource "aws_iam_role" "r" {
  assume_role_policy = `+tc.Trust+`
}`)
			r, ok := g.Roles["r"]
			if !ok {
				t.Fatal("role r is not in the graph")
			}
			if diff := cmp.Diff(tc.Expected, TrustOf(r.Trust)); diff != "" {
				t.Errorf("TrustOf (-want +got):\n%s", diff)
			}
		})
	}
}
