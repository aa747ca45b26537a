package aws

import (
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func TestAwsFsxBackupRetentionRule(t *testing.T) {
	rule := NewAwsFsxBackupRetentionRule()
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "retention 0 is reported at the value",
			Content: `
resource "aws_fsx_windows_file_system" "share" {
  automatic_backup_retention_days = 0
}`,
			Expected: helper.Issues{{
				Rule:    rule,
				Message: "FSx for Windows ファイルシステム aws_fsx_windows_file_system.share は automatic_backup_retention_days = 0 で、自動バックアップが無効です。1 以上の日数を設定してください。" + backupCite,
				Range:   backupRange(3, 37, 3, 38),
			}},
		},
		{
			Name: "absent Windows retention takes the provider default of 7 days",
			Content: `
resource "aws_fsx_windows_file_system" "share" {
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "absent ONTAP retention takes the provider default 0 and is reported at the resource",
			Content: `
resource "aws_fsx_ontap_file_system" "nas" {
}`,
			Expected: helper.Issues{{
				Rule:    rule,
				Message: "FSx for ONTAP ファイルシステム aws_fsx_ontap_file_system.nas に automatic_backup_retention_days がなく、既定値 0 で自動バックアップが無効です。1 以上の日数を設定してください。" + backupCite,
				Range:   backupRange(2, 1, 2, 43),
			}},
		},
		{
			Name: "absent OpenZFS retention is reported",
			Content: `
resource "aws_fsx_openzfs_file_system" "home" {
}`,
			Expected: helper.Issues{{
				Rule:    rule,
				Message: "FSx for OpenZFS ファイルシステム aws_fsx_openzfs_file_system.home に automatic_backup_retention_days がなく、既定値 0 で自動バックアップが無効です。1 以上の日数を設定してください。" + backupCite,
				Range:   backupRange(2, 1, 2, 46),
			}},
		},
		{
			Name: "retention of 1 day or more passes",
			Content: `
resource "aws_fsx_ontap_file_system" "nas" {
  automatic_backup_retention_days = 1
}

resource "aws_fsx_openzfs_file_system" "home" {
  automatic_backup_retention_days = 30
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "persistent Lustre without retention is reported",
			Content: `
resource "aws_fsx_lustre_file_system" "hpc" {
  deployment_type = "PERSISTENT_2"
}`,
			Expected: helper.Issues{{
				Rule:    rule,
				Message: "FSx for Lustre ファイルシステム aws_fsx_lustre_file_system.hpc に automatic_backup_retention_days がなく、既定値 0 で自動バックアップが無効です。1 以上の日数を設定してください。" + backupCite,
				Range:   backupRange(2, 1, 2, 44),
			}},
		},
		{
			Name: "scratch Lustre cannot take backups and is not checked",
			Content: `
resource "aws_fsx_lustre_file_system" "scratch" {
  deployment_type = "SCRATCH_2"
}

resource "aws_fsx_lustre_file_system" "default" {
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "Lustre of an unknown deployment type is named by a strict notice",
			Content: `
variable "deployment_type" {
  type = string
}

resource "aws_fsx_lustre_file_system" "hpc" {
  deployment_type = var.deployment_type
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(rule),
				Message: "strict: FSx の自動バックアップを確認できません。deployment_type: deployment_type が lint 時に決まらず、自動バックアップのできる PERSISTENT 系か、できない SCRATCH 系かがわかりません。" + backupCite,
				Range:   backupRange(7, 21, 7, 40),
			}},
		},
		{
			Name: "retention from a variable without default is named by a strict notice",
			Content: `
variable "days" {
  type = number
}

resource "aws_fsx_ontap_file_system" "nas" {
  automatic_backup_retention_days = var.days
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(rule),
				Message: "strict: FSx の自動バックアップを確認できません。automatic_backup_retention_days: lint 時に値が決まりません。" + backupCite,
				Range:   backupRange(7, 37, 7, 45),
			}},
		},
		{
			Name: "retention 0 from a variable default is reported at the reference",
			Content: `
variable "days" {
  default = 0
}

resource "aws_fsx_openzfs_file_system" "home" {
  automatic_backup_retention_days = var.days
}`,
			Expected: helper.Issues{{
				Rule:    rule,
				Message: "FSx for OpenZFS ファイルシステム aws_fsx_openzfs_file_system.home は automatic_backup_retention_days = 0 で、自動バックアップが無効です。1 以上の日数を設定してください。" + backupCite,
				Range:   backupRange(7, 37, 7, 45),
			}},
		},
		{
			Name: "English message",
			Content: `
resource "aws_fsx_ontap_file_system" "nas" {
  automatic_backup_retention_days = 0
}`,
			Config: linttest.English(),
			Expected: helper.Issues{{
				Rule:    rule,
				Message: "FSx for ONTAP file system aws_fsx_ontap_file_system.nas has automatic_backup_retention_days = 0: automatic backups are off; set it to 1 or more days. [Guideline 4.6.1.3 / JIS Q 27017 12.3.1]",
				Range:   backupRange(3, 37, 3, 38),
			}},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsFsxBackupRetentionRule(), map[string]string{"main.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}
