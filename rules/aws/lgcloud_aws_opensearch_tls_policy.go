package aws

import (
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/crypto"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsOpensearchTLSPolicyRule checks that OpenSearch (and Elasticsearch)
// domains require HTTPS and accept TLS 1.2 or later only.
type AwsOpensearchTLSPolicyRule struct{ lint.Meta }

var _ lint.Rule = (*AwsOpensearchTLSPolicyRule)(nil)

// openSearchDomainTypes are the domain resource types of OpenSearch Service.
var openSearchDomainTypes = []string{"aws_opensearch_domain", "aws_elasticsearch_domain"}

// NewAwsOpensearchTLSPolicyRule returns the rule.
func NewAwsOpensearchTLSPolicyRule() *AwsOpensearchTLSPolicyRule {
	reads := lint.Reads{}
	for _, ty := range openSearchDomainTypes {
		reads[ty] = &hclext.BodySchema{Blocks: []hclext.BlockSchema{{
			Type: "domain_endpoint_options",
			Body: &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "enforce_https"}, {Name: "tls_security_policy"}}},
		}}}
	}
	return &AwsOpensearchTLSPolicyRule{lint.Meta{
		RuleName: "lgcloud_aws_opensearch_tls_policy",
		Level:    tflint.WARNING,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.6.1.1"},
		Summary:  project.Text{JA: "OpenSearch ドメインで HTTPS を必須にし TLS 1.2 以上に限る", EN: "OpenSearch domains require HTTPS and accept TLS 1.2 or later only"},
		Reads:    segmentLevelReads(reads),
	}}
}

var msgsOpensearchPolicy = strengthMessages{
	weak: project.Text{
		JA: "OpenSearch ドメイン %s のセキュリティポリシー %s は十分な強度ではありません（%s）。tls_security_policy に Policy-Min-TLS-1-2-PFS-2023-10 または Policy-Min-TLS-1-2-2019-07 を指定してください。",
		EN: "OpenSearch domain %s: security policy %s is not strong enough (%s); set tls_security_policy to Policy-Min-TLS-1-2-PFS-2023-10 or Policy-Min-TLS-1-2-2019-07.",
	},
	unlisted: project.Text{
		JA: "OpenSearch ドメイン %s のセキュリティポリシー %s は強度表にないため、TLS 1.2 以上に限られるかを確認できません。tls_security_policy に Policy-Min-TLS-1-2-PFS-2023-10 または Policy-Min-TLS-1-2-2019-07 を指定してください。",
		EN: "OpenSearch domain %s: security policy %s is not in the strength table, so it cannot be confirmed to accept TLS 1.2 or later only; set tls_security_policy to Policy-Min-TLS-1-2-PFS-2023-10 or Policy-Min-TLS-1-2-2019-07.",
	},
	what: project.Text{JA: "OpenSearch ドメインのセキュリティポリシー", EN: "the OpenSearch domain's security policy"},
}

var msgOpensearchHTTP = project.Text{
	JA: "OpenSearch ドメイン %s は HTTPS を必須にしていないため、暗号化されない HTTP でも接続できます。enforce_https = true を設定してください。",
	EN: "OpenSearch domain %s does not require HTTPS, so it also accepts unencrypted HTTP; set enforce_https = true.",
}

var whatOpensearchHTTPS = project.Text{JA: "OpenSearch ドメインが HTTPS を必須にするかどうか", EN: "whether the OpenSearch domain requires HTTPS"}

// Check reports domains whose domain_endpoint_options turn enforce_https
// off, or set a TLS security policy that accepts protocols older than TLS
// 1.2 or is not in the strength table. Without tls_security_policy a new
// domain gets Policy-Min-TLS-1-2-2019-07, which passes; within the block,
// enforce_https defaults to true. A domain of the mynumber segment is an
// ERROR.
func (r *AwsOpensearchTLSPolicyRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	lookup := tlsPolicyLookup(crypto.OpenSearch)
	for _, ty := range openSearchDomainTypes {
		err := eachAtSegmentLevel(runner, r, ty, func(domain *hclext.Block, rule lint.Rule) error {
			name := lint.Address(domain)
			for _, opts := range domain.Body.Blocks.OfType("domain_endpoint_options") {
				https := runner.Attr(opts.Body, "enforce_https", cty.Bool)
				if err := runner.RequireTrue(rule, https, opts.DefRange, lint.DefaultPasses, whatOpensearchHTTPS, msgOpensearchHTTP, name); err != nil {
					return err
				}
				policy := runner.Attr(opts.Body, "tls_security_policy", cty.String)
				if err := judgeStrength(runner, rule, policy, name, lookup, msgsOpensearchPolicy); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}
