package aws

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func TestAwsKmsKeyPolicyOpenRule(t *testing.T) {
	at := func(startLine, startCol, endLine, endCol int) hcl.Range {
		return hcl.Range{Filename: "resource.tf", Start: hcl.Pos{Line: startLine, Column: startCol}, End: hcl.Pos{Line: endLine, Column: endCol}}
	}
	const cite = " [指針 4.6.1.2, 4.6.3.2 / JIS Q 27017 10.1.1, 10.1.2, 9.2.1, 9.2.2, 9.4.1]"
	decrypt := func(name, label string) string {
		return "KMS キー " + name + " のキーポリシーの文 " + label + " は、誰にでも（Principal \"*\"）キーによる復号またはキーの管理を許可しています。このキーで暗号化したデータを誰でも復号できるおそれがあります。必要なプリンシパルだけを指定するか、kms:CallerAccount や aws:PrincipalOrgID などの条件で自組織に限ってください。" + cite
	}
	use := func(name, label string) string {
		return "KMS キー " + name + " のキーポリシーの文 " + label + " は、誰にでも（Principal \"*\"）キーの利用を許可しています。必要なプリンシパルだけを指定するか、kms:CallerAccount や aws:PrincipalOrgID などの条件で自組織に限ってください。" + cite
	}
	const openAll = `jsonencode({ Statement = [{ Effect = "Allow", Principal = "*", Action = "kms:*", Resource = "*" }] })`
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "kms:* to Principal star on a key is reported at the policy",
			Content: `
resource "aws_kms_key" "records" {
  policy = ` + openAll + `
}`,
			Expected: helper.Issues{{Rule: NewAwsKmsKeyPolicyOpenRule(), Message: decrypt("aws_kms_key.records", "#1"), Range: at(3, 12, 3, 113)}},
		},
		{
			Name: "decrypt through a service for any account is reported",
			Content: `
resource "aws_kms_key_policy" "records" {
  key_id = "1234abcd-12ab-34cd-56ef-1234567890ab"
  policy = jsonencode({ Statement = [{ Sid = "ReadAnywhere", Effect = "Allow", Principal = { AWS = "*" }, Action = "kms:Decrypt", Resource = "*", Condition = { StringEquals = { "kms:ViaService" = "s3.ap-northeast-1.amazonaws.com" } } }] })
}`,
			Expected: helper.Issues{{Rule: NewAwsKmsKeyPolicyOpenRule(), Message: decrypt("aws_kms_key_policy.records", `"ReadAnywhere"`), Range: at(4, 12, 4, 240)}},
		},
		{
			Name: "describe to Principal star is reported as use of the key",
			Content: `
resource "aws_kms_key" "records" {
  policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = "*", Action = "kms:DescribeKey", Resource = "*" }] })
}`,
			Expected: helper.Issues{{Rule: NewAwsKmsKeyPolicyOpenRule(), Message: use("aws_kms_key.records", "#1"), Range: at(3, 12, 3, 123)}},
		},
		{
			Name: "a statement limited to the caller account passes",
			Content: `
resource "aws_kms_key" "records" {
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = ["kms:Decrypt", "kms:GenerateDataKey"]
      Resource  = "*"
      Condition = {
        StringEquals = {
          "kms:CallerAccount" = "123456789012"
          "kms:ViaService"    = "s3.ap-northeast-1.amazonaws.com"
        }
      }
    }]
  })
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "a statement limited to the organisation passes",
			Content: `
resource "aws_kms_key" "records" {
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "kms:*"
      Resource  = "*"
      Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-abcdefghij" } }
    }]
  })
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "the account root as principal passes",
			Content: `
resource "aws_kms_key" "records" {
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::123456789012:root" }
      Action    = "kms:*"
      Resource  = "*"
    }]
  })
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "a Deny to Principal star opens nothing",
			Content: `
