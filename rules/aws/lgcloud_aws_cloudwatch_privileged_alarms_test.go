package aws

import (
	"strings"
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

const alarmsCite = " [指針 4.7.1.3 / JIS Q 27017 12.4.3]"

// cisPatterns are the filter patterns of the CIS AWS Foundations Benchmark
// monitoring items, by the name the tests give their filter.
var cisPatterns = []struct{ Name, Pattern string }{
	{"root", `{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }`},
	{"iam", `{($.eventName=DeleteGroupPolicy)||($.eventName=DeleteRolePolicy)||($.eventName=DeleteUserPolicy)||($.eventName=PutGroupPolicy)||($.eventName=PutRolePolicy)||($.eventName=PutUserPolicy)||($.eventName=CreatePolicy)||($.eventName=DeletePolicy)||($.eventName=CreatePolicyVersion)||($.eventName=DeletePolicyVersion)||($.eventName=AttachRolePolicy)||($.eventName=DetachRolePolicy)||($.eventName=AttachUserPolicy)||($.eventName=DetachUserPolicy)||($.eventName=AttachGroupPolicy)||($.eventName=DetachGroupPolicy)}`},
	{"trail", `{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }`},
	{"security_group", `{ ($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName = AuthorizeSecurityGroupEgress) || ($.eventName = RevokeSecurityGroupIngress) || ($.eventName = RevokeSecurityGroupEgress) || ($.eventName = CreateSecurityGroup) || ($.eventName = DeleteSecurityGroup) }`},
	{"nacl", `{ ($.eventName = CreateNetworkAcl) || ($.eventName = CreateNetworkAclEntry) || ($.eventName = DeleteNetworkAcl) || ($.eventName = DeleteNetworkAclEntry) || ($.eventName = ReplaceNetworkAclEntry) || ($.eventName = ReplaceNetworkAclAssociation) }`},
	{"console_no_mfa", `{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }`},
}

// filterAndAlarm is a metric filter with the pattern and an alarm on its
// metric by reference.
func filterAndAlarm(name, pattern string) string {
	return `
resource "aws_cloudwatch_log_metric_filter" "` + name + `" {
  name           = "` + name + `"
  log_group_name = "cloudtrail"
  pattern        = ` + quoteHCL(pattern) + `

  metric_transformation {
    name      = "` + name + `"
    namespace = "CISBenchmark"
    value     = "1"
  }
}

resource "aws_cloudwatch_metric_alarm" "` + name + `" {
  alarm_name          = "` + name + `"
  metric_name         = aws_cloudwatch_log_metric_filter.` + name + `.metric_transformation[0].name
  namespace           = "CISBenchmark"
  comparison_operator = "GreaterThanOrEqualToThreshold"
  evaluation_periods  = 1
  period              = 300
  statistic           = "Sum"
  threshold           = 1
  alarm_actions       = ["arn:aws:sns:ap-northeast-1:111122223333:security"]
}
`
}

func quoteHCL(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "${", "$${").Replace(s) + `"`
}

// allAlarmsExcept is the six filters and alarms but the named ones.
func allAlarmsExcept(names ...string) string {
	var b strings.Builder
	b.WriteString("provider \"aws\" {\n  region = \"ap-northeast-1\"\n}\n")
	for _, p := range cisPatterns {
		skip := false
		for _, n := range names {
			skip = skip || n == p.Name
		}
		if !skip {
			b.WriteString(filterAndAlarm(p.Name, p.Pattern))
		}
	}
	return b.String()
}

func alarmMissingMsg(op, hint string) string {
	return "特権的な操作（" + op + "）を検知するアラームがありません。CloudTrail のロググループに、フィルターパターンで " + hint + " を捉えるメトリクスフィルター（aws_cloudwatch_log_metric_filter）と、そのメトリクスのアラーム（aws_cloudwatch_metric_alarm）を宣言してください。" + alarmsCite
}

