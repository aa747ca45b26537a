package aws

import (
	"fmt"
	"slices"
	"strings"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/segment"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsNetworkfirewallPolicyAllowlistRule checks that the firewall policy of
// the update DMZ's Network Firewall allows only the domains on an FQDN
// allowlist and drops everything else: it refers to a stateful domain
// allowlist rule group (TLS SNI, HTTP Host), evaluates its stateful rules
// in strict order with a default drop action, and sends no traffic past
// the stateful engine by a stateless default pass.
type AwsNetworkfirewallPolicyAllowlistRule struct{ lint.Meta }

var _ lint.Rule = (*AwsNetworkfirewallPolicyAllowlistRule)(nil)

const (
	firewallPolicyType = "aws_networkfirewall_firewall_policy"
	ruleGroupType      = "aws_networkfirewall_rule_group"
)

// NewAwsNetworkfirewallPolicyAllowlistRule returns the rule.
func NewAwsNetworkfirewallPolicyAllowlistRule() *AwsNetworkfirewallPolicyAllowlistRule {
	reads := segmentReads()
	for ty, schema := range (lint.Reads{
		"aws_networkfirewall_firewall": networkFirewallReads,
		firewallPolicyType: storeSchema(tagsAttr,
			"firewall_policy.stateful_default_actions",
			"firewall_policy.stateless_default_actions",
			"firewall_policy.stateless_fragment_default_actions",
			"firewall_policy.stateful_engine_options.rule_order",
			"firewall_policy.stateful_rule_group_reference.resource_arn"),
		ruleGroupType: storeSchema("type", "rules",
			"rule_group.rules_source.rules_string",
			"rule_group.rules_source.rules_source_list.generated_rules_type",
			"rule_group.rules_source.rules_source_list.target_types"),
	}) {
		reads[ty] = lint.MergeSchema(reads[ty], schema)
	}
	return &AwsNetworkfirewallPolicyAllowlistRule{lint.Meta{
		RuleName: "lgcloud_aws_networkfirewall_policy_allowlist",
		Level:    tflint.ERROR,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.3.1.3"},
		Summary:  project.Text{JA: "更新用 DMZ のファイアウォールは FQDN のホワイトリストにない通信を既定で拒否する", EN: "The update DMZ's firewall allows only an FQDN allowlist and drops the rest by default"},
		Reads:    reads,
	}}
}

var (
	msgPolicyNoAllowlist = project.Text{
		JA: "更新用 DMZ のファイアウォールポリシー %[1]s が FQDN のホワイトリストを参照していません（%[2]s）。DMZ の通信は FQDN のホワイトリストで制限する必要があります。generated_rules_type = \"ALLOWLIST\" で target_types が TLS_SNI・HTTP_HOST の rules_source_list を持つ STATEFUL のルールグループを作り、stateful_rule_group_reference で参照してください。",
		EN: "Firewall policy %[1]s of the update DMZ refers to no FQDN allowlist (%[2]s); the DMZ's traffic must be limited by an FQDN allowlist. Create a STATEFUL rule group whose rules_source_list has generated_rules_type = \"ALLOWLIST\" and target_types TLS_SNI and HTTP_HOST, and refer to it in a stateful_rule_group_reference.",
	}
	msgPolicyRuleOrder = project.Text{
		JA: "更新用 DMZ のファイアウォールポリシー %[1]s のステートフルルールの評価順が STRICT_ORDER ではありません（%[2]s）。ホワイトリストにない通信を既定で拒否できるよう、stateful_engine_options に rule_order = \"STRICT_ORDER\" を設定してください。",
		EN: "Firewall policy %[1]s of the update DMZ does not evaluate its stateful rules in strict order (%[2]s); set rule_order = \"STRICT_ORDER\" in stateful_engine_options, so that traffic not on the allowlist can be dropped by default.",
	}
	msgPolicyDefaultAction = project.Text{
		JA: "更新用 DMZ のファイアウォールポリシー %[1]s はどのルールにも一致しない通信を拒否しません（%[2]s）。ホワイトリストにない通信を拒否するため、stateful_default_actions に拒否の動作（\"aws:drop_established\"、\"aws:drop_established_app_layer\" または \"aws:drop_strict\"）を含めてください。",
		EN: "Firewall policy %[1]s of the update DMZ does not drop traffic that matches no rule (%[2]s); include a drop action (\"aws:drop_established\", \"aws:drop_established_app_layer\" or \"aws:drop_strict\") in stateful_default_actions, so that traffic not on the allowlist is dropped.",
	}
	msgPolicyStatelessPass = project.Text{
		JA: "更新用 DMZ のファイアウォールポリシー %[1]s の %[2]s が \"aws:pass\" のため、ステートレスルールに一致しない通信がステートフルルール（ホワイトリスト）の検査を受けずに通過します。\"aws:forward_to_sfe\" にしてください。",
		EN: "Firewall policy %[1]s of the update DMZ has \"aws:pass\" in %[2]s, so traffic that matches no stateless rule passes without the stateful rules (the allowlist) inspecting it; use \"aws:forward_to_sfe\".",
	}
)

// Check reports the firewall policies of the DMZ's firewalls that do not
// limit traffic to an FQDN allowlist with a default drop.
func (r *AwsNetworkfirewallPolicyAllowlistRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	policies, err := runner.Resources(r, firewallPolicyType)
	if err != nil {
		return err
	}
	firewalls, err := readNetworkFirewalls(runner)
	if err != nil {
		return err
	}
	if len(policies) == 0 && len(firewalls) == 0 {
		return nil
	}
	view, err := segmentResult(runner, r)
	if err != nil {
		return err
	}
	root, err := runner.IsRoot()
	if err != nil {
		return err
	}
	users := map[string][]segment.Placement{}
	for _, fw := range firewalls {
		place, err := r.firewallPlacement(runner, view, fw)
		if err != nil {
			return err
		}
		for _, p := range fw.Policies {
			users[p] = append(users[p], place)
		}
		if len(fw.Policies) == 0 && fw.PolicyExpr != nil && maybeInDMZ(place) {
			if err := r.unverified(runner, root, place, lint.Value{
				State: lint.Unknown, Name: "firewall_policy_arn", Expr: fw.PolicyExpr, Range: fw.PolicyExpr.Range(),
				Why: project.Text{JA: "モジュールの外か、コードにないポリシーを指しています", EN: "it names a policy outside the module, or not declared in the code"},
			}, fw.Address()); err != nil {
				return err
			}
		}
	}
	for _, policy := range sortedLogBlocks(policies) {
		place, err := r.policyPlacement(runner, policy, users[lint.Address(policy)])
		if err != nil {
			return err
		}
		if err := r.checkPolicy(runner, root, policy, place); err != nil {
			return err
		}
	}
	return nil
}

// firewallPlacement returns the segment of a firewall: its VPC's, else its
// subnets', else its own Segment tag's.
func (r *AwsNetworkfirewallPolicyAllowlistRule) firewallPlacement(runner *lint.Runner, view *segmentView, fw *networkFirewall) (segment.Placement, error) {
	var candidates []segment.Placement
	for _, vpc := range fw.VPCs {
		candidates = append(candidates, view.Of(vpc))
	}
	if attr, ok := fw.Block.Body.Attributes["vpc_id"]; ok && len(fw.VPCs) == 0 && !isNullExpr(attr.Expr) {
		at := exprEvidence(attr.Expr, attr.Expr.Range())
		candidates = append(candidates, segment.Placement{Unknown: &segment.Unknown{
			What: project.Textf("%s の vpc_id", "vpc_id of %s", fw.Address()),
			Why:  project.Text{JA: "モジュールの外か、コードにない VPC を指しています", EN: "it names a VPC outside the module, or not declared in the code"},
			At:   at,
		}})
	}
	for _, s := range fw.Subnets {
		candidates = append(candidates, view.Of(s))
	}
	own, err := segmentOf(runner, r, fw.Block)
	if err != nil {
		return segment.Placement{}, err
	}
	return firstPlacement(append(candidates, own)), nil
}

// policyPlacement returns the segment of a policy: the DMZ when a firewall
// of the DMZ uses it; else, when no firewall using it has a segment, its
// own Segment tag's.
func (r *AwsNetworkfirewallPolicyAllowlistRule) policyPlacement(runner *lint.Runner, policy *hclext.Block, users []segment.Placement) (segment.Placement, error) {
	for _, p := range users {
		if inDMZ(p) {
			return p, nil
		}
	}
	for _, p := range users {
		if len(p.Segments) > 0 {
			return p, nil
		}
	}
	own, err := segmentOf(runner, r, policy)
	if err != nil {
		return segment.Placement{}, err
	}
	return firstPlacement(append([]segment.Placement{own}, users...)), nil
}

// firstPlacement returns the first placement that has a segment, else the
// first that cannot be decided, else no segment.
func firstPlacement(candidates []segment.Placement) segment.Placement {
	for _, p := range candidates {
		if len(p.Segments) > 0 {
			return p
		}
	}
	for _, p := range candidates {
		if p.Unknown != nil {
			return p
		}
	}
	return segment.Placement{}
}

// policyProblem is one thing a policy lacks.
type policyProblem struct {
	at   segment.Evidence
	msg  project.Text
	args []any
}

// checkPolicy reports what a policy of the DMZ lacks; in strict mode it
// names what cannot be known, and a policy that lacks something but whose
// segment cannot be decided.
func (r *AwsNetworkfirewallPolicyAllowlistRule) checkPolicy(runner *lint.Runner, root bool, policy *hclext.Block, place segment.Placement) error {
	if !maybeInDMZ(place) {
		return nil
	}
	problems, blinds, err := r.evaluate(runner, policy)
	if err != nil {
		return err
	}
	addr := lint.Address(policy)
	if !inDMZ(place) {
		if len(problems) == 0 {
			return nil
		}
		v := lint.Value{State: lint.Unknown, Name: place.Unknown.What.In(runner.Config.Language), Range: policy.DefRange,
			Why: project.Textf("更新用 DMZ で使われるか決められません（%s）", "whether it serves the update DMZ cannot be decided (%s)", place.Unknown.Why)}
		return r.unverifiedAt(runner, root, append([]segment.Evidence{place.Unknown.At, {Range: policy.DefRange}}, place.At...), v, addr)
	}
	for _, p := range problems {
		at, ok := pickEvidence(append([]segment.Evidence{p.at}, place.At...), root)
		if !ok {
			continue
		}
		if err := runner.Report(r, at, p.msg, append([]any{addr}, p.args...)...); err != nil {
			return err
		}
	}
	for _, v := range blinds {
		if err := r.unverified(runner, root, place, v, addr); err != nil {
			return err
		}
	}
	return nil
}

// unverified names, in strict mode, what cannot be known of a policy (or
// of the firewall naming it).
func (r *AwsNetworkfirewallPolicyAllowlistRule) unverified(runner *lint.Runner, root bool, place segment.Placement, v lint.Value, subject string) error {
	return r.unverifiedAt(runner, root, append([]segment.Evidence{exprEvidence(v.Expr, v.Range)}, place.At...), v, subject)
}

func (r *AwsNetworkfirewallPolicyAllowlistRule) unverifiedAt(runner *lint.Runner, root bool, evidence []segment.Evidence, v lint.Value, subject string) error {
	if !runner.Config.Strict {
		return nil
	}
	at, ok := pickEvidence(evidence, root)
	if !ok {
		return nil
	}
	v.Range = at
	return runner.Unverified(r, v, project.Textf(
		"%s の FQDN ホワイトリストと既定の拒否",
		"the FQDN allowlist and default drop of %s", subject))
}

// The stateful default actions that drop what no rule allows (the
// provider passes any string; these are the service's drop actions), and
// the rule groups' types of target that name domains.
var (
	dropActions       = []string{"aws:drop_strict", "aws:drop_established", "aws:drop_established_app_layer", "aws:drop_established_app_layer_to_server"}
	domainTargetTypes = []string{"TLS_SNI", "HTTP_HOST"}
)

// evaluate returns what a policy lacks, and what cannot be known of it.
func (r *AwsNetworkfirewallPolicyAllowlistRule) evaluate(runner *lint.Runner, policy *hclext.Block) ([]policyProblem, []lint.Value, error) {
	fps := policy.Body.Blocks.OfType("firewall_policy")
	if len(fps) == 0 {
		return nil, nil, nil // the provider requires the block
	}
	fp := fps[0]
	var problems []policyProblem
	var blinds []lint.Value
	addProblem := func(v lint.Value, msg project.Text, args ...any) {
		at := segment.Evidence{Range: fp.DefRange}
		if v.Expr != nil {
			at = exprEvidence(v.Expr, v.Range)
		}
		problems = append(problems, policyProblem{at: at, msg: msg, args: args})
	}

	allowlist, err := r.allowlist(runner, policy, fp)
	if err != nil {
		return nil, nil, err
	}
	switch {
	case allowlist.blind != nil:
		blinds = append(blinds, *allowlist.blind)
	case !allowlist.ok:
		addProblem(lint.Value{}, msgPolicyNoAllowlist, allowlist.why)
	}

	order, err := r.ruleOrder(runner, policy, fp)
	if err != nil {
		return nil, nil, err
	}
	if order.IsUnknown() {
		blinds = append(blinds, order)
	} else if s, _ := order.String(); s != "STRICT_ORDER" {
		current := project.Text{JA: "rule_order が未設定で、既定は DEFAULT_ACTION_ORDER です", EN: "rule_order is not set and defaults to DEFAULT_ACTION_ORDER"}
		if order.State == lint.Known {
			current = project.Text{JA: fmt.Sprintf("rule_order = %q", s), EN: fmt.Sprintf("rule_order = %q", s)}
		}
		addProblem(order, msgPolicyRuleOrder, current)
	}

	actions, v := stringElems(runner, fp.Body, "stateful_default_actions")
	switch {
	case slices.ContainsFunc(actions, func(a string) bool { return slices.Contains(dropActions, a) }):
	case v.IsUnknown():
		blinds = append(blinds, v)
	case v.State == lint.Absent:
		addProblem(v, msgPolicyDefaultAction, project.Text{
			JA: "stateful_default_actions が未設定で、どのルールにも一致しない通信は通過します",
			EN: "stateful_default_actions is not set, so traffic that matches no rule passes"})
	default:
		addProblem(v, msgPolicyDefaultAction, listText("stateful_default_actions", actions))
	}

	for _, name := range []string{"stateless_default_actions", "stateless_fragment_default_actions"} {
		actions, v := stringElems(runner, fp.Body, name)
		switch {
		case slices.Contains(actions, "aws:pass"):
			addProblem(v, msgPolicyStatelessPass, name)
		case v.IsUnknown() && !slices.Contains(actions, "aws:forward_to_sfe") && !slices.Contains(actions, "aws:drop"):
			blinds = append(blinds, v)
		}
	}
	return problems, blinds, nil
}

// listText writes a list of strings as HCL, for messages.
func listText(name string, elems []string) project.Text {
	quoted := make([]string, len(elems))
	for i, e := range elems {
		quoted[i] = fmt.Sprintf("%q", e)
	}
	s := name + " = [" + strings.Join(quoted, ", ") + "]"
	return project.Text{JA: s, EN: s}
}

// ruleOrder returns the policy's stateful rule order: absent when not set
// (the provider's default is DEFAULT_ACTION_ORDER), unknown when a dynamic
// stateful_engine_options block may set it.
func (r *AwsNetworkfirewallPolicyAllowlistRule) ruleOrder(runner *lint.Runner, policy, fp *hclext.Block) (lint.Value, error) {
	for _, eo := range fp.Body.Blocks.OfType("stateful_engine_options") {
		if v := runner.Attr(eo.Body, "rule_order", cty.String); v.State != lint.Absent {
			return v, nil
		}
	}
	dyn, err := readDynamic(runner, firewallPolicyType, "firewall_policy", "stateful_engine_options")
	if err != nil {
		return lint.Value{}, err
	}
	if dyn.state[lint.Address(policy)] == nestedMaybe {
		v := dyn.maybe[lint.Address(policy)]
		return lint.Value{State: lint.Unknown, Name: v.Name, Expr: v.Expr, Range: v.Range, Why: whyDynamicBlock}, nil
	}
	return lint.Value{State: lint.Absent, Name: "rule_order"}, nil
}

// allowlistState is whether a policy refers to an FQDN allowlist.
type allowlistState struct {
	ok bool
	// why says, when not, what the policy refers to instead.
	why project.Text
	// blind is set when whether it does cannot be known.
	blind *lint.Value
}

// allowlist tells whether one of the stateful rule groups a policy refers
// to is an FQDN allowlist.
func (r *AwsNetworkfirewallPolicyAllowlistRule) allowlist(runner *lint.Runner, policy, fp *hclext.Block) (allowlistState, error) {
	groups, err := runner.Resources(r, ruleGroupType)
	if err != nil {
		return allowlistState{}, err
	}
	var blind *lint.Value
	var others []string
	for _, ref := range fp.Body.Blocks.OfType("stateful_rule_group_reference") {
		attr, ok := ref.Body.Attributes["resource_arn"]
		if !ok {
			continue
		}
		labels := logRefLabels(attr.Expr, ruleGroupType)
		if len(labels) == 0 {
			v := runner.Attr(ref.Body, "resource_arn", cty.String)
			if s, ok := v.String(); ok && strings.Contains(s, ":aws-managed:") {
				others = append(others, s)
				continue
			}
			if blind == nil {
				blind = &lint.Value{State: lint.Unknown, Name: "resource_arn", Expr: attr.Expr, Range: attr.Expr.Range(),
					Why: project.Text{JA: "モジュールの外か、コードにないルールグループを指しています", EN: "it names a rule group outside the module, or not declared in the code"}}
			}
			continue
		}
		for _, label := range labels {
			for _, g := range groups {
				if g.Labels[1] != label {
					continue
				}
				state := domainAllowlist(runner, g)
				switch {
				case state.ok:
					return state, nil
				case state.blind != nil:
					if blind == nil {
						blind = state.blind
					}
				default:
					if !slices.Contains(others, lint.Address(g)) {
						others = append(others, lint.Address(g))
					}
				}
			}
		}
	}
	dyn, err := readDynamic(runner, firewallPolicyType, "firewall_policy", "stateful_rule_group_reference")
	if err != nil {
		return allowlistState{}, err
	}
	if dyn.state[lint.Address(policy)] == nestedMaybe && blind == nil {
		v := dyn.maybe[lint.Address(policy)]
		blind = &lint.Value{State: lint.Unknown, Name: v.Name, Expr: v.Expr, Range: v.Range, Why: whyDynamicBlock}
	}
	if blind != nil {
		return allowlistState{blind: blind}, nil
	}
	if len(others) == 0 {
		return allowlistState{why: project.Text{JA: "ステートフルのルールグループを参照していません", EN: "it refers to no stateful rule group"}}, nil
	}
	list := strings.Join(others, ", ")
	return allowlistState{why: project.Textf("参照するルールグループ（%s）はどれもドメインのホワイトリストではありません", "none of the rule groups it refers to (%s) is a domain allowlist", list)}, nil
}

// domainAllowlist tells whether a rule group is a stateful FQDN
// allowlist: a domain list with generated_rules_type = "ALLOWLIST" whose
// target types are TLS_SNI or HTTP_HOST, or Suricata rules that pass
// traffic by its TLS SNI or HTTP Host.
func domainAllowlist(runner *lint.Runner, group *hclext.Block) allowlistState {
	ty := runner.Attr(group.Body, "type", cty.String)
	if ty.IsUnknown() {
		return allowlistState{blind: &ty}
	}
	if s, _ := ty.String(); s != "STATEFUL" {
		return allowlistState{}
	}
	var blind *lint.Value
	check := func(v lint.Value) bool {
		switch {
		case v.IsUnknown():
			if blind == nil {
				blind = &v
			}
		case v.State == lint.Known:
			s, _ := v.String()
			return suricataPassesDomains(s)
		}
		return false
	}
	if check(runner.Attr(group.Body, "rules", cty.String)) {
		return allowlistState{ok: true}
	}
	for _, rg := range group.Body.Blocks.OfType("rule_group") {
		for _, src := range rg.Body.Blocks.OfType("rules_source") {
			if check(runner.Attr(src.Body, "rules_string", cty.String)) {
				return allowlistState{ok: true}
			}
			for _, list := range src.Body.Blocks.OfType("rules_source_list") {
				gen := runner.Attr(list.Body, "generated_rules_type", cty.String)
				if gen.IsUnknown() {
					if blind == nil {
						blind = &gen
					}
					continue
				}
				if s, _ := gen.String(); s != "ALLOWLIST" {
					continue
				}
				types, v := stringElems(runner, list.Body, "target_types")
				if v.IsUnknown() {
					if blind == nil {
						blind = &v
					}
					continue
				}
				if len(types) > 0 && !slices.ContainsFunc(types, func(t string) bool { return !slices.Contains(domainTargetTypes, t) }) {
					return allowlistState{ok: true}
				}
			}
		}
	}
	return allowlistState{blind: blind}
}

// suricataPassesDomains reports whether Suricata rules hold a pass rule
// that matches the TLS SNI or the HTTP Host: under a default drop, such
// rules are an FQDN allowlist.
func suricataPassesDomains(rules string) bool {
	for _, line := range strings.Split(rules, "\n") {
		line = strings.TrimSpace(line)
		action, rest, _ := strings.Cut(line, " ")
		if action != "pass" {
			continue
		}
		_, options, found := strings.Cut(rest, "(")
		if !found {
			continue
		}
		for _, kw := range []string{"tls.sni", "tls_sni", "http.host", "http_host"} {
			if hasKeyword(options, kw) {
				return true
			}
		}
	}
	return false
}

// hasKeyword reports whether rule options hold a keyword (as "tls.sni;" or
// "tls.sni:"), not a longer one that starts with it.
func hasKeyword(options, kw string) bool {
	for _, opt := range strings.Split(options, ";") {
		name, _, _ := strings.Cut(strings.TrimSpace(opt), ":")
		if strings.TrimSpace(name) == kw {
			return true
		}
	}
	return false
}
