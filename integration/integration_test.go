package integration

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TFLintVersion is the TFLint release the plugin is tested against.
const TFLintVersion = "0.64.0"

var update = flag.Bool("update", false, "rewrite result.json with TFLint's output (read every diff before committing it)")

var (
	tflintPath string
	pluginDir  string
)

func TestMain(m *testing.M) {
	flag.Parse()
	code, err := setup(m)
	if err != nil {
		fmt.Fprintln(os.Stderr, "integration:", err)
		os.Exit(1)
	}
	os.Exit(code)
}

// setup finds the pinned TFLint and builds the plugin into a fresh plugin
// directory, so that no installed copy of the plugin is tested by mistake.
func setup(m *testing.M) (int, error) {
	var err error
	tflintPath, err = findTFLint()
	if err != nil {
		return 0, err
	}
	pluginDir, err = os.MkdirTemp("", "lgcloud-plugins-")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(pluginDir)

	binary := filepath.Join(pluginDir, "tflint-ruleset-lgcloud")
	if runtime.GOOS == "windows" {
		binary += ".exe"
	}
	build := exec.Command("go", "build", "-o", binary, "..")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		return 0, fmt.Errorf("cannot build the plugin: %w", err)
	}
	return m.Run(), nil
}

func findTFLint() (string, error) {
	path := os.Getenv("TFLINT")
	if path == "" {
		var err error
		if path, err = exec.LookPath("tflint"); err != nil {
			return "", errors.New("TFLint not found: run `make test`, which installs TFLint v" + TFLintVersion + " and sets TFLINT")
		}
	}
	out, err := exec.Command(path, "--version").Output()
	if err != nil {
		return "", fmt.Errorf("cannot run %s: %w", path, err)
	}
	if !strings.Contains(string(out), "TFLint version "+TFLintVersion) {
		return "", fmt.Errorf("%s is not TFLint v%s:\n%s", path, TFLintVersion, out)
	}
	return path, nil
}

// result is TFLint's JSON output.
type result struct {
	Issues []issue       `json:"issues"`
	Errors []tflintError `json:"errors"`
}

type issue struct {
	Rule struct {
		Name     string `json:"name"`
		Severity string `json:"severity"`
		Link     string `json:"link"`
	} `json:"rule"`
	Message string          `json:"message"`
	Range   json.RawMessage `json:"range"`
	Callers json.RawMessage `json:"callers"`
	Fixable bool            `json:"fixable"`
	Fixed   bool            `json:"fixed"`
}

type tflintError struct {
	Message  string `json:"message"`
	Severity string `json:"severity"`
}

func TestIntegration(t *testing.T) {
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	cases := 0
	for _, entry := range entries {
		if !entry.IsDir() || entry.Name() == "testdata" {
			continue
		}
		cases++
		name := entry.Name()
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			runCase(t, name)
		})
	}
	if cases == 0 {
		t.Fatal("no integration cases found")
	}
}

// TestExamples pins what `make demo` shows: TFLint over each folder of
// examples/, with the example's own .tflint.hcl, against
// testdata/examples_<name>.json.
func TestExamples(t *testing.T) {
	for _, name := range []string{"noncompliant", "compliant"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			lint(t, filepath.Join("..", "examples", name), nil, filepath.Join("testdata", "examples_"+name+".json"))
		})
	}
}

func runCase(t *testing.T, name string) {
	var args []string
	if raw, err := os.ReadFile(filepath.Join(name, "args")); err == nil {
		for _, line := range strings.Split(string(raw), "\n") {
			if line = strings.TrimSpace(line); line != "" {
				args = append(args, line)
			}
		}
	}
	work := lint(t, name, args, filepath.Join(name, "result.json"))
	checkFixed(t, name, work)
}

