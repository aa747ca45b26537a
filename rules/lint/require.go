package lint

import (
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
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

// RequireEachTrue applies RequireTrue to the boolean attribute attr of
// every resource of resourceType, with the resource's address as the
// message's argument. absent says, for each resource, what an absent
// attribute means, or that the resource is not subject to the rule
// (applies false).
func (r *Runner) RequireEachTrue(rule Rule, resourceType, attr string, absent func(resource *hclext.Block) (def Default, applies bool), what, msg project.Text) error {
	resources, err := r.Resources(rule, resourceType)
	if err != nil {
		return err
	}
	for _, resource := range resources {
		def, applies := absent(resource)
		if !applies {
			continue
		}
		v := r.Attr(resource.Body, attr, cty.Bool)
		if err := r.RequireTrue(rule, v, resource.DefRange, def, what, msg, Address(resource)); err != nil {
			return err
		}
	}
	return nil
}

// Address names a resource block the way Terraform does: type.name.
func Address(resource *hclext.Block) string {
	return strings.Join(resource.Labels, ".")
}

// RequireTrue reports a boolean setting that must be true: a known false
// (with an autofix to true where it is written as a literal), an absent one
// whose default fails (at the enclosing block, `at`), and in strict mode one
// that cannot be known. what names the setting in the strict-mode notice.
func (r *Runner) RequireTrue(rule Rule, v Value, at hcl.Range, absent Default, what project.Text, msg project.Text, args ...any) error {
	return r.RequireBool(rule, v, true, at, absent, what, msg, args...)
}

// RequireBool is RequireTrue for a setting that must equal want: a known
// opposite is reported (and fixed to want where it is a literal).
func (r *Runner) RequireBool(rule Rule, v Value, want bool, at hcl.Range, absent Default, what project.Text, msg project.Text, args ...any) error {
	opposite := v.IsFalse()
	if !want {
		opposite = v.IsTrue()
	}
	switch {
	case opposite && v.IsLiteral():
		return r.ReportFix(rule, v.Range, func(f tflint.Fixer) error {
			return f.ReplaceText(v.Range, BoolLike(v.Expr, want))
		}, msg, args...)
	case opposite:
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

// BoolLike writes a boolean the way the literal it replaces was written:
// the provider schema types some flags as strings ("true").
func BoolLike(expr hcl.Expression, b bool) string {
	s := strconv.FormatBool(b)
	if _, ok := expr.(*hclsyntax.TemplateExpr); ok {
		return strconv.Quote(s)
	}
	return s
}
