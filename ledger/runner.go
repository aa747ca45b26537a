package ledger

import (
	"errors"
	"fmt"
	"reflect"
	"slices"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/dynblock"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/terraform/addrs"
	"github.com/terraform-linters/tflint-plugin-sdk/terraform/lang/marks"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"github.com/zclconf/go-cty/cty/gocty"
)

// Runner is TFLint's runner interface over a configuration read from disk,
// for one module instance. It answers what the rules ask of TFLint: the
// content of the module (with count, for_each and dynamic blocks expanded
// on request), the root module's content, and the value of expressions.
// Unlike TFLint, a resource whose count or for_each cannot be known is
// kept as one block standing for all its instances (InstanceKey says so):
// a ledger must list it.
type Runner struct {
	config *configuration
	self   *instance
	// rules holds the bodies of the rule blocks of the TFLint
	// configuration, by rule name, for DecodeRuleConfig.
	rules map[string]hcl.Body
	// Issues are the issues the rules emitted.
	Issues []Issue

	keys map[*hclext.Block]instanceKey
}

// Issue is an issue a rule emitted on the runner.
type Issue struct {
	Rule    string
	Message string
	Range   hcl.Range
}

// instanceKey is the instance key of an expanded block.
type instanceKey struct {
	key     string
	unknown *unknownExpansion
}

var _ tflint.Runner = (*Runner)(nil)

// newRunner returns the runner of one module instance.
func newRunner(c *configuration, in *instance, rules map[string]hcl.Body) *Runner {
	return &Runner{config: c, self: in, rules: rules, keys: map[*hclext.Block]instanceKey{}}
}

// InstanceKey returns the instance key of a block the runner returned
// expanded: "" without count or for_each, "[0]" or `["a"]` for one
// instance, "[?]" with the count or for_each that cannot be known.
func (r *Runner) InstanceKey(block *hclext.Block) (string, *unknownExpansion) {
	k := r.keys[block]
	return k.key, k.unknown
}

// GetOriginalwd returns the directory of the root module.
func (r *Runner) GetOriginalwd() (string, error) { return r.config.root, nil }

// GetModulePath returns the path of the module calls that lead to the
// instance.
func (r *Runner) GetModulePath() (addrs.Module, error) {
	return addrs.Module(slices.Clone(r.self.path)), nil
}

// target returns the instance a module context names.
func (r *Runner) target(ctx tflint.ModuleCtxType) *instance {
	if ctx == tflint.RootModuleCtxType {
		return r.config.instances[0]
	}
	return r.self
}

// expandable are the block types that count and for_each expand.
var expandable = []string{"resource", "data", "module"}

// GetModuleContent returns the content of the module by the schema: with
// count, for_each and dynamic blocks of resources, data sources and module
// calls expanded unless the option says otherwise.
func (r *Runner) GetModuleContent(schema *hclext.BodySchema, opts *tflint.GetModuleContentOption) (*hclext.BodyContent, error) {
	return r.content(schema, opts, nil)
}

// content is GetModuleContent for the top-level blocks that keep passes.
func (r *Runner) content(schema *hclext.BodySchema, opts *tflint.GetModuleContentOption, keep func(*hcl.Block) bool) (*hclext.BodyContent, error) {
	if opts == nil {
		opts = &tflint.GetModuleContentOption{}
	}
	if schema == nil {
		schema = &hclext.BodySchema{}
	}
	in := r.target(opts.ModuleCtx)
	headers := &hcl.BodySchema{}
	inner := map[string]*hclext.BodySchema{}
	for _, a := range schema.Attributes {
		headers.Attributes = append(headers.Attributes, hcl.AttributeSchema{Name: a.Name})
	}
	for _, b := range schema.Blocks {
		headers.Blocks = append(headers.Blocks, hcl.BlockHeaderSchema{Type: b.Type, LabelNames: b.LabelNames})
		inner[b.Type] = b.Body
	}
	out := &hclext.BodyContent{Attributes: hclext.Attributes{}, Blocks: hclext.Blocks{}}
	for _, name := range in.mod.names {
		c, _, diags := in.mod.files[name].Body.PartialContent(headers)
		if diags.HasErrors() {
			return nil, diags
		}
		for attrName, attr := range c.Attributes {
			out.Attributes[attrName] = &hclext.Attribute{Name: attr.Name, Expr: attr.Expr, Range: attr.Range, NameRange: attr.NameRange}
		}
		for _, block := range c.Blocks {
			if keep != nil && !keep(block) {
				continue
			}
			blocks, err := r.blocks(in, block, inner[block.Type], opts.ExpandMode == tflint.ExpandModeExpand)
			if err != nil {
				return nil, err
			}
			out.Blocks = append(out.Blocks, blocks...)
		}
	}
	return out, nil
}

