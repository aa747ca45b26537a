package aws

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func TestAwsAPIGatewayDomainTLSPolicyRule(t *testing.T) {
	at := func(startLine, startCol, endLine, endCol int) hcl.Range {
		return hcl.Range{Filename: "resource.tf", Start: hcl.Pos{Line: startLine, Column: startCol}, End: hcl.Pos{Line: endLine, Column: endCol}}
	}
	const cite = " [指針 4.6.1.1 / JIS Q 27017 10.1.1]"
	weak := func(name, policy, why string) string {
		return "API Gateway のカスタムドメイン " + name + " のセキュリティポリシー " + policy + " は十分な強度ではありません（" + why + "）。security_policy に TLS_1_2 など TLS 1.2 以上に限るポリシーを指定してください。" + cite
	}
	rest := func(policy string) string {
		return `
resource "aws_api_gateway_domain_name" "api" {
  domain_name              = "api.example.lg.jp"
  regional_certificate_arn = "arn:aws:acm:ap-northeast-1:123456789012:certificate/12345678-1234-1234-1234-123456789012"
  security_policy          = "` + policy + `"
}`
	}
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name:     "TLS_1_0 on a REST API domain is reported at the value",
			Content:  rest("TLS_1_0"),
			Expected: helper.Issues{{Rule: NewAwsAPIGatewayDomainTLSPolicyRule(), Message: weak("aws_api_gateway_domain_name.api", "TLS_1_0", "TLS 1.0 を受け付けます"), Range: at(5, 30, 5, 39)}},
		},
		{Name: "TLS_1_2 passes", Content: rest("TLS_1_2"), Expected: helper.Issues{}},
		{Name: "an enhanced TLS 1.3 policy passes", Content: rest("SecurityPolicy_TLS13_1_3_2025_09"), Expected: helper.Issues{}},
		{Name: "an enhanced TLS 1.2 policy passes", Content: rest("SecurityPolicy_TLS13_1_2_PFS_PQ_2025_09"), Expected: helper.Issues{}},
		{
			Name: "a REST API domain without security_policy gets TLS_1_2 and passes",
			Content: `
resource "aws_api_gateway_domain_name" "api" {
  domain_name              = "api.example.lg.jp"
  regional_certificate_arn = "arn:aws:acm:ap-northeast-1:123456789012:certificate/12345678-1234-1234-1234-123456789012"
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name:    "a policy unknown to the table is reported",
			Content: rest("TLS_1_1"),
			Expected: helper.Issues{{
				Rule:    NewAwsAPIGatewayDomainTLSPolicyRule(),
				Message: "API Gateway のカスタムドメイン aws_api_gateway_domain_name.api のセキュリティポリシー TLS_1_1 は強度表にないため、TLS 1.2 以上に限られるかを確認できません。security_policy に TLS_1_2 など TLS 1.2 以上に限るポリシーを指定してください。" + cite,
				Range:   at(5, 30, 5, 39),
			}},
		},
		{
			Name: "TLS_1_0 on an HTTP API domain is reported",
			Content: `
resource "aws_apigatewayv2_domain_name" "api" {
  domain_name = "api.example.lg.jp"

  domain_name_configuration {
    certificate_arn = "arn:aws:acm:ap-northeast-1:123456789012:certificate/12345678-1234-1234-1234-123456789012"
    endpoint_type   = "REGIONAL"
    security_policy = "TLS_1_0"
  }
}`,
			Expected: helper.Issues{{Rule: NewAwsAPIGatewayDomainTLSPolicyRule(), Message: weak("aws_apigatewayv2_domain_name.api", "TLS_1_0", "TLS 1.0 を受け付けます"), Range: at(8, 23, 8, 32)}},
		},
		{
			Name: "TLS_1_2 on an HTTP API domain passes",
			Content: `
resource "aws_apigatewayv2_domain_name" "api" {
  domain_name = "api.example.lg.jp"

  domain_name_configuration {
    certificate_arn = "arn:aws:acm:ap-northeast-1:123456789012:certificate/12345678-1234-1234-1234-123456789012"
    endpoint_type   = "REGIONAL"
    security_policy = "TLS_1_2"
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "TLS_1_0 from a variable default is reported at the reference",
			Content: `
variable "security_policy" {
  default = "TLS_1_0"
}

resource "aws_api_gateway_domain_name" "api" {
  domain_name     = "api.example.lg.jp"
  security_policy = var.security_policy
}`,
			Expected: helper.Issues{{Rule: NewAwsAPIGatewayDomainTLSPolicyRule(), Message: weak("aws_api_gateway_domain_name.api", "TLS_1_0", "TLS 1.0 を受け付けます"), Range: at(8, 21, 8, 40)}},
		},
		{
			Name: "a policy from a variable without default is not reported",
			Content: `
variable "security_policy" {
  type = string
}

resource "aws_api_gateway_domain_name" "api" {
  domain_name     = "api.example.lg.jp"
  security_policy = var.security_policy
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "a policy from a variable without default is named by a strict notice",
			Content: `
variable "security_policy" {
  type = string
}

resource "aws_api_gateway_domain_name" "api" {
  domain_name     = "api.example.lg.jp"
  security_policy = var.security_policy
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(NewAwsAPIGatewayDomainTLSPolicyRule()),
				Message: "strict: API Gateway のカスタムドメインのセキュリティポリシーを確認できません。security_policy: lint 時に値が決まりません。" + cite,
				Range:   at(8, 21, 8, 40),
			}},
		},
		{
			Name:    "English message",
			Content: rest("TLS_1_0"),
			Config:  linttest.English(),
			Expected: helper.Issues{{
				Rule:    NewAwsAPIGatewayDomainTLSPolicyRule(),
				Message: "API Gateway domain name aws_api_gateway_domain_name.api: security policy TLS_1_0 is not strong enough (it accepts TLS 1.0); set security_policy to a policy that accepts TLS 1.2 or later only, such as TLS_1_2. [Guideline 4.6.1.1 / JIS Q 27017 10.1.1]",
				Range:   at(5, 30, 5, 39),
			}},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsAPIGatewayDomainTLSPolicyRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}
