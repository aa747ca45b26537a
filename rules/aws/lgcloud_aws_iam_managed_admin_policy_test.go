package aws

import (
	"fmt"
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

// managedAdminMessage is the rule's Japanese message.
func managedAdminMessage(holders, policy string) string {
	return fmt.Sprintf("%s に AWS 管理ポリシー %s が付与されています。必要最小限の権限に絞ったポリシーに置き換えてください。管理者権限が必要な場合は、信頼ポリシーで多要素認証（MFA）を要求するロールにだけ付与してください。", holders, policy) + citeAdminMFA
}

// Trust policies of the roles the tests attach policies to.
const (
	trustPeopleMFA = `jsonencode({
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "arn:aws:iam::111122223333:root" }
      Condition = { Bool = { "aws:MultiFactorAuthPresent" = "true" } }
    }]
  })`
	trustPeople = `jsonencode({
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = "arn:aws:iam::111122223333:root" } }]
  })`
	trustService = `jsonencode({
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }]
  })`
)

func TestAwsIamManagedAdminPolicyRule(t *testing.T) {
	rule := NewAwsIamManagedAdminPolicyRule()
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "AdministratorAccess attached to a user is reported at the ARN",
			Content: `
resource "aws_iam_user" "contractor" {
  name = "contractor"
}

resource "aws_iam_user_policy_attachment" "admin" {
  user       = aws_iam_user.contractor.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}`,
			Expected: helper.Issues{
				iamIssue(rule, "aws_iam_user.contractor に AWS 管理ポリシー AdministratorAccess が付与されています。必要最小限の権限に絞ったポリシーに置き換えてください。管理者権限が必要な場合は、信頼ポリシーで多要素認証（MFA）を要求するロールにだけ付与してください。 [指針 4.3.1.4, 4.6.2.2 / JIS Q 27017 9.2.3, 9.4.2, 9.4.1, 12.4.3]", 8, 16, 8, 61),
			},
		},
		{
			Name: "IAMFullAccess through data.aws_iam_policy attached to a group",
			Content: `
data "aws_iam_policy" "iam" {
  name = "IAMFullAccess"
}

resource "aws_iam_group_policy_attachment" "iam" {
  group      = "operators"
  policy_arn = data.aws_iam_policy.iam.arn
}`,
			Expected: helper.Issues{
				iamIssue(rule, managedAdminMessage("IAM グループ operators", "IAMFullAccess"), 8, 16, 8, 43),
			},
		},
		{
			Name: "one attachment to users, groups and roles is reported once, naming them",
			Content: `
resource "aws_iam_role" "ops" {
  assume_role_policy = ` + trustPeople + `
}

resource "aws_iam_role" "break_glass" {
  assume_role_policy = ` + trustPeopleMFA + `
}

resource "aws_iam_policy_attachment" "power" {
  name       = "power"
  users      = ["alice"]
  groups     = ["operators"]
  roles      = [aws_iam_role.ops.name, aws_iam_role.break_glass.name]
  policy_arn = "arn:aws:iam::aws:policy/PowerUserAccess"
}`,
			Expected: helper.Issues{
				iamIssue(rule, managedAdminMessage("IAM グループ operators、IAM ユーザー alice、aws_iam_role.ops", "PowerUserAccess"), 24, 16, 24, 57),
			},
		},
		{
			Name: "service role holding PowerUserAccess in managed_policy_arns is reported at the element",
			Content: `
resource "aws_iam_role" "app" {
  assume_role_policy  = ` + trustService + `
  managed_policy_arns = ["arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::aws:policy/PowerUserAccess"]
}`,
			Expected: helper.Issues{
				iamIssue(rule, managedAdminMessage("aws_iam_role.app", "PowerUserAccess"), 6, 68, 6, 109),
			},
		},
		{
			Name: "managed_policy_arns from a variable default is reported at the reference",
			Content: `
variable "arns" {
  default = ["arn:aws:iam::aws:policy/AdministratorAccess"]
}

resource "aws_iam_role" "app" {
  assume_role_policy  = ` + trustService + `
  managed_policy_arns = var.arns
}`,
			Expected: helper.Issues{
				iamIssue(rule, managedAdminMessage("aws_iam_role.app", "AdministratorAccess"), 10, 25, 10, 33),
			},
		},
		{
			Name: "break-glass role whose trust requires MFA passes",
			Content: `
resource "aws_iam_role" "break_glass" {
  assume_role_policy  = ` + trustPeopleMFA + `
  managed_policy_arns = ["arn:aws:iam::aws:policy/AdministratorAccess"]
}

resource "aws_iam_role_policy_attachment" "iam" {
  role       = aws_iam_role.break_glass.name
  policy_arn = "arn:aws:iam::aws:policy/IAMFullAccess"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "role that services may also assume is reported even with MFA for people",
			Content: `
resource "aws_iam_role" "mixed" {
  assume_role_policy = jsonencode({
    Statement = [
      {
        Effect    = "Allow"
        Action    = "sts:AssumeRole"
        Principal = { AWS = "arn:aws:iam::111122223333:root" }
        Condition = { Bool = { "aws:MultiFactorAuthPresent" = "true" } }
      },
      { Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } },
    ]
  })
}

resource "aws_iam_role_policy_attachment" "admin" {
  role       = aws_iam_role.mixed.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}`,
			Expected: helper.Issues{
				iamIssue(rule, managedAdminMessage("aws_iam_role.mixed", "AdministratorAccess"), 18, 16, 18, 61),
			},
		},
		{
			Name: "role people assume through SAML passes",
			Content: `
resource "aws_iam_role" "sso" {
  assume_role_policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRoleWithSAML", Principal = { Federated = "arn:aws:iam::111122223333:saml-provider/idp" } }]
  })
  managed_policy_arns = ["arn:aws:iam::aws:policy/AdministratorAccess"]
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "role a workload assumes through OIDC is reported",
			Content: `
resource "aws_iam_role" "ci" {
  assume_role_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" }
    }]
  })
  managed_policy_arns = ["arn:aws:iam::aws:policy/AdministratorAccess"]
}`,
			Expected: helper.Issues{
				iamIssue(rule, managedAdminMessage("aws_iam_role.ci", "AdministratorAccess"), 10, 26, 10, 71),
			},
		},
		{
			Name: "other AWS managed policies pass",
			Content: `
resource "aws_iam_user_policy_attachment" "read" {
  user       = "auditor"
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

resource "aws_iam_user_policy_attachment" "network" {
  user       = "auditor"
  policy_arn = "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "role outside the module is not reported",
			Content: `
resource "aws_iam_role_policy_attachment" "admin" {
  role       = "ops"
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}`,
			Expected: helper.Issues{},
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
				iamIssue(linttest.Notice(rule), "strict: 管理者ポリシーを付与されたロールの信頼ポリシーを確認できません。aws_iam_role_policy_attachment.admin: 付与先のロールが lint 時に決まらないか、このモジュールにありません。"+citeAdminMFA, 4, 16, 4, 61),
			},
		},
		{
			Name: "role whose trust cannot be known is named by a strict notice",
			Content: `
variable "trust" {
  type = string
}

resource "aws_iam_role" "ops" {
  assume_role_policy  = var.trust
  managed_policy_arns = ["arn:aws:iam::aws:policy/AdministratorAccess"]
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				iamIssue(linttest.Notice(rule), "strict: 管理者ポリシーを付与されたロールの信頼ポリシーを確認できません。assume_role_policy: ポリシー文書が lint 時に決まりません。"+citeAdminMFA, 7, 25, 7, 34),
			},
		},
		{
			Name: "English message",
			Content: `
resource "aws_iam_user_policy_attachment" "admin" {
  user       = "contractor"
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}`,
			Config: linttest.English(),
			Expected: helper.Issues{
				iamIssue(rule, "IAM user contractor holds the AWS managed policy AdministratorAccess; replace it with a policy limited to what is needed, and where administrator access is needed, give it only to a role whose trust policy requires MFA."+citeAdminMFAEN, 4, 16, 4, 61),
			},
		},
	}

	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsIamManagedAdminPolicyRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}
