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

// AwsLbListenerTLSPolicyRule checks that HTTPS and TLS listeners of
// Application and Network Load Balancers accept TLS 1.2 or later only.
type AwsLbListenerTLSPolicyRule struct{ lint.Meta }

var _ lint.Rule = (*AwsLbListenerTLSPolicyRule)(nil)

// lbListenerTypes are the listener resource types; aws_alb_listener is the
// older name of aws_lb_listener.
var lbListenerTypes = []string{"aws_lb_listener", "aws_alb_listener"}

// listenerBalancer is the attribute that names a listener's load balancer,
// whose segment is the listener's.
const listenerBalancer = "load_balancer_arn"

// defaultELBPolicy is the policy an HTTPS or TLS listener created through
// the API (as Terraform does) gets when ssl_policy is not set.
const defaultELBPolicy = "ELBSecurityPolicy-2016-08"

// NewAwsLbListenerTLSPolicyRule returns the rule.
func NewAwsLbListenerTLSPolicyRule() *AwsLbListenerTLSPolicyRule {
	reads := lint.Reads{}
	for _, ty := range lbListenerTypes {
		reads[ty] = &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "protocol"}, {Name: "ssl_policy"}, {Name: listenerBalancer}}}
	}
	return &AwsLbListenerTLSPolicyRule{lint.Meta{
		RuleName: "lgcloud_aws_lb_listener_tls_policy",
		Level:    tflint.WARNING,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.6.1.1"},
		Summary:  project.Text{JA: "ロードバランサーの HTTPS・TLS リスナーを TLS 1.2 以上に限る", EN: "Load balancer HTTPS and TLS listeners accept TLS 1.2 or later only"},
		Reads:    segmentLevelReads(reads),
	}}
}

var msgsListenerPolicy = strengthMessages{
	weak: project.Text{
		JA: "ロードバランサーのリスナー %s のセキュリティポリシー %s は十分な強度ではありません（%s）。ELBSecurityPolicy-TLS13-1-2-2021-06 など TLS 1.2 以上に限るポリシーを指定してください。",
		EN: "Load balancer listener %s: security policy %s is not strong enough (%s); use a policy that accepts TLS 1.2 or later only, such as ELBSecurityPolicy-TLS13-1-2-2021-06.",
	},
	unlisted: project.Text{
		JA: "ロードバランサーのリスナー %s のセキュリティポリシー %s は強度表にないため、TLS 1.2 以上に限られるかを確認できません。ELBSecurityPolicy-TLS13-1-2-2021-06 など TLS 1.2 以上に限るポリシーを指定してください。",
		EN: "Load balancer listener %s: security policy %s is not in the strength table, so it cannot be confirmed to accept TLS 1.2 or later only; use such a policy, e.g. ELBSecurityPolicy-TLS13-1-2-2021-06.",
	},
	what: project.Text{JA: "ロードバランサーのリスナーのセキュリティポリシー", EN: "the load balancer listener's security policy"},
}

var msgListenerPolicyDefault = project.Text{
	JA: "ロードバランサーのリスナー %s に ssl_policy が指定されていません。Terraform で作成した HTTPS・TLS リスナーには既定の %s が付き、TLS 1.0 を受け付けます。ELBSecurityPolicy-TLS13-1-2-2021-06 など TLS 1.2 以上に限るポリシーを指定してください。",
	EN: "Load balancer listener %s sets no ssl_policy: an HTTPS or TLS listener created by Terraform gets the default %s, which accepts TLS 1.0; use a policy that accepts TLS 1.2 or later only, such as ELBSecurityPolicy-TLS13-1-2-2021-06.",
}

var whatListenerProtocol = project.Text{JA: "リスナーが TLS を使うかどうか", EN: "whether the listener uses TLS"}

// Check reports HTTPS and TLS listeners whose security policy accepts
// protocols older than TLS 1.2, is not in the strength table, or is not set
// (the API's default policy accepts TLS 1.0). A listener of the mynumber
// segment (by its own tag, or its load balancer's placement) is an ERROR.
func (r *AwsLbListenerTLSPolicyRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	for _, ty := range lbListenerTypes {
		err := eachAtSegmentLevel(runner, r, ty, func(listener *hclext.Block, rule lint.Rule) error {
			name := lint.Address(listener)
			protocol := runner.Attr(listener.Body, "protocol", cty.String)
			policy := runner.Attr(listener.Body, "ssl_policy", cty.String)
			switch {
			case protocol.IsUnknown() && policy.IsAbsent():
				return runner.Unverified(rule, protocol, whatListenerProtocol)
			case protocol.IsUnknown() || listenerUsesTLS(protocol):
				if policy.IsAbsent() {
					return runner.Report(rule, listener.DefRange, msgListenerPolicyDefault, name, defaultELBPolicy)
				}
				return judgeStrength(runner, rule, policy, name, tlsPolicyLookup(crypto.ELB), msgsListenerPolicy)
			}
			return nil
		}, listenerBalancer)
		if err != nil {
			return err
		}
	}
	return nil
}

// listenerUsesTLS reports whether a listener protocol is known to be HTTPS or TLS.
func listenerUsesTLS(protocol lint.Value) bool {
	s, ok := protocol.String()
	return ok && (strings.EqualFold(s, "HTTPS") || strings.EqualFold(s, "TLS"))
}
