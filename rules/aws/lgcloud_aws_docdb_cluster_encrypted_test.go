package aws

import (
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func TestAwsDocdbClusterEncryptedRule(t *testing.T) {
	rule := NewAwsDocdbClusterEncryptedRule()
	const notEncrypted = "DocumentDB クラスター aws_docdb_cluster.docs のストレージが暗号化されていません。storage_encrypted = true を設定してください（作成後は変更できません）。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]"
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "storage_encrypted false literal is reported at the value",
			Content: `
resource "aws_docdb_cluster" "docs" {
  storage_encrypted = false
}`,
			Expected: helper.Issues{encIssue(rule, notEncrypted, 3, 23, 3, 28)},
		},
		{
			Name: "storage_encrypted true passes",
			Content: `
resource "aws_docdb_cluster" "docs" {
  storage_encrypted = true
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "absent storage_encrypted takes the default false and is reported at the resource",
			Content: `
resource "aws_docdb_cluster" "docs" {
  cluster_identifier = "docs"
}`,
			Expected: helper.Issues{encIssue(rule, notEncrypted, 2, 1, 2, 36)},
		},
		{
			Name: "restore from a snapshot without storage_encrypted is not reported",
			Content: `
resource "aws_docdb_cluster" "docs" {
  snapshot_identifier = "docs-final"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "point-in-time restore without storage_encrypted is named by a strict notice",
			Content: `
resource "aws_docdb_cluster" "docs" {
  restore_to_point_in_time {
    source_cluster_identifier = "docs-old"
  }
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{encIssue(linttest.Notice(rule), "strict: DocumentDB クラスターのストレージ暗号化を確認できません。storage_encrypted: 未設定で、既定値が lint 時に決まりません。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]", 2, 1, 2, 36)},
		},
		{
			Name: "global cluster member without storage_encrypted is not reported",
			Content: `
resource "aws_docdb_cluster" "docs" {
  global_cluster_identifier = "docs-global"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "false from a variable default is reported at the reference",
			Content: `
variable "encrypted" {
  default = false
}

resource "aws_docdb_cluster" "docs" {
  storage_encrypted = var.encrypted
}`,
			Expected: helper.Issues{encIssue(rule, notEncrypted, 7, 23, 7, 36)},
		},
		{
			Name: "variable without default is named by a strict notice",
			Content: `
variable "encrypted" {
  type = bool
}

resource "aws_docdb_cluster" "docs" {
  storage_encrypted = var.encrypted
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{encIssue(linttest.Notice(rule), "strict: DocumentDB クラスターのストレージ暗号化を確認できません。storage_encrypted: lint 時に値が決まりません。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]", 7, 23, 7, 36)},
		},
		{
			Name: "variable without default is not reported",
			Content: `
variable "encrypted" {
  type = bool
}

resource "aws_docdb_cluster" "docs" {
  storage_encrypted = var.encrypted
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "English message",
			Content: `
resource "aws_docdb_cluster" "docs" {
  storage_encrypted = false
}`,
			Config:   linttest.English(),
			Expected: helper.Issues{encIssue(rule, "The storage of DocumentDB cluster aws_docdb_cluster.docs is not encrypted; set storage_encrypted = true (it cannot be changed after creation). [Guideline 4.6.1.1 / JIS Q 27017 10.1.1]", 3, 23, 3, 28)},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsDocdbClusterEncryptedRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}

func TestAwsDocdbClusterEncryptedRule_Fix(t *testing.T) {
	runner := linttest.Run(t, NewAwsDocdbClusterEncryptedRule(), map[string]string{"resource.tf": `
resource "aws_docdb_cluster" "docs" {
  storage_encrypted = false
}`}, nil)
	helper.AssertChanges(t, map[string]string{"resource.tf": `
resource "aws_docdb_cluster" "docs" {
  storage_encrypted = true
}`}, runner.Changes())
}
