package aws

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// The region a resource is created in is, in Terraform, the region of the
// provider configuration it uses: the default configuration of its
// provider (provider "aws" without alias), or the one its `provider`
// meta-argument names (provider = aws.virginia). From provider v6 a
// resource may also set its own `region`, which overrides the provider's.
//
// Provider configurations live in the root module. A called module uses
// its own provider blocks when it has them (a legacy pattern); otherwise
// it inherits the root's default configurations, unless the module call
// passes configurations through its `providers` map. The plugin sees only
// the module being checked and the root module, so a configuration passed
// through a providers map, or inherited through more than one level of
// module calls, cannot be traced: the region is then unknown.

// placement is what the code says of the region a resource is created in.
type placement struct {
	// State is lint.Known when Region is known, lint.Unknown otherwise.
	State lint.State
	// Region is the region, when State is lint.Known.
	Region string
	// Via says what sets the region, for messages.
	Via project.Text
	// Why says why the region cannot be known, when State is lint.Unknown.
	Why project.Text
	// Range is the range of the expression that sets the region: the
	// resource's region argument or the region of its provider block; zero
	// when no expression sets it.
	Range hcl.Range
	// FromResource is true when the resource's own region argument sets it.
	FromResource bool
	// InModule is true when the expression that sets the region is in the
	// module being checked.
	InModule bool
	// root is true when the module being checked is the root module.
	root bool
}

// At returns where a finding on the placement of resource belongs: at the
// resource's own region argument when it sets the region; in a called
// module, at the region of the module's own provider block when it sets
// it (TFLint keeps a finding inside a called module only on an expression
// that uses a module input, and reports it at the caller's argument);
// otherwise at the resource block.
func (p placement) At(resource *hclext.Block) hcl.Range {
	switch {
	case p.Range == (hcl.Range{}):
		return resource.DefRange
	case p.FromResource:
		return p.Range
	case p.InModule && !p.root:
		return p.Range
	}
	return resource.DefRange
}

// IsKnown reports whether the region is known.
func (p placement) IsKnown() bool { return p.State == lint.Known }

// Unknown returns the placement as an unknown value for a strict-mode
// notice on resource: named by the resource's address, at At(resource).
func (p placement) Unknown(resource *hclext.Block) lint.Value {
	return lint.Value{State: lint.Unknown, Name: lint.Address(resource), Range: p.At(resource), Why: p.Why}
}

// regionAttr is the resource-level region argument of provider v6.
const regionAttr = "region"

// withRegion returns a resource schema that also reads the resource-level
// region argument, which resourceRegion needs.
func withRegion(schema *hclext.BodySchema) *hclext.BodySchema {
	out := &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: regionAttr}}}
	if schema == nil {
		return out
	}
	for _, attr := range schema.Attributes {
		if attr.Name != regionAttr {
			out.Attributes = append(out.Attributes, attr)
		}
	}
	out.Blocks = schema.Blocks
	return out
}

// providerKey names a provider configuration: the provider's local name and
// the configuration's alias ("" for the default configuration).
type providerKey struct {
	Local, Alias string
}

// String writes the key as a Terraform provider reference: aws, aws.virginia.
func (k providerKey) String() string {
	if k.Alias == "" {
		return k.Local
	}
	return k.Local + "." + k.Alias
}

// providerConf is a provider block and its region argument.
type providerConf struct {
	Block  *hclext.Block
	Region lint.Value
}

// inheritance says how a called module gets the default provider
// configurations of the root module.
type inheritance int

const (
	// inheritsRoot means the module is called by the root module without a
	// providers map: it uses the root's default configurations.
	inheritsRoot inheritance = iota
	// inheritsPassed means the module call passes provider configurations
	// through a providers map, which the plugin does not trace.
	inheritsPassed
	// inheritsNested means the module is called by another called module,
	// whose call the plugin cannot see.
	inheritsNested
)

// regionContext is what resourceRegion needs to know of the module being
// checked, read once per module.
type regionContext struct {
	// root is true for the root module.
	root bool
	// v6 is true when the configuration may use provider v6 or later,
	// where a resource may set its own region.
	v6 bool
	// refs maps resource addresses (type.name) to the expression of their
	// provider meta-argument.
	refs map[string]hcl.Expression
	// local holds the provider blocks of the module being checked.
	local map[providerKey]providerConf
	// root holds the provider blocks of the root module, for a called
	// module.
	rootConfs map[providerKey]providerConf
	// inherit says how a called module gets the root's configurations.
	inherit inheritance
	// passed maps, when the module call passes configurations, the
	// module's keys to the root's (providers = { aws = aws.lgwan }).
	passed map[providerKey]providerKey
}

