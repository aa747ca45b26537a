package aws

import (
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/segment"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// Severity by segment. The guideline requires cryptographic measures of
// sufficient strength for the My Number systems (item 4.6.1.1: 実施する,
// 必要がある) and recommends encryption for other confidential data (item
// 4.6.1.2: 考えられる): the rules on encryption at rest, encryption in
// transit and key strength warn, and report a finding on a resource of the
// mynumber segment as an ERROR. A severity set in the rule block still
// wins.
//
// A resource is of the mynumber segment when the segment model places it
// there: a network resource through the graph (a database through its
// subnet group), any other through its own segment tag or its provider's
// default_tags; or when a resource it belongs to is (a listener through
// its load balancer, a parameter group through the databases that use it).
// A resource whose segment cannot be known keeps the rule's level.

// segmentLevelReads returns a rule's reads with what placing its resources
// reads: the segment model's reads, and the tags of every resource type
// the rule reads but those named untagged (types without tags).
func segmentLevelReads(reads lint.Reads, untagged ...string) lint.Reads {
	out := mergeReads(reads, segmentReads())
	for ty := range reads {
		if !strings.HasPrefix(ty, lint.DataPrefix) && !slices.Contains(untagged, ty) {
			out[ty] = lint.MergeSchema(out[ty], attrs(tagsAttr))
		}
	}
	return out
}

// segmentLevel returns the rule as it reports a finding on resource: at
// ERROR when the resource, or one of the related resources (addresses such
// as a listener's load balancer), is of the mynumber segment; the rule
// itself otherwise. The rule must declare segmentLevelReads.
func segmentLevel(runner *lint.Runner, rule lint.Rule, resource *hclext.Block, related ...string) (lint.Rule, error) {
	v, err := myNumberOf(runner, rule, resource, related...)
	if err != nil {
		return nil, err
	}
	if v.Mine {
		return lint.AtSeverity(rule, tflint.ERROR), nil
	}
	return rule, nil
}

// myNumber says whether a resource is of the mynumber segment.
type myNumber struct {
	// Mine is set when the resource or a related one is of the segment.
	Mine bool
	// Unknown is set when it is not known to be, no segment at all is
	// known of it, and a placement could not be decided: why.
	Unknown *segment.Unknown
}

// myNumberOf places a resource and its related resources: those of the
// segment graph through the graph, those of a type the rule reads through
// their own tags; others are ignored.
func myNumberOf(runner *lint.Runner, rule lint.Rule, resource *hclext.Block, related ...string) (myNumber, error) {
	p, err := segmentOf(runner, rule, resource)
	if err != nil {
		return myNumber{}, err
	}
	places := []segment.Placement{p}
	for _, id := range related {
		ty, name, _ := strings.Cut(id, ".")
		switch {
		case isNetType(ty):
			view, err := segmentResult(runner, rule)
			if err != nil {
				return myNumber{}, err
			}
			places = append(places, view.Of(id))
		case rule.Describe().Reads[ty] != nil:
			blocks, err := runner.Resources(rule, ty)
			if err != nil {
				return myNumber{}, err
			}
			for _, b := range blocks {
				if len(b.Labels) > 1 && b.Labels[1] == name {
					p, err := segmentOf(runner, rule, b)
					if err != nil {
						return myNumber{}, err
					}
					places = append(places, p)
					break
				}
			}
		}
	}
	var out myNumber
	known := false
	for _, p := range places {
		out.Mine = out.Mine || slices.Contains(p.Segments, config.SegmentMyNumber)
		known = known || len(p.Segments) > 0
		if out.Unknown == nil {
			out.Unknown = p.Unknown
		}
	}
	if out.Mine || known {
		out.Unknown = nil
	}
	return out, nil
}

// eachAtSegmentLevel calls check for every resource of a type with the
// rule at the resource's level (segmentLevel). via are attributes of the
// resource whose references name related resources (a listener's
// load_balancer_arn); the rule must read them.
func eachAtSegmentLevel(runner *lint.Runner, rule lint.Rule, resourceType string, check func(resource *hclext.Block, rule lint.Rule) error, via ...string) error {
	resources, err := runner.Resources(rule, resourceType)
	if err != nil {
		return err
	}
	for _, resource := range resources {
		var related []string
		for _, name := range via {
			if attr, ok := resource.Body.Attributes[name]; ok {
				related = append(related, referencedResources(attr.Expr)...)
			}
		}
		at, err := segmentLevel(runner, rule, resource, related...)
		if err != nil {
			return err
		}
		if err := check(resource, at); err != nil {
			return err
		}
	}
	return nil
}

// refLink is an attribute of a resource type that refers to another
// resource: a database's parameter group.
type refLink struct {
	Type, Attr string
}

// referrers returns, by the address of the resource referred to, the
// addresses of the resources of the module that refer to it through one of
// the links. The rule must read each link's attribute.
func referrers(runner *lint.Runner, rule lint.Rule, links ...refLink) (map[string][]string, error) {
	out := map[string][]string{}
	for _, link := range links {
		resources, err := runner.Resources(rule, link.Type)
		if err != nil {
			return nil, err
		}
		for _, resource := range resources {
			attr, ok := resource.Body.Attributes[link.Attr]
			if !ok {
				continue
			}
			for _, target := range referencedResources(attr.Expr) {
				if from := lint.Address(resource); !slices.Contains(out[target], from) {
					out[target] = append(out[target], from)
				}
			}
		}
	}
	return out, nil
}

// referencedResources returns the addresses (type.name) of the managed
// resources an expression refers to.
func referencedResources(expr hcl.Expression) []string {
	var out []string
	for _, t := range expr.Variables() {
		ty := lint.RefType(&hclsyntax.ScopeTraversalExpr{Traversal: t})
		if ty == "" || len(t) < 2 || ty != t.RootName() {
			continue
		}
		if step, ok := t[1].(hcl.TraverseAttr); ok {
			out = append(out, ty+"."+step.Name)
		}
	}
	return out
}
