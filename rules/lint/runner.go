package lint

import (
	"fmt"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/terraform/addrs"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// Runner is the runner every rule of this ruleset receives. It wraps TFLint's
// runner for one module: it reads each resource type once with the union of
// what all rules read of it, evaluates values, applies severity overrides and
// formats messages with their citation. Apart from the findings already
// emitted in the run (Seen), it shares no state with other modules' runners.
type Runner struct {
	tflint.Runner

	// Config is the validated plugin configuration.
	Config *config.Config

	reads    Reads
	batch    map[string]bool
	severity map[string]tflint.Severity
	options  map[string]any
	byUser   map[string]bool
	fix      bool

	mu    sync.Mutex
	cache map[readKey][]*hclext.Block
	// types holds the types each module context declares, and meta the
	// count and for_each of its resources that have them.
	types map[tflint.ModuleCtxType]map[string]bool
	meta  map[tflint.ModuleCtxType]map[string]*hclext.BodyContent
	// json holds the module contexts that declare resources or data
	// sources in JSON files.
	json map[tflint.ModuleCtxType]bool
	// evals holds the values of the expressions asked of TFLint.
	evals map[evalKey]evalResult
	// refs holds the values of the variables and local values asked of
	// TFLint for local evaluation.
	refs map[refKey]evalResult
	// evaluating holds the local values being evaluated from their
	// definitions, against cycles.
	evaluating map[string]bool
	// decls and localDefs hold the module's variable blocks and local
	// values as written (inputs.go).
	decls     map[string]*variableDecl
	localDefs map[string]hcl.Expression
	memo      map[any]any
	// written holds the module read as written (written.go).
	written map[tflint.ModuleCtxType]*written
	// dropped holds the ranges of a called module at which TFLint drops
	// findings (dropped.go).
	dropped map[hcl.Range]bool
	shared  *Shared
	// fixedBy names the rule that emitted a fix TFLint will apply when the
	// rule's check returns; empty when the files are as read.
	fixedBy string
	path    *string
	module  *addrs.Module
	seen    *Seen
	leave   sync.Once
	left    func()
}

type readKey struct {
	resourceType string
	rule         string // set only when a read is not shared (no merged reads)
	ctx          tflint.ModuleCtxType
	declared     bool
}

// Options are what the ruleset hands to each runner.
type Options struct {
	// Reads is the union of the reads of all rules (MergeReads).
	Reads Reads
	// Batch holds the types the enabled rules read: the runner reads them
	// together. Nil means every type of Reads.
	Batch map[string]bool
	// Severity holds the severity overrides from the rule blocks.
	Severity map[string]tflint.Severity
	// RuleOptions holds the decoded options of configurable rules.
	RuleOptions map[string]any
	// EnabledByUser holds the rules the user switched on by name: a rule
	// block with enabled = true, --enable-rule or --only.
	EnabledByUser map[string]bool
	// Fix is true when TFLint runs with --fix.
	Fix bool
	// Seen collects the findings of the pass over the configuration, to
	// emit each once.
	Seen *Seen
	// ModulePath is the module's path ("" for the root module), when the
	// caller already asked TFLint for it.
	ModulePath *string
	// Module is the module's address, when the caller already asked TFLint
	// for it.
	Module *addrs.Module
	// Leave is called once when the check of the module ends (Leave).
	Leave func()
	// Shared is what the runners of the run share (NewShared).
	Shared *Shared
}

// NewRunner wraps TFLint's runner for one module.
func NewRunner(inner tflint.Runner, cfg *config.Config, opts Options) *Runner {
	if cfg == nil {
		cfg = config.Default()
	}
	r := &Runner{
		Runner:   inner,
		Config:   cfg,
		reads:    opts.Reads,
		batch:    opts.Batch,
		severity: opts.Severity,
		options:  opts.RuleOptions,
		byUser:   opts.EnabledByUser,
		fix:      opts.Fix,
		cache:    map[readKey][]*hclext.Block{},
		memo:     map[any]any{},
		evals:    map[evalKey]evalResult{},
		refs:     map[refKey]evalResult{},
		seen:     opts.Seen,
		path:     opts.ModulePath,
		module:   opts.Module,
		left:     opts.Leave,
		shared:   opts.Shared,
	}
	if r.shared == nil {
		r.shared = NewShared()
	}
	if r.seen == nil {
		r.seen = NewSeen()
	}
	if r.batch == nil {
		r.batch = map[string]bool{}
		for ty := range r.reads {
			r.batch[ty] = true
		}
	}
	return r
}

// Leave tells that the check of the module has ended: its last rule
// returned, or a rule failed.
func (r *Runner) Leave() {
	r.leave.Do(func() {
		if r.left != nil {
			r.left()
		}
	})
}

// Of returns the ruleset's runner, wrapping a plain TFLint runner with the
// default configuration if need be.
func Of(runner tflint.Runner) *Runner {
	if r, ok := runner.(*Runner); ok {
		return r
	}
	return NewRunner(runner, nil, Options{})
}

// Options returns the options of a configurable rule from its rule block,
// or its defaults when the block sets none.
func (r *Runner) Options(rule Configurable) any {
	if opts, ok := r.options[rule.Name()]; ok {
		return opts
	}
	return rule.NewOptions()
}

// EnabledByUser reports whether the user switched the rule on by name (a
// rule block with enabled = true, --enable-rule or --only) rather than
// through the preset: a rule may then apply more widely than its preset
// default.
func (r *Runner) EnabledByUser(rule Rule) bool {
	return r.byUser[rule.Name()]
}

// Resources returns the resources of a type in the module being checked,
// with count, for_each and dynamic blocks expanded. The rule must declare the
// type in its Reads.
func (r *Runner) Resources(rule Rule, resourceType string) ([]*hclext.Block, error) {
	return r.resources(rule, resourceType, tflint.SelfModuleCtxType, false)
}

// Declared returns the resources of a type in the module being checked as
// written, before count, for_each and dynamic blocks are expanded, with
// their count and for_each: TFLint leaves out of Resources a resource
// whose count or for_each cannot be known, which may yet be created. The
// rule must declare the type in its Reads.
func (r *Runner) Declared(rule Rule, resourceType string) ([]*hclext.Block, error) {
	return r.resources(rule, resourceType, tflint.SelfModuleCtxType, true)
}

// metaArgs are the meta-arguments Declared reads.
var metaArgs = &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "count"}, {Name: "for_each"}}}