var (
	rootAlarmMsg    = alarmMissingMsg("ルートユーザーの使用", `$.userIdentity.type = "Root"`)
	iamAlarmMsg     = alarmMissingMsg("IAM ポリシーの変更", "DeleteGroupPolicy, DeleteRolePolicy, DeleteUserPolicy, PutGroupPolicy, PutRolePolicy, PutUserPolicy, CreatePolicy, DeletePolicy, CreatePolicyVersion, DeletePolicyVersion, AttachRolePolicy, DetachRolePolicy, AttachUserPolicy, DetachUserPolicy, AttachGroupPolicy, DetachGroupPolicy")
	trailAlarmMsg   = alarmMissingMsg("CloudTrail の設定変更", "CreateTrail, UpdateTrail, DeleteTrail, StartLogging, StopLogging")
	sgAlarmMsg      = alarmMissingMsg("セキュリティグループの変更", "AuthorizeSecurityGroupIngress, AuthorizeSecurityGroupEgress, RevokeSecurityGroupIngress, RevokeSecurityGroupEgress, CreateSecurityGroup, DeleteSecurityGroup")
	naclAlarmMsg    = alarmMissingMsg("ネットワーク ACL の変更", "CreateNetworkAcl, CreateNetworkAclEntry, DeleteNetworkAcl, DeleteNetworkAclEntry, ReplaceNetworkAclEntry, ReplaceNetworkAclAssociation")
	consoleAlarmMsg = alarmMissingMsg("MFA を使わないコンソールへのサインイン", `$.eventName = "ConsoleLogin" && $.additionalEventData.MFAUsed != "Yes"`)
)

