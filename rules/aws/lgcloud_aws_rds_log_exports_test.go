package aws

import (
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func rdsExportMissing(db, engine, hint string) string {
	return "データベース " + db + "（エンジン " + engine + "）は監査に使うログを CloudWatch Logs にエクスポートしていません。特権的な操作の記録を残すため、enabled_cloudwatch_logs_exports に " + hint + " を含めてください。 [指針 4.6.1.4, 4.7.1.3 / JIS Q 27017 12.4.1, 16.1.7, 12.4.3]"
}

func rdsMySQLExportMissing(db, engine string) string {
	return "データベース " + db + "（エンジン " + engine + `）は監査に使うログを CloudWatch Logs にエクスポートしていません。特権的な操作の記録を残すため、enabled_cloudwatch_logs_exports に "audit"（MARIADB_AUDIT_PLUGIN を含むオプショングループが必要です）または "general" を含めてください。 [指針 4.6.1.4, 4.7.1.3 / JIS Q 27017 12.4.1, 16.1.7, 12.4.3]`
}

func TestAwsRdsLogExportsRule(t *testing.T) {
	rule := NewAwsRdsLogExportsRule()
	notice := linttest.Notice(rule)
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "PostgreSQL instance without exports is reported at the resource",
			Content: `
resource "aws_db_instance" "main" {
  engine = "postgres"
}`,
			Expected: helper.Issues{evidenceIssue(rule, rdsExportMissing("aws_db_instance.main", "postgres", `"postgresql"`), 2, 1, 2, 34)},
		},
		{
			Name: "PostgreSQL instance exporting postgresql passes",
			Content: `
resource "aws_db_instance" "main" {
  engine                          = "postgres"
  enabled_cloudwatch_logs_exports = ["postgresql", "upgrade"]
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "PostgreSQL instance exporting only upgrade is reported at the value",
			Content: `
resource "aws_db_instance" "main" {
  engine                          = "postgres"
  enabled_cloudwatch_logs_exports = ["upgrade"]
}`,
			Expected: helper.Issues{evidenceIssue(rule, rdsExportMissing("aws_db_instance.main", "postgres", `"postgresql"`), 4, 37, 4, 48)},
		},
		{
			Name: "empty exports are reported at the value",
			Content: `
resource "aws_db_instance" "main" {
  engine                          = "postgres"
  enabled_cloudwatch_logs_exports = []
}`,
			Expected: helper.Issues{evidenceIssue(rule, rdsExportMissing("aws_db_instance.main", "postgres", `"postgresql"`), 4, 37, 4, 39)},
		},
		{
			Name: "MySQL instance exporting audit passes",
			Content: `
resource "aws_db_instance" "main" {
  engine                          = "mysql"
  option_group_name               = "mysql-audit"
  enabled_cloudwatch_logs_exports = ["audit", "error"]
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "MariaDB instance exporting general passes",
			Content: `
resource "aws_db_instance" "main" {
  engine                          = "mariadb"
  enabled_cloudwatch_logs_exports = ["general"]
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "MySQL instance exporting only error and slowquery is reported",
			Content: `
resource "aws_db_instance" "main" {
  engine                          = "mysql"
  enabled_cloudwatch_logs_exports = ["error", "slowquery"]
}`,
			Expected: helper.Issues{evidenceIssue(rule, rdsMySQLExportMissing("aws_db_instance.main", "mysql"), 4, 37, 4, 59)},
		},
		{
			Name: "Oracle instance needs audit",
			Content: `
resource "aws_db_instance" "main" {
  engine                          = "oracle-se2"
  enabled_cloudwatch_logs_exports = ["alert", "listener"]
}`,
			Expected: helper.Issues{evidenceIssue(rule, rdsExportMissing("aws_db_instance.main", "oracle-se2", `"audit"`), 4, 37, 4, 58)},
		},
		{
			Name: "SQL Server instance needs error",
			Content: `
resource "aws_db_instance" "main" {
  engine                          = "sqlserver-se"
  enabled_cloudwatch_logs_exports = ["agent"]
}`,
			Expected: helper.Issues{evidenceIssue(rule, rdsExportMissing("aws_db_instance.main", "sqlserver-se", `"error"`), 4, 37, 4, 46)},
		},
		{
			Name: "SQL Server instance exporting error passes",
			Content: `
resource "aws_db_instance" "main" {
  engine                          = "sqlserver-ex"
  enabled_cloudwatch_logs_exports = ["error"]
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "Aurora instance is left to its cluster",
			Content: `
resource "aws_db_instance" "writer" {
  engine             = "aurora-postgresql"
  cluster_identifier = "main"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "RDS Custom and Db2 instances are not checked",
			Content: `
resource "aws_db_instance" "custom" {
  engine = "custom-oracle-ee"
}

resource "aws_db_instance" "db2" {
  engine = "db2-se"
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "Aurora MySQL cluster needs audit",
			Content: `
resource "aws_rds_cluster" "main" {
  engine                          = "aurora-mysql"
  enabled_cloudwatch_logs_exports = ["error", "slowquery"]
}`,
			Expected: helper.Issues{evidenceIssue(rule, rdsExportMissing("aws_rds_cluster.main", "aurora-mysql", `"audit"`), 4, 37, 4, 59)},
		},
		{
			Name: "Aurora PostgreSQL cluster without exports is reported at the resource",
			Content: `
resource "aws_rds_cluster" "main" {
  engine = "aurora-postgresql"
}`,
			Expected: helper.Issues{evidenceIssue(rule, rdsExportMissing("aws_rds_cluster.main", "aurora-postgresql", `"postgresql"`), 2, 1, 2, 34)},
		},
		{
			Name: "Aurora PostgreSQL cluster exporting postgresql passes",
			Content: `
resource "aws_rds_cluster" "main" {
  engine                          = "aurora-postgresql"
  enabled_cloudwatch_logs_exports = ["postgresql"]
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "Multi-AZ MySQL cluster needs general",
			Content: `
resource "aws_rds_cluster" "main" {
  engine                          = "mysql"
  enabled_cloudwatch_logs_exports = ["audit"]
}`,
			Expected: helper.Issues{evidenceIssue(rule, rdsExportMissing("aws_rds_cluster.main", "mysql", `"general"`), 4, 37, 4, 46)},
		},
		{
			Name: "exports from a variable default are reported at the reference",
			Content: `
variable "exports" {
  default = ["error"]
}

resource "aws_db_instance" "main" {
  engine                          = "postgres"
  enabled_cloudwatch_logs_exports = var.exports
}`,
			Expected: helper.Issues{evidenceIssue(rule, rdsExportMissing("aws_db_instance.main", "postgres", `"postgresql"`), 8, 37, 8, 48)},
		},
		{
			Name: "unknown exports are not reported",
			Content: `
variable "exports" {
  type = list(string)
}

resource "aws_db_instance" "main" {
  engine                          = "postgres"
  enabled_cloudwatch_logs_exports = var.exports
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "unknown exports are named by a strict notice",
			Content: `
variable "exports" {
  type = list(string)
}

resource "aws_db_instance" "main" {
  engine                          = "postgres"
  enabled_cloudwatch_logs_exports = var.exports
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{evidenceIssue(notice, "strict: データベースの監査ログのエクスポートを確認できません。enabled_cloudwatch_logs_exports: lint 時に値が決まりません。 [指針 4.6.1.4, 4.7.1.3 / JIS Q 27017 12.4.1, 16.1.7, 12.4.3]", 8, 37, 8, 48)},
		},
		{
			Name: "a known export beside an unknown one passes in strict mode",
			Content: `
variable "extra" {
  type = string
}

resource "aws_db_instance" "main" {
  engine                          = "postgres"
  enabled_cloudwatch_logs_exports = ["postgresql", var.extra]
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "unknown engine is named by a strict notice",
			Content: `
variable "engine" {
  type = string
}

resource "aws_db_instance" "main" {
  engine = var.engine
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{evidenceIssue(notice, "strict: データベースの監査ログのエクスポートを確認できません。engine: lint 時に値が決まりません。 [指針 4.6.1.4, 4.7.1.3 / JIS Q 27017 12.4.1, 16.1.7, 12.4.3]", 7, 12, 7, 22)},
		},
		{
			Name: "unknown engine is not reported",
			Content: `
variable "engine" {
  type = string
}

resource "aws_db_instance" "main" {
  engine = var.engine
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "engine the rule does not know is named by a strict notice",
			Content: `
resource "aws_rds_cluster" "graph" {
  engine = "neptune"
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{evidenceIssue(notice, `strict: データベースの監査ログのエクスポートを確認できません。engine: エンジン "neptune" の監査ログの種類をこのルールは知りません。 [指針 4.6.1.4, 4.7.1.3 / JIS Q 27017 12.4.1, 16.1.7, 12.4.3]`, 3, 12, 3, 21)},
		},
		{
			Name: "read replica takes the engine of its source",
			Content: `
resource "aws_db_instance" "main" {
  engine                          = "postgres"
  enabled_cloudwatch_logs_exports = ["postgresql"]
}

resource "aws_db_instance" "replica" {
  replicate_source_db = aws_db_instance.main.identifier
}`,
			Expected: helper.Issues{evidenceIssue(rule, rdsExportMissing("aws_db_instance.replica", "postgres", `"postgresql"`), 7, 1, 7, 37)},
		},
		{
			Name: "instance without engine from outside the module is named by a strict notice",
			Content: `
resource "aws_db_instance" "replica" {
  replicate_source_db = "arn:aws:rds:ap-northeast-1:111122223333:db:main"
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{evidenceIssue(notice, "strict: データベースの監査ログのエクスポートを確認できません。engine: engine が書かれておらず、エンジンが分かりません。 [指針 4.6.1.4, 4.7.1.3 / JIS Q 27017 12.4.1, 16.1.7, 12.4.3]", 2, 1, 2, 37)},
		},
		{
			Name: "English message",
			Content: `
resource "aws_db_instance" "main" {
  engine = "mysql"
}

resource "aws_rds_cluster" "main" {
  engine = "aurora-mysql"
}`,
			Config: linttest.English(),
			Expected: helper.Issues{
				evidenceIssue(rule, `Database aws_db_instance.main (engine mysql) does not export the log used for audit to CloudWatch Logs; include "audit" (which needs an option group with the MARIADB_AUDIT_PLUGIN option) or "general" in enabled_cloudwatch_logs_exports so that privileged operations are recorded. [Guideline 4.6.1.4, 4.7.1.3 / JIS Q 27017 12.4.1, 16.1.7, 12.4.3]`, 2, 1, 2, 34),
				evidenceIssue(rule, `Database aws_rds_cluster.main (engine aurora-mysql) does not export the log used for audit to CloudWatch Logs; include "audit" in enabled_cloudwatch_logs_exports so that privileged operations are recorded. [Guideline 4.6.1.4, 4.7.1.3 / JIS Q 27017 12.4.1, 16.1.7, 12.4.3]`, 6, 1, 6, 34),
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsRdsLogExportsRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}
