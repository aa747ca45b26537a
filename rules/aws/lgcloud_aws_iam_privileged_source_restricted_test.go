package aws

import (
	"errors"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

const (
	citeSource   = " [指針 4.3.1.4 / JIS Q 27017 9.2.3, 9.4.2, 9.4.1, 12.4.3]"
	citeSourceEN = " [Guideline 4.3.1.4 / JIS Q 27017 9.2.3, 9.4.2, 9.4.1, 12.4.3]"
)

// sourceMessage is the rule's Japanese message on a document.
func sourceMessage(holders, action string) string {
	return fmt.Sprintf("このポリシーは %s に管理者権限（%s、Resource \"*\"）を接続元の制限なしで与えています。その文に aws:SourceIp（許可された拠点の IP アドレス）、aws:SourceVpc または aws:SourceVpce の条件を加えてください（他の接続元からの要求を拒否する Deny 文や、ロールの信頼ポリシーでの制限でも構いません）。", holders, action) + citeSource
}

// sourceManagedMessage is the rule's Japanese message on an AWS managed
// policy.
func sourceManagedMessage(holders, policy string) string {
	return fmt.Sprintf("%s に AWS 管理ポリシー %s が接続元の制限なしで付与されています。AWS 管理ポリシーには条件を付けられないため、aws:SourceIp などで接続元を限った独自のポリシーに置き換えるか、他の接続元からの要求を拒否する Deny 文やロールの信頼ポリシーで接続元を制限してください。", holders, policy) + citeSource
}

// outsideMessage is the rule's Japanese message on an address outside the
// allowed ranges.
func outsideMessage(address, allowed string) string {
	return fmt.Sprintf("aws:SourceIp の %s は allowed_source_cidrs（%s）の範囲外です。管理者権限を使える接続元を、許可された拠点のアドレス範囲に限ってください。", address, allowed) + citeSource
}

const adminFromOffice = `jsonencode({
    Statement = [{
      Effect    = "Allow"
      Action    = "*"
      Resource  = "*"
      Condition = { IpAddress = { "aws:SourceIp" = ["203.0.113.0/24", "198.51.100.7"] } }
    }]
  })`

func TestAwsIamPrivilegedSourceRestrictedRule(t *testing.T) {
	rule := NewAwsIamPrivilegedSourceRestrictedRule()
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Options  *PrivilegedSourceOptions
		Expected helper.Issues
	}{
		{
			Name: "user's administrator policy without a source condition is reported at the document",
			Content: `
resource "aws_iam_user_policy" "admin" {
  user   = "alice"
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
  })
}`,
			Expected: helper.Issues{
				iamIssue(rule, "このポリシーは IAM ユーザー alice に管理者権限（Action \"*\"、Resource \"*\"）を接続元の制限なしで与えています。その文に aws:SourceIp（許可された拠点の IP アドレス）、aws:SourceVpc または aws:SourceVpce の条件を加えてください（他の接続元からの要求を拒否する Deny 文や、ロールの信頼ポリシーでの制限でも構いません）。 [指針 4.3.1.4 / JIS Q 27017 9.2.3, 9.4.2, 9.4.1, 12.4.3]", 4, 12, 6, 5),
			},
		},
		{
			Name: "source address condition on the statement passes",
			Content: `
resource "aws_iam_user_policy" "admin" {
  user   = "alice"
  policy = ` + adminFromOffice + `
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "VPC endpoint condition in aws_iam_policy_document passes",
			Content: `
data "aws_iam_policy_document" "admin" {
  statement {
    actions   = ["*"]
    resources = ["*"]
    condition {
      test     = "StringEquals"
      variable = "aws:SourceVpce"
      values   = ["vpce-0a1b2c3d"]
    }
  }
}

resource "aws_iam_group_policy" "admin" {
  group  = "admins"
  policy = data.aws_iam_policy_document.admin.json
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "IfExists source condition lets requests without the key through and is reported",
			Content: `
resource "aws_iam_group_policy" "admin" {
  group  = "admins"
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Action    = "*"
      Resource  = "*"
      Condition = { IpAddressIfExists = { "aws:SourceIp" = "203.0.113.0/24" } }
    }]
  })
}`,
			Expected: helper.Issues{
				iamIssue(rule, sourceMessage("IAM グループ admins", `Action "*"`), 4, 12, 11, 5),
			},
		},
		{
			Name: "Deny of requests from elsewhere in the same document passes",
			Content: `
resource "aws_iam_user_policy" "admin" {
  user   = "alice"
  policy = jsonencode({
    Statement = [
      { Effect = "Allow", Action = "*", Resource = "*" },
      {
        Effect    = "Deny"
        Action    = "*"
        Resource  = "*"
        Condition = { NotIpAddress = { "aws:SourceIp" = "203.0.113.0/24" }, Bool = { "aws:ViaAWSService" = "false" } }
      },
    ]
  })
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "Deny of requests from elsewhere held through a group passes",
			Content: `
resource "aws_iam_group" "staff" {
  name = "staff"
}

resource "aws_iam_group_policy" "office_only" {
  group = aws_iam_group.staff.name
  policy = jsonencode({
    Statement = [{ Effect = "Deny", Action = "*", Resource = "*", Condition = { NotIpAddress = { "aws:SourceIp" = "203.0.113.0/24" } } }]
  })
}

resource "aws_iam_group_membership" "staff" {
  name  = "staff"
  group = aws_iam_group.staff.name
  users = ["alice"]
}

resource "aws_iam_user_policy_attachment" "admin" {
  user       = "alice"
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "AWS managed administrator policy held by a user is reported at the ARN",
			Content: `
resource "aws_iam_user_policy_attachment" "admin" {
  user       = "alice"
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}`,
			Expected: helper.Issues{
				iamIssue(rule, sourceManagedMessage("IAM ユーザー alice", "AdministratorAccess"), 4, 16, 4, 61),
			},
		},
		{
			Name: "role people assume without a source restriction is reported",
			Content: `
resource "aws_iam_role" "ops" {
  assume_role_policy = ` + trustPeopleMFA + `
}

resource "aws_iam_role_policy" "admin" {
  role   = aws_iam_role.ops.id
  policy = jsonencode({
    Statement = [{ Effect = "Allow", NotAction = ["organizations:*"], Resource = "*" }]
  })
}`,
			Expected: helper.Issues{
				iamIssue(rule, sourceMessage("aws_iam_role.ops", "NotAction"), 15, 12, 17, 5),
			},
		},
		{
			Name: "break-glass role with MFA and a source address in its trust passes",
			Content: `
resource "aws_iam_role" "break_glass" {
  assume_role_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "arn:aws:iam::111122223333:root" }
      Condition = {
        Bool      = { "aws:MultiFactorAuthPresent" = "true" }
        IpAddress = { "aws:SourceIp" = "203.0.113.0/24" }
      }
    }]
  })
  managed_policy_arns = ["arn:aws:iam::aws:policy/AdministratorAccess"]
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "service role is not people",
			Content: `
resource "aws_iam_role" "app" {
  assume_role_policy  = ` + trustService + `
  managed_policy_arns = ["arn:aws:iam::aws:policy/AdministratorAccess"]
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "policy that grants no administrator access passes",
			Content: `
resource "aws_iam_user_policy" "read" {
  user   = "alice"
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = ["s3:GetObject"], Resource = "*" }]
  })
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "addresses within the allowed ranges pass",
			Content: `
resource "aws_iam_user_policy" "admin" {
  user   = "alice"
  policy = ` + adminFromOffice + `
}`,
			Options:  &PrivilegedSourceOptions{AllowedSourceCIDRs: []string{"203.0.113.0/24", "198.51.100.0/24"}},
			Expected: helper.Issues{},
		},
		{
			Name: "address outside the allowed ranges is reported at the document",
			Content: `
resource "aws_iam_user_policy" "admin" {
  user   = "alice"
  policy = ` + adminFromOffice + `
}`,
			Options: &PrivilegedSourceOptions{AllowedSourceCIDRs: []string{"203.0.113.0/24"}},
			Expected: helper.Issues{
				iamIssue(rule, outsideMessage("198.51.100.7", "203.0.113.0/24"), 4, 12, 11, 5),
			},
		},
		{
			Name: "range wider than the allowed range is outside it",
			Content: `
resource "aws_iam_user_policy" "admin" {
  user   = "alice"
  policy = ` + adminFromOffice + `
}`,
			Options: &PrivilegedSourceOptions{AllowedSourceCIDRs: []string{"203.0.113.128/25", "198.51.100.7/32"}},
			Expected: helper.Issues{
				iamIssue(rule, outsideMessage("203.0.113.0/24", "203.0.113.128/25, 198.51.100.7/32"), 4, 12, 11, 5),
			},
		},
		{
			Name: "address outside the allowed ranges in a role's trust is reported at the trust",
			Content: `
resource "aws_iam_role" "break_glass" {
  assume_role_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "arn:aws:iam::111122223333:root" }
      Condition = { IpAddress = { "aws:SourceIp" = "0.0.0.0/0" } }
    }]
  })
  managed_policy_arns = ["arn:aws:iam::aws:policy/AdministratorAccess"]
}`,
			Options: &PrivilegedSourceOptions{AllowedSourceCIDRs: []string{"203.0.113.0/24"}},
			Expected: helper.Issues{
				iamIssue(rule, outsideMessage("0.0.0.0/0", "203.0.113.0/24"), 3, 24, 10, 5),
			},
		},
		{
			Name: "address outside the allowed ranges in a Deny is reported at the Deny",
			Content: `
resource "aws_iam_user_policy" "office_only" {
  user   = "alice"
  policy = jsonencode({
    Statement = [{ Effect = "Deny", Action = "*", Resource = "*", Condition = { NotIpAddress = { "aws:SourceIp" = "192.0.2.0/24" } } }]
  })
}

resource "aws_iam_user_policy_attachment" "admin" {
  user       = "alice"
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}`,
			Options: &PrivilegedSourceOptions{AllowedSourceCIDRs: []string{"203.0.113.0/24"}},
			Expected: helper.Issues{
				iamIssue(rule, outsideMessage("192.0.2.0/24", "203.0.113.0/24"), 4, 12, 6, 5),
			},
		},
		{
			Name: "source address that cannot be known counts as a restriction",
			Content: `
variable "office_cidr" {
  type = string
}

resource "aws_iam_user_policy" "admin" {
  user   = "alice"
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Action    = "*"
      Resource  = "*"
      Condition = { IpAddress = { "aws:SourceIp" = var.office_cidr } }
    }]
  })
}`,
			Options:  &PrivilegedSourceOptions{AllowedSourceCIDRs: []string{"203.0.113.0/24"}},
			Expected: helper.Issues{},
		},
		{
			Name: "condition that cannot be read is named by a strict notice",
			Content: `
