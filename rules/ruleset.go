package rules

import (
	"strings"
	"sync"
	"sync/atomic"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// RuleSet is the lgcloud ruleset.
type RuleSet struct {
	tflint.BuiltinRuleSet

	all    []lint.Rule
	reads  lint.Reads
	batch  map[string]bool
	global *tflint.Config
	config *config.Config

	// Severity overrides and rule options are read from the rule blocks
	// once per run, by the first check that needs them.
	once     *sync.Once
	severity map[string]tflint.Severity
	options  map[string]any
	err      error

	// byUser holds the rules the user switched on by name rather than
	// through the preset.
	byUser map[string]bool

	// seen holds the findings emitted in the current pass over the
	// configuration, so that the instances of a module call with count or
	// for_each report a finding once.
	mu   sync.Mutex
	seen *lint.Seen
	// shared is what the module checks of the run share.
	shared *lint.Shared

	// gate bounds the module checks in progress; nil runs them unbounded
	// (tests that call NewRunner without running every rule). taught is
	// set when the first module check has entered it.
	gate   gate
	taught atomic.Bool
}

var _ tflint.RuleSet = (*RuleSet)(nil)

// New returns the ruleset with every rule of the registry.
func New() *RuleSet {
	rs := newRuleSet(All())
	rs.gate = make(gate, gateWidth())
	return rs
}

func newRuleSet(all []lint.Rule) *RuleSet {
	rs := &RuleSet{
		BuiltinRuleSet: tflint.BuiltinRuleSet{
			Name:    "lgcloud",
			Version: project.Version,
		},
		all:    all,
		reads:  lint.MergeReads(all),
		global: &tflint.Config{},
		config: config.Default(),
		once:   &sync.Once{},
		shared: lint.NewShared(),
	}
	for _, rule := range all {
		rs.Rules = append(rs.Rules, rule)
	}
	rs.enable()
	return rs
}

// ConfigSchema returns the schema of the plugin block.
func (rs *RuleSet) ConfigSchema() *hclext.BodySchema {
	return config.Schema()
}

// ApplyGlobalConfig keeps TFLint's own settings (--only, rule blocks,
// --enable-rule, --disable-rule, disabled_by_default, --fix) for ApplyConfig,
// which decides what is enabled once the preset is known.
func (rs *RuleSet) ApplyGlobalConfig(global *tflint.Config) error {
	rs.global = global
	rs.once = &sync.Once{}
	rs.enable()
	return nil
}

// ApplyConfig reads the plugin block and enables the rules of its preset.
func (rs *RuleSet) ApplyConfig(content *hclext.BodyContent) error {
	cfg, err := config.Parse(content)
	if err != nil {
		return err
	}
	rs.config = cfg
	rs.enable()
	return nil
}

// enable decides which rules run, with TFLint's priorities: --only first,
// then the rule's own block (or --enable-rule / --disable-rule), then
// disabled_by_default, then the preset.
func (rs *RuleSet) enable() {
	only := map[string]bool{}
	for _, name := range rs.global.Only {
		only[name] = true
	}
	rs.EnabledRules = nil
	rs.byUser = map[string]bool{}
	rs.batch = map[string]bool{}
	for _, rule := range rs.all {
		enabled := rs.config.Preset.Includes(rule.Describe().Preset)
		if len(only) > 0 {
			enabled = only[rule.Name()]
			rs.byUser[rule.Name()] = enabled
		} else if cfg := rs.global.Rules[rule.Name()]; cfg != nil {
			enabled = cfg.Enabled
			rs.byUser[rule.Name()] = enabled
		} else if rs.global.DisabledByDefault {
			enabled = false
		}
		if enabled {
			rs.EnabledRules = append(rs.EnabledRules, gated{Rule: rule})
			for ty := range rule.Describe().Reads {
				rs.batch[ty] = true
			}
		}
	}
	if n := len(rs.EnabledRules); n > 0 {
		rs.EnabledRules[n-1] = gated{Rule: rs.EnabledRules[n-1].(gated).Rule, last: true}
	}
}

// NewRunner wraps TFLint's runner for one module in the ruleset's runner.
func (rs *RuleSet) NewRunner(runner tflint.Runner) (tflint.Runner, error) {
	once := rs.once
	once.Do(func() { rs.severity, rs.options, rs.err = readRuleConfigs(runner, rs.all) })
	if rs.err != nil {
		return nil, rs.err
	}
	path, err := runner.GetModulePath()
	if err != nil {
		return nil, err
	}
	module := path.String()
	leave := func() {}
	if rs.gate != nil && len(rs.EnabledRules) > 0 {
		// The check's last rule leaves the gate (gated).
		leave = rs.gate.enter(module != "" && !rs.taught.Swap(true))
	}
	return lint.NewRunner(runner, rs.config, lint.Options{
		Leave:         leave,
		Reads:         rs.reads,
		Batch:         rs.batch,
		Severity:      rs.severity,
		RuleOptions:   rs.options,
		EnabledByUser: rs.byUser,
		Fix:           rs.global.Fix,
		Seen:          rs.pass(module == ""),
		Shared:        rs.shared,
		ModulePath:    &module,
		Module:        &path,
	}), nil
}

// pass returns the set of findings of the current pass over the
// configuration. TFLint checks the root module first, then the module calls,
// and repeats the whole pass after applying fixes: a root check starts a new
// pass, so a finding still present after a fix is reported again.
func (rs *RuleSet) pass(root bool) *lint.Seen {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	if root || rs.seen == nil {
		rs.seen = lint.NewSeen()
		rs.shared.NewPass()
	}
	return rs.seen
}

// ParseSeverity reads a severity as written in a rule block.
func ParseSeverity(s string) (tflint.Severity, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "error":
		return tflint.ERROR, true
	case "warning":
		return tflint.WARNING, true
	case "notice":
		return tflint.NOTICE, true
	}
	return 0, false
}
