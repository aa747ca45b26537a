package main

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := FindRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// TestDocsAreFresh fails when the committed index, coverage matrix or
// metadata rows of a rule page are not what the generator renders from the
// current rules and catalogue.
func TestDocsAreFresh(t *testing.T) {
	root := repoRoot(t)
	files, err := Render(rules.All(), project.Catalogue)
	if err != nil {
		t.Fatal(err)
	}
	pages, err := RenderPages(root, rules.All())
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range append(files, pages...) {
		committed, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(f.Path)))
		if err != nil {
			t.Errorf("docs are stale: run make generate (%s: %s)", f.Path, err)
			continue
		}
		if diff := cmp.Diff(string(f.Content), string(committed)); diff != "" {
			t.Errorf("docs are stale: run make generate\n%s (-generated +committed):\n%s", f.Path, diff)
		}
	}
}

// TestRulePages pins that every rule has its page, titled with its name and
// stating its metadata, and that every page belongs to a rule.
func TestRulePages(t *testing.T) {
	dir := filepath.Join(repoRoot(t), "docs", "rules")
	names := map[string]bool{}
	for _, rule := range rules.All() {
		m := rule.Describe()
		names[m.RuleName] = true
		t.Run(m.RuleName, func(t *testing.T) {
			page, err := os.ReadFile(filepath.Join(dir, m.RuleName+".md"))
			if err != nil {
				t.Fatalf("rule has no docs page: %s", err)
			}
			if heading := firstHeading(string(page)); heading != "# "+m.RuleName {
				t.Errorf("first heading is %q, want %q", heading, "# "+m.RuleName)
			}
			for _, row := range MetadataRows(m) {
				if !strings.Contains(string(page), "\n"+row+"\n") {
					t.Errorf("page lacks the metadata row %q", row)
				}
			}
		})
	}

	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		name, isPage := strings.CutSuffix(e.Name(), ".md")
		if e.IsDir() || !isPage || e.Name() == "README.md" {
			continue
		}
		if !names[name] {
			t.Errorf("docs/rules/%s belongs to no rule", e.Name())
		}
	}
}

func firstHeading(page string) string {
	for line := range strings.Lines(page) {
		if strings.HasPrefix(line, "#") {
			return strings.TrimRight(line, "\r\n")
		}
	}
	return ""
}

// updatePages makes TestPageExamples write the messages the rules give
// into the `text ja` and `text en` blocks of the pages, to be read before
// committing: go test ./tools/docgen -run TestPageExamples -update.
var updatePages = flag.Bool("update", false, "write the rules' messages into the pages' text blocks")

// TestPageExamples runs the examples of every rule page through the rule, so
// that a page shows what the rule really does. A fenced block tagged
// `hcl bad`, `hcl good` or `hcl strict` is an example; the `text ja` and
// `text en` blocks after it hold its messages, one a line, in the default
// configuration (strict mode for `hcl strict`) and with language = "en"; an
// `hcl fixed` block holds the bad example after `tflint --fix`.
func TestPageExamples(t *testing.T) {
	dir := filepath.Join(repoRoot(t), "docs", "rules")
	for _, rule := range rules.All() {
		name := rule.Name()
		t.Run(name, func(t *testing.T) {
			page, err := os.ReadFile(filepath.Join(dir, name+".md"))
			if err != nil {
				t.Skipf("no page: %s (TestRulePages reports it)", err)
			}
			examples := parseExamples(string(page))
			kinds := map[string]int{}
			for _, ex := range examples {
				kinds[ex.kind]++
			}
			if kinds["bad"] == 0 || kinds["good"] == 0 {
				t.Errorf("page has %d bad and %d good examples; want at least one of each", kinds["bad"], kinds["good"])
			}
			if *updatePages {
				updateExamples(t, rule, filepath.Join(dir, name+".md"), string(page), examples)
				return
			}
			for i, ex := range examples {
				checkExample(t, rule, i+1, ex)
			}
		})
	}
}

