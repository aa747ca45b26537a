package rules

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
	"github.com/terraform-linters/tflint-plugin-sdk/terraform/addrs"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// fakeRule is a rule of a fake rule set: it reports every `t` resource.
type fakeRule struct {
	lint.Meta
	err error // returned by Check, when set
}

var _ lint.Rule = (*fakeRule)(nil)

func (r *fakeRule) Check(tr tflint.Runner) error {
	if r.err != nil {
		return r.err
	}
	runner := lint.Of(tr)
	blocks, err := runner.Resources(r, "t")
	if err != nil {
		return err
	}
	for _, block := range blocks {
		// At the value of a, when written: in a called module TFLint keeps
		// only findings at values that refer to a variable.
		at := block.DefRange
		if a, ok := block.Body.Attributes["a"]; ok {
			at = a.Expr.Range()
		}
		if err := runner.Report(r, at, project.Text{JA: "%s を報告します。", EN: "reported %s."}, block.Labels[1]); err != nil {
			return err
		}
	}
	return nil
}

const (
	ruleRecommended = "lgcloud_aws_fake_recommended"
	ruleGovCloud    = "lgcloud_aws_fake_govcloud"
	ruleAll         = "lgcloud_aws_fake_all"
)

// fakeRules returns one rule of each preset, in preset order.
func fakeRules() []lint.Rule {
	rule := func(name string, preset config.Preset) *fakeRule {
		return &fakeRule{Meta: lint.Meta{
			RuleName: name,
			Level:    tflint.ERROR,
			Preset:   preset,
			Provider: "aws",
			Items:    []string{"4.6.1.1"},
			Summary:  project.Text{JA: "テスト", EN: "test"},
			Reads:    lint.Reads{"t": {Attributes: []hclext.AttributeSchema{{Name: "a"}}}},
		}}
	}
	return []lint.Rule{
		rule(ruleRecommended, config.Recommended),
		rule(ruleGovCloud, config.GovCloud),
		rule(ruleAll, config.All),
	}
}

// pluginBlock parses src as the body of the plugin block.
func pluginBlock(t *testing.T, src string) *hclext.BodyContent {
	t.Helper()
	file, diags := hclparse.NewParser().ParseHCL([]byte(src), ".tflint.hcl")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	content, diags := hclext.Content(file.Body, config.Schema())
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return content
}

func enabledNames(rs *RuleSet) []string {
	names := []string{}
	for _, rule := range rs.EnabledRules {
		names = append(names, rule.Name())
	}
	return names
}

func blocks(enabled map[string]bool) map[string]*tflint.RuleConfig {
	out := map[string]*tflint.RuleConfig{}
	for name, on := range enabled {
		out[name] = &tflint.RuleConfig{Name: name, Enabled: on}
	}
	return out
}

