package aws

import (
	"fmt"
	"net/netip"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/segment"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsNetworkACLAdminPortsRule checks that no network ACL lets the whole
// internet (0.0.0.0/0, ::/0) in to a remote administration port (SSH,
// Telnet, RDP, WinRM): an allowing ingress entry whose port range holds
// one is reported unless an entry with a smaller rule number denies that
// port from the whole internet first.
type AwsNetworkACLAdminPortsRule struct{ lint.Meta }

var _ lint.Rule = (*AwsNetworkACLAdminPortsRule)(nil)

// NewAwsNetworkACLAdminPortsRule returns the rule.
func NewAwsNetworkACLAdminPortsRule() *AwsNetworkACLAdminPortsRule {
	inline := &hclext.BodySchema{Blocks: []hclext.BlockSchema{{Type: "ingress",
		Body: attrs("action", "rule_no", "cidr_block", "ipv6_cidr_block", "protocol", "from_port", "to_port")}}}
	return &AwsNetworkACLAdminPortsRule{lint.Meta{
		RuleName: "lgcloud_aws_network_acl_admin_ports",
		Level:    tflint.ERROR,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.6.1.5"},
		Summary:  project.Text{JA: "ネットワーク ACL で管理用ポート（SSH・RDP 等）をインターネット（0.0.0.0/0、::/0）に開けない", EN: "Network ACLs open no administration port (SSH, RDP…) to the internet (0.0.0.0/0, ::/0)"},
		Reads: lint.Reads{
			"aws_network_acl":         inline,
			"aws_default_network_acl": inline,
			"aws_network_acl_rule": attrs("network_acl_id", "egress", "rule_action", "rule_number",
				"cidr_block", "ipv6_cidr_block", "protocol", "from_port", "to_port"),
		},
	}}
}

var msgACLAdminPorts = project.Text{
	JA: "%[1]s が %[2]s から%[3]sを許可しています。仮想マシンでは必要なポートだけを有効にしてください。管理用の通信は送信元を管理端末や踏み台のアドレス範囲に限ってください。戻りの通信のためにエフェメラルポート（1024-65535 など）を許可するときは、管理用ポートを拒否するルールをそれより小さい番号で置いてください。",
	EN: "%[1]s allows %[3]s from %[2]s; enable only the ports a virtual machine needs. Restrict administration to the address ranges of the management terminals or a bastion; where return traffic needs the ephemeral ports (such as 1024-65535), put rules that deny the administration ports before it, with smaller rule numbers.",
}

var whatACLAdminPorts = project.Text{
	JA: "ネットワーク ACL が管理用ポートをインターネットに開いていないこと",
	EN: "that no network ACL opens an administration port to the internet",
}

// aclEntry is an ingress entry of a network ACL in normal form: an inline
// ingress block, or an aws_network_acl_rule.
type aclEntry struct {
	// Subject names the entry in messages.
	Subject project.Text
	// At is the entry: its inline block or its resource.
	At hcl.Range
	// Egress is absent for an inline ingress block.
	Action, Egress, Number, Protocol, From, To lint.Value
	CIDRs                                      []lint.Value
}

// Check reads the ingress entries of each network ACL — the inline ones of
// aws_network_acl and aws_default_network_acl, and the aws_network_acl_rule
// resources grouped by the ACL they name — and reports the entries that
// open an administration port to the world.
func (r *AwsNetworkACLAdminPortsRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	root, err := runner.IsRoot()
	if err != nil {
		return err
	}
	var acls [][]aclEntry
	for _, ty := range []string{"aws_network_acl", "aws_default_network_acl"} {
		blocks, err := runner.Resources(r, ty)
		if err != nil {
			return err
		}
		for _, block := range blocks {
			var entries []aclEntry
			for _, inner := range block.Body.Blocks.OfType("ingress") {
				e := readACLEntry(runner, inner.Body, inner.DefRange, "action", "rule_no")
				e.Subject = project.Textf("ネットワーク ACL %[1]s の受信ルール %[2]s", "Ingress rule %[2]s of network ACL %[1]s", lint.Address(block), ruleNumberText(e.Number))
				entries = append(entries, e)
			}
			acls = append(acls, entries)
		}
	}
	rules, err := runner.Resources(r, "aws_network_acl_rule")
	if err != nil {
		return err
	}
	byACL := map[string]int{}
	for _, block := range rules {
		e := readACLEntry(runner, block.Body, block.DefRange, "rule_action", "rule_number")
		e.Egress = runner.Attr(block.Body, "egress", cty.Bool)
		e.Subject = project.Textf("ネットワーク ACL ルール %s", "Network ACL rule %s", lint.Address(block))
		acl := ""
		if attr, ok := block.Body.Attributes["network_acl_id"]; ok && lint.RefType(attr.Expr) != "" {
			acl = referenceName(attr.Expr)
		}
		if i, ok := byACL[acl]; ok && acl != "" {
			acls[i] = append(acls[i], e)
			continue
		}
		byACL[acl] = len(acls)
		acls = append(acls, []aclEntry{e})
	}
	for _, entries := range acls {
		for i := range entries {
			if err := r.check(runner, root, entries, i); err != nil {
				return err
			}
		}
	}
	return nil
}

// readACLEntry reads an entry; action and number name its action and rule
// number attributes.
func readACLEntry(runner *lint.Runner, body *hclext.BodyContent, at hcl.Range, action, number string) aclEntry {
	e := aclEntry{
		At:       at,
		Action:   runner.Attr(body, action, cty.String),
		Number:   runner.Attr(body, number, cty.Number),
		Protocol: runner.Attr(body, "protocol", cty.String),
		From:     runner.Attr(body, "from_port", cty.Number),
		To:       runner.Attr(body, "to_port", cty.Number),
	}
	for _, name := range []string{"cidr_block", "ipv6_cidr_block"} {
		if v := runner.Attr(body, name, cty.String); !v.IsAbsent() {
			e.CIDRs = append(e.CIDRs, v)
		}
	}
	return e
}

// ruleNumberText writes a rule number for messages.
func ruleNumberText(v lint.Value) string {
	if n, ok := portOf(v); ok {
		return fmt.Sprint(n)
	}
	return "?"
}

// aclCond is a condition on an entry: true, false, or not known (Unknown
// names the value).
type aclCond struct {
	Known, True bool
	Unknown     lint.Value
}

var (
	condTrue  = aclCond{Known: true, True: true}
	condFalse = aclCond{Known: true}
)

func condUnknown(v lint.Value) aclCond { return aclCond{Unknown: v} }

// condAnd combines conditions: false when one is false, else not known
// when one is not known, else true.
func condAnd(conds ...aclCond) aclCond {
	out := condTrue
	for _, c := range conds {
		switch {
		case c.Known && !c.True:
			return condFalse
		case !c.Known && out.Known:
			out = c
		}
	}
	return out
}

// action is whether the entry's action is want ("allow", "deny").
func (e aclEntry) action(want string) aclCond {
	switch {
	case e.Action.IsUnknown():
		return condUnknown(e.Action)
	case e.Action.State == lint.Absent:
		return condFalse
	}
	s, _ := e.Action.String()
	if strings.EqualFold(strings.TrimSpace(s), want) {
		return condTrue
	}
	return condFalse
}

// ingress is whether an entry is an ingress entry.
func (e aclEntry) ingress() aclCond {
	switch {
	case e.Egress.IsUnknown():
		return condUnknown(e.Egress)
	case e.Egress.IsTrue():
		return condFalse
	}
	return condTrue
}

// world is whether the entry's range is the whole address space of a
// family (bits 0 of 0.0.0.0/0 or ::/0); with the range's expression.
func (e aclEntry) world() (aclCond, netip.Prefix, hcl.Expression) {
	out := condFalse
	for _, v := range e.CIDRs {
		if v.IsUnknown() {
			if out.Known {
				out = condUnknown(v)
			}
			continue
		}
		s, _ := v.String()
		if p, err := netip.ParsePrefix(strings.TrimSpace(s)); err == nil && segment.IsWorld(p.Masked()) {
			return condTrue, p.Masked(), v.Expr
		}
	}
	return out, netip.Prefix{}, nil
}

// covers is whether the entry's protocol and ports hold a TCP port.
func (e aclEntry) covers(port int) aclCond {
	o, ok := openingOf(e.Protocol, e.From, e.To)
	switch {
	case !ok:
		return condFalse
	case !o.Known:
		return condUnknown(o.Unknown)
	case o.Protocol == protoAll, o.Protocol == protoTCP && o.Ports.Covers(port):
		return condTrue
	}
	return condFalse
}

// before is whether the entry is evaluated before other: it has a
// smaller rule number.
func (e aclEntry) before(other aclEntry) aclCond {
	for _, v := range []lint.Value{e.Number, other.Number} {
		if v.IsUnknown() {
			return condUnknown(v)
		}
	}
	n, ok1 := portOf(e.Number)
	m, ok2 := portOf(other.Number)
	if ok1 && ok2 && n < m {
		return condTrue
	}
	return condFalse
}

// check reports entry i of an ACL when it allows an administration port
// from the world that no earlier entry denies.
func (r *AwsNetworkACLAdminPortsRule) check(runner *lint.Runner, root bool, entries []aclEntry, i int) error {
	e := entries[i]
	world, prefix, worldExpr := e.world()
	o, ok := openingOf(e.Protocol, e.From, e.To)
	if !ok {
		return nil
	}
	opens := condTrue
	if !o.Known {
		opens = condUnknown(o.Unknown)
	} else if len(o.AdminPorts()) == 0 {
		opens = condFalse
	}
	applies := condAnd(e.action("allow"), e.ingress(), world, opens)
	switch {
	case !applies.Known:
		return runner.Unverified(r, applies.Unknown, whatACLAdminPorts)
	case !applies.True:
		return nil
	}
	var open []adminPort
	var blind *lint.Value
	for _, port := range o.AdminPorts() {
		denied := condFalse
		for j, d := range entries {
			if j == i {
				continue
			}
			dWorld, dPrefix, _ := d.world()
			sameFamily := condTrue
			if dWorld.True && dPrefix.Addr().Is4() != prefix.Addr().Is4() {
				sameFamily = condFalse
			}
			c := condAnd(d.action("deny"), d.ingress(), dWorld, sameFamily, d.covers(port.Port), d.before(e))
			if c.True {
				denied = condTrue
				break
			}
			if !c.Known && denied.Known {
				denied = c
			}
		}
		switch {
		case !denied.Known:
			if blind == nil {
				blind = &denied.Unknown
			}
		case !denied.True:
			open = append(open, port)
		}
	}
	if len(open) == 0 {
		if blind != nil {
			return runner.Unverified(r, *blind, whatACLAdminPorts)
		}
		return nil
	}
	what := project.Textf("管理用ポート %s への通信", "traffic to administration ports %s", describeAdminPorts(open))
	if len(open) == 1 {
		what = project.Textf("管理用ポート %s への通信", "traffic to administration port %s", describeAdminPorts(open))
	}
	if o.Protocol == protoAll && len(open) == len(adminPorts) {
		what = project.Text{JA: "のすべての通信（全プロトコル・全ポート）", EN: "all traffic (every protocol and port)"}
	}
	at := findingRange(root, e.At, worldExpr, e.Protocol.Expr, e.From.Expr, e.To.Expr)
	return runner.Report(r, at, msgACLAdminPorts, e.Subject, prefix.String(), what)
}
