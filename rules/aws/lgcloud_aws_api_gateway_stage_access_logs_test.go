package aws

import (
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func stageLogsMissing(stage string) string {
	return "API Gateway のステージ " + stage + " のアクセスログが設定されていません。API 呼出しの記録を監査・フォレンジックの証拠として残すため、access_log_settings に destination_arn と format を設定してください。 [指針 4.6.1.4 / JIS Q 27017 12.4.1, 16.1.7]"
}

func TestAwsAPIGatewayStageAccessLogsRule(t *testing.T) {
	rule := NewAwsAPIGatewayStageAccessLogsRule()
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "REST API stage without access_log_settings is reported at the resource",
			Content: `
resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  deployment_id = aws_api_gateway_deployment.api.id
  stage_name    = "prod"
}`,
			Expected: helper.Issues{evidenceIssue(rule, stageLogsMissing("aws_api_gateway_stage.prod"), 2, 1, 2, 40)},
		},
		{
			Name: "REST API stage with access_log_settings passes",
			Content: `
resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  deployment_id = aws_api_gateway_deployment.api.id
  stage_name    = "prod"

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api.arn
    format          = jsonencode({ requestId = "$context.requestId" })
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "HTTP API stage without access_log_settings is reported",
			Content: `
resource "aws_apigatewayv2_stage" "default" {
  api_id      = aws_apigatewayv2_api.api.id
  name        = "$default"
  auto_deploy = true
}`,
			Expected: helper.Issues{evidenceIssue(rule, stageLogsMissing("aws_apigatewayv2_stage.default"), 2, 1, 2, 44)},
		},
		{
			Name: "HTTP API stage with access_log_settings passes",
			Content: `
resource "aws_apigatewayv2_stage" "default" {
  api_id = aws_apigatewayv2_api.api.id
  name   = "$default"

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api.arn
    format          = "$context.requestId"
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "dynamic access_log_settings with an unknown for_each is not reported",
			Content: `
variable "log_group_arns" {
  type = list(string)
}

resource "aws_apigatewayv2_stage" "default" {
  api_id = "abc123"
  name   = "$default"

  dynamic "access_log_settings" {
    for_each = var.log_group_arns
    content {
      destination_arn = access_log_settings.value
      format          = "$context.requestId"
    }
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "dynamic access_log_settings with an unknown for_each is named by a strict notice",
			Content: `
variable "log_group_arns" {
  type = list(string)
}

resource "aws_apigatewayv2_stage" "default" {
  api_id = "abc123"
  name   = "$default"

  dynamic "access_log_settings" {
    for_each = var.log_group_arns
    content {
      destination_arn = access_log_settings.value
      format          = "$context.requestId"
    }
  }
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{evidenceIssue(linttest.Notice(rule), "strict: API Gateway のアクセスログを確認できません。for_each: lint 時に値が決まりません。 [指針 4.6.1.4 / JIS Q 27017 12.4.1, 16.1.7]", 11, 16, 11, 34)},
		},
		{
			Name: "dynamic access_log_settings with an empty for_each is reported at the for_each",
			Content: `
variable "log_group_arns" {
  type    = list(string)
  default = []
}

resource "aws_apigatewayv2_stage" "default" {
  api_id = "abc123"
  name   = "$default"

  dynamic "access_log_settings" {
    for_each = var.log_group_arns
    content {
      destination_arn = access_log_settings.value
      format          = "$context.requestId"
    }
  }
}`,
			Expected: helper.Issues{evidenceIssue(rule, stageLogsMissing("aws_apigatewayv2_stage.default"), 12, 16, 12, 34)},
		},
		{
			Name: "English message",
			Content: `
resource "aws_api_gateway_stage" "prod" {
  stage_name = "prod"
}`,
			Config:   linttest.English(),
			Expected: helper.Issues{evidenceIssue(rule, "API Gateway stage aws_api_gateway_stage.prod has no access logs; add an access_log_settings block with destination_arn and format, so that API calls are kept as evidence for audit and forensics. [Guideline 4.6.1.4 / JIS Q 27017 12.4.1, 16.1.7]", 2, 1, 2, 40)},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsAPIGatewayStageAccessLogsRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}
