package aws

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// The account baseline is the set of account-level resources (the S3
// account Block Public Access, the configuration recorder, the threat
// detector, the security contact …) that one root module declares for the
// whole account. The rules of the govcloud preset that require one of them
// share one convention for reporting that it is missing, in
// reportBaselineGap:
//
//   - only the root module is reported: a called module is not expected to
//     hold the account baseline;
//   - a root module without a provider "aws" block is not reported: the
//     block is the sign that the module configures an AWS account;
//   - the finding is emitted once, at the first provider "aws" block (by
//     file name, then position), or where the rule says;
//   - when a declaration of the resource has a count or for_each unknown at
//     lint time, or the root module calls modules (one of which may declare
//     it, out of the plugin's sight), the rule cannot know that it is
//     missing: strict mode names this as a NOTICE, and nothing else is said.

// baselineGap is something the account baseline lacks.
type baselineGap struct {
	// Types are the resource types a declaration of which could fill the
	// gap.
	Types []string
	// Name names the missing resource in the strict-mode notice; Types[0]
	// when empty.
	Name string
	// What names what could not be verified, in the strict-mode notice.
	What project.Text
	// At is where the gap is reported when it lies in a resource that is
	// declared (a setting that leaves it incomplete); the zero range reports
	// it at the first provider "aws" block.
	At hcl.Range
	// Msg and Args are the finding.
	Msg  project.Text
	Args []any
}

var whyInModules = project.Text{
	JA: "このルートモジュールにはなく、呼び出しているモジュールが宣言しているかは確認できません",
	EN: "it is not in this root module, and whether a module it calls declares it cannot be seen",
}

// reportBaselineGap reports, following the convention above, that the
// account baseline lacks what gap describes. The caller has found that the
// module's resources do not fill the gap.
func reportBaselineGap(runner *lint.Runner, rule lint.Rule, gap baselineGap) error {
	root, err := readBaselineRoot(runner)
	if err != nil || !root.root {
		return err
	}
	at := gap.At
	if at == (hcl.Range{}) {
		if root.provider == nil {
			return nil
		}
		at = root.provider.DefRange
	}
	for _, ty := range gap.Types {
		unknown, err := declaredUnknown(runner, ty)
		if err != nil {
			return err
		}
		if unknown.IsUnknown() {
			return runner.Unverified(rule, unknown, gap.What)
		}
	}
	if root.modules {
		name := gap.Name
		if name == "" && len(gap.Types) > 0 {
			name = gap.Types[0]
		}
		missing := lint.Value{State: lint.Unknown, Name: name, Range: at, Why: whyInModules}
		return runner.Unverified(rule, missing, gap.What)
	}
	return runner.Report(rule, at, gap.Msg, gap.Args...)
}

// isBaselineRoot reports whether the module being checked is the root
// module, the only one whose account baseline is checked.
func isBaselineRoot(runner *lint.Runner) (bool, error) {
	root, err := readBaselineRoot(runner)
	return root.root, err
}

// baselineRoot is what the convention needs to know of the module.
type baselineRoot struct {
	root bool
	// provider is the first provider "aws" block; nil when there is none.
	provider *hclext.Block
	// modules is true when the module calls modules.
	modules bool
}

type baselineRootKey struct{}

// readBaselineRoot reads, once per module, whether the module is the root
// module, its first provider "aws" block and whether it calls modules.
func readBaselineRoot(runner *lint.Runner) (baselineRoot, error) {
	v, err := runner.Memo(baselineRootKey{}, func() (any, error) {
		var out baselineRoot
		root, err := runner.IsRoot()
		if err != nil || !root {
			return out, err
		}
		out.root = true
		providers, err := runner.GetProviderContent("aws", &hclext.BodySchema{}, nil)
		if err != nil {
			return nil, err
		}
		out.provider = firstProvider(providers.Blocks)
		modules, err := runner.GetModuleContent(&hclext.BodySchema{Blocks: []hclext.BlockSchema{{Type: "module", LabelNames: []string{"name"}}}}, nil)
		if err != nil {
			return nil, err
		}
		out.modules = len(modules.Blocks) > 0
		return out, nil
	})
	if err != nil {
		return baselineRoot{}, err
	}
	return v.(baselineRoot), nil
}

