package lint_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

const oneResource = "resource \"t\" \"r\" {\n  encrypted = false\n}\n"

func english() *config.Config { return linttest.English() }

func TestReportMessage(t *testing.T) {
	at := rng(1, 1, 17)
	cases := []struct {
		Name   string
		Items  []string
		Config *config.Config
		Msg    project.Text
		Args   []any
		Want   string
	}{
		{
			Name: "Japanese by default, with the citation",
			Msg:  msgNotEncrypted, Args: []any{"t.r"},
			Want: "テスト資源 t.r が暗号化されていません。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
		},
		{
			Name: "English with language en, with the citation",
			Msg:  msgNotEncrypted, Args: []any{"t.r"}, Config: english(),
			Want: "test resource t.r is not encrypted. [Guideline 4.6.1.1 / JIS Q 27017 10.1.1]",
		},
		{
			Name:  "several items are cited with their controls once each",
			Items: []string{"4.6.1.1", "4.6.1.2"}, Config: english(),
			Msg: msgNotEncrypted, Args: []any{"t.r"},
			Want: "test resource t.r is not encrypted. [Guideline 4.6.1.1, 4.6.1.2 / JIS Q 27017 10.1.1, 10.1.2]",
		},
		{
			Name:  "Government Cloud item in Japanese",
			Items: []string{"4.3.1.GC1"},
			Msg:   project.Text{JA: "インターネットに接続できます。", EN: "reaches the internet."},
			Want:  "インターネットに接続できます。 [指針 4.3.1.GC1 / JIS Q 27017 13.1.3]",
		},
		{
			Name: "several arguments",
			Msg:  project.Text{JA: "%s の %s が %d です。", EN: "%s has %s = %d."}, Args: []any{"t.r", "port", 22}, Config: english(),
			Want: "t.r has port = 22. [Guideline 4.6.1.1 / JIS Q 27017 10.1.1]",
		},
		{
			Name: "a message without arguments is not formatted",
			Msg:  project.Text{JA: "100% 暗号化してください。", EN: "encrypt 100% of volumes."}, Config: english(),
			Want: "encrypt 100% of volumes. [Guideline 4.6.1.1 / JIS Q 27017 10.1.1]",
		},
	}
	for _, tc := range cases {
		for _, fix := range []bool{false, true} {
			name := tc.Name
			if fix {
				name += " (with a fix)"
			}
			t.Run(name, func(t *testing.T) {
				rule := newFakeRule("lgcloud_aws_fake", lint.Reads{"t": attrs("encrypted")})
				if tc.Items != nil {
					rule.Items = tc.Items
				}
				rule.check = func(r *fakeRule, runner *lint.Runner) error {
					if fix {
						return runner.ReportFix(r, at, func(tflint.Fixer) error { return nil }, tc.Msg, tc.Args...)
					}
					return runner.Report(r, at, tc.Msg, tc.Args...)
				}
				runner := linttest.Run(t, rule, map[string]string{"main.tf": oneResource}, tc.Config)
				assertIssues(t, helper.Issues{{Rule: rule, Message: tc.Want, Range: at}}, runner.Issues)
			})
		}
	}
}