// RootResources returns the resources of a type in the root module, for
// settings that apply to the whole configuration. Evaluate their attributes
// with RootAttr.
func (r *Runner) RootResources(rule Rule, resourceType string) ([]*hclext.Block, error) {
	root, err := r.IsRoot()
	if err != nil {
		return nil, err
	}
	if root {
		return r.resources(rule, resourceType, tflint.SelfModuleCtxType, false)
	}
	return r.resources(rule, resourceType, tflint.RootModuleCtxType, false)
}

func (r *Runner) resources(rule Rule, resourceType string, ctx tflint.ModuleCtxType, asWritten bool) ([]*hclext.Block, error) {
	own, declared := rule.Describe().Reads[resourceType]
	if !declared {
		return nil, fmt.Errorf("rule %s reads %s without declaring it in its Reads", rule.Name(), resourceType)
	}
	key := readKey{resourceType: resourceType, ctx: ctx, declared: asWritten}
	schema, shared := r.reads[resourceType]
	if !shared {
		schema, key.rule = own, rule.Name()
	}
	mode := tflint.ExpandModeExpand
	if asWritten {
		schema, mode = MergeSchema(schema, metaArgs), tflint.ExpandModeNone
	}

	r.mu.Lock()
	defer r.mu.Unlock()
	// TFLint applies a rule's fixes when its check returns. Until then the
	// fixing rule keeps reading the files as they were, and nothing it
	// reads is kept; the next rule drops what was read before the fix.
	keep := true
	switch r.fixedBy {
	case "":
	case rule.Name():
		keep = false
	default:
		r.cache, r.memo, r.types, r.meta, r.json, r.written, r.fixedBy = map[readKey][]*hclext.Block{}, map[any]any{}, nil, nil, nil, nil, ""
		r.evals, r.refs = map[evalKey]evalResult{}, map[refKey]evalResult{}
		r.decls, r.localDefs = nil, nil
	}
	if blocks, ok := r.cache[key]; ok && keep {
		return blocks, nil
	}
	present, err := r.declaredTypes(ctx)
	if err != nil {
		return nil, err
	}
	if !present[resourceType] {
		// Nothing of the type is declared: no need to ask TFLint.
		if keep {
			r.cache[key] = nil
		}
		return nil, nil
	}
	if keep && shared && !asWritten && r.batch[resourceType] && r.readBatch(ctx) {
		if blocks, ok := r.cache[key]; ok {
			return blocks, nil
		}
	}
	blocks, err := r.read(resourceType, schema, ctx, mode)
	if err != nil {
		return nil, fmt.Errorf("failed to read %s: %w", resourceType, err)
	}
	if keep {
		r.cache[key] = blocks
	}
	return blocks, nil
}