func TestEnabledRules(t *testing.T) {
	cases := []struct {
		Name   string
		Global *tflint.Config
		Plugin string
		Want   []string
	}{
		{
			Name: "no plugin settings enable the recommended rules",
			Want: []string{ruleRecommended},
		},
		{
			Name:   "preset recommended",
			Plugin: `preset = "recommended"`,
			Want:   []string{ruleRecommended},
		},
		{
			Name:   "preset govcloud adds the account-baseline rules",
			Plugin: `preset = "govcloud"`,
			Want:   []string{ruleRecommended, ruleGovCloud},
		},
		{
			Name:   "preset all enables every rule",
			Plugin: `preset = "all"`,
			Want:   []string{ruleRecommended, ruleGovCloud, ruleAll},
		},
		{
			Name:   "only overrides the preset",
			Global: &tflint.Config{Only: []string{ruleGovCloud}},
			Plugin: `preset = "all"`,
			Want:   []string{ruleGovCloud},
		},
		{
			Name:   "only enables a rule outside the preset",
			Global: &tflint.Config{Only: []string{ruleAll}},
			Want:   []string{ruleAll},
		},
		{
			Name: "only overrides rule blocks",
			Global: &tflint.Config{
				Only:  []string{ruleRecommended},
				Rules: blocks(map[string]bool{ruleRecommended: false, ruleAll: true}),
			},
			Want: []string{ruleRecommended},
		},
		{
			Name:   "only overrides disabled_by_default",
			Global: &tflint.Config{Only: []string{ruleGovCloud}, DisabledByDefault: true},
			Want:   []string{ruleGovCloud},
		},
		{
			Name:   "only naming another plugin's rule enables none of ours",
			Global: &tflint.Config{Only: []string{"terraform_required_version"}},
			Plugin: `preset = "all"`,
			Want:   []string{},
		},
		{
			Name:   "rule block enabled = false beats the preset",
			Global: &tflint.Config{Rules: blocks(map[string]bool{ruleGovCloud: false})},
			Plugin: `preset = "govcloud"`,
			Want:   []string{ruleRecommended},
		},
		{
			Name:   "rule block enabled = true beats the preset",
			Global: &tflint.Config{Rules: blocks(map[string]bool{ruleAll: true})},
			Plugin: `preset = "recommended"`,
			Want:   []string{ruleRecommended, ruleAll},
		},
		{
			Name:   "rule blocks of other plugins' rules change nothing",
			Global: &tflint.Config{Rules: blocks(map[string]bool{"aws_instance_invalid_type": true, "terraform_required_version": false})},
			Want:   []string{ruleRecommended},
		},
		{
			Name:   "disabled_by_default turns off the rules without a block",
			Global: &tflint.Config{DisabledByDefault: true},
			Plugin: `preset = "all"`,
			Want:   []string{},
		},
		{
			Name:   "disabled_by_default keeps the rules a block enables",
			Global: &tflint.Config{DisabledByDefault: true, Rules: blocks(map[string]bool{ruleGovCloud: true, ruleRecommended: false})},
			Plugin: `preset = "all"`,
			Want:   []string{ruleGovCloud},
		},
	}

	for _, tc := range cases {
		global := tc.Global
		if global == nil {
			global = &tflint.Config{}
		}
		t.Run(tc.Name, func(t *testing.T) {
			// TFLint applies its own settings first, then the plugin block.
			rs := newRuleSet(fakeRules())
			if err := rs.ApplyGlobalConfig(global); err != nil {
				t.Fatal(err)
			}
			if err := rs.ApplyConfig(pluginBlock(t, tc.Plugin)); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.Want, enabledNames(rs)); diff != "" {
				t.Fatalf("enabled rules (-want +got):\n%s", diff)
			}
		})
		t.Run(tc.Name+" (plugin block applied first)", func(t *testing.T) {
			rs := newRuleSet(fakeRules())
			if err := rs.ApplyConfig(pluginBlock(t, tc.Plugin)); err != nil {
				t.Fatal(err)
			}
			if err := rs.ApplyGlobalConfig(global); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.Want, enabledNames(rs)); diff != "" {
				t.Fatalf("enabled rules (-want +got):\n%s", diff)
			}
		})
	}
}