func TestUnverified(t *testing.T) {
	at := rng(2, 15, 20)
	why := project.Text{JA: "理由", EN: "the reason"}
	cases := []struct {
		Name   string
		Config *config.Config
		Value  lint.Value
		Want   string
	}{
		{
			Name:   "unknown value outside strict mode emits nothing",
			Config: config.Default(),
			Value:  lint.Value{State: lint.Unknown, Name: "encrypted", Range: at, Why: why},
		},
		{
			Name:   "unknown value in strict mode is a notice",
			Config: linttest.Strict(),
			Value:  lint.Value{State: lint.Unknown, Name: "encrypted", Range: at, Why: why},
			Want:   "strict: テストの暗号化を確認できません。encrypted: 理由。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
		},
		{
			Name: "unknown value in strict mode in English",
			Config: func() *config.Config {
				c := linttest.English()
				c.Strict = true
				return c
			}(),
			Value: lint.Value{State: lint.Unknown, Name: "encrypted", Range: at, Why: why},
			Want:  "strict: cannot verify test encryption; encrypted: the reason. [Guideline 4.6.1.1 / JIS Q 27017 10.1.1]",
		},
		{
			Name:   "known value in strict mode emits nothing",
			Config: linttest.Strict(),
			Value:  lint.Value{State: lint.Known, Val: cty.False, Name: "encrypted", Range: at},
		},
		{
			Name:   "absent value in strict mode emits nothing",
			Config: linttest.Strict(),
			Value:  lint.Value{State: lint.Absent, Name: "encrypted"},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			rule := newFakeRule("lgcloud_aws_fake", lint.Reads{"t": attrs("encrypted")})
			rule.check = func(r *fakeRule, runner *lint.Runner) error {
				return runner.Unverified(r, tc.Value, whatEncryption)
			}
			runner := linttest.Run(t, rule, map[string]string{"main.tf": oneResource}, tc.Config)
			want := helper.Issues{}
			if tc.Want != "" {
				want = helper.Issues{{Rule: linttest.Notice(rule), Message: tc.Want, Range: at}}
			}
			assertIssues(t, want, runner.Issues)
		})
	}
}

func TestSeverityOverride(t *testing.T) {
	at := rng(1, 1, 17)
	const msg = "テスト資源 t.r が暗号化されていません。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]"
	cases := []struct {
		Name     string
		Severity map[string]tflint.Severity
		Emit     func(r *fakeRule, runner *lint.Runner) error
		Want     func(r *fakeRule) tflint.Rule
	}{
		{
			Name: "no override keeps the rule's level",
			Emit: func(r *fakeRule, runner *lint.Runner) error { return runner.Report(r, at, msgNotEncrypted, "t.r") },
			Want: func(r *fakeRule) tflint.Rule { return r },
		},
		{
			Name:     "override of another rule keeps the rule's level",
			Severity: map[string]tflint.Severity{"lgcloud_aws_other": tflint.NOTICE},
			Emit:     func(r *fakeRule, runner *lint.Runner) error { return runner.Report(r, at, msgNotEncrypted, "t.r") },
			Want:     func(r *fakeRule) tflint.Rule { return r },
		},
		{
			Name:     "override to warning",
			Severity: map[string]tflint.Severity{"lgcloud_aws_fake": tflint.WARNING},
			Emit:     func(r *fakeRule, runner *lint.Runner) error { return runner.Report(r, at, msgNotEncrypted, "t.r") },
			Want:     func(r *fakeRule) tflint.Rule { return lint.WithSeverity(r, tflint.WARNING) },
		},
		{
			Name:     "override to notice",
			Severity: map[string]tflint.Severity{"lgcloud_aws_fake": tflint.NOTICE},
			Emit:     func(r *fakeRule, runner *lint.Runner) error { return runner.Report(r, at, msgNotEncrypted, "t.r") },
			Want:     func(r *fakeRule) tflint.Rule { return lint.WithSeverity(r, tflint.NOTICE) },
		},
		{
			Name:     "override applies to a fixable finding",
			Severity: map[string]tflint.Severity{"lgcloud_aws_fake": tflint.WARNING},
			Emit: func(r *fakeRule, runner *lint.Runner) error {
				return runner.ReportFix(r, at, func(tflint.Fixer) error { return nil }, msgNotEncrypted, "t.r")
			},
			Want: func(r *fakeRule) tflint.Rule { return lint.WithSeverity(r, tflint.WARNING) },
		},
		{
			Name:     "override applies to an issue emitted directly",
			Severity: map[string]tflint.Severity{"lgcloud_aws_fake": tflint.WARNING},
			Emit:     func(r *fakeRule, runner *lint.Runner) error { return runner.EmitIssue(r, msg, at) },
			Want:     func(r *fakeRule) tflint.Rule { return lint.WithSeverity(r, tflint.WARNING) },
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			rule := newFakeRule("lgcloud_aws_fake", lint.Reads{"t": attrs("encrypted")})
			inner := helper.TestRunner(t, map[string]string{"main.tf": oneResource})
			runner := lint.NewRunner(inner, nil, lint.Options{Severity: tc.Severity})
			if err := tc.Emit(rule, runner); err != nil {
				t.Fatal(err)
			}
			assertIssues(t, helper.Issues{{Rule: tc.Want(rule), Message: msg, Range: at}}, inner.Issues)
			got := inner.Issues[0].Rule
			if got.Name() != rule.Name() || got.Link() != rule.Link() || got.Enabled() != rule.Enabled() {
				t.Fatalf("the overridden rule is not the same rule: %s %s %v", got.Name(), got.Link(), got.Enabled())
			}
		})
	}

	t.Run("strict notices stay notices under an override", func(t *testing.T) {
		rule := newFakeRule("lgcloud_aws_fake", lint.Reads{"t": attrs("encrypted")})
		inner := helper.TestRunner(t, map[string]string{"main.tf": oneResource})
		runner := lint.NewRunner(inner, linttest.Strict(), lint.Options{Severity: map[string]tflint.Severity{"lgcloud_aws_fake": tflint.ERROR}})
		v := lint.Value{State: lint.Unknown, Name: "encrypted", Range: at, Why: project.Text{JA: "理由", EN: "reason"}}
		if err := runner.Unverified(rule, v, whatEncryption); err != nil {
			t.Fatal(err)
		}
		assertIssues(t, helper.Issues{{
			Rule:    linttest.Notice(rule),
			Message: "strict: テストの暗号化を確認できません。encrypted: 理由。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
			Range:   at,
		}}, inner.Issues)
	})
}