// lint copies the folder src to a temporary directory, runs TFLint there and
// compares its JSON output with the file expected. It returns the directory.
func lint(t *testing.T, src string, extra []string, expectedPath string) string {
	t.Helper()
	work := t.TempDir()
	if err := copyCase(src, work); err != nil {
		t.Fatal(err)
	}
	got := lintDir(t, work, extra...)

	if *update {
		out, _ := json.MarshalIndent(got, "", "  ")
		if err := os.WriteFile(expectedPath, append(out, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	raw, err := os.ReadFile(expectedPath)
	if err != nil {
		t.Fatal(err)
	}
	var want result
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatalf("%s: %s", expectedPath, err)
	}
	if diff := cmp.Diff(normalise(want), normalise(got)); diff != "" {
		t.Errorf("TFLint output differs from %s (-want +got):\n%s", expectedPath, diff)
	}
	return work
}

// lintDir runs TFLint with its JSON output in work, with the extra
// arguments ({{work}} stands for the folder), and returns what it printed.
// It fails the test when the plugin panics, when TFLint prints no JSON, when
// the exit code breaks TFLint's contract, and when an expression the plugin
// evaluated itself has another value in TFLint.
func lintDir(t *testing.T, work string, extra ...string) result {
	t.Helper()
	got, _ := lintComparing(t, work, extra...)
	return got
}

// lintComparing is lintDir, and returns the ranges of the expressions the
// plugin evaluated itself, each of which it also asked TFLint to evaluate.
func lintComparing(t *testing.T, work string, extra ...string) (result, []string) {
	t.Helper()
	compared := filepath.Join(t.TempDir(), "evaluations")
	args := []string{"--format", "json"}
	for _, arg := range extra {
		args = append(args, strings.ReplaceAll(arg, "{{work}}", work))
	}
	cmd := exec.Command(tflintPath, args...)
	cmd.Dir = work
	cmd.Env = append(os.Environ(), "TFLINT_PLUGIN_DIR="+pluginDir, "HOME="+t.TempDir(), "TFLINT_LOG=", "LGCLOUD_EVAL_COMPARE="+compared)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatalf("cannot run TFLint: %s", err)
	}
	if strings.Contains(stderr.String(), "panic") {
		t.Fatalf("the plugin panicked:\n%s", stderr.String())
	}
	var got result
	if err := json.Unmarshal(stdout.Bytes(), &got); err != nil {
		t.Fatalf("TFLint printed no JSON (%s):\nstdout: %s\nstderr: %s", err, stdout.String(), stderr.String())
	}
	checkExitCode(t, cmd.ProcessState.ExitCode(), got)
	return got, checkEvaluations(t, compared)
}

// checkEvaluations fails the test for each expression that the plugin and
// TFLint evaluated differently, and returns the ranges of those compared.
func checkEvaluations(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	var ranges []string
	for line := range strings.Lines(strings.TrimSpace(string(data))) {
		line = strings.TrimSuffix(line, "\n")
		if !strings.HasSuffix(line, " same") {
			t.Errorf("local evaluation differs from TFLint's: %s", line)
		}
		rng, _, _ := strings.Cut(line, " ")
		ranges = append(ranges, rng)
	}
	return ranges
}

// copyCase copies a case's Terraform and configuration into work, leaving
// out what only the test reads, so that TFLint (even with --recursive) sees
// the case as a user would.
func copyCase(name, work string) error {
	return filepath.WalkDir(name, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(name, path)
		switch rel {
		case ".":
			return nil
		case "result.json", "args":
			return nil
		case "fixed":
			return filepath.SkipDir
		}
		target := filepath.Join(work, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}

// checkExitCode holds TFLint to its contract: 1 on errors, 2 when issues are
// found, 0 otherwise (unless --force).
func checkExitCode(t *testing.T, code int, got result) {
	t.Helper()
	want := 0
	switch {
	case len(got.Errors) > 0:
		want = 1
	case len(got.Issues) > 0:
		want = 2
	}
	if code != want {
		t.Errorf("exit code %d, want %d", code, want)
	}
}

// normalise makes the comparison independent of the order in which TFLint
// checks modules concurrently, and of range JSON formatting.
func normalise(r result) []string {
	out := []string{}
	for _, i := range r.Issues {
		var rng, callers any
		_ = json.Unmarshal(i.Range, &rng)
		_ = json.Unmarshal(i.Callers, &callers)
		b, _ := json.Marshal([]any{i.Rule, i.Message, rng, callers, i.Fixable, i.Fixed})
		out = append(out, string(b))
	}
	for _, e := range r.Errors {
		out = append(out, "error: "+e.Severity+": "+e.Message)
	}
	slices.Sort(out)
	return out
}

// checkFixed compares the files `tflint --fix` left with the case's fixed/.
func checkFixed(t *testing.T, name, work string) {
	t.Helper()
	fixed := filepath.Join(name, "fixed")
	if _, err := os.Stat(fixed); err != nil {
		return
	}
	err := filepath.WalkDir(fixed, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(fixed, path)
		want, _ := os.ReadFile(path)
		got, err := os.ReadFile(filepath.Join(work, rel))
		if err != nil {
			return err
		}
		if diff := cmp.Diff(string(want), string(got)); diff != "" {
			t.Errorf("%s after --fix differs from fixed/%s (-want +got):\n%s", rel, rel, diff)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
