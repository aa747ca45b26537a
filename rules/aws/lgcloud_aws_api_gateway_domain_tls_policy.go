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

// AwsAPIGatewayDomainTLSPolicyRule checks that API Gateway custom domain
// names accept TLS 1.2 or later only.
type AwsAPIGatewayDomainTLSPolicyRule struct{ lint.Meta }

var _ lint.Rule = (*AwsAPIGatewayDomainTLSPolicyRule)(nil)

// NewAwsAPIGatewayDomainTLSPolicyRule returns the rule.
func NewAwsAPIGatewayDomainTLSPolicyRule() *AwsAPIGatewayDomainTLSPolicyRule {
	return &AwsAPIGatewayDomainTLSPolicyRule{lint.Meta{
		RuleName: "lgcloud_aws_api_gateway_domain_tls_policy",
		Level:    tflint.WARNING,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.6.1.1"},
		Summary:  project.Text{JA: "API Gateway のカスタムドメインを TLS 1.2 以上に限る", EN: "API Gateway custom domain names accept TLS 1.2 or later only"},
		Reads: segmentLevelReads(lint.Reads{
			"aws_api_gateway_domain_name": {Attributes: []hclext.AttributeSchema{{Name: "security_policy"}}},
			"aws_apigatewayv2_domain_name": {Blocks: []hclext.BlockSchema{{
				Type: "domain_name_configuration",
				Body: &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "security_policy"}}},
			}}},
		}),
	}}
}

var msgsAPIGatewayPolicy = strengthMessages{
	weak: project.Text{
		JA: "API Gateway のカスタムドメイン %s のセキュリティポリシー %s は十分な強度ではありません（%s）。security_policy に TLS_1_2 など TLS 1.2 以上に限るポリシーを指定してください。",
		EN: "API Gateway domain name %s: security policy %s is not strong enough (%s); set security_policy to a policy that accepts TLS 1.2 or later only, such as TLS_1_2.",
	},
	unlisted: project.Text{
		JA: "API Gateway のカスタムドメイン %s のセキュリティポリシー %s は強度表にないため、TLS 1.2 以上に限られるかを確認できません。security_policy に TLS_1_2 など TLS 1.2 以上に限るポリシーを指定してください。",
		EN: "API Gateway domain name %s: security policy %s is not in the strength table, so it cannot be confirmed to accept TLS 1.2 or later only; set security_policy to such a policy, e.g. TLS_1_2.",
	},
	what: project.Text{JA: "API Gateway のカスタムドメインのセキュリティポリシー", EN: "the API Gateway domain name's security policy"},
}

// Check reports domain names whose security policy accepts protocols older
// than TLS 1.2 or is not in the strength table. A REST API domain name
// without security_policy gets TLS_1_2, which passes. A domain name of the
// mynumber segment is an ERROR.
func (r *AwsAPIGatewayDomainTLSPolicyRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	lookup := tlsPolicyLookup(crypto.APIGateway)
	err := eachAtSegmentLevel(runner, r, "aws_api_gateway_domain_name", func(domain *hclext.Block, rule lint.Rule) error {
		policy := runner.Attr(domain.Body, "security_policy", cty.String)
		return judgeStrength(runner, rule, policy, lint.Address(domain), lookup, msgsAPIGatewayPolicy)
	})
	if err != nil {
		return err
	}
	return eachAtSegmentLevel(runner, r, "aws_apigatewayv2_domain_name", func(domain *hclext.Block, rule lint.Rule) error {
		for _, conf := range domain.Body.Blocks.OfType("domain_name_configuration") {
			policy := runner.Attr(conf.Body, "security_policy", cty.String)
			if err := judgeStrength(runner, rule, policy, lint.Address(domain), lookup, msgsAPIGatewayPolicy); err != nil {
				return err
			}
		}
		return nil
	})
}
