package aws

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

// consoleAt is a range on one line of resource.tf.
func consoleAt(line, start, end int) hcl.Range {
	return hcl.Range{Filename: "resource.tf", Start: hcl.Pos{Line: line, Column: start}, End: hcl.Pos{Line: line, Column: end}}
}

const consoleCite = " [指針 4.3.1.4, 4.6.2.2 / JIS Q 27017 9.2.3, 9.4.2, 9.4.1, 12.4.3]"

func consoleMsg(user, profile string) string {
	return "IAM ユーザー " + user + " はコンソールにサインインできます（" + profile + "）が、MFA を強制するポリシーを持っていません。aws:MultiFactorAuthPresent が false のリクエストを拒否する Deny ステートメントを、ユーザーまたはそのグループのポリシーに加えてください。" + consoleCite
}

func consoleNotice(user, name, why string) string {
	return "strict: IAM ユーザー " + user + " の MFA の強制を確認できません。" + name + ": " + why + "。" + consoleCite
}

// consoleAlice declares alice with console access; the login profile's user
// is at line 7, columns 10-33.
const consoleAlice = `
resource "aws_iam_user" "alice" {
  name = "alice"
}

resource "aws_iam_user_login_profile" "alice" {
  user = aws_iam_user.alice.name
}
`

// consoleForceMFA is the usual policy that denies all but setting up MFA to
// sessions without MFA.
const consoleForceMFA = `jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Sid = "ManageOwnMFA", Effect = "Allow", Action = ["iam:CreateVirtualMFADevice", "iam:EnableMFADevice"], Resource = "*" },
      {
        Sid       = "DenyWithoutMFA"
        Effect    = "Deny"
        NotAction = ["iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:ListMFADevices", "sts:GetSessionToken"]
        Resource  = "*"
        Condition = { BoolIfExists = { "aws:MultiFactorAuthPresent" = "false" } }
      },
    ]
  })`

func TestAwsIamUserConsoleMfaRule(t *testing.T) {
	rule := NewAwsIamUserConsoleMfaRule()
	aliceAt := consoleAt(7, 10, 33)
	alice := consoleMsg("aws_iam_user.alice", "aws_iam_user_login_profile.alice")
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name:     "console user without policies is reported at the login profile's user",
			Content:  consoleAlice,
			Expected: helper.Issues{{Rule: rule, Message: alice, Range: aliceAt}},
		},
		{
			Name: "console user with an inline policy that enforces MFA passes",
			Content: consoleAlice + `
resource "aws_iam_user_policy" "force_mfa" {
  user   = aws_iam_user.alice.name
  policy = ` + consoleForceMFA + `
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "Deny with Bool false enforces MFA",
			Content: consoleAlice + `
resource "aws_iam_user_policy" "force_mfa" {
  user   = "alice"
  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [{
        "Effect": "Deny",
        "Action": "*",
        "Resource": "*",
        "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "false"}}
      }]
    }
  EOT
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "Deny when MultiFactorAuthAge is null enforces MFA",
			Content: consoleAlice + `
data "aws_iam_policy_document" "force_mfa" {
  statement {
    effect      = "Deny"
    not_actions = ["iam:EnableMFADevice"]
    resources   = ["*"]
    condition {
      test     = "Null"
      variable = "aws:MultiFactorAuthAge"
      values   = ["true"]
    }
  }
}

resource "aws_iam_policy" "force_mfa" {
  policy = data.aws_iam_policy_document.force_mfa.json
}

resource "aws_iam_user_policy_attachment" "force_mfa" {
  user       = aws_iam_user.alice.name
  policy_arn = aws_iam_policy.force_mfa.arn
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "console user in a group whose policy enforces MFA passes",
			Content: consoleAlice + `
resource "aws_iam_group" "staff" {
  name = "staff"
}

resource "aws_iam_user_group_membership" "alice" {
  user   = aws_iam_user.alice.name
  groups = [aws_iam_group.staff.name]
}

resource "aws_iam_group_policy" "force_mfa" {
  group  = aws_iam_group.staff.name
  policy = ` + consoleForceMFA + `
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "group membership by name and a group policy attachment count",
			Content: consoleAlice + `
resource "aws_iam_group" "staff" {
  name = "staff"
}

resource "aws_iam_group_membership" "staff" {
  name  = "staff"
  group = "staff"
  users = ["alice"]
}

resource "aws_iam_policy" "force_mfa" {
  policy = ` + consoleForceMFA + `
}

resource "aws_iam_group_policy_attachment" "force_mfa" {
  group      = aws_iam_group.staff.name
  policy_arn = aws_iam_policy.force_mfa.arn
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "a group whose policy enforces MFA does not cover users outside it",
			Content: consoleAlice + `
resource "aws_iam_group" "staff" {
  name = "staff"
}

resource "aws_iam_group_membership" "staff" {
  name  = "staff"
  group = aws_iam_group.staff.name
  users = ["bob"]
}

resource "aws_iam_group_policy" "force_mfa" {
  group  = aws_iam_group.staff.name
  policy = ` + consoleForceMFA + `
}`,
			Expected: helper.Issues{{Rule: rule, Message: alice, Range: aliceAt}},
		},
		{
			Name: "AWS managed policies and Allow-only policies do not enforce MFA",
			Content: consoleAlice + `
resource "aws_iam_user_policy_attachment" "read_only" {
  user       = aws_iam_user.alice.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

resource "aws_iam_user_policy" "admin_with_mfa" {
  user = aws_iam_user.alice.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "*", Resource = "*", Condition = { Bool = { "aws:MultiFactorAuthPresent" = "true" } } }]
  })
}`,
			Expected: helper.Issues{{Rule: rule, Message: alice, Range: aliceAt}},
		},
		{
			Name: "login profile naming a declared user by name is reported",
			Content: `