func TestDuplicateFindings(t *testing.T) {
	a, b := rng(1, 1, 17), rng(2, 15, 20)
	strictUnknown := lint.Value{State: lint.Unknown, Name: "encrypted", Range: b, Why: project.Text{JA: "理由", EN: "reason"}}
	other := newFakeRule("lgcloud_aws_other", lint.Reads{"t": attrs("encrypted")})
	cases := []struct {
		Name  string
		Emit  func(r *fakeRule, runner *lint.Runner) error
		Count int
	}{
		{
			Name: "identical findings are kept once",
			Emit: func(r *fakeRule, runner *lint.Runner) error {
				return errors.Join(runner.Report(r, a, msgNotEncrypted, "t.r"), runner.Report(r, a, msgNotEncrypted, "t.r"))
			},
			Count: 1,
		},
		{
			Name: "identical fixable findings are kept once",
			Emit: func(r *fakeRule, runner *lint.Runner) error {
				fix := func(tflint.Fixer) error { return nil }
				return errors.Join(runner.ReportFix(r, a, fix, msgNotEncrypted, "t.r"), runner.ReportFix(r, a, fix, msgNotEncrypted, "t.r"))
			},
			Count: 1,
		},
		{
			Name: "a fixable finding identical to a plain one is kept once",
			Emit: func(r *fakeRule, runner *lint.Runner) error {
				fix := func(tflint.Fixer) error { return nil }
				return errors.Join(runner.Report(r, a, msgNotEncrypted, "t.r"), runner.ReportFix(r, a, fix, msgNotEncrypted, "t.r"))
			},
			Count: 1,
		},
		{
			Name: "identical strict notices are kept once",
			Emit: func(r *fakeRule, runner *lint.Runner) error {
				return errors.Join(runner.Unverified(r, strictUnknown, whatEncryption), runner.Unverified(r, strictUnknown, whatEncryption))
			},
			Count: 1,
		},
		{
			Name: "identical issues emitted directly are kept once",
			Emit: func(r *fakeRule, runner *lint.Runner) error {
				return errors.Join(runner.EmitIssue(r, "m", a), runner.EmitIssue(r, "m", a))
			},
			Count: 1,
		},
		{
			Name: "findings at different ranges are both kept",
			Emit: func(r *fakeRule, runner *lint.Runner) error {
				return errors.Join(runner.Report(r, a, msgNotEncrypted, "t.r"), runner.Report(r, b, msgNotEncrypted, "t.r"))
			},
			Count: 2,
		},
		{
			Name: "findings with different messages are both kept",
			Emit: func(r *fakeRule, runner *lint.Runner) error {
				return errors.Join(runner.Report(r, a, msgNotEncrypted, "t.r"), runner.Report(r, a, msgNotEncrypted, "t.s"))
			},
			Count: 2,
		},
		{
			Name: "findings of different rules are both kept",
			Emit: func(r *fakeRule, runner *lint.Runner) error {
				return errors.Join(runner.Report(r, a, msgNotEncrypted, "t.r"), runner.Report(other, a, msgNotEncrypted, "t.r"))
			},
			Count: 2,
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			rule := newFakeRule("lgcloud_aws_fake", lint.Reads{"t": attrs("encrypted")})
			inner := helper.TestRunner(t, map[string]string{"main.tf": oneResource})
			runner := lint.NewRunner(inner, linttest.Strict(), lint.Options{})
			if err := tc.Emit(rule, runner); err != nil {
				t.Fatal(err)
			}
			if len(inner.Issues) != tc.Count {
				t.Fatalf("got %d issues, want %d: %v", len(inner.Issues), tc.Count, severities(inner.Issues))
			}
		})
	}

	t.Run("a repeated fix is applied once", func(t *testing.T) {
		rule := newFakeRule("lgcloud_aws_fake", lint.Reads{"t": attrs("encrypted")})
		inner := helper.TestRunner(t, map[string]string{"main.tf": oneResource})
		runner := lint.NewRunner(inner, nil, lint.Options{Fix: true})
		fixes := 0
		fix := func(f tflint.Fixer) error { fixes++; return nil }
		for range 3 {
			if err := runner.ReportFix(rule, b, fix, msgNotEncrypted, "t.r"); err != nil {
				t.Fatal(err)
			}
		}
		if fixes != 1 {
			t.Fatalf("fix ran %d times, want 1", fixes)
		}
	})
	t.Run("runners sharing a run's findings", func(t *testing.T) {
		cases := []struct {
			Name    string
			Modules [][]string
			Count   int
		}{
			{"instances of one module call report a finding once", [][]string{{"network"}, {"network"}}, 1},
			{"two module calls report it each", [][]string{{"network"}, {"backup"}}, 2},
			{"a nested call differs from its parent", [][]string{{"network"}, {"network", "subnet"}}, 2},
			{"the root module and a call report it each", [][]string{{}, {"network"}}, 2},
		}
		for _, tc := range cases {
			t.Run(tc.Name, func(t *testing.T) {
				rule := newFakeRule("lgcloud_aws_fake", lint.Reads{"t": attrs("encrypted")})
				seen := lint.NewSeen()
				inner := helper.TestRunner(t, map[string]string{"main.tf": oneResource})
				for _, module := range tc.Modules {
					counter := newCountingRunner(inner)
					counter.module = module
					runner := lint.NewRunner(counter, nil, lint.Options{Seen: seen})
					if err := runner.Report(rule, a, msgNotEncrypted, "t.r"); err != nil {
						t.Fatal(err)
					}
				}
				if len(inner.Issues) != tc.Count {
					t.Fatalf("got %d issues, want %d", len(inner.Issues), tc.Count)
				}
			})
		}
	})
	t.Run("runners of two runs do not share findings", func(t *testing.T) {
		rule := newFakeRule("lgcloud_aws_fake", lint.Reads{"t": attrs("encrypted")})
		for range 2 {
			inner := helper.TestRunner(t, map[string]string{"main.tf": oneResource})
			runner := lint.NewRunner(inner, nil, lint.Options{})
			if err := runner.Report(rule, a, msgNotEncrypted, "t.r"); err != nil {
				t.Fatal(err)
			}
			if len(inner.Issues) != 1 {
				t.Fatalf("got %d issues, want 1", len(inner.Issues))
			}
		}
	})
}

