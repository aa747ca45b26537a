package lint

import (
	"strings"
	"sync"

	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// Rules read a module as written (without expanding count, for_each and
// dynamic blocks) in many small reads: the list of its resources, its
// provider and terraform blocks, its module calls, resources whose count is
// unknown. TFLint answers each with a pass over the whole module. The
// runner reads instead, once per module, the union of every as-written
// schema asked so far in the run (the first module teaches the others),
// and answers each read from it with what TFLint would have returned. The
// root module's content, which every module check reads, is read once per
// pass over the configuration.

// Shared is what the runners of one run share: the as-written schemas
// asked so far, the batched reads' groups, and the root module as written
// in the current pass. The runners that share it read with the same Reads.
type Shared struct {
	mu     sync.Mutex
	schema map[tflint.ModuleCtxType]*hclext.BodySchema
	groups map[string][]*batchGroup
	root   *written
	// refs holds the root module's variables and local values asked in
	// the pass, calls its module calls by name.
	refs  map[refKey]*sharedRef
	calls map[string]*hclext.Block
}

// NewShared returns what the runners of a run share; call NewPass when a
// pass over the configuration starts.
func NewShared() *Shared {
	return &Shared{schema: map[tflint.ModuleCtxType]*hclext.BodySchema{}, groups: map[string][]*batchGroup{}}
}

// NewPass forgets the root module's content: fixes may have changed it.
func (s *Shared) NewPass() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.root, s.refs, s.calls = nil, nil, nil
}

// written is a module read as written with a schema.
type written struct {
	mu      sync.Mutex
	schema  *hclext.BodySchema
	content *hclext.BodyContent
}

// GetModuleContent is TFLint's GetModuleContent; reads as written are
// answered from the module's as-written content.
func (r *Runner) GetModuleContent(schema *hclext.BodySchema, opts *tflint.GetModuleContentOption) (*hclext.BodyContent, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.moduleContent(schema, opts)
}

// moduleContent is GetModuleContent; the caller holds r.mu.
func (r *Runner) moduleContent(schema *hclext.BodySchema, opts *tflint.GetModuleContentOption) (*hclext.BodyContent, error) {
	if opts == nil {
		opts = &tflint.GetModuleContentOption{}
	}
	if opts.ExpandMode != tflint.ExpandModeNone || r.fixedBy != "" {
		return r.fetch(schema, opts)
	}
	return r.readWritten(schema, opts.ModuleCtx)
}

// GetResourceContent is TFLint's GetResourceContent, through
// GetModuleContent.
func (r *Runner) GetResourceContent(name string, schema *hclext.BodySchema, opts *tflint.GetModuleContentOption) (*hclext.BodyContent, error) {
	return r.labelled("resource", []string{"type", "name"}, name, schema, opts)
}

// GetProviderContent is TFLint's GetProviderContent, through
// GetModuleContent.
func (r *Runner) GetProviderContent(name string, schema *hclext.BodySchema, opts *tflint.GetModuleContentOption) (*hclext.BodyContent, error) {
	return r.labelled("provider", []string{"name"}, name, schema, opts)
}

func (r *Runner) labelled(blockType string, labels []string, name string, schema *hclext.BodySchema, opts *tflint.GetModuleContentOption) (*hclext.BodyContent, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.labelledContent(blockType, labels, name, schema, opts)
}

// labelledContent is labelled; the caller holds r.mu.
func (r *Runner) labelledContent(blockType string, labels []string, name string, schema *hclext.BodySchema, opts *tflint.GetModuleContentOption) (*hclext.BodyContent, error) {
	if opts == nil || opts.ExpandMode != tflint.ExpandModeNone {
		// TFLint skips the module when it declares nothing of the type.
		get := r.Runner.GetProviderContent
		if blockType == "resource" {
			get = r.Runner.GetResourceContent
		}
		content, err := get(name, schema, opts)
		if err == nil && opts != nil {
			r.noteDropped(content, opts.ModuleCtx)
		}
		return content, err
	}
	content, err := r.moduleContent(&hclext.BodySchema{Blocks: []hclext.BlockSchema{{Type: blockType, LabelNames: labels, Body: schema}}}, opts)
	if err != nil {
		return nil, err
	}
	out := &hclext.BodyContent{Attributes: hclext.Attributes{}, Blocks: hclext.Blocks{}}
	for _, block := range content.Blocks {
		if len(block.Labels) > 0 && block.Labels[0] == name {
			out.Blocks = append(out.Blocks, block)
		}
	}
	return out, nil
}

