package aws

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func TestAwsKmsKeyRotationRule(t *testing.T) {
	at := func(startLine, startCol, endLine, endCol int) hcl.Range {
		return hcl.Range{Filename: "resource.tf", Start: hcl.Pos{Line: startLine, Column: startCol}, End: hcl.Pos{Line: endLine, Column: endCol}}
	}
	msg := func(name string) string {
		return "KMS キー " + name + " の鍵の自動ローテーションが有効ではありません。enable_key_rotation = true を設定してください。 [指針 4.6.1.2 / JIS Q 27017 10.1.1, 10.1.2]"
	}
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "rotation false literal is reported at the value",
			Content: `
resource "aws_kms_key" "records" {
  enable_key_rotation = false
}`,
			Expected: helper.Issues{{Rule: NewAwsKmsKeyRotationRule(), Message: msg("aws_kms_key.records"), Range: at(3, 25, 3, 30)}},
		},
		{
			Name: "rotation true passes",
			Content: `
resource "aws_kms_key" "records" {
  enable_key_rotation = true
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "absent rotation takes the provider default false and is reported at the resource",
			Content: `
resource "aws_kms_key" "records" {
  description = "records"
}`,
			Expected: helper.Issues{{Rule: NewAwsKmsKeyRotationRule(), Message: msg("aws_kms_key.records"), Range: at(2, 1, 2, 33)}},
		},
		{
			Name: "explicit SYMMETRIC_DEFAULT key without rotation is reported",
			Content: `
resource "aws_kms_key" "records" {
  customer_master_key_spec = "SYMMETRIC_DEFAULT"
}`,
			Expected: helper.Issues{{Rule: NewAwsKmsKeyRotationRule(), Message: msg("aws_kms_key.records"), Range: at(2, 1, 2, 33)}},
		},
		{
			Name: "asymmetric RSA key cannot rotate and is not reported",
			Content: `
resource "aws_kms_key" "signing" {
  customer_master_key_spec = "RSA_3072"
  key_usage                = "SIGN_VERIFY"
  enable_key_rotation      = false
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "HMAC key cannot rotate and is not reported",
			Content: `
resource "aws_kms_key" "tokens" {
  customer_master_key_spec = "HMAC_256"
  key_usage                = "GENERATE_VERIFY_MAC"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "key in a custom key store cannot rotate and is not reported",
			Content: `
resource "aws_kms_key" "hsm" {
  custom_key_store_id = "cks-1234567890abcdef0"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "key in an external key store cannot rotate and is not reported",
			Content: `
variable "xks_key_id" {
  type = string
}

resource "aws_kms_key" "external" {
  custom_key_store_id = "cks-1234567890abcdef0"
  xks_key_id          = var.xks_key_id
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "false from a variable default is reported at the reference",
			Content: `
variable "rotate" {
  default = false
}

resource "aws_kms_key" "records" {
  enable_key_rotation = var.rotate
}`,
			Expected: helper.Issues{{Rule: NewAwsKmsKeyRotationRule(), Message: msg("aws_kms_key.records"), Range: at(7, 25, 7, 35)}},
		},
		{
			Name: "variable without default is not reported",
			Content: `
variable "rotate" {
  type = bool
}

resource "aws_kms_key" "records" {
  enable_key_rotation = var.rotate
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "variable without default is named by a strict notice",
			Content: `
variable "rotate" {
  type = bool
}

resource "aws_kms_key" "records" {
  enable_key_rotation = var.rotate
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(NewAwsKmsKeyRotationRule()),
				Message: "strict: KMS キーの自動ローテーションを確認できません。enable_key_rotation: lint 時に値が決まりません。 [指針 4.6.1.2 / JIS Q 27017 10.1.1, 10.1.2]",
				Range:   at(7, 25, 7, 35),
			}},
		},
		{
			Name: "unknown key spec without rotation is named by a strict notice",
			Content: `
variable "spec" {
  type = string
}

resource "aws_kms_key" "records" {
  customer_master_key_spec = var.spec
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(NewAwsKmsKeyRotationRule()),
				Message: "strict: KMS キーが対称鍵かどうかを確認できません。customer_master_key_spec: lint 時に値が決まりません。 [指針 4.6.1.2 / JIS Q 27017 10.1.1, 10.1.2]",
				Range:   at(7, 30, 7, 38),
			}},
		},
		{
			Name: "unknown key spec is not reported outside strict mode",
			Content: `
variable "spec" {
  type = string
}

resource "aws_kms_key" "records" {
  customer_master_key_spec = var.spec
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "unknown key spec with rotation on passes in strict mode",
			Content: `
variable "spec" {
  type = string
}

resource "aws_kms_key" "records" {
  customer_master_key_spec = var.spec
  enable_key_rotation      = true
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "English message",
			Content: `
resource "aws_kms_key" "records" {
  enable_key_rotation = false
}`,
			Config: linttest.English(),
			Expected: helper.Issues{{
				Rule:    NewAwsKmsKeyRotationRule(),
				Message: "KMS key aws_kms_key.records does not rotate its key material; set enable_key_rotation = true. [Guideline 4.6.1.2 / JIS Q 27017 10.1.1, 10.1.2]",
				Range:   at(3, 25, 3, 30),
			}},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsKmsKeyRotationRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}

func TestAwsKmsKeyRotationRule_Fix(t *testing.T) {
	cases := []struct {
		Name     string
		Content  string
		Expected map[string]string
	}{
		{
			Name: "literal false becomes true",
			Content: `
resource "aws_kms_key" "records" {
  enable_key_rotation = false
}`,
			Expected: map[string]string{"resource.tf": `
resource "aws_kms_key" "records" {
  enable_key_rotation = true
}`},
		},
		{
			Name: "false from a variable is not changed",
			Content: `
variable "rotate" {
  default = false
}

resource "aws_kms_key" "records" {
  enable_key_rotation = var.rotate
}`,
			Expected: map[string]string{},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsKmsKeyRotationRule(), map[string]string{"resource.tf": tc.Content}, nil)
			helper.AssertChanges(t, tc.Expected, runner.Changes())
		})
	}
}
