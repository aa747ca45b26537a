package aws

import (
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsWorkspacesEncryptedRule checks that the root and user volumes of
// WorkSpaces are encrypted at rest.
type AwsWorkspacesEncryptedRule struct{ lint.Meta }

var _ lint.Rule = (*AwsWorkspacesEncryptedRule)(nil)

// NewAwsWorkspacesEncryptedRule returns the rule.
func NewAwsWorkspacesEncryptedRule() *AwsWorkspacesEncryptedRule {
	return &AwsWorkspacesEncryptedRule{lint.Meta{
		RuleName: "lgcloud_aws_workspaces_encrypted",
		Level:    tflint.WARNING,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.6.1.1"},
		Summary:  project.Text{JA: "WorkSpaces のルート・ユーザーボリュームを暗号化する", EN: "WorkSpaces root and user volumes are encrypted at rest"},
		Reads: segmentLevelReads(lint.Reads{
			"aws_workspaces_workspace": {Attributes: []hclext.AttributeSchema{
				{Name: "root_volume_encryption_enabled"},
				{Name: "user_volume_encryption_enabled"},
			}},
		}),
	}}
}

var msgWorkspaceRootNotEncrypted = project.Text{
	JA: "WorkSpaces ワークスペース %s のルートボリュームが暗号化されていません。root_volume_encryption_enabled = true を設定してください（作成後は変更できません）。",
	EN: "The root volume of WorkSpaces workspace %s is not encrypted; set root_volume_encryption_enabled = true (it cannot be changed after creation).",
}

var msgWorkspaceUserNotEncrypted = project.Text{
	JA: "WorkSpaces ワークスペース %s のユーザーボリュームが暗号化されていません。user_volume_encryption_enabled = true を設定してください（作成後は変更できません）。",
	EN: "The user volume of WorkSpaces workspace %s is not encrypted; set user_volume_encryption_enabled = true (it cannot be changed after creation).",
}

var whatWorkspace = project.Text{JA: "WorkSpaces のボリュームの暗号化", EN: "WorkSpaces volume encryption"}

// Check reports each volume flag that is false or absent: WorkSpaces
// creates unencrypted volumes unless asked otherwise. A workspace of the
// mynumber segment is an ERROR.
func (r *AwsWorkspacesEncryptedRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	return eachAtSegmentLevel(runner, r, "aws_workspaces_workspace", func(workspace *hclext.Block, rule lint.Rule) error {
		for _, volume := range []struct {
			attr string
			msg  project.Text
		}{
			{"root_volume_encryption_enabled", msgWorkspaceRootNotEncrypted},
			{"user_volume_encryption_enabled", msgWorkspaceUserNotEncrypted},
		} {
			v := runner.Attr(workspace.Body, volume.attr, cty.Bool)
			if err := runner.RequireTrue(rule, v, workspace.DefRange, lint.DefaultFails, whatWorkspace, volume.msg, lint.Address(workspace)); err != nil {
				return err
			}
		}
		return nil
	})
}
