package aws

import (
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/segment"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsInstanceTerminationProtectionRule checks that the EC2 instances of the
// My Number segment have termination protection on, so that terminating a
// server of the segment takes the deliberate step of turning it off.
type AwsInstanceTerminationProtectionRule struct{ lint.Meta }

var _ lint.Rule = (*AwsInstanceTerminationProtectionRule)(nil)

// terminationAttr is the flag of termination protection, on instances and
// launch templates alike; the provider defaults it to false.
const terminationAttr = "disable_api_termination"

// NewAwsInstanceTerminationProtectionRule returns the rule.
func NewAwsInstanceTerminationProtectionRule() *AwsInstanceTerminationProtectionRule {
	return &AwsInstanceTerminationProtectionRule{lint.Meta{
		RuleName: "lgcloud_aws_instance_termination_protection",
		Level:    tflint.ERROR,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.7.1.6"},
		Summary:  project.Text{JA: "マイナンバー利用事務系の EC2 インスタンスで終了保護を有効にする", EN: "EC2 instances of the My Number segment have termination protection on"},
		Reads: segmentLevelReads(lint.Reads{
			"aws_instance":        storeSchema(terminationAttr, "launch_template.id", "launch_template.name"),
			"aws_launch_template": storeSchema(terminationAttr),
		}),
	}}
}

var msgTerminationProtectionOff = project.Text{
	JA: "EC2 インスタンス %s は%sのサーバーですが、終了保護が有効になっていません。誤った操作や不正な操作で終了されないよう、disable_api_termination = true を設定してください（終了するときは、文書化した手順に従って先に無効にします）。",
	EN: "EC2 instance %s is a server of the %s but does not have termination protection on; set disable_api_termination = true so that it cannot be terminated by a mistaken or unauthorised operation (to terminate it, turn protection off first, following the documented procedure).",
}

var whatTerminationProtection = project.Text{JA: "マイナンバー利用事務系になりうる EC2 インスタンスの終了保護", EN: "termination protection of an EC2 instance that may be of the My Number segment"}

var whyTerminationTemplate = project.Text{
	JA: "未設定で、このモジュールにない起動テンプレートの設定に従います",
	EN: "not set, so it follows a launch template that is not in this module",
}

// Check reports each instance placed in the mynumber segment (through its
// subnet, network interfaces or security groups, or its own Segment tag)
// whose disable_api_termination is false (with an autofix to true where it
// is a literal), or is not set while the launch template it is launched
// from, if any, does not set it to true (with an autofix that adds it). An
// instance whose segment cannot be decided is named in strict mode when its
// termination protection is not on.
func (r *AwsInstanceTerminationProtectionRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	instances, err := runner.Resources(r, "aws_instance")
	if err != nil || len(instances) == 0 {
		return err
	}
	templates, err := runner.Resources(r, "aws_launch_template")
	if err != nil {
		return err
	}
	for _, instance := range instances {
		p, err := segmentOf(runner, r, instance)
		if err != nil {
			return err
		}
		mine := placedInMyNumber(p)
		if mine == notInSegments {
			continue
		}
		if err := r.check(runner, instance, templates, p, mine == segmentUndecided); err != nil {
			return err
		}
	}
	return nil
}

// check judges one instance of the mynumber segment, or whose segment
// cannot be decided (undecided).
func (r *AwsInstanceTerminationProtectionRule) check(runner *lint.Runner, instance *hclext.Block, templates []*hclext.Block, p segment.Placement, undecided bool) error {
	v := runner.Attr(instance.Body, terminationAttr, cty.Bool)
	if v.IsAbsent() {
		var ok bool
		if v, ok = r.fromTemplate(runner, instance, templates); ok {
			return nil
		}
	}
	switch {
	case v.IsTrue():
		return nil
	case v.IsUnknown():
		return runner.Unverified(r, v, whatTerminationProtection)
	case undecided:
		return runner.Unverified(r, undecidedSegment(instance, p), whatTerminationProtection)
	}
	args := []any{lint.Address(instance), segment.Title(config.SegmentMyNumber)}
	if v.IsAbsent() {
		at, err := segmentFindingAt(runner, p, instance.DefRange, nil)
		if err != nil {
			return err
		}
		if at != instance.DefRange {
			return runner.Report(r, at, msgTerminationProtectionOff, args...)
		}
		return runner.ReportFix(r, at, func(f tflint.Fixer) error {
			syntax, src, err := runner.BlockSyntax(instance.DefRange, "resource")
			if err != nil {
				return err
			}
			return lint.AppendToBody(f, syntax, src, terminationAttr+" = true\n")
		}, msgTerminationProtectionOff, args...)
	}
	at, err := segmentFindingAt(runner, p, v.Range, v.Expr)
	if err != nil {
		return err
	}
	if at == v.Range {
		return runner.RequireTrue(r, v, instance.DefRange, lint.DefaultFails, whatTerminationProtection, msgTerminationProtectionOff, args...)
	}
	return runner.Report(r, at, msgTerminationProtectionOff, args...)
}

// fromTemplate reads what an instance that does not set the flag takes
// from its launch template: ok is true when the template is one of the
// module's and turns protection on; otherwise v is absent when the
// instance has no template or the module's template leaves the flag
// false, and unknown when the template is not in the module or its flag
// cannot be known.
func (r *AwsInstanceTerminationProtectionRule) fromTemplate(runner *lint.Runner, instance *hclext.Block, templates []*hclext.Block) (v lint.Value, ok bool) {
	absent := lint.Value{State: lint.Absent, Name: terminationAttr}
	for _, lt := range instance.Body.Blocks.OfType("launch_template") {
		for _, name := range []string{"id", "name"} {
			attr, set := lt.Body.Attributes[name]
			if !set {
				continue
			}
			label, inModule := refersTo(attr.Expr, "aws_launch_template")
			if !inModule {
				return lint.Value{State: lint.Unknown, Name: terminationAttr, Range: instance.DefRange, Why: whyTerminationTemplate}, false
			}
			for _, t := range templates {
				if t.Labels[1] != label {
					continue
				}
				tv := runner.Attr(t.Body, terminationAttr, cty.Bool)
				switch {
				case tv.IsTrue():
					return tv, true
				case tv.IsUnknown():
					return tv, false
				}
			}
			return absent, false
		}
	}
	return absent, false
}
