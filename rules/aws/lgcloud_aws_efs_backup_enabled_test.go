package aws

import (
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func TestAwsEfsBackupEnabledRule(t *testing.T) {
	rule := NewAwsEfsBackupEnabledRule()
	const noBackup = "EFS ファイルシステム aws_efs_file_system.shared はバックアップされません。aws_efs_backup_policy で自動バックアップを有効にする（status = \"ENABLED\"）か、AWS Backup の選択（aws_backup_selection）の resources に含めてください。" + backupCite
	const disabled = "EFS バックアップポリシー aws_efs_backup_policy.shared が自動バックアップを無効にしています（status = \"DISABLED\"）。status = \"ENABLED\" にするか、ファイルシステムを AWS Backup の選択（aws_backup_selection）の resources に含めてください。" + backupCite
	const fs = `
resource "aws_efs_file_system" "shared" {
  encrypted = true
}
`
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name:     "regional file system without backups is reported at the resource",
			Content:  fs,
			Expected: helper.Issues{{Rule: rule, Message: noBackup, Range: backupRange(2, 1, 2, 40)}},
		},
		{
			Name: "backup policy ENABLED passes",
			Content: fs + `
resource "aws_efs_backup_policy" "shared" {
  file_system_id = aws_efs_file_system.shared.id

  backup_policy {
    status = "ENABLED"
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "backup policy DISABLED is reported at the status",
			Content: fs + `
resource "aws_efs_backup_policy" "shared" {
  file_system_id = aws_efs_file_system.shared.id

  backup_policy {
    status = "DISABLED"
  }
}`,
			Expected: helper.Issues{{Rule: rule, Message: disabled, Range: backupRange(10, 14, 10, 24)}},
		},
		{
			Name: "backup policy DISABLED passes when an AWS Backup selection names the file system",
			Content: fs + `
resource "aws_efs_backup_policy" "shared" {
  file_system_id = aws_efs_file_system.shared.id

  backup_policy {
    status = "DISABLED"
  }
}

resource "aws_backup_selection" "efs" {
  name         = "efs"
  plan_id      = aws_backup_plan.daily.id
  iam_role_arn = "arn:aws:iam::123456789012:role/backup"
  resources    = [aws_efs_file_system.shared.arn]
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "One Zone file system has automatic backups by default",
			Content: `
resource "aws_efs_file_system" "shared" {
  availability_zone_name = "ap-northeast-1a"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "file system named by an AWS Backup selection passes",
			Content: fs + `
resource "aws_backup_selection" "efs" {
  plan_id   = aws_backup_plan.daily.id
  resources = [aws_rds_cluster.main.arn, aws_efs_file_system.shared.arn]
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "selection of every resource passes",
			Content: fs + `
resource "aws_backup_selection" "all" {
  plan_id   = aws_backup_plan.daily.id
  resources = ["*"]
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "selection of other resources does not cover the file system",
			Content: fs + `
resource "aws_backup_selection" "rds" {
  plan_id   = aws_backup_plan.daily.id
  resources = ["arn:aws:rds:ap-northeast-1:123456789012:db:main", aws_rds_cluster.main.arn]
}`,
			Expected: helper.Issues{{Rule: rule, Message: noBackup, Range: backupRange(2, 1, 2, 40)}},
		},
		{
			Name: "selection by tag is not reported",
			Content: fs + `
resource "aws_backup_selection" "tagged" {
  plan_id = aws_backup_plan.daily.id

  selection_tag {
    type  = "STRINGEQUALS"
    key   = "Backup"
    value = "daily"
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "selection by tag is named by a strict notice",
			Content: fs + `
resource "aws_backup_selection" "tagged" {
  plan_id = aws_backup_plan.daily.id

  selection_tag {
    type  = "STRINGEQUALS"
    key   = "Backup"
    value = "daily"
  }
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(rule),
				Message: "strict: EFS ファイルシステムのバックアップを確認できません。aws_efs_file_system.shared: AWS Backup の選択（aws_backup_selection）がタグまたは条件でリソースを選びます。" + backupCite,
				Range:   backupRange(2, 1, 2, 40),
			}},
		},
		{
			Name: "selection of an EFS ARN is named by a strict notice",
			Content: fs + `
resource "aws_backup_selection" "efs" {
  plan_id   = aws_backup_plan.daily.id
  resources = ["arn:aws:elasticfilesystem:ap-northeast-1:123456789012:file-system/fs-0123456789abcdef0"]
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(rule),
				Message: "strict: EFS ファイルシステムのバックアップを確認できません。aws_efs_file_system.shared: AWS Backup の選択（aws_backup_selection）の resources に、このリソースを指しうる ARN があります。" + backupCite,
				Range:   backupRange(2, 1, 2, 40),
			}},
		},
		{
			Name: "policy for a file system passed in a variable is named by a strict notice",
			Content: fs + `
variable "file_system_id" {
  type = string
}

resource "aws_efs_backup_policy" "other" {
  file_system_id = var.file_system_id

  backup_policy {
    status = "ENABLED"
  }
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(rule),
				Message: "strict: EFS ファイルシステムのバックアップを確認できません。aws_efs_file_system.shared: file_system_id がこのモジュールのファイルシステムを参照しない aws_efs_backup_policy があり、対象がわかりません。" + backupCite,
				Range:   backupRange(2, 1, 2, 40),
			}},
		},
		{
			Name: "status from a variable without default is named by a strict notice",
			Content: fs + `
variable "status" {
  type = string
}

resource "aws_efs_backup_policy" "shared" {
  file_system_id = aws_efs_file_system.shared.id

  backup_policy {
    status = var.status
  }
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(rule),
				Message: "strict: EFS ファイルシステムのバックアップを確認できません。status: lint 時に値が決まりません。" + backupCite,
				Range:   backupRange(14, 14, 14, 24),
			}},
		},
		{
			Name:    "English message",
			Content: fs,
			Config:  linttest.English(),
			Expected: helper.Issues{{
				Rule:    rule,
				Message: "EFS file system aws_efs_file_system.shared is not backed up; turn automatic backups on with an aws_efs_backup_policy (status = \"ENABLED\"), or name it in the resources of an AWS Backup selection (aws_backup_selection). [Guideline 4.6.1.3 / JIS Q 27017 12.3.1]",
				Range:   backupRange(2, 1, 2, 40),
			}},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsEfsBackupEnabledRule(), map[string]string{"main.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}

func TestAwsEfsBackupEnabledRule_Fix(t *testing.T) {
	runner := linttest.Run(t, NewAwsEfsBackupEnabledRule(), map[string]string{"main.tf": `
resource "aws_efs_backup_policy" "shared" {
  file_system_id = aws_efs_file_system.shared.id

  backup_policy {
    status = "DISABLED"
  }
}`}, nil)
	helper.AssertChanges(t, map[string]string{"main.tf": `
resource "aws_efs_backup_policy" "shared" {
  file_system_id = aws_efs_file_system.shared.id

  backup_policy {
    status = "ENABLED"
  }
}`}, runner.Changes())
}