// updateExamples writes the messages of the bad and strict examples into
// their text blocks.
func updateExamples(t *testing.T, rule lint.Rule, path, page string, examples []example) {
	t.Helper()
	lines := strings.Split(page, "\n")
	type span struct {
		at   [2]int
		msgs []string
	}
	var spans []span
	for _, ex := range examples {
		if ex.kind != "bad" && ex.kind != "strict" {
			continue
		}
		ja, en := config.Default(), linttest.English()
		if ex.kind == "strict" {
			ja.Strict, en.Strict = true, true
		}
		files := map[string]string{"main.tf": ex.source}
		if ex.jaAt != [2]int{} {
			spans = append(spans, span{ex.jaAt, sorted(messages(t, rule, files, ja))})
		}
		if ex.enAt != [2]int{} {
			spans = append(spans, span{ex.enAt, sorted(messages(t, rule, files, en))})
		}
	}
	for i := len(spans) - 1; i >= 0; i-- {
		sp := spans[i]
		lines = slices.Concat(lines[:sp.at[0]], sp.msgs, lines[sp.at[1]:])
	}
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
}

func checkExample(t *testing.T, rule lint.Rule, n int, ex example) {
	t.Helper()
	files := map[string]string{"main.tf": ex.source}
	switch ex.kind {
	case "good":
		for _, cfg := range []*config.Config{nil, linttest.Strict()} {
			if got := messages(t, rule, files, cfg); len(got) > 0 {
				t.Errorf("example %d (good) is reported: %q", n, got)
			}
		}
		return
	case "bad", "strict":
		ja, en := config.Default(), linttest.English()
		if ex.kind == "strict" {
			ja.Strict, en.Strict = true, true
		}
		got := messages(t, rule, files, ja)
		if len(got) == 0 {
			t.Errorf("example %d (%s) is not reported", n, ex.kind)
		}
		if ex.ja != nil {
			if diff := cmp.Diff(sorted(ex.ja), sorted(got)); diff != "" {
				t.Errorf("example %d (%s): Japanese messages differ (-page +rule):\n%s", n, ex.kind, diff)
			}
		}
		if ex.en != nil {
			if diff := cmp.Diff(sorted(ex.en), sorted(messages(t, rule, files, en))); diff != "" {
				t.Errorf("example %d (%s): English messages differ (-page +rule):\n%s", n, ex.kind, diff)
			}
		}
		if ex.fixed != "" {
			changes := linttest.Run(t, rule, files, nil).Changes()
			if diff := cmp.Diff(ex.fixed, string(changes["main.tf"])); diff != "" {
				t.Errorf("example %d: the fixed example differs from what --fix writes (-page +fix):\n%s", n, diff)
			}
		}
	}
}

