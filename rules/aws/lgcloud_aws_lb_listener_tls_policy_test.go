package aws

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func TestAwsLbListenerTLSPolicyRule(t *testing.T) {
	at := func(startLine, startCol, endLine, endCol int) hcl.Range {
		return hcl.Range{Filename: "resource.tf", Start: hcl.Pos{Line: startLine, Column: startCol}, End: hcl.Pos{Line: endLine, Column: endCol}}
	}
	const cite = " [指針 4.6.1.1 / JIS Q 27017 10.1.1]"
	weak := func(name, policy, why string) string {
		return "ロードバランサーのリスナー " + name + " のセキュリティポリシー " + policy + " は十分な強度ではありません（" + why + "）。ELBSecurityPolicy-TLS13-1-2-2021-06 など TLS 1.2 以上に限るポリシーを指定してください。" + cite
	}
	byDefault := func(name string) string {
		return "ロードバランサーのリスナー " + name + " に ssl_policy が指定されていません。Terraform で作成した HTTPS・TLS リスナーには既定の ELBSecurityPolicy-2016-08 が付き、TLS 1.0 を受け付けます。ELBSecurityPolicy-TLS13-1-2-2021-06 など TLS 1.2 以上に限るポリシーを指定してください。" + cite
	}
	listener := func(ty, protocol, policy string) string {
		return `
resource "` + ty + `" "front" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/app/front/50dc6c495c0c9188"
  port              = 443
  protocol          = "` + protocol + `"
  ssl_policy        = "` + policy + `"
  certificate_arn   = "arn:aws:acm:ap-northeast-1:123456789012:certificate/12345678-1234-1234-1234-123456789012"

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:targetgroup/front/73e2d6bc24d8a067"
  }
}`
	}
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name:     "HTTPS listener with a policy that still allows TLS 1.0 is reported at the value",
			Content:  listener("aws_lb_listener", "HTTPS", "ELBSecurityPolicy-TLS13-1-0-2021-06"),
			Expected: helper.Issues{{Rule: NewAwsLbListenerTLSPolicyRule(), Message: weak("aws_lb_listener.front", "ELBSecurityPolicy-TLS13-1-0-2021-06", "TLS 1.0 を受け付けます"), Range: at(6, 23, 6, 60)}},
		},
		{
			Name:     "HTTPS listener with a TLS 1.1 policy is reported",
			Content:  listener("aws_lb_listener", "HTTPS", "ELBSecurityPolicy-TLS-1-1-2017-01"),
			Expected: helper.Issues{{Rule: NewAwsLbListenerTLSPolicyRule(), Message: weak("aws_lb_listener.front", "ELBSecurityPolicy-TLS-1-1-2017-01", "TLS 1.1 を受け付けます"), Range: at(6, 23, 6, 58)}},
		},
		{
			Name:     "TLS listener of a Network Load Balancer with the 2016-08 policy is reported",
			Content:  listener("aws_lb_listener", "TLS", "ELBSecurityPolicy-2016-08"),
			Expected: helper.Issues{{Rule: NewAwsLbListenerTLSPolicyRule(), Message: weak("aws_lb_listener.front", "ELBSecurityPolicy-2016-08", "TLS 1.0 を受け付けます"), Range: at(6, 23, 6, 50)}},
		},
		{
			Name:     "aws_alb_listener is checked the same way",
			Content:  listener("aws_alb_listener", "HTTPS", "ELBSecurityPolicy-FS-2018-06"),
			Expected: helper.Issues{{Rule: NewAwsLbListenerTLSPolicyRule(), Message: weak("aws_alb_listener.front", "ELBSecurityPolicy-FS-2018-06", "TLS 1.0 を受け付けます"), Range: at(6, 23, 6, 53)}},
		},
		{Name: "TLS 1.3 policy with TLS 1.2 passes", Content: listener("aws_lb_listener", "HTTPS", "ELBSecurityPolicy-TLS13-1-2-2021-06"), Expected: helper.Issues{}},
		{Name: "TLS 1.2 policy passes", Content: listener("aws_lb_listener", "HTTPS", "ELBSecurityPolicy-TLS-1-2-2017-01"), Expected: helper.Issues{}},
		{Name: "TLS 1.3 only policy passes", Content: listener("aws_lb_listener", "TLS", "ELBSecurityPolicy-TLS13-1-3-2021-06"), Expected: helper.Issues{}},
		{Name: "lower-case protocol is HTTPS", Content: listener("aws_lb_listener", "https", "ELBSecurityPolicy-TLS13-1-2-Res-2021-06"), Expected: helper.Issues{}},
		{Name: "a policy newer than the table whose name says TLS 1.2 passes", Content: listener("aws_lb_listener", "HTTPS", "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2027-01"), Expected: helper.Issues{}},
		{
			Name:    "a policy unknown to the table is reported",
			Content: listener("aws_lb_listener", "HTTPS", "ELBSecurityPolicy-Custom"),
			Expected: helper.Issues{{
				Rule:    NewAwsLbListenerTLSPolicyRule(),
				Message: "ロードバランサーのリスナー aws_lb_listener.front のセキュリティポリシー ELBSecurityPolicy-Custom は強度表にないため、TLS 1.2 以上に限られるかを確認できません。ELBSecurityPolicy-TLS13-1-2-2021-06 など TLS 1.2 以上に限るポリシーを指定してください。" + cite,
				Range:   at(6, 23, 6, 49),
			}},
		},
		{
			Name: "HTTPS listener without ssl_policy takes ELBSecurityPolicy-2016-08 and is reported at the resource",
			Content: `
resource "aws_lb_listener" "front" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/app/front/50dc6c495c0c9188"
  port              = 443
  protocol          = "HTTPS"
  certificate_arn   = "arn:aws:acm:ap-northeast-1:123456789012:certificate/12345678-1234-1234-1234-123456789012"

  default_action {
    type = "fixed-response"
    fixed_response {
      content_type = "text/plain"
    }
  }
}`,
			Expected: helper.Issues{{Rule: NewAwsLbListenerTLSPolicyRule(), Message: byDefault("aws_lb_listener.front"), Range: at(2, 1, 2, 35)}},
		},
		{
			Name: "HTTP listener is not this rule's",
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
			Name: "listener without protocol is HTTP (or a Gateway Load Balancer's) and not this rule's",
			Content: `
resource "aws_lb_listener" "gateway" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/gwy/inspect/50dc6c495c0c9188"

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:targetgroup/inspect/73e2d6bc24d8a067"
  }
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "a weak policy from a variable default is reported at the reference",
			Content: `
variable "ssl_policy" {
  default = "ELBSecurityPolicy-2016-08"
}

resource "aws_lb_listener" "front" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/app/front/50dc6c495c0c9188"
  protocol          = "HTTPS"
  ssl_policy        = var.ssl_policy
}`,
			Expected: helper.Issues{{Rule: NewAwsLbListenerTLSPolicyRule(), Message: weak("aws_lb_listener.front", "ELBSecurityPolicy-2016-08", "TLS 1.0 を受け付けます"), Range: at(9, 23, 9, 37)}},
		},
		{
			Name: "a policy from a variable without default is not reported",
			Content: `
