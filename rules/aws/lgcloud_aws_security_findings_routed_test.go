package aws

import (
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

const (
	findingsCite        = " [指針 4.1.2.1 / JIS Q 27017 16.1.1, 16.1.2]"
	findingsMissingMsg  = "GuardDuty や Security Hub の検出結果を担当者に届ける仕組みがありません。source が aws.guardduty または aws.securityhub の検出結果に一致する event_pattern を持つ aws_cloudwatch_event_rule と、arn が aws_sns_topic を指す aws_cloudwatch_event_target を宣言してください。" + findingsCite
	findingsProvider    = "provider \"aws\" {\n  region = \"ap-northeast-1\"\n}\n"
	findingsTopicTarget = `
resource "aws_sns_topic" "security" {
  name = "security-findings"
}

resource "aws_cloudwatch_event_target" "findings" {
  rule = aws_cloudwatch_event_rule.findings.name
  arn  = aws_sns_topic.security.arn
}
`
)

// findingsRule is an EventBridge rule named findings with the given
// attributes.
func findingsRule(attrs string) string {
	return `
resource "aws_cloudwatch_event_rule" "findings" {
  name = "security-findings"
` + attrs + `
}
`
}

const guardDutyPattern = `
  event_pattern = jsonencode({
    source      = ["aws.guardduty"]
    detail-type = ["GuardDuty Finding"]
  })`

func TestAwsSecurityFindingsRoutedRule(t *testing.T) {
	rule := NewAwsSecurityFindingsRoutedRule()
	atProvider := baselineRange("resource.tf", 1, 1, 1, 15)
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name:     "GuardDuty findings sent to an SNS topic pass",
			Content:  findingsProvider + findingsRule(guardDutyPattern) + findingsTopicTarget,
			Expected: helper.Issues{},
		},
		{
			Name: "Security Hub findings in a heredoc pattern pass",
			Content: findingsProvider + findingsRule(`
  event_pattern = <<-EOT
    {
      "source": ["aws.securityhub"],
      "detail-type": ["Security Hub Findings - Imported"],
      "detail": {"findings": {"Severity": {"Label": ["HIGH", "CRITICAL"]}}}
    }
  EOT`) + findingsTopicTarget,
			Expected: helper.Issues{},
		},
		{
			Name: "a prefix matching both sources passes",
			Content: findingsProvider + findingsRule(`
  event_pattern = jsonencode({ source = [{ prefix = "aws." }] })`) + findingsTopicTarget,
			Expected: helper.Issues{},
		},
		{
			Name: "a target that names the rule and the topic by value passes",
			Content: findingsProvider + findingsRule(guardDutyPattern) + `
resource "aws_cloudwatch_event_target" "findings" {
  rule = "security-findings"
  arn  = "arn:aws:sns:ap-northeast-1:111122223333:security-findings"
}`,
			Expected: helper.Issues{},
		},
		{
			Name:     "a rule without a target is reported at the provider block",
			Content:  findingsProvider + findingsRule(guardDutyPattern),
			Expected: helper.Issues{{Rule: rule, Message: findingsMissingMsg, Range: atProvider}},
		},
		{
			Name: "a target that is not an SNS topic is reported",
			Content: findingsProvider + findingsRule(guardDutyPattern) + `
resource "aws_cloudwatch_event_target" "findings" {
  rule = aws_cloudwatch_event_rule.findings.name
  arn  = aws_lambda_function.notify.arn
}`,
			Expected: helper.Issues{{Rule: rule, Message: findingsMissingMsg, Range: atProvider}},
		},
		{
			Name: "a target on another rule is reported",
			Content: findingsProvider + findingsRule(guardDutyPattern) + `
resource "aws_cloudwatch_event_rule" "ec2" {
  event_pattern = jsonencode({ source = ["aws.ec2"] })
}

resource "aws_sns_topic" "security" {
  name = "security-findings"
}

resource "aws_cloudwatch_event_target" "ec2" {
  rule = aws_cloudwatch_event_rule.ec2.name
  arn  = aws_sns_topic.security.arn
}`,
			Expected: helper.Issues{{Rule: rule, Message: findingsMissingMsg, Range: atProvider}},
		},
		{
			Name: "a pattern of other events is reported",
			Content: findingsProvider + findingsRule(`
  event_pattern = jsonencode({ source = ["aws.ec2"] })`) + findingsTopicTarget,
			Expected: helper.Issues{{Rule: rule, Message: findingsMissingMsg, Range: atProvider}},
		},
		{
			Name: "a pattern of another detail-type of GuardDuty is reported",
			Content: findingsProvider + findingsRule(`
  event_pattern = jsonencode({
    source      = ["aws.guardduty"]
    detail-type = ["GuardDuty Malware Protection Object Scan Result"]
  })`) + findingsTopicTarget,
			Expected: helper.Issues{{Rule: rule, Message: findingsMissingMsg, Range: atProvider}},
		},
		{
			Name: "a scheduled rule is reported",
			Content: findingsProvider + findingsRule(`
  schedule_expression = "rate(1 hour)"`) + findingsTopicTarget,
			Expected: helper.Issues{{Rule: rule, Message: findingsMissingMsg, Range: atProvider}},
		},
		{
			Name: "a disabled rule is reported",
			Content: findingsProvider + findingsRule(guardDutyPattern+`
  state = "DISABLED"`) + findingsTopicTarget,
			Expected: helper.Issues{{Rule: rule, Message: findingsMissingMsg, Range: atProvider}},
		},
		{
			Name: "a rule disabled with is_enabled is reported",
			Content: findingsProvider + findingsRule(guardDutyPattern+`
  is_enabled = false`) + findingsTopicTarget,
			Expected: helper.Issues{{Rule: rule, Message: findingsMissingMsg, Range: atProvider}},
		},
		{
			Name: "a rule on a custom event bus is reported",
			Content: findingsProvider + findingsRule(guardDutyPattern+`
  event_bus_name = aws_cloudwatch_event_bus.security.name`) + findingsTopicTarget,
			Expected: helper.Issues{{Rule: rule, Message: findingsMissingMsg, Range: atProvider}},
		},
		{
			Name: "a rule on the default event bus by name passes",
			Content: findingsProvider + findingsRule(guardDutyPattern+`
  event_bus_name = "default"`) + findingsTopicTarget,
			Expected: helper.Issues{},
		},
		{
			Name:     "no rule at all is reported at the provider block",
			Content:  findingsProvider,
			Expected: helper.Issues{{Rule: rule, Message: findingsMissingMsg, Range: atProvider}},
		},
		{
			Name: "a pattern from a variable without default is not reported",
			Content: findingsProvider + `
variable "pattern" {
  type = string
}
` + findingsRule(`
  event_pattern = var.pattern`) + findingsTopicTarget,
			Expected: helper.Issues{},
		},
		{
			Name: "a pattern from a variable without default is named by a strict notice",
			Content: findingsProvider + `
variable "pattern" {
  type = string
}
` + findingsRule(`
  event_pattern = var.pattern`) + findingsTopicTarget,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(rule),
				Message: "strict: 検出結果の通知経路を確認できません。event_pattern: イベントパターンが lint 時に決まりません。" + findingsCite,
				Range:   baselineRange("resource.tf", 12, 19, 12, 30),
			}},
		},
		{
			Name: "a pattern whose sources cannot be known is named by a strict notice",
			Content: findingsProvider + `
variable "sources" {
  type = list(string)
}
` + findingsRule(`
  event_pattern = jsonencode({ source = var.sources })`) + findingsTopicTarget,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(rule),
				Message: "strict: 検出結果の通知経路を確認できません。event_pattern: イベントパターンの一部が lint 時に決まりません。" + findingsCite,
				Range:   baselineRange("resource.tf", 12, 19, 12, 55),
			}},
		},
		{
			Name: "a malformed pattern is named by a strict notice",
			Content: findingsProvider + findingsRule(`
  event_pattern = "{\"source\": "`) + findingsTopicTarget,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(rule),
				Message: "strict: 検出結果の通知経路を確認できません。event_pattern: イベントパターンとして読めません。" + findingsCite,
				Range:   baselineRange("resource.tf", 8, 19, 8, 34),
			}},
		},
		{
			Name: "a target arn from a variable without default is named by a strict notice",
			Content: findingsProvider + `
variable "topic_arn" {
  type = string
}
` + findingsRule(guardDutyPattern) + `
resource "aws_cloudwatch_event_target" "findings" {
  rule = aws_cloudwatch_event_rule.findings.name
  arn  = var.topic_arn
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(rule),
				Message: "strict: 検出結果の通知経路を確認できません。arn: lint 時に値が決まりません。" + findingsCite,
				Range:   baselineRange("resource.tf", 20, 10, 20, 23),
			}},
		},
		{
			Name: "a root module that calls modules is named by a strict notice",
			Content: findingsProvider + `
module "notifications" {
  source = "./modules/notifications"
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(rule),
				Message: "strict: 検出結果の通知経路を確認できません。aws_cloudwatch_event_rule: このルートモジュールにはなく、呼び出しているモジュールが宣言しているかは確認できません。" + findingsCite,
				Range:   atProvider,
			}},
		},
		{
			Name:    "English message",
			Content: findingsProvider,
			Config:  linttest.English(),
			Expected: helper.Issues{{
				Rule:    rule,
				Message: "Nothing sends GuardDuty or Security Hub findings to people; declare an aws_cloudwatch_event_rule whose event_pattern matches findings of source aws.guardduty or aws.securityhub, with an aws_cloudwatch_event_target whose arn is an aws_sns_topic. [Guideline 4.1.2.1 / JIS Q 27017 16.1.1, 16.1.2]",
				Range:   atProvider,
			}},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsSecurityFindingsRoutedRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}

func TestAwsSecurityFindingsRoutedRule_CalledModule(t *testing.T) {
	inner := runInCalledModule(t, NewAwsSecurityFindingsRoutedRule(), findingsProvider)
	helper.AssertIssues(t, helper.Issues{}, inner.Issues)
}
