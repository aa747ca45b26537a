package aws

import (
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func firewallLogTypeMissing(logType string) string {
	return "Network Firewall aws_networkfirewall_firewall.edge のログ設定 aws_networkfirewall_logging_configuration.edge に " + logType + ` ログの送信先がありません。log_type = "` + logType + `" の log_destination_config を追加してください。 [指針 4.6.1.4 / JIS Q 27017 12.4.1, 16.1.7]`
}

// firewallEdge is a firewall that the cases give logging configurations.
const firewallEdge = `
resource "aws_networkfirewall_firewall" "edge" {
  name                = "edge"
  firewall_policy_arn = aws_networkfirewall_firewall_policy.edge.arn
  vpc_id              = aws_vpc.inspection.id
}
`

func TestAwsNetworkfirewallLoggingRule(t *testing.T) {
	rule := NewAwsNetworkfirewallLoggingRule()
	notice := linttest.Notice(rule)
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name:     "firewall without a logging configuration is reported at the firewall",
			Content:  firewallEdge,
			Expected: helper.Issues{evidenceIssue(rule, "Network Firewall aws_networkfirewall_firewall.edge のログが設定されていません。通信と検知の記録を監査・フォレンジックの証拠として残すため、firewall_arn でこのファイアウォールを参照する aws_networkfirewall_logging_configuration を宣言し、FLOW と ALERT のログの送信先を設定してください。 [指針 4.6.1.4 / JIS Q 27017 12.4.1, 16.1.7]", 2, 1, 2, 47)},
		},
		{
			Name: "FLOW and ALERT logs pass",
			Content: firewallEdge + `
resource "aws_networkfirewall_logging_configuration" "edge" {
  firewall_arn = aws_networkfirewall_firewall.edge.arn
  logging_configuration {
    log_destination_config {
      log_type             = "FLOW"
      log_destination_type = "S3"
      log_destination      = { bucketName = "firewall-logs" }
    }
    log_destination_config {
      log_type             = "ALERT"
      log_destination_type = "CloudWatchLogs"
      log_destination      = { logGroup = "/firewall/alert" }
    }
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "logging only alerts is reported for FLOW at the logging configuration",
			Content: firewallEdge + `
resource "aws_networkfirewall_logging_configuration" "edge" {
  firewall_arn = aws_networkfirewall_firewall.edge.arn
  logging_configuration {
    log_destination_config {
      log_type             = "ALERT"
      log_destination_type = "CloudWatchLogs"
      log_destination      = { logGroup = "/firewall/alert" }
    }
  }
}`,
			Expected: helper.Issues{evidenceIssue(rule, firewallLogTypeMissing("FLOW"), 8, 1, 8, 60)},
		},
		{
			Name: "logging only TLS is reported for FLOW and ALERT",
			Content: firewallEdge + `
resource "aws_networkfirewall_logging_configuration" "edge" {
  firewall_arn = aws_networkfirewall_firewall.edge.arn
  logging_configuration {
    log_destination_config {
      log_type             = "TLS"
      log_destination_type = "CloudWatchLogs"
      log_destination      = { logGroup = "/firewall/tls" }
    }
  }
}`,
			Expected: helper.Issues{
				evidenceIssue(rule, firewallLogTypeMissing("FLOW"), 8, 1, 8, 60),
				evidenceIssue(rule, firewallLogTypeMissing("ALERT"), 8, 1, 8, 60),
			},
		},
		{
			Name: "unknown log type is not reported",
			Content: `
variable "log_type" {
  type = string
}
` + firewallEdge + `
resource "aws_networkfirewall_logging_configuration" "edge" {
  firewall_arn = aws_networkfirewall_firewall.edge.arn
  logging_configuration {
    log_destination_config {
      log_type             = var.log_type
      log_destination_type = "CloudWatchLogs"
      log_destination      = { logGroup = "/firewall" }
    }
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "unknown log type is named by a strict notice",
			Content: `
variable "log_type" {
  type = string
}
` + firewallEdge + `
resource "aws_networkfirewall_logging_configuration" "edge" {
  firewall_arn = aws_networkfirewall_firewall.edge.arn
  logging_configuration {
    log_destination_config {
      log_type             = var.log_type
      log_destination_type = "CloudWatchLogs"
      log_destination      = { logGroup = "/firewall" }
    }
  }
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{evidenceIssue(notice, "strict: Network Firewall のログを確認できません。log_type: lint 時に値が決まりません。 [指針 4.6.1.4 / JIS Q 27017 12.4.1, 16.1.7]", 16, 30, 16, 42)},
		},
		{
			Name: "dynamic destinations with an unknown for_each are named by a strict notice",
			Content: `
variable "destinations" {
  type = map(string)
}
` + firewallEdge + `
resource "aws_networkfirewall_logging_configuration" "edge" {
  firewall_arn = aws_networkfirewall_firewall.edge.arn
  logging_configuration {
    dynamic "log_destination_config" {
      for_each = var.destinations
      content {
        log_type             = log_destination_config.key
        log_destination_type = "CloudWatchLogs"
        log_destination      = { logGroup = log_destination_config.value }
      }
    }
  }
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{evidenceIssue(notice, "strict: Network Firewall のログを確認できません。for_each: dynamic ブロックが作るブロックを lint 時に確認できません。 [指針 4.6.1.4 / JIS Q 27017 12.4.1, 16.1.7]", 16, 18, 16, 34)},
		},
		{
			Name: "logging configuration with an unknown firewall makes a strict notice",
			Content: `
variable "firewall_arn" {
  type = string
}
` + firewallEdge + `
resource "aws_networkfirewall_logging_configuration" "other" {
  firewall_arn = var.firewall_arn
  logging_configuration {
    log_destination_config {
      log_type             = "FLOW"
      log_destination_type = "CloudWatchLogs"
      log_destination      = { logGroup = "/firewall" }
    }
  }
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{evidenceIssue(notice, "strict: Network Firewall のログを確認できません。aws_networkfirewall_firewall.edge: aws_networkfirewall_logging_configuration.other の firewall_arn がどの aws_networkfirewall_firewall を指すか特定できません。 [指針 4.6.1.4 / JIS Q 27017 12.4.1, 16.1.7]", 6, 1, 6, 47)},
		},
		{
			Name: "English message",
			Content: firewallEdge + `
resource "aws_networkfirewall_logging_configuration" "edge" {
  firewall_arn = aws_networkfirewall_firewall.edge.arn
  logging_configuration {
    log_destination_config {
      log_type             = "ALERT"
      log_destination_type = "CloudWatchLogs"
      log_destination      = { logGroup = "/firewall/alert" }
    }
  }
}`,
			Config:   linttest.English(),
			Expected: helper.Issues{evidenceIssue(rule, `Network Firewall aws_networkfirewall_firewall.edge: logging configuration aws_networkfirewall_logging_configuration.edge sends no FLOW log; add a log_destination_config with log_type = "FLOW". [Guideline 4.6.1.4 / JIS Q 27017 12.4.1, 16.1.7]`, 8, 1, 8, 60)},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsNetworkfirewallLoggingRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}
