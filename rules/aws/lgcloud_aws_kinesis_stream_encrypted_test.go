package aws

import (
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func TestAwsKinesisStreamEncryptedRule(t *testing.T) {
	rule := NewAwsKinesisStreamEncryptedRule()
	const notEncrypted = "Kinesis データストリーム aws_kinesis_stream.events が暗号化されていません。encryption_type = \"KMS\" とし、kms_key_id に KMS キーを指定してください。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]"
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "encryption_type NONE is reported at the value",
			Content: `
resource "aws_kinesis_stream" "events" {
  name            = "events"
  encryption_type = "NONE"
}`,
			Expected: helper.Issues{encIssue(rule, notEncrypted, 4, 21, 4, 27)},
		},
		{
			Name: "absent encryption_type takes the default NONE and is reported at the resource",
			Content: `
resource "aws_kinesis_stream" "events" {
  name = "events"
}`,
			Expected: helper.Issues{encIssue(rule, notEncrypted, 2, 1, 2, 39)},
		},
		{
			Name: "encryption_type KMS passes",
			Content: `
resource "aws_kinesis_stream" "events" {
  name            = "events"
  encryption_type = "KMS"
  kms_key_id      = "alias/aws/kinesis"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "NONE from a variable default is reported at the reference",
			Content: `
variable "encryption" {
  default = "NONE"
}

resource "aws_kinesis_stream" "events" {
  name            = "events"
  encryption_type = var.encryption
}`,
			Expected: helper.Issues{encIssue(rule, notEncrypted, 8, 21, 8, 35)},
		},
		{
			Name: "a variable without default is not reported",
			Content: `
variable "encryption" {
  type = string
}

resource "aws_kinesis_stream" "events" {
  name            = "events"
  encryption_type = var.encryption
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "a variable without default is named by a strict notice",
			Content: `
variable "encryption" {
  type = string
}

resource "aws_kinesis_stream" "events" {
  name            = "events"
  encryption_type = var.encryption
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{encIssue(linttest.Notice(rule), "strict: Kinesis データストリームの暗号化を確認できません。encryption_type: lint 時に値が決まりません。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]", 8, 21, 8, 35)},
		},
		{
			Name: "English message",
			Content: `
resource "aws_kinesis_stream" "events" {
  name = "events"
}`,
			Config:   linttest.English(),
			Expected: helper.Issues{encIssue(rule, "Kinesis data stream aws_kinesis_stream.events is not encrypted; set encryption_type = \"KMS\" and set kms_key_id to a KMS key. [Guideline 4.6.1.1 / JIS Q 27017 10.1.1]", 2, 1, 2, 39)},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsKinesisStreamEncryptedRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}
