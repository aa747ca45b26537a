package aws

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsSnsTopicEncryptedRule checks that SNS topics encrypt their messages at
// rest.
type AwsSnsTopicEncryptedRule struct{ lint.Meta }

var _ lint.Rule = (*AwsSnsTopicEncryptedRule)(nil)

// NewAwsSnsTopicEncryptedRule returns the rule.
func NewAwsSnsTopicEncryptedRule() *AwsSnsTopicEncryptedRule {
	return &AwsSnsTopicEncryptedRule{lint.Meta{
		RuleName: "lgcloud_aws_sns_topic_encrypted",
		Level:    tflint.WARNING,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.6.1.1"},
		Summary:  project.Text{JA: "SNS トピックのメッセージを暗号化する", EN: "SNS topics encrypt their messages at rest"},
		Reads: segmentLevelReads(lint.Reads{
			"aws_sns_topic": {Attributes: []hclext.AttributeSchema{{Name: "kms_master_key_id"}}},
		}),
	}}
}

var msgSnsNotEncrypted = project.Text{
	JA: "SNS トピック %s のメッセージが暗号化されていません（SNS は既定では暗号化しません）。kms_master_key_id に KMS キーを指定してください。",
	EN: "The messages of SNS topic %s are not encrypted (SNS does not encrypt by default); set kms_master_key_id to a KMS key.",
}

var whatSns = project.Text{JA: "SNS トピックの暗号化", EN: "SNS topic encryption"}

// Check reports topics without a kms_master_key_id: SNS stores the messages
// of such a topic unencrypted. A reference to a KMS key or alias names one,
// whatever its value. A topic of the mynumber segment is an ERROR.
func (r *AwsSnsTopicEncryptedRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	return eachAtSegmentLevel(runner, r, "aws_sns_topic", func(topic *hclext.Block, rule lint.Rule) error {
		if refersToKey(topic.Body, "kms_master_key_id") {
			return nil
		}
		key := runner.Attr(topic.Body, "kms_master_key_id", cty.String)
		s, known := key.String()
		switch {
		case key.IsUnknown():
			return runner.Unverified(rule, key, whatSns)
		case known && s != "":
			return nil
		}
		at := topic.DefRange
		if key.Range != (hcl.Range{}) {
			at = key.Range
		}
		return runner.Report(rule, at, msgSnsNotEncrypted, lint.Address(topic))
	})
}
