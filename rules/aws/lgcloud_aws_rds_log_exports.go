package aws

import (
	"fmt"
	"slices"
	"strings"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsRdsLogExportsRule checks that RDS DB instances and clusters export the
// log that records privileged operations on the database to CloudWatch
// Logs, according to their engine.
type AwsRdsLogExportsRule struct{ lint.Meta }

var _ lint.Rule = (*AwsRdsLogExportsRule)(nil)

// NewAwsRdsLogExportsRule returns the rule.
func NewAwsRdsLogExportsRule() *AwsRdsLogExportsRule {
	attrs := func(names ...string) *hclext.BodySchema {
		s := &hclext.BodySchema{}
		for _, n := range names {
			s.Attributes = append(s.Attributes, hclext.AttributeSchema{Name: n})
		}
		return s
	}
	return &AwsRdsLogExportsRule{lint.Meta{
		RuleName: "lgcloud_aws_rds_log_exports",
		Level:    tflint.ERROR,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.6.1.4", "4.7.1.3"},
		Summary:  project.Text{JA: "RDS・Aurora の監査に使うログをエンジンに応じて CloudWatch Logs にエクスポートする", EN: "RDS and Aurora export their engine's audit log to CloudWatch Logs"},
		Reads: lint.Reads{
			"aws_db_instance": attrs("engine", "enabled_cloudwatch_logs_exports", "replicate_source_db"),
			"aws_rds_cluster": attrs("engine", "enabled_cloudwatch_logs_exports"),
		},
	}}
}

// rdsAuditLog is the log an engine records privileged operations in, as
// enabled_cloudwatch_logs_exports names it.
type rdsAuditLog struct {
	// Accepts are the export values any one of which is enough.
	Accepts []string
	// Msg is the finding; its arguments are the address, the engine and,
	// when Hint is set, Hint.
	Msg  project.Text
	Hint string
}

var msgRdsAuditExport = project.Text{
	JA: "データベース %s（エンジン %s）は監査に使うログを CloudWatch Logs にエクスポートしていません。特権的な操作の記録を残すため、enabled_cloudwatch_logs_exports に %s を含めてください。",
	EN: "Database %s (engine %s) does not export the log used for audit to CloudWatch Logs; include %s in enabled_cloudwatch_logs_exports so that privileged operations are recorded.",
}

var msgRdsMySQLAuditExport = project.Text{
	JA: "データベース %s（エンジン %s）は監査に使うログを CloudWatch Logs にエクスポートしていません。特権的な操作の記録を残すため、enabled_cloudwatch_logs_exports に \"audit\"（MARIADB_AUDIT_PLUGIN を含むオプショングループが必要です）または \"general\" を含めてください。",
	EN: "Database %s (engine %s) does not export the log used for audit to CloudWatch Logs; include \"audit\" (which needs an option group with the MARIADB_AUDIT_PLUGIN option) or \"general\" in enabled_cloudwatch_logs_exports so that privileged operations are recorded.",
}

func exportOf(value string) rdsAuditLog {
	return rdsAuditLog{Accepts: []string{value}, Msg: msgRdsAuditExport, Hint: fmt.Sprintf("%q", value)}
}

// rdsAuditLogs are the audit logs by engine, for DB instances and for DB
// clusters (Aurora and Multi-AZ DB clusters), from the values the RDS API
// accepts in EnableCloudwatchLogsExports:
//   - PostgreSQL and Aurora PostgreSQL write statements (log_statement) and
//     pgaudit records to the "postgresql" log;
//   - MySQL and MariaDB instances write the MariaDB Audit Plugin to
//     "audit", or every statement to "general"; Multi-AZ DB clusters of
//     MySQL have no "audit" export;
//   - Aurora MySQL writes Advanced Auditing to "audit";
//   - Oracle writes its audit trail to "audit";
//   - SQL Server exports only "error" and "agent"; its error log records
//     logins and server configuration changes.
var rdsAuditLogs = map[string]map[string]rdsAuditLog{
	"aws_db_instance": {
		"postgres":  exportOf("postgresql"),
		"mysql":     {Accepts: []string{"audit", "general"}, Msg: msgRdsMySQLAuditExport},
		"mariadb":   {Accepts: []string{"audit", "general"}, Msg: msgRdsMySQLAuditExport},
		"oracle":    exportOf("audit"),
		"sqlserver": exportOf("error"),
	},
	"aws_rds_cluster": {
		"aurora":            exportOf("audit"),
		"aurora-mysql":      exportOf("audit"),
		"aurora-postgresql": exportOf("postgresql"),
		"postgres":          exportOf("postgresql"),
		"mysql":             exportOf("general"),
	},
}

// rdsEngineFamily returns the key of rdsAuditLogs for an engine name:
// "oracle-ee" → "oracle", "sqlserver-se" → "sqlserver".
func rdsEngineFamily(engine string) string {
	for _, family := range []string{"oracle", "sqlserver"} {
		if strings.HasPrefix(engine, family+"-") {
			return family
		}
	}
	return engine
}

// rdsSkipped says whether the rule does not check a DB instance of an
// engine: an Aurora instance (its cluster exports the logs), RDS Custom
// (no log export), Db2 (its audit goes to S3 through the DB2_AUDIT option,
// and it exports no audit log).
func rdsSkipped(engine string) bool {
	return strings.HasPrefix(engine, "aurora") || strings.HasPrefix(engine, "custom-") || strings.HasPrefix(engine, "db2-")
}

var whatRdsAuditLog = project.Text{JA: "データベースの監査ログのエクスポート", EN: "database audit log export"}

// Check reports each DB instance and cluster of a known engine whose
// enabled_cloudwatch_logs_exports lacks the engine's audit log.
func (r *AwsRdsLogExportsRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	instances, err := runner.Resources(r, "aws_db_instance")
	if err != nil {
		return err
	}
	for _, db := range sortedLogBlocks(instances) {
		engine := runner.Attr(db.Body, "engine", cty.String)
		if engine.IsAbsent() {
			engine = r.sourceEngine(runner, db, instances)
		}
		if err := r.check(runner, db, engine); err != nil {
			return err
		}
	}
	clusters, err := runner.Resources(r, "aws_rds_cluster")
	if err != nil {
		return err
	}
	for _, cluster := range sortedLogBlocks(clusters) {
		if err := r.check(runner, cluster, runner.Attr(cluster.Body, "engine", cty.String)); err != nil {
			return err
		}
	}
	return nil
}

// sourceEngine is the engine of a read replica that does not name one: the
// engine of its source, when the source is an instance of the module that
// the replica refers to.
func (r *AwsRdsLogExportsRule) sourceEngine(runner *lint.Runner, db *hclext.Block, instances []*hclext.Block) lint.Value {
	missing := lint.Value{State: lint.Unknown, Name: "engine", Range: db.DefRange, Why: whyRdsEngineAbsent}
	source, ok := db.Body.Attributes["replicate_source_db"]
	if !ok {
		return missing
	}
	labels := logRefLabels(source.Expr, "aws_db_instance")
	if len(labels) != 1 {
		return missing
	}
	for _, other := range instances {
		if other.Labels[1] == labels[0] {
			if engine := runner.Attr(other.Body, "engine", cty.String); !engine.IsAbsent() {
				return engine
			}
		}
	}
	return missing
}

var whyRdsEngineAbsent = project.Text{
	JA: "engine が書かれておらず、エンジンが分かりません",
	EN: "engine is not written, so the engine cannot be told",
}

func (r *AwsRdsLogExportsRule) check(runner *lint.Runner, db *hclext.Block, engine lint.Value) error {
	name, known := engine.String()
	if !known {
		return runner.Unverified(r, engine, whatRdsAuditLog)
	}
	if db.Labels[0] == "aws_db_instance" && rdsSkipped(name) {
		return nil
	}
	want, ok := rdsAuditLogs[db.Labels[0]][rdsEngineFamily(name)]
	if !ok {
		return runner.Unverified(r, lint.Value{State: lint.Unknown, Name: engine.Name, Range: engine.Range, Why: project.Text{
			JA: fmt.Sprintf("エンジン %q の監査ログの種類をこのルールは知りません", name),
			EN: fmt.Sprintf("the rule does not know the audit log of engine %q", name),
		}}, whatRdsAuditLog)
	}
	exports, v := stringElems(runner, db.Body, "enabled_cloudwatch_logs_exports")
	if slices.ContainsFunc(exports, func(e string) bool { return slices.Contains(want.Accepts, e) }) {
		return nil
	}
	if v.IsUnknown() {
		return runner.Unverified(r, v, whatRdsAuditLog)
	}
	at := db.DefRange
	if v.State == lint.Known {
		at = v.Range
	}
	args := []any{lint.Address(db), name}
	if want.Hint != "" {
		args = append(args, want.Hint)
	}
	return runner.Report(r, at, want.Msg, args...)
}
