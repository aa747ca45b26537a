package aws

import (
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsCloudtrailIntegrityRule checks that CloudTrail trails protect their log
// files: integrity validation on, and encryption with a KMS key.
type AwsCloudtrailIntegrityRule struct{ lint.Meta }

var _ lint.Rule = (*AwsCloudtrailIntegrityRule)(nil)

// NewAwsCloudtrailIntegrityRule returns the rule.
func NewAwsCloudtrailIntegrityRule() *AwsCloudtrailIntegrityRule {
	return &AwsCloudtrailIntegrityRule{lint.Meta{
		RuleName: "lgcloud_aws_cloudtrail_integrity",
		Level:    tflint.ERROR,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.7.1.5"},
		Summary: project.Text{
			JA: "CloudTrail のログファイルの整合性検証を有効にし、KMS キーで暗号化する",
			EN: "CloudTrail trails validate log file integrity and encrypt logs with a KMS key",
		},
		Reads: lint.Reads{
			"aws_cloudtrail": {Attributes: []hclext.AttributeSchema{
				{Name: "enable_log_file_validation"},
				{Name: "kms_key_id"},
			}},
		},
	}}
}

var (
	msgTrailValidationOff = project.Text{
		JA: "CloudTrail %s のログファイルの整合性検証が有効ではありません。ログの改ざんや削除を検知できるよう、enable_log_file_validation = true を設定してください。",
		EN: "CloudTrail %s does not validate log file integrity; set enable_log_file_validation = true so that altered or deleted log files can be detected.",
	}
	msgTrailNoKMS = project.Text{
		JA: "CloudTrail %s のログが KMS キーで暗号化されていません。kms_key_id にカスタマー管理の KMS キーを設定してください。",
		EN: "CloudTrail %s does not encrypt its logs with a KMS key; set kms_key_id to a customer managed KMS key.",
	}
)

var (
	whatTrailValidation = project.Text{JA: "CloudTrail のログファイルの整合性検証", EN: "CloudTrail log file integrity validation"}
	whatTrailKMS        = project.Text{JA: "CloudTrail のログの KMS 暗号化", EN: "CloudTrail log encryption with a KMS key"}
)

// Check reports, for every trail, log file validation off or absent (the
// provider's default is false) and a missing kms_key_id (the logs are then
// encrypted with SSE-S3 only).
func (r *AwsCloudtrailIntegrityRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	trails, err := runner.Resources(r, "aws_cloudtrail")
	if err != nil {
		return err
	}
	for _, trail := range trails {
		name := lint.Address(trail)
		v := runner.Attr(trail.Body, "enable_log_file_validation", cty.Bool)
		if err := runner.RequireTrue(r, v, trail.DefRange, lint.DefaultFails, whatTrailValidation, msgTrailValidationOff, name); err != nil {
			return err
		}
		key := runner.Attr(trail.Body, "kms_key_id", cty.String)
		if err := requireGiven(runner, r, key, trail.DefRange, whatTrailKMS, msgTrailNoKMS, name); err != nil {
			return err
		}
	}
	return nil
}
