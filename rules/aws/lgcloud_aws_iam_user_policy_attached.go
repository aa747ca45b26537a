package aws

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsIamUserPolicyAttachedRule checks that policies are granted to IAM
// groups or roles, not attached to users directly.
type AwsIamUserPolicyAttachedRule struct{ lint.Meta }

var _ lint.Rule = (*AwsIamUserPolicyAttachedRule)(nil)

// NewAwsIamUserPolicyAttachedRule returns the rule.
func NewAwsIamUserPolicyAttachedRule() *AwsIamUserPolicyAttachedRule {
	return &AwsIamUserPolicyAttachedRule{lint.Meta{
		RuleName: "lgcloud_aws_iam_user_policy_attached",
		Level:    tflint.WARNING,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.6.3.2"},
		Summary:  project.Text{JA: "IAM ユーザーにポリシーを直接付与せず、グループまたはロールを通じて付与する", EN: "Policies are granted through IAM groups or roles, not attached to users"},
		Reads:    iamGraphReads(lint.Reads{}),
	}}
}

var msgUserPolicyAttached = project.Text{
	JA: "%s は IAM ユーザーにポリシーを直接付与しています。人の異動や退職の際に権限を管理しやすいよう、グループまたはロールを通じて付与してください。",
	EN: "%s attaches a policy to an IAM user directly; grant it through a group or a role, so that access rights stay manageable when people change.",
}

var whatUserPolicyAttached = project.Text{JA: "ポリシーを付与する IAM ユーザー", EN: "the IAM users a policy is attached to"}

// directGrants are the resource types that attach a policy to users, with
// the attribute that names the users.
var directGrants = []struct{ ty, attr string }{
	{"aws_iam_user_policy", "user"},
	{"aws_iam_user_policy_attachment", "user"},
	{"aws_iam_policy_attachment", "users"},
}

// Check reports every resource that grants a policy to a user, once, at
// the attribute naming the user. An aws_iam_policy_attachment whose users
// cannot be known at lint time may name none, and is not reported.
func (r *AwsIamUserPolicyAttachedRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	graph, err := readIAMGraph(runner, r)
	if err != nil {
		return err
	}
	to := map[string]hcl.Range{}
	for _, g := range graph.Grants {
		if g.To.Kind != iamUser {
			continue
		}
		if _, seen := to[g.Via]; !seen {
			to[g.Via] = g.At
		}
	}
	for _, direct := range directGrants {
		blocks, err := runner.Resources(r, direct.ty)
		if err != nil {
			return err
		}
		for _, block := range blocks {
			at, granted := to[lint.Address(block)]
			if !granted {
				continue
			}
			if err := r.report(runner, block, direct.attr, at); err != nil {
				return err
			}
		}
	}
	return nil
}

// report emits the finding of one attaching resource at the attribute that
// names its users, or at the policy when that attribute is missing.
func (r *AwsIamUserPolicyAttachedRule) report(runner *lint.Runner, block *hclext.Block, attr string, policyAt hcl.Range) error {
	name := lint.Address(block)
	users, ok := block.Body.Attributes[attr]
	if !ok {
		return runner.Report(r, policyAt, msgUserPolicyAttached, name)
	}
	if tuple, isTuple := users.Expr.(*hclsyntax.TupleConsExpr); attr == "users" && !(isTuple && len(tuple.Exprs) > 0) {
		// A list computed elsewhere: reported only when it certainly holds
		// a user, that is, when its length is known and not zero.
		val, err := runner.Raw(users.Expr)
		if err == nil {
			val, _ = val.UnmarkDeep()
		}
		if err != nil || !val.IsKnown() {
			return runner.Unverified(r, runner.Attr(block.Body, attr, cty.List(cty.String)), whatUserPolicyAttached)
		}
		if val.IsNull() || !val.CanIterateElements() || val.LengthInt() == 0 {
			return nil
		}
	}
	return runner.Report(r, users.Expr.Range(), msgUserPolicyAttached, name)
}
