package aws

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func TestAwsEfsFileSystemEncryptedRule(t *testing.T) {
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "encrypted false literal is reported at the value",
			Content: `
resource "aws_efs_file_system" "shared" {
  encrypted = false
}`,
			Expected: helper.Issues{
				{
					Rule:    NewAwsEfsFileSystemEncryptedRule(),
					Message: "EFS ファイルシステム aws_efs_file_system.shared が暗号化されていません。encrypted = true を設定してください（作成後は変更できません）。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 3, Column: 15},
						End:      hcl.Pos{Line: 3, Column: 20},
					},
				},
			},
		},
		{
			Name: "encrypted true literal passes",
			Content: `
resource "aws_efs_file_system" "shared" {
  encrypted = true
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "absent encrypted takes the API default false and is reported at the resource",
			Content: `
resource "aws_efs_file_system" "shared" {
  creation_token = "shared"
}`,
			Expected: helper.Issues{
				{
					Rule:    NewAwsEfsFileSystemEncryptedRule(),
					Message: "EFS ファイルシステム aws_efs_file_system.shared が暗号化されていません。encrypted = true を設定してください（作成後は変更できません）。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 2, Column: 1},
						End:      hcl.Pos{Line: 2, Column: 40},
					},
				},
			},
		},
		{
			Name: "null encrypted is the default and is reported at the resource",
			Content: `
resource "aws_efs_file_system" "shared" {
  encrypted = null
}`,
			Expected: helper.Issues{
				{
					Rule:    NewAwsEfsFileSystemEncryptedRule(),
					Message: "EFS ファイルシステム aws_efs_file_system.shared が暗号化されていません。encrypted = true を設定してください（作成後は変更できません）。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 2, Column: 1},
						End:      hcl.Pos{Line: 2, Column: 40},
					},
				},
			},
		},
		{
			Name: "EBS encryption by default does not cover EFS",
			Content: `
resource "aws_ebs_encryption_by_default" "this" {
  enabled = true
}

resource "aws_efs_file_system" "shared" {
  creation_token = "shared"
}`,
			Expected: helper.Issues{
				{
					Rule:    NewAwsEfsFileSystemEncryptedRule(),
					Message: "EFS ファイルシステム aws_efs_file_system.shared が暗号化されていません。encrypted = true を設定してください（作成後は変更できません）。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 6, Column: 1},
						End:      hcl.Pos{Line: 6, Column: 40},
					},
				},
			},
		},
		{
			Name: "false from a variable default is reported at the reference",
			Content: `
variable "encrypted" {
  default = false
}

resource "aws_efs_file_system" "shared" {
  encrypted = var.encrypted
}`,
			Expected: helper.Issues{
				{
					Rule:    NewAwsEfsFileSystemEncryptedRule(),
					Message: "EFS ファイルシステム aws_efs_file_system.shared が暗号化されていません。encrypted = true を設定してください（作成後は変更できません）。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 7, Column: 15},
						End:      hcl.Pos{Line: 7, Column: 28},
					},
				},
			},
		},
		{
			Name: "true from a variable default passes",
			Content: `
variable "encrypted" {
  default = true
}

resource "aws_efs_file_system" "shared" {
  encrypted = var.encrypted
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "variable without default is unknown and not reported",
			Content: `
variable "encrypted" {
  type = bool
}

resource "aws_efs_file_system" "shared" {
  encrypted = var.encrypted
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "variable without default is named by a strict notice",
			Content: `
variable "encrypted" {
  type = bool
}

resource "aws_efs_file_system" "shared" {
  encrypted = var.encrypted
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				{
					Rule:    linttest.Notice(NewAwsEfsFileSystemEncryptedRule()),
					Message: "strict: EFS ファイルシステムの暗号化を確認できません。encrypted: lint 時に値が決まりません。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 7, Column: 15},
						End:      hcl.Pos{Line: 7, Column: 28},
					},
				},
			},
		},
		{
			Name: "sensitive variable is not reported",
			Content: `
variable "encrypted" {
  default   = false
  sensitive = true
}

resource "aws_efs_file_system" "shared" {
  encrypted = var.encrypted
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "sensitive variable is named by a strict notice",
			Content: `
variable "encrypted" {
  default   = false
  sensitive = true
}

resource "aws_efs_file_system" "shared" {
  encrypted = var.encrypted
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				{
					Rule:    linttest.Notice(NewAwsEfsFileSystemEncryptedRule()),
					Message: "strict: EFS ファイルシステムの暗号化を確認できません。encrypted: 値が sensitive または ephemeral です。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 8, Column: 15},
						End:      hcl.Pos{Line: 8, Column: 28},
					},
				},
			},
		},
		{
			Name: "a local whose value is unknown is not reported",
			Content: `
variable "unknown_value" {}

locals {
  encrypted = var.unknown_value
}

resource "aws_efs_file_system" "shared" {
  encrypted = local.encrypted
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "resource reference is not reported",
			Content: `
resource "aws_efs_file_system" "shared" {
  encrypted = aws_efs_file_system.primary.encrypted
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "string that is not a boolean is not reported",
			Content: `
resource "aws_efs_file_system" "shared" {
  encrypted = "maybe"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "list value is not reported",
			Content: `
resource "aws_efs_file_system" "shared" {
  encrypted = [false]
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "English message",
			Content: `
resource "aws_efs_file_system" "shared" {
  encrypted = false
}`,
			Config: linttest.English(),
			Expected: helper.Issues{
				{
					Rule:    NewAwsEfsFileSystemEncryptedRule(),
					Message: "EFS file system aws_efs_file_system.shared is not encrypted; set encrypted = true (it cannot be changed after creation). [Guideline 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 3, Column: 15},
						End:      hcl.Pos{Line: 3, Column: 20},
					},
				},
			},
		},
	}

	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsEfsFileSystemEncryptedRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}

func TestAwsEfsFileSystemEncryptedRule_Fix(t *testing.T) {
	cases := []struct {
		Name     string
		Content  string
		Expected map[string]string
	}{
		{
			Name: "literal false becomes true",
			Content: `
resource "aws_efs_file_system" "shared" {
  creation_token = "shared"
  encrypted      = false
}`,
			Expected: map[string]string{"resource.tf": `
resource "aws_efs_file_system" "shared" {
  creation_token = "shared"
  encrypted      = true
}`},
		},
		{
			Name: "false from a variable is not changed",
			Content: `
variable "encrypted" {
  default = false
}

resource "aws_efs_file_system" "shared" {
  encrypted = var.encrypted
}`,
			Expected: map[string]string{},
		},
	}

	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsEfsFileSystemEncryptedRule(), map[string]string{"resource.tf": tc.Content}, nil)
			helper.AssertChanges(t, tc.Expected, runner.Changes())
		})
	}
}