resource "aws_iam_user" "alice" {
  name = "alice"
}

resource "aws_iam_user_login_profile" "alice" {
  user = "alice"
}`,
			Expected: helper.Issues{{Rule: rule, Message: alice, Range: consoleAt(7, 10, 17)}},
		},
		{
			Name: "policy document unknown at lint time is not reported",
			Content: consoleAlice + `
variable "policy" {
  type = string
}

resource "aws_iam_user_policy" "alice" {
  user   = aws_iam_user.alice.name
  policy = var.policy
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "policy document unknown at lint time is named by a strict notice",
			Content: consoleAlice + `
variable "policy" {
  type = string
}

resource "aws_iam_user_policy" "alice" {
  user   = aws_iam_user.alice.name
  policy = var.policy
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				{Rule: linttest.Notice(rule), Message: consoleNotice("aws_iam_user.alice", "aws_iam_user_policy.alice", "ポリシー文書が lint 時に決まりません"), Range: aliceAt},
			},
		},
		{
			Name: "unknown value in an MFA condition is named by a strict notice",
			Content: consoleAlice + `
variable "mfa_present" {
  type = string
}

resource "aws_iam_user_policy" "alice" {
  user = aws_iam_user.alice.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Deny", NotAction = "iam:*", Resource = "*", Condition = { BoolIfExists = { "aws:MultiFactorAuthPresent" = var.mfa_present } } }]
  })
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				{Rule: linttest.Notice(rule), Message: consoleNotice("aws_iam_user.alice", "aws_iam_user_policy.alice", "MFA の条件が lint 時に決まりません"), Range: aliceAt},
			},
		},
		{
			Name: "customer-managed policy named by ARN is named by a strict notice",
			Content: consoleAlice + `
resource "aws_iam_user_policy_attachment" "alice" {
  user       = aws_iam_user.alice.name
  policy_arn = "arn:aws:iam::123456789012:policy/ForceMFA"
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				{Rule: linttest.Notice(rule), Message: consoleNotice("aws_iam_user.alice", "aws_iam_user_policy_attachment.alice", "付与されたポリシーが lint 時に決まりません"), Range: aliceAt},
			},
		},
		{
			Name: "customer-managed policy named by ARN is not reported",
			Content: consoleAlice + `
resource "aws_iam_user_policy_attachment" "alice" {
  user       = aws_iam_user.alice.name
  policy_arn = "arn:aws:iam::123456789012:policy/ForceMFA"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "group declared in another module is named by a strict notice",
			Content: consoleAlice + `
resource "aws_iam_user_group_membership" "alice" {
  user   = aws_iam_user.alice.name
  groups = ["staff"]
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				{Rule: linttest.Notice(rule), Message: consoleNotice("aws_iam_user.alice", `"staff"`, "所属するグループがこの module で宣言されていません"), Range: aliceAt},
			},
		},
		{
			Name: "group that cannot be known is named by a strict notice",
			Content: consoleAlice + `
variable "groups" {
  type = list(string)
}

resource "aws_iam_user_group_membership" "alice" {
  user   = aws_iam_user.alice.name
  groups = var.groups
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				{Rule: linttest.Notice(rule), Message: consoleNotice("aws_iam_user.alice", "aws_iam_group", "所属するグループが lint 時に決まりません"), Range: aliceAt},
			},
		},
		{
			Name: "MFA policy of a group whose members cannot be known leaves the check undecided",
			Content: consoleAlice + `
variable "members" {
  type = list(string)
}

resource "aws_iam_group" "staff" {
  name = "staff"
}

resource "aws_iam_group_membership" "staff" {
  name  = "staff"
  group = aws_iam_group.staff.name
  users = var.members
}

resource "aws_iam_group_policy" "force_mfa" {
  group  = aws_iam_group.staff.name
  policy = ` + consoleForceMFA + `
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				{Rule: linttest.Notice(rule), Message: consoleNotice("aws_iam_user.alice", "aws_iam_group.staff", "グループのメンバーが lint 時に決まりません"), Range: aliceAt},
			},
		},
		{
			Name: "a group without MFA policy whose members cannot be known changes nothing",
			Content: consoleAlice + `
variable "members" {
  type = list(string)
}

resource "aws_iam_group" "staff" {
  name = "staff"
}

resource "aws_iam_group_membership" "staff" {
  name  = "staff"
  group = aws_iam_group.staff.name
  users = var.members
}`,
			Expected: helper.Issues{{Rule: rule, Message: alice, Range: aliceAt}},
		},
		{
			Name: "MFA policy granted to a user that cannot be known leaves the check undecided",
			Content: consoleAlice + `
variable "user" {
  type = string
}

resource "aws_iam_user_policy" "force_mfa" {
  user   = var.user
  policy = ` + consoleForceMFA + `
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				{Rule: linttest.Notice(rule), Message: consoleNotice("aws_iam_user.alice", "aws_iam_user_policy.force_mfa", "ポリシーの付与先が lint 時に決まりません"), Range: aliceAt},
			},
		},
		{
			Name: "MFA policy granted by name to a user whose own name cannot be known leaves the check undecided",
			Content: `
variable "name" {
  type = string
}

resource "aws_iam_user" "alice" {
  name = var.name
}

resource "aws_iam_user_login_profile" "alice" {
  user = aws_iam_user.alice.name
}

resource "aws_iam_user_policy" "force_mfa" {
  user   = "alice"
  policy = ` + consoleForceMFA + `
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				{Rule: linttest.Notice(rule), Message: consoleNotice("aws_iam_user.alice", "aws_iam_user_policy.force_mfa", "ポリシーの付与先が lint 時に決まりません"), Range: consoleAt(11, 10, 33)},
			},
		},
		{
			Name: "user declared in another module is not reported",
			Content: `
resource "aws_iam_user_login_profile" "bob" {
  user = "bob"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "user declared in another module is named by a strict notice",
			Content: `
resource "aws_iam_user_login_profile" "bob" {
  user = "bob"
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				{
					Rule:    linttest.Notice(rule),
					Message: "strict: コンソールユーザーへの MFA の強制を確認できません。user: この module で宣言されたユーザーではありません。" + consoleCite,
					Range:   consoleAt(3, 10, 15),
				},
			},
		},
		{
			Name: "user from a variable without default is named by a strict notice",
			Content: `
variable "user" {
  type = string
}

resource "aws_iam_user_login_profile" "someone" {
  user = var.user
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				{
					Rule:    linttest.Notice(rule),
					Message: "strict: コンソールユーザーへの MFA の強制を確認できません。user: lint 時に値が決まりません。" + consoleCite,
					Range:   consoleAt(7, 10, 18),
				},
			},
		},
		{
			Name:   "English message",
			Config: linttest.English(),
			Content: consoleAlice + `
resource "aws_iam_user_policy_attachment" "read_only" {
  user       = aws_iam_user.alice.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}`,
			Expected: helper.Issues{
				{
					Rule:    rule,
					Message: "IAM user aws_iam_user.alice can sign in to the console (aws_iam_user_login_profile.alice) but holds no policy that enforces MFA; add a Deny statement for requests whose aws:MultiFactorAuthPresent is false to a policy of the user or of its group. [Guideline 4.3.1.4, 4.6.2.2 / JIS Q 27017 9.2.3, 9.4.2, 9.4.1, 12.4.3]",
					Range:   aliceAt,
				},
			},
		},
		{
			Name:   "English strict notice",
			Config: func() *config.Config { c := linttest.English(); c.Strict = true; return c }(),
			Content: consoleAlice + `
resource "aws_iam_user_policy_attachment" "alice" {
  user       = aws_iam_user.alice.name
  policy_arn = "arn:aws:iam::123456789012:policy/ForceMFA"
}`,
			Expected: helper.Issues{
				{
					Rule:    linttest.Notice(rule),
					Message: "strict: cannot verify MFA enforcement on IAM user aws_iam_user.alice; aws_iam_user_policy_attachment.alice: the attached policy is not known at lint time. [Guideline 4.3.1.4, 4.6.2.2 / JIS Q 27017 9.2.3, 9.4.2, 9.4.1, 12.4.3]",
					Range:   aliceAt,
				},
			},
		},
	}

	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsIamUserConsoleMfaRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}
