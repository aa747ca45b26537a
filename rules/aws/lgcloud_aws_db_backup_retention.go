package aws

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsDBBackupRetentionRule checks that RDS DB instances and RDS/Aurora
// clusters keep automated backups for at least the configured number of
// days.
type AwsDBBackupRetentionRule struct{ lint.Meta }

var (
	_ lint.Rule         = (*AwsDBBackupRetentionRule)(nil)
	_ lint.Configurable = (*AwsDBBackupRetentionRule)(nil)
)

// NewAwsDBBackupRetentionRule returns the rule.
func NewAwsDBBackupRetentionRule() *AwsDBBackupRetentionRule {
	restore := hclext.BlockSchema{Type: "restore_to_point_in_time", Body: &hclext.BodySchema{}}
	return &AwsDBBackupRetentionRule{lint.Meta{
		RuleName: "lgcloud_aws_db_backup_retention",
		Level:    tflint.ERROR,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.6.1.3"},
		Summary:  project.Text{JA: "RDS・Aurora の自動バックアップを必要な日数保持する", EN: "RDS and Aurora keep automated backups long enough"},
		Reads: lint.Reads{
			"aws_db_instance": {
				Attributes: []hclext.AttributeSchema{{Name: "backup_retention_period"}, {Name: "replicate_source_db"}, {Name: "engine"}, {Name: "snapshot_identifier"}},
				Blocks:     []hclext.BlockSchema{restore},
			},
			"aws_rds_cluster": {
				Attributes: []hclext.AttributeSchema{{Name: "backup_retention_period"}, {Name: "snapshot_identifier"}},
				Blocks:     []hclext.BlockSchema{restore},
			},
		},
	}}
}

// DBBackupRetentionOptions are the options of lgcloud_aws_db_backup_retention
// in its rule block.
type DBBackupRetentionOptions struct {
	// MinimumRetentionDays is the fewest days of automated backups accepted.
	MinimumRetentionDays int `hclext:"minimum_retention_days,optional"`
}

// Bounds of the option: RDS keeps automated backups for 1 to 35 days (0
// turns them off).
const (
	minDBRetentionDays = 1
	maxDBRetentionDays = 35
)

// NewOptions returns the default: 7 days, the minimum that AWS Security
// Hub's controls RDS.11 (instances) and RDS.50 (clusters) require by
// default, and the retention the RDS console proposes.
func (r *AwsDBBackupRetentionRule) NewOptions() any {
	return &DBBackupRetentionOptions{MinimumRetentionDays: 7}
}

// Validate checks the option against the retention RDS accepts.
func (o *DBBackupRetentionOptions) Validate() error {
	if o.MinimumRetentionDays < minDBRetentionDays || o.MinimumRetentionDays > maxDBRetentionDays {
		return &lint.OptionError{
			Attribute: "minimum_retention_days",
			Detail:    fmt.Sprintf("%d is out of range; use a value from %d to %d", o.MinimumRetentionDays, minDBRetentionDays, maxDBRetentionDays),
		}
	}
	return nil
}

// backupDatabases are the resource types the rule reads, with what each is
// called in messages.
var backupDatabases = []struct {
	resourceType string
	kind         project.Text
}{
	{"aws_db_instance", storeName("aws_db_instance")},
	{"aws_rds_cluster", storeName("aws_rds_cluster")},
}

var msgRetentionAbsent = project.Text{
	JA: "%s %s に backup_retention_period がなく、自動バックアップの保持期間は既定の 1 日です。backup_retention_period = %d 以上を設定してください。",
	EN: "%s %s does not set backup_retention_period, so automated backups are kept for the default 1 day; set backup_retention_period = %d or more.",
}

var msgRetentionOff = project.Text{
	JA: "%s %s は backup_retention_period = 0 で、自動バックアップが無効です。backup_retention_period = %d 以上を設定してください。",
	EN: "%s %s has backup_retention_period = 0: automated backups are off; set backup_retention_period = %d or more.",
}

