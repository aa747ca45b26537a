package aws

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func TestAwsRDSParameterTLSEnforcedRule(t *testing.T) {
	at := func(startLine, startCol, endLine, endCol int) hcl.Range {
		return hcl.Range{Filename: "resource.tf", Start: hcl.Pos{Line: startLine, Column: startCol}, End: hcl.Pos{Line: endLine, Column: endCol}}
	}
	const cite = " [指針 4.6.1.1 / JIS Q 27017 10.1.1]"
	off := func(name, param, value, on string) string {
		return "パラメータグループ " + name + " は " + param + " = " + value + " で、TLS を使わない接続を受け付けます。" + param + " を " + on + " にしてください。" + cite
	}
	missing := func(name, family, param, def, on string) string {
		return "パラメータグループ " + name + "（" + family + "）は " + param + " を設定していないため、既定値 " + def + " のまま TLS を使わない接続を受け付けます。parameter { name = \"" + param + "\" value = \"" + on + "\" } を追加してください。" + cite
	}
	group := func(ty, family, params string) string {
		return `
resource "` + ty + `" "db" {
  family = "` + family + `"
` + params + `
}`
	}
	param := func(name, value string) string {
		return `
  parameter {
    name  = "` + name + `"
    value = ` + value + `
  }`
	}
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name:     "rds.force_ssl = 0 on PostgreSQL 14 is reported at the value",
			Content:  group("aws_db_parameter_group", "postgres14", param("rds.force_ssl", `"0"`)),
			Expected: helper.Issues{{Rule: NewAwsRDSParameterTLSEnforcedRule(), Message: off("aws_db_parameter_group.db", "rds.force_ssl", "0", "1"), Range: at(7, 13, 7, 16)}},
		},
		{Name: "rds.force_ssl = 1 on PostgreSQL 14 passes", Content: group("aws_db_parameter_group", "postgres14", param("rds.force_ssl", `"1"`)), Config: linttest.Strict(), Expected: helper.Issues{}},
		{
			Name:     "PostgreSQL 14 without rds.force_ssl keeps the default 0 and is reported at the resource",
			Content:  group("aws_db_parameter_group", "postgres14", param("log_connections", `"1"`)),
			Expected: helper.Issues{{Rule: NewAwsRDSParameterTLSEnforcedRule(), Message: missing("aws_db_parameter_group.db", "postgres14", "rds.force_ssl", "0", "1"), Range: at(2, 1, 2, 39)}},
		},
		{Name: "PostgreSQL 16 without rds.force_ssl keeps the default 1 and passes", Content: group("aws_db_parameter_group", "postgres16", ""), Config: linttest.Strict(), Expected: helper.Issues{}},
		{
			Name:     "rds.force_ssl written as the number 0 on PostgreSQL 16 is reported",
			Content:  group("aws_db_parameter_group", "postgres16", param("rds.force_ssl", `0`)),
			Expected: helper.Issues{{Rule: NewAwsRDSParameterTLSEnforcedRule(), Message: off("aws_db_parameter_group.db", "rds.force_ssl", "0", "1"), Range: at(7, 13, 7, 14)}},
		},
		{
			Name:     "require_secure_transport OFF on MySQL 8.0 is reported",
			Content:  group("aws_db_parameter_group", "mysql8.0", param("require_secure_transport", `"OFF"`)),
			Expected: helper.Issues{{Rule: NewAwsRDSParameterTLSEnforcedRule(), Message: off("aws_db_parameter_group.db", "require_secure_transport", "OFF", "ON"), Range: at(7, 13, 7, 18)}},
		},
		{
			Name:     "MySQL 8.0 without require_secure_transport is reported",
			Content:  group("aws_db_parameter_group", "mysql8.0", ""),
			Expected: helper.Issues{{Rule: NewAwsRDSParameterTLSEnforcedRule(), Message: missing("aws_db_parameter_group.db", "mysql8.0", "require_secure_transport", "OFF", "ON"), Range: at(2, 1, 2, 39)}},
		},
		{Name: "require_secure_transport 1 on MySQL 8.0 passes", Content: group("aws_db_parameter_group", "mysql8.0", param("require_secure_transport", `"1"`)), Expected: helper.Issues{}},
		{Name: "require_secure_transport ON on MariaDB passes", Content: group("aws_db_parameter_group", "mariadb10.11", param("require_secure_transport", `"ON"`)), Expected: helper.Issues{}},
		{
			Name:     "lower-case off on MariaDB is reported",
			Content:  group("aws_db_parameter_group", "mariadb10.11", param("require_secure_transport", `"off"`)),
			Expected: helper.Issues{{Rule: NewAwsRDSParameterTLSEnforcedRule(), Message: off("aws_db_parameter_group.db", "require_secure_transport", "off", "on"), Range: at(7, 13, 7, 18)}},
		},
		{
			Name:     "an Aurora MySQL 3 cluster parameter group without require_secure_transport is reported",
			Content:  group("aws_rds_cluster_parameter_group", "aurora-mysql8.0", ""),
			Expected: helper.Issues{{Rule: NewAwsRDSParameterTLSEnforcedRule(), Message: missing("aws_rds_cluster_parameter_group.db", "aurora-mysql8.0", "require_secure_transport", "OFF", "ON"), Range: at(2, 1, 2, 48)}},
		},
		{Name: "an Aurora PostgreSQL cluster parameter group that forces TLS passes", Content: group("aws_rds_cluster_parameter_group", "aurora-postgresql15", param("rds.force_ssl", `"1"`)), Expected: helper.Issues{}},
		{
			Name:     "a SQL Server parameter group without rds.force_ssl is reported",
			Content:  group("aws_db_parameter_group", "sqlserver-se-16.0", ""),
			Expected: helper.Issues{{Rule: NewAwsRDSParameterTLSEnforcedRule(), Message: missing("aws_db_parameter_group.db", "sqlserver-se-16.0", "rds.force_ssl", "0", "1"), Range: at(2, 1, 2, 39)}},
		},
		{Name: "an Oracle parameter group has no such parameter and passes", Content: group("aws_db_parameter_group", "oracle-ee-19", ""), Config: linttest.Strict(), Expected: helper.Issues{}},
		{Name: "a family newer than the table is not reported", Content: group("aws_db_parameter_group", "mysql9.4", ""), Expected: helper.Issues{}},
		{
			Name:    "a family newer than the table is named by a strict notice",
			Content: group("aws_db_parameter_group", "mysql9.4", ""),
			Config:  linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(NewAwsRDSParameterTLSEnforcedRule()),
				Message: "strict: データベースが TLS 接続を必須にしているかを確認できません。require_secure_transport: 未設定で、ファミリー mysql9.4 の既定値は強度表にありません。" + cite,
				Range:   at(2, 1, 2, 39),
			}},
		},
		{
			Name: "an unknown family is named by a strict notice",
			Content: `
variable "family" {
  type = string
}

resource "aws_db_parameter_group" "db" {
  family = var.family
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(NewAwsRDSParameterTLSEnforcedRule()),
				Message: "strict: パラメータグループのエンジンファミリーを確認できません。family: lint 時に値が決まりません。" + cite,
				Range:   at(7, 12, 7, 22),
			}},
		},
		{
			Name: "an unknown value is not reported",
			Content: `
variable "force_ssl" {
  type = string
}
` + group("aws_db_parameter_group", "postgres14", param("rds.force_ssl", `var.force_ssl`)),
			Expected: helper.Issues{},
		},
		{
			Name: "an unknown value is named by a strict notice",
			Content: `
variable "force_ssl" {
  type = string
}
` + group("aws_db_parameter_group", "postgres14", param("rds.force_ssl", `var.force_ssl`)),
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(NewAwsRDSParameterTLSEnforcedRule()),
				Message: "strict: データベースが TLS 接続を必須にしているかを確認できません。value: lint 時に値が決まりません。" + cite,
				Range:   at(11, 13, 11, 26),
			}},
		},
		{
			Name: "0 from a variable default is reported at the reference",
			Content: `
variable "force_ssl" {
  default = "0"
}
` + group("aws_db_parameter_group", "postgres14", param("rds.force_ssl", `var.force_ssl`)),
			Expected: helper.Issues{{Rule: NewAwsRDSParameterTLSEnforcedRule(), Message: off("aws_db_parameter_group.db", "rds.force_ssl", "0", "1"), Range: at(11, 13, 11, 26)}},
		},
		{
			Name: "a database on the MySQL default parameter group is not reported outside strict mode",
			Content: `
resource "aws_db_instance" "app" {
  engine = "mysql"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "a database on the MySQL default parameter group is named by a strict notice",
			Content: `
resource "aws_db_instance" "app" {
  engine         = "mysql"
  engine_version = "8.0.35"
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(NewAwsRDSParameterTLSEnforcedRule()),
				Message: "strict: 既定のパラメータグループで TLS 接続が必須かを確認できません。parameter_group_name: 未設定のため mysql の既定のパラメータグループが使われ、require_secure_transport = OFF のまま TLS を使わない接続を受け付けます。" + cite,
				Range:   at(2, 1, 2, 33),
			}},
		},
		{
			Name: "a PostgreSQL 14 database on its default parameter group is named by a strict notice",
			Content: `
resource "aws_db_instance" "app" {
  engine         = "postgres"
  engine_version = "14.12"
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(NewAwsRDSParameterTLSEnforcedRule()),
				Message: "strict: 既定のパラメータグループで TLS 接続が必須かを確認できません。parameter_group_name: 未設定のため postgres の既定のパラメータグループが使われ、rds.force_ssl = 0 のまま TLS を使わない接続を受け付けます。" + cite,
				Range:   at(2, 1, 2, 33),
			}},
		},
		{
			Name: "a PostgreSQL database of the newest version on its default group forces TLS and passes",
			Content: `
resource "aws_db_instance" "app" {
  engine = "postgres"
}

resource "aws_db_instance" "app16" {
  engine         = "postgres"
  engine_version = "16.4"
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "an Aurora PostgreSQL cluster of the newest version on its default group is named by a strict notice",
			Content: `
resource "aws_rds_cluster" "records" {
  engine = "aurora-postgresql"
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(NewAwsRDSParameterTLSEnforcedRule()),
				Message: "strict: 既定のパラメータグループで TLS 接続が必須かを確認できません。db_cluster_parameter_group_name: 未設定のため aurora-postgresql の既定のパラメータグループが使われ、その rds.force_ssl の既定値は強度表にありません。" + cite,
				Range:   at(2, 1, 2, 37),
			}},
		},
		{
			Name: "a database with a parameter group of its own, an Aurora instance and a replica are not named",
			Content: `
resource "aws_db_instance" "app" {
  engine               = "mysql"
  parameter_group_name = "app-mysql80"
}

resource "aws_db_instance" "member" {
  engine = "aurora-mysql"
}

resource "aws_db_instance" "replica" {
  engine              = "mysql"
  replicate_source_db = "app"
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name:    "English message",
			Content: group("aws_db_parameter_group", "postgres14", ""),
			Config:  linttest.English(),
			Expected: helper.Issues{{
				Rule:    NewAwsRDSParameterTLSEnforcedRule(),
				Message: "Parameter group aws_db_parameter_group.db (postgres14) does not set rds.force_ssl, so it keeps the default 0 and accepts connections without TLS; add parameter { name = \"rds.force_ssl\" value = \"1\" }. [Guideline 4.6.1.1 / JIS Q 27017 10.1.1]",
				Range:   at(2, 1, 2, 39),
			}},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsRDSParameterTLSEnforcedRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}

func TestAwsRDSParameterTLSEnforcedRule_Fix(t *testing.T) {
	cases := []struct {
		Name     string
		Value    string
		Expected string
	}{
		{Name: "quoted 0 becomes quoted 1", Value: `"0"`, Expected: `"1"`},
		{Name: "the number 0 becomes 1", Value: `0`, Expected: `1`},
		{Name: "OFF becomes ON", Value: `"OFF"`, Expected: `"ON"`},
		{Name: "off becomes on", Value: `"off"`, Expected: `"on"`},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			name := "rds.force_ssl"
			family := "postgres14"
			if tc.Value == `"OFF"` || tc.Value == `"off"` {
				name, family = "require_secure_transport", "mysql8.0"
			}
			content := func(value string) string {
				return `
resource "aws_db_parameter_group" "db" {
  family = "` + family + `"
  parameter {
    name  = "` + name + `"
    value = ` + value + `
  }
}`
			}
			runner := linttest.Run(t, NewAwsRDSParameterTLSEnforcedRule(), map[string]string{"resource.tf": content(tc.Value)}, nil)
			helper.AssertChanges(t, map[string]string{"resource.tf": content(tc.Expected)}, runner.Changes())
		})
	}
}
