package ledger

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/typeexpr"
	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// configuration is a Terraform configuration read from a directory: its
// root module, the local modules it calls (and those they call), and the
// module instances the calls make.
type configuration struct {
	// root is the absolute path of the root module's directory.
	root   string
	parser *hclparse.Parser
	funcs  map[string]function.Function
	// modules are the modules read, by absolute directory.
	modules map[string]*module
	// instances are the module instances: the root first, then each call's
	// instances after their caller, in the order the calls are written.
	instances []*instance
	// notes say what the configuration holds that was not read.
	notes []note
}

// note is something of the configuration that the ledger could not read.
type note struct {
	// Where names the module call or file.
	Where string
	// What says what was not read and why.
	What text
}

// text is a message in both languages.
type text struct{ JA, EN string }

// module is one module directory, parsed.
type module struct {
	// dir is the directory relative to the root module's, with forward
	// slashes ("." for the root module).
	dir string
	// abs is the absolute directory.
	abs string
	// files are the module's configuration files by name (relative to the
	// root module's directory, forward slashes), and names their sorted
	// names.
	files map[string]*hcl.File
	names []string
	// variables, locals and calls are the module's declarations.
	variables map[string]*variable
	locals    map[string]hcl.Expression
	calls     []*moduleCall
	// resourceTypes are the types of the module's resources, whose
	// attributes are unknown when an expression refers to them.
	resourceTypes []string
}

// variable is a declared input variable.
type variable struct {
	name       string
	def        cty.Value // cty.NilVal without a default
	ty         cty.Type
	defaults   *typeexpr.Defaults
	sensitive  bool
	ephemeral  bool
	nonNull    bool
	declRange  hcl.Range
	defaultErr bool
}

// moduleCall is a module block.
type moduleCall struct {
	name   string
	block  *hcl.Block
	source string
	// child is the called module; nil when it is not a local module.
	child *module
	// args are the call's arguments (meta-arguments left out).
	args hcl.Attributes
	// count and forEach are the call's meta-arguments, or nil.
	count, forEach hcl.Expression
}

// Meta-arguments of a module block, which are not input variables.
var moduleMeta = []string{"source", "version", "count", "for_each", "providers", "depends_on"}

// fileSchema is the part of a file the loader reads.
var fileSchema = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{
	{Type: "variable", LabelNames: []string{"name"}},
	{Type: "locals"},
	{Type: "module", LabelNames: []string{"name"}},
	{Type: "resource", LabelNames: []string{"type", "name"}},
}}

var variableSchema = &hcl.BodySchema{Attributes: []hcl.AttributeSchema{
	{Name: "default"}, {Name: "type"}, {Name: "sensitive"}, {Name: "ephemeral"}, {Name: "nullable"},
}}

// maxModuleDepth bounds the nesting of module calls, against a module
// that calls itself through a path the loader does not recognise.
const maxModuleDepth = 32

// load reads the configuration in dir.
func load(dir string) (*configuration, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	info, err := os.Stat(abs)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("%s is not a directory", dir)
	}
	c := &configuration{root: abs, parser: hclparse.NewParser(), modules: map[string]*module{}}
	c.funcs = functions()
	root, err := c.module(abs, nil)
	if err != nil {
		return nil, err
	}
	if len(root.names) == 0 {
		return nil, fmt.Errorf("%s holds no Terraform files (*.tf, *.tf.json)", dir)
	}
	inputs, err := c.tfvars(root)
	if err != nil {
		return nil, err
	}
	top := c.instantiate(root, nil, nil, "", nil, inputs)
	if err := c.expandCalls(top, []string{abs}); err != nil {
		return nil, err
	}
	return c, nil
}

