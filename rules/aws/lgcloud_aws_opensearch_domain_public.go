package aws

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/policy"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsOpensearchDomainPublicRule checks that OpenSearch (and legacy
// Elasticsearch) domains with a public endpoint do not have an access policy
// that lets anyone in.
type AwsOpensearchDomainPublicRule struct{ lint.Meta }

var _ lint.Rule = (*AwsOpensearchDomainPublicRule)(nil)

// searchDomainTypes are the domain resource types, with the engine each is
// named after in messages, and the resource that attaches a policy to it.
var searchDomainTypes = []struct {
	domainType, policyType, engine string
}{
	{"aws_opensearch_domain", "aws_opensearch_domain_policy", "OpenSearch"},
	{"aws_elasticsearch_domain", "aws_elasticsearch_domain_policy", "Elasticsearch"},
}

// NewAwsOpensearchDomainPublicRule returns the rule.
func NewAwsOpensearchDomainPublicRule() *AwsOpensearchDomainPublicRule {
	domain := func(security ...hclext.AttributeSchema) *hclext.BodySchema {
		return &hclext.BodySchema{
			Attributes: []hclext.AttributeSchema{{Name: "domain_name"}, {Name: "access_policies"}},
			Blocks: []hclext.BlockSchema{
				{Type: "vpc_options", Body: &hclext.BodySchema{}},
				{Type: "advanced_security_options", Body: &hclext.BodySchema{Attributes: security}},
			},
		}
	}
	attached := &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "domain_name"}, {Name: "access_policies"}}}
	return &AwsOpensearchDomainPublicRule{lint.Meta{
		RuleName: "lgcloud_aws_opensearch_domain_public",
		Level:    tflint.ERROR,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.6.3.2"},
		Summary:  project.Text{JA: "パブリックエンドポイントの OpenSearch ドメインのアクセスポリシーで誰にでもアクセスを許可しない", EN: "OpenSearch domains with a public endpoint do not have an access policy that lets anyone in"},
		Reads: withPolicyDocuments(lint.Reads{
			"aws_opensearch_domain":           domain(hclext.AttributeSchema{Name: "enabled"}, hclext.AttributeSchema{Name: "anonymous_auth_enabled"}),
			"aws_elasticsearch_domain":        domain(hclext.AttributeSchema{Name: "enabled"}),
			"aws_opensearch_domain_policy":    attached,
			"aws_elasticsearch_domain_policy": attached,
		}),
	}}
}

var msgPublicSearchDomain = project.Text{
	JA: "%s ドメイン %s はパブリックエンドポイント（vpc_options なし）で、アクセスポリシー %s の文 %s が誰にでも（Principal \"*\"）アクセスを許可しています。vpc_options で VPC 内に置くか、必要な相手だけをプリンシパルに指定するか、aws:SourceIp などの条件で送信元を制限してください。",
	EN: "%s domain %s has a public endpoint (no vpc_options), and access policy %s: statement %s lets anyone in (Principal \"*\"); place the domain in a VPC with vpc_options, name only the principals that need access, or restrict the source with a condition such as aws:SourceIp.",
}

var whatSearchDomain = project.Text{JA: "OpenSearch ドメインのアクセスポリシーの公開範囲", EN: "who an OpenSearch domain access policy lets in"}

// domainEndpoint says whether anyone on the internet can reach a domain.
type domainEndpoint int

const (
	// endpointPublic is a domain without vpc_options and without
	// fine-grained access control that authenticates every request.
	endpointPublic domainEndpoint = iota
	// endpointClosed is a domain in a VPC, or one whose fine-grained
	// access control authenticates every request.
	endpointClosed
	// endpointUnknown cannot be told at lint time.
	endpointUnknown
)

// searchDomain is a domain of the module being checked.
type searchDomain struct {
	block    *hclext.Block
	engine   string
	endpoint domainEndpoint
	// why says why the endpoint is endpointUnknown.
	why project.Text
}

