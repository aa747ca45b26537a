package aws

import (
	"fmt"
	"slices"

	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// The AWS Network Firewalls of a module, read as written for what they
// name by reference: their VPC, their subnets (subnet_mapping, also as a
// dynamic block) and their firewall policy. References do not depend on
// count or for_each, so a firewall whose count cannot be known is read
// like any other.

// networkFirewall is one aws_networkfirewall_firewall as written.
type networkFirewall struct {
	// Block is the declaration, with its tags.
	Block *hclext.Block
	// VPCs are the aws_vpc resources vpc_id refers to.
	VPCs []string
	// Subnets are the aws_subnet resources its subnet mappings refer to.
	Subnets []string
	// BlindSubnet is a subnet mapping whose subnet cannot be told (a
	// module input, a data source, a literal ID); nil when there is none.
	BlindSubnet hcl.Expression
	// Policies are the aws_networkfirewall_firewall_policy resources
	// firewall_policy_arn refers to.
	Policies []string
	// PolicyExpr is firewall_policy_arn; nil when it is not written.
	PolicyExpr hcl.Expression
}

// Address returns the firewall's address.
func (f *networkFirewall) Address() string { return lint.Address(f.Block) }

// networkFirewallReads is what readNetworkFirewalls reads (besides the
// dynamic blocks, which it reads as written).
var networkFirewallReads = storeSchema(tagsAttr, "vpc_id", "firewall_policy_arn", "subnet_mapping.subnet_id")

// networkFirewallSchema is networkFirewallReads with the meta-arguments
// and the dynamic subnet mappings.
var networkFirewallSchema = lint.MergeSchema(networkFirewallReads, &hclext.BodySchema{
	Attributes: []hclext.AttributeSchema{{Name: "count"}, {Name: "for_each"}},
	Blocks: []hclext.BlockSchema{{
		Type:       "dynamic",
		LabelNames: []string{"name"},
		Body: &hclext.BodySchema{
			Attributes: []hclext.AttributeSchema{{Name: "for_each"}},
			Blocks:     []hclext.BlockSchema{{Type: "content", Body: storeSchema("subnet_id")}},
		},
	}},
})

type networkFirewallsKey struct{}

// readNetworkFirewalls returns, once per module, the Network Firewalls of
// the module as written, in the order written.
func readNetworkFirewalls(runner *lint.Runner) ([]*networkFirewall, error) {
	v, err := runner.Memo(networkFirewallsKey{}, func() (any, error) {
		content, err := runner.GetResourceContent("aws_networkfirewall_firewall", networkFirewallSchema,
			&tflint.GetModuleContentOption{ExpandMode: tflint.ExpandModeNone})
		if err != nil {
			return nil, fmt.Errorf("failed to read aws_networkfirewall_firewall: %w", err)
		}
		var out []*networkFirewall
		for _, block := range sortedLogBlocks(content.Blocks) {
			out = append(out, readNetworkFirewall(block))
		}
		return out, nil
	})
	if err != nil {
		return nil, err
	}
	return v.([]*networkFirewall), nil
}

func readNetworkFirewall(block *hclext.Block) *networkFirewall {
	fw := &networkFirewall{Block: block}
	var forEach hcl.Expression
	if attr, ok := block.Body.Attributes["for_each"]; ok {
		forEach = attr.Expr
	}
	if attr, ok := block.Body.Attributes["vpc_id"]; ok {
		fw.VPCs = addresses("aws_vpc", linkTargets(attr.Expr, forEach, "aws_vpc"))
	}
	if attr, ok := block.Body.Attributes["firewall_policy_arn"]; ok {
		fw.PolicyExpr = attr.Expr
		fw.Policies = addresses("aws_networkfirewall_firewall_policy", linkTargets(attr.Expr, forEach, "aws_networkfirewall_firewall_policy"))
	}
	subnets := func(expr hcl.Expression, iterated hcl.Expression) {
		labels := linkTargets(expr, forEach, "aws_subnet")
		if len(labels) == 0 && iterated != nil {
			labels = logRefLabels(iterated, "aws_subnet")
		}
		if len(labels) == 0 && fw.BlindSubnet == nil {
			fw.BlindSubnet = expr
		}
		for _, a := range addresses("aws_subnet", labels) {
			if !slices.Contains(fw.Subnets, a) {
				fw.Subnets = append(fw.Subnets, a)
			}
		}
	}
	for _, m := range block.Body.Blocks.OfType("subnet_mapping") {
		if attr, ok := m.Body.Attributes["subnet_id"]; ok {
			subnets(attr.Expr, nil)
		}
	}
	// A dynamic "subnet_mapping" names its subnets through its iterator
	// (subnet_mapping.value.id): its for_each says which.
	for _, dyn := range block.Body.Blocks.OfType("dynamic") {
		if len(dyn.Labels) == 0 || dyn.Labels[0] != "subnet_mapping" {
			continue
		}
		var iterated hcl.Expression
		if attr, ok := dyn.Body.Attributes["for_each"]; ok {
			iterated = attr.Expr
		}
		for _, c := range dyn.Body.Blocks.OfType("content") {
			if attr, ok := c.Body.Attributes["subnet_id"]; ok {
				subnets(attr.Expr, iterated)
			}
		}
	}
	return fw
}

// addresses prefixes labels with their resource type.
func addresses(ty string, labels []string) []string {
	out := make([]string, len(labels))
	for i, l := range labels {
		out[i] = ty + "." + l
	}
	return out
}
