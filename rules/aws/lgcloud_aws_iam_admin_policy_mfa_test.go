package aws

import (
	"fmt"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// iamIssue is an expected issue in resource.tf, from line:column to
// line:column.
func iamIssue(rule tflint.Rule, msg string, startLine, startCol, endLine, endCol int) *helper.Issue {
	return &helper.Issue{
		Rule:    rule,
		Message: msg,
		Range: hcl.Range{
			Filename: "resource.tf",
			Start:    hcl.Pos{Line: startLine, Column: startCol},
			End:      hcl.Pos{Line: endLine, Column: endCol},
		},
	}
}

const (
	citeAdminMFA   = " [指針 4.3.1.4, 4.6.2.2 / JIS Q 27017 9.2.3, 9.4.2, 9.4.1, 12.4.3]"
	citeAdminMFAEN = " [Guideline 4.3.1.4, 4.6.2.2 / JIS Q 27017 9.2.3, 9.4.2, 9.4.1, 12.4.3]"
)

// adminMFAMessage is the rule's Japanese message for holders and action.
func adminMFAMessage(holders, action string) string {
	return fmt.Sprintf("このポリシーは %s に管理者権限（%s、Resource \"*\"）を多要素認証（MFA）の条件なしで与えています。その文に Condition Bool aws:MultiFactorAuthPresent = true を加えるか、信頼ポリシーで MFA を要求するロールに管理者権限を移してください。", holders, action) + citeAdminMFA
}

// forceMFAPolicy is the usual policy that denies all but setting up MFA to
// sessions without MFA.
const forceMFAPolicy = `jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Deny"
      NotAction = ["iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:ListMFADevices", "iam:ResyncMFADevice", "sts:GetSessionToken"]
      Resource  = "*"
      Condition = { BoolIfExists = { "aws:MultiFactorAuthPresent" = "false" } }
    }]
  })`

func TestAwsIamAdminPolicyMFARule(t *testing.T) {
	rule := NewAwsIamAdminPolicyMFARule()
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "inline user policy with Action star is reported at the document",
			Content: `
resource "aws_iam_user" "alice" {
  name = "alice"
}

resource "aws_iam_user_policy" "admin" {
  user = aws_iam_user.alice.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
  })
}`,
			Expected: helper.Issues{
				iamIssue(rule, "このポリシーは aws_iam_user.alice に管理者権限（Action \"*\"、Resource \"*\"）を多要素認証（MFA）の条件なしで与えています。その文に Condition Bool aws:MultiFactorAuthPresent = true を加えるか、信頼ポリシーで MFA を要求するロールに管理者権限を移してください。 [指針 4.3.1.4, 4.6.2.2 / JIS Q 27017 9.2.3, 9.4.2, 9.4.1, 12.4.3]", 8, 12, 11, 5),
			},
		},
		{
			Name: "the same document written three ways gives the same finding",
			Content: `
resource "aws_iam_policy" "jsonencode" {
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
  })
}

resource "aws_iam_policy" "heredoc" {
  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]
    }
  EOT
}

data "aws_iam_policy_document" "admin" {
  statement {
    actions   = ["*"]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "document" {
  policy = data.aws_iam_policy_document.admin.json
}

resource "aws_iam_user_policy_attachment" "jsonencode" {
  user       = "alice"
  policy_arn = aws_iam_policy.jsonencode.arn
}

resource "aws_iam_user_policy_attachment" "heredoc" {
  user       = "alice"
  policy_arn = aws_iam_policy.heredoc.arn
}

resource "aws_iam_user_policy_attachment" "document" {
  user       = "alice"
  policy_arn = aws_iam_policy.document.arn
}`,
			Expected: helper.Issues{
				iamIssue(rule, adminMFAMessage("IAM ユーザー alice", `Action "*"`), 3, 12, 6, 5),
				iamIssue(rule, adminMFAMessage("IAM ユーザー alice", `Action "*"`), 10, 12, 15, 6),
				iamIssue(rule, adminMFAMessage("IAM ユーザー alice", `Action "*"`), 26, 12, 26, 51),
			},
		},
		{
			Name: "a document several identities hold is reported once, naming them",
			Content: `
resource "aws_iam_user" "alice" {
  name = "alice"
}

resource "aws_iam_group" "admins" {
  name = "admins"
}

resource "aws_iam_policy" "admin" {
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
  })
}

resource "aws_iam_policy_attachment" "admin" {
  name       = "admin"
  users      = [aws_iam_user.alice.name, "bob"]
  groups     = [aws_iam_group.admins.name]
  policy_arn = aws_iam_policy.admin.arn
}

resource "aws_iam_user_policy_attachment" "alice" {
  user       = aws_iam_user.alice.name
  policy_arn = aws_iam_policy.admin.arn
}`,
			Expected: helper.Issues{
				iamIssue(rule, adminMFAMessage("IAM ユーザー bob、aws_iam_group.admins、aws_iam_user.alice", `Action "*"`), 11, 12, 13, 5),
			},
		},
		{
			Name: "every action of one service is administrator access",
			Content: `
resource "aws_iam_group_policy" "s3" {
  group  = "storage-admins"
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = ["s3:*"], Resource = ["*"] }]
  })
}`,
			Expected: helper.Issues{
				iamIssue(rule, adminMFAMessage("IAM グループ storage-admins", `Action "s3:*"`), 4, 12, 6, 5),
			},
		},
		{
			Name: "NotAction on every resource is administrator access",
			Content: `
resource "aws_iam_user_policy" "power" {
  user   = "alice"
  policy = jsonencode({
    Statement = [{ Effect = "Allow", NotAction = ["iam:*"], Resource = "*" }]
  })
}`,
			Expected: helper.Issues{
				iamIssue(rule, adminMFAMessage("IAM ユーザー alice", "NotAction"), 4, 12, 6, 5),
			},
		},
		{
			Name: "document from a variable default is reported at the reference",
			Content: `
variable "policy" {
  default = "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}]}"
}

resource "aws_iam_user_policy" "admin" {
  user   = "alice"
  policy = var.policy
}`,
			Expected: helper.Issues{
				iamIssue(rule, adminMFAMessage("IAM ユーザー alice", `Action "*"`), 8, 12, 8, 22),
			},
		},
		{
			Name: "user that cannot be known is named by the resource that grants",
			Content: `
variable "user" {
  type = string
}

resource "aws_iam_user_policy" "admin" {
  user   = var.user
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
  })
}`,
			Expected: helper.Issues{
				iamIssue(rule, adminMFAMessage("aws_iam_user_policy.admin の IAM ユーザー", `Action "*"`), 8, 12, 10, 5),
			},
		},
		{
			Name: "MFA condition on the statement passes",
			Content: `
resource "aws_iam_user_policy" "admin" {
  user   = "alice"
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Action    = "*"
      Resource  = "*"
      Condition = { Bool = { "aws:MultiFactorAuthPresent" = "true" } }
    }]
  })
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "MFA age bound passes",
			Content: `
data "aws_iam_policy_document" "admin" {
  statement {
    actions   = ["*"]
    resources = ["*"]
    condition {
      test     = "NumericLessThan"
      variable = "aws:MultiFactorAuthAge"
      values   = ["3600"]
    }
  }
}

resource "aws_iam_user_policy" "admin" {
  user   = "alice"
  policy = data.aws_iam_policy_document.admin.json
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "BoolIfExists lets access keys without MFA through and is reported",
			Content: `
resource "aws_iam_user_policy" "admin" {
  user   = "alice"
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Action    = "*"
      Resource  = "*"
      Condition = { BoolIfExists = { "aws:MultiFactorAuthPresent" = "true" } }
    }]
  })
}`,
			Expected: helper.Issues{
				iamIssue(rule, adminMFAMessage("IAM ユーザー alice", `Action "*"`), 4, 12, 11, 5),
			},
		},
		{
			Name: "Deny of every action is no grant",
			Content: `
resource "aws_iam_user_policy" "deny" {
  user   = "alice"
  policy = jsonencode({
    Statement = [{ Effect = "Deny", Action = "*", Resource = "*" }]
  })
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "actions on named resources are not administrator access",
			Content: `
resource "aws_iam_user_policy" "bucket" {
  user   = "alice"
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = "s3:*", Resource = ["arn:aws:s3:::residents", "arn:aws:s3:::residents/*"] }]
  })
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "a role is left to the trust policy rule",
			Content: `
resource "aws_iam_role_policy" "admin" {
  role   = "ops"
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
  })
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "AWS managed policy is left to the managed policy rule",
			Content: `
