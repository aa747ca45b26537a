package aws

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

// attachedAt is a range on one line of resource.tf.
func attachedAt(line, start, end int) hcl.Range {
	return hcl.Range{Filename: "resource.tf", Start: hcl.Pos{Line: line, Column: start}, End: hcl.Pos{Line: line, Column: end}}
}

func attachedMsg(via string) string {
	return via + " は IAM ユーザーにポリシーを直接付与しています。人の異動や退職の際に権限を管理しやすいよう、グループまたはロールを通じて付与してください。 [指針 4.6.3.2 / JIS Q 27017 9.2.1, 9.2.2, 9.4.1]"
}

const attachedUser = `
resource "aws_iam_user" "alice" {
  name = "alice"
}
`

func TestAwsIamUserPolicyAttachedRule(t *testing.T) {
	rule := NewAwsIamUserPolicyAttachedRule()
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "inline user policy is reported at its user",
			Content: attachedUser + `
resource "aws_iam_user_policy" "alice" {
  user   = aws_iam_user.alice.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "*" }]
  })
}`,
			Expected: helper.Issues{{Rule: rule, Message: attachedMsg("aws_iam_user_policy.alice"), Range: attachedAt(7, 12, 35)}},
		},
		{
			Name: "inline user policy from a policy document data source is reported",
			Content: attachedUser + `
data "aws_iam_policy_document" "read" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["*"]
  }
}

resource "aws_iam_user_policy" "alice" {
  user   = "alice"
  policy = data.aws_iam_policy_document.read.json
}`,
			Expected: helper.Issues{{Rule: rule, Message: attachedMsg("aws_iam_user_policy.alice"), Range: attachedAt(14, 12, 19)}},
		},
		{
			Name: "user policy attachment of an AWS managed policy is reported at its user",
			Content: attachedUser + `
resource "aws_iam_user_policy_attachment" "alice" {
  user       = aws_iam_user.alice.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}`,
			Expected: helper.Issues{{Rule: rule, Message: attachedMsg("aws_iam_user_policy_attachment.alice"), Range: attachedAt(7, 16, 39)}},
		},
		{
			Name: "user policy attachment of a customer-managed policy is reported",
			Content: attachedUser + `
resource "aws_iam_policy" "read" {
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "*" }]
  })
}

resource "aws_iam_user_policy_attachment" "alice" {
  user       = aws_iam_user.alice.name
  policy_arn = aws_iam_policy.read.arn
}`,
			Expected: helper.Issues{{Rule: rule, Message: attachedMsg("aws_iam_user_policy_attachment.alice"), Range: attachedAt(14, 16, 39)}},
		},
		{
			Name: "user of another module named by a variable is still a user",
			Content: `
variable "user" {
  type = string
}

resource "aws_iam_user_policy_attachment" "someone" {
  user       = var.user
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}`,
			Expected: helper.Issues{{Rule: rule, Message: attachedMsg("aws_iam_user_policy_attachment.someone"), Range: attachedAt(7, 16, 24)}},
		},
		{
			Name: "unknown policy ARN still attaches a policy to a user",
			Content: `
variable "policy_arn" {
  type = string
}

resource "aws_iam_user_policy_attachment" "alice" {
  user       = "alice"
  policy_arn = var.policy_arn
}`,
			Expected: helper.Issues{{Rule: rule, Message: attachedMsg("aws_iam_user_policy_attachment.alice"), Range: attachedAt(7, 16, 23)}},
		},
		{
			Name: "shared attachment naming users is reported once at users",
			Content: attachedUser + `
resource "aws_iam_policy_attachment" "shared" {
  name       = "shared"
  users      = [aws_iam_user.alice.name, "bob"]
  groups     = ["operators"]
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}`,
			Expected: helper.Issues{{Rule: rule, Message: attachedMsg("aws_iam_policy_attachment.shared"), Range: attachedAt(8, 16, 48)}},
		},
		{
			Name: "shared attachment to groups and roles only passes",
			Content: `
resource "aws_iam_policy_attachment" "shared" {
  name       = "shared"
  groups     = ["operators"]
  roles      = ["deployer"]
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "shared attachment with an empty users list passes",
			Content: `
resource "aws_iam_policy_attachment" "shared" {
  name       = "shared"
  users      = []
  groups     = ["operators"]
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "users from a variable default are reported",
			Content: `
variable "users" {
  default = ["alice"]
}

resource "aws_iam_policy_attachment" "shared" {
  name       = "shared"
  users      = var.users
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}`,
			Expected: helper.Issues{{Rule: rule, Message: attachedMsg("aws_iam_policy_attachment.shared"), Range: attachedAt(8, 16, 25)}},
		},
		{
			Name: "empty users from a variable default pass",
			Content: `
variable "users" {
  default = []
}

resource "aws_iam_policy_attachment" "shared" {
  name       = "shared"
  users      = var.users
  groups     = ["operators"]
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "users from a variable without default may be none and are not reported",
			Content: `
variable "users" {
  type = list(string)
}

resource "aws_iam_policy_attachment" "shared" {
  name       = "shared"
  users      = var.users
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "users from a variable without default are named by a strict notice",
			Content: `
variable "users" {
  type = list(string)
}

resource "aws_iam_policy_attachment" "shared" {
  name       = "shared"
  users      = var.users
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				{
					Rule:    linttest.Notice(rule),
					Message: "strict: ポリシーを付与する IAM ユーザーを確認できません。users: lint 時に値が決まりません。 [指針 4.6.3.2 / JIS Q 27017 9.2.1, 9.2.2, 9.4.1]",
					Range:   attachedAt(8, 16, 25),
				},
			},
		},
		{
			Name: "policies of groups and roles pass",
			Content: `
resource "aws_iam_group_policy" "operators" {
  group  = "operators"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "*" }]
  })
}

resource "aws_iam_role_policy_attachment" "deployer" {
  role       = "deployer"
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

resource "aws_iam_group_policy_attachment" "operators" {
  group      = "operators"
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "a user in a group without policies of its own passes",
			Content: attachedUser + `
resource "aws_iam_user_group_membership" "alice" {
  user   = aws_iam_user.alice.name
  groups = ["operators"]
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "English message",
			Content: attachedUser + `
resource "aws_iam_user_policy_attachment" "alice" {
  user       = aws_iam_user.alice.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}`,
			Config: linttest.English(),
			Expected: helper.Issues{
				{
					Rule:    rule,
					Message: "aws_iam_user_policy_attachment.alice attaches a policy to an IAM user directly; grant it through a group or a role, so that access rights stay manageable when people change. [Guideline 4.6.3.2 / JIS Q 27017 9.2.1, 9.2.2, 9.4.1]",
					Range:   attachedAt(7, 16, 39),
				},
			},
		},
	}

	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsIamUserPolicyAttachedRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}