resource "aws_kms_key" "records" {
  policy = jsonencode({ Statement = [{ Effect = "Deny", Principal = "*", Action = "kms:*", Resource = "*" }] })
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "a key without a policy has the default key policy and passes",
			Content: `
resource "aws_kms_key" "records" {
  description = "records"
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "an open replica key policy is reported",
			Content: `
resource "aws_kms_replica_key" "osaka" {
  primary_key_arn = "arn:aws:kms:ap-northeast-1:123456789012:key/mrk-1234abcd12ab34cd56ef1234567890ab"
  policy          = ` + openAll + `
}`,
			Expected: helper.Issues{{Rule: NewAwsKmsKeyPolicyOpenRule(), Message: decrypt("aws_kms_replica_key.osaka", "#1"), Range: at(4, 21, 4, 122)}},
		},
		{
			Name: "an open external key policy is reported",
			Content: `
resource "aws_kms_external_key" "imported" {
  policy = ` + openAll + `
}`,
			Expected: helper.Issues{{Rule: NewAwsKmsKeyPolicyOpenRule(), Message: decrypt("aws_kms_external_key.imported", "#1"), Range: at(3, 12, 3, 113)}},
		},
		{
			Name: "an open replica external key policy is reported",
			Content: `
resource "aws_kms_replica_external_key" "imported" {
  primary_key_arn = "arn:aws:kms:ap-northeast-1:123456789012:key/mrk-1234abcd12ab34cd56ef1234567890ab"
  policy          = ` + openAll + `
}`,
			Expected: helper.Issues{{Rule: NewAwsKmsKeyPolicyOpenRule(), Message: decrypt("aws_kms_replica_external_key.imported", "#1"), Range: at(4, 21, 4, 122)}},
		},
		{
			Name: "an open policy document data source is reported at the reference",
			Content: `
data "aws_iam_policy_document" "key" {
  statement {
    actions   = ["kms:Decrypt"]
    resources = ["*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}

resource "aws_kms_key" "records" {
  policy = data.aws_iam_policy_document.key.json
}`,
			Expected: helper.Issues{{Rule: NewAwsKmsKeyPolicyOpenRule(), Message: decrypt("aws_kms_key.records", "#1"), Range: at(14, 12, 14, 49)}},
		},
		{
			Name: "a policy from a variable without default is not reported",
			Content: `
variable "policy" {
  type = string
}

resource "aws_kms_key" "records" {
  policy = var.policy
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "a policy from a variable without default is named by a strict notice",
			Content: `
variable "policy" {
  type = string
}

resource "aws_kms_key" "records" {
  policy = var.policy
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(NewAwsKmsKeyPolicyOpenRule()),
				Message: "strict: KMS キーポリシーの公開範囲を確認できません。policy: ポリシー文書が lint 時に決まりません。" + cite,
				Range:   at(7, 12, 7, 22),
			}},
		},
		{
			Name: "a statement with an unknown principal is named by a strict notice",
			Content: `
variable "principal" {
  type = string
}

resource "aws_kms_key" "records" {
  policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = { AWS = var.principal }, Action = "kms:*", Resource = "*" }] })
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(NewAwsKmsKeyPolicyOpenRule()),
				Message: "strict: KMS キーポリシーの公開範囲を確認できません。policy: 文 #1 の効果、プリンシパルまたは条件が lint 時に決まりません。" + cite,
				Range:   at(7, 12, 7, 133),
			}},
		},
		{
			Name: "English message",
			Content: `
resource "aws_kms_key" "records" {
  policy = ` + openAll + `
}`,
			Config: linttest.English(),
			Expected: helper.Issues{{
				Rule:    NewAwsKmsKeyPolicyOpenRule(),
				Message: "KMS key aws_kms_key.records key policy: statement #1 lets anyone (Principal \"*\") decrypt with or manage the key, so anyone may read the data it protects; name only the principals that need it, or limit the statement to your organisation with a condition such as kms:CallerAccount or aws:PrincipalOrgID. [Guideline 4.6.1.2, 4.6.3.2 / JIS Q 27017 10.1.1, 10.1.2, 9.2.1, 9.2.2, 9.4.1]",
				Range:   at(3, 12, 3, 113),
			}},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsKmsKeyPolicyOpenRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}