func TestResources(t *testing.T) {
	const source = `
resource "t" "a" {
  x = 1
  y = 2
}
resource "t" "b" {
  x = 3
}
resource "u" "c" {
  z = 4
}
`
	readsX := lint.Reads{"t": attrs("x")}
	readsY := lint.Reads{"t": attrs("y")}
	readsU := lint.Reads{"u": attrs("z")}

	t.Run("two rules reading one type with merged reads make one read", func(t *testing.T) {
		rx, ry := newFakeRule("lgcloud_aws_x", readsX), newFakeRule("lgcloud_aws_y", readsY)
		counter := newCountingRunner(helper.TestRunner(t, map[string]string{"main.tf": source}))
		runner := lint.NewRunner(counter, nil, lint.Options{Reads: lint.MergeReads([]lint.Rule{rx, ry})})

		bx, err := runner.Resources(rx, "t")
		if err != nil {
			t.Fatal(err)
		}
		by, err := runner.Resources(ry, "t")
		if err != nil {
			t.Fatal(err)
		}
		if counter.readsOf("t") != 1 {
			t.Fatalf("t was read %d times, want 1", counter.readsOf("t"))
		}
		if len(bx) != 2 || len(by) != 2 {
			t.Fatalf("got %d and %d resources, want 2 and 2", len(bx), len(by))
		}
		// The shared read holds what either rule reads.
		if _, ok := by[0].Body.Attributes["x"]; !ok {
			t.Errorf("the shared read lacks x")
		}
		if _, ok := bx[0].Body.Attributes["y"]; !ok {
			t.Errorf("the shared read lacks y")
		}
	})

	t.Run("one rule reading a type twice makes one read", func(t *testing.T) {
		rx := newFakeRule("lgcloud_aws_x", readsX)
		counter := newCountingRunner(helper.TestRunner(t, map[string]string{"main.tf": source}))
		runner := lint.NewRunner(counter, nil, lint.Options{Reads: lint.MergeReads([]lint.Rule{rx})})
		for range 3 {
			if _, err := runner.Resources(rx, "t"); err != nil {
				t.Fatal(err)
			}
		}
		if counter.readsOf("t") != 1 {
			t.Fatalf("t was read %d times, want 1", counter.readsOf("t"))
		}
	})

	t.Run("without merged reads each rule reads its own schema", func(t *testing.T) {
		rx, ry := newFakeRule("lgcloud_aws_x", readsX), newFakeRule("lgcloud_aws_y", readsY)
		counter := newCountingRunner(helper.TestRunner(t, map[string]string{"main.tf": source}))
		runner := lint.NewRunner(counter, nil, lint.Options{})
		bx, err := runner.Resources(rx, "t")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := runner.Resources(ry, "t"); err != nil {
			t.Fatal(err)
		}
		if _, err := runner.Resources(rx, "t"); err != nil {
			t.Fatal(err)
		}
		if counter.reads["t"] != 2 {
			t.Fatalf("t was read %d times, want 2 (one per rule)", counter.reads["t"])
		}
		if _, ok := bx[0].Body.Attributes["y"]; ok {
			t.Errorf("rule x got y, which only rule y reads")
		}
	})

	t.Run("different types are read in one request", func(t *testing.T) {
		rx, ru := newFakeRule("lgcloud_aws_x", readsX), newFakeRule("lgcloud_aws_u", readsU)
		counter := newCountingRunner(helper.TestRunner(t, map[string]string{"main.tf": source}))
		runner := lint.NewRunner(counter, nil, lint.Options{Reads: lint.MergeReads([]lint.Rule{rx, ru})})
		if _, err := runner.Resources(rx, "t"); err != nil {
			t.Fatal(err)
		}
		blocks, err := runner.Resources(ru, "u")
		if err != nil {
			t.Fatal(err)
		}
		if counter.totalReads() != 1 {
			t.Fatalf("%d reads, want 1", counter.totalReads())
		}
		if len(blocks) != 1 || blocks[0].Labels[1] != "c" {
			t.Fatalf("want u.c, got %v", blocks)
		}
	})

	t.Run("reads expand count, for_each and dynamic blocks in the module checked", func(t *testing.T) {
		rx := newFakeRule("lgcloud_aws_x", readsX)
		counter := newCountingRunner(helper.TestRunner(t, map[string]string{"main.tf": source}))
		runner := lint.NewRunner(counter, nil, lint.Options{})
		if _, err := runner.Resources(rx, "t"); err != nil {
			t.Fatal(err)
		}
		want := []tflint.GetModuleContentOption{{ModuleCtx: tflint.SelfModuleCtxType, ExpandMode: tflint.ExpandModeExpand}}
		if diff := cmp.Diff(want, counter.options); diff != "" {
			t.Fatalf("options (-want +got):\n%s", diff)
		}
	})

	t.Run("a rule reading an undeclared type gets an error", func(t *testing.T) {
		rx := newFakeRule("lgcloud_aws_x", readsX)
		counter := newCountingRunner(helper.TestRunner(t, map[string]string{"main.tf": source}))
		runner := lint.NewRunner(counter, nil, lint.Options{Reads: lint.MergeReads([]lint.Rule{rx, newFakeRule("lgcloud_aws_u", readsU)})})
		_, err := runner.Resources(rx, "u")
		if err == nil {
			t.Fatal("want an error")
		}
		for _, part := range []string{"lgcloud_aws_x", "u"} {
			if !strings.Contains(err.Error(), part) {
				t.Errorf("error %q does not name %q", err, part)
			}
		}
		if counter.totalReads() != 0 {
			t.Errorf("an undeclared read reached TFLint")
		}
		if _, err := runner.RootResources(rx, "u"); err == nil {
			t.Errorf("RootResources: want an error")
		}
	})

	t.Run("a failed read is an error naming the type and is not cached", func(t *testing.T) {
		rx := newFakeRule("lgcloud_aws_x", readsX)
		counter := newCountingRunner(helper.TestRunner(t, map[string]string{"main.tf": source}))
		counter.fail = map[string]error{"t": errors.New("boom")}
		runner := lint.NewRunner(counter, nil, lint.Options{})
		_, err := runner.Resources(rx, "t")
		if err == nil || !strings.Contains(err.Error(), "t") || !strings.Contains(err.Error(), "boom") {
			t.Fatalf("want an error naming t and its cause, got %v", err)
		}
		if _, err := runner.Resources(rx, "t"); err == nil {
			t.Fatal("want the second read to fail too")
		}
		if counter.reads["t"] != 2 {
			t.Fatalf("t was read %d times, want 2", counter.reads["t"])
		}
	})

	t.Run("root resources in the root module share the module's read", func(t *testing.T) {
		rx := newFakeRule("lgcloud_aws_x", readsX)
		counter := newCountingRunner(helper.TestRunner(t, map[string]string{"main.tf": source}))
		runner := lint.NewRunner(counter, nil, lint.Options{Reads: lint.MergeReads([]lint.Rule{rx})})
		for range 2 {
			if _, err := runner.Resources(rx, "t"); err != nil {
				t.Fatal(err)
			}
			if _, err := runner.RootResources(rx, "t"); err != nil {
				t.Fatal(err)
			}
		}
		if counter.readsOf("t") != 1 {
			t.Fatalf("t was read %d times, want 1", counter.readsOf("t"))
		}
		if counter.modulePaths != 1 {
			t.Fatalf("module path asked %d times, want 1", counter.modulePaths)
		}
	})

	t.Run("root resources in a called module are read from the root module", func(t *testing.T) {
		rx := newFakeRule("lgcloud_aws_x", readsX)
		counter := newCountingRunner(helper.TestRunner(t, map[string]string{"main.tf": source}))
		counter.module = []string{"network"}
		runner := lint.NewRunner(counter, nil, lint.Options{Reads: lint.MergeReads([]lint.Rule{rx})})
		for range 2 {
			if _, err := runner.Resources(rx, "t"); err != nil {
				t.Fatal(err)
			}
			if _, err := runner.RootResources(rx, "t"); err != nil {
				t.Fatal(err)
			}
		}
		want := []tflint.GetModuleContentOption{
			{ModuleCtx: tflint.SelfModuleCtxType, ExpandMode: tflint.ExpandModeExpand},
			{ModuleCtx: tflint.RootModuleCtxType, ExpandMode: tflint.ExpandModeExpand},
		}
		if diff := cmp.Diff(want, counter.options); diff != "" {
			t.Fatalf("reads (-want +got):\n%s", diff)
		}
	})
}

