package lint

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/logger"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// State says what is known of an attribute's value at lint time.
type State int

const (
	// Absent means the attribute is not written, or is null: the provider's
	// default applies.
	Absent State = iota
	// Known means the value is known, not null, not sensitive, and of the
	// wanted type.
	Known
	// Unknown means the value cannot be known at lint time. A rule never
	// reports on it; strict mode names it as a blind spot.
	Unknown
)

// Value is an evaluated attribute.
type Value struct {
	State State
	// Val is set when State is Known.
	Val cty.Value
	// Expr is the attribute's expression; nil when the attribute is absent.
	Expr hcl.Expression
	// Range is the expression's range; zero when absent (report at the
	// enclosing block).
	Range hcl.Range
	// Name is the attribute name.
	Name string
	// Why says why an Unknown value could not be known.
	Why project.Text
}

// Reasons a value cannot be known at lint time.
var (
	whyUnknown   = project.Text{JA: "lint 時に値が決まりません", EN: "the value is not known at lint time"}
	whySensitive = project.Text{JA: "値が sensitive または ephemeral です", EN: "the value is sensitive or ephemeral"}
	whyType      = project.Text{JA: "値の型が想定と異なります", EN: "the value is not of the expected type"}
	whyEval      = project.Text{JA: "式を評価できません", EN: "the expression cannot be evaluated"}
)

// IsAbsent reports whether the provider's default applies.
func (v Value) IsAbsent() bool { return v.State == Absent }

// IsUnknown reports whether the value cannot be known at lint time.
func (v Value) IsUnknown() bool { return v.State == Unknown }

// IsTrue reports whether the value is a known true.
func (v Value) IsTrue() bool { return v.State == Known && v.Val.Type() == cty.Bool && v.Val.True() }

// IsFalse reports whether the value is a known false.
func (v Value) IsFalse() bool { return v.State == Known && v.Val.Type() == cty.Bool && v.Val.False() }

// String returns a known string value, or "" and false.
func (v Value) String() (string, bool) {
	if v.State != Known || v.Val.Type() != cty.String {
		return "", false
	}
	return v.Val.AsString(), true
}

// IsLiteral reports whether the value is written as a literal in the code
// (true, 5, "x"), which an autofix may replace without changing what any
// other expression means.
func (v Value) IsLiteral() bool {
	expr := v.Expr
	if bound, ok := expr.(*hclext.BoundExpr); ok {
		// An attribute of an instance of a resource with count or
		// for_each: its value is bound, its source is the original.
		expr = bound.UnwrapExpression()
	}
	switch e := expr.(type) {
	case *hclsyntax.LiteralValueExpr:
		return true
	case *hclsyntax.TemplateExpr:
		return e.IsStringLiteral()
	}
	return false
}

// Attr evaluates the named attribute of a body read in the module being
// checked, converting it to ty (cty.DynamicPseudoType for no conversion).
func (r *Runner) Attr(body *hclext.BodyContent, name string, ty cty.Type) Value {
	return r.attr(body, name, ty, tflint.SelfModuleCtxType)
}

// RootAttr is Attr for a body read from the root module with RootResources.
func (r *Runner) RootAttr(body *hclext.BodyContent, name string, ty cty.Type) Value {
	return r.attr(body, name, ty, tflint.RootModuleCtxType)
}

func (r *Runner) attr(body *hclext.BodyContent, name string, ty cty.Type, ctx tflint.ModuleCtxType) Value {
	if body == nil {
		return Value{State: Absent, Name: name}
	}
	attr, ok := body.Attributes[name]
	if !ok {
		return Value{State: Absent, Name: name}
	}
	v := Value{Expr: attr.Expr, Range: attr.Expr.Range(), Name: name}
	val, err := r.evaluate(attr.Expr, ctx)
	if err != nil {
		logger.Debug("cannot evaluate " + attr.Expr.Range().String() + ": " + err.Error())
		v.State, v.Why = Unknown, whyEval
		return v
	}
	return classify(v, val, ty)
}

