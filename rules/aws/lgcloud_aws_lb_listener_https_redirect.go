package aws

import (
	"strings"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsLbListenerHTTPSRedirectRule checks that plain HTTP listeners of
// Application Load Balancers only redirect to HTTPS.
type AwsLbListenerHTTPSRedirectRule struct{ lint.Meta }

var _ lint.Rule = (*AwsLbListenerHTTPSRedirectRule)(nil)

// NewAwsLbListenerHTTPSRedirectRule returns the rule.
func NewAwsLbListenerHTTPSRedirectRule() *AwsLbListenerHTTPSRedirectRule {
	schema := &hclext.BodySchema{
		Attributes: []hclext.AttributeSchema{{Name: "protocol"}, {Name: "port"}, {Name: listenerBalancer}},
		Blocks: []hclext.BlockSchema{{
			Type: "default_action",
			Body: &hclext.BodySchema{
				Attributes: []hclext.AttributeSchema{{Name: "type"}},
				Blocks: []hclext.BlockSchema{{
					Type: "redirect",
					Body: &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "protocol"}}},
				}},
			},
		}},
	}
	reads := lint.Reads{}
	for _, ty := range lbListenerTypes {
		reads[ty] = schema
	}
	return &AwsLbListenerHTTPSRedirectRule{lint.Meta{
		RuleName: "lgcloud_aws_lb_listener_https_redirect",
		Level:    tflint.WARNING,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.6.1.1"},
		Summary:  project.Text{JA: "ロードバランサーの HTTP リスナーは HTTPS にリダイレクトする", EN: "Load balancer HTTP listeners redirect to HTTPS"},
		Reads:    segmentLevelReads(reads),
	}}
}

var msgListenerNoRedirect = project.Text{
	JA: "HTTP リスナー %s は HTTPS にリダイレクトしていないため、通信が暗号化されずに送られます。default_action を type = \"redirect\" とし、redirect ブロックに protocol = \"HTTPS\" を指定してください。",
	EN: "HTTP listener %s does not redirect to HTTPS, so traffic travels unencrypted; make its default_action a redirect with protocol = \"HTTPS\".",
}

var (
	whatListenerHTTP     = project.Text{JA: "リスナーが暗号化されない HTTP かどうか", EN: "whether the listener is plain HTTP"}
	whatListenerRedirect = project.Text{JA: "HTTP リスナーが HTTPS にリダイレクトするかどうか", EN: "whether the HTTP listener redirects to HTTPS"}
)

// Check reports HTTP listeners (protocol "HTTP", or no protocol on a
// listener with a port: an Application Load Balancer's default) none of
// whose default actions redirects to HTTPS. A redirect without a protocol
// keeps the request's own, HTTP. A listener of the mynumber segment (by its
// own tag, or its load balancer's placement) is an ERROR.
func (r *AwsLbListenerHTTPSRedirectRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	for _, ty := range lbListenerTypes {
		err := eachAtSegmentLevel(runner, r, ty, func(listener *hclext.Block, rule lint.Rule) error {
			return checkHTTPListener(runner, rule, listener)
		}, listenerBalancer)
		if err != nil {
			return err
		}
	}
	return nil
}

func checkHTTPListener(runner *lint.Runner, r lint.Rule, listener *hclext.Block) error {
	protocol := runner.Attr(listener.Body, "protocol", cty.String)
	switch s, known := protocol.String(); {
	case protocol.IsUnknown():
		return runner.Unverified(r, protocol, whatListenerHTTP)
	case protocol.IsAbsent():
		if runner.Attr(listener.Body, "port", cty.DynamicPseudoType).IsAbsent() {
			// A Gateway Load Balancer listener has neither.
			return nil
		}
	case known && !strings.EqualFold(s, "HTTP"):
		return nil
	}
	actions := listener.Body.Blocks.OfType("default_action")
	if len(actions) == 0 {
		return nil
	}
	var unknown *lint.Value
	for _, action := range actions {
		kind := runner.Attr(action.Body, "type", cty.String)
		if kind.IsUnknown() {
			unknown = &kind
			continue
		}
		if s, _ := kind.String(); !strings.EqualFold(s, "redirect") {
			continue
		}
		for _, redirect := range action.Body.Blocks.OfType("redirect") {
			to := runner.Attr(redirect.Body, "protocol", cty.String)
			if to.IsUnknown() {
				unknown = &to
				continue
			}
			if s, _ := to.String(); strings.EqualFold(s, "HTTPS") {
				return nil
			}
		}
	}
	if unknown != nil {
		return runner.Unverified(r, *unknown, whatListenerRedirect)
	}
	return runner.Report(r, listener.DefRange, msgListenerNoRedirect, lint.Address(listener))
}
