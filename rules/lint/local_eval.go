package lint

import (
	"fmt"
	"maps"
	"os"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/tryfunc"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"
)

// Each expression TFLint evaluates costs two round trips and a parse of the
// whole file the expression is in. Most expressions rules evaluate refer only
// to input variables, local values and resources (whose attributes TFLint
// does not know), and call functions that TFLint takes as they are from
// cty's standard library. The runner asks TFLint for the value of each
// variable and local value once per module and evaluates such expressions
// itself, the way TFLint does; anything else goes to TFLint.

// localFunctions are the functions TFLint (terraform/lang) takes unchanged
// from cty's standard library and HCL, which the plugin links at the same
// versions, cidrsubnet (cidr.go), and the type conversions modules build
// their for_each with (toset(var.names)): cty's give the values of
// Terraform's own, which differ in their error messages and in taking
// unknown and marked arguments themselves (a failed conversion goes to
// TFLint). Each is also callable as core::name.
var localFunctions = func() map[string]function.Function {
	funcs := map[string]function.Function{
		"abs":             stdlib.AbsoluteFunc,
		"can":             tryfunc.CanFunc,
		"ceil":            stdlib.CeilFunc,
		"chomp":           stdlib.ChompFunc,
		"chunklist":       stdlib.ChunklistFunc,
		"cidrsubnet":      cidrSubnet,
		"coalescelist":    stdlib.CoalesceListFunc,
		"compact":         stdlib.CompactFunc,
		"concat":          stdlib.ConcatFunc,
		"contains":        stdlib.ContainsFunc,
		"csvdecode":       stdlib.CSVDecodeFunc,
		"distinct":        stdlib.DistinctFunc,
		"element":         stdlib.ElementFunc,
		"flatten":         stdlib.FlattenFunc,
		"floor":           stdlib.FloorFunc,
		"format":          stdlib.FormatFunc,
		"formatdate":      stdlib.FormatDateFunc,
		"formatlist":      stdlib.FormatListFunc,
		"indent":          stdlib.IndentFunc,
		"join":            stdlib.JoinFunc,
		"jsondecode":      stdlib.JSONDecodeFunc,
		"jsonencode":      stdlib.JSONEncodeFunc,
		"keys":            stdlib.KeysFunc,
		"log":             stdlib.LogFunc,
		"lower":           stdlib.LowerFunc,
		"max":             stdlib.MaxFunc,
		"merge":           stdlib.MergeFunc,
		"min":             stdlib.MinFunc,
		"parseint":        stdlib.ParseIntFunc,
		"pow":             stdlib.PowFunc,
		"range":           stdlib.RangeFunc,
		"regex":           stdlib.RegexFunc,
		"regexall":        stdlib.RegexAllFunc,
		"reverse":         stdlib.ReverseListFunc,
		"setintersection": stdlib.SetIntersectionFunc,
		"setproduct":      stdlib.SetProductFunc,
		"setsubtract":     stdlib.SetSubtractFunc,
		"setunion":        stdlib.SetUnionFunc,
		"signum":          stdlib.SignumFunc,
		"slice":           stdlib.SliceFunc,
		"sort":            stdlib.SortFunc,
		"split":           stdlib.SplitFunc,
		"strrev":          stdlib.ReverseFunc,
		"substr":          stdlib.SubstrFunc,
		"timeadd":         stdlib.TimeAddFunc,
		"title":           stdlib.TitleFunc,
		"tobool":          stdlib.MakeToFunc(cty.Bool),
		"tolist":          stdlib.MakeToFunc(cty.List(cty.DynamicPseudoType)),
		"tomap":           stdlib.MakeToFunc(cty.Map(cty.DynamicPseudoType)),
		"tonumber":        stdlib.MakeToFunc(cty.Number),
		"toset":           stdlib.MakeToFunc(cty.Set(cty.DynamicPseudoType)),
		"tostring":        stdlib.MakeToFunc(cty.String),
		"trim":            stdlib.TrimFunc,
		"trimprefix":      stdlib.TrimPrefixFunc,
		"trimspace":       stdlib.TrimSpaceFunc,
		"trimsuffix":      stdlib.TrimSuffixFunc,
		"try":             tryfunc.TryFunc,
		"upper":           stdlib.UpperFunc,
		"values":          stdlib.ValuesFunc,
		"zipmap":          stdlib.ZipmapFunc,
	}
	all := maps.Clone(funcs)
	for name, fn := range funcs {
		all["core::"+name] = fn
	}
	return all
}()

