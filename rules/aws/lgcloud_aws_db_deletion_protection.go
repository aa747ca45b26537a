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

// AwsDBDeletionProtectionRule checks that databases (RDS DB instances,
// RDS/Aurora clusters, DynamoDB tables) have deletion protection on, so
// that deleting one takes the deliberate step of turning it off.
type AwsDBDeletionProtectionRule struct{ lint.Meta }

var _ lint.Rule = (*AwsDBDeletionProtectionRule)(nil)

// NewAwsDBDeletionProtectionRule returns the rule.
func NewAwsDBDeletionProtectionRule() *AwsDBDeletionProtectionRule {
	reads := lint.Reads{}
	for _, db := range protectedDatabases {
		reads[db.resourceType] = &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: db.attr}}}
	}
	reads["aws_db_instance"].Attributes = append(reads["aws_db_instance"].Attributes, hclext.AttributeSchema{Name: "engine"})
	return &AwsDBDeletionProtectionRule{lint.Meta{
		RuleName: "lgcloud_aws_db_deletion_protection",
		Level:    tflint.WARNING,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.7.1.6"},
		Summary:  project.Text{JA: "データベース（RDS・Aurora・DynamoDB）の削除保護を有効にする", EN: "Databases (RDS, Aurora, DynamoDB) have deletion protection on"},
		Reads:    reads,
	}}
}

// protectedDatabases are the resource types the rule reads, with their
// deletion protection flag (false when absent, for all three) and what
// each is called in messages.
var protectedDatabases = []struct {
	resourceType, attr string
	kind               project.Text
}{
	{"aws_db_instance", "deletion_protection", storeName("aws_db_instance")},
	{"aws_rds_cluster", "deletion_protection", storeName("aws_rds_cluster")},
	{"aws_dynamodb_table", "deletion_protection_enabled", storeName("aws_dynamodb_table")},
}

var msgDeletionProtectionOff = project.Text{
	JA: "%s %s の削除保護が有効になっていません。%s = true を設定してください（削除するときは、文書化した手順に従って先に無効にします）。",
	EN: "%s %s does not have deletion protection on; set %s = true (to delete it, turn protection off first, following the documented procedure).",
}

var whatDeletionProtection = project.Text{JA: "データベースの削除保護", EN: "database deletion protection"}

// Check reports a deletion protection flag that is false (with an autofix
// to true where it is a literal) or absent. DB instances of an Aurora
// engine are protected through their cluster and are not checked.
func (r *AwsDBDeletionProtectionRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	for _, db := range protectedDatabases {
		resources, err := runner.Resources(r, db.resourceType)
		if err != nil {
			return err
		}
		for _, resource := range resources {
			if db.resourceType == "aws_db_instance" {
				if engine, _ := runner.Attr(resource.Body, "engine", cty.String).String(); strings.HasPrefix(engine, "aurora") {
					continue
				}
			}
			v := runner.Attr(resource.Body, db.attr, cty.Bool)
			kind := db.kind.In(runner.Config.Language)
			if err := runner.RequireTrue(r, v, resource.DefRange, lint.DefaultFails, whatDeletionProtection, msgDeletionProtectionOff, kind, lint.Address(resource), db.attr); err != nil {
				return err
			}
		}
	}
	return nil
}