// declaredTypes returns the resource and data source types the module
// declares ("data."-prefixed for data sources), asked of TFLint in one read
// and kept with the reads: most of the types rules read are absent from
// most modules, and a read of each would cost a round trip. The caller
// holds r.mu.
func (r *Runner) declaredTypes(ctx tflint.ModuleCtxType) (map[string]bool, error) {
	if r.types == nil {
		r.types = map[tflint.ModuleCtxType]map[string]bool{}
	}
	if types, ok := r.types[ctx]; ok {
		return types, nil
	}
	content, err := r.moduleContent(&hclext.BodySchema{Blocks: []hclext.BlockSchema{
		{Type: "resource", LabelNames: []string{"type", "name"}, Body: metaArgs},
		{Type: "data", LabelNames: []string{"type", "name"}, Body: &hclext.BodySchema{}},
	}}, &tflint.GetModuleContentOption{ModuleCtx: ctx, ExpandMode: tflint.ExpandModeNone})
	if err != nil {
		return nil, fmt.Errorf("failed to list the module's resources: %w", err)
	}
	types := map[string]bool{}
	meta := map[string]*hclext.BodyContent{}
	json := false
	for _, block := range content.Blocks {
		json = json || !nativeSyntax(block.DefRange)
		if len(block.Labels) < 2 {
			continue
		}
		if block.Type == "data" {
			types[DataPrefix+block.Labels[0]] = true
			continue
		}
		types[block.Labels[0]] = true
		if len(block.Body.Attributes) > 0 {
			meta[Address(block)] = block.Body
		}
	}
	r.types[ctx] = types
	if r.meta == nil {
		r.meta = map[tflint.ModuleCtxType]map[string]*hclext.BodyContent{}
		r.json = map[tflint.ModuleCtxType]bool{}
	}
	r.meta[ctx], r.json[ctx] = meta, json
	return types, nil
}

// MetaArgs returns the count and for_each of a resource of the module being
// checked as written, or nil when it has neither: read with the list of the
// module's resources, without a read of their type.
func (r *Runner) MetaArgs(address string) (*hclext.BodyContent, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, err := r.declaredTypes(tflint.SelfModuleCtxType); err != nil {
		return nil, err
	}
	return r.meta[tflint.SelfModuleCtxType][address], nil
}

// DataPrefix marks a data source in Reads: "data.aws_iam_policy_document".
const DataPrefix = "data."