// Functions returns the functions the runner evaluates itself as TFLint
// does, by name and by core:: name: a copy the caller may add to.
func Functions() map[string]function.Function {
	return maps.Clone(localFunctions)
}

// unknownRoots are the reference roots whose every value TFLint takes as
// unknown: data sources and module outputs. The other roots a local
// evaluation accepts are var, local and managed resource types.
var unknownRoots = map[string]bool{"data": true, "module": true}

// fallbackRoots are the roots a local evaluation leaves to TFLint.
var fallbackRoots = map[string]bool{
	"count": true, "each": true, "path": true, "terraform": true, "self": true,
	"resource": true, "ephemeral": true,
}

// refKey names a variable or local value of a module context.
type refKey struct {
	ctx        tflint.ModuleCtxType
	root, name string
}

// evalLocally evaluates an expression as TFLint would, without asking TFLint
// for more than the values of the variables and local values it refers to.
// It reports false when the expression needs TFLint: a function or a
// reference TFLint resolves in its own way, or a value TFLint refused.
func (r *Runner) evalLocally(expr hcl.Expression, ctx tflint.ModuleCtxType) (cty.Value, bool) {
	sx, ok := expr.(hclsyntax.Expression)
	if !ok {
		return cty.NilVal, false
	}
	local := true
	hclsyntax.VisitAll(sx, func(node hclsyntax.Node) hcl.Diagnostics {
		if call, ok := node.(*hclsyntax.FunctionCallExpr); ok {
			if _, known := localFunctions[call.Name]; !known {
				local = false
			}
		}
		return nil
	})
	if !local {
		return cty.NilVal, false
	}
	vars := map[string]map[string]cty.Value{"var": {}, "local": {}}
	evalCtx := &hcl.EvalContext{Variables: map[string]cty.Value{}, Functions: localFunctions}
	for _, t := range sx.Variables() {
		root := t.RootName()
		switch {
		case fallbackRoots[root]:
			return cty.NilVal, false
		case root == "var" || root == "local":
			if len(t) < 2 {
				return cty.NilVal, false
			}
			step, ok := t[1].(hcl.TraverseAttr)
			if !ok {
				return cty.NilVal, false
			}
			val, ok := r.refValue(refKey{ctx, root, step.Name}, hcl.RangeBetween(t[0].SourceRange(), t[1].SourceRange()), t[:2])
			if !ok {
				return cty.NilVal, false
			}
			vars[root][step.Name] = val
		case unknownRoots[root]:
			evalCtx.Variables[root] = cty.DynamicVal
		default:
			// A managed resource: TFLint knows none of its attributes.
			if len(t) < 2 {
				return cty.NilVal, false
			}
			if _, ok := t[1].(hcl.TraverseAttr); !ok {
				return cty.NilVal, false
			}
			evalCtx.Variables[root] = cty.DynamicVal
		}
	}
	evalCtx.Variables["var"] = cty.ObjectVal(vars["var"])
	evalCtx.Variables["local"] = cty.ObjectVal(vars["local"])
	val, diags := evalSafely(sx, evalCtx)
	if diags.HasErrors() {
		// TFLint returns its own diagnostics for it.
		return cty.NilVal, false
	}
	return val, true
}

// evalSafely evaluates an expression, turning a panic of a function into a
// failure.
func evalSafely(expr hclsyntax.Expression, ctx *hcl.EvalContext) (val cty.Value, diags hcl.Diagnostics) {
	defer func() {
		if p := recover(); p != nil {
			val, diags = cty.NilVal, hcl.Diagnostics{{Severity: hcl.DiagError, Summary: fmt.Sprint(p)}}
		}
	}()
	return expr.Value(ctx)
}