var msgRetentionShort = project.Text{
	JA: "%s %s は自動バックアップを %s 日しか保持しません（backup_retention_period）。backup_retention_period = %d 以上を設定してください。",
	EN: "%s %s keeps automated backups for only %s days (backup_retention_period); set backup_retention_period = %d or more.",
}

var whatRetention = project.Text{JA: "自動バックアップの保持期間", EN: "the retention of automated backups"}

var whyRestoredRetention = project.Text{
	JA: "未設定で、復元元のスナップショットまたは DB の保持期間を引き継ぎます",
	EN: "not set, and it is inherited from the snapshot or database the resource is restored from",
}

// Check reports a backup_retention_period below the minimum: at the value,
// with an autofix to the minimum where it is a literal, or at the resource
// when it is absent (the RDS API then keeps backups for 1 day). Read
// replicas, whose backups follow their source, and Aurora instances,
// whose backups are the cluster's, are not checked.
func (r *AwsDBBackupRetentionRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	opts, _ := runner.Options(r).(*DBBackupRetentionOptions)
	if opts == nil {
		opts = r.NewOptions().(*DBBackupRetentionOptions)
	}
	for _, db := range backupDatabases {
		resources, err := runner.Resources(r, db.resourceType)
		if err != nil {
			return err
		}
		for _, resource := range resources {
			if !backupChecked(runner, resource) {
				continue
			}
			if err := r.checkRetention(runner, resource, db.kind, opts.MinimumRetentionDays); err != nil {
				return err
			}
		}
	}
	return nil
}

// backupChecked reports whether a database has backups of its own: read
// replicas (replicate_source_db set) and DB instances of an Aurora engine
// do not.
func backupChecked(runner *lint.Runner, resource *hclext.Block) bool {
	if resource.Labels[0] != "aws_db_instance" {
		return true
	}
	if !runner.Attr(resource.Body, "replicate_source_db", cty.String).IsAbsent() {
		return false
	}
	engine, _ := runner.Attr(resource.Body, "engine", cty.String).String()
	return !strings.HasPrefix(engine, "aurora")
}

func (r *AwsDBBackupRetentionRule) checkRetention(runner *lint.Runner, resource *hclext.Block, kind project.Text, min int) error {
	name, what := lint.Address(resource), kind.In(runner.Config.Language)
	v := runner.Attr(resource.Body, "backup_retention_period", cty.Number)
	switch {
	case v.IsAbsent() && restoredDatabase(runner, resource):
		return runner.Unverified(r, lint.Value{State: lint.Unknown, Name: v.Name, Range: resource.DefRange, Why: whyRestoredRetention}, whatRetention)
	case v.IsAbsent():
		return runner.Report(r, resource.DefRange, msgRetentionAbsent, what, name, min)
	case v.IsUnknown():
		return runner.Unverified(r, v, whatRetention)
	}
	days := v.Val.AsBigFloat()
	if days.Cmp(big.NewFloat(float64(min))) >= 0 {
		return nil
	}
	msg, args := msgRetentionShort, []any{what, name, numberText(v.Val), min}
	if days.Sign() == 0 {
		msg, args = msgRetentionOff, []any{what, name, min}
	}
	if v.IsLiteral() {
		return runner.ReportFix(r, v.Range, func(f tflint.Fixer) error {
			return f.ReplaceText(v.Range, numberLike(v.Expr, min))
		}, msg, args...)
	}
	return runner.Report(r, v.Range, msg, args...)
}

// restoredDatabase reports whether a database is restored from a snapshot or to a
// point in time, and inherits its backup retention from the source.
func restoredDatabase(runner *lint.Runner, resource *hclext.Block) bool {
	if len(resource.Body.Blocks.OfType("restore_to_point_in_time")) > 0 {
		return true
	}
	return !runner.Attr(resource.Body, "snapshot_identifier", cty.String).IsAbsent()
}
