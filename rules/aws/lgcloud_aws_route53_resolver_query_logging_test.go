package aws

import (
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

func queryLogMissing(vpc string) string {
	return "VPC " + vpc + " の DNS クエリログが設定されていません。名前解決の記録を監査・フォレンジックの証拠として残すため、resource_id でこの VPC を参照する aws_route53_resolver_query_log_config_association を宣言してください。 [指針 4.6.1.4 / JIS Q 27017 12.4.1, 16.1.7]"
}

func TestAwsRoute53ResolverQueryLoggingRule(t *testing.T) {
	rule := NewAwsRoute53ResolverQueryLoggingRule()
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "VPC without a query log association is reported at the VPC",
			Content: `
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}`,
			Expected: helper.Issues{evidenceIssue(rule, queryLogMissing("aws_vpc.main"), 2, 1, 2, 26)},
		},
		{
			Name: "VPC with an association that refers to it passes",
			Content: `
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_route53_resolver_query_log_config" "dns" {
  name            = "dns"
  destination_arn = "arn:aws:s3:::dns-logs"
}

resource "aws_route53_resolver_query_log_config_association" "main" {
  resolver_query_log_config_id = aws_route53_resolver_query_log_config.dns.id
  resource_id                  = aws_vpc.main.id
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "associations made with for_each over the VPCs pass",
			Content: `
resource "aws_vpc" "a" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_vpc" "b" {
  cidr_block = "10.1.0.0/16"
}

resource "aws_route53_resolver_query_log_config_association" "each" {
  for_each                     = { a = aws_vpc.a.id, b = aws_vpc.b.id }
  resolver_query_log_config_id = "rqlc-0123456789abcdef"
  resource_id                  = each.value
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "associations made with for_each name only the VPCs of the for_each",
			Content: `
resource "aws_vpc" "a" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_vpc" "b" {
  cidr_block = "10.1.0.0/16"
}

resource "aws_route53_resolver_query_log_config_association" "each" {
  for_each                     = toset([aws_vpc.a.id])
  resolver_query_log_config_id = "rqlc-0123456789abcdef"
  resource_id                  = each.key
}`,
			Expected: helper.Issues{evidenceIssue(rule, queryLogMissing("aws_vpc.b"), 6, 1, 6, 23)},
		},
		{
			Name: "association with a literal VPC ID leaves a VPC unreported",
			Content: `
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_route53_resolver_query_log_config_association" "legacy" {
  resolver_query_log_config_id = "rqlc-0123456789abcdef"
  resource_id                  = "vpc-0123456789abcdef0"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "association with a literal VPC ID makes a strict notice at the VPC",
			Content: `
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_route53_resolver_query_log_config_association" "legacy" {
  resolver_query_log_config_id = "rqlc-0123456789abcdef"
  resource_id                  = "vpc-0123456789abcdef0"
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{evidenceIssue(linttest.Notice(rule), "strict: Route 53 Resolver のクエリログを確認できません。aws_vpc.main: aws_route53_resolver_query_log_config_association.legacy の resource_id がどの aws_vpc を指すか特定できません。 [指針 4.6.1.4 / JIS Q 27017 12.4.1, 16.1.7]", 2, 1, 2, 26)},
		},
		{
			Name: "VPC passed to a module makes a strict notice",
			Content: `
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

module "dns_logging" {
  source  = "./modules/dns-logging"
  vpc_ids = [aws_vpc.main.id]
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{evidenceIssue(linttest.Notice(rule), "strict: Route 53 Resolver のクエリログを確認できません。aws_vpc.main: モジュール dns_logging に渡されており、そのモジュールが aws_route53_resolver_query_log_config_association を宣言しているかはこのモジュールから確認できません。 [指針 4.6.1.4 / JIS Q 27017 12.4.1, 16.1.7]", 2, 1, 2, 26)},
		},
		{
			Name: "VPC without DNS support has no queries to log",
			Content: `
resource "aws_vpc" "build" {
  cidr_block         = "10.98.0.0/16"
  enable_dns_support = false
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "English message",
			Content: `
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}`,
			Config:   linttest.English(),
			Expected: helper.Issues{evidenceIssue(rule, "VPC aws_vpc.main has no DNS query logging; declare an aws_route53_resolver_query_log_config_association whose resource_id refers to it, so that its DNS queries are kept as evidence for audit and forensics. [Guideline 4.6.1.4 / JIS Q 27017 12.4.1, 16.1.7]", 2, 1, 2, 26)},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsRoute53ResolverQueryLoggingRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}

func TestAwsRoute53ResolverQueryLoggingRuleSegments(t *testing.T) {
	rule := NewAwsRoute53ResolverQueryLoggingRule()
	errorRule := lint.AtSeverity(rule, tflint.ERROR)
	segmentMissing := func(segment, vpc string) string {
		return segment + "の VPC " + vpc + " の DNS クエリログが設定されていません。このセグメントの名前解決の記録は監査・フォレンジックの証拠として欠かせないため、resource_id でこの VPC を参照する aws_route53_resolver_query_log_config_association を宣言してください。 [指針 4.6.1.4 / JIS Q 27017 12.4.1, 16.1.7]"
	}
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "each segment network must be covered: closed segments and the DMZ are ERRORs, the internet segment a WARNING",
			Content: `
resource "aws_vpc" "mynumber" {
  cidr_block = "10.10.0.0/16"
  tags       = { Segment = "mynumber" }
}

resource "aws_vpc" "lgwan" {
  cidr_block = "10.20.0.0/16"
  tags       = { Segment = "lgwan" }
}

resource "aws_vpc" "internet" {
  cidr_block = "10.40.0.0/16"
  tags       = { Segment = "internet" }
}

resource "aws_vpc" "relay" {
  cidr_block = "10.30.0.0/16"
  tags       = { Segment = "dmz" }
}`,
			Expected: helper.Issues{
				evidenceIssue(errorRule, segmentMissing("マイナンバー利用事務系（mynumber）", "aws_vpc.mynumber"), 2, 1, 2, 30),
				evidenceIssue(errorRule, segmentMissing("LGWAN接続系（lgwan）", "aws_vpc.lgwan"), 7, 1, 7, 27),
				evidenceIssue(rule, queryLogMissing("aws_vpc.internet"), 12, 1, 12, 30),
				evidenceIssue(errorRule, segmentMissing("更新用 DMZ（dmz）", "aws_vpc.relay"), 17, 1, 17, 27),
			},
		},
		{
			Name: "covered segment networks pass",
			Content: `
resource "aws_vpc" "mynumber" {
  cidr_block = "10.10.0.0/16"
  tags       = { Segment = "mynumber" }
}

resource "aws_route53_resolver_query_log_config" "dns" {
  name            = "dns"
  destination_arn = "arn:aws:s3:::dns-logs"
}

resource "aws_route53_resolver_query_log_config_association" "mynumber" {
  resolver_query_log_config_id = aws_route53_resolver_query_log_config.dns.id
  resource_id                  = aws_vpc.mynumber.id
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "segment from provider default_tags",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
  default_tags {
    tags = { Segment = "mynumber" }
  }
}

resource "aws_vpc" "main" {
  cidr_block = "10.10.0.0/16"
}`,
			Expected: helper.Issues{evidenceIssue(errorRule, segmentMissing("マイナンバー利用事務系（mynumber）", "aws_vpc.main"), 9, 1, 9, 26)},
		},
		{
			Name: "VPC in no segment keeps the WARNING",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
  tags       = { Name = "main" }
}`,
			Expected: helper.Issues{evidenceIssue(rule, queryLogMissing("aws_vpc.main"), 6, 1, 6, 26)},
		},
		{
			Name: "VPC whose segment cannot be known keeps the WARNING",
			Content: `
variable "tags" {
  type = map(string)
}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
  tags       = var.tags
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{evidenceIssue(rule, queryLogMissing("aws_vpc.main"), 6, 1, 6, 26)},
		},
		{
			Name: "segment network without DNS support has nothing to log",
			Content: `
resource "aws_vpc" "mynumber" {
  cidr_block         = "10.10.0.0/16"
  enable_dns_support = false
  tags               = { Segment = "mynumber" }
}`,
			Expected: helper.Issues{},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsRoute53ResolverQueryLoggingRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
			assertSeverities(t, tc.Expected, runner.Issues)
		})
	}
}