resource "aws_iam_user_policy_attachment" "admin" {
  user       = "alice"
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "user covered by an MFA-enforcing policy passes",
			Content: `
resource "aws_iam_user" "alice" {
  name = "alice"
}

resource "aws_iam_user_policy" "force_mfa" {
  user   = aws_iam_user.alice.name
  policy = ` + forceMFAPolicy + `
}

resource "aws_iam_user_policy" "admin" {
  user   = aws_iam_user.alice.name
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
  })
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "user covered through a group's MFA-enforcing policy passes",
			Content: `
resource "aws_iam_group" "everyone" {
  name = "everyone"
}

resource "aws_iam_group_policy" "force_mfa" {
  group  = aws_iam_group.everyone.name
  policy = ` + forceMFAPolicy + `
}

resource "aws_iam_user_group_membership" "alice" {
  user   = "alice"
  groups = [aws_iam_group.everyone.name]
}

resource "aws_iam_user_policy" "admin" {
  user   = "alice"
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
  })
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "MFA enforcement on another user covers only that user",
			Content: `
resource "aws_iam_user_policy" "force_mfa" {
  user   = "alice"
  policy = ` + forceMFAPolicy + `
}

resource "aws_iam_policy" "admin" {
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
  })
}

resource "aws_iam_policy_attachment" "admin" {
  name       = "admin"
  users      = ["alice", "bob"]
  policy_arn = aws_iam_policy.admin.arn
}`,
			Expected: helper.Issues{
				iamIssue(rule, adminMFAMessage("IAM ユーザー bob", `Action "*"`), 16, 12, 18, 5),
			},
		},
		{
			Name: "MFA value that cannot be known is not reported",
			Content: `
variable "mfa" {
  type = string
}

resource "aws_iam_user_policy" "admin" {
  user   = "alice"
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Action    = "*"
      Resource  = "*"
      Condition = { Bool = { "aws:MultiFactorAuthPresent" = var.mfa } }
    }]
  })
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "condition key that cannot be known is named by a strict notice",
			Content: `
variable "key" {
  type = string
}

data "aws_iam_policy_document" "admin" {
  statement {
    actions   = ["*"]
    resources = ["*"]
    condition {
      test     = "Bool"
      variable = var.key
      values   = ["true"]
    }
  }
}

resource "aws_iam_user_policy" "admin" {
  user   = "alice"
  policy = data.aws_iam_policy_document.admin.json
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				iamIssue(linttest.Notice(rule), "strict: IAM ユーザー・グループの管理者権限を確認できません。policy: 管理者権限を与える文の条件が lint 時に決まりません。"+citeAdminMFA, 20, 12, 20, 51),
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
				iamIssue(linttest.Notice(rule), "strict: IAM ユーザー・グループの管理者権限を確認できません。policy: ポリシー文書が lint 時に決まりません。"+citeAdminMFA, 8, 12, 8, 22),
			},
		},
		{
			Name: "malformed document is named by a strict notice",
			Content: `
resource "aws_iam_user_policy" "admin" {
  user   = "alice"
  policy = "{\"Statement\": 5}"
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				iamIssue(linttest.Notice(rule), "strict: IAM ユーザー・グループの管理者権限を確認できません。policy: ポリシー文書として読めません。"+citeAdminMFA, 4, 12, 4, 32),
			},
		},
		{
			Name: "policy outside the module is named by a strict notice",
			Content: `
resource "aws_iam_group_policy_attachment" "admin" {
  group      = "admins"
  policy_arn = "arn:aws:iam::111122223333:policy/admin"
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				iamIssue(linttest.Notice(rule), "strict: IAM ユーザー・グループの管理者権限を確認できません。aws_iam_group_policy_attachment.admin: 付与するポリシーが lint 時に決まらないか、このモジュールにありません。"+citeAdminMFA, 4, 16, 4, 56),
			},
		},
		{
			Name: "policy outside the module is not reported without strict",
			Content: `
resource "aws_iam_group_policy_attachment" "admin" {
  group      = "admins"
  policy_arn = "arn:aws:iam::111122223333:policy/admin"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "English message",
			Content: `
resource "aws_iam_user_policy" "admin" {
  user   = "alice"
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
  })
}`,
			Config: linttest.English(),
			Expected: helper.Issues{
				iamIssue(rule, "This policy gives IAM user alice administrator access (Action \"*\" on Resource \"*\") without requiring MFA; add the condition Bool aws:MultiFactorAuthPresent = true to that statement, or move the access to a role whose trust policy requires MFA."+citeAdminMFAEN, 4, 12, 6, 5),
			},
		},
	}

	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsIamAdminPolicyMFARule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}

// adminThreeForms is the acceptance example of the administrator rules: the
// same administrator policy written three ways and attached to one user; a
// break-glass role with MFA and a source address in its trust; a service
// role; a user whose only policy denies everything.
const adminThreeForms = `
resource "aws_iam_user" "alice" {
  name = "alice"
}

