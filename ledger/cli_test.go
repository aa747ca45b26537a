package ledger

import (
	"bufio"
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
)

func TestParseArgs(t *testing.T) {
	cases := []struct {
		Name       string
		Args       []string
		WantDir    string
		WantFormat Format
		WantHelp   bool
		WantErr    string
	}{
		{Name: "no arguments read the current directory as CSV", WantDir: ".", WantFormat: CSV},
		{Name: "directory", Args: []string{"infra"}, WantDir: "infra", WantFormat: CSV},
		{Name: "format after the directory", Args: []string{"infra", "--format", "markdown"}, WantDir: "infra", WantFormat: Markdown},
		{Name: "format before the directory, with an equals sign", Args: []string{"--format=md", "infra"}, WantDir: "infra", WantFormat: Markdown},
		{Name: "single-dash flag", Args: []string{"-format", "CSV"}, WantDir: ".", WantFormat: CSV},
		{Name: "help", Args: []string{"infra", "--help"}, WantHelp: true},
		{Name: "unknown format", Args: []string{"--format", "xlsx"}, WantErr: `unknown format "xlsx": use csv or markdown`},
		{Name: "format without a value", Args: []string{"--format"}, WantErr: "--format needs a value: csv or markdown"},
		{Name: "unknown flag", Args: []string{"--recursive"}, WantErr: "unknown flag --recursive"},
		{Name: "two directories", Args: []string{"a", "b"}, WantErr: "one directory at most, got 2: a b"},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			dir, format, help, err := parseArgs(tc.Args)
			if tc.WantErr != "" {
				if err == nil || err.Error() != tc.WantErr {
					t.Fatalf("error = %v, want %q", err, tc.WantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if help != tc.WantHelp || (!help && (dir != tc.WantDir || format != tc.WantFormat)) {
				t.Errorf("parseArgs(%q) = %q, %q, %v; want %q, %q, %v", tc.Args, dir, format, help, tc.WantDir, tc.WantFormat, tc.WantHelp)
			}
		})
	}
}

func TestMainCommand(t *testing.T) {
	example := filepath.Join("..", "examples", "compliant")
	cases := []struct {
		Name       string
		Args       []string
		WantCode   int
		WantStdout string // prefix
		WantStderr string // substring
	}{
		{Name: "CSV starts with a byte order mark", Args: []string{example}, WantStdout: "\ufeffアドレス,種類,"},
		{Name: "Markdown starts with its title", Args: []string{example, "--format", "markdown"}, WantStdout: "# 情報資産台帳"},
		{Name: "help goes to standard output", Args: []string{"-h"}, WantStdout: "Usage: tflint-ruleset-lgcloud ledger"},
		{Name: "usage error exits 2", Args: []string{"--format", "pdf"}, WantCode: 2, WantStderr: `ledger: unknown format "pdf"`},
		{Name: "a directory that cannot be read exits 1", Args: []string{filepath.Join(t.TempDir(), "missing")}, WantCode: 1, WantStderr: "ledger: "},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := Main(tc.Args, &stdout, &stderr)
			if code != tc.WantCode {
				t.Errorf("exit code %d, want %d (stderr: %s)", code, tc.WantCode, stderr.String())
			}
			if !strings.HasPrefix(stdout.String(), tc.WantStdout) {
				t.Errorf("stdout starts %q, want %q", first(stdout.String(), 60), tc.WantStdout)
			}
			if !strings.Contains(stderr.String(), tc.WantStderr) {
				t.Errorf("stderr %q lacks %q", stderr.String(), tc.WantStderr)
			}
		})
	}
}

func first(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n])
	}
	return s
}

func TestMainNotesGoToStandardError(t *testing.T) {
	dir := writeConfig(t, map[string]string{"main.tf": `
module "vpc" {
  source = "terraform-aws-modules/vpc/aws"
}
`})
	var stdout, stderr bytes.Buffer
	if code := Main([]string{dir}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit code %d: %s", code, stderr.String())
	}
	want := "ledger: module.vpc: ローカルでないモジュール（source = \"terraform-aws-modules/vpc/aws\"）は読んでいません\n"
	if stderr.String() != want {
		t.Errorf("stderr = %q, want %q", stderr.String(), want)
	}
}

func TestCSVLines(t *testing.T) {
	l := &Ledger{Name: "x", Language: project.English, TagKeys: []string{"DataClassification"}, Rows: []Row{{
		Address: "aws_s3_bucket.a", Type: "aws_s3_bucket", Kind: project.Text{EN: "S3 bucket"}, Segment: project.Text{EN: "-"},
		Tags:    []project.Text{{EN: "a, \"quoted\" value"}},
		Backups: []project.Text{{EN: "versioning: on"}, {EN: "replication"}},
		Unknown: []Unknown{{Name: "tags", Why: project.Text{EN: "why"}}}, Location: "main.tf:1",
	}}}
	var out bytes.Buffer
	if err := l.WriteCSV(&out); err != nil {
		t.Fatal(err)
	}
	want := "\ufeffAddress,Kind,Resource type,Name,Region,Segment,DataClassification,Encryption at rest,Key,Backup,Values not known,Declared at\r\n" +
		"aws_s3_bucket.a,S3 bucket,aws_s3_bucket,,,-,\"a, \"\"quoted\"\" value\",,,versioning: on; replication,tags (why),main.tf:1\r\n"
	if diff := cmp.Diff(want, out.String()); diff != "" {
		t.Errorf("CSV differs (-want +got):\n%s", diff)
	}
}

func TestMarkdownEscapes(t *testing.T) {
	var out bytes.Buffer
	w := bufio.NewWriter(&out)
	writeMarkdownRow(w, []string{"a|b", "line\nbreak", "", `back\slash`})
	w.Flush()
	want := "| a\\|b | line<br>break |   | back\\\\slash |\n"
	if out.String() != want {
		t.Errorf("row = %q, want %q", out.String(), want)
	}
}

func TestMarkdownWithoutStores(t *testing.T) {
	l := &Ledger{Name: "empty", Language: project.English, Notes: []Note{{Where: "module.x", What: project.Text{EN: "not read"}}}}
	var out bytes.Buffer
	if err := l.WriteMarkdown(&out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Configuration: `empty`", "0 data stores.", "The code declares no data store.", "### Not read\n\n- `module.x`: not read\n"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("Markdown lacks %q:\n%s", want, out.String())
		}
	}
}