func messages(t *testing.T, rule lint.Rule, files map[string]string, cfg *config.Config) []string {
	t.Helper()
	var out []string
	for _, issue := range linttest.Run(t, rule, files, cfg).Issues {
		out = append(out, issue.Message)
	}
	return out
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

// example is a tagged HCL block of a page with what the page says of it.
type example struct {
	kind   string // bad, good, strict
	source string
	ja, en []string
	fixed  string
	// jaAt and enAt are the lines of the text blocks' bodies: from the
	// first to just after the last.
	jaAt, enAt [2]int
}

// parseExamples reads the tagged fenced blocks of a page, in order.
func parseExamples(page string) []example {
	var out []example
	lines := strings.Split(page, "\n")
	for i := 0; i < len(lines); i++ {
		info, isFence := strings.CutPrefix(lines[i], "```")
		if !isFence {
			continue
		}
		var body []string
		start := i + 1
		for i++; i < len(lines) && !strings.HasPrefix(lines[i], "```"); i++ {
			body = append(body, lines[i])
		}
		at := [2]int{start, i}
		content := strings.Join(body, "\n") + "\n"
		switch strings.Join(strings.Fields(info), " ") {
		case "hcl bad":
			out = append(out, example{kind: "bad", source: content})
		case "hcl good":
			out = append(out, example{kind: "good", source: content})
		case "hcl strict":
			out = append(out, example{kind: "strict", source: content})
		case "hcl fixed":
			if n := len(out); n > 0 {
				out[n-1].fixed = content
			}
		case "text ja", "text en":
			if n := len(out); n > 0 {
				msgs := []string{}
				for _, l := range body {
					if l = strings.TrimSpace(l); l != "" {
						msgs = append(msgs, l)
					}
				}
				if strings.HasSuffix(info, "ja") {
					out[n-1].ja, out[n-1].jaAt = msgs, at
				} else {
					out[n-1].en, out[n-1].enAt = msgs, at
				}
			}
		}
	}
	return out
}

// fakeRule is a rule with metadata only, for the renderer's tests.
type fakeRule struct{ lint.Meta }

func (r *fakeRule) Check(tflint.Runner) error { return nil }

func fake(name, provider string, preset config.Preset, items ...string) lint.Rule {
	return &fakeRule{lint.Meta{
		RuleName: name,
		Level:    tflint.WARNING,
		Preset:   preset,
		Provider: provider,
		Items:    items,
		Summary:  project.Text{JA: "要約 | 縦線", EN: "summary | pipe"},
	}}
}

var testCatalogue = []project.Item{
	{ID: "4.6.1.1", TitleJA: "暗号化", TitleEN: "Encryption", Controls: []string{"10.1.1"}, IaC: project.IaCYes},
	{ID: "4.6.1.2", TitleJA: "暗号化消去", TitleEN: "Crypto-erasure", Controls: []string{"10.1.1", "10.1.2"}, IaC: project.IaCYes},
	{ID: "4.1.1.1", TitleJA: "組織体制", TitleEN: "Organisation", Controls: []string{"6.1.1"}, IaC: project.IaCPartly, ReasonEN: "Partly in code.", ReasonJA: "一部はコードで示せます。"},
	{ID: "4.5.1.2", TitleJA: "教育・訓練", TitleEN: "Training", IaC: project.IaCNo, ReasonEN: "Training is organisational.", ReasonJA: "教育は組織の取組みです。"},
}

func TestRender(t *testing.T) {
	cases := []struct {
		Name    string
		Rules   []lint.Rule
		File    string
		Want    []string // substrings of the file, in this order
		WantErr string
	}{
		{
			Name:  "index groups rules by provider in registry order and sorts them by name",
			Rules: []lint.Rule{fake("lgcloud_google_b", "google", config.Recommended, "4.6.1.1"), fake("lgcloud_aws_z", "aws", config.Recommended, "4.6.1.1"), fake("lgcloud_aws_a", "aws", config.Recommended, "4.6.1.1")},
			File:  IndexPath,
			Want:  []string{Header, "## Google Cloud (`google`)", "[lgcloud_google_b](lgcloud_google_b.md)", "## AWS (`aws`)", "[lgcloud_aws_a](lgcloud_aws_a.md)", "[lgcloud_aws_z](lgcloud_aws_z.md)"},
		},
		{
			Name:  "index row states severity, presets, items and controls and escapes pipes",
			Rules: []lint.Rule{fake("lgcloud_aws_x", "aws", config.GovCloud, "4.6.1.1", "4.6.1.2")},
			File:  IndexPath,
			Want:  []string{"| [lgcloud_aws_x](lgcloud_aws_x.md) | summary \\| pipe<br>要約 \\| 縦線 | WARNING | `govcloud`, `all` | 4.6.1.1 暗号化<br>4.6.1.2 暗号化消去 | 10.1.1, 10.1.2 |"},
		},
		{
			Name:  "matrix lists every item in catalogue order with its rules",
			Rules: []lint.Rule{fake("lgcloud_aws_b", "aws", config.Recommended, "4.6.1.1"), fake("lgcloud_aws_a", "aws", config.Recommended, "4.6.1.1")},
			File:  MatrixPath,
			Want: []string{
				Header,
				"| 4.6.1.1 | 暗号化 | Encryption | 10.1.1 | yes | [lgcloud_aws_a](rules/lgcloud_aws_a.md)<br>[lgcloud_aws_b](rules/lgcloud_aws_b.md) |",
				"| 4.6.1.2 | 暗号化消去 | Crypto-erasure | 10.1.1, 10.1.2 | yes | Not yet covered by a rule / 未対応 |",
				"| 4.1.1.1 | 組織体制 | Organisation | 6.1.1 | partly | Partly in code.<br><br>一部はコードで示せます。 |",
				"| 4.5.1.2 | 教育・訓練 | Training | — | no | Training is organisational.<br><br>教育は組織の取組みです。 |",
			},
		},
		{
			Name:  "matrix keeps the reason of a partly item that a rule cites",
			Rules: []lint.Rule{fake("lgcloud_aws_c", "aws", config.GovCloud, "4.1.1.1")},
			File:  MatrixPath,
			Want:  []string{"| partly | [lgcloud_aws_c](rules/lgcloud_aws_c.md)<br><br>Partly in code.<br><br>一部はコードで示せます。 |"},
		},
		{
			Name:  "matrix summary counts items",
			Rules: []lint.Rule{fake("lgcloud_aws_a", "aws", config.Recommended, "4.6.1.1")},
			File:  MatrixPath,
			Want: []string{
				"| Items in the catalogue | 4 |",
				"| Checked by at least one rule | 1 |",
				"| Terraform can show them (`yes`), no rule yet | 1 |",
				"| Terraform can show part of them (`partly`) | 1 (0 with rules) |",
				"| Organisational (`no`) | 1 |",
				"The ruleset has 1 rules.",
			},
		},
		{
			Name:    "an item missing from the catalogue is an error",
			Rules:   []lint.Rule{fake("lgcloud_aws_a", "aws", config.Recommended, "4.9.9.9")},
			WantErr: `rule lgcloud_aws_a cites "4.9.9.9", which is not in the catalogue`,
		},
		{
			Name:    "a rule registered twice is an error",
			Rules:   []lint.Rule{fake("lgcloud_aws_a", "aws", config.Recommended, "4.6.1.1"), fake("lgcloud_aws_a", "aws", config.Recommended, "4.6.1.1")},
			WantErr: "rule lgcloud_aws_a is registered twice",
		},
		{
			Name:    "a rule citing nothing is an error",
			Rules:   []lint.Rule{fake("lgcloud_aws_a", "aws", config.Recommended)},
			WantErr: "rule lgcloud_aws_a cites no guideline item",
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			files, err := Render(tc.Rules, testCatalogue)
			if tc.WantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.WantErr) {
					t.Fatalf("error = %v, want one containing %q", err, tc.WantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var content string
			for _, f := range files {
				if f.Path == tc.File {
					content = string(f.Content)
				}
			}
			if !strings.HasPrefix(content, Header+"\n") {
				t.Errorf("%s does not start with the generated-code header", tc.File)
			}
			rest := content
			for _, want := range tc.Want {
				i := strings.Index(rest, want)
				if i < 0 {
					t.Fatalf("%s lacks, or has out of order, %q:\n%s", tc.File, want, content)
				}
				rest = rest[i+len(want):]
			}
		})
	}
}

// TestRenderIsDeterministic pins that rendering twice gives the same bytes,
// whatever the order of map iteration.
func TestRenderIsDeterministic(t *testing.T) {
	first, err := Render(rules.All(), project.Catalogue)
	if err != nil {
		t.Fatal(err)
	}
	for range 5 {
		again, err := Render(rules.All(), project.Catalogue)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(first, again); diff != "" {
			t.Fatalf("render is not deterministic:\n%s", diff)
		}
	}
}

func TestMatrixListsEveryCatalogueItemOnce(t *testing.T) {
	files, err := Render(rules.All(), project.Catalogue)
	if err != nil {
		t.Fatal(err)
	}
	matrix := string(files[1].Content)
	var ids []string
	for line := range strings.Lines(matrix) {
		if cells := strings.Split(line, " | "); strings.HasPrefix(line, "| 4.") && len(cells) > 1 {
			ids = append(ids, strings.TrimPrefix(cells[0], "| "))
		}
	}
	var want []string
	for _, item := range project.Catalogue {
		want = append(want, item.ID)
	}
	if diff := cmp.Diff(want, ids); diff != "" {
		t.Errorf("matrix rows differ from the catalogue (-catalogue +matrix):\n%s", diff)
	}
}

func TestStale(t *testing.T) {
	cases := []struct {
		Name     string
		OnDisk   map[string]string
		Expected []string
	}{
		{Name: "identical files are fresh", OnDisk: map[string]string{"a.md": "x\n", "d/b.md": "y\n"}, Expected: nil},
		{Name: "a changed file is stale", OnDisk: map[string]string{"a.md": "x\n", "d/b.md": "changed\n"}, Expected: []string{"d/b.md"}},
		{Name: "a missing file is stale", OnDisk: map[string]string{"d/b.md": "y\n"}, Expected: []string{"a.md"}},
	}
	generated := []File{{Path: "a.md", Content: []byte("x\n")}, {Path: "d/b.md", Content: []byte("y\n")}}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			root := t.TempDir()
			for path, content := range tc.OnDisk {
				full := filepath.Join(root, filepath.FromSlash(path))
				if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			got, err := Stale(root, generated)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.Expected, got); diff != "" {
				t.Errorf("stale files differ (-want +got):\n%s", diff)
			}
		})
	}
}

func TestWriteThenStaleIsFresh(t *testing.T) {
	root := t.TempDir()
	files := []File{{Path: "docs/rules/README.md", Content: []byte("index\n")}}
	if err := Write(root, files); err != nil {
		t.Fatal(err)
	}
	stale, err := Stale(root, files)
	if err != nil {
		t.Fatal(err)
	}
	if len(stale) > 0 {
		t.Errorf("written files are stale: %v", stale)
	}
}
