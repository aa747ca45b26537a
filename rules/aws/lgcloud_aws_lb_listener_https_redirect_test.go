package aws

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func TestAwsLbListenerHTTPSRedirectRule(t *testing.T) {
	at := func(startLine, startCol, endLine, endCol int) hcl.Range {
		return hcl.Range{Filename: "resource.tf", Start: hcl.Pos{Line: startLine, Column: startCol}, End: hcl.Pos{Line: endLine, Column: endCol}}
	}
	const cite = " [指針 4.6.1.1 / JIS Q 27017 10.1.1]"
	msg := func(name string) string {
		return "HTTP リスナー " + name + " は HTTPS にリダイレクトしていないため、通信が暗号化されずに送られます。default_action を type = \"redirect\" とし、redirect ブロックに protocol = \"HTTPS\" を指定してください。" + cite
	}
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "HTTP listener that forwards is reported at the resource",
			Content: `
resource "aws_lb_listener" "plain" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/app/front/50dc6c495c0c9188"
  port              = 80
  protocol          = "HTTP"

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:targetgroup/front/73e2d6bc24d8a067"
  }
}`,
			Expected: helper.Issues{{Rule: NewAwsLbListenerHTTPSRedirectRule(), Message: msg("aws_lb_listener.plain"), Range: at(2, 1, 2, 35)}},
		},
		{
			Name: "HTTP listener that redirects to HTTPS passes",
			Content: `
resource "aws_lb_listener" "plain" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/app/front/50dc6c495c0c9188"
  port              = 80
  protocol          = "HTTP"

  default_action {
    type = "redirect"
    redirect {
      port        = "443"
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
  }
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "a redirect without protocol keeps HTTP and is reported",
			Content: `
resource "aws_alb_listener" "plain" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/app/front/50dc6c495c0c9188"
  port              = 80
  protocol          = "HTTP"

  default_action {
    type = "redirect"
    redirect {
      host        = "www.example.lg.jp"
      status_code = "HTTP_301"
    }
  }
}`,
			Expected: helper.Issues{{Rule: NewAwsLbListenerHTTPSRedirectRule(), Message: msg("aws_alb_listener.plain"), Range: at(2, 1, 2, 36)}},
		},
		{
			Name: "a fixed response on HTTP is reported",
			Content: `
resource "aws_lb_listener" "plain" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/app/front/50dc6c495c0c9188"
  port              = 80
  protocol          = "HTTP"

  default_action {
    type = "fixed-response"
    fixed_response {
      content_type = "text/plain"
      status_code  = "404"
    }
  }
}`,
			Expected: helper.Issues{{Rule: NewAwsLbListenerHTTPSRedirectRule(), Message: msg("aws_lb_listener.plain"), Range: at(2, 1, 2, 35)}},
		},
		{
			Name: "a listener with a port and no protocol is HTTP and is reported",
			Content: `
resource "aws_lb_listener" "plain" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/app/front/50dc6c495c0c9188"
  port              = 80

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:targetgroup/front/73e2d6bc24d8a067"
  }
}`,
			Expected: helper.Issues{{Rule: NewAwsLbListenerHTTPSRedirectRule(), Message: msg("aws_lb_listener.plain"), Range: at(2, 1, 2, 35)}},
		},
		{
			Name: "a Gateway Load Balancer listener has neither port nor protocol and passes",
			Content: `
resource "aws_lb_listener" "gateway" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/gwy/inspect/50dc6c495c0c9188"

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:targetgroup/inspect/73e2d6bc24d8a067"
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "HTTPS and TCP listeners pass",
			Content: `
resource "aws_lb_listener" "secure" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/app/front/50dc6c495c0c9188"
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:targetgroup/front/73e2d6bc24d8a067"
  }
}

resource "aws_lb_listener" "tcp" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/net/db/50dc6c495c0c9188"
  port              = 5432
  protocol          = "TCP"

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:targetgroup/db/73e2d6bc24d8a067"
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "HTTP from a variable default is reported",
			Content: `
variable "protocol" {
  default = "HTTP"
}

resource "aws_lb_listener" "plain" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/app/front/50dc6c495c0c9188"
  protocol          = var.protocol

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:targetgroup/front/73e2d6bc24d8a067"
  }
}`,
			Expected: helper.Issues{{Rule: NewAwsLbListenerHTTPSRedirectRule(), Message: msg("aws_lb_listener.plain"), Range: at(6, 1, 6, 35)}},
		},
		{
			Name: "an unknown protocol is not reported",
			Content: `
variable "protocol" {
  type = string
}

resource "aws_lb_listener" "plain" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/app/front/50dc6c495c0c9188"
  protocol          = var.protocol

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:targetgroup/front/73e2d6bc24d8a067"
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "an unknown protocol is named by a strict notice",
			Content: `
variable "protocol" {
  type = string
}

resource "aws_lb_listener" "plain" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/app/front/50dc6c495c0c9188"
  protocol          = var.protocol

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:targetgroup/front/73e2d6bc24d8a067"
  }
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(NewAwsLbListenerHTTPSRedirectRule()),
				Message: "strict: リスナーが暗号化されない HTTP かどうかを確認できません。protocol: lint 時に値が決まりません。" + cite,
				Range:   at(8, 23, 8, 35),
			}},
		},
		{
			Name: "an unknown redirect protocol is named by a strict notice",
			Content: `
variable "to" {
  type = string
}

resource "aws_lb_listener" "plain" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/app/front/50dc6c495c0c9188"
  port              = 80
  protocol          = "HTTP"

  default_action {
    type = "redirect"
    redirect {
      protocol    = var.to
      status_code = "HTTP_301"
    }
  }
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(NewAwsLbListenerHTTPSRedirectRule()),
				Message: "strict: HTTP リスナーが HTTPS にリダイレクトするかどうかを確認できません。protocol: lint 時に値が決まりません。" + cite,
				Range:   at(14, 21, 14, 27),
			}},
		},
		{
			Name: "English message",
			Content: `
resource "aws_lb_listener" "plain" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/app/front/50dc6c495c0c9188"
  port              = 80
  protocol          = "HTTP"

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:targetgroup/front/73e2d6bc24d8a067"
  }
}`,
			Config: linttest.English(),
			Expected: helper.Issues{{
				Rule:    NewAwsLbListenerHTTPSRedirectRule(),
				Message: "HTTP listener aws_lb_listener.plain does not redirect to HTTPS, so traffic travels unencrypted; make its default_action a redirect with protocol = \"HTTPS\". [Guideline 4.6.1.1 / JIS Q 27017 10.1.1]",
				Range:   at(2, 1, 2, 35),
			}},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsLbListenerHTTPSRedirectRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}
