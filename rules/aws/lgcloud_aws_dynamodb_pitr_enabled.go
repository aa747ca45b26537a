package aws

import (
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsDynamodbPitrEnabledRule checks that DynamoDB tables have
// point-in-time recovery on.
type AwsDynamodbPitrEnabledRule struct{ lint.Meta }

var _ lint.Rule = (*AwsDynamodbPitrEnabledRule)(nil)

// NewAwsDynamodbPitrEnabledRule returns the rule.
func NewAwsDynamodbPitrEnabledRule() *AwsDynamodbPitrEnabledRule {
	return &AwsDynamodbPitrEnabledRule{lint.Meta{
		RuleName: "lgcloud_aws_dynamodb_pitr_enabled",
		Level:    tflint.ERROR,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.6.1.3"},
		Summary:  project.Text{JA: "DynamoDB テーブルのポイントインタイムリカバリを有効にする", EN: "DynamoDB tables have point-in-time recovery on"},
		Reads: lint.Reads{
			"aws_dynamodb_table": {Blocks: []hclext.BlockSchema{{
				Type: "point_in_time_recovery",
				Body: &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "enabled"}}},
			}}},
		},
	}}
}

var msgPitrOff = project.Text{
	JA: "DynamoDB テーブル %s のポイントインタイムリカバリが有効になっていません。point_in_time_recovery ブロックで enabled = true を設定してください。",
	EN: "DynamoDB table %s does not have point-in-time recovery on; set enabled = true in a point_in_time_recovery block.",
}

var whatPitr = project.Text{JA: "DynamoDB のポイントインタイムリカバリ", EN: "DynamoDB point-in-time recovery"}

// Check reports tables without a point_in_time_recovery block (recovery is
// then off) at the resource, and enabled = false at the value, with an
// autofix to true where it is a literal. Replicas of a global table are
// copies of a table whose own recovery is checked; they are not read.
func (r *AwsDynamodbPitrEnabledRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	tables, err := runner.Resources(r, "aws_dynamodb_table")
	if err != nil {
		return err
	}
	for _, table := range tables {
		name := lint.Address(table)
		blocks := table.Body.Blocks.OfType("point_in_time_recovery")
		if len(blocks) == 0 {
			if err := runner.Report(r, table.DefRange, msgPitrOff, name); err != nil {
				return err
			}
			continue
		}
		for _, block := range blocks {
			v := runner.Attr(block.Body, "enabled", cty.Bool)
			if err := runner.RequireTrue(r, v, block.DefRange, lint.DefaultFails, whatPitr, msgPitrOff, name); err != nil {
				return err
			}
		}
	}
	return nil
}
