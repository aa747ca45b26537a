package aws

import (
	"fmt"
	"net/netip"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/policy"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// AwsIamPrivilegedSourceRestrictedRule checks that the administrator access
// people hold is limited to permitted sources: network addresses, VPCs or
// VPC endpoints.
type AwsIamPrivilegedSourceRestrictedRule struct{ lint.Meta }

var (
	_ lint.Rule         = (*AwsIamPrivilegedSourceRestrictedRule)(nil)
	_ lint.Configurable = (*AwsIamPrivilegedSourceRestrictedRule)(nil)
)

// NewAwsIamPrivilegedSourceRestrictedRule returns the rule.
func NewAwsIamPrivilegedSourceRestrictedRule() *AwsIamPrivilegedSourceRestrictedRule {
	return &AwsIamPrivilegedSourceRestrictedRule{lint.Meta{
		RuleName: "lgcloud_aws_iam_privileged_source_restricted",
		Level:    tflint.WARNING,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.3.1.4"},
		Summary:  project.Text{JA: "人が使う管理者権限を許可された接続元に限る", EN: "Administrator access people hold is limited to permitted sources"},
		Reads:    iamGraphReads(lint.Reads{}),
	}}
}

// PrivilegedSourceOptions are the options of
// lgcloud_aws_iam_privileged_source_restricted in its rule block.
type PrivilegedSourceOptions struct {
	// AllowedSourceCIDRs are the address ranges of the permitted sites.
	// When set, every aws:SourceIp address of a restriction must lie within
	// one of them; when empty, any aws:SourceIp restriction is accepted.
	AllowedSourceCIDRs []string `hclext:"allowed_source_cidrs,optional"`
}

// NewOptions returns the defaults: no allowed ranges, so that any source
// restriction is accepted.
func (r *AwsIamPrivilegedSourceRestrictedRule) NewOptions() any {
	return &PrivilegedSourceOptions{}
}

// Validate checks that every allowed range is a CIDR block.
func (o *PrivilegedSourceOptions) Validate() error {
	for _, cidr := range o.AllowedSourceCIDRs {
		if _, err := netip.ParsePrefix(cidr); err != nil {
			return &lint.OptionError{
				Attribute: "allowed_source_cidrs",
				Detail:    fmt.Sprintf("%q is not a CIDR block; write an address range such as \"203.0.113.0/24\"", cidr),
			}
		}
	}
	return nil
}

// prefixes returns the allowed ranges, already validated.
func (o *PrivilegedSourceOptions) prefixes() []netip.Prefix {
	var out []netip.Prefix
	for _, cidr := range o.AllowedSourceCIDRs {
		if p, err := netip.ParsePrefix(cidr); err == nil {
			out = append(out, p.Masked())
		}
	}
	return out
}

var msgAdminPolicyNoSource = project.Text{
	JA: "このポリシーは %s に管理者権限（%s、Resource \"*\"）を接続元の制限なしで与えています。その文に aws:SourceIp（許可された拠点の IP アドレス）、aws:SourceVpc または aws:SourceVpce の条件を加えてください（他の接続元からの要求を拒否する Deny 文や、ロールの信頼ポリシーでの制限でも構いません）。",
	EN: "This policy gives %s administrator access (%s on Resource \"*\") with no restriction on where requests come from; add a condition on aws:SourceIp (the addresses of permitted sites), aws:SourceVpc or aws:SourceVpce to that statement (a Deny of requests from elsewhere, or a restriction in the trust policy of a role, also does).",
}

var msgManagedAdminNoSource = project.Text{
	JA: "%s に AWS 管理ポリシー %s が接続元の制限なしで付与されています。AWS 管理ポリシーには条件を付けられないため、aws:SourceIp などで接続元を限った独自のポリシーに置き換えるか、他の接続元からの要求を拒否する Deny 文やロールの信頼ポリシーで接続元を制限してください。",
	EN: "%s holds the AWS managed policy %s with no restriction on where requests come from; a managed policy cannot carry conditions, so replace it with a policy of your own that restricts aws:SourceIp or the like, or restrict the source with a Deny of requests from elsewhere or in the trust policy of a role.",
}

var msgSourceOutside = project.Text{
	JA: "aws:SourceIp の %s は allowed_source_cidrs（%s）の範囲外です。管理者権限を使える接続元を、許可された拠点のアドレス範囲に限ってください。",
	EN: "aws:SourceIp %s is outside allowed_source_cidrs (%s); limit where administrator access may be used to the address ranges of permitted sites.",
}

var whatPrivilegedSource = project.Text{JA: "管理者権限の接続元の制限", EN: "the source restriction of administrator access"}

// Check reports administrator access held by people without a source
// restriction: users, groups, and roles whose trust policy lets people in
// (TrustOf). A restriction counts in the statement that grants the access
// (aws:SourceIp, aws:SourceVpc, aws:SourceVpce with a positive test), in a
// Deny of every action to requests from elsewhere held by the same
// identity, or, for a role, in every trust statement that lets people
// assume it. AWS managed AdministratorAccess, PowerUserAccess and
// IAMFullAccess carry no condition. With allowed_source_cidrs, every known
// aws:SourceIp address of those restrictions must lie within the ranges.
func (r *AwsIamPrivilegedSourceRestrictedRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	opts, _ := runner.Options(r).(*PrivilegedSourceOptions)
	if opts == nil {
		opts = &PrivilegedSourceOptions{}
	}
	check := sourceCheck{rule: r, runner: runner, allowed: opts.prefixes(), cidrs: strings.Join(opts.AllowedSourceCIDRs, ", ")}
	graph, err := readIAMGraph(runner, r)
	if err != nil {
		return err
	}
	lang := runner.Config.Language
	for _, place := range grantsByPlace(graph.Grants) {
		var holders []string
		action := ""
		for _, g := range place {
			open, what, err := check.unrestricted(graph, g)
			if err != nil {
				return err
			}
			if open {
				holders = append(holders, holderName(g, lang))
				action = what
			}
		}
		if len(holders) == 0 {
			continue
		}
		msg := msgAdminPolicyNoSource
		if place[0].Managed != "" {
			msg, action = msgManagedAdminNoSource, place[0].Managed
		}
		if err := runner.Report(r, place[0].At, msg, joinHolders(holders, lang), action); err != nil {
			return err
		}
	}
	return nil
}

// sourceCheck holds what one check of the rule needs.
type sourceCheck struct {
	rule    *AwsIamPrivilegedSourceRestrictedRule
	runner  *lint.Runner
	allowed []netip.Prefix
	cidrs   string
}

// unrestricted says whether people hold a grant of administrator access
// that nothing restricts to a source, and what it grants. It checks the
// addresses of the restrictions it finds on the way, and names in strict
// mode what it cannot tell.
func (c sourceCheck) unrestricted(graph *iamGraph, g grant) (bool, string, error) {
	policyValue, policyUnknown := unknownPolicy(g)
	if !policyUnknown && !grantsAdmin(g) {
		return false, "", nil
	}
	trust, people, err := c.people(graph, g)
	if err != nil || !people {
		return false, "", err
	}
	if policyUnknown {
		return false, "", c.runner.Unverified(c.rule, policyValue, whatPrivilegedSource)
	}
	open, what, conditionsUnknown, err := c.grant(g)
	switch {
	case err != nil:
		return false, "", err
	case !open && conditionsUnknown:
		return false, "", c.runner.Unverified(c.rule, conditionUnknown(g), whatPrivilegedSource)
	case !open:
		return false, "", nil
	}
	// The statements leave the source open: a Deny held beside them, or
	// the trust of a role, may still close it.
	denials := heldDocuments(graph, g.To, func(d *policy.Document) bool { return len(d.SourceDenials()) > 0 })
	for _, d := range denials {
		if err := c.addresses(d.At, d.Doc.Doc.SourceDenials()); err != nil {
			return false, "", err
		}
	}
	if trust != nil && trust.Source {
		if err := c.addresses(trust.At, trust.Conditions); err != nil {
			return false, "", err
		}
		return false, "", nil
	}
	return len(denials) == 0, what, nil
}

// roleSource is the source restriction of a role's trust policy.
type roleSource struct {
	// Source is true when every statement that lets people in restricts
	// the source.
	Source bool
	// Conditions are the source conditions of the trust policy, written at At.
	Conditions []policy.Condition
	At         hcl.Range
}

// people says whether people hold a grant: users and groups always, roles
// when their trust lets people assume them. For a role it also returns its
// trust's source restriction. A role that cannot be told is named in
// strict mode.
func (c sourceCheck) people(graph *iamGraph, g grant) (*roleSource, bool, error) {
	if g.To.Kind != iamRole {
		return nil, true, nil
	}
	r, ok := graph.roleOf(g.To)
	if !ok {
		v := lint.Value{State: lint.Unknown, Range: g.At, Name: g.Via, Why: whyRoleNotHere}
		return nil, false, c.runner.Unverified(c.rule, v, whatPrivilegedSource)
	}
	trust := TrustOf(r.Trust)
	if !trust.People {
		if v, unknown := unknownTrust(r, trust); unknown {
			return nil, false, c.runner.Unverified(c.rule, v, whatPrivilegedSource)
		}
		return nil, false, nil
	}
	src := &roleSource{Source: trust.Source, At: r.Trust.Value.Range}
	for _, st := range r.Trust.Doc.Statements {
		src.Conditions = append(src.Conditions, st.SourceConditions()...)
	}
	return src, true, nil
}

// grantsAdmin reports whether a grant that can be read gives
// administrator access.
func grantsAdmin(g grant) bool {
	if g.Doc.Doc == nil {
		return adminManagedPolicies[g.Managed]
	}
	return len(adminStatements(g.Doc.Doc)) > 0
}

// grant says whether a grant gives administrator access that its own
// statements leave open to any source, and what it grants; when none does,
// unknown says whether one might, as a condition of it cannot be read. It
// checks the addresses of the statements that do restrict the source.
func (c sourceCheck) grant(g grant) (open bool, what string, unknown bool, err error) {
	if g.Doc.Doc == nil {
		return adminManagedPolicies[g.Managed], g.Managed, false, nil
	}
	for _, st := range adminStatements(g.Doc.Doc) {
		conds := st.SourceConditions()
		switch {
		case len(conds) > 0:
			if err := c.addresses(g.At, conds); err != nil {
				return false, "", false, err
			}
		case st.HasUnknownCondition():
			unknown = true
		case !open:
			open, what = true, adminAction(st)
		}
	}
	return open, what, unknown && !open, nil
}

// addresses reports each known aws:SourceIp address of conds outside the
// allowed ranges, at the document that holds it. The runner emits each
// finding once, however many grants lead to the same document.
func (c sourceCheck) addresses(at hcl.Range, conds []policy.Condition) error {
	if len(c.allowed) == 0 {
		return nil
	}
	for _, cond := range conds {
		if !strings.EqualFold(cond.Key, "aws:SourceIp") {
			continue
		}
		for _, v := range cond.Values {
			if v.Known && !within(v.S, c.allowed) {
				if err := c.runner.Report(c.rule, at, msgSourceOutside, v.S, c.cidrs); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// within reports whether an address or address range lies within one of
// the allowed ranges. A value that is neither is not within any.
func within(s string, allowed []netip.Prefix) bool {
	var p netip.Prefix
	if strings.Contains(s, "/") {
		parsed, err := netip.ParsePrefix(s)
		if err != nil {
			return false
		}
		p = parsed.Masked()
	} else {
		addr, err := netip.ParseAddr(s)
		if err != nil {
			return false
		}
		p = netip.PrefixFrom(addr, addr.BitLen())
	}
	for _, a := range allowed {
		if a.Bits() <= p.Bits() && a.Contains(p.Addr()) {
			return true
		}
	}
	return false
}