func TestFixDropsCache(t *testing.T) {
	cases := []struct {
		Name  string
		Fix   bool
		Reads int
	}{
		{"with --fix the fixing rule reads what TFLint has until its fix is applied, and keeps none of it", true, 3},
		{"without --fix the cache is kept", false, 1},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			rule := newFakeRule("lgcloud_aws_x", lint.Reads{"t": attrs("encrypted")})
			counter := newCountingRunner(helper.TestRunner(t, map[string]string{"main.tf": oneResource}))
			runner := lint.NewRunner(counter, nil, lint.Options{Reads: lint.MergeReads([]lint.Rule{rule}), Fix: tc.Fix})
			block := resource(t, runner, rule, "t")
			v := runner.Attr(block.Body, "encrypted", cty.Bool)
			if err := runner.RequireTrue(rule, v, block.DefRange, lint.DefaultFails, whatEncryption, msgNotEncrypted, "t.r"); err != nil {
				t.Fatal(err)
			}
			resource(t, runner, rule, "t")
			resource(t, runner, rule, "t")
			if counter.readsOf("t") != tc.Reads {
				t.Fatalf("t was read %d times, want %d", counter.readsOf("t"), tc.Reads)
			}
		})
	}
	t.Run("a finding without a fix keeps the cache", func(t *testing.T) {
		rule := newFakeRule("lgcloud_aws_x", lint.Reads{"t": attrs("encrypted")})
		counter := newCountingRunner(helper.TestRunner(t, map[string]string{"main.tf": oneResource}))
		runner := lint.NewRunner(counter, nil, lint.Options{Fix: true})
		block := resource(t, runner, rule, "t")
		if err := runner.Report(rule, block.DefRange, msgNotEncrypted, "t.r"); err != nil {
			t.Fatal(err)
		}
		resource(t, runner, rule, "t")
		if counter.readsOf("t") != 1 {
			t.Fatalf("t was read %d times, want 1", counter.readsOf("t"))
		}
	})
}