// Check reports, at the policy expression, each statement of a domain's
// access policy (its access_policies, or an attached domain policy) that
// lets anyone in, when the domain has a public endpoint. A domain in a VPC
// (vpc_options) is reached only from the VPC; a domain with fine-grained
// access control on (and anonymous access off) authenticates every request
// itself, and AWS recommends with it an access policy that does not require
// signed requests.
// What cannot be known is named in strict mode only.
func (r *AwsOpensearchDomainPublicRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	var domains []searchDomain
	for _, ty := range searchDomainTypes {
		blocks, err := runner.Resources(r, ty.domainType)
		if err != nil {
			return err
		}
		for _, block := range blocks {
			domains = append(domains, r.domain(runner, block, ty.engine))
		}
	}
	for _, d := range domains {
		doc, err := readDocument(runner, r, d.block.Body, "access_policies")
		if err != nil {
			return err
		}
		if err := r.checkPolicy(runner, doc, d, lint.Address(d.block)); err != nil {
			return err
		}
	}
	for _, ty := range searchDomainTypes {
		policies, err := runner.Resources(r, ty.policyType)
		if err != nil {
			return err
		}
		for _, p := range policies {
			doc, err := readDocument(runner, r, p.Body, "access_policies")
			if err != nil {
				return err
			}
			d, found := attachedDomain(runner, p, domains)
			if !found {
				d = searchDomain{block: p, engine: ty.engine, endpoint: endpointUnknown, why: project.Text{
					JA: fmt.Sprintf("%s の domain_name が指すドメインがこのモジュールにないため、エンドポイントが公開か確かめられません", lint.Address(p)),
					EN: fmt.Sprintf("the domain that %s names in domain_name is not in this module, so whether its endpoint is public cannot be told", lint.Address(p)),
				}}
			}
			if err := r.checkPolicy(runner, doc, d, lint.Address(p)); err != nil {
				return err
			}
		}
	}
	return nil
}

// domain says whether a domain's endpoint is public.
func (r *AwsOpensearchDomainPublicRule) domain(runner *lint.Runner, block *hclext.Block, engine string) searchDomain {
	d := searchDomain{block: block, engine: engine, endpoint: endpointPublic}
	if len(block.Body.Blocks.OfType("vpc_options")) > 0 {
		d.endpoint = endpointClosed
		return d
	}
	for _, sec := range block.Body.Blocks.OfType("advanced_security_options") {
		enabled := runner.Attr(sec.Body, "enabled", cty.Bool)
		anonymous := runner.Attr(sec.Body, "anonymous_auth_enabled", cty.Bool)
		switch {
		case enabled.IsTrue() && (anonymous.IsAbsent() || anonymous.IsFalse()):
			d.endpoint = endpointClosed
		case enabled.IsUnknown() || (enabled.IsTrue() && anonymous.IsUnknown()):
			d.endpoint = endpointUnknown
			d.why = project.Text{
				JA: fmt.Sprintf("ドメイン %s のきめ細かなアクセス制御（advanced_security_options の enabled または anonymous_auth_enabled）が lint 時に決まりません", lint.Address(block)),
				EN: fmt.Sprintf("the fine-grained access control of domain %s (enabled or anonymous_auth_enabled in advanced_security_options) is not known at lint time", lint.Address(block)),
			}
		}
	}
	return d
}

// attachedDomain finds the domain a domain policy names: by a reference to
// the domain resource, or by its domain_name.
func attachedDomain(runner *lint.Runner, p *hclext.Block, domains []searchDomain) (searchDomain, bool) {
	attr, ok := p.Body.Attributes["domain_name"]
	if !ok {
		return searchDomain{}, false
	}
	for _, t := range attr.Expr.Variables() {
		if len(t) < 2 {
			continue
		}
		step, ok := t[1].(hcl.TraverseAttr)
		if !ok {
			continue
		}
		for _, d := range domains {
			if d.block.Labels[0] == t.RootName() && d.block.Labels[1] == step.Name {
				return d, true
			}
		}
	}
	name, ok := runner.Attr(p.Body, "domain_name", cty.String).String()
	if !ok {
		return searchDomain{}, false
	}
	for _, d := range domains {
		if s, known := runner.Attr(d.block.Body, "domain_name", cty.String).String(); known && s == name {
			return d, true
		}
	}
	return searchDomain{}, false
}

// checkPolicy reports the statements of an access policy that let anyone
// in to a domain with a public endpoint; policyName names the resource that
// holds the policy.
func (r *AwsOpensearchDomainPublicRule) checkPolicy(runner *lint.Runner, doc Document, d searchDomain, policyName string) error {
	if d.endpoint == endpointClosed {
		return nil
	}
	if doc.Doc == nil {
		return runner.Unverified(r, doc.Value, whatSearchDomain)
	}
	for i, st := range doc.Doc.Statements {
		label := statementLabel(st, i)
		unknown := doc.Value
		unknown.State = lint.Unknown
		switch exposure := st.Exposure(); {
		case exposure == policy.Public && d.endpoint == endpointPublic:
			if err := runner.Report(r, doc.Value.Range, msgPublicSearchDomain, d.engine, lint.Address(d.block), policyName, label); err != nil {
				return err
			}
			continue
		case exposure == policy.Public:
			unknown.Why = d.why
		case exposure == policy.MaybePublic:
			unknown.Why = statementUnknown(label)
		default:
			continue
		}
		if err := runner.Unverified(r, unknown, whatSearchDomain); err != nil {
			return err
		}
	}
	return nil
}