// refValue returns the value of a variable or local value: for a variable
// of a module called by the root module, computed from the call, and for a
// local value, from its definition (inputs.go); else asked of TFLint,
// through a reference to it in the configuration, once per module (once per
// pass for the root module read from a called module's check).
func (r *Runner) refValue(key refKey, rng hcl.Range, traversal hcl.Traversal) (cty.Value, bool) {
	if ref := r.sharedRef(key); ref != nil {
		// The module checks run together and ask for the same values of
		// the root module: the first asks TFLint (which costs a parse of
		// the file), the others wait for its answer.
		ref.once.Do(func() { ref.val, ref.err = r.askRef(key, rng, traversal) })
		return ref.val, ref.err == nil
	}
	r.mu.Lock()
	keep := r.fixedBy == ""
	if cached, ok := r.refs[key]; ok && keep {
		r.mu.Unlock()
		return cached.val, cached.err == nil
	}
	if key.root == "var" && key.ctx == tflint.SelfModuleCtxType && keep {
		if val, ok := r.inputValue(key.name); ok {
			r.refs[key] = evalResult{val, nil}
			r.mu.Unlock()
			return val, true
		}
	}
	r.mu.Unlock()
	var val cty.Value
	var err error
	computed := false
	if key.root == "local" && key.ctx == tflint.SelfModuleCtxType && keep {
		val, computed = r.localValue(key.name)
	}
	if !computed {
		val, err = r.askRef(key, rng, traversal)
	}
	if keep {
		r.mu.Lock()
		r.refs[key] = evalResult{val, err}
		r.mu.Unlock()
	}
	return val, err == nil
}

// askRef asks TFLint for the value of a variable or local value.
func (r *Runner) askRef(key refKey, rng hcl.Range, traversal hcl.Traversal) (cty.Value, error) {
	ref := &hclsyntax.ScopeTraversalExpr{Traversal: traversal, SrcRange: rng}
	var val cty.Value
	err := r.Runner.EvaluateExpr(ref, &val, &tflint.EvaluateExprOption{WantType: &cty.DynamicPseudoType, ModuleCtx: key.ctx})
	return val, err
}

// sharedRef returns where the pass keeps a value of the root module read
// from a called module's check, or nil for the runner's own values.
func (r *Runner) sharedRef(key refKey) *sharedRef {
	if key.ctx != tflint.RootModuleCtxType {
		return nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if path, err := r.modulePathLocked(); err != nil || path == "" || r.fixedBy != "" {
		return nil
	}
	r.shared.mu.Lock()
	defer r.shared.mu.Unlock()
	if r.shared.refs == nil {
		r.shared.refs = map[refKey]*sharedRef{}
	}
	ref := r.shared.refs[key]
	if ref == nil {
		ref = &sharedRef{}
		r.shared.refs[key] = ref
	}
	return ref
}

// sharedRef is a value of the root module, asked of TFLint once per pass.
type sharedRef struct {
	once sync.Once
	val  cty.Value
	err  error
}

// compareEvaluation, when LGCLOUD_EVAL_COMPARE names a file, makes every
// local evaluation also ask TFLint and append both results to the file:
// the integration test checks with it that the two paths agree.
var compareEvaluation = struct {
	once sync.Once
	mu   sync.Mutex
	file *os.File
}{}

func (r *Runner) compareWithTFLint(expr hcl.Expression, ctx tflint.ModuleCtxType, local cty.Value) {
	compareEvaluation.once.Do(func() {
		if path := os.Getenv("LGCLOUD_EVAL_COMPARE"); path != "" {
			compareEvaluation.file, _ = os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
		}
	})
	if compareEvaluation.file == nil {
		return
	}
	var remote cty.Value
	err := r.Runner.EvaluateExpr(expr, &remote, &tflint.EvaluateExprOption{WantType: &cty.DynamicPseudoType, ModuleCtx: ctx})
	line := "same"
	switch {
	case err != nil:
		line = fmt.Sprintf("DIFFERENT: TFLint failed: %s", err)
	case !sameValue(local, remote):
		line = fmt.Sprintf("DIFFERENT: local %#v, TFLint %#v", local, remote)
	}
	compareEvaluation.mu.Lock()
	defer compareEvaluation.mu.Unlock()
	fmt.Fprintf(compareEvaluation.file, "%s %s\n", expr.Range(), line)
}

// sameValue reports whether two values are the same to a rule: equal,
// marks included, where both are known, and unknown in the same places
// with the same types. Refinements of unknown values, which TFLint's
// answer may not carry, do not count.
func sameValue(a, b cty.Value) bool {
	plain := func(v cty.Value) cty.Value {
		out, _ := cty.Transform(v, func(_ cty.Path, v cty.Value) (cty.Value, error) {
			if !v.IsKnown() {
				unmarked, marks := v.Unmark()
				return cty.UnknownVal(unmarked.Type()).WithMarks(marks), nil
			}
			return v, nil
		})
		return out
	}
	return plain(a).RawEquals(plain(b))
}