// applyingRunner behaves as TFLint does with --fix: a fix a rule emits is
// applied to the files only after the rule's Check returns (apply), and
// reads return the files as applied.
type applyingRunner struct {
	*helper.Runner

	applied, pending string
	reads            int
}

func (a *applyingRunner) GetModuleContent(schema *hclext.BodySchema, _ *tflint.GetModuleContentOption) (*hclext.BodyContent, error) {
	a.reads++
	file, diags := hclparse.NewParser().ParseHCL([]byte(a.applied), "main.tf")
	if diags.HasErrors() {
		return nil, diags
	}
	content, diags := hclext.PartialContent(file.Body, schema)
	if diags.HasErrors() {
		return nil, diags
	}
	return content, nil
}

func (a *applyingRunner) GetResourceContent(name string, schema *hclext.BodySchema, opts *tflint.GetModuleContentOption) (*hclext.BodyContent, error) {
	content, err := a.GetModuleContent(&hclext.BodySchema{
		Blocks: []hclext.BlockSchema{{Type: "resource", LabelNames: []string{"type", "name"}, Body: schema}},
	}, opts)
	if err != nil {
		return nil, err
	}
	out := &hclext.BodyContent{}
	for _, block := range content.Blocks {
		if block.Labels[0] == name {
			out.Blocks = append(out.Blocks, block)
		}
	}
	return out, nil
}

