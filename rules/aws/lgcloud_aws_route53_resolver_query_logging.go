package aws

import (
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsRoute53ResolverQueryLoggingRule checks that the DNS queries of every
// VPC of a module are logged by Route 53 Resolver query logging. Every
// network placed in a segment must have its query log: a finding on a VPC
// of the My Number or LGWAN segment or of the update DMZ is an ERROR; on a
// VPC of the internet segment, or of no segment, a WARNING.
type AwsRoute53ResolverQueryLoggingRule struct{ lint.Meta }

var _ lint.Rule = (*AwsRoute53ResolverQueryLoggingRule)(nil)

// resolverQueryLogLink is how a query log association names its VPC.
var resolverQueryLogLink = logLink{Type: "aws_route53_resolver_query_log_config_association", Attr: "resource_id", Target: "aws_vpc"}

// NewAwsRoute53ResolverQueryLoggingRule returns the rule.
func NewAwsRoute53ResolverQueryLoggingRule() *AwsRoute53ResolverQueryLoggingRule {
	return &AwsRoute53ResolverQueryLoggingRule{lint.Meta{
		RuleName: "lgcloud_aws_route53_resolver_query_logging",
		Level:    tflint.WARNING,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.6.1.4"},
		Summary:  project.Text{JA: "VPC ごとに Route 53 Resolver の DNS クエリログを記録する", EN: "Every VPC has Route 53 Resolver DNS query logging"},
		Reads:    segmentLevelReads(logLinkReads(lint.Reads{"aws_vpc": {Attributes: []hclext.AttributeSchema{{Name: "enable_dns_support"}}}}, resolverQueryLogLink), "aws_route53_resolver_query_log_config_association"),
	}}
}

var msgVpcQueryLogMissing = project.Text{
	JA: "VPC %s の DNS クエリログが設定されていません。名前解決の記録を監査・フォレンジックの証拠として残すため、resource_id でこの VPC を参照する aws_route53_resolver_query_log_config_association を宣言してください。",
	EN: "VPC %s has no DNS query logging; declare an aws_route53_resolver_query_log_config_association whose resource_id refers to it, so that its DNS queries are kept as evidence for audit and forensics.",
}

var msgSegmentVpcQueryLogMissing = project.Text{
	JA: "%sの VPC %s の DNS クエリログが設定されていません。このセグメントの名前解決の記録は監査・フォレンジックの証拠として欠かせないため、resource_id でこの VPC を参照する aws_route53_resolver_query_log_config_association を宣言してください。",
	EN: "VPC %[2]s of the %[1]s has no DNS query logging; the DNS queries of this segment must be kept as evidence for audit and forensics: declare an aws_route53_resolver_query_log_config_association whose resource_id refers to it.",
}

var whatQueryLog = project.Text{JA: "Route 53 Resolver のクエリログ", EN: "Route 53 Resolver query logging"}

// Check reports each VPC that no query log association names by reference
// in resource_id: as an ERROR when the VPC is placed in the mynumber, lgwan
// or dmz segment, at the rule's level otherwise. A VPC with
// enable_dns_support = false has no Resolver to log.
func (r *AwsRoute53ResolverQueryLoggingRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	vpcs, err := runner.Resources(r, "aws_vpc")
	if err != nil || len(vpcs) == 0 {
		return err
	}
	links, err := readLogLinks(runner, r, resolverQueryLogLink)
	if err != nil {
		return err
	}
	for _, vpc := range sortedLogBlocks(vpcs) {
		if runner.Attr(vpc.Body, "enable_dns_support", cty.Bool).IsFalse() {
			continue
		}
		p, err := segmentOf(runner, r, vpc)
		if err != nil {
			return err
		}
		rule, msg, args := guardedLog(r, p, msgVpcQueryLogMissing, msgSegmentVpcQueryLogMissing, lint.Address(vpc))
		if _, err := requireLogged(runner, rule, links, vpc, whatQueryLog, msg, args...); err != nil {
			return err
		}
	}
	return nil
}
