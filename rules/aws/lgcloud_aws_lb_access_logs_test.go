package aws

import (
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func lbLogsMissing(lb string) string {
	return "ロードバランサー " + lb + " のアクセスログが設定されていません。リクエストの記録を監査・フォレンジックの証拠として残すため、access_logs ブロックに bucket と enabled = true を設定してください。 [指針 4.6.1.4 / JIS Q 27017 12.4.1, 16.1.7]"
}

func lbLogsOff(lb string) string {
	return "ロードバランサー " + lb + " のアクセスログが無効です。access_logs に enabled = true を設定してください（aws_lb では enabled を省略すると無効です）。 [指針 4.6.1.4 / JIS Q 27017 12.4.1, 16.1.7]"
}

func TestAwsLbAccessLogsRule(t *testing.T) {
	rule := NewAwsLbAccessLogsRule()
	notice := linttest.Notice(rule)
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "application load balancer without access_logs is reported at the resource",
			Content: `
resource "aws_lb" "web" {
  name = "web"
}`,
			Expected: helper.Issues{evidenceIssue(rule, lbLogsMissing("aws_lb.web"), 2, 1, 2, 24)},
		},
		{
			Name: "access logs enabled pass",
			Content: `
resource "aws_lb" "web" {
  access_logs {
    bucket  = "lb-logs"
    enabled = true
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "enabled false literal is reported at the value",
			Content: `
resource "aws_lb" "web" {
  access_logs {
    bucket  = "lb-logs"
    enabled = false
  }
}`,
			Expected: helper.Issues{evidenceIssue(rule, lbLogsOff("aws_lb.web"), 5, 15, 5, 20)},
		},
		{
			Name: "access_logs without enabled takes the default false and is reported at the block",
			Content: `
resource "aws_lb" "web" {
  access_logs {
    bucket = "lb-logs"
  }
}`,
			Expected: helper.Issues{evidenceIssue(rule, lbLogsOff("aws_lb.web"), 3, 3, 3, 14)},
		},
		{
			Name: "legacy aws_alb is checked alike",
			Content: `
resource "aws_alb" "web" {
  load_balancer_type = "application"
}`,
			Expected: helper.Issues{evidenceIssue(rule, lbLogsMissing("aws_alb.web"), 2, 1, 2, 25)},
		},
		{
			Name: "enabled false from a variable default is reported at the reference",
			Content: `
variable "access_logs" {
  default = false
}

resource "aws_lb" "web" {
  access_logs {
    bucket  = "lb-logs"
    enabled = var.access_logs
  }
}`,
			Expected: helper.Issues{evidenceIssue(rule, lbLogsOff("aws_lb.web"), 9, 15, 9, 30)},
		},
		{
			Name: "unknown enabled is not reported",
			Content: `
variable "access_logs" {
  type = bool
}

resource "aws_lb" "web" {
  access_logs {
    bucket  = "lb-logs"
    enabled = var.access_logs
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "unknown enabled is named by a strict notice",
			Content: `
variable "access_logs" {
  type = bool
}

resource "aws_lb" "web" {
  access_logs {
    bucket  = "lb-logs"
    enabled = var.access_logs
  }
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{evidenceIssue(notice, "strict: ロードバランサーのアクセスログを確認できません。enabled: lint 時に値が決まりません。 [指針 4.6.1.4 / JIS Q 27017 12.4.1, 16.1.7]", 9, 15, 9, 30)},
		},
		{
			Name: "dynamic access_logs with an unknown for_each is not reported",
			Content: `
variable "log_bucket" {
  type = list(string)
}

resource "aws_lb" "web" {
  dynamic "access_logs" {
    for_each = var.log_bucket
    content {
      bucket  = access_logs.value
      enabled = true
    }
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "dynamic access_logs with an unknown for_each is named by a strict notice",
			Content: `
variable "log_bucket" {
  type = list(string)
}

resource "aws_lb" "web" {
  dynamic "access_logs" {
    for_each = var.log_bucket
    content {
      bucket  = access_logs.value
      enabled = true
    }
  }
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{evidenceIssue(notice, "strict: ロードバランサーのアクセスログを確認できません。for_each: lint 時に値が決まりません。 [指針 4.6.1.4 / JIS Q 27017 12.4.1, 16.1.7]", 8, 16, 8, 30)},
		},
		{
			Name: "dynamic access_logs with an empty for_each is reported at the for_each",
			Content: `
variable "log_bucket" {
  type    = list(string)
  default = []
}

resource "aws_lb" "web" {
  dynamic "access_logs" {
    for_each = var.log_bucket
    content {
      bucket  = access_logs.value
      enabled = true
    }
  }
}`,
			Expected: helper.Issues{evidenceIssue(rule, lbLogsMissing("aws_lb.web"), 9, 16, 9, 30)},
		},
		{
			Name: "gateway load balancer has no access logs and is not reported",
			Content: `
resource "aws_lb" "inspection" {
  load_balancer_type = "gateway"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "network load balancer without TLS listener is not reported",
			Content: `
resource "aws_lb" "nlb" {
  load_balancer_type = "network"
}

resource "aws_lb_listener" "tcp" {
  load_balancer_arn = aws_lb.nlb.arn
  protocol          = "TCP"
  port              = 443
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "network load balancer with a TLS listener is reported",
			Content: `
resource "aws_lb" "nlb" {
  load_balancer_type = "network"
}

resource "aws_lb_listener" "tls" {
  load_balancer_arn = aws_lb.nlb.arn
  protocol          = "TLS"
  port              = 443
}`,
			Expected: helper.Issues{evidenceIssue(rule, lbLogsMissing("aws_lb.nlb"), 2, 1, 2, 24)},
		},
		{
			Name: "network load balancer with a listener of unknown protocol is named by a strict notice",
			Content: `
variable "protocol" {
  type = string
}

resource "aws_lb" "nlb" {
  load_balancer_type = "network"
}

resource "aws_lb_listener" "front" {
  load_balancer_arn = aws_lb.nlb.arn
  protocol          = var.protocol
  port              = 443
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{evidenceIssue(notice, "strict: ロードバランサーのアクセスログを確認できません。protocol: Network Load Balancer のリスナーのプロトコルが lint 時に決まらず、TLS リスナー（アクセスログの対象）があるか分かりません。 [指針 4.6.1.4 / JIS Q 27017 12.4.1, 16.1.7]", 6, 1, 6, 24)},
		},
		{
			Name: "unknown load balancer type is named by a strict notice",
			Content: `
variable "type" {
  type = string
}

resource "aws_lb" "front" {
  load_balancer_type = var.type
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{evidenceIssue(notice, "strict: ロードバランサーのアクセスログを確認できません。load_balancer_type: load_balancer_type が lint 時に決まらず、アクセスログを記録する種類か分かりません。 [指針 4.6.1.4 / JIS Q 27017 12.4.1, 16.1.7]", 7, 24, 7, 32)},
		},
		{
			Name: "unknown load balancer type with access logs on passes in strict mode",
			Content: `
variable "type" {
  type = string
}

resource "aws_lb" "front" {
  load_balancer_type = var.type
  access_logs {
    bucket  = "lb-logs"
    enabled = true
  }
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "classic load balancer without access_logs is reported",
			Content: `
resource "aws_elb" "legacy" {
  availability_zones = ["ap-northeast-1a"]
}`,
			Expected: helper.Issues{evidenceIssue(rule, lbLogsMissing("aws_elb.legacy"), 2, 1, 2, 28)},
		},
		{
			Name: "classic load balancer access_logs without enabled is on by default",
			Content: `
resource "aws_elb" "legacy" {
  access_logs {
    bucket = "elb-logs"
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "classic load balancer with enabled false is reported",
			Content: `
resource "aws_elb" "legacy" {
  access_logs {
    bucket  = "elb-logs"
    enabled = false
  }
}`,
			Expected: helper.Issues{evidenceIssue(rule, lbLogsOff("aws_elb.legacy"), 5, 15, 5, 20)},
		},
		{
			Name: "English message",
			Content: `
resource "aws_lb" "web" {
  access_logs {
    bucket  = "lb-logs"
    enabled = false
  }
}

resource "aws_lb" "api" {}`,
			Config: linttest.English(),
			Expected: helper.Issues{
				evidenceIssue(rule, "Load balancer aws_lb.web has its access logs turned off; set enabled = true in access_logs (aws_lb turns them off when enabled is not set). [Guideline 4.6.1.4 / JIS Q 27017 12.4.1, 16.1.7]", 5, 15, 5, 20),
				evidenceIssue(rule, "Load balancer aws_lb.api has no access logs; add an access_logs block with a bucket and enabled = true, so that its requests are kept as evidence for audit and forensics. [Guideline 4.6.1.4 / JIS Q 27017 12.4.1, 16.1.7]", 9, 1, 9, 24),
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsLbAccessLogsRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}

func TestAwsLbAccessLogsRule_Fix(t *testing.T) {
	cases := []struct {
		Name     string
		Content  string
		Expected map[string]string
	}{
		{
			Name: "literal false becomes true",
			Content: `
resource "aws_lb" "web" {
  access_logs {
    bucket  = "lb-logs"
    enabled = false
  }
}`,
			Expected: map[string]string{"resource.tf": `
resource "aws_lb" "web" {
  access_logs {
    bucket  = "lb-logs"
    enabled = true
  }
}`},
		},
		{
			Name: "false from a variable is not changed",
			Content: `
variable "on" {
  default = false
}

resource "aws_lb" "web" {
  access_logs {
    bucket  = "lb-logs"
    enabled = var.on
  }
}`,
			Expected: map[string]string{},
		},
		{
			Name:     "missing access_logs is not added",
			Content:  `resource "aws_lb" "web" {}`,
			Expected: map[string]string{},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsLbAccessLogsRule(), map[string]string{"resource.tf": tc.Content}, nil)
			helper.AssertChanges(t, tc.Expected, runner.Changes())
		})
	}
}
