package aws

import (
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsSqsQueueEncryptedRule checks that SQS queues encrypt their messages at
// rest.
type AwsSqsQueueEncryptedRule struct{ lint.Meta }

var _ lint.Rule = (*AwsSqsQueueEncryptedRule)(nil)

// NewAwsSqsQueueEncryptedRule returns the rule.
func NewAwsSqsQueueEncryptedRule() *AwsSqsQueueEncryptedRule {
	return &AwsSqsQueueEncryptedRule{lint.Meta{
		RuleName: "lgcloud_aws_sqs_queue_encrypted",
		Level:    tflint.WARNING,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.6.1.1"},
		Summary:  project.Text{JA: "SQS キューのメッセージを暗号化する", EN: "SQS queues encrypt their messages at rest"},
		Reads: segmentLevelReads(lint.Reads{
			"aws_sqs_queue": {Attributes: []hclext.AttributeSchema{{Name: "sqs_managed_sse_enabled"}, {Name: "kms_master_key_id"}}},
		}),
	}}
}

var msgSqsNotEncrypted = project.Text{
	JA: "SQS キュー %s のメッセージが暗号化されていません。sqs_managed_sse_enabled = true にするか、kms_master_key_id に KMS キーを指定してください。",
	EN: "The messages of SQS queue %s are not encrypted; set sqs_managed_sse_enabled = true, or set kms_master_key_id to a KMS key.",
}

var whatSqs = project.Text{JA: "SQS キューの暗号化", EN: "SQS queue encryption"}

// Check reports queues that turn server-side encryption off: SQS encrypts
// every new queue with SQS-managed keys (SSE-SQS) unless
// sqs_managed_sse_enabled = false, and a kms_master_key_id encrypts it with
// a KMS key (SSE-KMS) instead; a reference to a KMS key or alias names one,
// whatever its value. A queue of the mynumber segment is an ERROR.
func (r *AwsSqsQueueEncryptedRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	return eachAtSegmentLevel(runner, r, "aws_sqs_queue", func(queue *hclext.Block, rule lint.Rule) error {
		if refersToKey(queue.Body, "kms_master_key_id") {
			return nil
		}
		key := runner.Attr(queue.Body, "kms_master_key_id", cty.String)
		sse := runner.Attr(queue.Body, "sqs_managed_sse_enabled", cty.Bool)
		if s, ok := key.String(); ok && s != "" {
			return nil
		}
		if key.IsUnknown() {
			if sse.IsFalse() {
				return runner.Unverified(rule, key, whatSqs)
			}
			return nil
		}
		return runner.RequireTrue(rule, sse, queue.DefRange, lint.DefaultPasses, whatSqs, msgSqsNotEncrypted, lint.Address(queue))
	})
}
