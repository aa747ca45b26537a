package lint

import (
	"sort"
	"strings"

	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// TFLint answers a read of one resource type with every resource of the
// module, the schema applied to each, and the plugin keeps those of the
// type: a read per type costs the whole module each time, and the module's
// count and for_each are expanded each time. The runner reads instead every
// type the enabled rules read in as few requests as the schemas allow, and
// keeps each type's blocks as a read of that type alone would return them.

// readBatch reads, in the module context, every type of the batch that the
// module declares and that is not read yet, and keeps each type's blocks.
// It reports false when TFLint refused a request: the caller then reads
// the type alone, so that the error names it. The caller holds r.mu.
func (r *Runner) readBatch(ctx tflint.ModuleCtxType) bool {
	present, err := r.declaredTypes(ctx)
	if err != nil {
		return false
	}
	var pending []string
	for ty := range r.batch {
		if _, read := r.cache[readKey{resourceType: ty, ctx: ctx}]; read {
			continue
		}
		if _, shared := r.reads[ty]; shared && present[ty] {
			pending = append(pending, ty)
		}
	}
	sort.Strings(pending)
	for _, group := range r.batchGroups(pending, r.json[ctx]) {
		content, err := r.fetch(group.schema(), &tflint.GetModuleContentOption{ModuleCtx: ctx, ExpandMode: tflint.ExpandModeExpand})
		if err != nil {
			return false
		}
		byType := map[string][]*hclext.Block{}
		for _, block := range content.Blocks {
			if len(block.Labels) < 2 {
				continue
			}
			ty := block.Labels[0]
			if block.Type == "data" {
				ty = DataPrefix + ty
			}
			if schema, ok := group.types[ty]; ok {
				byType[ty] = append(byType[ty], restrict(block, schema))
			}
		}
		for ty := range group.types {
			r.cache[readKey{resourceType: ty, ctx: ctx}] = byType[ty]
		}
	}
	return true
}

// batchGroups returns groups(types, json), computed once per run for each
// set of types: the modules of a configuration declare few distinct sets.
// The caller holds r.mu.
func (r *Runner) batchGroups(types []string, json bool) []*batchGroup {
	key := strings.Join(types, " ")
	if json {
		key += "\x00json"
	}
	r.shared.mu.Lock()
	defer r.shared.mu.Unlock()
	if groups, ok := r.shared.groups[key]; ok {
		return groups
	}
	groups := r.groups(types, json)
	r.shared.groups[key] = groups
	return groups
}

// batchGroup is a set of types read in one request: the union of their
// schemas, resources and data sources apart.
type batchGroup struct {
	types              map[string]*hclext.BodySchema
	resources, sources *hclext.BodySchema
}

func (g *batchGroup) schema() *hclext.BodySchema {
	s := &hclext.BodySchema{}
	if g.resources != nil {
		s.Blocks = append(s.Blocks, hclext.BlockSchema{Type: "resource", LabelNames: []string{"type", "name"}, Body: g.resources})
	}
	if g.sources != nil {
		s.Blocks = append(s.Blocks, hclext.BlockSchema{Type: "data", LabelNames: []string{"type", "name"}, Body: g.sources})
	}
	return s
}

// groups puts the types into as few groups as their schemas allow (clash).
// Most configurations need one group.
func (r *Runner) groups(types []string, json bool) []*batchGroup {
	var groups []*batchGroup
	for _, ty := range types {
		schema := r.reads[ty]
		_, isData := strings.CutPrefix(ty, DataPrefix)
		placed := false
		for _, g := range groups {
			union := &g.resources
			if isData {
				union = &g.sources
			}
			if clash(*union, schema, json) {
				continue
			}
			*union = MergeSchema(*union, schema)
			g.types[ty] = schema
			placed = true
			break
		}
		if !placed {
			g := &batchGroup{types: map[string]*hclext.BodySchema{ty: schema}}
			if isData {
				g.sources = MergeSchema(nil, schema)
			} else {
				g.resources = MergeSchema(nil, schema)
			}
			groups = append(groups, g)
		}
	}
	return groups
}

// clash reports whether two schemas cannot be merged: a block differs in
// its labels or its mode, at any depth, or, when the bodies read are in JSON
// files, a name is an attribute in one and a block in the other. In native
// syntax an attribute and a block of one name are told apart (aws_eip's
// network_interface argument, aws_instance's network_interface blocks); in
// JSON a property of the name would be read as the attribute only.
func clash(a, b *hclext.BodySchema, json bool) bool {
	if a == nil || b == nil {
		return false
	}
	if a.Mode != b.Mode {
		return true
	}
	attrs := func(s *hclext.BodySchema) map[string]bool {
		m := map[string]bool{}
		for _, attr := range s.Attributes {
			m[attr.Name] = true
		}
		return m
	}
	blocks := func(s *hclext.BodySchema) map[string]hclext.BlockSchema {
		m := map[string]hclext.BlockSchema{}
		for _, block := range s.Blocks {
			m[block.Type] = block
		}
		return m
	}
	aAttrs, bAttrs, aBlocks, bBlocks := attrs(a), attrs(b), blocks(a), blocks(b)
	if json {
		for name := range aAttrs {
			if _, ok := bBlocks[name]; ok {
				return true
			}
		}
		for name := range bAttrs {
			if _, ok := aBlocks[name]; ok {
				return true
			}
		}
	}
	for name, ab := range aBlocks {
		bb, ok := bBlocks[name]
		if !ok {
			continue
		}
		if strings.Join(ab.LabelNames, "\x00") != strings.Join(bb.LabelNames, "\x00") || clash(ab.Body, bb.Body, json) {
			return true
		}
	}
	return false
}

// restrict leaves in the block only what the schema reads, as a read of its
// type alone returns it. The block keeps its address: a runner may know it
// by it (the ledger's instance keys).
func restrict(block *hclext.Block, schema *hclext.BodySchema) *hclext.Block {
	block.Body = narrow(block.Body, schema)
	return block
}