func TestRuleSetIdentity(t *testing.T) {
	rs := newRuleSet(fakeRules())
	if rs.RuleSetName() != "lgcloud" {
		t.Errorf("RuleSetName() = %q, want lgcloud", rs.RuleSetName())
	}
	if rs.RuleSetVersion() != project.Version {
		t.Errorf("RuleSetVersion() = %q, want %q", rs.RuleSetVersion(), project.Version)
	}
	if diff := cmp.Diff([]string{ruleRecommended, ruleGovCloud, ruleAll}, rs.RuleNames()); diff != "" {
		t.Errorf("RuleNames() (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(config.Schema(), rs.ConfigSchema()); diff != "" {
		t.Errorf("ConfigSchema() is not the plugin block's schema (-want +got):\n%s", diff)
	}
}

func TestApplyGlobalConfigReplacesTheLastOne(t *testing.T) {
	rs := newRuleSet(fakeRules())
	if err := rs.ApplyGlobalConfig(&tflint.Config{Only: []string{ruleAll}}); err != nil {
		t.Fatal(err)
	}
	if err := rs.ApplyGlobalConfig(&tflint.Config{}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{ruleRecommended}, enabledNames(rs)); diff != "" {
		t.Fatalf("enabled rules (-want +got):\n%s", diff)
	}
}

func TestApplyConfigErrors(t *testing.T) {
	cases := []struct {
		Name   string
		Plugin string
		Want   []string
	}{
		{
			Name:   "unknown preset names the file and line",
			Plugin: "language = \"en\"\npreset   = \"strictest\"\n",
			Want:   []string{".tflint.hcl:2,", `preset "strictest" is unknown`},
		},
		{
			Name:   "bad CIDR names the file and line",
			Plugin: "segment \"lgwan\" {\n  cidrs = [\"10.0.0.0/33\"]\n}\n",
			Want:   []string{".tflint.hcl:2,", `"10.0.0.0/33" is not a CIDR range`},
		},
		{
			Name:   "unknown segment names the file and line",
			Plugin: "\nsegment \"public\" {}\n",
			Want:   []string{".tflint.hcl:2,", `segment "public" is unknown`},
		},
		{
			Name:   "every wrong value is in the error text",
			Plugin: "preset   = \"strictest\"\nlanguage = \"fr\"\n",
			// TFLint shows the plugin only the error's text.
			Want: []string{".tflint.hcl:1,", `preset "strictest" is unknown`, ".tflint.hcl:2,", `language "fr" is unknown`},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			rs := newRuleSet(fakeRules())
			if err := rs.ApplyConfig(pluginBlock(t, `preset = "govcloud"`)); err != nil {
				t.Fatal(err)
			}
			err := rs.ApplyConfig(pluginBlock(t, tc.Plugin))
			if err == nil {
				t.Fatal("want an error")
			}
			for _, part := range tc.Want {
				if !strings.Contains(err.Error(), part) {
					t.Errorf("error %q does not contain %q", err, part)
				}
			}
			// A wrong block changes nothing of what was configured.
			if diff := cmp.Diff([]string{ruleRecommended, ruleGovCloud}, enabledNames(rs)); diff != "" {
				t.Errorf("enabled rules changed (-want +got):\n%s", diff)
			}
			if rs.config.Preset != config.GovCloud {
				t.Errorf("configuration changed to %+v", rs.config)
			}
		})
	}
}

func TestParseSeverity(t *testing.T) {
	cases := []struct {
		In   string
		Want tflint.Severity
		OK   bool
	}{
		{"error", tflint.ERROR, true},
		{"warning", tflint.WARNING, true},
		{"notice", tflint.NOTICE, true},
		{"ERROR", tflint.ERROR, true},
		{"Warning", tflint.WARNING, true},
		{" notice ", tflint.NOTICE, true},
		{"fatal", 0, false},
		{"info", 0, false},
		{"warn", 0, false},
		{"", 0, false},
	}
	for _, tc := range cases {
		t.Run(tc.In, func(t *testing.T) {
			got, ok := ParseSeverity(tc.In)
			if got != tc.Want || ok != tc.OK {
				t.Fatalf("ParseSeverity(%q) = %v, %v; want %v, %v", tc.In, got, ok, tc.Want, tc.OK)
			}
		})
	}
}

const fakeSource = "resource \"t\" \"r\" {}\n"

