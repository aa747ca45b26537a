package ledger

import (
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/terraform-linters/tflint-plugin-sdk/terraform/lang/marks"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// instance is one instance of a module: the root module, or one instance
// of a module call (count and for_each make several).
type instance struct {
	mod *module
	// path are the names of the module calls that lead to the instance,
	// and keys their instance keys ("", "[0]", `["a"]`).
	path, keys []string
	// ctx evaluates the module's expressions: its variables, locals,
	// path and terraform values, and Terraform's functions.
	ctx *hcl.EvalContext
	// countUnknown is set when a call leading to the instance has a count
	// or for_each that cannot be known: the instance stands for them all.
	countUnknown *unknownExpansion
}

// unknownExpansion names the count or for_each whose value cannot be
// known.
type unknownExpansion struct {
	Name  string
	Range hcl.Range
}

// address is the instance's module address: module.a[0].module.b.
func (in *instance) address() string {
	var parts []string
	for i, name := range in.path {
		parts = append(parts, "module."+name+in.keys[i])
	}
	return strings.Join(parts, ".")
}

// instantiate makes an instance of mod with the given input values and
// evaluates its locals.
func (c *configuration) instantiate(mod *module, parent *instance, path []string, key string, keys []string, inputs map[string]cty.Value) *instance {
	in := &instance{mod: mod, path: path, keys: append(slices.Clone(keys), key)}
	if parent == nil {
		in.keys = nil
	} else {
		in.countUnknown = parent.countUnknown
	}
	vars := map[string]cty.Value{}
	for name, v := range mod.variables {
		vars[name] = v.value(inputs)
	}
	workspace := os.Getenv("TF_WORKSPACE")
	if workspace == "" {
		workspace = "default"
	}
	modulePath := "."
	if mod.dir != "." {
		modulePath = mod.dir
	}
	values := map[string]cty.Value{
		"var":       cty.ObjectVal(vars),
		"path":      cty.ObjectVal(map[string]cty.Value{"module": cty.StringVal(modulePath), "root": cty.StringVal("."), "cwd": cty.StringVal(filepath.ToSlash(c.root))}),
		"terraform": cty.ObjectVal(map[string]cty.Value{"workspace": cty.StringVal(workspace)}),
		// Outside an expanded block, count.index and each are unknown.
		"count": cty.ObjectVal(map[string]cty.Value{"index": cty.UnknownVal(cty.Number)}),
		"each":  cty.DynamicVal,
		// Resources, data sources, module outputs and the like are not
		// known before apply.
		"data":      cty.DynamicVal,
		"module":    cty.DynamicVal,
		"self":      cty.DynamicVal,
		"ephemeral": cty.DynamicVal,
	}
	for _, ty := range mod.resourceTypes {
		if _, taken := values[ty]; !taken {
			values[ty] = cty.DynamicVal
		}
	}
	in.ctx = &hcl.EvalContext{Variables: values, Functions: c.funcs}
	values["local"] = in.locals()
	c.instances = append(c.instances, in)
	return in
}

// value returns a variable's value from the given inputs: the input, else
// the default, else unknown; with the type constraint's defaults applied,
// converted to its type, and marked when sensitive or ephemeral.
func (v *variable) value(inputs map[string]cty.Value) cty.Value {
	val, set := inputs[v.name]
	switch {
	case v.defaultErr && !set:
		val = cty.UnknownVal(v.ty)
	case !set && v.def == cty.NilVal:
		val = cty.UnknownVal(v.ty)
	case !set:
		val = v.def
	case val.IsNull() && v.nonNull && v.def != cty.NilVal:
		val = v.def
	}
	if v.defaults != nil && !val.IsNull() && val.IsWhollyKnown() {
		val = applyDefaults(v, val)
	}
	converted, err := convert.Convert(val, v.ty)
	if err != nil {
		converted = cty.UnknownVal(v.ty)
	}
	if v.sensitive {
		converted = converted.Mark(marks.Sensitive)
	}
	if v.ephemeral {
		converted = converted.Mark(marks.Ephemeral)
	}
	return converted
}

// applyDefaults applies the defaults of optional attributes, which panics
// on values it does not expect: such a value is left as it is.
func applyDefaults(v *variable, val cty.Value) (out cty.Value) {
	defer func() {
		if recover() != nil {
			out = val
		}
	}()
	return v.defaults.Apply(val)
}

// locals evaluates the instance's locals in the order they depend on each
// other. A local that cannot be evaluated, or that depends on itself, is
// unknown.
func (in *instance) locals() cty.Value {
	done := map[string]cty.Value{}
	visiting := map[string]bool{}
	var resolve func(name string)
	resolve = func(name string) {
		if _, ok := done[name]; ok || visiting[name] {
			return
		}
		expr := in.mod.locals[name]
		visiting[name] = true
		for _, t := range expr.Variables() {
			if t.RootName() != "local" || len(t) < 2 {
				continue
			}
			if step, ok := t[1].(hcl.TraverseAttr); ok {
				if _, declared := in.mod.locals[step.Name]; declared {
					resolve(step.Name)
				}
			}
		}
		child := in.ctx.NewChild()
		child.Variables = map[string]cty.Value{"local": cty.ObjectVal(done)}
		val, diags := evaluate(expr, child)
		if diags.HasErrors() {
			val = cty.DynamicVal
		}
		done[name] = val
		delete(visiting, name)
	}
	names := make([]string, 0, len(in.mod.locals))
	for name := range in.mod.locals {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		resolve(name)
	}
	return cty.ObjectVal(done)
}

// evaluate evaluates an expression, turning a panic of an extension into
// an error.
func evaluate(expr hcl.Expression, ctx *hcl.EvalContext) (val cty.Value, diags hcl.Diagnostics) {
	defer func() {
		if r := recover(); r != nil {
			val, diags = cty.DynamicVal, hcl.Diagnostics{{
				Severity: hcl.DiagError,
				Summary:  "Cannot evaluate the expression",
				Detail:   fmt.Sprint(r),
				Subject:  expr.Range().Ptr(),
			}}
		}
	}()
	return expr.Value(ctx)
}

// expansion is one instance of a block with count or for_each.
type expansion struct {
	// key is the instance key ("" without count or for_each).
	key string
	// ctx evaluates the instance's expressions: count.index, each.key and
	// each.value set.
	ctx *hcl.EvalContext
	// bind is set when expressions that use count or each must be bound to
	// ctx.
	bind bool
	// unknown names the count or for_each that cannot be known: the one
	// expansion then stands for every instance, with count.index and each
	// unknown.
	unknown *unknownExpansion
}

// expand returns the instances that the count or for_each of a block
// makes: none for a count of 0 or an empty for_each, one that stands for
// all when the value cannot be known.
func expand(count, forEach hcl.Expression, ctx *hcl.EvalContext) []expansion {
	switch {
	case count != nil:
		val, diags := evaluate(count, ctx)
		n, ok := countOf(val, diags)
		if !ok {
			return []expansion{{key: "[?]", ctx: ctx, unknown: &unknownExpansion{Name: "count", Range: count.Range()}}}
		}
		out := make([]expansion, 0, n)
		for i := range n {
			child := ctx.NewChild()
			child.Variables = map[string]cty.Value{"count": cty.ObjectVal(map[string]cty.Value{"index": cty.NumberIntVal(int64(i))})}
			out = append(out, expansion{key: "[" + strconv.Itoa(i) + "]", ctx: child, bind: true})
		}
		return out
	case forEach != nil:
		val, diags := evaluate(forEach, ctx)
		items, ok := eachOf(val, diags)
		if !ok {
			return []expansion{{key: "[?]", ctx: ctx, unknown: &unknownExpansion{Name: "for_each", Range: forEach.Range()}}}
		}
		out := make([]expansion, 0, len(items))
		for _, item := range items {
			child := ctx.NewChild()
			child.Variables = map[string]cty.Value{"each": cty.ObjectVal(map[string]cty.Value{"key": cty.StringVal(item.key), "value": item.value})}
			out = append(out, expansion{key: "[" + strconv.Quote(item.key) + "]", ctx: child, bind: true})
		}
		return out
	}
	return []expansion{{ctx: ctx}}
}

// countOf reads a count: a known, whole, non-negative number.
func countOf(val cty.Value, diags hcl.Diagnostics) (int, bool) {
	if diags.HasErrors() || val.IsMarked() || !val.IsKnown() || val.IsNull() {
		return 0, false
	}
	num, err := convert.Convert(val, cty.Number)
	if err != nil || num.IsNull() {
		return 0, false
	}
	f := num.AsBigFloat()
	if !f.IsInt() || f.Sign() < 0 || f.Cmp(big.NewFloat(1<<20)) > 0 {
		return 0, false
	}
	n, _ := f.Int64()
	return int(n), true
}

type eachItem struct {
	key   string
	value cty.Value
}

// eachOf reads a for_each: a known map, object or set of strings.
func eachOf(val cty.Value, diags hcl.Diagnostics) ([]eachItem, bool) {
	if diags.HasErrors() || val.IsMarked() || !val.IsKnown() || val.IsNull() {
		return nil, false
	}
	ty := val.Type()
	var items []eachItem
	switch {
	case ty.IsMapType() || ty.IsObjectType():
		for it := val.ElementIterator(); it.Next(); {
			k, v := it.Element()
			items = append(items, eachItem{key: k.AsString(), value: v})
		}
	case ty.IsSetType():
		if !val.IsWhollyKnown() {
			return nil, false
		}
		for it := val.ElementIterator(); it.Next(); {
			_, v := it.Element()
			s, err := convert.Convert(v, cty.String)
			if err != nil || s.IsNull() || s.IsMarked() {
				return nil, false
			}
			items = append(items, eachItem{key: s.AsString(), value: s})
		}
	default:
		return nil, false
	}
	return items, true
}

// expandCalls makes the instances of the module calls of in, and of their
// calls in turn. chain holds the directories of the calling modules.
func (c *configuration) expandCalls(in *instance, chain []string) error {
	for _, call := range in.mod.calls {
		if call.child == nil || slices.Contains(chain, call.child.abs) {
			continue
		}
		for _, exp := range expand(call.count, call.forEach, in.ctx) {
			inputs := map[string]cty.Value{}
			for name, attr := range call.args {
				val, diags := evaluate(attr.Expr, exp.ctx)
				if diags.HasErrors() {
					val = cty.DynamicVal
				}
				inputs[name] = val
			}
			path := append(slices.Clone(in.path), call.name)
			child := c.instantiate(call.child, in, path, exp.key, in.keys, inputs)
			if exp.unknown != nil {
				child.countUnknown = exp.unknown
			}
			if err := c.expandCalls(child, append(slices.Clone(chain), call.child.abs)); err != nil {
				return err
			}
		}
	}
	return nil
}

// boundExpr is an expression of one instance of an expanded block: it
// evaluates in the instance's context, where count.index and each are set,
// whatever context it is given.
type boundExpr struct {
	hcl.Expression
	ctx *hcl.EvalContext
}

// Value evaluates the expression in the instance's context.
func (e *boundExpr) Value(*hcl.EvalContext) (cty.Value, hcl.Diagnostics) {
	return evaluate(e.Expression, e.ctx)
}

// UnwrapExpression returns the expression as written.
func (e *boundExpr) UnwrapExpression() hcl.Expression { return e.Expression }

// usesInstance reports whether an expression refers to count or each.
func usesInstance(expr hcl.Expression) bool {
	for _, t := range expr.Variables() {
		if name := t.RootName(); name == "count" || name == "each" {
			return true
		}
	}
	return false
}
