package aws

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/policy"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/zclconf/go-cty/cty"
)

// Kinds of IAM identities that hold policies.
const (
	iamUser  = "user"
	iamGroup = "group"
	iamRole  = "role"
)

// identity names an IAM user, group or role of the module: by the label of
// its resource when the code refers to it (aws_iam_user.alice.name), or by
// its name when the code writes it literally and no resource of the module
// has that name. Name is empty when it cannot be known at lint time.
type identity struct {
	Kind  string
	Label string
	Name  string
}

// Known reports whether the identity could be told.
func (id identity) Known() bool { return id.Label != "" || id.Name != "" }

// grant is one policy an identity holds.
type grant struct {
	To identity
	// Doc is an inline or customer-managed policy; Managed is the name of
	// an AWS managed policy ("AdministratorAccess"). One of them is set,
	// or neither when the policy cannot be known.
	Doc     Document
	Managed string
	// At is where the grant is written: the policy document, or the
	// policy_arn of an attachment.
	At hcl.Range
	// Via is the address of the resource that grants it.
	Via string
}

// role is an IAM role with its trust policy.
type role struct {
	Block *hclext.Block
	Trust Document
}

// iamGraph is who holds which policy in a module, read once and shared by
// the identity rules.
type iamGraph struct {
	Grants []grant
	// Roles, users and groups by resource label.
	Roles  map[string]role
	Users  map[string]*hclext.Block
	Groups map[string]*hclext.Block
	// Members lists the users of each group, by group label or name.
	Members map[identity][]identity
	// names maps "kind/name" to the resource label with that name.
	names map[string]string
}

// iamGraphReads are the reads every rule that uses the graph declares.
func iamGraphReads(reads lint.Reads) lint.Reads {
	attrs := func(names ...string) *hclext.BodySchema {
		s := &hclext.BodySchema{}
		for _, n := range names {
			s.Attributes = append(s.Attributes, hclext.AttributeSchema{Name: n})
		}
		return s
	}
	for ty, schema := range map[string]*hclext.BodySchema{
		"aws_iam_user":                     attrs("name"),
		"aws_iam_group":                    attrs("name"),
		"aws_iam_role":                     {Attributes: attrs("name", "assume_role_policy", "managed_policy_arns").Attributes, Blocks: []hclext.BlockSchema{{Type: "inline_policy", Body: attrs("name", "policy")}}},
		"aws_iam_policy":                   attrs("name", "policy"),
		"aws_iam_user_policy":              attrs("user", "policy"),
		"aws_iam_group_policy":             attrs("group", "policy"),
		"aws_iam_role_policy":              attrs("role", "policy"),
		"aws_iam_user_policy_attachment":   attrs("user", "policy_arn"),
		"aws_iam_group_policy_attachment":  attrs("group", "policy_arn"),
		"aws_iam_role_policy_attachment":   attrs("role", "policy_arn"),
		"aws_iam_policy_attachment":        attrs("users", "groups", "roles", "policy_arn"),
		"aws_iam_user_group_membership":    attrs("user", "groups"),
		"aws_iam_group_membership":         attrs("group", "users"),
		lint.DataPrefix + "aws_iam_policy": attrs("name", "arn"),
	} {
		reads[ty] = schema
	}
	return withPolicyDocuments(reads)
}

type iamGraphKey struct{}

// readIAMGraph returns the module's IAM graph, built once per module.
func readIAMGraph(runner *lint.Runner, rule lint.Rule) (*iamGraph, error) {
	v, err := runner.Memo(iamGraphKey{}, func() (any, error) {
		b := &graphBuilder{runner: runner, rule: rule, g: &iamGraph{
			Roles:   map[string]role{},
			Users:   map[string]*hclext.Block{},
			Groups:  map[string]*hclext.Block{},
			Members: map[identity][]identity{},
			names:   map[string]string{},
		}}
		return b.g, b.build()
	})
	if err != nil {
		return nil, err
	}
	return v.(*iamGraph), nil
}

type graphBuilder struct {
	runner *lint.Runner
	rule   lint.Rule
	g      *iamGraph
	// policies maps aws_iam_policy labels to their documents; managed maps
	// data.aws_iam_policy labels to AWS managed policy names.
	policies map[string]grant
	managed  map[string]string
}

func (b *graphBuilder) read(ty string) ([]*hclext.Block, error) {
	return b.runner.Resources(b.rule, ty)
}