func TestNewRunnerSeverity(t *testing.T) {
	cases := []struct {
		Name   string
		Config string
		// Want maps each fake rule to the severity of its issue.
		Want map[string]tflint.Severity
	}{
		{
			Name:   "no rule blocks keep every level",
			Config: "",
			Want:   map[string]tflint.Severity{ruleRecommended: tflint.ERROR, ruleGovCloud: tflint.ERROR, ruleAll: tflint.ERROR},
		},
		{
			Name:   "a rule block without severity keeps the level",
			Config: "rule \"" + ruleRecommended + "\" {\n  enabled = true\n}\n",
			Want:   map[string]tflint.Severity{ruleRecommended: tflint.ERROR, ruleGovCloud: tflint.ERROR, ruleAll: tflint.ERROR},
		},
		{
			Name:   "severity warning",
			Config: "rule \"" + ruleRecommended + "\" {\n  enabled  = true\n  severity = \"warning\"\n}\n",
			Want:   map[string]tflint.Severity{ruleRecommended: tflint.WARNING, ruleGovCloud: tflint.ERROR, ruleAll: tflint.ERROR},
		},
		{
			Name: "severities of two rules, one in capitals",
			Config: "rule \"" + ruleGovCloud + "\" {\n  enabled  = true\n  severity = \"NOTICE\"\n}\n" +
				"rule \"" + ruleAll + "\" {\n  enabled  = false\n  severity = \"warning\"\n}\n",
			Want: map[string]tflint.Severity{ruleRecommended: tflint.ERROR, ruleGovCloud: tflint.NOTICE, ruleAll: tflint.WARNING},
		},
		{
			Name:   "severity of another plugin's rule is not ours",
			Config: "rule \"aws_instance_invalid_type\" {\n  enabled  = true\n  severity = \"fatal\"\n}\n",
			Want:   map[string]tflint.Severity{ruleRecommended: tflint.ERROR, ruleGovCloud: tflint.ERROR, ruleAll: tflint.ERROR},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			rs := newRuleSet(fakeRules())
			inner := helper.TestRunner(t, map[string]string{".tflint.hcl": tc.Config, "main.tf": fakeSource})
			runner, err := rs.NewRunner(inner)
			if err != nil {
				t.Fatalf("NewRunner: %s", err)
			}
			for _, rule := range rs.all {
				if err := rule.Check(runner); err != nil {
					t.Fatal(err)
				}
			}
			want := helper.Issues{}
			for _, rule := range rs.all {
				var issueRule tflint.Rule = rule
				if sev := tc.Want[rule.Name()]; sev != rule.Severity() {
					issueRule = lint.WithSeverity(rule, sev)
				}
				want = append(want, &helper.Issue{
					Rule:    issueRule,
					Message: "r を報告します。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range:   hcl.Range{Filename: "main.tf", Start: hcl.Pos{Line: 1, Column: 1}, End: hcl.Pos{Line: 1, Column: 17}},
				})
			}
			helper.AssertIssues(t, want, inner.Issues)
			got := map[string]tflint.Severity{}
			for _, issue := range inner.Issues {
				got[issue.Rule.Name()] = issue.Rule.Severity()
			}
			if diff := cmp.Diff(tc.Want, got); diff != "" {
				t.Fatalf("severities (-want +got):\n%s", diff)
			}
		})
	}
}

func TestNewRunnerSeverityErrors(t *testing.T) {
	cases := []struct {
		Name   string
		Config string
		Want   []string
	}{
		{
			Name:   "unknown severity names the file, line and rule",
			Config: "rule \"" + ruleGovCloud + "\" {\n  enabled  = true\n  severity = \"fatal\"\n}\n",
			Want:   []string{".tflint.hcl:3,15-20", ruleGovCloud, `"fatal"`},
		},
		{
			Name:   "empty severity",
			Config: "\nrule \"" + ruleRecommended + "\" {\n  enabled  = true\n  severity = \"\"\n}\n",
			Want:   []string{".tflint.hcl:4,", ruleRecommended, "severity"},
		},
		{
			Name:   "number as severity",
			Config: "rule \"" + ruleAll + "\" {\n  enabled  = true\n  severity = 2\n}\n",
			Want:   []string{".tflint.hcl:3,", ruleAll, `"2"`},
		},
		{
			Name:   "list as severity",
			Config: "rule \"" + ruleAll + "\" {\n  enabled  = true\n  severity = [\"error\"]\n}\n",
			Want:   []string{".tflint.hcl:3,", ruleAll},
		},
		{
			Name:   "misspelt attribute in a rule block",
			Config: "rule \"" + ruleAll + "\" {\n  enabled = true\n  severty = \"warning\"\n}\n",
			Want:   []string{".tflint.hcl:3,", ruleAll, "severty"},
		},
		{
			Name: "every bad rule block is named",
			Config: "rule \"" + ruleRecommended + "\" {\n  enabled  = true\n  severity = \"fatal\"\n}\n" +
				"rule \"" + ruleAll + "\" {\n  enabled  = true\n  severity = \"info\"\n}\n",
			Want: []string{".tflint.hcl:3,", ruleRecommended, `"fatal"`, ".tflint.hcl:7,", ruleAll, `"info"`},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			rs := newRuleSet(fakeRules())
			inner := helper.TestRunner(t, map[string]string{".tflint.hcl": tc.Config, "main.tf": fakeSource})
			runner, err := rs.NewRunner(inner)
			if err == nil {
				t.Fatalf("NewRunner: want an error, got a runner %T", runner)
			}
			for _, part := range tc.Want {
				if !strings.Contains(err.Error(), part) {
					t.Errorf("error %q does not contain %q", err, part)
				}
			}
			// Every later module fails the same way.
			if _, again := rs.NewRunner(inner); again == nil || again.Error() != err.Error() {
				t.Errorf("second NewRunner: got %v, want %v", again, err)
			}
		})
	}
}

