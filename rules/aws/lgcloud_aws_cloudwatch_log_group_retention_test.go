package aws

import (
	"errors"
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func TestAwsCloudwatchLogGroupRetentionRule(t *testing.T) {
	rule := NewAwsCloudwatchLogGroupRetentionRule()
	const cite = " [指針 4.7.1.2 / JIS Q 27017 12.4.1]"
	short := func(days string, minimum string) string {
		return "CloudWatch ロググループ aws_cloudwatch_log_group.app のログの保持期間が " + days + " 日です。イベントログの取得方針に沿って、retention_in_days = " + minimum + " 以上（または 0 で無期限）を設定してください。" + cite
	}

	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Options  *LogGroupRetentionOptions
		Expected helper.Issues
	}{
		{
			Name: "a year passes the default minimum",
			Content: `
resource "aws_cloudwatch_log_group" "app" {
  name              = "app"
  retention_in_days = 365
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "absent retention never expires and passes",
			Content: `
resource "aws_cloudwatch_log_group" "app" {
  name = "app"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "zero never expires and passes",
			Content: `
resource "aws_cloudwatch_log_group" "app" {
  name              = "app"
  retention_in_days = 0
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "thirty days is reported at the value",
			Content: `
resource "aws_cloudwatch_log_group" "app" {
  name              = "app"
  retention_in_days = 30
}`,
			Expected: helper.Issues{auditIssue(rule, short("30", "365"), 4, 23, 4, 25)},
		},
		{
			Name: "a short retention from a variable default is reported at the reference",
			Content: `
variable "retention" {
  default = 14
}

resource "aws_cloudwatch_log_group" "app" {
  name              = "app"
  retention_in_days = var.retention
}`,
			Expected: helper.Issues{auditIssue(rule, short("14", "365"), 8, 23, 8, 36)},
		},
		{
			Name: "a retention written as a string is read as a number",
			Content: `
resource "aws_cloudwatch_log_group" "app" {
  name              = "app"
  retention_in_days = "90"
}`,
			Expected: helper.Issues{auditIssue(rule, short("90", "365"), 4, 23, 4, 27)},
		},
		{
			Name: "a configured minimum is applied",
			Content: `
resource "aws_cloudwatch_log_group" "app" {
  name              = "app"
  retention_in_days = 365
}`,
			Options:  &LogGroupRetentionOptions{MinimumRetentionDays: 1827},
			Expected: helper.Issues{auditIssue(rule, short("365", "1827"), 4, 23, 4, 26)},
		},
		{
			Name: "a lower configured minimum accepts a shorter retention",
			Content: `
resource "aws_cloudwatch_log_group" "app" {
  name              = "app"
  retention_in_days = 90
}`,
			Options:  &LogGroupRetentionOptions{MinimumRetentionDays: 90},
			Expected: helper.Issues{},
		},
		{
			Name: "a delivery-class log group is not checked",
			Content: `
resource "aws_cloudwatch_log_group" "app" {
  name              = "app"
  log_group_class   = "DELIVERY"
  retention_in_days = 1
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "an infrequent-access log group is checked",
			Content: `
resource "aws_cloudwatch_log_group" "app" {
  name              = "app"
  log_group_class   = "INFREQUENT_ACCESS"
  retention_in_days = 30
}`,
			Expected: helper.Issues{auditIssue(rule, short("30", "365"), 5, 23, 5, 25)},
		},
		{
			Name: "a short retention of a log group whose class cannot be known is not reported",
			Content: `
variable "class" {
  type = string
}

resource "aws_cloudwatch_log_group" "app" {
  name              = "app"
  log_group_class   = var.class
  retention_in_days = 30
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "a short retention of a log group whose class cannot be known is named by a strict notice",
			Content: `
variable "class" {
  type = string
}

resource "aws_cloudwatch_log_group" "app" {
  name              = "app"
  log_group_class   = var.class
  retention_in_days = 30
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				auditIssue(linttest.Notice(rule), "strict: CloudWatch ロググループのログクラスを確認できません。log_group_class: lint 時に値が決まりません。"+cite, 8, 23, 8, 32),
			},
		},
		{
			Name: "variable without default is unknown and not reported",
			Content: `
variable "retention" {
  type = number
}

resource "aws_cloudwatch_log_group" "app" {
  name              = "app"
  retention_in_days = var.retention
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "variable without default is named by a strict notice",
			Content: `
variable "retention" {
  type = number
}

resource "aws_cloudwatch_log_group" "app" {
  name              = "app"
  retention_in_days = var.retention
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				auditIssue(linttest.Notice(rule), "strict: CloudWatch ロググループの保持期間を確認できません。retention_in_days: lint 時に値が決まりません。"+cite, 8, 23, 8, 36),
			},
		},
		{
			Name: "English message",
			Content: `
resource "aws_cloudwatch_log_group" "app" {
  name              = "app"
  retention_in_days = 30
}`,
			Config: linttest.English(),
			Expected: helper.Issues{
				auditIssue(rule, "CloudWatch log group aws_cloudwatch_log_group.app keeps its events for 30 days; set retention_in_days = 365 or more (or 0, never expire), as the event-log policy requires. [Guideline 4.7.1.2 / JIS Q 27017 12.4.1]", 4, 23, 4, 25),
			},
		},
	}

	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			var opts any
			if tc.Options != nil {
				opts = tc.Options
			}
			runner := linttest.RunWith(t, NewAwsCloudwatchLogGroupRetentionRule(), map[string]string{"resource.tf": tc.Content}, tc.Config, opts)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}

func TestAwsCloudwatchLogGroupRetentionRule_Fix(t *testing.T) {
	cases := []struct {
		Name     string
		Content  string
		Options  *LogGroupRetentionOptions
		Expected map[string]string
	}{
		{
			Name: "a literal below the minimum is raised to it",
			Content: `
resource "aws_cloudwatch_log_group" "app" {
  name              = "app"
  retention_in_days = 7
}`,
			Expected: map[string]string{"resource.tf": `
resource "aws_cloudwatch_log_group" "app" {
  name              = "app"
  retention_in_days = 365
}`},
		},
		{
			Name: "a literal is raised to a configured minimum",
			Content: `
resource "aws_cloudwatch_log_group" "app" {
  name              = "app"
  retention_in_days = 400
}`,
			Options: &LogGroupRetentionOptions{MinimumRetentionDays: 3653},
			Expected: map[string]string{"resource.tf": `
resource "aws_cloudwatch_log_group" "app" {
  name              = "app"
  retention_in_days = 3653
}`},
		},
		{
			Name: "a value from a variable is not changed",
			Content: `
variable "retention" {
  default = 7
}

resource "aws_cloudwatch_log_group" "app" {
  name              = "app"
  retention_in_days = var.retention
}`,
			Expected: map[string]string{},
		},
	}

	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			var opts any
			if tc.Options != nil {
				opts = tc.Options
			}
			runner := linttest.RunWith(t, NewAwsCloudwatchLogGroupRetentionRule(), map[string]string{"resource.tf": tc.Content}, nil, opts)
			helper.AssertChanges(t, tc.Expected, runner.Changes())
		})
	}
}

