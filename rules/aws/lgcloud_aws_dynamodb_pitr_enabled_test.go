package aws

import (
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func TestAwsDynamodbPitrEnabledRule(t *testing.T) {
	rule := NewAwsDynamodbPitrEnabledRule()
	const msg = "DynamoDB テーブル aws_dynamodb_table.sessions のポイントインタイムリカバリが有効になっていません。point_in_time_recovery ブロックで enabled = true を設定してください。" + backupCite
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "table without the block is reported at the resource",
			Content: `
resource "aws_dynamodb_table" "sessions" {
  name     = "sessions"
  hash_key = "id"
}`,
			Expected: helper.Issues{{Rule: rule, Message: msg, Range: backupRange(2, 1, 2, 41)}},
		},
		{
			Name: "enabled false is reported at the value",
			Content: `
resource "aws_dynamodb_table" "sessions" {
  point_in_time_recovery {
    enabled = false
  }
}`,
			Expected: helper.Issues{{Rule: rule, Message: msg, Range: backupRange(4, 15, 4, 20)}},
		},
		{
			Name: "enabled true passes",
			Content: `
resource "aws_dynamodb_table" "sessions" {
  point_in_time_recovery {
    enabled = true
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "enabled from a variable default is judged",
			Content: `
variable "pitr" {
  default = false
}

resource "aws_dynamodb_table" "sessions" {
  point_in_time_recovery {
    enabled = var.pitr
  }
}`,
			Expected: helper.Issues{{Rule: rule, Message: msg, Range: backupRange(8, 15, 8, 23)}},
		},
		{
			Name: "enabled from a variable without default is not reported",
			Content: `
variable "pitr" {
  type = bool
}

resource "aws_dynamodb_table" "sessions" {
  point_in_time_recovery {
    enabled = var.pitr
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "enabled from a variable without default is named by a strict notice",
			Content: `
variable "pitr" {
  type = bool
}

resource "aws_dynamodb_table" "sessions" {
  point_in_time_recovery {
    enabled = var.pitr
  }
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(rule),
				Message: "strict: DynamoDB のポイントインタイムリカバリを確認できません。enabled: lint 時に値が決まりません。" + backupCite,
				Range:   backupRange(8, 15, 8, 23),
			}},
		},
		{
			Name: "table replica resource is not read",
			Content: `
resource "aws_dynamodb_table_replica" "sessions" {
  global_table_arn = "arn:aws:dynamodb:ap-northeast-1:123456789012:table/sessions"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "English message",
			Content: `
resource "aws_dynamodb_table" "sessions" {
}`,
			Config: linttest.English(),
			Expected: helper.Issues{{
				Rule:    rule,
				Message: "DynamoDB table aws_dynamodb_table.sessions does not have point-in-time recovery on; set enabled = true in a point_in_time_recovery block. [Guideline 4.6.1.3 / JIS Q 27017 12.3.1]",
				Range:   backupRange(2, 1, 2, 41),
			}},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsDynamodbPitrEnabledRule(), map[string]string{"main.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}

func TestAwsDynamodbPitrEnabledRule_Fix(t *testing.T) {
	runner := linttest.Run(t, NewAwsDynamodbPitrEnabledRule(), map[string]string{"main.tf": `
resource "aws_dynamodb_table" "sessions" {
  point_in_time_recovery {
    enabled = false
  }
}`}, nil)
	helper.AssertChanges(t, map[string]string{"main.tf": `
resource "aws_dynamodb_table" "sessions" {
  point_in_time_recovery {
    enabled = true
  }
}`}, runner.Changes())
}
