package aws

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func TestAwsOpensearchTLSPolicyRule(t *testing.T) {
	at := func(startLine, startCol, endLine, endCol int) hcl.Range {
		return hcl.Range{Filename: "resource.tf", Start: hcl.Pos{Line: startLine, Column: startCol}, End: hcl.Pos{Line: endLine, Column: endCol}}
	}
	const cite = " [指針 4.6.1.1 / JIS Q 27017 10.1.1]"
	weak := func(name, policy, why string) string {
		return "OpenSearch ドメイン " + name + " のセキュリティポリシー " + policy + " は十分な強度ではありません（" + why + "）。tls_security_policy に Policy-Min-TLS-1-2-PFS-2023-10 または Policy-Min-TLS-1-2-2019-07 を指定してください。" + cite
	}
	plain := func(name string) string {
		return "OpenSearch ドメイン " + name + " は HTTPS を必須にしていないため、暗号化されない HTTP でも接続できます。enforce_https = true を設定してください。" + cite
	}
	domain := func(ty, options string) string {
		return `
resource "` + ty + `" "search" {
  domain_name = "search"

  domain_endpoint_options {
` + options + `
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
			Name:     "the TLS 1.0 policy is reported at the value",
			Content:  domain("aws_opensearch_domain", `    tls_security_policy = "Policy-Min-TLS-1-0-2019-07"`),
			Expected: helper.Issues{{Rule: NewAwsOpensearchTLSPolicyRule(), Message: weak("aws_opensearch_domain.search", "Policy-Min-TLS-1-0-2019-07", "TLS 1.0 を受け付けます"), Range: at(6, 27, 6, 55)}},
		},
		{
			Name:     "an Elasticsearch domain is checked the same way",
			Content:  domain("aws_elasticsearch_domain", `    tls_security_policy = "Policy-Min-TLS-1-0-2019-07"`),
			Expected: helper.Issues{{Rule: NewAwsOpensearchTLSPolicyRule(), Message: weak("aws_elasticsearch_domain.search", "Policy-Min-TLS-1-0-2019-07", "TLS 1.0 を受け付けます"), Range: at(6, 27, 6, 55)}},
		},
		{Name: "the TLS 1.2 policy passes", Content: domain("aws_opensearch_domain", `    tls_security_policy = "Policy-Min-TLS-1-2-2019-07"`), Expected: helper.Issues{}},
		{Name: "the PFS policy passes", Content: domain("aws_opensearch_domain", `    enforce_https       = true
    tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10"`), Config: linttest.Strict(), Expected: helper.Issues{}},
		{
			Name: "enforce_https false is reported at the value",
			Content: domain("aws_opensearch_domain", `    enforce_https       = false
    tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10"`),
			Expected: helper.Issues{{Rule: NewAwsOpensearchTLSPolicyRule(), Message: plain("aws_opensearch_domain.search"), Range: at(6, 27, 6, 32)}},
		},
		{
			Name: "a domain without domain_endpoint_options gets the service's defaults and passes",
			Content: `
resource "aws_opensearch_domain" "search" {
  domain_name = "search"
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name:     "options without a policy get Policy-Min-TLS-1-2-2019-07 and pass",
			Content:  domain("aws_opensearch_domain", `    custom_endpoint_enabled = false`),
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "the TLS 1.0 policy from a variable default is reported at the reference",
			Content: `
variable "tls_policy" {
  default = "Policy-Min-TLS-1-0-2019-07"
}

resource "aws_opensearch_domain" "search" {
  domain_name = "search"
  domain_endpoint_options {
    tls_security_policy = var.tls_policy
  }
}`,
			Expected: helper.Issues{{Rule: NewAwsOpensearchTLSPolicyRule(), Message: weak("aws_opensearch_domain.search", "Policy-Min-TLS-1-0-2019-07", "TLS 1.0 を受け付けます"), Range: at(9, 27, 9, 41)}},
		},
		{
			Name: "a policy from a variable without default is not reported",
			Content: `
variable "tls_policy" {
  type = string
}

resource "aws_opensearch_domain" "search" {
  domain_name = "search"
  domain_endpoint_options {
    tls_security_policy = var.tls_policy
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "a policy from a variable without default is named by a strict notice",
			Content: `
variable "tls_policy" {
  type = string
}

resource "aws_opensearch_domain" "search" {
  domain_name = "search"
  domain_endpoint_options {
    tls_security_policy = var.tls_policy
  }
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(NewAwsOpensearchTLSPolicyRule()),
				Message: "strict: OpenSearch ドメインのセキュリティポリシーを確認できません。tls_security_policy: lint 時に値が決まりません。" + cite,
				Range:   at(9, 27, 9, 41),
			}},
		},
		{
			Name:    "English message",
			Content: domain("aws_opensearch_domain", `    enforce_https = false`),
			Config:  linttest.English(),
			Expected: helper.Issues{{
				Rule:    NewAwsOpensearchTLSPolicyRule(),
				Message: "OpenSearch domain aws_opensearch_domain.search does not require HTTPS, so it also accepts unencrypted HTTP; set enforce_https = true. [Guideline 4.6.1.1 / JIS Q 27017 10.1.1]",
				Range:   at(6, 21, 6, 26),
			}},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsOpensearchTLSPolicyRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}

func TestAwsOpensearchTLSPolicyRule_Fix(t *testing.T) {
	domain := func(https string) string {
		return `
resource "aws_opensearch_domain" "search" {
  domain_name = "search"
  domain_endpoint_options {
    enforce_https       = ` + https + `
    tls_security_policy = "Policy-Min-TLS-1-0-2019-07"
  }
}`
	}
	cases := []struct {
		Name     string
		Content  string
		Expected map[string]string
	}{
		{
			Name:     "literal enforce_https false becomes true and the policy is left alone",
			Content:  domain("false"),
			Expected: map[string]string{"resource.tf": domain("true")},
		},
		{
			Name:     "quoted false becomes quoted true",
			Content:  domain(`"false"`),
			Expected: map[string]string{"resource.tf": domain(`"true"`)},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsOpensearchTLSPolicyRule(), map[string]string{"resource.tf": tc.Content}, nil)
			helper.AssertChanges(t, tc.Expected, runner.Changes())
		})
	}
}
