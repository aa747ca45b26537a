package aws

import (
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// AwsAPIGatewayStageAccessLogsRule checks that API Gateway stages (REST,
// HTTP and WebSocket APIs) write access logs.
type AwsAPIGatewayStageAccessLogsRule struct{ lint.Meta }

var _ lint.Rule = (*AwsAPIGatewayStageAccessLogsRule)(nil)

// NewAwsAPIGatewayStageAccessLogsRule returns the rule.
func NewAwsAPIGatewayStageAccessLogsRule() *AwsAPIGatewayStageAccessLogsRule {
	stage := &hclext.BodySchema{Blocks: []hclext.BlockSchema{{
		Type: "access_log_settings",
		Body: &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "destination_arn"}}},
	}}}
	return &AwsAPIGatewayStageAccessLogsRule{lint.Meta{
		RuleName: "lgcloud_aws_api_gateway_stage_access_logs",
		Level:    tflint.WARNING,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.6.1.4"},
		Summary:  project.Text{JA: "API Gateway のステージでアクセスログを記録する", EN: "API Gateway stages write access logs"},
		Reads: lint.Reads{
			"aws_api_gateway_stage":  stage,
			"aws_apigatewayv2_stage": stage,
		},
	}}
}

var msgStageAccessLogsMissing = project.Text{
	JA: "API Gateway のステージ %s のアクセスログが設定されていません。API 呼出しの記録を監査・フォレンジックの証拠として残すため、access_log_settings に destination_arn と format を設定してください。",
	EN: "API Gateway stage %s has no access logs; add an access_log_settings block with destination_arn and format, so that API calls are kept as evidence for audit and forensics.",
}

var whatStageAccessLogs = project.Text{JA: "API Gateway のアクセスログ", EN: "API Gateway access logs"}

// Check reports each stage without an access_log_settings block: API
// Gateway writes no access log unless the stage names a destination.
func (r *AwsAPIGatewayStageAccessLogsRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	for _, ty := range []string{"aws_api_gateway_stage", "aws_apigatewayv2_stage"} {
		stages, err := runner.Resources(r, ty)
		if err != nil {
			return err
		}
		for _, stage := range sortedLogBlocks(stages) {
			settings := stage.Body.Blocks.OfType("access_log_settings")
			if _, err := requireBlock(runner, r, stage, settings, []string{"access_log_settings"}, whatStageAccessLogs, msgStageAccessLogsMissing, lint.Address(stage)); err != nil {
				return err
			}
		}
	}
	return nil
}
