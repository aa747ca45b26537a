package aws

import (
	"strconv"
	"strings"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsEfsBackupEnabledRule checks that EFS file systems are backed up: by
// EFS automatic backups (an aws_efs_backup_policy with status ENABLED, or
// a One Zone file system, where they are on by default) or by an AWS
// Backup selection that names the file system.
type AwsEfsBackupEnabledRule struct{ lint.Meta }

var _ lint.Rule = (*AwsEfsBackupEnabledRule)(nil)

// NewAwsEfsBackupEnabledRule returns the rule.
func NewAwsEfsBackupEnabledRule() *AwsEfsBackupEnabledRule {
	return &AwsEfsBackupEnabledRule{lint.Meta{
		RuleName: "lgcloud_aws_efs_backup_enabled",
		Level:    tflint.ERROR,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.6.1.3"},
		Summary:  project.Text{JA: "EFS ファイルシステムをバックアップする（自動バックアップまたは AWS Backup）", EN: "EFS file systems are backed up (automatic backups or AWS Backup)"},
		Reads: withBackupSelections(lint.Reads{
			"aws_efs_file_system": {Attributes: []hclext.AttributeSchema{{Name: "availability_zone_name"}}},
			"aws_efs_backup_policy": {
				Attributes: []hclext.AttributeSchema{{Name: "file_system_id"}},
				Blocks: []hclext.BlockSchema{{
					Type: "backup_policy",
					Body: &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "status"}}},
				}},
			},
		}),
	}}
}

var msgEfsNoBackup = project.Text{
	JA: "EFS ファイルシステム %s はバックアップされません。aws_efs_backup_policy で自動バックアップを有効にする（status = \"ENABLED\"）か、AWS Backup の選択（aws_backup_selection）の resources に含めてください。",
	EN: "EFS file system %s is not backed up; turn automatic backups on with an aws_efs_backup_policy (status = \"ENABLED\"), or name it in the resources of an AWS Backup selection (aws_backup_selection).",
}

var msgEfsPolicyDisabled = project.Text{
	JA: "EFS バックアップポリシー %s が自動バックアップを無効にしています（status = %q）。status = \"ENABLED\" にするか、ファイルシステムを AWS Backup の選択（aws_backup_selection）の resources に含めてください。",
	EN: "EFS backup policy %s turns automatic backups off (status = %q); set status = \"ENABLED\", or name the file system in the resources of an AWS Backup selection (aws_backup_selection).",
}

var whatEfsBackup = project.Text{JA: "EFS ファイルシステムのバックアップ", EN: "EFS file system backups"}

var whyEfsPolicyUnresolved = project.Text{
	JA: "file_system_id がこのモジュールのファイルシステムを参照しない aws_efs_backup_policy があり、対象がわかりません",
	EN: "an aws_efs_backup_policy whose file_system_id refers to no file system of this module may apply to it",
}

// efsPolicy is an aws_efs_backup_policy with the file system it applies to.
type efsPolicy struct {
	block *hclext.Block
	// fileSystem is the name of the aws_efs_file_system of the module its
	// file_system_id refers to; "" when it refers to none.
	fileSystem string
	status     lint.Value
}

// Check reports each EFS file system that no backup covers, at the
// resource, and each backup policy that turns automatic backups off for a
// file system no AWS Backup selection covers, at its status (with an
// autofix to "ENABLED" where it is a literal).
func (r *AwsEfsBackupEnabledRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	policies, err := r.readPolicies(runner)
	if err != nil {
		return err
	}
	selections, err := readBackupSelections(runner, r)
	if err != nil {
		return err
	}
	for _, p := range policies {
		if err := r.checkPolicy(runner, p, selections); err != nil {
			return err
		}
	}
	fileSystems, err := runner.Resources(r, "aws_efs_file_system")
	if err != nil {
		return err
	}
	for _, fs := range fileSystems {
		if err := r.checkFileSystem(runner, fs, policies, selections); err != nil {
			return err
		}
	}
	return nil
}

