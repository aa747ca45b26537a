package ledger

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/segment"
)

var update = flag.Bool("update", false, "rewrite the golden files of the ledger (read every diff before keeping it)")

// summary says a row in one line of English cells.
func summary(l *Ledger, r Row) string {
	en := *l
	en.Language = project.English
	return strings.Join(en.cells(r), " | ")
}

func TestBuild(t *testing.T) {
	files := map[string]string{
		".tflint.hcl": `
plugin "lgcloud" {
  enabled  = true
  language = "en"
}

rule "lgcloud_aws_ledger_tags" {
  enabled = true
  required_tags = {
    DataClassification = ["機密性3", "機密性2", "機密性1"]
    Owner              = []
  }
}
`,
		"versions.tf": `
provider "aws" {
  region = "ap-northeast-1"
  default_tags {
    tags = local.ledger
  }
}

provider "aws" {
  alias  = "osaka"
  region = "ap-northeast-3"
}
`,
		"main.tf": `
variable "enabled" {
  type = bool
}

variable "retention" {
  type = number
}

locals {
  ledger = {
    DataClassification = "機密性2"
    Owner              = "住民記録係"
  }
}

resource "aws_kms_key" "records" {}

resource "aws_s3_bucket" "records" {
  bucket = "resident-records"
  tags   = merge(local.ledger, { DataClassification = "機密性3" })
}

resource "aws_s3_bucket_server_side_encryption_configuration" "records" {
  bucket = aws_s3_bucket.records.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.records.arn
    }
  }
}

resource "aws_dynamodb_table" "residents" {
  provider = aws.osaka
  name     = "residents"
  replica {
    region_name = "ap-northeast-1"
  }
}

resource "aws_db_instance" "archive" {
  identifier              = "archive"
  storage_encrypted       = true
  backup_retention_period = var.retention
}

module "logs" {
  source = "./modules/logs"
  count  = var.enabled ? 1 : 0
}
`,
		"terraform.tfvars": `retention = 35`,
		"modules/logs/main.tf": `
resource "aws_s3_bucket" "logs" {
  bucket = "access-logs"
  tags   = { DataClassification = "機密性1", Owner = "情報政策課" }
}
`,
	}
	l, err := Build(writeConfig(t, files))
	if err != nil {
		t.Fatal(err)
	}
	if l.Language != project.English {
		t.Errorf("language = %q, want the plugin block's", l.Language)
	}
	if diff := cmp.Diff([]string{"DataClassification", "Owner"}, l.TagKeys); diff != "" {
		t.Errorf("tag keys differ (-want +got):\n%s", diff)
	}
	var got []string
	for _, r := range l.Rows {
		got = append(got, summary(l, r))
	}
	want := []string{
		"aws_s3_bucket.records | S3 bucket | aws_s3_bucket | resident-records | ap-northeast-1 | - | 機密性3 | 住民記録係 | on (SSE-KMS) | customer managed key (aws_kms_key.records) | versioning: off (default) |  | main.tf:19",
		"aws_dynamodb_table.residents | DynamoDB table | aws_dynamodb_table | residents | ap-northeast-3 (replicas: ap-northeast-1) | - | (none) | (none) | on (the service always encrypts) | a key AWS owns and manages (default) | point-in-time recovery: off (default) |  | main.tf:34",
		"aws_db_instance.archive | RDS DB instance | aws_db_instance | archive | ap-northeast-1 | - | 機密性2 | 住民記録係 | on | AWS managed key (aws/rds, default) | automated backups: kept 35 days |  | main.tf:42",
		"module.logs[?].aws_s3_bucket.logs | S3 bucket | aws_s3_bucket | access-logs | ap-northeast-1 | - | 機密性1 | 情報政策課 | on (SSE-S3, default) | keys S3 manages (SSE-S3, default) | versioning: off (default) | count (the number of instances is not known at lint time (the row stands for all of them)) | modules/logs/main.tf:2",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("rows differ (-want +got):\n%s", diff)
	}
}

func TestBuildUnknowns(t *testing.T) {
	l, err := Build(writeConfig(t, map[string]string{"main.tf": `
variable "tags" {
  type = map(string)
}

variable "encrypted" {
  type = bool
}

resource "aws_efs_file_system" "shared" {
  encrypted = var.encrypted
  tags      = var.tags
}
`}))
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Rows) != 1 {
		t.Fatalf("got %d rows, want 1", len(l.Rows))
	}
	var got []string
	for _, u := range l.Rows[0].Unknown {
		got = append(got, u.String(project.Japanese))
	}
	want := []string{
		"region（provider aws のブロックがなく、リージョンは環境変数や AWS の設定ファイルで決まります）",
		"segment（aws_efs_file_system.shared のタグ Segment: lint 時に値が決まりません）",
		"tags（lint 時に値が決まりません）",
		"encrypted（lint 時に値が決まりません）",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("unknown values differ (-want +got):\n%s", diff)
	}
}

