package aws

import (
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// AwsSecurityGroupUnrestrictedEgressRule checks that no security rule
// lets traffic out to the whole internet (0.0.0.0/0, ::/0) on every
// protocol or every port. In the update DMZ such a rule also bypasses the
// allowlist firewall its egress must pass. Rules of the closed segments
// are left to lgcloud_aws_segment_internet_isolation, which reports every
// rule to or from the world there.
type AwsSecurityGroupUnrestrictedEgressRule struct{ lint.Meta }

var _ lint.Rule = (*AwsSecurityGroupUnrestrictedEgressRule)(nil)

// NewAwsSecurityGroupUnrestrictedEgressRule returns the rule.
func NewAwsSecurityGroupUnrestrictedEgressRule() *AwsSecurityGroupUnrestrictedEgressRule {
	return &AwsSecurityGroupUnrestrictedEgressRule{lint.Meta{
		RuleName: "lgcloud_aws_security_group_unrestricted_egress",
		Level:    tflint.WARNING,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.6.1.5", "4.3.1.3"},
		Summary:  project.Text{JA: "セキュリティグループでインターネット（0.0.0.0/0、::/0）への全プロトコル・全ポートの送信を許可しない（更新用 DMZ ではファイアウォール経由に限る）", EN: "Security groups allow no egress on every protocol or port to the internet (0.0.0.0/0, ::/0); in the update DMZ, egress goes through the firewall"},
		Reads:    mergeReads(segmentReads(), securityRuleReads()),
	}}
}

var msgUnrestrictedEgress = project.Text{
	JA: "%[1]s の送信ルールが %[2]s への%[3]sを許可しています。仮想マシンでは必要なポートだけを有効にし、送信先とポートを必要なもの（例: VPC エンドポイントやプロキシへの HTTPS 443）に限ってください。",
	EN: "An egress rule of %[1]s allows %[3]s to %[2]s; enable only the ports a virtual machine needs, and restrict the destinations and ports to those needed (for example HTTPS 443 to VPC endpoints or a proxy).",
}

var msgUnrestrictedEgressDMZ = project.Text{
	JA: "更新用 DMZ にある %[1]s の送信ルールが %[2]s への%[3]sを許可しています。DMZ の外向き通信は FQDN の許可リストを持つファイアウォールを通す必要があります。DMZ の中継サーバ（更新サーバ）には必要なポート（例: HTTPS 443）だけを、ファイアウォール宛てに許可してください。",
	EN: "An egress rule of %[1]s, in the update DMZ, allows %[3]s to %[2]s; the DMZ's outbound traffic must pass a firewall with an FQDN allowlist. Allow the DMZ's relay (update) servers only the ports they need (for example HTTPS 443), to the firewall.",
}

var whatUnrestrictedEgress = project.Text{
	JA: "インターネットへの全プロトコル・全ポートの送信が許可されていないこと",
	EN: "that no egress on every protocol or port to the internet is allowed",
}

// Check reports the egress rules, in any of the four forms, that allow
// every protocol or every port to the world, outside the closed segments;
// those of the update DMZ with a message of their own.
func (r *AwsSecurityGroupUnrestrictedEgressRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	root, err := runner.IsRoot()
	if err != nil {
		return err
	}
	return eachWorldRule(runner, r, false, func(rule worldRule) error {
		open, ok := openingOfRule(rule.securityRule)
		switch {
		case !ok || (open.Known && !open.Everything()):
			return nil
		case len(rule.World) == 0:
			return runner.Unverified(r, unknownAddress(*rule.Unknown), whatUnrestrictedEgress)
		case !open.Known:
			return runner.Unverified(r, open.Unknown, whatUnrestrictedEgress)
		}
		what := project.Text{JA: "すべての通信（全プロトコル・全ポート）", EN: "all traffic (every protocol and port)"}
		if open.Protocol != protoAll {
			what = project.Textf(" %s の全ポート（%s）", "every %s port (%s)", protocolName(open.Protocol), open.Ports)
		}
		// The DMZ's outbound traffic shall be limited (4.3.1.3): there the
		// finding is an ERROR, elsewhere a recommendation (4.6.1.5).
		var reporter lint.Rule = r
		msg := msgUnrestrictedEgress
		if s, ok := rule.Placed.Segment(); ok && s == config.SegmentDMZ {
			reporter, msg = lint.AtSeverity(r, tflint.ERROR), msgUnrestrictedEgressDMZ
		}
		at := findingRange(root, rule.At, rule.World[0].Expr, rule.Protocol.Expr, rule.FromPort.Expr, rule.ToPort.Expr)
		return runner.Report(reporter, at, msg, lint.Address(rule.Block), describeWorld(rule.World), what)
	})
}
