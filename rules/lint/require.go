package lint

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// Default says what an absent attribute means for a requirement.
type Default int

const (
	// DefaultFails means the provider's default breaks the requirement.
	DefaultFails Default = iota
	// DefaultPasses means the provider's default meets the requirement.
	DefaultPasses
	// DefaultUnknown means whether the default meets the requirement cannot
	// be known at lint time.
	DefaultUnknown
)

// RequireTrue reports a boolean setting that must be true: a known false
// (with an autofix to true where it is written as a literal), an absent one
// whose default fails (at the enclosing block, `at`), and in strict mode one
// that cannot be known. what names the setting in the strict-mode notice.
func (r *Runner) RequireTrue(rule Rule, v Value, at hcl.Range, absent Default, what project.Text, msg project.Text, args ...any) error {
	switch {
	case v.IsFalse() && v.IsLiteral():
		return r.ReportFix(rule, v.Range, func(f tflint.Fixer) error {
			return f.ReplaceText(v.Range, trueLike(v.Expr))
		}, msg, args...)
	case v.IsFalse():
		return r.Report(rule, v.Range, msg, args...)
	case v.IsAbsent() && absent == DefaultFails:
		return r.Report(rule, at, msg, args...)
	case v.IsAbsent() && absent == DefaultUnknown:
		return r.Unverified(rule, Value{State: Unknown, Name: v.Name, Range: at, Why: whyDefault}, what)
	}
	return r.Unverified(rule, v, what)
}

var whyDefault = project.Text{
	JA: "未設定で、既定値が lint 時に決まりません",
	EN: "not set, and its default is not known at lint time",
}

// trueLike writes true the way the literal it replaces was written: the
// provider schema types some flags as strings ("true").
func trueLike(expr hcl.Expression) string {
	if _, ok := expr.(*hclsyntax.TemplateExpr); ok {
		return `"true"`
	}
	return "true"
}
