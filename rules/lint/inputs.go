package lint

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/typeexpr"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/terraform/addrs"
	"github.com/terraform-linters/tflint-plugin-sdk/terraform/lang/marks"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// A module called by the root module gets its variables from the call's
// arguments, which TFLint evaluates in the root module, and from the
// variables' defaults. Asking TFLint for each variable costs two round trips
// and a parse of a whole file per variable and module call; the runner
// instead reads the call and the module's variable blocks as written (one
// shared read each) and computes the value as TFLint does
// (terraform.VariableValues and GetInputVariable of TFLint v0.64): the
// argument's value, or else the default, null replaced by the default when
// the variable is not nullable, optional attributes' defaults applied, the
// value converted to the type, and marked sensitive or ephemeral. What it
// cannot compute that way (an argument it cannot evaluate, a call with
// count or for_each, a nested module, a type or default TFLint rejects) it
// asks TFLint as before.

// GetModulePath is TFLint's GetModulePath, asked once per module.
func (r *Runner) GetModulePath() (addrs.Module, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.moduleAddrLocked()
}

func (r *Runner) moduleAddrLocked() (addrs.Module, error) {
	if r.module == nil {
		module, err := r.Runner.GetModulePath()
		if err != nil {
			return nil, err
		}
		r.module = &module
	}
	return *r.module, nil
}

var (
	variableSchema = &hclext.BodySchema{Blocks: []hclext.BlockSchema{{
		Type: "variable", LabelNames: []string{"name"},
		Body: &hclext.BodySchema{Attributes: []hclext.AttributeSchema{
			{Name: "type"}, {Name: "default"}, {Name: "nullable"}, {Name: "sensitive"}, {Name: "ephemeral"},
		}},
	}}}
)

// inputValue returns the value of a variable of a module called by the root
// module, computed from the call, or false when TFLint must be asked. The
// caller holds r.mu.
func (r *Runner) inputValue(name string) (cty.Value, bool) {
	module, err := r.moduleAddrLocked()
	if err != nil || len(module) != 1 {
		return cty.NilVal, false
	}
	decl, ok := r.variableDecl(name)
	if !ok {
		return cty.NilVal, false
	}
	arg, set, ok := r.callArgument(module[0], name)
	if !ok {
		return cty.NilVal, false
	}
	val := decl.defaultVal
	if set {
		if val, ok = r.evalArgument(arg); !ok {
			return cty.NilVal, false
		}
	} else if val == cty.NilVal {
		// No default and no argument: TFLint leaves it unknown.
		val = cty.UnknownVal(decl.ty.WithoutOptionalAttributesDeep())
	}
	if val.IsNull() && !decl.nullable && decl.defaultVal != cty.NilVal {
		val = decl.defaultVal
	}
	if decl.defaults != nil && !val.IsNull() {
		val = decl.defaults.Apply(val)
	}
	val, err = convert.Convert(val, decl.ty)
	if err != nil {
		// TFLint reports the error.
		return cty.NilVal, false
	}
	if decl.sensitive {
		val = val.Mark(marks.Sensitive)
	}
	if decl.ephemeral {
		val = val.Mark(marks.Ephemeral)
	}
	return val, true
}

// variableDecl is a variable block as TFLint decodes it.
type variableDecl struct {
	ty                             cty.Type
	defaults                       *typeexpr.Defaults
	defaultVal                     cty.Value // cty.NilVal when there is none
	nullable, sensitive, ephemeral bool
}

// variableDecl returns the declaration of a variable of the module, or
// false when TFLint would reject it or it is not declared. The module's
// variable blocks are decoded once. The caller holds r.mu.
func (r *Runner) variableDecl(name string) (variableDecl, bool) {
	if r.decls == nil {
		r.decls = map[string]*variableDecl{}
		content, err := r.moduleContent(variableSchema, &tflint.GetModuleContentOption{ExpandMode: tflint.ExpandModeNone})
		if err != nil {
			return variableDecl{}, false
		}
		for _, block := range content.Blocks {
			if len(block.Labels) != 1 {
				continue
			}
			if _, twice := r.decls[block.Labels[0]]; twice {
				r.decls[block.Labels[0]] = nil // TFLint's error
				continue
			}
			r.decls[block.Labels[0]] = decodeVariable(block)
		}
	}
	decl := r.decls[name]
	if decl == nil {
		return variableDecl{}, false
	}
	return *decl, true
}