variable "test" {
  type = string
}

data "aws_iam_policy_document" "admin" {
  statement {
    actions   = ["*"]
    resources = ["*"]
    condition {
      test     = var.test
      variable = "aws:SourceIp"
      values   = ["203.0.113.0/24"]
    }
  }
}

resource "aws_iam_user_policy" "admin" {
  user   = "alice"
  policy = data.aws_iam_policy_document.admin.json
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				iamIssue(linttest.Notice(rule), "strict: 管理者権限の接続元の制限を確認できません。policy: 管理者権限を与える文の条件が lint 時に決まりません。"+citeSource, 20, 12, 20, 51),
			},
		},
		{
			Name: "document that cannot be known is not reported",
			Content: `
variable "policy" {
  type = string
}

resource "aws_iam_user_policy" "admin" {
  user   = "alice"
  policy = var.policy
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "document that cannot be known is named by a strict notice",
			Content: `
variable "policy" {
  type = string
}

resource "aws_iam_user_policy" "admin" {
  user   = "alice"
  policy = var.policy
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				iamIssue(linttest.Notice(rule), "strict: 管理者権限の接続元の制限を確認できません。policy: ポリシー文書が lint 時に決まりません。"+citeSource, 8, 12, 8, 22),
			},
		},
		{
			Name: "role outside the module is named by a strict notice",
			Content: `
resource "aws_iam_role_policy_attachment" "admin" {
  role       = "ops"
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				iamIssue(linttest.Notice(rule), "strict: 管理者権限の接続元の制限を確認できません。aws_iam_role_policy_attachment.admin: 付与先のロールが lint 時に決まらないか、このモジュールにありません。"+citeSource, 4, 16, 4, 61),
			},
		},
		{
			Name: "role outside the module holding no administrator access is not named",
			Content: `
resource "aws_iam_role_policy_attachment" "read" {
  role       = "ops"
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "English message",
			Content: `
resource "aws_iam_user_policy_attachment" "admin" {
  user       = "alice"
  policy_arn = "arn:aws:iam::aws:policy/IAMFullAccess"
}`,
			Config: linttest.English(),
			Expected: helper.Issues{
				iamIssue(rule, "IAM user alice holds the AWS managed policy IAMFullAccess with no restriction on where requests come from; a managed policy cannot carry conditions, so replace it with a policy of your own that restricts aws:SourceIp or the like, or restrict the source with a Deny of requests from elsewhere or in the trust policy of a role."+citeSourceEN, 4, 16, 4, 55),
			},
		},
	}

	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			var opts any
			if tc.Options != nil {
				opts = tc.Options
			}
			runner := linttest.RunWith(t, NewAwsIamPrivilegedSourceRestrictedRule(), map[string]string{"resource.tf": tc.Content}, tc.Config, opts)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}