variable "ssl_policy" {
  type = string
}

resource "aws_lb_listener" "front" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/app/front/50dc6c495c0c9188"
  protocol          = "HTTPS"
  ssl_policy        = var.ssl_policy
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "a policy from a variable without default is named by a strict notice",
			Content: `
variable "ssl_policy" {
  type = string
}

resource "aws_lb_listener" "front" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/app/front/50dc6c495c0c9188"
  protocol          = "HTTPS"
  ssl_policy        = var.ssl_policy
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(NewAwsLbListenerTLSPolicyRule()),
				Message: "strict: ロードバランサーのリスナーのセキュリティポリシーを確認できません。ssl_policy: lint 時に値が決まりません。" + cite,
				Range:   at(9, 23, 9, 37),
			}},
		},
		{
			Name: "an unknown protocol with a weak policy is reported",
			Content: `
variable "protocol" {
  type = string
}

resource "aws_lb_listener" "front" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/app/front/50dc6c495c0c9188"
  protocol          = var.protocol
  ssl_policy        = "ELBSecurityPolicy-2016-08"
}`,
			Expected: helper.Issues{{Rule: NewAwsLbListenerTLSPolicyRule(), Message: weak("aws_lb_listener.front", "ELBSecurityPolicy-2016-08", "TLS 1.0 を受け付けます"), Range: at(9, 23, 9, 50)}},
		},
		{
			Name: "an unknown protocol without a policy is named by a strict notice",
			Content: `
variable "protocol" {
  type = string
}

resource "aws_lb_listener" "front" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/app/front/50dc6c495c0c9188"
  protocol          = var.protocol
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(NewAwsLbListenerTLSPolicyRule()),
				Message: "strict: リスナーが TLS を使うかどうかを確認できません。protocol: lint 時に値が決まりません。" + cite,
				Range:   at(8, 23, 8, 35),
			}},
		},
		{
			Name:    "English message",
			Content: listener("aws_lb_listener", "HTTPS", "ELBSecurityPolicy-TLS13-1-0-2021-06"),
			Config:  linttest.English(),
			Expected: helper.Issues{{
				Rule:    NewAwsLbListenerTLSPolicyRule(),
				Message: "Load balancer listener aws_lb_listener.front: security policy ELBSecurityPolicy-TLS13-1-0-2021-06 is not strong enough (it accepts TLS 1.0); use a policy that accepts TLS 1.2 or later only, such as ELBSecurityPolicy-TLS13-1-2-2021-06. [Guideline 4.6.1.1 / JIS Q 27017 10.1.1]",
				Range:   at(6, 23, 6, 60),
			}},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsLbListenerTLSPolicyRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}
