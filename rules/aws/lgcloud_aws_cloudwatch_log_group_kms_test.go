package aws

import (
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func TestAwsCloudwatchLogGroupKmsRule(t *testing.T) {
	rule := NewAwsCloudwatchLogGroupKmsRule()
	noKey := "CloudWatch ロググループ aws_cloudwatch_log_group.app がカスタマー管理の KMS キーで暗号化されていません。キーポリシーでログを読める者を限るため、kms_key_id に KMS キーの ARN を設定してください。" + integrityCite

	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "a key of the module passes",
			Content: `
resource "aws_cloudwatch_log_group" "app" {
  name       = "app"
  kms_key_id = aws_kms_key.logs.arn
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "a key ARN written as a literal passes",
			Content: `
resource "aws_cloudwatch_log_group" "app" {
  name       = "app"
  kms_key_id = "arn:aws:kms:ap-northeast-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "a log group without a key is reported at the resource",
			Content: `
resource "aws_cloudwatch_log_group" "app" {
  name = "app"
}`,
			Expected: helper.Issues{auditIssue(rule, noKey, 2, 1, 2, 42)},
		},
		{
			Name: "an empty key is reported at the value",
			Content: `
resource "aws_cloudwatch_log_group" "app" {
  name       = "app"
  kms_key_id = ""
}`,
			Expected: helper.Issues{auditIssue(rule, noKey, 4, 16, 4, 18)},
		},
		{
			Name: "null from a variable default is reported at the resource",
			Content: `
variable "kms_key_arn" {
  type    = string
  default = null
}

resource "aws_cloudwatch_log_group" "app" {
  name       = "app"
  kms_key_id = var.kms_key_arn
}`,
			Expected: helper.Issues{auditIssue(rule, noKey, 7, 1, 7, 42)},
		},
		{
			Name: "a delivery-class log group is not checked",
			Content: `
resource "aws_cloudwatch_log_group" "app" {
  name            = "app"
  log_group_class = "DELIVERY"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "variable without default is unknown and not reported",
			Content: `
variable "kms_key_arn" {
  type = string
}

resource "aws_cloudwatch_log_group" "app" {
  name       = "app"
  kms_key_id = var.kms_key_arn
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "variable without default is named by a strict notice",
			Content: `
variable "kms_key_arn" {
  type = string
}

resource "aws_cloudwatch_log_group" "app" {
  name       = "app"
  kms_key_id = var.kms_key_arn
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				auditIssue(linttest.Notice(rule), "strict: CloudWatch ロググループの KMS 暗号化を確認できません。kms_key_id: lint 時に値が決まりません。"+integrityCite, 8, 16, 8, 31),
			},
		},
		{
			Name: "English message",
			Content: `
resource "aws_cloudwatch_log_group" "app" {
  name = "app"
}`,
			Config: linttest.English(),
			Expected: helper.Issues{
				auditIssue(rule, "CloudWatch log group aws_cloudwatch_log_group.app is not encrypted with a customer managed KMS key; set kms_key_id to the ARN of a KMS key, whose key policy limits who can read the logs. [Guideline 4.7.1.5 / JIS Q 27017 12.4.2]", 2, 1, 2, 42),
			},
		},
	}

	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsCloudwatchLogGroupKmsRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}