resource "aws_iam_policy" "jsonencode" {
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
  })
}

resource "aws_iam_policy" "heredoc" {
  policy = <<-EOT
    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
  EOT
}

data "aws_iam_policy_document" "admin" {
  statement {
    actions   = ["*"]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "document" {
  policy = data.aws_iam_policy_document.admin.json
}

resource "aws_iam_policy_attachment" "alice" {
  name       = "alice-jsonencode"
  users      = [aws_iam_user.alice.name]
  policy_arn = aws_iam_policy.jsonencode.arn
}

resource "aws_iam_user_policy_attachment" "heredoc" {
  user       = aws_iam_user.alice.name
  policy_arn = aws_iam_policy.heredoc.arn
}

resource "aws_iam_user_policy_attachment" "document" {
  user       = "alice"
  policy_arn = aws_iam_policy.document.arn
}

resource "aws_iam_role" "break_glass" {
  assume_role_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "arn:aws:iam::111122223333:root" }
      Condition = {
        Bool      = { "aws:MultiFactorAuthPresent" = "true" }
        IpAddress = { "aws:SourceIp" = ["203.0.113.0/24"] }
      }
    }]
  })
  managed_policy_arns = ["arn:aws:iam::aws:policy/AdministratorAccess"]
}

resource "aws_iam_role" "app" {
  assume_role_policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }]
  })
  managed_policy_arns = ["arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"]
}

