package aws

import (
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func TestAwsWorkspacesEncryptedRule(t *testing.T) {
	rule := NewAwsWorkspacesEncryptedRule()
	const (
		root = "WorkSpaces ワークスペース aws_workspaces_workspace.desk のルートボリュームが暗号化されていません。root_volume_encryption_enabled = true を設定してください（作成後は変更できません）。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]"
		user = "WorkSpaces ワークスペース aws_workspaces_workspace.desk のユーザーボリュームが暗号化されていません。user_volume_encryption_enabled = true を設定してください（作成後は変更できません）。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]"
	)
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "both flags false are reported at their values",
			Content: `
resource "aws_workspaces_workspace" "desk" {
  root_volume_encryption_enabled = false
  user_volume_encryption_enabled = false
}`,
			Expected: helper.Issues{
				encIssue(rule, root, 3, 36, 3, 41),
				encIssue(rule, user, 4, 36, 4, 41),
			},
		},
		{
			Name: "absent flags take the default false and are reported at the resource",
			Content: `
resource "aws_workspaces_workspace" "desk" {
  user_name = "taro"
}`,
			Expected: helper.Issues{
				encIssue(rule, root, 2, 1, 2, 43),
				encIssue(rule, user, 2, 1, 2, 43),
			},
		},
		{
			Name: "both flags true pass",
			Content: `
resource "aws_workspaces_workspace" "desk" {
  root_volume_encryption_enabled = true
  user_volume_encryption_enabled = true
  volume_encryption_key          = "alias/aws/workspaces"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "only the user volume encrypted reports the root volume",
			Content: `
resource "aws_workspaces_workspace" "desk" {
  user_volume_encryption_enabled = true
}`,
			Expected: helper.Issues{encIssue(rule, root, 2, 1, 2, 43)},
		},
		{
			Name: "false from a variable default is reported at the reference",
			Content: `
variable "encrypted" {
  default = false
}

resource "aws_workspaces_workspace" "desk" {
  root_volume_encryption_enabled = var.encrypted
  user_volume_encryption_enabled = true
}`,
			Expected: helper.Issues{encIssue(rule, root, 7, 36, 7, 49)},
		},
		{
			Name: "variable without default is named by a strict notice only",
			Content: `
variable "encrypted" {
  type = bool
}

resource "aws_workspaces_workspace" "desk" {
  root_volume_encryption_enabled = var.encrypted
  user_volume_encryption_enabled = true
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{encIssue(linttest.Notice(rule), "strict: WorkSpaces のボリュームの暗号化を確認できません。root_volume_encryption_enabled: lint 時に値が決まりません。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]", 7, 36, 7, 49)},
		},
		{
			Name: "variable without default is not reported",
			Content: `
variable "encrypted" {
  type = bool
}

resource "aws_workspaces_workspace" "desk" {
  root_volume_encryption_enabled = var.encrypted
  user_volume_encryption_enabled = true
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "English message",
			Content: `
resource "aws_workspaces_workspace" "desk" {
  root_volume_encryption_enabled = true
  user_volume_encryption_enabled = false
}`,
			Config:   linttest.English(),
			Expected: helper.Issues{encIssue(rule, "The user volume of WorkSpaces workspace aws_workspaces_workspace.desk is not encrypted; set user_volume_encryption_enabled = true (it cannot be changed after creation). [Guideline 4.6.1.1 / JIS Q 27017 10.1.1]", 4, 36, 4, 41)},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsWorkspacesEncryptedRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}

func TestAwsWorkspacesEncryptedRule_Fix(t *testing.T) {
	runner := linttest.Run(t, NewAwsWorkspacesEncryptedRule(), map[string]string{"resource.tf": `
resource "aws_workspaces_workspace" "desk" {
  root_volume_encryption_enabled = false
  user_volume_encryption_enabled = false
}`}, nil)
	helper.AssertChanges(t, map[string]string{"resource.tf": `
resource "aws_workspaces_workspace" "desk" {
  root_volume_encryption_enabled = true
  user_volume_encryption_enabled = true
}`}, runner.Changes())
}