// classify sorts an evaluated value into the states a rule acts on.
func classify(v Value, val cty.Value, ty cty.Type) Value {
	switch {
	case val.ContainsMarked():
		v.State, v.Why = Unknown, whySensitive
	case !val.IsWhollyKnown():
		v.State, v.Why = Unknown, whyUnknown
	case val.IsNull():
		v.State = Absent
	default:
		converted, err := convert.Convert(val, ty)
		if err != nil || converted.IsNull() {
			v.State, v.Why = Unknown, whyType
			return v
		}
		v.State, v.Val = Known, converted
	}
	return v
}

// evaluate returns the value of an expression: locally when it is static
// (no references, no function calls), else through TFLint.
func (r *Runner) evaluate(expr hcl.Expression, ctx tflint.ModuleCtxType) (cty.Value, error) {
	if bound, ok := expr.(*hclext.BoundExpr); ok {
		// TFLint bound the value when it expanded count or for_each.
		return bound.Val, nil
	}
	if val, ok := StaticValue(expr); ok {
		return val, nil
	}
	if val, ok := r.evalLocally(expr, ctx); ok {
		r.compareWithTFLint(expr, ctx, val)
		return val, nil
	}
	// Rules read the same attributes: each expression is asked of TFLint
	// once per module. Expressions that differ between the instances of a
	// resource (count.index, each) come bound, above, so one range has one
	// value. Nothing is kept while a fix is pending.
	key := evalKey{expr.Range(), ctx}
	r.mu.Lock()
	cached, ok := r.evals[key]
	keep := r.fixedBy == ""
	r.mu.Unlock()
	if ok && keep {
		return cached.val, cached.err
	}
	var val cty.Value
	err := r.Runner.EvaluateExpr(expr, &val, &tflint.EvaluateExprOption{
		WantType:  &cty.DynamicPseudoType,
		ModuleCtx: ctx,
	})
	r.mu.Lock()
	if r.fixedBy == "" {
		r.evals[key] = evalResult{val, err}
	}
	r.mu.Unlock()
	return val, err
}

// evalKey names an expression evaluated in a module context.
type evalKey struct {
	rng hcl.Range
	ctx tflint.ModuleCtxType
}

// evalResult is what TFLint returned for an expression.
type evalResult struct {
	val cty.Value
	err error
}

// StaticValue evaluates an expression that refers to nothing and calls no
// function. Such an expression has the same value in TFLint and here, and
// evaluating it locally saves TFLint two round trips and a parse of the file.
func StaticValue(expr hcl.Expression) (val cty.Value, ok bool) {
	sx, isSyntax := expr.(hclsyntax.Expression)
	if !isSyntax {
		return cty.NilVal, false
	}
	static := true
	hclsyntax.VisitAll(sx, func(node hclsyntax.Node) hcl.Diagnostics {
		switch node.(type) {
		case *hclsyntax.FunctionCallExpr, *hclsyntax.ScopeTraversalExpr:
			static = false
		}
		return nil
	})
	if !static {
		return cty.NilVal, false
	}
	defer func() {
		if recover() != nil {
			val, ok = cty.NilVal, false
		}
	}()
	val, diags := sx.Value(&hcl.EvalContext{})
	if diags.HasErrors() {
		return cty.NilVal, false
	}
	return val, true
}

// Raw evaluates an expression of the module being checked and returns the
// value as it is, unknown parts and marks included, for readers that walk
// structured values (policy documents) and treat each part on its own.
func (r *Runner) Raw(expr hcl.Expression) (cty.Value, error) {
	return r.evaluate(expr, tflint.SelfModuleCtxType)
}

// RefType returns the resource type an expression refers to when it is a
// reference to one resource or data source ("aws_iam_user" for
// aws_iam_user.alice.arn, "data.aws_iam_policy_document" for
// data.aws_iam_policy_document.x.json), or "" for anything else.
func RefType(expr hcl.Expression) string {
	traversals := expr.Variables()
	if len(traversals) != 1 {
		return ""
	}
	t := traversals[0]
	switch root := t.RootName(); root {
	case "var", "local", "module", "each", "count", "path", "terraform", "self":
		return ""
	case "data":
		if len(t) > 1 {
			if step, ok := t[1].(hcl.TraverseAttr); ok {
				return DataPrefix + step.Name
			}
		}
		return ""
	default:
		return root
	}
}
