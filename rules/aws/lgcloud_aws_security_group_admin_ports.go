package aws

import (
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// AwsSecurityGroupAdminPortsRule checks that no security rule lets the
// whole internet (0.0.0.0/0, ::/0) in to a remote administration port
// (SSH, Telnet, RDP, WinRM) or to every port. Rules of the closed segments
// are left to lgcloud_aws_segment_internet_isolation, which reports every
// rule to or from the world there.
type AwsSecurityGroupAdminPortsRule struct{ lint.Meta }

var _ lint.Rule = (*AwsSecurityGroupAdminPortsRule)(nil)

// NewAwsSecurityGroupAdminPortsRule returns the rule.
func NewAwsSecurityGroupAdminPortsRule() *AwsSecurityGroupAdminPortsRule {
	return &AwsSecurityGroupAdminPortsRule{lint.Meta{
		RuleName: "lgcloud_aws_security_group_admin_ports",
		Level:    tflint.ERROR,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.6.1.5"},
		Summary:  project.Text{JA: "セキュリティグループで管理用ポート（SSH・RDP 等）や全ポートをインターネット（0.0.0.0/0、::/0）に開けない", EN: "Security groups open no administration port (SSH, RDP…) and not every port to the internet (0.0.0.0/0, ::/0)"},
		Reads:    mergeReads(segmentReads(), securityRuleReads()),
	}}
}

var msgAdminPortsOpen = project.Text{
	JA: "%[1]s の受信ルールが %[2]s から%[3]sを許可しています。仮想マシンでは必要なポートだけを有効にしてください。管理用の通信は送信元を管理端末や踏み台のアドレス範囲・セキュリティグループに限るか、AWS Systems Manager Session Manager など受信ポートを開けない方法にしてください。",
	EN: "An ingress rule of %[1]s allows %[3]s from %[2]s; enable only the ports a virtual machine needs. Restrict administration to the address ranges or security groups of the management terminals or a bastion, or use a way that needs no inbound port, such as AWS Systems Manager Session Manager.",
}

var whatAdminPorts = project.Text{
	JA: "管理用ポートや全ポートがインターネットに開いていないこと",
	EN: "that no administration port, and not every port, is open to the internet",
}

// Check reports the ingress rules, in any of the four forms, that open an
// administration port or every port to the world, outside the closed
// segments.
func (r *AwsSecurityGroupAdminPortsRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	root, err := runner.IsRoot()
	if err != nil {
		return err
	}
	return eachWorldRule(runner, r, true, func(rule worldRule) error {
		open, ok := openingOfRule(rule.securityRule)
		if !ok {
			return nil
		}
		what, matters := r.opened(open)
		switch {
		case !matters:
			return nil
		case len(rule.World) == 0:
			return runner.Unverified(r, unknownAddress(*rule.Unknown), whatAdminPorts)
		case !open.Known:
			return runner.Unverified(r, open.Unknown, whatAdminPorts)
		}
		at := findingRange(root, rule.At, rule.World[0].Expr, rule.Protocol.Expr, rule.FromPort.Expr, rule.ToPort.Expr)
		return runner.Report(r, at, msgAdminPortsOpen, lint.Address(rule.Block), describeWorld(rule.World), what)
	})
}

// opened names what a rule opens when it is every protocol, every port or
// an administration port; matters is false when it opens none of these.
// A rule whose protocol or ports cannot be known matters.
func (r *AwsSecurityGroupAdminPortsRule) opened(o opening) (what project.Text, matters bool) {
	if !o.Known {
		return project.Text{}, true
	}
	switch {
	case o.Protocol == protoAll:
		return project.Text{JA: "のすべての通信（全プロトコル・全ポート）", EN: "all traffic (every protocol and port)"}, true
	case o.Everything():
		name := protocolName(o.Protocol)
		return project.Textf("の %s の全ポート（%s）", "every %s port (%s)", name, o.Ports), true
	}
	switch admin := o.AdminPorts(); len(admin) {
	case 0:
		return project.Text{}, false
	case 1:
		return project.Textf("管理用ポート %s への通信", "traffic to administration port %s", describeAdminPorts(admin)), true
	default:
		return project.Textf("管理用ポート %s への通信", "traffic to administration ports %s", describeAdminPorts(admin)), true
	}
}