type regionContextKey struct{}

// resourceRegion returns the placement of a resource of the module being
// checked. The resource must have been read with withRegion.
func resourceRegion(runner *lint.Runner, resource *hclext.Block) (placement, error) {
	ctx, err := readRegionContext(runner)
	if err != nil {
		return placement{}, err
	}
	if ctx.v6 {
		v := runner.Attr(resource.Body, regionAttr, cty.String)
		if p, ok := ctx.fromResource(v); ok {
			return p, nil
		}
	}
	key, ok := ctx.providerOf(resource)
	if !ok {
		return placement{State: lint.Unknown, Why: whyProviderArg, root: ctx.root}, nil
	}
	return ctx.place(key), nil
}

// fromResource returns the placement a resource-level region argument
// gives, and false when the argument is absent (the provider decides).
func (c *regionContext) fromResource(v lint.Value) (placement, bool) {
	p := placement{Via: viaResourceArg, Range: v.Range, FromResource: true, InModule: true, root: c.root}
	switch v.State {
	case lint.Known:
		s, _ := v.String()
		if s == "" {
			return placement{}, false
		}
		p.State, p.Region = lint.Known, s
		return p, true
	case lint.Unknown:
		p.State, p.Why = lint.Unknown, joinWhy(viaResourceArg, v.Why)
		return p, true
	}
	return placement{}, false
}

// providerOf returns the provider configuration a resource uses: the one
// its provider meta-argument names, or the default configuration of the
// provider its type implies (aws for aws_s3_bucket). It returns false
// when the meta-argument cannot be read.
func (c *regionContext) providerOf(resource *hclext.Block) (providerKey, bool) {
	if expr, ok := c.refs[lint.Address(resource)]; ok {
		return parseProviderRef(expr)
	}
	local, _, _ := strings.Cut(resource.Labels[0], "_")
	return providerKey{Local: local}, true
}

// place returns the placement given by a provider configuration.
func (c *regionContext) place(key providerKey) placement {
	conf, at, inModule, why := c.resolve(key)
	switch {
	case conf != nil:
		return placeBy(at, *conf, inModule, c.root)
	case why != (project.Text{}):
		return placement{State: lint.Unknown, Why: why, root: c.root}
	}
	return placement{State: lint.Unknown, Why: whyNoProvider(at), root: c.root}
}

// resolve returns the provider block a configuration key of the module
// being checked names: the module's own block, or the root's block the
// module inherits or is passed (at is then the root's key). It returns nil
// and why when the block cannot be told, nil and no reason when no block
// configures the provider.
func (c *regionContext) resolve(key providerKey) (conf *providerConf, at providerKey, inModule bool, why project.Text) {
	if conf, ok := c.local[key]; ok {
		return &conf, key, true, project.Text{}
	}
	switch {
	case c.root:
		return nil, key, false, project.Text{}
	case c.inherit == inheritsNested:
		return nil, key, false, whyNested
	case c.inherit == inheritsPassed:
		mapped, ok := c.passed[key]
		if !ok {
			return nil, key, false, whyPassed
		}
		key = mapped
	case key.Alias != "":
		// An aliased configuration reaches a module only through a
		// providers map.
		return nil, key, false, whyPassed
	}
	if conf, ok := c.rootConfs[key]; ok {
		return &conf, key, false, project.Text{}
	}
	return nil, key, false, project.Text{}
}

// placeBy returns the placement given by a provider block's region.
func placeBy(key providerKey, conf providerConf, inModule, root bool) placement {
	via := viaProvider(key)
	p := placement{Via: via, Range: conf.Region.Range, InModule: inModule, root: root}
	switch conf.Region.State {
	case lint.Known:
		if s, _ := conf.Region.String(); s != "" {
			p.State, p.Region = lint.Known, s
			return p
		}
	case lint.Unknown:
		p.State, p.Why = lint.Unknown, joinWhy(via, conf.Region.Why)
		return p
	}
	p.State, p.Why = lint.Unknown, whyNoRegion(key)
	return p
}

