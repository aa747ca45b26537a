package integration

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// ledgerOutputs are the expected outputs of the ledger command a case
// folder may hold, by format.
var ledgerOutputs = map[string]string{"ledger.md": "markdown", "ledger.csv": "csv"}

// TestLedgerCommand runs the plugin binary as `tflint-ruleset-lgcloud
// ledger <case> --format <format>` over every case folder named ledger_*
// and compares its output with the folder's ledger.md or ledger.csv. With
// -update, it rewrites them: read every line before keeping it.
func TestLedgerCommand(t *testing.T) {
	binary := filepath.Join(pluginDir, "tflint-ruleset-lgcloud")
	if runtime.GOOS == "windows" {
		binary += ".exe"
	}
	cases, err := filepath.Glob("ledger_*")
	if err != nil {
		t.Fatal(err)
	}
	ran := 0
	for _, dir := range cases {
		for file, format := range ledgerOutputs {
			expected := filepath.Join(dir, file)
			if _, err := os.Stat(expected); err != nil {
				continue
			}
			ran++
			t.Run(dir+"/"+file, func(t *testing.T) {
				t.Parallel()
				work := t.TempDir()
				if err := copyCase(dir, work); err != nil {
					t.Fatal(err)
				}
				cmd := exec.Command(binary, "ledger", filepath.Base(work), "--format", format)
				cmd.Dir = filepath.Dir(work)
				var stdout, stderr bytes.Buffer
				cmd.Stdout, cmd.Stderr = &stdout, &stderr
				if err := cmd.Run(); err != nil {
					t.Fatalf("ledger failed: %s\n%s", err, stderr.String())
				}
				// The copy's folder name is random; the ledger names it.
				got := strings.ReplaceAll(stdout.String(), "`"+filepath.Base(work)+"`", "`"+dir+"`")
				if *update {
					if err := os.WriteFile(expected, []byte(got), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				want, err := os.ReadFile(expected)
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(string(want), got); diff != "" {
					t.Errorf("ledger output differs from %s (-want +got):\n%s", expected, diff)
				}
			})
		}
	}
	if ran == 0 {
		t.Fatal("no ledger cases found")
	}
}

// TestPluginServesWithoutArguments checks that the binary, run without
// arguments as TFLint runs it, still behaves as a plugin: outside TFLint it
// refuses to run and says so, instead of printing a ledger.
func TestPluginServesWithoutArguments(t *testing.T) {
	binary := filepath.Join(pluginDir, "tflint-ruleset-lgcloud")
	if runtime.GOOS == "windows" {
		binary += ".exe"
	}
	cmd := exec.Command(binary)
	cmd.Env = []string{}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if err == nil {
		t.Fatalf("the plugin ran outside TFLint and exited 0:\n%s", stdout.String())
	}
	if strings.Contains(stdout.String(), "情報資産台帳") {
		t.Errorf("without arguments the binary printed a ledger:\n%s", stdout.String())
	}
	if !strings.Contains(stderr.String()+stdout.String(), "plugin") {
		t.Errorf("the binary did not say it is a plugin:\nstdout: %s\nstderr: %s", stdout.String(), stderr.String())
	}
}
