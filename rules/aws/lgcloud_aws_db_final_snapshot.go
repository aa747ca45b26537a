package aws

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsDBFinalSnapshotRule checks that deleting an RDS DB instance or an
// RDS/Aurora cluster takes a final snapshot: skip_final_snapshot is false
// (its default) and final_snapshot_identifier names the snapshot.
type AwsDBFinalSnapshotRule struct{ lint.Meta }

var _ lint.Rule = (*AwsDBFinalSnapshotRule)(nil)

// NewAwsDBFinalSnapshotRule returns the rule.
func NewAwsDBFinalSnapshotRule() *AwsDBFinalSnapshotRule {
	snapshot := []hclext.AttributeSchema{{Name: "skip_final_snapshot"}, {Name: "final_snapshot_identifier"}}
	return &AwsDBFinalSnapshotRule{lint.Meta{
		RuleName: "lgcloud_aws_db_final_snapshot",
		Level:    tflint.WARNING,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.7.1.6"},
		Summary:  project.Text{JA: "RDS・Aurora の削除時に最終スナップショットを取る", EN: "Deleting an RDS or Aurora database takes a final snapshot"},
		Reads: lint.Reads{
			"aws_db_instance": {Attributes: append(snapshot, hclext.AttributeSchema{Name: "replicate_source_db"}, hclext.AttributeSchema{Name: "engine"})},
			"aws_rds_cluster": {Attributes: snapshot},
		},
	}}
}

var msgFinalSnapshotSkipped = project.Text{
	JA: "%s %s は skip_final_snapshot = true で、削除時に最終スナップショットを取りません。skip_final_snapshot = false とし、final_snapshot_identifier でスナップショットの名前を設定してください。",
	EN: "%s %s has skip_final_snapshot = true: deleting it takes no final snapshot; set skip_final_snapshot = false and name the snapshot with final_snapshot_identifier.",
}

var msgFinalSnapshotUnnamed = project.Text{
	JA: "%s %s に final_snapshot_identifier がなく、削除時の最終スナップショットの名前が決まっていません（このままでは削除に失敗し、その場で skip_final_snapshot = true にされがちです）。final_snapshot_identifier を設定してください。",
	EN: "%s %s does not set final_snapshot_identifier, so the final snapshot taken on deletion has no name (the deletion fails, and is then often forced with skip_final_snapshot = true); set final_snapshot_identifier.",
}

var whatFinalSnapshot = project.Text{JA: "削除時の最終スナップショット", EN: "the final snapshot on deletion"}

// Check reports skip_final_snapshot = true at the value (with an autofix
// to false where it is a literal and final_snapshot_identifier is set,
// so that the fixed code can delete the database), and a database that
// would take a final snapshot but names none, at the resource. Read
// replicas take no final snapshot, and DB instances of an Aurora engine
// are snapshotted through their cluster: they are not checked.
func (r *AwsDBFinalSnapshotRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	for _, db := range backupDatabases {
		resources, err := runner.Resources(r, db.resourceType)
		if err != nil {
			return err
		}
		for _, resource := range resources {
			if !finalSnapshotChecked(runner, resource) {
				continue
			}
			if err := r.checkSnapshot(runner, resource, db.kind); err != nil {
				return err
			}
		}
	}
	return nil
}

// finalSnapshotChecked reports whether deleting a database takes a final
// snapshot of its own.
func finalSnapshotChecked(runner *lint.Runner, resource *hclext.Block) bool {
	if resource.Labels[0] != "aws_db_instance" {
		return true
	}
	if !runner.Attr(resource.Body, "replicate_source_db", cty.String).IsAbsent() {
		return false
	}
	engine, _ := runner.Attr(resource.Body, "engine", cty.String).String()
	return !strings.HasPrefix(engine, "aurora")
}

func (r *AwsDBFinalSnapshotRule) checkSnapshot(runner *lint.Runner, resource *hclext.Block, kind project.Text) error {
	what, name := kind.In(runner.Config.Language), lint.Address(resource)
	skip := runner.Attr(resource.Body, "skip_final_snapshot", cty.Bool)
	id := runner.Attr(resource.Body, "final_snapshot_identifier", cty.String)
	switch {
	case skip.IsUnknown():
		return runner.Unverified(r, skip, whatFinalSnapshot)
	case skip.IsTrue() && skip.IsLiteral() && !id.IsAbsent():
		return runner.ReportFix(r, skip.Range, func(f tflint.Fixer) error {
			return f.ReplaceText(skip.Range, falseLike(skip.Expr))
		}, msgFinalSnapshotSkipped, what, name)
	case skip.IsTrue():
		return runner.Report(r, skip.Range, msgFinalSnapshotSkipped, what, name)
	}
	if id.IsAbsent() {
		return runner.Report(r, resource.DefRange, msgFinalSnapshotUnnamed, what, name)
	}
	if s, ok := id.String(); ok && strings.TrimSpace(s) == "" {
		return runner.Report(r, id.Range, msgFinalSnapshotUnnamed, what, name)
	}
	return nil
}

// falseLike writes false the way the literal it replaces was written: as
// a boolean, or as a quoted string.
func falseLike(expr hcl.Expression) string {
	if _, ok := expr.(*hclsyntax.TemplateExpr); ok {
		return `"false"`
	}
	return "false"
}