// decodeCounter counts the rule configurations the ruleset decodes.
type decodeCounter struct {
	tflint.Runner
	decoded int
}

func (d *decodeCounter) DecodeRuleConfig(name string, ret any) error {
	d.decoded++
	return d.Runner.DecodeRuleConfig(name, ret)
}

func TestNewRunnerReadsSeveritiesOncePerRun(t *testing.T) {
	rs := newRuleSet(fakeRules())
	inner := &decodeCounter{Runner: helper.TestRunner(t, map[string]string{
		".tflint.hcl": "rule \"" + ruleAll + "\" {\n  enabled  = true\n  severity = \"warning\"\n}\n",
		"main.tf":     fakeSource,
	})}
	for range 3 {
		if _, err := rs.NewRunner(inner); err != nil {
			t.Fatal(err)
		}
	}
	if inner.decoded != len(rs.all) {
		t.Fatalf("decoded %d rule configurations over three modules, want %d", inner.decoded, len(rs.all))
	}
	// A new run (TFLint applies its configuration again) reads them again.
	if err := rs.ApplyGlobalConfig(&tflint.Config{}); err != nil {
		t.Fatal(err)
	}
	if _, err := rs.NewRunner(inner); err != nil {
		t.Fatal(err)
	}
	if inner.decoded != 2*len(rs.all) {
		t.Fatalf("decoded %d rule configurations over two runs, want %d", inner.decoded, 2*len(rs.all))
	}
}

func TestNewRunnerCarriesTheConfiguration(t *testing.T) {
	rs := newRuleSet(fakeRules())
	if err := rs.ApplyGlobalConfig(&tflint.Config{Fix: true}); err != nil {
		t.Fatal(err)
	}
	if err := rs.ApplyConfig(pluginBlock(t, "language = \"en\"\nstrict = true\n")); err != nil {
		t.Fatal(err)
	}
	inner := helper.TestRunner(t, map[string]string{"main.tf": fakeSource})
	runner, err := rs.NewRunner(inner)
	if err != nil {
		t.Fatal(err)
	}
	lr, ok := runner.(*lint.Runner)
	if !ok {
		t.Fatalf("NewRunner returned %T, want *lint.Runner", runner)
	}
	if lr.Config.Language != project.English || !lr.Config.Strict {
		t.Fatalf("runner configuration %+v, want English and strict", lr.Config)
	}
	if err := rs.all[0].Check(runner); err != nil {
		t.Fatal(err)
	}
	want := "reported r. [Guideline 4.6.1.1 / JIS Q 27017 10.1.1]"
	if len(inner.Issues) != 1 || inner.Issues[0].Message != want {
		t.Fatalf("issues %v, want one with message %q", inner.Issues, want)
	}
}

func TestNewRunnerSharesReads(t *testing.T) {
	// Every fake rule reads t: one read serves all three.
	rs := newRuleSet(fakeRules())
	inner := &readCounter{Runner: helper.TestRunner(t, map[string]string{"main.tf": fakeSource})}
	runner, err := rs.NewRunner(inner)
	if err != nil {
		t.Fatal(err)
	}
	for _, rule := range rs.all {
		if err := rule.Check(runner); err != nil {
			t.Fatal(err)
		}
	}
	if inner.reads != 1 {
		t.Fatalf("t was read %d times for three rules, want 1", inner.reads)
	}
}

type readCounter struct {
	tflint.Runner
	reads int
}

