package aws

import (
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsKinesisStreamEncryptedRule checks that Kinesis data streams encrypt
// their records at rest.
type AwsKinesisStreamEncryptedRule struct{ lint.Meta }

var _ lint.Rule = (*AwsKinesisStreamEncryptedRule)(nil)

// NewAwsKinesisStreamEncryptedRule returns the rule.
func NewAwsKinesisStreamEncryptedRule() *AwsKinesisStreamEncryptedRule {
	return &AwsKinesisStreamEncryptedRule{lint.Meta{
		RuleName: "lgcloud_aws_kinesis_stream_encrypted",
		Level:    tflint.WARNING,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.6.1.1"},
		Summary:  project.Text{JA: "Kinesis データストリームを暗号化する", EN: "Kinesis data streams are encrypted at rest"},
		Reads: segmentLevelReads(lint.Reads{
			"aws_kinesis_stream": {Attributes: []hclext.AttributeSchema{{Name: "encryption_type"}}},
		}),
	}}
}

var msgKinesisNotEncrypted = project.Text{
	JA: "Kinesis データストリーム %s が暗号化されていません。encryption_type = \"KMS\" とし、kms_key_id に KMS キーを指定してください。",
	EN: "Kinesis data stream %s is not encrypted; set encryption_type = \"KMS\" and set kms_key_id to a KMS key.",
}

var whatKinesis = project.Text{JA: "Kinesis データストリームの暗号化", EN: "Kinesis data stream encryption"}

// Check reports streams whose encryption_type is "NONE" or absent (the
// provider's default is "NONE"). A stream of the mynumber segment is an
// ERROR.
func (r *AwsKinesisStreamEncryptedRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	return eachAtSegmentLevel(runner, r, "aws_kinesis_stream", func(stream *hclext.Block, rule lint.Rule) error {
		v := runner.Attr(stream.Body, "encryption_type", cty.String)
		s, known := v.String()
		switch {
		case v.IsAbsent():
			return runner.Report(rule, stream.DefRange, msgKinesisNotEncrypted, lint.Address(stream))
		case known && s == "NONE":
			return runner.Report(rule, v.Range, msgKinesisNotEncrypted, lint.Address(stream))
		}
		return runner.Unverified(rule, v, whatKinesis)
	})
}
