package aws

import (
	"strings"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsCloudwatchLogGroupKmsRule checks that CloudWatch log groups encrypt
// their events with a customer managed KMS key.
type AwsCloudwatchLogGroupKmsRule struct{ lint.Meta }

var _ lint.Rule = (*AwsCloudwatchLogGroupKmsRule)(nil)

// NewAwsCloudwatchLogGroupKmsRule returns the rule.
func NewAwsCloudwatchLogGroupKmsRule() *AwsCloudwatchLogGroupKmsRule {
	return &AwsCloudwatchLogGroupKmsRule{lint.Meta{
		RuleName: "lgcloud_aws_cloudwatch_log_group_kms",
		Level:    tflint.WARNING,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.7.1.5"},
		Summary: project.Text{
			JA: "CloudWatch ロググループをカスタマー管理の KMS キーで暗号化する",
			EN: "CloudWatch log groups are encrypted with a customer managed KMS key",
		},
		Reads: lint.Reads{
			"aws_cloudwatch_log_group": {Attributes: []hclext.AttributeSchema{
				{Name: "kms_key_id"},
				{Name: "log_group_class"},
			}},
		},
	}}
}

var msgLogGroupNoKMS = project.Text{
	JA: "CloudWatch ロググループ %s がカスタマー管理の KMS キーで暗号化されていません。キーポリシーでログを読める者を限るため、kms_key_id に KMS キーの ARN を設定してください。",
	EN: "CloudWatch log group %s is not encrypted with a customer managed KMS key; set kms_key_id to the ARN of a KMS key, whose key policy limits who can read the logs.",
}

var whatLogGroupKMS = project.Text{JA: "CloudWatch ロググループの KMS 暗号化", EN: "CloudWatch log group encryption with a KMS key"}

// Check reports every log group without kms_key_id: CloudWatch Logs then
// encrypts its events with a key of the service, which the account cannot
// restrict or revoke. Log groups of the DELIVERY class, which keep events
// for a day on their way elsewhere, are not checked.
func (r *AwsCloudwatchLogGroupKmsRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	groups, err := runner.Resources(r, "aws_cloudwatch_log_group")
	if err != nil {
		return err
	}
	for _, group := range groups {
		if class, ok := runner.Attr(group.Body, "log_group_class", cty.String).String(); ok && strings.EqualFold(class, logGroupClassDelivery) {
			continue
		}
		key := runner.Attr(group.Body, "kms_key_id", cty.String)
		if err := requireGiven(runner, r, key, group.DefRange, whatLogGroupKMS, msgLogGroupNoKMS, lint.Address(group)); err != nil {
			return err
		}
	}
	return nil
}