func (r *AwsEfsBackupEnabledRule) readPolicies(runner *lint.Runner) ([]efsPolicy, error) {
	blocks, err := runner.Resources(r, "aws_efs_backup_policy")
	if err != nil {
		return nil, err
	}
	policies := make([]efsPolicy, 0, len(blocks))
	for _, block := range blocks {
		p := efsPolicy{block: block, status: lint.Value{State: lint.Absent, Name: "status"}}
		if attr, ok := block.Body.Attributes["file_system_id"]; ok {
			p.fileSystem, _ = referenceLabel(attr.Expr, "aws_efs_file_system")
		}
		for _, bp := range block.Body.Blocks.OfType("backup_policy") {
			p.status = runner.Attr(bp.Body, "status", cty.String)
		}
		policies = append(policies, p)
	}
	return policies, nil
}

// checkPolicy reports a policy whose status turns backups off, unless an
// AWS Backup selection covers its file system.
func (r *AwsEfsBackupEnabledRule) checkPolicy(runner *lint.Runner, p efsPolicy, selections []backupSelection) error {
	if p.status.IsUnknown() {
		return runner.Unverified(r, p.status, whatEfsBackup)
	}
	status, ok := p.status.String()
	if !ok || strings.EqualFold(status, "ENABLED") {
		return nil
	}
	cover, why := efsCoverage(p.fileSystem, selections)
	switch cover {
	case covered:
		return nil
	case mayBeCovered:
		return runner.Unverified(r, lint.Value{State: lint.Unknown, Name: lint.Address(p.block), Range: p.status.Range, Why: why}, whatEfsBackup)
	}
	name := lint.Address(p.block)
	if p.status.IsLiteral() {
		return runner.ReportFix(r, p.status.Range, func(f tflint.Fixer) error {
			return f.ReplaceText(p.status.Range, strconv.Quote("ENABLED"))
		}, msgEfsPolicyDisabled, name, status)
	}
	return runner.Report(r, p.status.Range, msgEfsPolicyDisabled, name, status)
}

// checkFileSystem reports a file system that has no backup policy of its
// own, is not One Zone, and is covered by no AWS Backup selection.
func (r *AwsEfsBackupEnabledRule) checkFileSystem(runner *lint.Runner, fs *hclext.Block, policies []efsPolicy, selections []backupSelection) error {
	name := fs.Labels[1]
	unresolved := false
	for _, p := range policies {
		if p.fileSystem == name {
			// The policy is judged on its own.
			return nil
		}
		unresolved = unresolved || p.fileSystem == ""
	}
	// EFS turns automatic backups on by default for a One Zone file system.
	if !runner.Attr(fs.Body, "availability_zone_name", cty.String).IsAbsent() {
		return nil
	}
	cover, why := efsCoverage(name, selections)
	switch {
	case cover == covered:
		return nil
	case cover == mayBeCovered:
	case unresolved:
		why = whyEfsPolicyUnresolved
	default:
		return runner.Report(r, fs.DefRange, msgEfsNoBackup, lint.Address(fs))
	}
	return runner.Unverified(r, lint.Value{State: lint.Unknown, Name: lint.Address(fs), Range: fs.DefRange, Why: why}, whatEfsBackup)
}

// efsCoverage says whether the selections cover the file system named
// name; "" stands for a file system the code does not name, which any
// selection of EFS file systems may cover.
func efsCoverage(name string, selections []backupSelection) (coverage, project.Text) {
	outcome, reason := notCovered, project.Text{}
	for _, s := range selections {
		var c coverage
		var why project.Text
		if name == "" {
			c, why = s.coversAnyOf("aws_efs_file_system", "elasticfilesystem")
		} else {
			c, why = s.Covers("aws_efs_file_system", name, "elasticfilesystem")
		}
		switch c {
		case covered:
			return covered, project.Text{}
		case mayBeCovered:
			outcome, reason = mayBeCovered, why
		}
	}
	return outcome, reason
}