func (b *graphBuilder) build() error {
	for _, kind := range []struct {
		ty   string
		kind string
		into map[string]*hclext.Block
	}{{"aws_iam_user", iamUser, b.g.Users}, {"aws_iam_group", iamGroup, b.g.Groups}} {
		blocks, err := b.read(kind.ty)
		if err != nil {
			return err
		}
		for _, block := range blocks {
			kind.into[block.Labels[1]] = block
			b.name(kind.kind, block)
		}
	}
	roles, err := b.read("aws_iam_role")
	if err != nil {
		return err
	}
	for _, block := range roles {
		b.name(iamRole, block)
		trust, err := readDocument(b.runner, b.rule, block.Body, "assume_role_policy")
		if err != nil {
			return err
		}
		b.g.Roles[block.Labels[1]] = role{Block: block, Trust: trust}
	}
	if err := b.readPolicies(); err != nil {
		return err
	}
	for _, block := range roles {
		self := identity{Kind: iamRole, Label: block.Labels[1]}
		for _, inline := range block.Body.Blocks.OfType("inline_policy") {
			if err := b.inline(self, inline.Body, lint.Address(block)); err != nil {
				return err
			}
		}
		if attr, ok := block.Body.Attributes["managed_policy_arns"]; ok {
			b.arns(self, attr.Expr, lint.Address(block))
		}
	}
	for _, inline := range []struct{ ty, kind, attr string }{
		{"aws_iam_user_policy", iamUser, "user"},
		{"aws_iam_group_policy", iamGroup, "group"},
		{"aws_iam_role_policy", iamRole, "role"},
	} {
		blocks, err := b.read(inline.ty)
		if err != nil {
			return err
		}
		for _, block := range blocks {
			to := b.identity(inline.kind, block.Body, inline.attr)
			if err := b.inline(to, block.Body, lint.Address(block)); err != nil {
				return err
			}
		}
	}
	for _, attach := range []struct{ ty, kind, attr string }{
		{"aws_iam_user_policy_attachment", iamUser, "user"},
		{"aws_iam_group_policy_attachment", iamGroup, "group"},
		{"aws_iam_role_policy_attachment", iamRole, "role"},
	} {
		blocks, err := b.read(attach.ty)
		if err != nil {
			return err
		}
		for _, block := range blocks {
			if attr, ok := block.Body.Attributes["policy_arn"]; ok {
				b.attach(b.identity(attach.kind, block.Body, attach.attr), attr.Expr, lint.Address(block))
			}
		}
	}
	shared, err := b.read("aws_iam_policy_attachment")
	if err != nil {
		return err
	}
	for _, block := range shared {
		attr, ok := block.Body.Attributes["policy_arn"]
		if !ok {
			continue
		}
		for _, list := range []struct{ attr, kind string }{{"users", iamUser}, {"groups", iamGroup}, {"roles", iamRole}} {
			for _, to := range b.identities(list.kind, block.Body, list.attr) {
				b.attach(to, attr.Expr, lint.Address(block))
			}
		}
	}
	return b.memberships()
}

// name records the name of a user, group or role resource.
func (b *graphBuilder) name(kind string, block *hclext.Block) {
	if name, ok := b.runner.Attr(block.Body, "name", cty.String).String(); ok {
		b.g.names[kind+"/"+name] = block.Labels[1]
	}
}

// readPolicies reads the customer-managed policies and the data sources
// that name AWS managed policies.
func (b *graphBuilder) readPolicies() error {
	b.policies, b.managed = map[string]grant{}, map[string]string{}
	blocks, err := b.read("aws_iam_policy")
	if err != nil {
		return err
	}
	for _, block := range blocks {
		doc, err := readDocument(b.runner, b.rule, block.Body, "policy")
		if err != nil {
			return err
		}
		b.policies[block.Labels[1]] = grant{Doc: doc, At: doc.Value.Range, Via: lint.Address(block)}
	}
	data, err := b.read(lint.DataPrefix + "aws_iam_policy")
	if err != nil {
		return err
	}
	for _, block := range data {
		if name, ok := b.runner.Attr(block.Body, "name", cty.String).String(); ok {
			b.managed[block.Labels[1]] = name
		} else if arn, ok := b.runner.Attr(block.Body, "arn", cty.String).String(); ok {
			b.managed[block.Labels[1]] = managedPolicyName(arn)
		}
	}
	return nil
}

// managedPolicyName returns the name of an AWS managed policy ARN
// (arn:aws:iam::aws:policy/AdministratorAccess, also under a path such as
// job-function/), or "" for any other ARN.
func managedPolicyName(arn string) string {
	for _, partition := range []string{"arn:aws:iam::aws:policy/", "arn:aws-us-gov:iam::aws:policy/", "arn:aws-cn:iam::aws:policy/"} {
		if rest, ok := strings.CutPrefix(arn, partition); ok {
			return rest[strings.LastIndex(rest, "/")+1:]
		}
	}
	return ""
}

