package aws

import (
	"errors"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

const backupCite = " [指針 4.6.1.3 / JIS Q 27017 12.3.1]"

func backupRange(line, col, endLine, endCol int) hcl.Range {
	return hcl.Range{Filename: "main.tf", Start: hcl.Pos{Line: line, Column: col}, End: hcl.Pos{Line: endLine, Column: endCol}}
}

func TestAwsDBBackupRetentionRule(t *testing.T) {
	rule := NewAwsDBBackupRetentionRule()
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Options  *DBBackupRetentionOptions
		Expected helper.Issues
	}{
		{
			Name: "absent retention takes the API default of 1 day and is reported at the resource",
			Content: `
resource "aws_db_instance" "main" {
  instance_class = "db.t3.micro"
}`,
			Expected: helper.Issues{{
				Rule:    rule,
				Message: "RDS DB インスタンス aws_db_instance.main に backup_retention_period がなく、自動バックアップの保持期間は既定の 1 日です。backup_retention_period = 7 以上を設定してください。" + backupCite,
				Range:   backupRange(2, 1, 2, 34),
			}},
		},
		{
			Name: "retention 0 turns backups off and is reported at the value",
			Content: `
resource "aws_db_instance" "main" {
  backup_retention_period = 0
}`,
			Expected: helper.Issues{{
				Rule:    rule,
				Message: "RDS DB インスタンス aws_db_instance.main は backup_retention_period = 0 で、自動バックアップが無効です。backup_retention_period = 7 以上を設定してください。" + backupCite,
				Range:   backupRange(3, 29, 3, 30),
			}},
		},
		{
			Name: "retention below the minimum is reported at the value",
			Content: `
resource "aws_rds_cluster" "aurora" {
  backup_retention_period = 3
}`,
			Expected: helper.Issues{{
				Rule:    rule,
				Message: "RDS/Aurora クラスター aws_rds_cluster.aurora は自動バックアップを 3 日しか保持しません（backup_retention_period）。backup_retention_period = 7 以上を設定してください。" + backupCite,
				Range:   backupRange(3, 29, 3, 30),
			}},
		},
		{
			Name: "retention of the minimum passes",
			Content: `
resource "aws_db_instance" "main" {
  backup_retention_period = 7
}

resource "aws_rds_cluster" "aurora" {
  backup_retention_period = 35
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "absent cluster retention is reported",
			Content: `
resource "aws_rds_cluster" "aurora" {
  engine = "aurora-postgresql"
}`,
			Expected: helper.Issues{{
				Rule:    rule,
				Message: "RDS/Aurora クラスター aws_rds_cluster.aurora に backup_retention_period がなく、自動バックアップの保持期間は既定の 1 日です。backup_retention_period = 7 以上を設定してください。" + backupCite,
				Range:   backupRange(2, 1, 2, 36),
			}},
		},
		{
			Name: "read replica follows its source and is not checked",
			Content: `
resource "aws_db_instance" "replica" {
  replicate_source_db = "main"
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "DB instance of an Aurora engine is backed up by its cluster",
			Content: `
resource "aws_db_instance" "member" {
  engine = "aurora-mysql"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "restored database without retention inherits it and is not reported",
			Content: `
resource "aws_db_instance" "restored" {
  snapshot_identifier = "rds:main-2024-01-01"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "restored database without retention is named by a strict notice",
			Content: `
resource "aws_rds_cluster" "restored" {
  restore_to_point_in_time {
    source_cluster_identifier  = "main"
    use_latest_restorable_time = true
  }
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(rule),
				Message: "strict: 自動バックアップの保持期間を確認できません。backup_retention_period: 未設定で、復元元のスナップショットまたは DB の保持期間を引き継ぎます。" + backupCite,
				Range:   backupRange(2, 1, 2, 38),
			}},
		},
		{
			Name: "retention from a variable default is reported at the reference",
			Content: `
variable "retention" {
  default = 1
}

resource "aws_db_instance" "main" {
  backup_retention_period = var.retention
}`,
			Expected: helper.Issues{{
				Rule:    rule,
				Message: "RDS DB インスタンス aws_db_instance.main は自動バックアップを 1 日しか保持しません（backup_retention_period）。backup_retention_period = 7 以上を設定してください。" + backupCite,
				Range:   backupRange(7, 29, 7, 42),
			}},
		},
		{
			Name: "retention from a variable without default is not reported",
			Content: `
variable "retention" {
  type = number
}

resource "aws_db_instance" "main" {
  backup_retention_period = var.retention
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "retention from a variable without default is named by a strict notice",
			Content: `
variable "retention" {
  type = number
}

resource "aws_db_instance" "main" {
  backup_retention_period = var.retention
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(rule),
				Message: "strict: 自動バックアップの保持期間を確認できません。backup_retention_period: lint 時に値が決まりません。" + backupCite,
				Range:   backupRange(7, 29, 7, 42),
			}},
		},
		{
			Name: "configured minimum is required",
			Content: `
resource "aws_db_instance" "main" {
  backup_retention_period = 7
}`,
			Options: &DBBackupRetentionOptions{MinimumRetentionDays: 14},
			Expected: helper.Issues{{
				Rule:    rule,
				Message: "RDS DB インスタンス aws_db_instance.main は自動バックアップを 7 日しか保持しません（backup_retention_period）。backup_retention_period = 14 以上を設定してください。" + backupCite,
				Range:   backupRange(3, 29, 3, 30),
			}},
		},
		{
			Name: "English message",
			Content: `
resource "aws_db_instance" "main" {
  backup_retention_period = 0
}`,
			Config: linttest.English(),
			Expected: helper.Issues{{
				Rule:    rule,
				Message: "RDS DB instance aws_db_instance.main has backup_retention_period = 0: automated backups are off; set backup_retention_period = 7 or more. [Guideline 4.6.1.3 / JIS Q 27017 12.3.1]",
				Range:   backupRange(3, 29, 3, 30),
			}},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			var opts any
			if tc.Options != nil {
				opts = tc.Options
			}
			runner := linttest.RunWith(t, NewAwsDBBackupRetentionRule(), map[string]string{"main.tf": tc.Content}, tc.Config, opts)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}

func TestAwsDBBackupRetentionRule_Fix(t *testing.T) {
	cases := []struct {
		Name     string
		Content  string
		Expected map[string]string
	}{
		{
			Name: "literal 0 is raised to the minimum",
			Content: `
resource "aws_db_instance" "main" {
  backup_retention_period = 0
}`,
			Expected: map[string]string{"main.tf": `
resource "aws_db_instance" "main" {
  backup_retention_period = 7
}`},
		},
		{
			Name: "quoted literal keeps its quotes",
			Content: `
resource "aws_rds_cluster" "aurora" {
  backup_retention_period = "3"
}`,
			Expected: map[string]string{"main.tf": `
resource "aws_rds_cluster" "aurora" {
  backup_retention_period = "7"
}`},
		},
		{
			Name: "value from a variable is not changed",
			Content: `
variable "retention" {
  default = 1
}

resource "aws_db_instance" "main" {
  backup_retention_period = var.retention
}`,
			Expected: map[string]string{},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsDBBackupRetentionRule(), map[string]string{"main.tf": tc.Content}, nil)
			helper.AssertChanges(t, tc.Expected, runner.Changes())
		})
	}
}

func TestDBBackupRetentionOptions_Validate(t *testing.T) {
	cases := []struct {
		Name string
		Days int
		Want string
	}{
		{"the default is valid", 7, ""},
		{"one day is the lowest accepted", 1, ""},
		{"35 days is the highest RDS keeps", 35, ""},
		{"0 would accept disabled backups", 0, "minimum_retention_days: 0 is out of range; use a value from 1 to 35"},
		{"more than RDS keeps", 36, "minimum_retention_days: 36 is out of range; use a value from 1 to 35"},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			err := (&DBBackupRetentionOptions{MinimumRetentionDays: tc.Days}).Validate()
			switch {
			case tc.Want == "" && err != nil:
				t.Fatalf("Validate() = %v, want nil", err)
			case tc.Want != "":
				var optErr *lint.OptionError
				if !errors.As(err, &optErr) || err.Error() != tc.Want {
					t.Fatalf("Validate() = %v, want %s", err, tc.Want)
				}
			}
		})
	}
}
