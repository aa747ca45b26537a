package aws

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsDefaultSecurityGroupRulesRule checks that the default security group
// of a VPC allows nothing: an aws_default_security_group declares no
// ingress or egress rule.
type AwsDefaultSecurityGroupRulesRule struct{ lint.Meta }

var _ lint.Rule = (*AwsDefaultSecurityGroupRulesRule)(nil)

// defaultGroupRuleAttrs are the attributes of an ingress or egress rule of
// the default security group that may carry a module input.
var defaultGroupRuleAttrs = []string{"cidr_blocks", "ipv6_cidr_blocks", "prefix_list_ids", "security_groups", "self", "protocol", "from_port", "to_port"}

// NewAwsDefaultSecurityGroupRulesRule returns the rule.
func NewAwsDefaultSecurityGroupRulesRule() *AwsDefaultSecurityGroupRulesRule {
	inner := attrs(defaultGroupRuleAttrs...)
	return &AwsDefaultSecurityGroupRulesRule{lint.Meta{
		RuleName: "lgcloud_aws_default_security_group_rules",
		Level:    tflint.WARNING,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.6.1.5"},
		Summary:  project.Text{JA: "VPC の既定のセキュリティグループでは通信を何も許可しない", EN: "The default security group of a VPC allows no traffic"},
		Reads: lint.Reads{
			// ingress and egress are attributes as blocks: written as
			// blocks (dynamic ones included) or as a list attribute.
			"aws_default_security_group": {
				Attributes: []hclext.AttributeSchema{{Name: "ingress"}, {Name: "egress"}},
				Blocks:     []hclext.BlockSchema{{Type: "ingress", Body: inner}, {Type: "egress", Body: inner}},
			},
		},
	}}
}

var msgDefaultGroupRule = project.Text{
	JA: "既定のセキュリティグループ %[1]s が%[2]sルールを宣言しています。既定のセキュリティグループはグループを指定せずに作られた資源に付くため、何も許可しないでください。%[3]s を削除し、資源ごとに必要なポートだけを開けたセキュリティグループを割り当ててください。",
	EN: "Default security group %[1]s declares %[2]s rule; the default group is attached to every resource created without a group of its own, so it should allow nothing. Remove the %[3]s rules, and give each resource a security group that opens only the ports it needs.",
}

// defaultGroupDirections are the rule kinds of the default group, with
// how messages name them.
var defaultGroupDirections = []struct {
	name string
	kind project.Text
}{
	{"ingress", project.Text{JA: "受信", EN: "an ingress"}},
	{"egress", project.Text{JA: "送信", EN: "an egress"}},
}

var whatDefaultGroupRules = project.Text{JA: "既定のセキュリティグループが何も許可しないこと", EN: "that the default security group allows nothing"}

// Check reports each ingress or egress block of a default security group
// (each dynamic block once), and a non-empty ingress or egress list
// attribute. An aws_default_security_group without rules removes every
// rule from the group, which is what the rule asks for.
func (r *AwsDefaultSecurityGroupRulesRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	root, err := runner.IsRoot()
	if err != nil {
		return err
	}
	groups, err := runner.Resources(r, "aws_default_security_group")
	if err != nil {
		return err
	}
	for _, group := range groups {
		name := lint.Address(group)
		for _, dir := range defaultGroupDirections {
			for _, inner := range group.Body.Blocks.OfType(dir.name) {
				if err := runner.Report(r, ruleBlockRange(root, inner), msgDefaultGroupRule, name, dir.kind, dir.name); err != nil {
					return err
				}
			}
			v := runner.Attr(group.Body, dir.name, cty.DynamicPseudoType)
			switch {
			case v.IsUnknown():
				err = runner.Unverified(r, v, whatDefaultGroupRules)
			case v.State == lint.Known && v.Val.CanIterateElements() && v.Val.LengthInt() > 0:
				err = runner.Report(r, v.Range, msgDefaultGroupRule, name, dir.kind, dir.name)
			}
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// ruleBlockRange is where a rule block is reported: the block, or in a
// called module the first of its attributes that uses a module input, so
// that TFLint carries the finding to the module call's argument.
func ruleBlockRange(root bool, inner *hclext.Block) hcl.Range {
	if !root {
		for _, name := range defaultGroupRuleAttrs {
			if attr, ok := inner.Body.Attributes[name]; ok && lint.UsesInput(attr.Expr) {
				return attr.Expr.Range()
			}
		}
	}
	return inner.DefRange
}