// parseProviderRef reads a provider meta-argument: aws, aws.virginia, or
// the quoted form of Terraform 0.11 ("aws.virginia").
func parseProviderRef(expr hcl.Expression) (providerKey, bool) {
	t, diags := hcl.AbsTraversalForExpr(expr)
	if diags.HasErrors() {
		tmpl, ok := expr.(*hclsyntax.TemplateExpr)
		if !ok || !tmpl.IsStringLiteral() {
			return providerKey{}, false
		}
		val, valDiags := tmpl.Value(nil)
		if valDiags.HasErrors() || val.Type() != cty.String || val.IsNull() {
			return providerKey{}, false
		}
		t, diags = hclsyntax.ParseTraversalAbs([]byte(val.AsString()), "", hcl.Pos{Line: 1, Column: 1})
		if diags.HasErrors() {
			return providerKey{}, false
		}
	}
	switch len(t) {
	case 1:
		return providerKey{Local: t.RootName()}, true
	case 2:
		if step, ok := t[1].(hcl.TraverseAttr); ok {
			return providerKey{Local: t.RootName(), Alias: step.Name}, true
		}
	}
	return providerKey{}, false
}

// readRegionContext reads, once per module, the provider blocks, the
// provider meta-arguments of the resources and, for a called module, how
// it gets the root's provider configurations.
func readRegionContext(runner *lint.Runner) (*regionContext, error) {
	v, err := runner.Memo(regionContextKey{}, func() (any, error) {
		ctx := &regionContext{refs: map[string]hcl.Expression{}}
		majors, err := awsProviderMajors(runner)
		if err != nil {
			return nil, err
		}
		ctx.v6 = !majors.AtMost(5)
		path, err := runner.GetModulePath()
		if err != nil {
			return nil, err
		}
		ctx.root = len(path) == 0
		if ctx.refs, err = readProviderRefs(runner); err != nil {
			return nil, err
		}
		if ctx.local, err = readProviderConfs(runner, tflint.SelfModuleCtxType); err != nil {
			return nil, err
		}
		if ctx.root {
			return ctx, nil
		}
		if ctx.rootConfs, err = readProviderConfs(runner, tflint.RootModuleCtxType); err != nil {
			return nil, err
		}
		if len(path) > 1 {
			ctx.inherit = inheritsNested
			return ctx, nil
		}
		if ctx.inherit, ctx.passed, err = readModuleCall(runner, path[0]); err != nil {
			return nil, err
		}
		return ctx, nil
	})
	if err != nil {
		return nil, err
	}
	return v.(*regionContext), nil
}

// readProviderRefs returns the provider meta-arguments of the resources of
// the module being checked, by address.
func readProviderRefs(runner *lint.Runner) (map[string]hcl.Expression, error) {
	content, err := runner.GetModuleContent(&hclext.BodySchema{Blocks: []hclext.BlockSchema{{
		Type:       "resource",
		LabelNames: []string{"type", "name"},
		Body:       &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "provider"}}},
	}}}, &tflint.GetModuleContentOption{ExpandMode: tflint.ExpandModeNone})
	if err != nil {
		return nil, err
	}
	refs := map[string]hcl.Expression{}
	for _, block := range content.Blocks {
		if attr, ok := block.Body.Attributes["provider"]; ok {
			refs[lint.Address(block)] = attr.Expr
		}
	}
	return refs, nil
}

// readProviderConfs returns the provider blocks of a module with their
// region. The first block of a key wins (Terraform rejects duplicates).
func readProviderConfs(runner *lint.Runner, ctx tflint.ModuleCtxType) (map[providerKey]providerConf, error) {
	content, err := runner.GetModuleContent(&hclext.BodySchema{Blocks: []hclext.BlockSchema{{
		Type:       "provider",
		LabelNames: []string{"name"},
		Body:       &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "alias"}, {Name: regionAttr}}},
	}}}, &tflint.GetModuleContentOption{ModuleCtx: ctx, ExpandMode: tflint.ExpandModeNone})
	if err != nil {
		return nil, err
	}
	attr := runner.Attr
	if ctx == tflint.RootModuleCtxType {
		attr = runner.RootAttr
	}
	confs := map[providerKey]providerConf{}
	for _, block := range content.Blocks {
		key := providerKey{Local: block.Labels[0]}
		alias := attr(block.Body, "alias", cty.String)
		if alias.State == lint.Unknown {
			continue
		}
		key.Alias, _ = alias.String()
		if _, seen := confs[key]; seen {
			continue
		}
		confs[key] = providerConf{Block: block, Region: attr(block.Body, regionAttr, cty.String)}
	}
	return confs, nil
}

