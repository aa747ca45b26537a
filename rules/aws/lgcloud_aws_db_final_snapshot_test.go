package aws

import (
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func finalSnapshotSkipped(what string) string {
	return what + " は skip_final_snapshot = true で、削除時に最終スナップショットを取りません。skip_final_snapshot = false とし、final_snapshot_identifier でスナップショットの名前を設定してください。" + operationsCite
}

func finalSnapshotUnnamed(what string) string {
	return what + " に final_snapshot_identifier がなく、削除時の最終スナップショットの名前が決まっていません（このままでは削除に失敗し、その場で skip_final_snapshot = true にされがちです）。final_snapshot_identifier を設定してください。" + operationsCite
}

func TestAwsDBFinalSnapshotRule(t *testing.T) {
	rule := NewAwsDBFinalSnapshotRule()
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "skip_final_snapshot true is reported at the value",
			Content: `
resource "aws_db_instance" "main" {
  skip_final_snapshot = true
}`,
			Expected: helper.Issues{{Rule: rule, Message: finalSnapshotSkipped("RDS DB インスタンス aws_db_instance.main"), Range: backupRange(3, 25, 3, 29)}},
		},
		{
			Name: "final snapshot with a name passes",
			Content: `
resource "aws_db_instance" "main" {
  final_snapshot_identifier = "main-final"
}

resource "aws_rds_cluster" "aurora" {
  skip_final_snapshot       = false
  final_snapshot_identifier = "aurora-final"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "final snapshot without a name is reported at the resource",
			Content: `
resource "aws_rds_cluster" "aurora" {
  skip_final_snapshot = false
}`,
			Expected: helper.Issues{{Rule: rule, Message: finalSnapshotUnnamed("RDS/Aurora クラスター aws_rds_cluster.aurora"), Range: backupRange(2, 1, 2, 36)}},
		},
		{
			Name: "absent settings take the default false without a name and are reported",
			Content: `
resource "aws_db_instance" "main" {
}`,
			Expected: helper.Issues{{Rule: rule, Message: finalSnapshotUnnamed("RDS DB インスタンス aws_db_instance.main"), Range: backupRange(2, 1, 2, 34)}},
		},
		{
			Name: "empty snapshot name is reported at the value",
			Content: `
resource "aws_db_instance" "main" {
  final_snapshot_identifier = ""
}`,
			Expected: helper.Issues{{Rule: rule, Message: finalSnapshotUnnamed("RDS DB インスタンス aws_db_instance.main"), Range: backupRange(3, 31, 3, 33)}},
		},
		{
			Name: "snapshot name from a reference passes",
			Content: `
resource "aws_db_instance" "main" {
  final_snapshot_identifier = "${random_id.db.hex}-final"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "read replica takes no final snapshot and is not checked",
			Content: `
resource "aws_db_instance" "replica" {
  replicate_source_db = "main"
  skip_final_snapshot = true
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "DB instance of an Aurora engine is snapshotted through its cluster",
			Content: `
resource "aws_db_instance" "member" {
  engine = "aurora-mysql"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "skip from a variable default is reported at the reference",
			Content: `
variable "skip" {
  default = true
}

resource "aws_rds_cluster" "aurora" {
  skip_final_snapshot       = var.skip
  final_snapshot_identifier = "aurora-final"
}`,
			Expected: helper.Issues{{Rule: rule, Message: finalSnapshotSkipped("RDS/Aurora クラスター aws_rds_cluster.aurora"), Range: backupRange(7, 31, 7, 39)}},
		},
		{
			Name: "skip from a variable without default is named by a strict notice",
			Content: `
variable "skip" {
  type = bool
}

resource "aws_rds_cluster" "aurora" {
  skip_final_snapshot       = var.skip
  final_snapshot_identifier = "aurora-final"
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(rule),
				Message: "strict: 削除時の最終スナップショットを確認できません。skip_final_snapshot: lint 時に値が決まりません。" + operationsCite,
				Range:   backupRange(7, 31, 7, 39),
			}},
		},
		{
			Name: "English message",
			Content: `
resource "aws_db_instance" "main" {
  skip_final_snapshot = true
}`,
			Config: linttest.English(),
			Expected: helper.Issues{{
				Rule:    rule,
				Message: "RDS DB instance aws_db_instance.main has skip_final_snapshot = true: deleting it takes no final snapshot; set skip_final_snapshot = false and name the snapshot with final_snapshot_identifier. [Guideline 4.7.1.6 / JIS Q 27017 CLD.12.1.5]",
				Range:   backupRange(3, 25, 3, 29),
			}},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsDBFinalSnapshotRule(), map[string]string{"main.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}

func TestAwsDBFinalSnapshotRule_Fix(t *testing.T) {
	cases := []struct {
		Name     string
		Content  string
		Expected map[string]string
	}{
		{
			Name: "literal true becomes false when the snapshot is named",
			Content: `
resource "aws_db_instance" "main" {
  skip_final_snapshot       = true
  final_snapshot_identifier = "main-final"
}`,
			Expected: map[string]string{"main.tf": `
resource "aws_db_instance" "main" {
  skip_final_snapshot       = false
  final_snapshot_identifier = "main-final"
}`},
		},
		{
			Name: "quoted literal keeps its quotes",
			Content: `
resource "aws_rds_cluster" "aurora" {
  skip_final_snapshot       = "true"
  final_snapshot_identifier = "aurora-final"
}`,
			Expected: map[string]string{"main.tf": `
resource "aws_rds_cluster" "aurora" {
  skip_final_snapshot       = "false"
  final_snapshot_identifier = "aurora-final"
}`},
		},
		{
			Name: "literal true is kept when no snapshot is named, which would make deletion fail",
			Content: `
resource "aws_db_instance" "main" {
  skip_final_snapshot = true
}`,
			Expected: map[string]string{},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsDBFinalSnapshotRule(), map[string]string{"main.tf": tc.Content}, nil)
			helper.AssertChanges(t, tc.Expected, runner.Changes())
		})
	}
}
