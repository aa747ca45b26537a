package aws

import (
	"math/big"
	"net/netip"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/zclconf/go-cty/cty"
)

// AWS code writes a security group rule in four ways: inline ingress and
// egress blocks of aws_security_group (dynamic blocks included, which
// TFLint expands), aws_security_group_rule, and
// aws_vpc_security_group_ingress_rule / _egress_rule. securityRulesOf
// reads any of them into one normal form, so that every rule about
// security rules reads them alike.

// securityRule is one security group rule in normal form.
type securityRule struct {
	// Block is the resource that declares the rule.
	Block *hclext.Block
	// At is the rule: its inline block or its resource.
	At hcl.Range
	// Ingress is true for an inbound rule.
	Ingress bool
	// Protocol, FromPort and ToPort are the rule's protocol and port
	// range as written (protocol or ip_protocol).
	Protocol, FromPort, ToPort lint.Value
	// Addresses are the address ranges the rule allows.
	Addresses []ruleAddress
	// Groups are the expressions naming the security groups the rule
	// allows.
	Groups []ruleGroup
}

// ruleAddress is one address range of a rule.
type ruleAddress struct {
	// Name is the attribute (cidr_blocks, cidr_ipv4…).
	Name string
	Expr hcl.Expression
	// Prefix is the range, when known.
	Prefix netip.Prefix
	// Unknown says why the ranges of the attribute cannot be known.
	Unknown *project.Text
}

// ruleGroup is an attribute naming security groups.
type ruleGroup struct {
	Name string
	Expr hcl.Expression
}

// securityRuleReads returns what securityRulesOf reads of each type.
func securityRuleReads() lint.Reads {
	inline := attrs("cidr_blocks", "ipv6_cidr_blocks", "security_groups", "from_port", "to_port", "protocol")
	vpcRule := attrs("security_group_id", "cidr_ipv4", "cidr_ipv6", "referenced_security_group_id", "from_port", "to_port", "ip_protocol")
	groupRules := &hclext.BodySchema{Blocks: []hclext.BlockSchema{{Type: "ingress", Body: inline}, {Type: "egress", Body: inline}}}
	return lint.Reads{
		"aws_security_group":         groupRules,
		"aws_default_security_group": groupRules,
		"aws_security_group_rule": attrs("type", "security_group_id", "cidr_blocks", "ipv6_cidr_blocks",
			"source_security_group_id", "from_port", "to_port", "protocol"),
		"aws_vpc_security_group_ingress_rule": vpcRule,
		"aws_vpc_security_group_egress_rule":  vpcRule,
	}
}

// securityRuleTypes are the resource types that declare security rules.
var securityRuleTypes = []string{
	"aws_security_group", "aws_default_security_group", "aws_security_group_rule",
	"aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule",
}

// securityRulesOf returns the rules a resource declares. An
// aws_security_group_rule whose type cannot be known declares none.
func securityRulesOf(runner *lint.Runner, block *hclext.Block) []securityRule {
	switch block.Labels[0] {
	case "aws_security_group", "aws_default_security_group":
		var out []securityRule
		for _, inner := range block.Body.Blocks {
			if inner.Type != "ingress" && inner.Type != "egress" {
				continue
			}
			r := securityRule{Block: block, At: inner.DefRange, Ingress: inner.Type == "ingress"}
			r.read(runner, inner.Body, "protocol", []string{"cidr_blocks", "ipv6_cidr_blocks"}, []string{"security_groups"})
			out = append(out, r)
		}
		return out
	case "aws_security_group_rule":
		kind, ok := runner.Attr(block.Body, "type", cty.String).String()
		if !ok || (kind != "ingress" && kind != "egress") {
			return nil
		}
		r := securityRule{Block: block, At: block.DefRange, Ingress: kind == "ingress"}
		r.read(runner, block.Body, "protocol", []string{"cidr_blocks", "ipv6_cidr_blocks"}, []string{"source_security_group_id"})
		return []securityRule{r}
	case "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule":
		r := securityRule{Block: block, At: block.DefRange, Ingress: strings.HasSuffix(block.Labels[0], "_ingress_rule")}
		r.read(runner, block.Body, "ip_protocol", []string{"cidr_ipv4", "cidr_ipv6"}, []string{"referenced_security_group_id"})
		return []securityRule{r}
	}
	return nil
}

func (r *securityRule) read(runner *lint.Runner, body *hclext.BodyContent, protocol string, addrAttrs, groupAttrs []string) {
	r.Protocol = runner.Attr(body, protocol, cty.String)
	r.FromPort = runner.Attr(body, "from_port", cty.Number)
	r.ToPort = runner.Attr(body, "to_port", cty.Number)
	for _, name := range addrAttrs {
		v := runner.Attr(body, name, cty.DynamicPseudoType)
		switch v.State {
		case lint.Unknown:
			why := v.Why
			r.Addresses = append(r.Addresses, ruleAddress{Name: name, Expr: v.Expr, Unknown: &why})
		case lint.Known:
			for _, elem := range stringsOf(v.Val) {
				if p, err := netip.ParsePrefix(strings.TrimSpace(elem)); err == nil {
					r.Addresses = append(r.Addresses, ruleAddress{Name: name, Expr: v.Expr, Prefix: p.Masked()})
				}
			}
		}
	}
	for _, name := range groupAttrs {
		if attr, ok := body.Attributes[name]; ok {
			r.Groups = append(r.Groups, ruleGroup{Name: name, Expr: attr.Expr})
		}
	}
}

// stringsOf returns the known strings of a string or a collection of
// strings.
func stringsOf(v cty.Value) []string {
	var list []cty.Value
	switch {
	case v.Type() == cty.String:
		list = []cty.Value{v}
	case v.CanIterateElements() && v.IsKnown() && !v.IsNull():
		list = v.AsValueSlice()
	}
	var out []string
	for _, elem := range list {
		if s, ok := tagString(elem); ok {
			out = append(out, s)
		}
	}
	return out
}

// AllTraffic reports whether the rule allows every protocol ("-1" or
// "all"), and whether that is known.
func (r securityRule) AllTraffic() (all, known bool) {
	s, ok := r.Protocol.String()
	if !ok {
		return false, false
	}
	s = strings.ToLower(strings.TrimSpace(s))
	return s == "-1" || s == "all", true
}

// Ports returns the rule's port range, and false when it cannot be known.
// A rule for every protocol covers every port.
func (r securityRule) Ports() (from, to int, known bool) {
	all, ok := r.AllTraffic()
	if !ok {
		return 0, 0, false
	}
	if all {
		return 0, 65535, true
	}
	f, ok1 := portOf(r.FromPort)
	t, ok2 := portOf(r.ToPort)
	if !ok1 || !ok2 {
		return 0, 0, false
	}
	if f == -1 && t == -1 { // ICMP "all types"
		return -1, -1, true
	}
	return f, t, true
}

// portOf returns a known whole port number.
func portOf(v lint.Value) (int, bool) {
	if v.State != lint.Known {
		return 0, false
	}
	bf := v.Val.AsBigFloat()
	i, acc := bf.Int(nil)
	if acc != big.Exact || !i.IsInt64() {
		return 0, false
	}
	return int(i.Int64()), true
}