// decodeVariable decodes a variable block as TFLint does, or returns nil
// when TFLint rejects it.
func decodeVariable(block *hclext.Block) *variableDecl {
	decl := &variableDecl{ty: cty.DynamicPseudoType, nullable: true, defaultVal: cty.NilVal}
	attrs := block.Body.Attributes
	if attr, ok := attrs["type"]; ok {
		switch hcl.ExprAsKeyword(attr.Expr) {
		case "list":
			decl.ty = cty.List(cty.DynamicPseudoType)
		case "map":
			decl.ty = cty.Map(cty.DynamicPseudoType)
		default:
			if _, quoted := attr.Expr.(*hclsyntax.TemplateExpr); quoted {
				return nil // a pre-0.12 quoted type
			}
			ty, defaults, diags := typeexpr.TypeConstraintWithDefaults(attr.Expr)
			if diags.HasErrors() {
				return nil
			}
			decl.ty, decl.defaults = ty, defaults
		}
	}
	for flag, dst := range map[string]*bool{"nullable": &decl.nullable, "sensitive": &decl.sensitive, "ephemeral": &decl.ephemeral} {
		attr, ok := attrs[flag]
		if !ok {
			continue
		}
		val, diags := attr.Expr.Value(nil)
		if diags.HasErrors() || val.IsNull() || !val.IsKnown() {
			return nil
		}
		b, err := convert.Convert(val, cty.Bool)
		if err != nil {
			return nil
		}
		*dst = b.True()
	}
	if attr, ok := attrs["default"]; ok {
		val, diags := attr.Expr.Value(nil)
		if diags.HasErrors() {
			return nil
		}
		if decl.defaults != nil && !val.IsNull() {
			val = decl.defaults.Apply(val)
		}
		val, err := convert.Convert(val, decl.ty)
		if err != nil {
			return nil
		}
		decl.defaultVal = val
	}
	return decl
}

// callArgument returns the argument the root module's call passes for a
// variable, and whether it passes one; false when the call cannot be read
// that way (none, several, or one with count or for_each).
func (r *Runner) callArgument(call, name string) (*hclext.Attribute, bool, bool) {
	block, ok := r.shared.call(r.Runner, call)
	if !ok {
		return nil, false, false
	}
	for _, meta := range []string{"count", "for_each"} {
		if _, ok := block.Body.Attributes[meta]; ok {
			return nil, false, false
		}
	}
	arg, set := block.Body.Attributes[name]
	return arg, set, true
}

// callsSchema reads every argument of the module calls.
var callsSchema = &hclext.BodySchema{Blocks: []hclext.BlockSchema{{
	Type: "module", LabelNames: []string{"name"}, Body: &hclext.BodySchema{Mode: hclext.SchemaJustAttributesMode},
}}}

// call returns the root module's call of a module by name, read as written
// once per pass for every module check; false when there is none or more
// than one.
func (s *Shared) call(runner tflint.Runner, name string) (*hclext.Block, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.calls == nil {
		s.calls = map[string]*hclext.Block{}
		content, err := runner.GetModuleContent(callsSchema, &tflint.GetModuleContentOption{ModuleCtx: tflint.RootModuleCtxType, ExpandMode: tflint.ExpandModeNone})
		if err != nil {
			return nil, false
		}
		for _, block := range content.Blocks {
			if len(block.Labels) != 1 {
				continue
			}
			if _, twice := s.calls[block.Labels[0]]; twice {
				s.calls[block.Labels[0]] = nil
				continue
			}
			s.calls[block.Labels[0]] = block
		}
	}
	block := s.calls[name]
	return block, block != nil
}

var localsSchema = &hclext.BodySchema{Blocks: []hclext.BlockSchema{{
	Type: "locals", Body: &hclext.BodySchema{Mode: hclext.SchemaJustAttributesMode},
}}}

// localValue evaluates a local value of the module from its definition, as
// TFLint does, or reports false when TFLint must be asked: a definition it
// cannot evaluate locally, or one that refers to itself.
func (r *Runner) localValue(name string) (cty.Value, bool) {
	r.mu.Lock()
	if r.localDefs == nil {
		r.localDefs = map[string]hcl.Expression{}
		if content, err := r.moduleContent(localsSchema, &tflint.GetModuleContentOption{ExpandMode: tflint.ExpandModeNone}); err == nil {
			for _, block := range content.Blocks {
				for local, attr := range block.Body.Attributes {
					if _, twice := r.localDefs[local]; twice {
						r.localDefs[local] = nil // TFLint's error
						continue
					}
					r.localDefs[local] = attr.Expr
				}
			}
		}
	}
	def := r.localDefs[name]
	if def == nil || r.evaluating[name] {
		r.mu.Unlock()
		return cty.NilVal, false
	}
	if r.evaluating == nil {
		r.evaluating = map[string]bool{}
	}
	r.evaluating[name] = true
	r.mu.Unlock()
	defer func() {
		r.mu.Lock()
		delete(r.evaluating, name)
		r.mu.Unlock()
	}()
	if val, ok := StaticValue(def); ok {
		return val, true
	}
	return r.evalLocally(def, tflint.SelfModuleCtxType)
}

// evalArgument evaluates an argument of a call in the root module: locally
// when it can be, else not at all. The caller holds r.mu, which the
// evaluation needs: it is released meanwhile.
func (r *Runner) evalArgument(arg *hclext.Attribute) (cty.Value, bool) {
	if val, ok := StaticValue(arg.Expr); ok {
		return val, true
	}
	r.mu.Unlock()
	defer r.mu.Lock()
	return r.evalLocally(arg.Expr, tflint.RootModuleCtxType)
}