// readWritten answers a read as written from the module context's content.
// The caller holds r.mu.
func (r *Runner) readWritten(schema *hclext.BodySchema, ctx tflint.ModuleCtxType) (*hclext.BodyContent, error) {
	if schema == nil {
		schema = &hclext.BodySchema{}
	}
	w := r.writtenOf(ctx)
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.content != nil && covers(w.schema, schema) {
		return narrow(w.content, schema), nil
	}
	union := r.shared.learn(ctx, schema)
	if w.schema != nil {
		union = mergeIfNoClash(union, w.schema)
	}
	if union == nil || !covers(union, schema) {
		// The schema cannot be merged with the others: read it alone.
		return r.fetch(schema, &tflint.GetModuleContentOption{ModuleCtx: ctx, ExpandMode: tflint.ExpandModeNone})
	}
	content, err := r.fetch(union, &tflint.GetModuleContentOption{ModuleCtx: ctx, ExpandMode: tflint.ExpandModeNone})
	if err != nil {
		return nil, err
	}
	w.schema, w.content = union, content
	return narrow(content, schema), nil
}

// writtenOf returns the as-written content of a module context: the
// runner's own, or, for the root module read from a called module's check,
// the pass's. The caller holds r.mu.
func (r *Runner) writtenOf(ctx tflint.ModuleCtxType) *written {
	if ctx == tflint.RootModuleCtxType {
		if path, err := r.modulePathLocked(); err == nil && path != "" {
			r.shared.mu.Lock()
			defer r.shared.mu.Unlock()
			if r.shared.root == nil {
				r.shared.root = &written{}
			}
			return r.shared.root
		}
		ctx = tflint.SelfModuleCtxType
	}
	if r.written == nil {
		r.written = map[tflint.ModuleCtxType]*written{}
	}
	if r.written[ctx] == nil {
		r.written[ctx] = &written{}
	}
	return r.written[ctx]
}

// learn adds a schema to those asked as written in a module context and
// returns their union, or nil when the schema clashes with it.
func (s *Shared) learn(ctx tflint.ModuleCtxType, schema *hclext.BodySchema) *hclext.BodySchema {
	s.mu.Lock()
	defer s.mu.Unlock()
	union := mergeIfNoClash(s.schema[ctx], schema)
	if union != nil {
		s.schema[ctx] = union
	}
	return union
}

// mergeIfNoClash returns the union of two schemas, or nil when they clash.
// The union serves every module of the run, some of which may be written in
// JSON.
func mergeIfNoClash(a, b *hclext.BodySchema) *hclext.BodySchema {
	if a == nil {
		return MergeSchema(nil, b)
	}
	if b == nil {
		return a
	}
	if clash(a, b, true) {
		return nil
	}
	return MergeSchema(a, b)
}

// covers reports whether content read with schema a holds all that a read
// with schema b returns.
func covers(a, b *hclext.BodySchema) bool {
	if a == nil {
		return b == nil
	}
	if b == nil {
		return true
	}
	if a.Mode != b.Mode {
		return false
	}
	attrs := map[string]bool{}
	for _, attr := range a.Attributes {
		attrs[attr.Name] = true
	}
	for _, attr := range b.Attributes {
		if !attrs[attr.Name] {
			return false
		}
	}
	blocks := map[string]hclext.BlockSchema{}
	for _, block := range a.Blocks {
		blocks[block.Type] = block
	}
	for _, block := range b.Blocks {
		ab, ok := blocks[block.Type]
		if !ok || strings.Join(ab.LabelNames, "\x00") != strings.Join(block.LabelNames, "\x00") || !covers(ab.Body, block.Body) {
			return false
		}
	}
	return true
}

// narrow returns what a read with the schema returns, from content read
// with a schema that covers it. The content is not changed.
func narrow(content *hclext.BodyContent, schema *hclext.BodySchema) *hclext.BodyContent {
	if content == nil {
		return nil
	}
	out := &hclext.BodyContent{Attributes: hclext.Attributes{}, Blocks: hclext.Blocks{}}
	if schema == nil {
		return out
	}
	if schema.Mode == hclext.SchemaJustAttributesMode {
		for name, attr := range content.Attributes {
			out.Attributes[name] = attr
		}
	} else {
		for _, attr := range schema.Attributes {
			if a, ok := content.Attributes[attr.Name]; ok {
				out.Attributes[attr.Name] = a
			}
		}
	}
	inner := map[string]*hclext.BodySchema{}
	for _, b := range schema.Blocks {
		inner[b.Type] = b.Body
	}
	for _, b := range content.Blocks {
		s, ok := inner[b.Type]
		if !ok {
			continue
		}
		copied := *b
		copied.Body = narrow(b.Body, s)
		out.Blocks = append(out.Blocks, &copied)
	}
	return out
}
