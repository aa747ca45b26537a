package aws

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func TestAwsOpensearchDomainPublicRule(t *testing.T) {
	span := func(startLine, startCol, endLine, endCol int) hcl.Range {
		return hcl.Range{Filename: "resource.tf", Start: hcl.Pos{Line: startLine, Column: startCol}, End: hcl.Pos{Line: endLine, Column: endCol}}
	}
	const cite = " [指針 4.6.3.2 / JIS Q 27017 9.2.1, 9.2.2, 9.4.1]"
	public := func(engine, domain, policy, label string) string {
		return engine + " ドメイン " + domain + " はパブリックエンドポイント（vpc_options なし）で、アクセスポリシー " + policy + " の文 " + label + " が誰にでも（Principal \"*\"）アクセスを許可しています。vpc_options で VPC 内に置くか、必要な相手だけをプリンシパルに指定するか、aws:SourceIp などの条件で送信元を制限してください。" + cite
	}
	// openPolicy is an access policy open to anyone, four lines long.
	const openPolicy = `jsonencode({
    Statement = [{ Effect = "Allow", Principal = { AWS = "*" }, Action = "es:*", Resource = "*" }]
  })`
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "public domain with an open access policy is reported at the policy",
			Content: `
resource "aws_opensearch_domain" "logs" {
  domain_name     = "logs"
  access_policies = ` + openPolicy + `
}`,
			Expected: helper.Issues{{Rule: NewAwsOpensearchDomainPublicRule(), Message: public("OpenSearch", "aws_opensearch_domain.logs", "aws_opensearch_domain.logs", "#1"), Range: span(4, 21, 6, 5)}},
		},
		{
			Name: "domain in a VPC with an open access policy passes",
			Content: `
resource "aws_opensearch_domain" "logs" {
  domain_name     = "logs"
  access_policies = ` + openPolicy + `

  vpc_options {
    subnet_ids = ["subnet-0123456789abcdef0"]
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "public domain whose policy restricts the source address passes",
			Content: `
resource "aws_opensearch_domain" "logs" {
  domain_name = "logs"
  access_policies = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "es:*"
      Resource  = "*"
      Condition = { IpAddress = { "aws:SourceIp" = ["203.0.113.0/24"] } }
    }]
  })
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "public domain whose policy names an account passes",
			Content: `
resource "aws_opensearch_domain" "logs" {
  domain_name = "logs"
  access_policies = jsonencode({
    Statement = [{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::123456789012:root" }, Action = "es:*", Resource = "*" }]
  })
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "public domain without an access policy passes",
			Content: `
