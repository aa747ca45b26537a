package aws

import (
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func TestAwsSqsQueueEncryptedRule(t *testing.T) {
	rule := NewAwsSqsQueueEncryptedRule()
	const notEncrypted = "SQS キュー aws_sqs_queue.jobs のメッセージが暗号化されていません。sqs_managed_sse_enabled = true にするか、kms_master_key_id に KMS キーを指定してください。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]"
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "SSE-SQS turned off without a key is reported at the value",
			Content: `
resource "aws_sqs_queue" "jobs" {
  sqs_managed_sse_enabled = false
}`,
			Expected: helper.Issues{encIssue(rule, notEncrypted, 3, 29, 3, 34)},
		},
		{
			Name: "absent settings take the SSE-SQS default and pass",
			Content: `
resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "SSE-SQS on passes",
			Content: `
resource "aws_sqs_queue" "jobs" {
  sqs_managed_sse_enabled = true
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "a KMS key passes with SSE-SQS off",
			Content: `
resource "aws_sqs_queue" "jobs" {
  sqs_managed_sse_enabled = false
  kms_master_key_id       = "alias/aws/sqs"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "a key reference passes",
			Content: `
resource "aws_sqs_queue" "jobs" {
  sqs_managed_sse_enabled = false
  kms_master_key_id       = aws_kms_key.queue.id
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "a key reference names a key even in strict mode",
			Content: `
resource "aws_sqs_queue" "jobs" {
  sqs_managed_sse_enabled = false
  kms_master_key_id       = aws_kms_key.queue.id
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "an empty key with SSE-SQS off is reported",
			Content: `
resource "aws_sqs_queue" "jobs" {
  sqs_managed_sse_enabled = false
  kms_master_key_id       = ""
}`,
			Expected: helper.Issues{encIssue(rule, notEncrypted, 3, 29, 3, 34)},
		},
		{
			Name: "false from a variable default is reported at the reference",
			Content: `
variable "sse" {
  default = false
}

resource "aws_sqs_queue" "jobs" {
  sqs_managed_sse_enabled = var.sse
}`,
			Expected: helper.Issues{encIssue(rule, notEncrypted, 7, 29, 7, 36)},
		},
		{
			Name: "unknown key with SSE-SQS off is not reported",
			Content: `
variable "key" {
  type = string
}

resource "aws_sqs_queue" "jobs" {
  sqs_managed_sse_enabled = false
  kms_master_key_id       = var.key
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "unknown key with SSE-SQS off is named by a strict notice",
			Content: `
variable "key" {
  type = string
}

resource "aws_sqs_queue" "jobs" {
  sqs_managed_sse_enabled = false
  kms_master_key_id       = var.key
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{encIssue(linttest.Notice(rule), "strict: SQS キューの暗号化を確認できません。kms_master_key_id: lint 時に値が決まりません。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]", 8, 29, 8, 36)},
		},
		{
			Name: "unknown flag is named by a strict notice",
			Content: `
variable "sse" {
  type = bool
}

resource "aws_sqs_queue" "jobs" {
  sqs_managed_sse_enabled = var.sse
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{encIssue(linttest.Notice(rule), "strict: SQS キューの暗号化を確認できません。sqs_managed_sse_enabled: lint 時に値が決まりません。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]", 7, 29, 7, 36)},
		},
		{
			Name: "English message",
			Content: `
resource "aws_sqs_queue" "jobs" {
  sqs_managed_sse_enabled = false
}`,
			Config:   linttest.English(),
			Expected: helper.Issues{encIssue(rule, "The messages of SQS queue aws_sqs_queue.jobs are not encrypted; set sqs_managed_sse_enabled = true, or set kms_master_key_id to a KMS key. [Guideline 4.6.1.1 / JIS Q 27017 10.1.1]", 3, 29, 3, 34)},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsSqsQueueEncryptedRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}

func TestAwsSqsQueueEncryptedRule_Fix(t *testing.T) {
	runner := linttest.Run(t, NewAwsSqsQueueEncryptedRule(), map[string]string{"resource.tf": `
resource "aws_sqs_queue" "jobs" {
  sqs_managed_sse_enabled = false
}`}, nil)
	helper.AssertChanges(t, map[string]string{"resource.tf": `
resource "aws_sqs_queue" "jobs" {
  sqs_managed_sse_enabled = true
}`}, runner.Changes())
}
