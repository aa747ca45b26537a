package aws

import (
	"strings"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/crypto"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsCloudfrontTLSPolicyRule checks that CloudFront distributions serve
// viewers over TLS 1.2 or later with the TLSv1.2_2021 policy or a newer one,
// never over plain HTTP, and reach custom origins over TLS 1.2 only.
type AwsCloudfrontTLSPolicyRule struct{ lint.Meta }

var _ lint.Rule = (*AwsCloudfrontTLSPolicyRule)(nil)

// NewAwsCloudfrontTLSPolicyRule returns the rule.
func NewAwsCloudfrontTLSPolicyRule() *AwsCloudfrontTLSPolicyRule {
	behavior := &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "viewer_protocol_policy"}}}
	return &AwsCloudfrontTLSPolicyRule{lint.Meta{
		RuleName: "lgcloud_aws_cloudfront_tls_policy",
		Level:    tflint.WARNING,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.6.1.1"},
		Summary:  project.Text{JA: "CloudFront で TLSv1.2_2021 以降のセキュリティポリシーを使い、HTTP を許可しない", EN: "CloudFront uses the TLSv1.2_2021 policy or newer and does not serve plain HTTP"},
		Reads: segmentLevelReads(lint.Reads{
			"aws_cloudfront_distribution": {Blocks: []hclext.BlockSchema{
				{Type: "viewer_certificate", Body: &hclext.BodySchema{Attributes: []hclext.AttributeSchema{
					{Name: "cloudfront_default_certificate"},
					{Name: "acm_certificate_arn"},
					{Name: "iam_certificate_id"},
					{Name: "minimum_protocol_version"},
				}}},
				{Type: "default_cache_behavior", Body: behavior},
				{Type: "ordered_cache_behavior", Body: behavior},
				{Type: "origin", Body: &hclext.BodySchema{Blocks: []hclext.BlockSchema{
					{Type: "custom_origin_config", Body: &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "origin_ssl_protocols"}}}},
				}}},
			}},
		}),
	}}
}

var msgsCloudfrontPolicy = strengthMessages{
	weak: project.Text{
		JA: "CloudFront ディストリビューション %s のセキュリティポリシー %s は十分な強度ではありません（%s）。minimum_protocol_version に TLSv1.2_2021 以降を指定してください。",
		EN: "CloudFront distribution %s: security policy %s is not strong enough (%s); set minimum_protocol_version to TLSv1.2_2021 or later.",
	},
	unlisted: project.Text{
		JA: "CloudFront ディストリビューション %s のセキュリティポリシー %s は強度表にないため、十分な強度かを確認できません。minimum_protocol_version に TLSv1.2_2021 以降を指定してください。",
		EN: "CloudFront distribution %s: security policy %s is not in the strength table, so its strength cannot be confirmed; set minimum_protocol_version to TLSv1.2_2021 or later.",
	},
	what: project.Text{JA: "CloudFront のセキュリティポリシー", EN: "the CloudFront security policy"},
}

var (
	msgCloudfrontPolicyDefault = project.Text{
		JA: "CloudFront ディストリビューション %s に minimum_protocol_version が指定されていません。既定の TLSv1 は TLS 1.0 を受け付けます。TLSv1.2_2021 以降を指定してください。",
		EN: "CloudFront distribution %s sets no minimum_protocol_version: the default TLSv1 accepts TLS 1.0; set TLSv1.2_2021 or later.",
	}
	msgCloudfrontDefaultCertificate = project.Text{
		JA: "CloudFront ディストリビューション %s は既定の証明書（*.cloudfront.net）を使っています。この場合 CloudFront はセキュリティポリシー TLSv1 を使い、TLS 1.0 を受け付けます。独自ドメインの証明書（ACM）を使い、minimum_protocol_version に TLSv1.2_2021 以降を指定してください。",
		EN: "CloudFront distribution %s uses the default certificate (*.cloudfront.net), with which CloudFront uses the TLSv1 policy and accepts TLS 1.0; use a certificate for your own domain (ACM) and set minimum_protocol_version to TLSv1.2_2021 or later.",
	}
	msgCloudfrontAllowAll = project.Text{
		JA: "CloudFront ディストリビューション %s のキャッシュ動作が HTTP での閲覧を許可しています（viewer_protocol_policy = \"allow-all\"）。\"redirect-to-https\" または \"https-only\" を指定してください。",
		EN: "CloudFront distribution %s has a cache behavior that serves plain HTTP (viewer_protocol_policy = \"allow-all\"); use \"redirect-to-https\" or \"https-only\".",
	}
	msgCloudfrontOriginProtocols = project.Text{
		JA: "CloudFront ディストリビューション %s のオリジンへの接続に %s を許可しています。origin_ssl_protocols を [\"TLSv1.2\"] にしてください。",
		EN: "CloudFront distribution %s allows %s for connections to an origin; set origin_ssl_protocols to [\"TLSv1.2\"].",
	}
)