// read asks TFLint for the resources, or the data sources, of a type.
func (r *Runner) read(resourceType string, schema *hclext.BodySchema, ctx tflint.ModuleCtxType, mode tflint.ExpandMode) ([]*hclext.Block, error) {
	opts := &tflint.GetModuleContentOption{ModuleCtx: ctx, ExpandMode: mode}
	dataType, isData := strings.CutPrefix(resourceType, DataPrefix)
	if !isData {
		content, err := r.labelledContent("resource", []string{"type", "name"}, resourceType, schema, opts)
		if err != nil {
			return nil, err
		}
		return content.Blocks, nil
	}
	content, err := r.moduleContent(&hclext.BodySchema{
		Blocks: []hclext.BlockSchema{{Type: "data", LabelNames: []string{"type", "name"}, Body: schema}},
	}, opts)
	if err != nil {
		return nil, err
	}
	var blocks []*hclext.Block
	for _, block := range content.Blocks {
		if len(block.Labels) == 2 && block.Labels[0] == dataType {
			blocks = append(blocks, block)
		}
	}
	return blocks, nil
}

// Memo returns what compute returns for key, computing it once per module
// so that rules share work derived from what they read (a parsed policy
// document, a graph of who holds which policy). It is dropped with the reads
// when a fix changes the files.
func (r *Runner) Memo(key any, compute func() (any, error)) (any, error) {
	r.mu.Lock()
	v, ok := r.memo[key]
	r.mu.Unlock()
	if ok {
		return v, nil
	}
	v, err := compute()
	if err != nil {
		return nil, err
	}
	r.mu.Lock()
	if r.fixedBy == "" {
		r.memo[key] = v
	}
	r.mu.Unlock()
	return v, nil
}

// IsRoot reports whether the module being checked is the root module.
func (r *Runner) IsRoot() (bool, error) {
	path, err := r.modulePath()
	return path == "", err
}

// modulePath returns the path of the module being checked ("" for the
// root module), asked of TFLint once.
func (r *Runner) modulePath() (string, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.modulePathLocked()
}

// modulePathLocked is modulePath; the caller holds r.mu.
func (r *Runner) modulePathLocked() (string, error) {
	if r.path == nil {
		module, err := r.moduleAddrLocked()
		if err != nil {
			return "", err
		}
		s := module.String()
		r.path = &s
	}
	return *r.path, nil
}

// Report emits a finding of the rule at rng. The message is formatted with
// args in the configured language and ends with the rule's citation.
func (r *Runner) Report(rule Rule, rng hcl.Range, msg project.Text, args ...any) error {
	return r.EmitIssue(rule, r.message(rule, msg, args), rng)
}

// ReportFix is Report with an autofix for `tflint --fix`.
func (r *Runner) ReportFix(rule Rule, rng hcl.Range, fix func(tflint.Fixer) error, msg project.Text, args ...any) error {
	return r.EmitIssueWithFix(rule, r.message(rule, msg, args), rng, fix)
}

// Unverified names, in strict mode only, a security-relevant value the rule
// could not check, as a NOTICE: auditors see the blind spot instead of
// silence. Outside strict mode it does nothing.
func (r *Runner) Unverified(rule Rule, v Value, what project.Text) error {
	if !r.Config.Strict || v.State != Unknown {
		return nil
	}
	lang := r.Config.Language
	subject := what.In(lang)
	if lang == project.Japanese && endsInASCII(subject) {
		// 「map_public_ip_on_launch を」, not 「map_public_ip_on_launchを」.
		subject += " "
	}
	msg := fmt.Sprintf(unverified.In(lang), subject, v.Name, v.Why.In(lang)) + " " + rule.Describe().Cite(lang)
	if r.emitted(rule, msg, v.Range) || r.droppedByTFLint(v.Range) {
		return nil
	}
	return r.Runner.EmitIssue(withSeverity{rule, tflint.NOTICE}, msg, v.Range)
}