// blocks returns the content of a top-level block by the schema: one
// block, or one per instance when it is expanded.
func (r *Runner) blocks(in *instance, block *hcl.Block, schema *hclext.BodySchema, expandIt bool) (hclext.Blocks, error) {
	if !expandIt || !slices.Contains(expandable, block.Type) {
		body, diags := hclext.PartialContent(block.Body, schema)
		if diags.HasErrors() {
			return nil, diags
		}
		return hclext.Blocks{newBlock(block, body)}, nil
	}
	meta, _, diags := block.Body.PartialContent(&hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "count"}, {Name: "for_each"}}})
	if diags.HasErrors() {
		return nil, diags
	}
	var count, forEach hcl.Expression
	if attr, ok := meta.Attributes["count"]; ok {
		count = attr.Expr
	}
	if attr, ok := meta.Attributes["for_each"]; ok {
		forEach = attr.Expr
	}
	var out hclext.Blocks
	for _, exp := range expand(count, forEach, in.ctx) {
		body, diags := hclext.PartialContent(dynblock.Expand(block.Body, exp.ctx), schema)
		if diags.HasErrors() {
			return nil, diags
		}
		if exp.bind {
			bind(body, exp.ctx)
		}
		b := newBlock(block, body)
		r.keys[b] = instanceKey{key: exp.key, unknown: exp.unknown}
		out = append(out, b)
	}
	return out, nil
}

func newBlock(block *hcl.Block, body *hclext.BodyContent) *hclext.Block {
	return &hclext.Block{
		Type:        block.Type,
		Labels:      block.Labels,
		Body:        body,
		DefRange:    block.DefRange,
		TypeRange:   block.TypeRange,
		LabelRanges: block.LabelRanges,
	}
}

// bind binds the expressions of an instance's body that use count or each
// to the instance's context.
func bind(body *hclext.BodyContent, ctx *hcl.EvalContext) {
	for _, attr := range body.Attributes {
		if usesInstance(attr.Expr) {
			attr.Expr = &boundExpr{Expression: attr.Expr, ctx: ctx}
		}
	}
	for _, block := range body.Blocks {
		bind(block.Body, ctx)
	}
}

// GetResourceContent returns the resources of a type in the module.
func (r *Runner) GetResourceContent(name string, schema *hclext.BodySchema, opts *tflint.GetModuleContentOption) (*hclext.BodyContent, error) {
	return r.labelled("resource", []string{"type", "name"}, name, schema, opts)
}

// GetProviderContent returns the provider blocks of a provider in the
// module.
func (r *Runner) GetProviderContent(name string, schema *hclext.BodySchema, opts *tflint.GetModuleContentOption) (*hclext.BodyContent, error) {
	return r.labelled("provider", []string{"name"}, name, schema, opts)
}

func (r *Runner) labelled(blockType string, labels []string, name string, schema *hclext.BodySchema, opts *tflint.GetModuleContentOption) (*hclext.BodyContent, error) {
	content, err := r.content(&hclext.BodySchema{Blocks: []hclext.BlockSchema{{Type: blockType, LabelNames: labels, Body: schema}}}, opts, func(b *hcl.Block) bool {
		return b.Labels[0] == name
	})
	if err != nil {
		return nil, err
	}
	return &hclext.BodyContent{Blocks: content.Blocks}, nil
}

// GetFile returns a file of the configuration by name.
func (r *Runner) GetFile(filename string) (*hcl.File, error) {
	for _, m := range r.config.modules {
		if f, ok := m.files[filename]; ok {
			return f, nil
		}
	}
	return nil, nil
}

// GetFiles returns the files of the module.
func (r *Runner) GetFiles() (map[string]*hcl.File, error) {
	out := make(map[string]*hcl.File, len(r.self.mod.files))
	for name, f := range r.self.mod.files {
		out[name] = f
	}
	return out, nil
}

// WalkExpressions visits the expressions of the module's files: every
// expression, nested ones included, in native syntax; the top-level
// attributes of each body in JSON syntax.
func (r *Runner) WalkExpressions(walker tflint.ExprWalker) hcl.Diagnostics {
	var diags hcl.Diagnostics
	for _, name := range r.self.mod.names {
		file := r.self.mod.files[name]
		if body, ok := file.Body.(*hclsyntax.Body); ok {
			diags = append(diags, hclsyntax.VisitAll(body, func(node hclsyntax.Node) hcl.Diagnostics {
				if expr, ok := node.(hcl.Expression); ok {
					d := walker.Enter(expr)
					return append(d, walker.Exit(expr)...)
				}
				return nil
			})...)
			continue
		}
		attrs, d := file.Body.JustAttributes()
		if d.HasErrors() {
			diags = append(diags, d...)
			continue
		}
		for _, attr := range attrs {
			diags = append(diags, walker.Enter(attr.Expr)...)
			diags = append(diags, walker.Exit(attr.Expr)...)
		}
	}
	return diags
}

