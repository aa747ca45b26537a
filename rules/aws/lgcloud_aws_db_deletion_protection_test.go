package aws

import (
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

const operationsCite = " [指針 4.7.1.6 / JIS Q 27017 CLD.12.1.5]"

func deletionProtectionOff(what, attr string) string {
	return what + " の削除保護が有効になっていません。" + attr + " = true を設定してください（削除するときは、文書化した手順に従って先に無効にします）。" + operationsCite
}

func TestAwsDBDeletionProtectionRule(t *testing.T) {
	rule := NewAwsDBDeletionProtectionRule()
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "absent flags take the default false and are reported at the resources",
			Content: `
resource "aws_db_instance" "main" {
}

resource "aws_rds_cluster" "aurora" {
}

resource "aws_dynamodb_table" "sessions" {
}`,
			Expected: helper.Issues{
				{Rule: rule, Message: deletionProtectionOff("RDS DB インスタンス aws_db_instance.main", "deletion_protection"), Range: backupRange(2, 1, 2, 34)},
				{Rule: rule, Message: deletionProtectionOff("RDS/Aurora クラスター aws_rds_cluster.aurora", "deletion_protection"), Range: backupRange(5, 1, 5, 36)},
				{Rule: rule, Message: deletionProtectionOff("DynamoDB テーブル aws_dynamodb_table.sessions", "deletion_protection_enabled"), Range: backupRange(8, 1, 8, 41)},
			},
		},
		{
			Name: "false literal is reported at the value",
			Content: `
resource "aws_dynamodb_table" "sessions" {
  deletion_protection_enabled = false
}`,
			Expected: helper.Issues{
				{Rule: rule, Message: deletionProtectionOff("DynamoDB テーブル aws_dynamodb_table.sessions", "deletion_protection_enabled"), Range: backupRange(3, 33, 3, 38)},
			},
		},
		{
			Name: "true passes",
			Content: `
resource "aws_db_instance" "main" {
  deletion_protection = true
}

resource "aws_rds_cluster" "aurora" {
  deletion_protection = true
}

resource "aws_dynamodb_table" "sessions" {
  deletion_protection_enabled = true
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "DB instance of an Aurora engine is protected through its cluster",
			Content: `
resource "aws_db_instance" "member" {
  engine = "aurora-postgresql"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "false from a variable default is reported at the reference",
			Content: `
variable "protect" {
  default = false
}

resource "aws_rds_cluster" "aurora" {
  deletion_protection = var.protect
}`,
			Expected: helper.Issues{
				{Rule: rule, Message: deletionProtectionOff("RDS/Aurora クラスター aws_rds_cluster.aurora", "deletion_protection"), Range: backupRange(7, 25, 7, 36)},
			},
		},
		{
			Name: "variable without default is named by a strict notice",
			Content: `
variable "protect" {
  type = bool
}

resource "aws_db_instance" "main" {
  deletion_protection = var.protect
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(rule),
				Message: "strict: データベースの削除保護を確認できません。deletion_protection: lint 時に値が決まりません。" + operationsCite,
				Range:   backupRange(7, 25, 7, 36),
			}},
		},
		{
			Name: "variable without default is not reported outside strict mode",
			Content: `
variable "protect" {
  type = bool
}

resource "aws_db_instance" "main" {
  deletion_protection = var.protect
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "English message",
			Content: `
resource "aws_db_instance" "main" {
  deletion_protection = false
}`,
			Config: linttest.English(),
			Expected: helper.Issues{{
				Rule:    rule,
				Message: "RDS DB instance aws_db_instance.main does not have deletion protection on; set deletion_protection = true (to delete it, turn protection off first, following the documented procedure). [Guideline 4.7.1.6 / JIS Q 27017 CLD.12.1.5]",
				Range:   backupRange(3, 25, 3, 30),
			}},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsDBDeletionProtectionRule(), map[string]string{"main.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}

func TestAwsDBDeletionProtectionRule_Fix(t *testing.T) {
	cases := []struct {
		Name     string
		Content  string
		Expected map[string]string
	}{
		{
			Name: "literal false becomes true",
			Content: `
resource "aws_db_instance" "main" {
  deletion_protection = false
}

resource "aws_dynamodb_table" "sessions" {
  deletion_protection_enabled = false
}`,
			Expected: map[string]string{"main.tf": `
resource "aws_db_instance" "main" {
  deletion_protection = true
}

resource "aws_dynamodb_table" "sessions" {
  deletion_protection_enabled = true
}`},
		},
		{
			Name: "absent flag is not added",
			Content: `
resource "aws_rds_cluster" "aurora" {
}`,
			Expected: map[string]string{},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsDBDeletionProtectionRule(), map[string]string{"main.tf": tc.Content}, nil)
			helper.AssertChanges(t, tc.Expected, runner.Changes())
		})
	}
}
