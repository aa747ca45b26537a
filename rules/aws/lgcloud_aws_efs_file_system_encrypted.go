package aws

import (
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// AwsEfsFileSystemEncryptedRule checks that EFS file systems are encrypted
// at rest.
type AwsEfsFileSystemEncryptedRule struct{ lint.Meta }

var _ lint.Rule = (*AwsEfsFileSystemEncryptedRule)(nil)

// NewAwsEfsFileSystemEncryptedRule returns the rule.
func NewAwsEfsFileSystemEncryptedRule() *AwsEfsFileSystemEncryptedRule {
	return &AwsEfsFileSystemEncryptedRule{lint.Meta{
		RuleName: "lgcloud_aws_efs_file_system_encrypted",
		Level:    tflint.ERROR,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.6.1.1"},
		Summary:  project.Text{JA: "EFS ファイルシステムを暗号化する", EN: "EFS file systems are encrypted at rest"},
		Reads: lint.Reads{
			"aws_efs_file_system": {Attributes: []hclext.AttributeSchema{{Name: "encrypted"}}},
		},
	}}
}

var msgEfsNotEncrypted = project.Text{
	JA: "EFS ファイルシステム %s が暗号化されていません。encrypted = true を設定してください（作成後は変更できません）。",
	EN: "EFS file system %s is not encrypted; set encrypted = true (it cannot be changed after creation).",
}

var whatEfs = project.Text{JA: "EFS ファイルシステムの暗号化", EN: "EFS file system encryption"}

// Check reports file systems whose encryption is off or absent: the EFS API
// creates an unencrypted file system unless asked otherwise.
func (r *AwsEfsFileSystemEncryptedRule) Check(tr tflint.Runner) error {
	return lint.Of(tr).RequireEachTrue(r, "aws_efs_file_system", "encrypted", func(*hclext.Block) (lint.Default, bool) {
		return lint.DefaultFails, true
	}, whatEfs, msgEfsNotEncrypted)
}