func TestLogGroupRetentionOptionsValidate(t *testing.T) {
	cases := []struct {
		Name    string
		Minimum int
		WantErr string
	}{
		{Name: "the default is accepted", Minimum: 365},
		{Name: "one day is accepted", Minimum: 1},
		{Name: "ten years is accepted", Minimum: 3653},
		{Name: "three years as CloudWatch counts them is accepted", Minimum: 1096},
		{Name: "zero is not a minimum", Minimum: 0, WantErr: "minimum_retention_days: 0 is not a retention CloudWatch Logs accepts; use one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653"},
		{Name: "a year of 366 days is not accepted", Minimum: 366, WantErr: "minimum_retention_days: 366 is not a retention CloudWatch Logs accepts; use one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653"},
		{Name: "a negative minimum is not accepted", Minimum: -1, WantErr: "minimum_retention_days: -1 is not a retention CloudWatch Logs accepts; use one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653"},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			err := (&LogGroupRetentionOptions{MinimumRetentionDays: tc.Minimum}).Validate()
			if tc.WantErr == "" {
				if err != nil {
					t.Fatalf("Validate() = %v, want nil", err)
				}
				return
			}
			var optErr *lint.OptionError
			if !errors.As(err, &optErr) || err.Error() != tc.WantErr {
				t.Fatalf("Validate() = %v, want OptionError %q", err, tc.WantErr)
			}
		})
	}
}