func (a *applyingRunner) EmitIssueWithFix(rule tflint.Rule, message string, location hcl.Range, fix func(tflint.Fixer) error) error {
	if err := fix(nil); err != nil {
		return err
	}
	return a.EmitIssue(rule, message, location)
}

// apply is what TFLint does between two rules.
func (a *applyingRunner) apply() {
	if a.pending != "" {
		a.applied, a.pending = a.pending, ""
	}
}

func TestFixAppliedBetweenRules(t *testing.T) {
	const before = `resource "t" "a" {
  encrypted = false
}
resource "u" "b" {}
`
	// The fix of t.a adds a line: u.b moves from line 4 to line 5.
	const after = `resource "t" "a" {
  encrypted = true
  kms       = true
}
resource "u" "b" {}
`
	reads := lint.Reads{"t": attrs("encrypted"), "u": attrs("name")}
	cases := []struct {
		Name string
		// ReadAfterFix makes the fixing rule read u again after its fix,
		// before TFLint applies it.
		ReadAfterFix bool
	}{
		{Name: "the rule after a fix reads the fixed files"},
		{
			Name:         "a read made by the fixing rule after its fix is not served to the next rule",
			ReadAfterFix: true,
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			host := &applyingRunner{Runner: helper.TestRunner(t, map[string]string{"main.tf": before}), applied: before}
			fixer := newFakeRule("lgcloud_aws_fixer", reads)
			reader := newFakeRule("lgcloud_aws_reader", reads)
			runner := lint.NewRunner(host, nil, lint.Options{Reads: lint.MergeReads([]lint.Rule{fixer, reader}), Fix: true})

			// Both rules read u before any fix.
			if _, err := runner.Resources(fixer, "u"); err != nil {
				t.Fatal(err)
			}
			// The first rule fixes t.a ...
			block := resource(t, runner, fixer, "t")
			err := runner.ReportFix(fixer, block.DefRange, func(tflint.Fixer) error {
				host.pending = after
				return nil
			}, msgNotEncrypted, "t.a")
			if err != nil {
				t.Fatal(err)
			}
			if tc.ReadAfterFix {
				if _, err := runner.Resources(fixer, "u"); err != nil {
					t.Fatal(err)
				}
			}
			// ... TFLint applies the fix, and the next rule reads u.
			host.apply()
			u := resource(t, runner, reader, "u")
			if u.DefRange.Start.Line != 5 {
				t.Fatalf("the next rule sees u.b at line %d, want line 5 of the fixed file", u.DefRange.Start.Line)
			}
		})
	}
}

