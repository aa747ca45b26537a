package aws

import (
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func TestAwsRedshiftClusterEncryptedRule(t *testing.T) {
	rule := NewAwsRedshiftClusterEncryptedRule()
	const (
		notEncrypted = "Redshift クラスター aws_redshift_cluster.dwh が暗号化されていません。encrypted = true を設定してください。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]"
		v5Default    = "Redshift クラスター aws_redshift_cluster.dwh に encrypted がなく、この構成が使う AWS プロバイダー（v5 以前）の既定値は false です。encrypted = true を設定してください。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]"
	)
	v5 := `
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}
`
	v6 := `
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 6.0"
    }
  }
}
`
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "encrypted false literal is reported at the value",
			Content: `
resource "aws_redshift_cluster" "dwh" {
  node_type = "ra3.xlplus"
  encrypted = false
}`,
			Expected: helper.Issues{encIssue(rule, notEncrypted, 4, 15, 4, 20)},
		},
		{
			Name: "encrypted true literal passes",
			Content: `
resource "aws_redshift_cluster" "dwh" {
  node_type = "ra3.xlplus"
  encrypted = true
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "absent encrypted with provider v5 is reported at the resource",
			Content: v5 + `
resource "aws_redshift_cluster" "dwh" {
  node_type = "ra3.xlplus"
}`,
			Expected: helper.Issues{encIssue(rule, v5Default, 11, 1, 11, 38)},
		},
		{
			Name: "absent encrypted with provider v6 passes: the default is true",
			Content: v6 + `
resource "aws_redshift_cluster" "dwh" {
  node_type = "ra3.xlplus"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "absent encrypted with an unpinned provider is not reported",
			Content: `
resource "aws_redshift_cluster" "dwh" {
  node_type = "ra3.xlplus"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "absent encrypted with an unpinned provider is named by a strict notice",
			Content: `
resource "aws_redshift_cluster" "dwh" {
  node_type = "ra3.xlplus"
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{encIssue(linttest.Notice(rule), "strict: Redshift クラスターの暗号化を確認できません。encrypted: 未設定で、既定値が AWS プロバイダーのメジャーバージョン（v5 以前は false、v6 以降は true）によって異なり、required_providers がそれを一つに定めていません。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]", 2, 1, 2, 38)},
		},
		{
			Name: "encrypted false is reported with provider v6 too",
			Content: v6 + `
resource "aws_redshift_cluster" "dwh" {
  node_type = "ra3.xlplus"
  encrypted = false
}`,
			Expected: helper.Issues{encIssue(rule, notEncrypted, 13, 15, 13, 20)},
		},
		{
			Name: "restore from a snapshot without encrypted is not reported with provider v5",
			Content: v5 + `
resource "aws_redshift_cluster" "dwh" {
  node_type           = "ra3.xlplus"
  snapshot_identifier = "dwh-final"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "restore from a snapshot without encrypted is named by a strict notice",
			Content: `
resource "aws_redshift_cluster" "dwh" {
  node_type           = "ra3.xlplus"
  snapshot_identifier = "dwh-final"
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{encIssue(linttest.Notice(rule), "strict: Redshift クラスターの暗号化を確認できません。encrypted: 未設定で、既定値が lint 時に決まりません。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]", 2, 1, 2, 38)},
		},
		{
			Name: "false from a variable default is reported at the reference",
			Content: `
variable "encrypted" {
  default = false
}

resource "aws_redshift_cluster" "dwh" {
  node_type = "ra3.xlplus"
  encrypted = var.encrypted
}`,
			Expected: helper.Issues{encIssue(rule, notEncrypted, 8, 15, 8, 28)},
		},
		{
			Name: "variable without default is not reported",
			Content: `
variable "encrypted" {
  type = bool
}

resource "aws_redshift_cluster" "dwh" {
  node_type = "ra3.xlplus"
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

resource "aws_redshift_cluster" "dwh" {
  node_type = "ra3.xlplus"
  encrypted = var.encrypted
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{encIssue(linttest.Notice(rule), "strict: Redshift クラスターの暗号化を確認できません。encrypted: lint 時に値が決まりません。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]", 8, 15, 8, 28)},
		},
		{
			Name: "English message",
			Content: `
resource "aws_redshift_cluster" "dwh" {
  node_type = "ra3.xlplus"
  encrypted = false
}`,
			Config:   linttest.English(),
			Expected: helper.Issues{encIssue(rule, "Redshift cluster aws_redshift_cluster.dwh is not encrypted; set encrypted = true. [Guideline 4.6.1.1 / JIS Q 27017 10.1.1]", 4, 15, 4, 20)},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsRedshiftClusterEncryptedRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}

func TestAwsRedshiftClusterEncryptedRule_Fix(t *testing.T) {
	runner := linttest.Run(t, NewAwsRedshiftClusterEncryptedRule(), map[string]string{"resource.tf": `
resource "aws_redshift_cluster" "dwh" {
  node_type = "ra3.xlplus"
  encrypted = false
}`}, nil)
	helper.AssertChanges(t, map[string]string{"resource.tf": `
resource "aws_redshift_cluster" "dwh" {
  node_type = "ra3.xlplus"
  encrypted = true
}`}, runner.Changes())
}
