package aws

import (
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

// roleTrustMessage is the rule's Japanese message for a role.
func roleTrustMessage(role string) string {
	return "IAM ロール " + role + " の信頼ポリシーは、人（IAM ユーザーやアカウント）が多要素認証（MFA）なしでロールを引き受けることを許しています。引き受けを許す文に Condition Bool aws:MultiFactorAuthPresent = true を加えてください。" + citeAdminMFA
}

func TestAwsIamRoleTrustMFARule(t *testing.T) {
	rule := NewAwsIamRoleTrustMFARule()
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "account principal without MFA is reported at the trust policy",
			Content: `
resource "aws_iam_role" "admin" {
  name = "admin"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "arn:aws:iam::111122223333:root" }
    }]
  })
}`,
			Expected: helper.Issues{
				iamIssue(rule, "IAM ロール aws_iam_role.admin の信頼ポリシーは、人（IAM ユーザーやアカウント）が多要素認証（MFA）なしでロールを引き受けることを許しています。引き受けを許す文に Condition Bool aws:MultiFactorAuthPresent = true を加えてください。 [指針 4.3.1.4, 4.6.2.2 / JIS Q 27017 9.2.3, 9.4.2, 9.4.1, 12.4.3]", 4, 24, 11, 5),
			},
		},
		{
			Name: "user principal in aws_iam_policy_document without MFA is reported at the reference",
			Content: `
data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:user/contractor"]
    }
  }
}

resource "aws_iam_role" "ops" {
  assume_role_policy = data.aws_iam_policy_document.trust.json
}`,
			Expected: helper.Issues{
				iamIssue(rule, roleTrustMessage("aws_iam_role.ops"), 13, 24, 13, 63),
			},
		},
		{
			Name: "account ID and anyone are people",
			Content: `
resource "aws_iam_role" "by_id" {
  assume_role_policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = ["111122223333"] } }]
  })
}

resource "aws_iam_role" "anyone" {
  assume_role_policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = "*" }]
  })
}`,
			Expected: helper.Issues{
				iamIssue(rule, roleTrustMessage("aws_iam_role.by_id"), 3, 24, 5, 5),
				iamIssue(rule, roleTrustMessage("aws_iam_role.anyone"), 9, 24, 11, 5),
			},
		},
		{
			Name: "MFA in one of two people statements is reported",
			Content: `
resource "aws_iam_role" "shared" {
  assume_role_policy = jsonencode({
    Statement = [
      {
        Effect    = "Allow"
        Action    = "sts:AssumeRole"
        Principal = { AWS = "arn:aws:iam::111122223333:root" }
        Condition = { Bool = { "aws:MultiFactorAuthPresent" = "true" } }
      },
      {
        Effect    = "Allow"
        Action    = "sts:AssumeRole"
        Principal = { AWS = "arn:aws:iam::444455556666:root" }
      },
    ]
  })
}`,
			Expected: helper.Issues{
				iamIssue(rule, roleTrustMessage("aws_iam_role.shared"), 3, 24, 17, 5),
			},
		},
		{
			Name: "trust from a variable default is reported at the reference",
			Content: `
variable "trust" {
  default = "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"sts:AssumeRole\", \"Principal\": {\"AWS\": \"arn:aws:iam::111122223333:root\"}}]}"
}

resource "aws_iam_role" "admin" {
  assume_role_policy = var.trust
}`,
			Expected: helper.Issues{
				iamIssue(rule, roleTrustMessage("aws_iam_role.admin"), 7, 24, 7, 33),
			},
		},
		{
			Name: "break-glass role with MFA and a source address passes",
			Content: `
resource "aws_iam_role" "break_glass" {
  assume_role_policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [{
        "Effect": "Allow",
        "Action": "sts:AssumeRole",
        "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
        "Condition": {
          "Bool": {"aws:MultiFactorAuthPresent": "true"},
          "IpAddress": {"aws:SourceIp": "203.0.113.0/24"}
        }
      }]
    }
  EOT
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "service role passes",
			Content: `
resource "aws_iam_role" "lambda" {
  assume_role_policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "lambda.amazonaws.com" } }]
  })
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "role ARN principal passes",
			Content: `
resource "aws_iam_role" "deploy" {
  assume_role_policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = "arn:aws:iam::111122223333:role/pipeline" } }]
  })
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "third party with an external ID passes",
			Content: `
resource "aws_iam_role" "vendor" {
  assume_role_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "arn:aws:iam::444455556666:root" }
      Condition = { StringEquals = { "sts:ExternalId" = "lg-0001" } }
    }]
  })
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "Deny lets nobody in",
			Content: `
resource "aws_iam_role" "closed" {
  assume_role_policy = jsonencode({
    Statement = [{ Effect = "Deny", Action = "sts:AssumeRole", Principal = { AWS = "arn:aws:iam::111122223333:root" } }]
  })
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "federated provider is not reported",
			Content: `
resource "aws_iam_role" "sso" {
  assume_role_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithSAML"
      Principal = { Federated = "arn:aws:iam::111122223333:saml-provider/idp" }
      Condition = { StringEquals = { "SAML:aud" = "https://signin.aws.amazon.com/saml" } }
    }]
  })
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "federated provider is named by a strict notice",
			Content: `
resource "aws_iam_role" "sso" {
  assume_role_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithSAML"
      Principal = { Federated = "arn:aws:iam::111122223333:saml-provider/idp" }
    }]
  })
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				iamIssue(linttest.Notice(rule), "strict: ロールを引き受ける人の多要素認証を確認できません。assume_role_policy: SAML・OIDC の ID プロバイダー経由で引き受けるロールで、多要素認証は ID プロバイダー側の設定によります。"+citeAdminMFA, 3, 24, 9, 5),
			},
		},
		{
			Name: "trust policy that cannot be known is not reported",
			Content: `
variable "trust" {
  type = string
}

resource "aws_iam_role" "admin" {
  assume_role_policy = var.trust
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "trust policy that cannot be known is named by a strict notice",
			Content: `
variable "trust" {
  type = string
}

resource "aws_iam_role" "admin" {
  assume_role_policy = var.trust
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				iamIssue(linttest.Notice(rule), "strict: ロールを引き受ける人の多要素認証を確認できません。assume_role_policy: ポリシー文書が lint 時に決まりません。"+citeAdminMFA, 7, 24, 7, 33),
			},
		},
		{
			Name: "principal that cannot be known is named by a strict notice",
			Content: `
variable "principal" {
  type = string
}

resource "aws_iam_role" "admin" {
  assume_role_policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = var.principal } }]
  })
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				iamIssue(linttest.Notice(rule), "strict: ロールを引き受ける人の多要素認証を確認できません。assume_role_policy: 信頼ポリシーのプリンシパルが lint 時に決まりません。"+citeAdminMFA, 7, 24, 9, 5),
			},
		},
		{
			Name: "principal that cannot be known is not reported without strict",
			Content: `
variable "principal" {
  type = string
}

resource "aws_iam_role" "admin" {
  assume_role_policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = var.principal } }]
  })
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "English message",
			Content: `
resource "aws_iam_role" "admin" {
  assume_role_policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = "arn:aws:iam::111122223333:root" } }]
  })
}`,
			Config: linttest.English(),
			Expected: helper.Issues{
				iamIssue(rule, "The trust policy of IAM role aws_iam_role.admin lets people (IAM users, accounts) assume the role without MFA; add the condition Bool aws:MultiFactorAuthPresent = true to the statements that allow it."+citeAdminMFAEN, 3, 24, 5, 5),
			},
		},
	}

	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsIamRoleTrustMFARule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}