// DecodeRuleConfig decodes the rule block of the TFLint configuration into
// ret; it leaves ret as it is when there is no such block.
func (r *Runner) DecodeRuleConfig(ruleName string, ret any) error {
	body, ok := r.rules[ruleName]
	if !ok {
		return nil
	}
	content, diags := hclext.PartialContent(body, hclext.ImpliedBodySchema(ret))
	if diags.HasErrors() {
		return diags
	}
	if diags := hclext.DecodeBody(content, nil, ret); diags.HasErrors() {
		return diags
	}
	return nil
}

// EvaluateExpr evaluates an expression in the module (or the root module)
// as TFLint does: a cty.Value target receives the value as it is, unknown
// or marked; any other target gets ErrUnknownValue, ErrNullValue,
// ErrSensitive or ErrEphemeral for such values. A function target is
// called with the value, and skipped for those.
func (r *Runner) EvaluateExpr(expr hcl.Expression, target any, opts *tflint.EvaluateExprOption) error {
	if opts == nil {
		opts = &tflint.EvaluateExprOption{}
	}
	rv := reflect.ValueOf(target)
	if rv.Kind() == reflect.Func {
		ft := rv.Type()
		if ft.NumIn() != 1 || ft.NumOut() != 1 || !ft.Out(0).Implements(reflect.TypeFor[error]()) {
			return errors.New(`callback must be of type "func (v T) error"`)
		}
		arg := reflect.New(ft.In(0))
		err := r.evaluate(expr, arg.Interface(), opts)
		switch {
		case errors.Is(err, tflint.ErrUnknownValue), errors.Is(err, tflint.ErrNullValue), errors.Is(err, tflint.ErrSensitive), errors.Is(err, tflint.ErrEphemeral):
			return nil
		case err != nil:
			return err
		}
		out := rv.Call([]reflect.Value{arg.Elem()})
		if e, _ := out[0].Interface().(error); e != nil {
			return e
		}
		return nil
	}
	if rv.Kind() != reflect.Pointer {
		return fmt.Errorf("target of type %T is neither a pointer nor a function", target)
	}
	return r.evaluate(expr, target, opts)
}

func (r *Runner) evaluate(expr hcl.Expression, target any, opts *tflint.EvaluateExprOption) error {
	ty, err := wantType(target, opts.WantType)
	if err != nil {
		return err
	}
	val, diags := evaluate(expr, r.target(opts.ModuleCtx).ctx)
	if diags.HasErrors() {
		return diags
	}
	val, err = convert.Convert(val, ty)
	if err != nil {
		return fmt.Errorf("%s: %w", expr.Range(), err)
	}
	if out, ok := target.(*cty.Value); ok {
		*out = val
		return nil
	}
	switch {
	case marks.Contains(val, marks.Sensitive):
		return tflint.ErrSensitive
	case marks.Contains(val, marks.Ephemeral):
		return tflint.ErrEphemeral
	case !val.IsWhollyKnown():
		return tflint.ErrUnknownValue
	case val.IsNull():
		return tflint.ErrNullValue
	}
	val, _ = val.UnmarkDeep()
	return gocty.FromCtyValue(val, target)
}

// wantType is the type an evaluation converts to: the option's, or the
// one the target implies.
func wantType(target any, want *cty.Type) (cty.Type, error) {
	if want != nil {
		return *want, nil
	}
	switch target.(type) {
	case *string:
		return cty.String, nil
	case *int:
		return cty.Number, nil
	case *bool:
		return cty.Bool, nil
	case *[]string:
		return cty.List(cty.String), nil
	case *[]int:
		return cty.List(cty.Number), nil
	case *[]bool:
		return cty.List(cty.Bool), nil
	case *map[string]string:
		return cty.Map(cty.String), nil
	case *map[string]int:
		return cty.Map(cty.Number), nil
	case *map[string]bool:
		return cty.Map(cty.Bool), nil
	case *cty.Value:
		return cty.DynamicPseudoType, nil
	}
	return cty.NilType, fmt.Errorf("unsupported target type %T; pass WantType", target)
}

// EmitIssue records an issue.
func (r *Runner) EmitIssue(rule tflint.Rule, message string, rng hcl.Range) error {
	r.Issues = append(r.Issues, Issue{Rule: rule.Name(), Message: message, Range: rng})
	return nil
}

// EmitIssueWithFix records an issue; the ledger changes no file.
func (r *Runner) EmitIssueWithFix(rule tflint.Rule, message string, rng hcl.Range, _ func(tflint.Fixer) error) error {
	return r.EmitIssue(rule, message, rng)
}

// EnsureNoError runs proc when err is nil.
//
// Deprecated: part of TFLint's runner interface; use EvaluateExpr with a
// function target.
func (r *Runner) EnsureNoError(err error, proc func() error) error {
	if err == nil {
		return proc()
	}
	return err
}