func TestPrivilegedSourceOptionsValidate(t *testing.T) {
	cases := []struct {
		Name     string
		CIDRs    []string
		Expected *lint.OptionError
	}{
		{Name: "no ranges accept any restriction"},
		{Name: "IPv4 and IPv6 ranges are valid", CIDRs: []string{"203.0.113.0/24", "2001:db8::/32"}},
		{
			Name:     "an address without a prefix length is not a range",
			CIDRs:    []string{"203.0.113.0/24", "198.51.100.7"},
			Expected: &lint.OptionError{Attribute: "allowed_source_cidrs", Detail: `"198.51.100.7" is not a CIDR block; write an address range such as "203.0.113.0/24"`},
		},
		{
			Name:     "a misspelt range is rejected",
			CIDRs:    []string{"203.0.113.0/33"},
			Expected: &lint.OptionError{Attribute: "allowed_source_cidrs", Detail: `"203.0.113.0/33" is not a CIDR block; write an address range such as "203.0.113.0/24"`},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			err := (&PrivilegedSourceOptions{AllowedSourceCIDRs: tc.CIDRs}).Validate()
			var got *lint.OptionError
			if err != nil && !errors.As(err, &got) {
				t.Fatalf("Validate() = %v, want an *lint.OptionError", err)
			}
			if diff := cmp.Diff(tc.Expected, got); diff != "" {
				t.Errorf("Validate() (-want +got):\n%s", diff)
			}
		})
	}
}

func TestAwsIamPrivilegedSourceRestrictedRuleDefaults(t *testing.T) {
	opts, ok := NewAwsIamPrivilegedSourceRestrictedRule().NewOptions().(*PrivilegedSourceOptions)
	if !ok {
		t.Fatalf("NewOptions() is not a *PrivilegedSourceOptions")
	}
	if len(opts.AllowedSourceCIDRs) != 0 {
		t.Errorf("allowed_source_cidrs defaults to %q, want none", opts.AllowedSourceCIDRs)
	}
}
