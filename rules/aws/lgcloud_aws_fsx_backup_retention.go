package aws

import (
	"strings"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsFsxBackupRetentionRule checks that FSx file systems take automatic
// backups (automatic_backup_retention_days above 0).
type AwsFsxBackupRetentionRule struct{ lint.Meta }

var _ lint.Rule = (*AwsFsxBackupRetentionRule)(nil)

// NewAwsFsxBackupRetentionRule returns the rule.
func NewAwsFsxBackupRetentionRule() *AwsFsxBackupRetentionRule {
	retention := &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "automatic_backup_retention_days"}}}
	return &AwsFsxBackupRetentionRule{lint.Meta{
		RuleName: "lgcloud_aws_fsx_backup_retention",
		Level:    tflint.ERROR,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.6.1.3"},
		Summary:  project.Text{JA: "FSx ファイルシステムの自動バックアップを有効にする", EN: "FSx file systems take automatic backups"},
		Reads: lint.Reads{
			"aws_fsx_lustre_file_system":  {Attributes: []hclext.AttributeSchema{{Name: "automatic_backup_retention_days"}, {Name: "deployment_type"}}},
			"aws_fsx_windows_file_system": retention,
			"aws_fsx_ontap_file_system":   retention,
			"aws_fsx_openzfs_file_system": retention,
		},
	}}
}

// fsxFileSystems are the resource types the rule reads, with what each is
// called in messages and what an absent automatic_backup_retention_days
// means: the provider sends 7 for Windows and 0 for ONTAP and OpenZFS; for
// Lustre it sends nothing and the FSx API applies 0.
var fsxFileSystems = []struct {
	resourceType string
	kind         project.Text
	absentFails  bool
}{
	{"aws_fsx_lustre_file_system", storeName("aws_fsx_lustre_file_system"), true},
	{"aws_fsx_windows_file_system", storeName("aws_fsx_windows_file_system"), false},
	{"aws_fsx_ontap_file_system", storeName("aws_fsx_ontap_file_system"), true},
	{"aws_fsx_openzfs_file_system", storeName("aws_fsx_openzfs_file_system"), true},
}

var msgFsxBackupOff = project.Text{
	JA: "%s %s は automatic_backup_retention_days = 0 で、自動バックアップが無効です。1 以上の日数を設定してください。",
	EN: "%s %s has automatic_backup_retention_days = 0: automatic backups are off; set it to 1 or more days.",
}

var msgFsxBackupAbsent = project.Text{
	JA: "%s %s に automatic_backup_retention_days がなく、既定値 0 で自動バックアップが無効です。1 以上の日数を設定してください。",
	EN: "%s %s does not set automatic_backup_retention_days, and its default 0 turns automatic backups off; set it to 1 or more days.",
}

var whatFsxBackup = project.Text{JA: "FSx の自動バックアップ", EN: "FSx automatic backups"}

var whyLustreDeployment = project.Text{
	JA: "deployment_type が lint 時に決まらず、自動バックアップのできる PERSISTENT 系か、できない SCRATCH 系かがわかりません",
	EN: "deployment_type is not known at lint time, so whether the file system is PERSISTENT (backed up) or SCRATCH (cannot be) is not known",
}

// Check reports automatic_backup_retention_days = 0, and an absent one
// where its default is 0. FSx for Lustre file systems of a SCRATCH
// deployment type (the default, SCRATCH_1) cannot take backups and are
// not checked.
func (r *AwsFsxBackupRetentionRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	for _, fsx := range fsxFileSystems {
		resources, err := runner.Resources(r, fsx.resourceType)
		if err != nil {
			return err
		}
		for _, resource := range resources {
			if err := r.checkFileSystem(runner, resource, fsx.kind, fsx.absentFails); err != nil {
				return err
			}
		}
	}
	return nil
}

func (r *AwsFsxBackupRetentionRule) checkFileSystem(runner *lint.Runner, resource *hclext.Block, kind project.Text, absentFails bool) error {
	v := runner.Attr(resource.Body, "automatic_backup_retention_days", cty.Number)
	if v.IsUnknown() {
		return runner.Unverified(r, v, whatFsxBackup)
	}
	off := v.IsAbsent() && absentFails || v.State == lint.Known && v.Val.AsBigFloat().Sign() <= 0
	if !off {
		return nil
	}
	if resource.Labels[0] == "aws_fsx_lustre_file_system" {
		deployment := runner.Attr(resource.Body, "deployment_type", cty.String)
		if deployment.IsUnknown() {
			deployment.Why = whyLustreDeployment
			return runner.Unverified(r, deployment, whatFsxBackup)
		}
		// SCRATCH_1 is the provider's default.
		if s, ok := deployment.String(); deployment.IsAbsent() || ok && strings.HasPrefix(strings.ToUpper(s), "SCRATCH") {
			return nil
		}
	}
	what, name := kind.In(runner.Config.Language), lint.Address(resource)
	if v.IsAbsent() {
		return runner.Report(r, resource.DefRange, msgFsxBackupAbsent, what, name)
	}
	return runner.Report(r, v.Range, msgFsxBackupOff, what, name)
}