func TestAwsCloudwatchPrivilegedAlarmsRule(t *testing.T) {
	rule := NewAwsCloudwatchPrivilegedAlarmsRule()
	atProvider := baselineRange("resource.tf", 1, 1, 1, 15)
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name:     "the six filters with their alarms pass",
			Content:  allAlarmsExcept(),
			Expected: helper.Issues{},
		},
		{
			Name:    "no filter at all is reported once for each operation at the provider block",
			Content: allAlarmsExcept("root", "iam", "trail", "security_group", "nacl", "console_no_mfa"),
			Expected: helper.Issues{
				{Rule: rule, Message: rootAlarmMsg, Range: atProvider},
				{Rule: rule, Message: iamAlarmMsg, Range: atProvider},
				{Rule: rule, Message: trailAlarmMsg, Range: atProvider},
				{Rule: rule, Message: sgAlarmMsg, Range: atProvider},
				{Rule: rule, Message: naclAlarmMsg, Range: atProvider},
				{Rule: rule, Message: consoleAlarmMsg, Range: atProvider},
			},
		},
		{
			Name:     "a missing operation is reported alone",
			Content:  allAlarmsExcept("nacl"),
			Expected: helper.Issues{{Rule: rule, Message: naclAlarmMsg, Range: atProvider}},
		},
		{
			Name: "a filter without an alarm is reported",
			Content: allAlarmsExcept("root") + `
resource "aws_cloudwatch_log_metric_filter" "root" {
  name           = "root"
  log_group_name = "cloudtrail"
  pattern        = "{ $.userIdentity.type = \"Root\" }"

  metric_transformation {
    name      = "RootUse"
    namespace = "CISBenchmark"
    value     = "1"
  }
}`,
			Expected: helper.Issues{{Rule: rule, Message: rootAlarmMsg, Range: atProvider}},
		},
		{
			Name: "an alarm naming the metric by value passes",
			Content: allAlarmsExcept("root") + `
resource "aws_cloudwatch_log_metric_filter" "root" {
  name           = "root"
  log_group_name = "cloudtrail"
  pattern        = "{ $.userIdentity.type = \"Root\" }"

  metric_transformation {
    name      = "RootUse"
    namespace = "CISBenchmark"
    value     = "1"
  }
}

resource "aws_cloudwatch_metric_alarm" "root" {
  alarm_name          = "root-use"
  metric_name         = "RootUse"
  namespace           = "CISBenchmark"
  comparison_operator = "GreaterThanOrEqualToThreshold"
  evaluation_periods  = 1
  period              = 300
  statistic           = "Sum"
  threshold           = 1
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "an alarm on a metric of the same name in another namespace is reported",
			Content: allAlarmsExcept("root") + `
resource "aws_cloudwatch_log_metric_filter" "root" {
  name           = "root"
  log_group_name = "cloudtrail"
  pattern        = "{ $.userIdentity.type = \"Root\" }"

  metric_transformation {
    name      = "RootUse"
    namespace = "CISBenchmark"
    value     = "1"
  }
}

resource "aws_cloudwatch_metric_alarm" "root" {
  alarm_name          = "root-use"
  metric_name         = "RootUse"
  namespace           = "Other"
  comparison_operator = "GreaterThanOrEqualToThreshold"
  evaluation_periods  = 1
  period              = 300
  statistic           = "Sum"
  threshold           = 1
}`,
			Expected: helper.Issues{{Rule: rule, Message: rootAlarmMsg, Range: atProvider}},
		},
		{
			Name: "an alarm through a metric query passes",
			Content: allAlarmsExcept("root") + `
resource "aws_cloudwatch_log_metric_filter" "root" {
  name           = "root"
  log_group_name = "cloudtrail"
  pattern        = "{ $.userIdentity.type = \"Root\" }"

  metric_transformation {
    name      = "RootUse"
    namespace = "CISBenchmark"
    value     = "1"
  }
}

resource "aws_cloudwatch_metric_alarm" "root" {
  alarm_name          = "root-use"
  comparison_operator = "GreaterThanOrEqualToThreshold"
  evaluation_periods  = 1
  threshold           = 1

  metric_query {
    id          = "m1"
    return_data = true

    metric {
      metric_name = aws_cloudwatch_log_metric_filter.root.metric_transformation[0].name
      namespace   = "CISBenchmark"
      period      = 300
      stat        = "Sum"
    }
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "an alarm on another filter's metric does not count",
			Content: allAlarmsExcept("root") + `
resource "aws_cloudwatch_log_metric_filter" "root" {
  name           = "root"
  log_group_name = "cloudtrail"
  pattern        = "{ $.userIdentity.type = \"Root\" }"

  metric_transformation {
    name      = "RootUse"
    namespace = "CISBenchmark"
    value     = "1"
  }
}

resource "aws_cloudwatch_metric_alarm" "root" {
  alarm_name          = "root-use"
  metric_name         = aws_cloudwatch_log_metric_filter.trail.metric_transformation[0].name
  namespace           = "CISBenchmark"
  comparison_operator = "GreaterThanOrEqualToThreshold"
  evaluation_periods  = 1
  period              = 300
  statistic           = "Sum"
  threshold           = 1
}`,
			Expected: helper.Issues{{Rule: rule, Message: rootAlarmMsg, Range: atProvider}},
		},
		{
			Name:     "a pattern that leaves out some of the event names does not count",
			Content:  allAlarmsExcept("trail") + filterAndAlarm("trail", `{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) }`),
			Expected: helper.Issues{{Rule: rule, Message: trailAlarmMsg, Range: atProvider}},
		},
		{
			Name:     "a pattern is matched by its event names, not its exact text",
			Content:  allAlarmsExcept("trail") + filterAndAlarm("trail", `{$.eventSource = cloudtrail.amazonaws.com && ($.eventName = "StopLogging" || $.eventName = "DeleteTrail" || $.eventName = "UpdateTrail" || $.eventName = "CreateTrail" || $.eventName = "StartLogging")}`),
			Expected: helper.Issues{},
		},
		{
			Name:     "a name that only contains an event name does not count",
			Content:  allAlarmsExcept("nacl") + filterAndAlarm("nacl", `{ ($.eventName = CreateNetworkAclEntry) || ($.eventName = DeleteNetworkAclEntry) || ($.eventName = ReplaceNetworkAclEntry) || ($.eventName = ReplaceNetworkAclAssociation) }`),
			Expected: helper.Issues{{Rule: rule, Message: naclAlarmMsg, Range: atProvider}},
		},
		{
			Name: "one filter catching several operations with one alarm covers them all",
			Content: allAlarmsExcept("security_group", "nacl") + filterAndAlarm("network",
				`{ ($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName = AuthorizeSecurityGroupEgress) || ($.eventName = RevokeSecurityGroupIngress) || ($.eventName = RevokeSecurityGroupEgress) || ($.eventName = CreateSecurityGroup) || ($.eventName = DeleteSecurityGroup) || ($.eventName = CreateNetworkAcl) || ($.eventName = CreateNetworkAclEntry) || ($.eventName = DeleteNetworkAcl) || ($.eventName = DeleteNetworkAclEntry) || ($.eventName = ReplaceNetworkAclEntry) || ($.eventName = ReplaceNetworkAclAssociation) }`),
			Expected: helper.Issues{},
		},
		{
			Name: "a pattern from a variable without default is not reported",
			Content: allAlarmsExcept("root") + `
variable "root_pattern" {
  type = string
}

resource "aws_cloudwatch_log_metric_filter" "root" {
  name           = "root"
  log_group_name = "cloudtrail"
  pattern        = var.root_pattern

  metric_transformation {
    name      = "RootUse"
    namespace = "CISBenchmark"
    value     = "1"
  }
}

resource "aws_cloudwatch_metric_alarm" "root" {
  alarm_name          = "root-use"
  metric_name         = "RootUse"
  namespace           = "CISBenchmark"
  comparison_operator = "GreaterThanOrEqualToThreshold"
  evaluation_periods  = 1
  period              = 300
  statistic           = "Sum"
  threshold           = 1
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "a pattern from a variable without default is named once by a strict notice",
			Content: allAlarmsExcept("root") + `
variable "root_pattern" {
  type = string
}

resource "aws_cloudwatch_log_metric_filter" "root" {
  name           = "root"
  log_group_name = "cloudtrail"
  pattern        = var.root_pattern

  metric_transformation {
    name      = "RootUse"
    namespace = "CISBenchmark"
    value     = "1"
  }
}

resource "aws_cloudwatch_metric_alarm" "root" {
  alarm_name          = "root-use"
  metric_name         = "RootUse"
  namespace           = "CISBenchmark"
  comparison_operator = "GreaterThanOrEqualToThreshold"
  evaluation_periods  = 1
  period              = 300
  statistic           = "Sum"
  threshold           = 1
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(rule),
				Message: "strict: 特権的な操作のアラームを確認できません。pattern: lint 時に値が決まりません。" + alarmsCite,
				Range:   baselineRange("resource.tf", 132, 20, 132, 36),
			}},
		},
		{
			Name: "an alarm metric from a variable without default is named by a strict notice",
			Content: allAlarmsExcept("root") + `
variable "metric" {
  type = string
}

resource "aws_cloudwatch_log_metric_filter" "root" {
  name           = "root"
  log_group_name = "cloudtrail"
  pattern        = "{ $.userIdentity.type = \"Root\" }"

  metric_transformation {
    name      = "RootUse"
    namespace = "CISBenchmark"
    value     = "1"
  }
}

resource "aws_cloudwatch_metric_alarm" "root" {
  alarm_name          = "root-use"
  metric_name         = var.metric
  namespace           = "CISBenchmark"
  comparison_operator = "GreaterThanOrEqualToThreshold"
  evaluation_periods  = 1
  period              = 300
  statistic           = "Sum"
  threshold           = 1
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(rule),
				Message: "strict: 特権的な操作のアラームを確認できません。metric_name: lint 時に値が決まりません。" + alarmsCite,
				Range:   baselineRange("resource.tf", 143, 25, 143, 35),
			}},
		},
		{
			Name: "a root module that calls modules is named by a strict notice for each operation",
			Content: allAlarmsExcept("console_no_mfa") + `
module "monitoring" {
  source = "./modules/monitoring"
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(rule),
				Message: "strict: 特権的な操作のアラーム（MFA を使わないコンソールへのサインイン）を確認できません。aws_cloudwatch_metric_alarm: このルートモジュールにはなく、呼び出しているモジュールが宣言しているかは確認できません。" + alarmsCite,
				Range:   atProvider,
			}},
		},
		{
			Name:    "English message",
			Content: allAlarmsExcept("console_no_mfa"),
			Config:  linttest.English(),
			Expected: helper.Issues{{
				Rule:    rule,
				Message: `No alarm watches a privileged operation (console sign-in without MFA); declare a metric filter (aws_cloudwatch_log_metric_filter) on the CloudTrail log group whose pattern catches $.eventName = "ConsoleLogin" && $.additionalEventData.MFAUsed != "Yes", and an alarm (aws_cloudwatch_metric_alarm) on its metric. [Guideline 4.7.1.3 / JIS Q 27017 12.4.3]`,
				Range:   atProvider,
			}},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsCloudwatchPrivilegedAlarmsRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}

func TestAwsCloudwatchPrivilegedAlarmsRule_CalledModule(t *testing.T) {
	inner := runInCalledModule(t, NewAwsCloudwatchPrivilegedAlarmsRule(), allAlarmsExcept("root"))
	helper.AssertIssues(t, helper.Issues{}, inner.Issues)
}