// readModuleCall says how the module called by the root module as name
// gets the root's provider configurations, and which ones a providers map
// passes it (a map the plugin cannot read passes none it knows).
func readModuleCall(runner *lint.Runner, name string) (inheritance, map[providerKey]providerKey, error) {
	content, err := runner.GetModuleContent(&hclext.BodySchema{Blocks: []hclext.BlockSchema{{
		Type:       "module",
		LabelNames: []string{"name"},
		Body:       &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "providers"}}},
	}}}, &tflint.GetModuleContentOption{ModuleCtx: tflint.RootModuleCtxType, ExpandMode: tflint.ExpandModeNone})
	if err != nil {
		return inheritsPassed, nil, err
	}
	for _, block := range content.Blocks {
		if block.Labels[0] != name {
			continue
		}
		if attr, ok := block.Body.Attributes["providers"]; ok {
			return inheritsPassed, providersMap(attr.Expr), nil
		}
		return inheritsRoot, nil, nil
	}
	return inheritsPassed, nil, nil
}

// providersMap reads a module call's providers map, written as an object
// of references: { aws = aws.lgwan, aws.dr = aws.osaka }.
func providersMap(expr hcl.Expression) map[providerKey]providerKey {
	out := map[providerKey]providerKey{}
	obj, ok := expr.(*hclsyntax.ObjectConsExpr)
	if !ok {
		return out
	}
	for _, item := range obj.Items {
		var keyExpr hcl.Expression = item.KeyExpr
		if k, ok := item.KeyExpr.(*hclsyntax.ObjectConsKeyExpr); ok {
			keyExpr = k.Wrapped
		}
		inModule, ok1 := parseProviderRef(keyExpr)
		inRoot, ok2 := parseProviderRef(item.ValueExpr)
		if ok1 && ok2 {
			out[inModule] = inRoot
		}
	}
	return out
}

// Texts of placements.
var (
	viaResourceArg = project.Text{JA: "リソースの region 引数", EN: "the resource's region argument"}

	whyProviderArg = project.Text{
		JA: "provider 引数を読めません",
		EN: "its provider argument cannot be read",
	}
	whyPassed = project.Text{
		JA: "プロバイダー設定が、モジュール呼び出しの providers が渡すものに含まれないか、その providers を読めません",
		EN: "its provider configuration is not among those the providers map of its module call passes, or that map cannot be read",
	}
	whyNested = project.Text{
		JA: "プロバイダー設定が入れ子のモジュール呼び出しを通じて引き継がれ、たどれません",
		EN: "its provider configuration is inherited through nested module calls, which cannot be seen",
	}
)

// viaProvider names the region of a provider configuration.
func viaProvider(key providerKey) project.Text {
	return project.Text{
		JA: fmt.Sprintf("provider %s の region", key),
		EN: fmt.Sprintf("the region of provider %s", key),
	}
}

// whyNoProvider says that no provider block configures key.
func whyNoProvider(key providerKey) project.Text {
	return project.Text{
		JA: fmt.Sprintf("provider %s のブロックがなく、リージョンは環境変数や AWS の設定ファイルで決まります", key),
		EN: fmt.Sprintf("there is no block for provider %s: the region comes from the environment or the AWS config files", key),
	}
}

// whyNoRegion says that the provider block of key sets no region.
func whyNoRegion(key providerKey) project.Text {
	return project.Text{
		JA: fmt.Sprintf("provider %s に region がなく、リージョンは環境変数や AWS の設定ファイルで決まります", key),
		EN: fmt.Sprintf("provider %s sets no region: it comes from the environment or the AWS config files", key),
	}
}

// joinWhy says why the value that sets the region cannot be known.
func joinWhy(via, why project.Text) project.Text {
	return project.Text{JA: via.JA + ": " + why.JA, EN: via.EN + ": " + why.EN}
}
