package aws

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

// accessKeyAt is a range on one line of resource.tf.
func accessKeyAt(line, start, end int) hcl.Range {
	return hcl.Range{Filename: "resource.tf", Start: hcl.Pos{Line: line, Column: start}, End: hcl.Pos{Line: line, Column: end}}
}

func TestAwsIamUserAccessKeyRule(t *testing.T) {
	rule := NewAwsIamUserAccessKeyRule()
	const msg = "aws_iam_access_key.ci は IAM ユーザーに長期間有効なアクセスキーを発行します。ロールと一時的な認証情報（AssumeRole、IAM Identity Center）を使ってください。 [指針 4.6.2.3 / JIS Q 27017 9.2.4]"
	block := accessKeyAt(2, 1, 35) // resource "aws_iam_access_key" "ci"
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "key without status is active by default and is reported at the resource",
			Content: `
resource "aws_iam_access_key" "ci" {
  user = aws_iam_user.ci.name
}`,
			Expected: helper.Issues{{Rule: rule, Message: msg, Range: block}},
		},
		{
			Name: "key with status Active is reported at the status",
			Content: `
resource "aws_iam_access_key" "ci" {
  user   = "ci"
  status = "Active"
}`,
			Expected: helper.Issues{{Rule: rule, Message: msg, Range: accessKeyAt(4, 12, 20)}},
		},
		{
			Name: "key with status Inactive passes",
			Content: `
resource "aws_iam_access_key" "ci" {
  user   = "ci"
  status = "Inactive"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "null status is the default",
			Content: `
resource "aws_iam_access_key" "ci" {
  user   = "ci"
  status = null
}`,
			Expected: helper.Issues{{Rule: rule, Message: msg, Range: block}},
		},
		{
			Name: "status from a variable default Active is reported at the reference",
			Content: `
variable "status" {
  default = "Active"
}

resource "aws_iam_access_key" "ci" {
  user   = "ci"
  status = var.status
}`,
			Expected: helper.Issues{{Rule: rule, Message: msg, Range: accessKeyAt(8, 12, 22)}},
		},
		{
			Name: "status from a variable default Inactive passes",
			Content: `
variable "status" {
  default = "Inactive"
}

resource "aws_iam_access_key" "ci" {
  user   = "ci"
  status = var.status
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "status from a variable without default is unknown and not reported",
			Content: `
variable "status" {
  type = string
}

resource "aws_iam_access_key" "ci" {
  user   = "ci"
  status = var.status
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "status from a variable without default is named by a strict notice",
			Content: `
variable "status" {
  type = string
}

resource "aws_iam_access_key" "ci" {
  user   = "ci"
  status = var.status
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				{
					Rule:    linttest.Notice(rule),
					Message: "strict: アクセスキーの状態を確認できません。status: lint 時に値が決まりません。 [指針 4.6.2.3 / JIS Q 27017 9.2.4]",
					Range:   accessKeyAt(8, 12, 22),
				},
			},
		},
		{
			Name: "a local whose value is unknown is not reported",
			Content: `
variable "unknown_value" {}

locals {
  status = var.unknown_value
}

resource "aws_iam_access_key" "ci" {
  user   = "ci"
  status = local.status
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "a status the provider rejects is not reported",
			Content: `
resource "aws_iam_access_key" "ci" {
  user   = "ci"
  status = "active"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "English message",
			Content: `
resource "aws_iam_access_key" "ci" {
  user = "ci"
}`,
			Config: linttest.English(),
			Expected: helper.Issues{
				{
					Rule:    rule,
					Message: "aws_iam_access_key.ci issues a long-lived access key to an IAM user; use roles and temporary credentials (AssumeRole, IAM Identity Center) instead. [Guideline 4.6.2.3 / JIS Q 27017 9.2.4]",
					Range:   block,
				},
			},
		},
	}

	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsIamUserAccessKeyRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}