// TestBuildSegments pins the segment column: the segment a store is
// placed in by its own tag, its provider's default_tags, or its network;
// "-" for none; "unknown" (and why, in the last-but-one column) when it
// cannot be decided.
func TestBuildSegments(t *testing.T) {
	l, err := Build(writeConfig(t, map[string]string{
		".tflint.hcl": `
plugin "lgcloud" {
  enabled  = true
  language = "en"
}
`,
		"main.tf": `
provider "aws" {
  region = "ap-northeast-1"
}

provider "aws" {
  alias  = "lgwan"
  region = "ap-northeast-1"
  default_tags {
    tags = { Segment = "lgwan" }
  }
}

variable "tags" {
  type = map(string)
}

resource "aws_s3_bucket" "records" {
  bucket = "resident-records"
  tags   = { Segment = "mynumber" }
}

resource "aws_s3_bucket" "documents" {
  provider = aws.lgwan
  bucket   = "documents"
}

resource "aws_subnet" "db" {
  vpc_id     = "vpc-0123"
  cidr_block = "10.10.1.0/24"
  tags       = { Segment = "mynumber" }
}

resource "aws_db_subnet_group" "db" {
  subnet_ids = [aws_subnet.db.id]
}

resource "aws_db_instance" "records" {
  identifier           = "records"
  db_subnet_group_name = aws_db_subnet_group.db.name
}

resource "aws_s3_bucket" "site" {
  bucket = "site"
}

resource "aws_efs_file_system" "shared" {
  tags = var.tags
}

module "app" {
  source  = "./modules/app"
  segment = "mynumber"
}
`,
		"modules/app/main.tf": `
variable "segment" {
  type = string
}

resource "aws_dynamodb_table" "cases" {
  name = "cases"
  tags = { Segment = var.segment }
}
`,
	}))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	var unknown []string
	for _, r := range l.Rows {
		got[r.Address] = r.Segment.In(project.English)
		for _, u := range r.Unknown {
			if u.Name == "segment" {
				unknown = append(unknown, r.Address+": "+u.String(project.English))
			}
		}
	}
	want := map[string]string{
		"aws_s3_bucket.records":               "mynumber",
		"aws_s3_bucket.documents":             "lgwan",
		"aws_db_instance.records":             "mynumber",
		"aws_s3_bucket.site":                  "-",
		"aws_efs_file_system.shared":          "unknown",
		"module.app.aws_dynamodb_table.cases": "mynumber",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("segments differ (-want +got):\n%s", diff)
	}
	wantUnknown := []string{"aws_efs_file_system.shared: segment (tag Segment of aws_efs_file_system.shared: the value is not known at lint time)"}
	if diff := cmp.Diff(wantUnknown, unknown); diff != "" {
		t.Errorf("unknown segments differ (-want +got):\n%s", diff)
	}
}

func TestSegmentCell(t *testing.T) {
	cases := []struct {
		Name string
		P    segment.Placement
		Want project.Text
	}{
		{"one segment", segment.Placement{Segments: []string{"mynumber"}}, project.Text{JA: "mynumber", EN: "mynumber"}},
		{"segments joined", segment.Placement{Segments: []string{"mynumber", "internet"}}, project.Text{JA: "mynumber、internet", EN: "mynumber, internet"}},
		{"no segment", segment.Placement{}, project.Text{JA: "-", EN: "-"}},
		{"not known", segment.Placement{Unknown: &segment.Unknown{}}, textUnknown},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			if got := segmentCell(tc.P); got != tc.Want {
				t.Errorf("segmentCell = %v, want %v", got, tc.Want)
			}
		})
	}
}

func TestBuildSettingsErrors(t *testing.T) {
	cases := []struct {
		Name, Config, WantErr string
	}{
		{Name: "unknown preset names the file", Config: `plugin "lgcloud" { preset = "strictest" }`, WantErr: `.tflint.hcl:1,29-40: Invalid lgcloud plugin configuration: preset "strictest" is unknown`},
		{Name: "invalid ledger tags are refused", Config: `rule "lgcloud_aws_ledger_tags" { required_tags = {} }`, WantErr: `.tflint.hcl:1,50-52: invalid rule "lgcloud_aws_ledger_tags" configuration: required_tags: name at least one tag`},
		{Name: "syntax error", Config: `plugin "lgcloud" {`, WantErr: ".tflint.hcl:1"},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			_, err := Build(writeConfig(t, map[string]string{".tflint.hcl": tc.Config, "main.tf": ""}))
			if err == nil || !strings.Contains(err.Error(), tc.WantErr) {
				t.Fatalf("Build() error = %v, want one containing %q", err, tc.WantErr)
			}
		})
	}
}

// TestExamplesGolden pins the ledger of each configuration of examples/,
// in both formats. Run with -update to rewrite the golden files, then read
// them as the information-security officer who files them would.
func TestExamplesGolden(t *testing.T) {
	for _, name := range []string{"noncompliant", "compliant"} {
		for _, format := range []Format{CSV, Markdown} {
			ext := map[Format]string{CSV: "csv", Markdown: "md"}[format]
			t.Run(name+"."+ext, func(t *testing.T) {
				l, err := Build(filepath.Join("..", "examples", name))
				if err != nil {
					t.Fatal(err)
				}
				var out bytes.Buffer
				if err := l.Write(&out, format); err != nil {
					t.Fatal(err)
				}
				golden := filepath.Join("testdata", "examples_"+name+"."+ext)
				if *update {
					if err := os.WriteFile(golden, out.Bytes(), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(string(want), out.String()); diff != "" {
					t.Errorf("ledger differs from %s (-want +got):\n%s", golden, diff)
				}
			})
		}
	}
}

// TestRulesRunOnTheRunner runs every rule of the ruleset over the examples
// through the ledger's runner: the runner answers everything they ask.
func TestRulesRunOnTheRunner(t *testing.T) {
	all := rules.All()
	for _, name := range []string{"noncompliant", "compliant"} {
		t.Run(name, func(t *testing.T) {
			c, err := load(filepath.Join("..", "examples", name))
			if err != nil {
				t.Fatal(err)
			}
			cfg := config.Default()
			cfg.Strict = true
			for _, in := range c.instances {
				path := strings.Join(in.path, ".")
				runner := lint.NewRunner(newRunner(c, in, nil), cfg, lint.Options{Reads: lint.MergeReads(all), ModulePath: &path})
				for _, rule := range all {
					if err := rule.Check(runner); err != nil {
						t.Errorf("%s in %q: %s", rule.Name(), in.address(), err)
					}
				}
			}
		})
	}
}