// GetModuleContent counts the reads of the types the rules read together;
// the listing of the module's types is read as written.
func (c *readCounter) GetModuleContent(schema *hclext.BodySchema, opts *tflint.GetModuleContentOption) (*hclext.BodyContent, error) {
	if opts != nil && opts.ExpandMode != tflint.ExpandModeNone {
		c.reads++
	}
	return c.Runner.GetModuleContent(schema, opts)
}

func (c *readCounter) GetResourceContent(name string, schema *hclext.BodySchema, opts *tflint.GetModuleContentOption) (*hclext.BodyContent, error) {
	c.reads++
	return c.Runner.GetResourceContent(name, schema, opts)
}

// moduleRunner is a runner of a called module.
type moduleRunner struct {
	tflint.Runner
	path addrs.Module
}

func (m moduleRunner) GetModulePath() (addrs.Module, error) { return m.path, nil }

func TestFindingsAreReportedOncePerPass(t *testing.T) {
	src := map[string]string{"main.tf": `
resource "t" "a" {
  a = var.a
}`}
	rs := newRuleSet(fakeRules())
	rule := rs.EnabledRules[0]
	check := func(inner tflint.Runner) {
		t.Helper()
		runner, err := rs.NewRunner(inner)
		if err != nil {
			t.Fatal(err)
		}
		if err := rule.Check(runner); err != nil {
			t.Fatal(err)
		}
	}
	// One pass: the root, then two instances of a module call with count.
	root := helper.TestRunner(t, src)
	check(root)
	first := helper.TestRunner(t, src)
	check(moduleRunner{first, addrs.Module{"disk"}})
	second := helper.TestRunner(t, src)
	check(moduleRunner{second, addrs.Module{"disk"}})
	if got := len(root.Issues) + len(first.Issues) + len(second.Issues); got != 2 {
		t.Fatalf("first pass: %d findings, want 2 (root and one module instance)", got)
	}
	// TFLint's next pass after --fix starts with the root again.
	again := helper.TestRunner(t, src)
	check(again)
	if len(again.Issues) != 1 {
		t.Fatalf("second pass: %d root findings, want 1", len(again.Issues))
	}
}

func TestNewRunnerKnowsRulesEnabledByUser(t *testing.T) {
	cases := []struct {
		Name   string
		Global *tflint.Config
		Preset string
		Want   map[string]bool
	}{
		{Name: "the preset alone switches nothing on by name", Global: &tflint.Config{},
			Want: map[string]bool{ruleRecommended: false, ruleGovCloud: false, ruleAll: false}},
		{Name: "the all preset switches nothing on by name", Global: &tflint.Config{}, Preset: `preset = "all"`,
			Want: map[string]bool{ruleRecommended: false, ruleGovCloud: false, ruleAll: false}},
		{Name: "a rule block (or --enable-rule) switches its rule on by name",
			Global: &tflint.Config{Rules: blocks(map[string]bool{ruleRecommended: true, ruleAll: true, ruleGovCloud: false})},
			Want:   map[string]bool{ruleRecommended: true, ruleGovCloud: false, ruleAll: true}},
		{Name: "a rule block counts under disabled_by_default",
			Global: &tflint.Config{DisabledByDefault: true, Rules: blocks(map[string]bool{ruleAll: true})},
			Want:   map[string]bool{ruleRecommended: false, ruleGovCloud: false, ruleAll: true}},
		{Name: "--only switches its rules on by name", Global: &tflint.Config{Only: []string{ruleRecommended}},
			Want: map[string]bool{ruleRecommended: true, ruleGovCloud: false, ruleAll: false}},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			rs := newRuleSet(fakeRules())
			if err := rs.ApplyGlobalConfig(tc.Global); err != nil {
				t.Fatal(err)
			}
			if err := rs.ApplyConfig(pluginBlock(t, tc.Preset)); err != nil {
				t.Fatal(err)
			}
			runner, err := rs.NewRunner(helper.TestRunner(t, map[string]string{"main.tf": fakeSource}))
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]bool{}
			for _, rule := range rs.all {
				got[rule.Name()] = runner.(*lint.Runner).EnabledByUser(rule)
			}
			if diff := cmp.Diff(tc.Want, got); diff != "" {
				t.Fatalf("(-want +got):\n%s", diff)
			}
		})
	}
}