func (b *graphBuilder) inline(to identity, body *hclext.BodyContent, via string) error {
	doc, err := readDocument(b.runner, b.rule, body, "policy")
	if err != nil {
		return err
	}
	if doc.Value.IsAbsent() {
		return nil
	}
	b.g.Grants = append(b.g.Grants, grant{To: to, Doc: doc, At: doc.Value.Range, Via: via})
	return nil
}

// arns attaches every policy of a list of ARNs.
func (b *graphBuilder) arns(to identity, expr hcl.Expression, via string) {
	if tuple, ok := expr.(*hclsyntax.TupleConsExpr); ok {
		for _, e := range tuple.Exprs {
			b.attach(to, e, via)
		}
		return
	}
	val, err := b.runner.Raw(expr)
	if err != nil || !val.IsWhollyKnown() || val.IsNull() || val.ContainsMarked() || !val.CanIterateElements() {
		b.g.Grants = append(b.g.Grants, grant{To: to, At: expr.Range(), Via: via})
		return
	}
	for it := val.ElementIterator(); it.Next(); {
		_, v := it.Element()
		if v.Type() == cty.String && !v.IsNull() {
			b.g.Grants = append(b.g.Grants, grant{To: to, Managed: managedPolicyName(v.AsString()), At: expr.Range(), Via: via})
		}
	}
}

// attach records the policy a policy_arn names: a customer-managed policy of
// the module by reference, an AWS managed policy by ARN or through a
// data.aws_iam_policy, or an unknown policy.
func (b *graphBuilder) attach(to identity, expr hcl.Expression, via string) {
	g := grant{To: to, At: expr.Range(), Via: via}
	if label, ok := referenceLabel(expr, "aws_iam_policy"); ok {
		if p, found := b.policies[label]; found {
			g.Doc, g.At = p.Doc, p.At
		}
	} else if label, ok := referenceLabel(expr, lint.DataPrefix+"aws_iam_policy"); ok {
		g.Managed = b.managed[label]
	} else if arn, ok := b.runner.Attr(&hclext.BodyContent{Attributes: hclext.Attributes{"arn": {Name: "arn", Expr: expr}}}, "arn", cty.String).String(); ok {
		g.Managed = managedPolicyName(arn)
	}
	b.g.Grants = append(b.g.Grants, g)
}

// referenceLabel returns NAME when expr refers to TYPE.NAME (or
// data.TYPE.NAME for a data source type given with lint.DataPrefix).
func referenceLabel(expr hcl.Expression, ty string) (string, bool) {
	if lint.RefType(expr) != ty {
		return "", false
	}
	t := expr.Variables()[0]
	step := 1
	if strings.HasPrefix(ty, lint.DataPrefix) {
		step = 2
	}
	if len(t) <= step {
		return "", false
	}
	attr, ok := t[step].(hcl.TraverseAttr)
	if !ok {
		return "", false
	}
	return attr.Name, true
}

var resourceTypes = map[string]string{iamUser: "aws_iam_user", iamGroup: "aws_iam_group", iamRole: "aws_iam_role"}

func (b *graphBuilder) identity(kind string, body *hclext.BodyContent, attr string) identity {
	return b.g.Identity(b.runner, kind, body, attr)
}

func (b *graphBuilder) identityOf(kind string, expr hcl.Expression) identity {
	return b.g.identityOf(b.runner, kind, expr)
}

// Identity reads the user, group or role an attribute of a resource of the
// module names: by reference, or by a name a resource of the graph has.
func (g *iamGraph) Identity(runner *lint.Runner, kind string, body *hclext.BodyContent, attr string) identity {
	a, ok := body.Attributes[attr]
	if !ok {
		return identity{Kind: kind}
	}
	return g.identityOf(runner, kind, a.Expr)
}

func (g *iamGraph) identityOf(runner *lint.Runner, kind string, expr hcl.Expression) identity {
	if label, ok := referenceLabel(expr, resourceTypes[kind]); ok {
		return identity{Kind: kind, Label: label}
	}
	v, err := runner.Raw(expr)
	if err != nil || !v.IsKnown() || v.IsNull() || v.IsMarked() || v.Type() != cty.String {
		return identity{Kind: kind}
	}
	name := v.AsString()
	if kind == iamRole {
		// Roles are also named by ARN.
		name = name[strings.LastIndex(name, "/")+1:]
	}
	if label, ok := g.names[kind+"/"+name]; ok {
		return identity{Kind: kind, Label: label}
	}
	return identity{Kind: kind, Name: name}
}