resource "aws_iam_user_policy" "suspended" {
  user = "suspended"
  policy = jsonencode({
    Statement = [{ Effect = "Deny", Action = "*", Resource = "*" }]
  })
}
`

// TestAdministratorRulesAcceptance pins the acceptance of the administrator
// rules: the three forms give the same finding, at each document; the
// break-glass role, the service role and the Deny give none, strict mode
// included.
func TestAdministratorRulesAcceptance(t *testing.T) {
	sameFinding := func(rule tflint.Rule, msg string) helper.Issues {
		return helper.Issues{
			iamIssue(rule, msg, 7, 12, 10, 5),
			iamIssue(rule, msg, 14, 12, 16, 6),
			iamIssue(rule, msg, 27, 12, 27, 51),
		}
	}
	mfa, source := NewAwsIamAdminPolicyMFARule(), NewAwsIamPrivilegedSourceRestrictedRule()
	cases := []struct {
		Name     string
		Rule     lint.Rule
		Expected helper.Issues
	}{
		{Name: "MFA on users' administrator policies", Rule: mfa, Expected: sameFinding(mfa, adminMFAMessage("aws_iam_user.alice", `Action "*"`))},
		{Name: "source restriction of people's administrator access", Rule: source, Expected: sameFinding(source, sourceMessage("aws_iam_user.alice", `Action "*"`))},
		{Name: "MFA in role trust policies", Rule: NewAwsIamRoleTrustMFARule(), Expected: helper.Issues{}},
		{Name: "AWS managed administrator policies", Rule: NewAwsIamManagedAdminPolicyRule(), Expected: helper.Issues{}},
	}
	for _, tc := range cases {
		for _, cfg := range []*config.Config{nil, linttest.Strict()} {
			t.Run(fmt.Sprintf("%s strict=%v", tc.Name, cfg != nil), func(t *testing.T) {
				runner := linttest.Run(t, tc.Rule, map[string]string{"resource.tf": adminThreeForms}, cfg)
				helper.AssertIssues(t, tc.Expected, runner.Issues)
			})
		}
	}
}