// endsInASCII reports whether a text ends with an ASCII letter or digit.
func endsInASCII(s string) bool {
	if s == "" {
		return false
	}
	c := s[len(s)-1]
	return c < 0x80 && (c == '_' || c == ')' || c == '"' || ('0' <= c && c <= '9') || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z'))
}

var unverified = project.Text{
	JA: "strict: %sを確認できません。%s: %s。",
	EN: "strict: cannot verify %s; %s: %s.",
}

// message formats msg with args in the configured language; an argument
// that is a project.Text is put in the same language.
func (r *Runner) message(rule Rule, msg project.Text, args []any) string {
	lang := r.Config.Language
	text := msg.In(lang)
	if len(args) > 0 {
		text = project.Textf(msg.JA, msg.EN, args...).In(lang)
	}
	return text + " " + rule.Describe().Cite(lang)
}

// EmitIssue emits an issue with the rule's configured severity.
func (r *Runner) EmitIssue(rule tflint.Rule, message string, rng hcl.Range) error {
	if r.emitted(rule, message, rng) || r.droppedByTFLint(rng) {
		return nil
	}
	return r.Runner.EmitIssue(r.withOverride(rule), message, rng)
}

// EmitIssueWithFix emits a fixable issue with the rule's configured severity.
// A fix makes the runner drop what it has read once TFLint applies it.
func (r *Runner) EmitIssueWithFix(rule tflint.Rule, message string, rng hcl.Range, fix func(tflint.Fixer) error) error {
	if r.emitted(rule, message, rng) || r.droppedByTFLint(rng) {
		return nil
	}
	if root, err := r.IsRoot(); err == nil && !root {
		// TFLint fixes nothing in a called module; the SDK would ask for the
		// module's path again to find that out.
		return r.Runner.EmitIssue(r.withOverride(rule), message, rng)
	}
	return r.Runner.EmitIssueWithFix(r.withOverride(rule), message, rng, func(f tflint.Fixer) error {
		if r.fix {
			r.mu.Lock()
			r.fixedBy = rule.Name()
			r.mu.Unlock()
		}
		return fix(f)
	})
}

// emitted reports whether the same finding was already emitted, and records
// it. The instances of a resource with count or for_each, the blocks of a
// dynamic block, and the instances of a module call with count or for_each
// share one range: a finding on it is emitted once.
func (r *Runner) emitted(rule tflint.Rule, message string, rng hcl.Range) bool {
	path, err := r.modulePath()
	if err != nil {
		return false
	}
	return r.seen.add(issueKey{path, rule.Name(), message, rng})
}

// Seen is the set of findings emitted in one pass of TFLint over the
// configuration, shared by the runners of every module call.
type Seen struct {
	mu     sync.Mutex
	issues map[issueKey]bool
}

// NewSeen returns an empty set.
func NewSeen() *Seen { return &Seen{issues: map[issueKey]bool{}} }

func (s *Seen) add(key issueKey) (seen bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.issues[key] {
		return true
	}
	s.issues[key] = true
	return false
}

// issueKey identifies a finding. The module path names the module calls
// without their instance keys, so the instances of one call share it.
type issueKey struct {
	module, rule, message string
	rng                   hcl.Range
}

func (r *Runner) withOverride(rule tflint.Rule) tflint.Rule {
	if sev, ok := r.severity[rule.Name()]; ok {
		return withSeverity{rule, sev}
	}
	return rule
}

// WithSeverity returns the rule as it appears in issues emitted with another
// severity: an override from the rule block, or a strict-mode NOTICE.
func WithSeverity(rule tflint.Rule, severity tflint.Severity) tflint.Rule {
	return withSeverity{rule, severity}
}

// withSeverity is a rule whose issues carry another severity.
type withSeverity struct {
	tflint.Rule
	severity tflint.Severity
}

func (w withSeverity) Severity() tflint.Severity { return w.severity }