type declaredUnknownKey struct{ resourceType string }

// declaredUnknown looks at the declarations of a resource type as written,
// before count and for_each are expanded (TFLint leaves out an instance
// whose count or for_each cannot be known), and returns the first count or
// for_each that cannot be known at lint time: such a declaration may create
// the resource. It returns an absent value when there is none; a known zero
// count or empty for_each creates nothing.
func declaredUnknown(runner *lint.Runner, resourceType string) (lint.Value, error) {
	v, err := runner.Memo(declaredUnknownKey{resourceType}, func() (any, error) {
		declared, err := runner.GetResourceContent(resourceType, &hclext.BodySchema{
			Attributes: []hclext.AttributeSchema{{Name: "count"}, {Name: "for_each"}},
		}, &tflint.GetModuleContentOption{ExpandMode: tflint.ExpandModeNone})
		if err != nil {
			return nil, err
		}
		for _, block := range sortedBlocks(declared.Blocks) {
			for _, meta := range []string{"count", "for_each"} {
				if v := runner.Attr(block.Body, meta, cty.DynamicPseudoType); v.IsUnknown() {
					return v, nil
				}
			}
		}
		return lint.Value{State: lint.Absent}, nil
	})
	if err != nil {
		return lint.Value{}, err
	}
	return v.(lint.Value), nil
}

// firstProvider returns the provider block written first: by file name,
// then by position in the file.
func firstProvider(blocks hclext.Blocks) *hclext.Block {
	var first *hclext.Block
	for _, b := range blocks {
		if first == nil || writtenBefore(b.DefRange, first.DefRange) {
			first = b
		}
	}
	return first
}

// sortedBlocks returns the blocks in the order they are written: by file
// name, then by position, so that what a rule reports does not depend on
// the order TFLint reads the files in.
func sortedBlocks(blocks []*hclext.Block) []*hclext.Block {
	out := make([]*hclext.Block, len(blocks))
	copy(out, blocks)
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && writtenBefore(out[j].DefRange, out[j-1].DefRange); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

func writtenBefore(a, b hcl.Range) bool {
	if a.Filename != b.Filename {
		return a.Filename < b.Filename
	}
	return a.Start.Byte < b.Start.Byte
}

// verdict is a three-valued answer to a question about the baseline: it
// holds, it fails, or it cannot be decided at lint time, in which case
// Unknown names the value that could not be known.
type verdict struct {
	decided bool
	holds   bool
	// Unknown is set when the verdict is undecided.
	Unknown lint.Value
}

var (
	verdictHolds = verdict{decided: true, holds: true}
	verdictFails = verdict{decided: true}
)

// undecided is the verdict on a value that cannot be known at lint time.
func undecided(v lint.Value) verdict { return verdict{Unknown: v} }

// verdictOf is verdictHolds or verdictFails.
func verdictOf(b bool) verdict {
	if b {
		return verdictHolds
	}
	return verdictFails
}

// Holds reports whether the verdict is decided and holds.
func (v verdict) Holds() bool { return v.decided && v.holds }

// Fails reports whether the verdict is decided and fails.
func (v verdict) Fails() bool { return v.decided && !v.holds }

// And is the verdict of both: a failure decides it, then an undecided one.
func (v verdict) And(o verdict) verdict {
	switch {
	case v.Fails():
		return v
	case o.Fails():
		return o
	case !v.decided:
		return v
	}
	return o
}

// Or is the verdict of either: a holding one decides it, then an undecided
// one.
func (v verdict) Or(o verdict) verdict {
	switch {
	case v.Holds():
		return v
	case o.Holds():
		return o
	case !v.decided:
		return v
	}
	return o
}

// refersTo returns the name of the resource of type resourceType an
// expression refers to (aws_sns_topic.alerts.arn → "alerts"), when it
// refers to exactly one thing and that thing is such a resource.
func refersTo(expr hcl.Expression, resourceType string) (string, bool) {
	if expr == nil {
		return "", false
	}
	traversals := expr.Variables()
	if len(traversals) != 1 || traversals[0].RootName() != resourceType || len(traversals[0]) < 2 {
		return "", false
	}
	step, ok := traversals[0][1].(hcl.TraverseAttr)
	if !ok {
		return "", false
	}
	return step.Name, true
}