// module reads the module in the absolute directory abs, once.
func (c *configuration) module(abs string, chain []string) (*module, error) {
	if m, ok := c.modules[abs]; ok {
		return m, nil
	}
	rel, err := filepath.Rel(c.root, abs)
	if err != nil {
		return nil, err
	}
	m := &module{
		dir:       filepath.ToSlash(rel),
		abs:       abs,
		files:     map[string]*hcl.File{},
		variables: map[string]*variable{},
		locals:    map[string]hcl.Expression{},
	}
	entries, err := os.ReadDir(abs)
	if err != nil {
		return nil, err
	}
	var diags hcl.Diagnostics
	for _, entry := range entries {
		name := entry.Name()
		isHCL, isJSON := strings.HasSuffix(name, ".tf"), strings.HasSuffix(name, ".tf.json")
		if entry.IsDir() || !(isHCL || isJSON) {
			continue
		}
		relName := filepath.ToSlash(filepath.Join(rel, name))
		if isOverride(name) {
			c.notes = append(c.notes, note{Where: relName, What: text{
				JA: "上書きファイル（override）は台帳に反映していません",
				EN: "override files are not applied to the ledger",
			}})
			continue
		}
		src, err := os.ReadFile(filepath.Join(abs, name))
		if err != nil {
			return nil, err
		}
		var file *hcl.File
		var d hcl.Diagnostics
		if isJSON {
			file, d = c.parser.ParseJSON(src, relName)
		} else {
			file, d = c.parser.ParseHCL(src, relName)
		}
		diags = append(diags, d...)
		if file != nil && !d.HasErrors() {
			m.files[relName] = file
			m.names = append(m.names, relName)
		}
	}
	if diags.HasErrors() {
		return nil, diags
	}
	sort.Strings(m.names)
	c.modules[abs] = m
	for _, name := range m.names {
		if err := c.declarations(m, m.files[name], append(chain, abs)); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// isOverride reports whether a file is an override file, which Terraform
// merges into the others.
func isOverride(name string) bool {
	base := strings.TrimSuffix(strings.TrimSuffix(name, ".json"), ".tf")
	return base == "override" || strings.HasSuffix(base, "_override")
}

// declarations reads the variables, locals, module calls and resource
// types a file declares.
func (c *configuration) declarations(m *module, file *hcl.File, chain []string) error {
	content, _, diags := file.Body.PartialContent(fileSchema)
	if diags.HasErrors() {
		return diags
	}
	for _, block := range content.Blocks {
		switch block.Type {
		case "variable":
			v, diags := readVariable(block)
			if diags.HasErrors() {
				return diags
			}
			m.variables[v.name] = v
		case "locals":
			attrs, diags := block.Body.JustAttributes()
			if diags.HasErrors() {
				return diags
			}
			for name, attr := range attrs {
				m.locals[name] = attr.Expr
			}
		case "resource":
			if !slices.Contains(m.resourceTypes, block.Labels[0]) {
				m.resourceTypes = append(m.resourceTypes, block.Labels[0])
			}
		case "module":
			call, err := c.readCall(m, block, chain)
			if err != nil {
				return err
			}
			m.calls = append(m.calls, call)
		}
	}
	return nil
}

// readVariable reads a variable block: its default, type constraint and
// flags, all of which Terraform requires to be literal.
func readVariable(block *hcl.Block) (*variable, hcl.Diagnostics) {
	v := &variable{name: block.Labels[0], def: cty.NilVal, ty: cty.DynamicPseudoType, declRange: block.DefRange}
	content, _, diags := block.Body.PartialContent(variableSchema)
	if diags.HasErrors() {
		return nil, diags
	}
	if attr, ok := content.Attributes["type"]; ok {
		ty, defaults, diags := typeexpr.TypeConstraintWithDefaults(attr.Expr)
		if !diags.HasErrors() {
			v.ty, v.defaults = ty, defaults
		}
	}
	if attr, ok := content.Attributes["default"]; ok {
		val, diags := attr.Expr.Value(nil)
		if diags.HasErrors() {
			v.defaultErr = true
		} else {
			v.def = val
		}
	}
	v.sensitive = literalBool(content.Attributes["sensitive"])
	v.ephemeral = literalBool(content.Attributes["ephemeral"])
	if attr, ok := content.Attributes["nullable"]; ok {
		v.nonNull = !literalBool(attr)
	}
	return v, nil
}

// literalBool reads a literal boolean attribute; false when absent or not
// a known boolean.
func literalBool(attr *hcl.Attribute) bool {
	if attr == nil {
		return false
	}
	val, diags := attr.Expr.Value(nil)
	return !diags.HasErrors() && val.Type() == cty.Bool && val.IsKnown() && !val.IsNull() && val.True()
}

// readCall reads a module block and, for a local module, the module it
// calls.
func (c *configuration) readCall(m *module, block *hcl.Block, chain []string) (*moduleCall, error) {
	attrs, diags := block.Body.JustAttributes()
	if diags.HasErrors() {
		return nil, diags
	}
	call := &moduleCall{name: block.Labels[0], block: block, args: hcl.Attributes{}}
	for name, attr := range attrs {
		switch name {
		case "count":
			call.count = attr.Expr
		case "for_each":
			call.forEach = attr.Expr
		}
		if !slices.Contains(moduleMeta, name) {
			call.args[name] = attr
		}
	}
	if attr, ok := attrs["source"]; ok {
		if val, diags := attr.Expr.Value(nil); !diags.HasErrors() && val.Type() == cty.String && val.IsKnown() && !val.IsNull() {
			call.source = val.AsString()
		}
	}
	where := m.callAddress(call.name)
	if !strings.HasPrefix(call.source, "./") && !strings.HasPrefix(call.source, "../") {
		c.notes = append(c.notes, note{Where: where, What: text{
			JA: fmt.Sprintf("ローカルでないモジュール（source = %q）は読んでいません", call.source),
			EN: fmt.Sprintf("a module that is not local (source = %q) is not read", call.source),
		}})
		return call, nil
	}
	abs := filepath.Join(m.abs, filepath.FromSlash(call.source))
	if slices.Contains(chain, abs) || len(chain) >= maxModuleDepth {
		c.notes = append(c.notes, note{Where: where, What: text{
			JA: "自分自身を呼び出すモジュールは、二度目以降を読んでいません",
			EN: "a module that calls itself is read once",
		}})
		return call, nil
	}
	child, err := c.module(abs, chain)
	if err != nil {
		var pathErr *os.PathError
		if errors.As(err, &pathErr) {
			c.notes = append(c.notes, note{Where: where, What: text{
				JA: fmt.Sprintf("モジュールのディレクトリ %s を読めません", call.source),
				EN: fmt.Sprintf("the module directory %s cannot be read", call.source),
			}})
			return call, nil
		}
		return nil, err
	}
	call.child = child
	return call, nil
}

// callAddress names a module call of a module by its directory, for notes.
func (m *module) callAddress(name string) string {
	if m.dir == "." {
		return "module." + name
	}
	return m.dir + ": module." + name
}

// tfvars reads the values that terraform.tfvars(.json) and
// *.auto.tfvars(.json) of the root module set, in the order Terraform
// applies them: later files win.
func (c *configuration) tfvars(root *module) (map[string]cty.Value, error) {
	entries, err := os.ReadDir(root.abs)
	if err != nil {
		return nil, err
	}
	var auto []string
	for _, e := range entries {
		if !e.IsDir() && (strings.HasSuffix(e.Name(), ".auto.tfvars") || strings.HasSuffix(e.Name(), ".auto.tfvars.json")) {
			auto = append(auto, e.Name())
		}
	}
	sort.Strings(auto)
	values := map[string]cty.Value{}
	for _, name := range append([]string{"terraform.tfvars", "terraform.tfvars.json"}, auto...) {
		src, err := os.ReadFile(filepath.Join(root.abs, name))
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		var file *hcl.File
		var diags hcl.Diagnostics
		if strings.HasSuffix(name, ".json") {
			file, diags = c.parser.ParseJSON(src, name)
		} else {
			file, diags = c.parser.ParseHCL(src, name)
		}
		if diags.HasErrors() {
			return nil, diags
		}
		attrs, diags := file.Body.JustAttributes()
		if diags.HasErrors() {
			return nil, diags
		}
		for name, attr := range attrs {
			val, diags := attr.Expr.Value(nil)
			if diags.HasErrors() {
				val = cty.DynamicVal
			}
			values[name] = val
		}
	}
	return values, nil
}