// identities reads a list of users, groups or roles.
func (b *graphBuilder) identities(kind string, body *hclext.BodyContent, attr string) []identity {
	a, ok := body.Attributes[attr]
	if !ok {
		return nil
	}
	if tuple, isTuple := a.Expr.(*hclsyntax.TupleConsExpr); isTuple {
		var out []identity
		for _, e := range tuple.Exprs {
			out = append(out, b.identityOf(kind, e))
		}
		return out
	}
	v, err := b.runner.Raw(a.Expr)
	if err != nil || !v.IsWhollyKnown() || v.IsNull() || v.ContainsMarked() || !v.CanIterateElements() {
		return []identity{{Kind: kind}}
	}
	var out []identity
	for it := v.ElementIterator(); it.Next(); {
		_, e := it.Element()
		if e.Type() == cty.String && !e.IsNull() {
			out = append(out, b.identityOf(kind, &hclsyntax.LiteralValueExpr{Val: e, SrcRange: a.Expr.Range()}))
		}
	}
	return out
}

// memberships reads which users belong to which groups.
func (b *graphBuilder) memberships() error {
	byUser, err := b.read("aws_iam_user_group_membership")
	if err != nil {
		return err
	}
	for _, block := range byUser {
		user := b.identity(iamUser, block.Body, "user")
		for _, group := range b.identities(iamGroup, block.Body, "groups") {
			b.g.Members[group] = append(b.g.Members[group], user)
		}
	}
	byGroup, err := b.read("aws_iam_group_membership")
	if err != nil {
		return err
	}
	for _, block := range byGroup {
		group := b.identity(iamGroup, block.Body, "group")
		b.g.Members[group] = append(b.g.Members[group], b.identities(iamUser, block.Body, "users")...)
	}
	return nil
}

// GrantsTo returns the grants an identity holds directly.
func (g *iamGraph) GrantsTo(id identity) []grant {
	var out []grant
	for _, gr := range g.Grants {
		if gr.To == id {
			out = append(out, gr)
		}
	}
	return out
}

// GroupsOf returns the groups a user belongs to.
func (g *iamGraph) GroupsOf(user identity) []identity {
	var out []identity
	for group, members := range g.Members {
		for _, m := range members {
			if m == user {
				out = append(out, group)
			}
		}
	}
	return out
}

// roleOf returns the role resource an identity names, if the module has it.
func (g *iamGraph) roleOf(id identity) (role, bool) {
	if id.Kind != iamRole || id.Label == "" {
		return role{}, false
	}
	r, ok := g.Roles[id.Label]
	return r, ok
}

// Trust says who may assume a role: whether people may (policy.Person),
// whether every statement that lets them requires MFA, and whether that
// could not be told.
type Trust struct {
	// People is true when a statement lets people assume the role.
	People bool
	// MFA is true when every such statement requires MFA.
	MFA bool
	// Federated is true when a SAML or OIDC provider may assume the role.
	Federated bool
	// Unknown is true when the trust policy, or one of its principals,
	// cannot be known at lint time.
	Unknown bool
	// Source is true when every statement that lets people in restricts
	// the request's source (address, VPC, endpoint).
	Source bool
}

// TrustOf reads a role's trust policy.
func TrustOf(doc Document) Trust {
	t := Trust{MFA: true, Source: true}
	if doc.Doc == nil {
		t.Unknown = !doc.Value.IsAbsent()
		return t
	}
	for _, st := range doc.Doc.Statements {
		if st.Effect == "" {
			// An effect that cannot be known: if the statement would let
			// principals assume the role, who may is unknown.
			allow := st
			allow.Effect = policy.Allow
			t.Unknown = t.Unknown || assumes(allow)
			continue
		}
		if !assumes(st) {
			continue
		}
		person := false
		for _, p := range st.Principals {
			switch p.Kind() {
			case policy.Person:
				person = true
			case policy.Federated:
				t.Federated = true
			case policy.UnknownKind:
				t.Unknown = true
			}
		}
		// A third party given an external ID is a service acting for the
		// account, not a person signing in.
		if !person || st.HasCondition("sts:ExternalId") {
			continue
		}
		t.People = true
		t.MFA = t.MFA && st.RequiresMFA()
		t.Source = t.Source && len(st.SourceConditions()) > 0
	}
	return t
}

// assumes reports whether a statement lets its principals assume the role.
func assumes(st policy.Statement) bool {
	for _, action := range policy.AssumeActions {
		if st.Allows(action) {
			return true
		}
	}
	return false
}
