package aws

import (
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func TestAwsCloudtrailCloudwatchRule(t *testing.T) {
	rule := NewAwsCloudtrailCloudwatchRule()
	const cite = " [指針 4.7.1.3 / JIS Q 27017 12.4.3]"
	noDelivery := func(trail string) string {
		return "CloudTrail " + trail + " のイベントが CloudWatch Logs に送られていません。特権的な操作をメトリクスフィルタとアラームで監視できるよう、cloud_watch_logs_group_arn と cloud_watch_logs_role_arn を設定してください。" + cite
	}

	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "a log group of the module passes",
			Content: `
resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = "trail-logs"
  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"
  cloud_watch_logs_role_arn  = aws_iam_role.trail.arn
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "a log group ARN written as a literal passes",
			Content: `
resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = "trail-logs"
  cloud_watch_logs_group_arn = "arn:aws:logs:ap-northeast-1:111122223333:log-group:trail:*"
  cloud_watch_logs_role_arn  = "arn:aws:iam::111122223333:role/trail"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "a trail without a log group is reported at the resource",
			Content: `
resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = "trail-logs"
}`,
			Expected: helper.Issues{auditIssue(rule, noDelivery("aws_cloudtrail.main"), 2, 1, 2, 33)},
		},
		{
			Name: "an empty log group ARN is reported at the value",
			Content: `
resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = "trail-logs"
  cloud_watch_logs_group_arn = ""
}`,
			Expected: helper.Issues{auditIssue(rule, noDelivery("aws_cloudtrail.main"), 5, 32, 5, 34)},
		},
		{
			Name: "a data-event trail beside a watched trail of every management event is not reported",
			Content: `
resource "aws_cloudtrail" "management" {
  name                       = "management"
  s3_bucket_name             = "trail-logs"
  is_multi_region_trail      = true
  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"
  cloud_watch_logs_role_arn  = aws_iam_role.trail.arn
}

resource "aws_cloudtrail" "data" {
  name           = "data"
  s3_bucket_name = "trail-logs"

  event_selector {
    include_management_events = false
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "a watched single-region trail does not cover another",
			Content: `
resource "aws_cloudtrail" "management" {
  name                       = "management"
  s3_bucket_name             = "trail-logs"
  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"
  cloud_watch_logs_role_arn  = aws_iam_role.trail.arn
}

resource "aws_cloudtrail" "data" {
  name           = "data"
  s3_bucket_name = "trail-logs"
}`,
			Expected: helper.Issues{auditIssue(rule, noDelivery("aws_cloudtrail.data"), 9, 1, 9, 33)},
		},
		{
			Name: "variable without default is unknown and not reported",
			Content: `
variable "log_group_arn" {
  type = string
}

resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = "trail-logs"
  cloud_watch_logs_group_arn = var.log_group_arn
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "variable without default is named by a strict notice",
			Content: `
variable "log_group_arn" {
  type = string
}

resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = "trail-logs"
  cloud_watch_logs_group_arn = var.log_group_arn
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				auditIssue(linttest.Notice(rule), "strict: CloudTrail の CloudWatch Logs への配信を確認できません。cloud_watch_logs_group_arn: lint 時に値が決まりません。"+cite, 9, 32, 9, 49),
			},
		},
		{
			Name: "null from a variable default is reported at the resource",
			Content: `
variable "log_group_arn" {
  type    = string
  default = null
}

resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = "trail-logs"
  cloud_watch_logs_group_arn = var.log_group_arn
}`,
			Expected: helper.Issues{auditIssue(rule, noDelivery("aws_cloudtrail.main"), 7, 1, 7, 33)},
		},
		{
			Name: "English message",
			Content: `
resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = "trail-logs"
}`,
			Config: linttest.English(),
			Expected: helper.Issues{
				auditIssue(rule, "CloudTrail aws_cloudtrail.main does not deliver its events to CloudWatch Logs; set cloud_watch_logs_group_arn and cloud_watch_logs_role_arn so that privileged operations can be watched with metric filters and alarms. [Guideline 4.7.1.3 / JIS Q 27017 12.4.3]", 2, 1, 2, 33),
			},
		},
	}

	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsCloudtrailCloudwatchRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}