resource "aws_opensearch_domain" "logs" {
  domain_name = "logs"
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "domain policy naming a public domain by reference is reported at its policy",
			Content: `
resource "aws_opensearch_domain" "logs" {
  domain_name = "logs"
}

resource "aws_opensearch_domain_policy" "logs" {
  domain_name     = aws_opensearch_domain.logs.domain_name
  access_policies = ` + openPolicy + `
}`,
			Expected: helper.Issues{{Rule: NewAwsOpensearchDomainPublicRule(), Message: public("OpenSearch", "aws_opensearch_domain.logs", "aws_opensearch_domain_policy.logs", "#1"), Range: span(8, 21, 10, 5)}},
		},
		{
			Name: "domain policy naming a public domain by its name is reported",
			Content: `
resource "aws_opensearch_domain" "logs" {
  domain_name = "logs"
}

resource "aws_opensearch_domain_policy" "logs" {
  domain_name     = "logs"
  access_policies = ` + openPolicy + `
}`,
			Expected: helper.Issues{{Rule: NewAwsOpensearchDomainPublicRule(), Message: public("OpenSearch", "aws_opensearch_domain.logs", "aws_opensearch_domain_policy.logs", "#1"), Range: span(8, 21, 10, 5)}},
		},
		{
			Name: "domain policy naming a domain in a VPC passes",
			Content: `
resource "aws_opensearch_domain" "logs" {
  domain_name = "logs"
  vpc_options {
    subnet_ids = ["subnet-0123456789abcdef0"]
  }
}

resource "aws_opensearch_domain_policy" "logs" {
  domain_name     = aws_opensearch_domain.logs.domain_name
  access_policies = ` + openPolicy + `
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "domain policy naming a domain outside the module is not reported",
			Content: `
variable "domain" {
  type = string
}

resource "aws_opensearch_domain_policy" "logs" {
  domain_name     = var.domain
  access_policies = ` + openPolicy + `
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "domain policy naming a domain outside the module is named by a strict notice",
			Content: `
variable "domain" {
  type = string
}

resource "aws_opensearch_domain_policy" "logs" {
  domain_name     = var.domain
  access_policies = ` + openPolicy + `
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(NewAwsOpensearchDomainPublicRule()),
				Message: "strict: OpenSearch ドメインのアクセスポリシーの公開範囲を確認できません。access_policies: aws_opensearch_domain_policy.logs の domain_name が指すドメインがこのモジュールにないため、エンドポイントが公開か確かめられません。" + cite,
				Range:   span(8, 21, 10, 5),
			}},
		},
		{
			Name: "legacy Elasticsearch domain with an open access policy is reported",
			Content: `
resource "aws_elasticsearch_domain" "search" {
  domain_name     = "search"
  access_policies = ` + openPolicy + `
}`,
			Expected: helper.Issues{{Rule: NewAwsOpensearchDomainPublicRule(), Message: public("Elasticsearch", "aws_elasticsearch_domain.search", "aws_elasticsearch_domain.search", "#1"), Range: span(4, 21, 6, 5)}},
		},
		{
			Name: "legacy Elasticsearch domain policy is reported",
			Content: `
resource "aws_elasticsearch_domain" "search" {
  domain_name = "search"
}

resource "aws_elasticsearch_domain_policy" "search" {
  domain_name     = aws_elasticsearch_domain.search.domain_name
  access_policies = ` + openPolicy + `
}`,
			Expected: helper.Issues{{Rule: NewAwsOpensearchDomainPublicRule(), Message: public("Elasticsearch", "aws_elasticsearch_domain.search", "aws_elasticsearch_domain_policy.search", "#1"), Range: span(8, 21, 10, 5)}},
		},
		{
			Name: "fine-grained access control authenticates every request",
			Content: `
resource "aws_opensearch_domain" "logs" {
  domain_name     = "logs"
  access_policies = ` + openPolicy + `

  advanced_security_options {
    enabled                        = true
    internal_user_database_enabled = true
  }
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "fine-grained access control with anonymous access is reported",
			Content: `
resource "aws_opensearch_domain" "logs" {
  domain_name     = "logs"
  access_policies = ` + openPolicy + `

  advanced_security_options {
    enabled                = true
    anonymous_auth_enabled = true
  }
}`,
			Expected: helper.Issues{{Rule: NewAwsOpensearchDomainPublicRule(), Message: public("OpenSearch", "aws_opensearch_domain.logs", "aws_opensearch_domain.logs", "#1"), Range: span(4, 21, 6, 5)}},
		},
		{
			Name: "fine-grained access control turned off is reported",
			Content: `
resource "aws_opensearch_domain" "logs" {
  domain_name     = "logs"
  access_policies = ` + openPolicy + `

  advanced_security_options {
    enabled = false
  }
}`,
			Expected: helper.Issues{{Rule: NewAwsOpensearchDomainPublicRule(), Message: public("OpenSearch", "aws_opensearch_domain.logs", "aws_opensearch_domain.logs", "#1"), Range: span(4, 21, 6, 5)}},
		},
		{
			Name: "fine-grained access control from a variable without default is not reported",
			Content: `
variable "fgac" {
  type = bool
}

resource "aws_opensearch_domain" "logs" {
  domain_name     = "logs"
  access_policies = ` + openPolicy + `

  advanced_security_options {
    enabled = var.fgac
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "fine-grained access control from a variable without default is named by a strict notice",
			Content: `
variable "fgac" {
  type = bool
}

resource "aws_opensearch_domain" "logs" {
  domain_name     = "logs"
  access_policies = ` + openPolicy + `

  advanced_security_options {
    enabled = var.fgac
  }
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(NewAwsOpensearchDomainPublicRule()),
				Message: "strict: OpenSearch ドメインのアクセスポリシーの公開範囲を確認できません。access_policies: ドメイン aws_opensearch_domain.logs のきめ細かなアクセス制御（advanced_security_options の enabled または anonymous_auth_enabled）が lint 時に決まりません。" + cite,
				Range:   span(8, 21, 10, 5),
			}},
		},
		{
			Name: "access policy from a variable without default is named by a strict notice",
			Content: `
variable "policy" {
  type = string
}

resource "aws_opensearch_domain" "logs" {
  domain_name     = "logs"
  access_policies = var.policy
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(NewAwsOpensearchDomainPublicRule()),
				Message: "strict: OpenSearch ドメインのアクセスポリシーの公開範囲を確認できません。access_policies: ポリシー文書が lint 時に決まりません。" + cite,
				Range:   span(8, 21, 8, 31),
			}},
		},
		{
			Name: "access policy from a variable without default of a domain in a VPC is no blind spot",
			Content: `
variable "policy" {
  type = string
}

resource "aws_opensearch_domain" "logs" {
  domain_name     = "logs"
  access_policies = var.policy
  vpc_options {
    subnet_ids = ["subnet-0123456789abcdef0"]
  }
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "principal from a variable without default is named by a strict notice",
			Content: `
variable "principal" {
  type = string
}

resource "aws_opensearch_domain" "logs" {
  domain_name = "logs"
  access_policies = jsonencode({
    Statement = [{ Effect = "Allow", Principal = { AWS = var.principal }, Action = "es:*", Resource = "*" }]
  })
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(NewAwsOpensearchDomainPublicRule()),
				Message: "strict: OpenSearch ドメインのアクセスポリシーの公開範囲を確認できません。access_policies: 文 #1 の効果、プリンシパルまたは条件が lint 時に決まりません。" + cite,
				Range:   span(8, 21, 10, 5),
			}},
		},
		{
			Name: "English message",
			Content: `
resource "aws_opensearch_domain" "logs" {
  domain_name     = "logs"
  access_policies = ` + openPolicy + `
}`,
			Config: linttest.English(),
			Expected: helper.Issues{{
				Rule:    NewAwsOpensearchDomainPublicRule(),
				Message: "OpenSearch domain aws_opensearch_domain.logs has a public endpoint (no vpc_options), and access policy aws_opensearch_domain.logs: statement #1 lets anyone in (Principal \"*\"); place the domain in a VPC with vpc_options, name only the principals that need access, or restrict the source with a condition such as aws:SourceIp. [Guideline 4.6.3.2 / JIS Q 27017 9.2.1, 9.2.2, 9.4.1]",
				Range:   span(4, 21, 6, 5),
			}},
		},
	}

	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsOpensearchDomainPublicRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}