var (
	whatCloudfrontCertificate = project.Text{JA: "CloudFront が既定の証明書を使うかどうか", EN: "whether CloudFront uses its default certificate"}
	whatCloudfrontViewer      = project.Text{JA: "CloudFront が HTTP での閲覧を許可するかどうか", EN: "whether CloudFront serves plain HTTP"}
	whatCloudfrontOrigin      = project.Text{JA: "CloudFront からオリジンへの接続のプロトコル", EN: "the protocols CloudFront uses to reach an origin"}
)

// cloudfrontOldOriginProtocols are the origin_ssl_protocols older than TLS 1.2.
var cloudfrontOldOriginProtocols = []string{"SSLv3", "TLSv1", "TLSv1.1"}

// Check reports, for every distribution: the default certificate (CloudFront
// then accepts TLS 1.0), a minimum_protocol_version older than TLSv1.2_2021
// or not set with a certificate of its own (the default is TLSv1), cache
// behaviors that serve plain HTTP, and custom origins reached over
// protocols older than TLS 1.2. A distribution of the mynumber segment is
// an ERROR.
func (r *AwsCloudfrontTLSPolicyRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	return eachAtSegmentLevel(runner, r, "aws_cloudfront_distribution", func(d *hclext.Block, rule lint.Rule) error {
		name := lint.Address(d)
		for _, cert := range d.Body.Blocks.OfType("viewer_certificate") {
			if err := checkCloudfrontCertificate(runner, rule, cert, name); err != nil {
				return err
			}
		}
		for _, ty := range []string{"default_cache_behavior", "ordered_cache_behavior"} {
			for _, behavior := range d.Body.Blocks.OfType(ty) {
				policy := runner.Attr(behavior.Body, "viewer_protocol_policy", cty.String)
				var err error
				if s, _ := policy.String(); s == "allow-all" {
					err = runner.Report(rule, policy.Range, msgCloudfrontAllowAll, name)
				} else {
					err = runner.Unverified(rule, policy, whatCloudfrontViewer)
				}
				if err != nil {
					return err
				}
			}
		}
		for _, origin := range d.Body.Blocks.OfType("origin") {
			for _, custom := range origin.Body.Blocks.OfType("custom_origin_config") {
				if err := checkCloudfrontOrigin(runner, rule, custom, name); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

func checkCloudfrontCertificate(runner *lint.Runner, rule lint.Rule, cert *hclext.Block, name string) error {
	byDefault := runner.Attr(cert.Body, "cloudfront_default_certificate", cty.Bool)
	switch {
	case byDefault.IsTrue():
		return runner.Report(rule, byDefault.Range, msgCloudfrontDefaultCertificate, name)
	case byDefault.IsUnknown():
		return runner.Unverified(rule, byDefault, whatCloudfrontCertificate)
	}
	if runner.Attr(cert.Body, "acm_certificate_arn", cty.String).IsAbsent() && runner.Attr(cert.Body, "iam_certificate_id", cty.String).IsAbsent() {
		return nil
	}
	version := runner.Attr(cert.Body, "minimum_protocol_version", cty.String)
	if version.IsAbsent() {
		return runner.Report(rule, cert.DefRange, msgCloudfrontPolicyDefault, name)
	}
	return judgeStrength(runner, rule, version, name, tlsPolicyLookup(crypto.CloudFront), msgsCloudfrontPolicy)
}

func checkCloudfrontOrigin(runner *lint.Runner, rule lint.Rule, custom *hclext.Block, name string) error {
	protocols := runner.Attr(custom.Body, "origin_ssl_protocols", cty.List(cty.String))
	if protocols.State != lint.Known {
		return runner.Unverified(rule, protocols, whatCloudfrontOrigin)
	}
	var old []string
	for it := protocols.Val.ElementIterator(); it.Next(); {
		_, v := it.Element()
		if v.IsKnown() && !v.IsNull() {
			for _, o := range cloudfrontOldOriginProtocols {
				if strings.EqualFold(v.AsString(), o) {
					old = append(old, o)
				}
			}
		}
	}
	if len(old) == 0 {
		return nil
	}
	return runner.Report(rule, protocols.Range, msgCloudfrontOriginProtocols, name, strings.Join(old, ", "))
}
