package aws

import (
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func TestAwsSnsTopicEncryptedRule(t *testing.T) {
	rule := NewAwsSnsTopicEncryptedRule()
	const notEncrypted = "SNS トピック aws_sns_topic.alerts のメッセージが暗号化されていません（SNS は既定では暗号化しません）。kms_master_key_id に KMS キーを指定してください。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]"
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "topic without a key is reported at the resource",
			Content: `
resource "aws_sns_topic" "alerts" {
  name = "alerts"
}`,
			Expected: helper.Issues{encIssue(rule, notEncrypted, 2, 1, 2, 34)},
		},
		{
			Name: "empty key is reported at the value",
			Content: `
resource "aws_sns_topic" "alerts" {
  kms_master_key_id = ""
}`,
			Expected: helper.Issues{encIssue(rule, notEncrypted, 3, 23, 3, 25)},
		},
		{
			Name: "null key is reported at the value",
			Content: `
resource "aws_sns_topic" "alerts" {
  kms_master_key_id = null
}`,
			Expected: helper.Issues{encIssue(rule, notEncrypted, 3, 23, 3, 27)},
		},
		{
			Name: "the AWS managed key passes: the topic is encrypted",
			Content: `
resource "aws_sns_topic" "alerts" {
  kms_master_key_id = "alias/aws/sns"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "a key reference passes",
			Content: `
resource "aws_sns_topic" "alerts" {
  kms_master_key_id = aws_kms_key.sns.id
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "a key reference names a key even in strict mode",
			Content: `
resource "aws_sns_topic" "alerts" {
  kms_master_key_id = aws_kms_alias.sns.name
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "a key looked up by a data source names a key even in strict mode",
			Content: `
resource "aws_sns_topic" "alerts" {
  kms_master_key_id = data.aws_kms_key.shared.id
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "a key from a variable default passes",
			Content: `
variable "key" {
  default = "alias/alerts"
}

resource "aws_sns_topic" "alerts" {
  kms_master_key_id = var.key
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "a variable without default is not reported",
			Content: `
variable "key" {
  type = string
}

resource "aws_sns_topic" "alerts" {
  kms_master_key_id = var.key
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "a variable without default is named by a strict notice",
			Content: `
variable "key" {
  type = string
}

resource "aws_sns_topic" "alerts" {
  kms_master_key_id = var.key
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{encIssue(linttest.Notice(rule), "strict: SNS トピックの暗号化を確認できません。kms_master_key_id: lint 時に値が決まりません。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]", 7, 23, 7, 30)},
		},
		{
			Name: "English message",
			Content: `
resource "aws_sns_topic" "alerts" {
  name = "alerts"
}`,
			Config:   linttest.English(),
			Expected: helper.Issues{encIssue(rule, "The messages of SNS topic aws_sns_topic.alerts are not encrypted (SNS does not encrypt by default); set kms_master_key_id to a KMS key. [Guideline 4.6.1.1 / JIS Q 27017 10.1.1]", 2, 1, 2, 34)},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsSnsTopicEncryptedRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}