func TestOf(t *testing.T) {
	t.Run("a plain runner is wrapped with the default configuration", func(t *testing.T) {
		inner := helper.TestRunner(t, map[string]string{"main.tf": oneResource})
		runner := lint.Of(inner)
		if runner.Runner != tflint.Runner(inner) {
			t.Fatal("the wrapped runner is not the plain runner")
		}
		if runner.Config.Preset != config.Recommended || runner.Config.Language != project.Japanese || runner.Config.Strict {
			t.Fatalf("configuration is not the default: %+v", runner.Config)
		}
	})
	t.Run("the ruleset's runner is returned as is", func(t *testing.T) {
		runner := lint.NewRunner(helper.TestRunner(t, map[string]string{"main.tf": oneResource}), linttest.Strict(), lint.Options{})
		if lint.Of(runner) != runner {
			t.Fatal("Of wrapped the ruleset's runner again")
		}
	})
}

func TestEnabledByUser(t *testing.T) {
	rule := newFakeRule("lgcloud_aws_fake", lint.Reads{"t": attrs("encrypted")})
	other := newFakeRule("lgcloud_aws_other", lint.Reads{"t": attrs("encrypted")})
	inner := helper.TestRunner(t, map[string]string{"main.tf": oneResource})
	runner := lint.NewRunner(inner, nil, lint.Options{EnabledByUser: map[string]bool{rule.Name(): true}})
	if !runner.EnabledByUser(rule) || runner.EnabledByUser(other) {
		t.Fatalf("EnabledByUser: %v for the rule switched on, %v for another", runner.EnabledByUser(rule), runner.EnabledByUser(other))
	}
	if lint.Of(inner).EnabledByUser(rule) {
		t.Fatal("a runner without the ruleset's options has no rule switched on by name")
	}
}
