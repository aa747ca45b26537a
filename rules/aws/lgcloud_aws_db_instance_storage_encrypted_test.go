package aws

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func TestAwsDBInstanceStorageEncryptedRule(t *testing.T) {
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "storage_encrypted false literal is reported at the value",
			Content: `
resource "aws_db_instance" "main" {
  engine            = "postgres"
  storage_encrypted = false
}`,
			Expected: helper.Issues{
				{
					Rule:    NewAwsDBInstanceStorageEncryptedRule(),
					Message: "RDS DB インスタンス aws_db_instance.main のストレージが暗号化されていません。storage_encrypted = true を設定してください（作成後は変更できません）。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 4, Column: 23},
						End:      hcl.Pos{Line: 4, Column: 28},
					},
				},
			},
		},
		{
			Name: "storage_encrypted true literal passes",
			Content: `
resource "aws_db_instance" "main" {
  engine            = "postgres"
  storage_encrypted = true
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "absent storage_encrypted takes the provider default false and is reported at the resource",
			Content: `
resource "aws_db_instance" "main" {
  engine = "postgres"
}`,
			Expected: helper.Issues{
				{
					Rule:    NewAwsDBInstanceStorageEncryptedRule(),
					Message: "RDS DB インスタンス aws_db_instance.main のストレージが暗号化されていません。storage_encrypted = true を設定してください（作成後は変更できません）。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 2, Column: 1},
						End:      hcl.Pos{Line: 2, Column: 34},
					},
				},
			},
		},
		{
			Name: "null storage_encrypted is the provider default and is reported at the resource",
			Content: `
resource "aws_db_instance" "main" {
  engine            = "postgres"
  storage_encrypted = null
}`,
			Expected: helper.Issues{
				{
					Rule:    NewAwsDBInstanceStorageEncryptedRule(),
					Message: "RDS DB インスタンス aws_db_instance.main のストレージが暗号化されていません。storage_encrypted = true を設定してください（作成後は変更できません）。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 2, Column: 1},
						End:      hcl.Pos{Line: 2, Column: 34},
					},
				},
			},
		},
		{
			Name: "false from a variable default is reported at the reference",
			Content: `
variable "encrypted" {
  default = false
}

resource "aws_db_instance" "main" {
  engine            = "postgres"
  storage_encrypted = var.encrypted
}`,
			Expected: helper.Issues{
				{
					Rule:    NewAwsDBInstanceStorageEncryptedRule(),
					Message: "RDS DB インスタンス aws_db_instance.main のストレージが暗号化されていません。storage_encrypted = true を設定してください（作成後は変更できません）。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 8, Column: 23},
						End:      hcl.Pos{Line: 8, Column: 36},
					},
				},
			},
		},
		{
			Name: "true from a variable default passes",
			Content: `
variable "encrypted" {
  default = true
}

resource "aws_db_instance" "main" {
  engine            = "postgres"
  storage_encrypted = var.encrypted
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "variable without default is unknown and not reported",
			Content: `
variable "encrypted" {
  type = bool
}

resource "aws_db_instance" "main" {
  engine            = "postgres"
  storage_encrypted = var.encrypted
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "variable without default is named by a strict notice",
			Content: `
variable "encrypted" {
  type = bool
}

resource "aws_db_instance" "main" {
  engine            = "postgres"
  storage_encrypted = var.encrypted
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				{
					Rule:    linttest.Notice(NewAwsDBInstanceStorageEncryptedRule()),
					Message: "strict: RDS DB インスタンスのストレージ暗号化を確認できません。storage_encrypted: lint 時に値が決まりません。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 8, Column: 23},
						End:      hcl.Pos{Line: 8, Column: 36},
					},
				},
			},
		},
		{
			Name: "sensitive variable is not reported",
			Content: `
variable "encrypted" {
  default   = false
  sensitive = true
}

resource "aws_db_instance" "main" {
  engine            = "postgres"
  storage_encrypted = var.encrypted
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "sensitive variable is named by a strict notice",
			Content: `
variable "encrypted" {
  default   = false
  sensitive = true
}

resource "aws_db_instance" "main" {
  engine            = "postgres"
  storage_encrypted = var.encrypted
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				{
					Rule:    linttest.Notice(NewAwsDBInstanceStorageEncryptedRule()),
					Message: "strict: RDS DB インスタンスのストレージ暗号化を確認できません。storage_encrypted: 値が sensitive または ephemeral です。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 9, Column: 23},
						End:      hcl.Pos{Line: 9, Column: 36},
					},
				},
			},
		},
		{
			Name: "a local whose value is unknown is not reported",
			Content: `
variable "unknown_value" {}

locals {
  encrypted = var.unknown_value
}

resource "aws_db_instance" "main" {
  engine            = "postgres"
  storage_encrypted = local.encrypted
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "resource reference is not reported",
			Content: `
resource "aws_db_instance" "main" {
  engine            = "postgres"
  storage_encrypted = aws_rds_cluster.main.storage_encrypted
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "string that is not a boolean is not reported",
			Content: `
resource "aws_db_instance" "main" {
  engine            = "postgres"
  storage_encrypted = "maybe"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "list value is not reported",
			Content: `
resource "aws_db_instance" "main" {
  engine            = "postgres"
  storage_encrypted = [false]
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "English message",
			Content: `
resource "aws_db_instance" "main" {
  engine            = "postgres"
  storage_encrypted = false
}`,
			Config: linttest.English(),
			Expected: helper.Issues{
				{
					Rule:    NewAwsDBInstanceStorageEncryptedRule(),
					Message: "The storage of RDS DB instance aws_db_instance.main is not encrypted; set storage_encrypted = true (it cannot be changed after creation). [Guideline 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 4, Column: 23},
						End:      hcl.Pos{Line: 4, Column: 28},
					},
				},
			},
		},
		{
			Name: "aurora instance is left to its cluster",
			Content: `
resource "aws_db_instance" "main" {
  engine = "aurora-postgresql"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "aurora instance with storage_encrypted false is left to its cluster",
			Content: `
resource "aws_db_instance" "main" {
  engine            = "aurora-mysql"
  storage_encrypted = false
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "aurora engine from a variable default is left to its cluster",
			Content: `
variable "engine" {
  default = "aurora-mysql"
}

resource "aws_db_instance" "main" {
  engine = var.engine
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "engine from an unknown variable leaves absent storage_encrypted unreported",
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
			Name: "read replica leaves absent storage_encrypted unreported",
			Content: `
resource "aws_db_instance" "replica" {
  replicate_source_db = aws_db_instance.main.identifier
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "read replica with absent storage_encrypted is named by a strict notice at the resource",
			Content: `
resource "aws_db_instance" "replica" {
  replicate_source_db = aws_db_instance.main.identifier
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				{
					Rule:    linttest.Notice(NewAwsDBInstanceStorageEncryptedRule()),
					Message: "strict: RDS DB インスタンスのストレージ暗号化を確認できません。storage_encrypted: 未設定で、既定値が lint 時に決まりません。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 2, Column: 1},
						End:      hcl.Pos{Line: 2, Column: 37},
					},
				},
			},
		},
		{
			Name: "read replica with storage_encrypted false is still reported",
			Content: `
resource "aws_db_instance" "replica" {
  replicate_source_db = aws_db_instance.main.identifier
  storage_encrypted   = false
}`,
			Expected: helper.Issues{
				{
					Rule:    NewAwsDBInstanceStorageEncryptedRule(),
					Message: "RDS DB インスタンス aws_db_instance.replica のストレージが暗号化されていません。storage_encrypted = true を設定してください（作成後は変更できません）。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 4, Column: 25},
						End:      hcl.Pos{Line: 4, Column: 30},
					},
				},
			},
		},
		{
			Name: "null replicate_source_db is no replica and absent storage_encrypted is reported",
			Content: `
resource "aws_db_instance" "replica" {
  engine              = "postgres"
  replicate_source_db = null
}`,
			Expected: helper.Issues{
				{
					Rule:    NewAwsDBInstanceStorageEncryptedRule(),
					Message: "RDS DB インスタンス aws_db_instance.replica のストレージが暗号化されていません。storage_encrypted = true を設定してください（作成後は変更できません）。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 2, Column: 1},
						End:      hcl.Pos{Line: 2, Column: 37},
					},
				},
			},
		},
		{
			Name: "snapshot restore leaves absent storage_encrypted unreported",
			Content: `
resource "aws_db_instance" "main" {
  snapshot_identifier = "main-final-snapshot"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "snapshot restore with absent storage_encrypted is named by a strict notice at the resource",
			Content: `
resource "aws_db_instance" "main" {
  snapshot_identifier = "main-final-snapshot"
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				{
					Rule:    linttest.Notice(NewAwsDBInstanceStorageEncryptedRule()),
					Message: "strict: RDS DB インスタンスのストレージ暗号化を確認できません。storage_encrypted: 未設定で、既定値が lint 時に決まりません。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 2, Column: 1},
						End:      hcl.Pos{Line: 2, Column: 34},
					},
				},
			},
		},
		{
			Name: "snapshot restore with storage_encrypted false is still reported",
			Content: `
resource "aws_db_instance" "main" {
  snapshot_identifier = "main-final-snapshot"
  storage_encrypted   = false
}`,
			Expected: helper.Issues{
				{
					Rule:    NewAwsDBInstanceStorageEncryptedRule(),
					Message: "RDS DB インスタンス aws_db_instance.main のストレージが暗号化されていません。storage_encrypted = true を設定してください（作成後は変更できません）。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 4, Column: 25},
						End:      hcl.Pos{Line: 4, Column: 30},
					},
				},
			},
		},
		{
			Name: "point-in-time restore leaves absent storage_encrypted unreported",
			Content: `
resource "aws_db_instance" "main" {
  instance_class = "db.t3.micro"

  restore_to_point_in_time {
    source_db_instance_identifier = "main"
    use_latest_restorable_time    = true
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "point-in-time restore with absent storage_encrypted is named by a strict notice at the resource",
			Content: `
resource "aws_db_instance" "main" {
  instance_class = "db.t3.micro"

  restore_to_point_in_time {
    source_db_instance_identifier = "main"
    use_latest_restorable_time    = true
  }
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				{
					Rule:    linttest.Notice(NewAwsDBInstanceStorageEncryptedRule()),
					Message: "strict: RDS DB インスタンスのストレージ暗号化を確認できません。storage_encrypted: 未設定で、既定値が lint 時に決まりません。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 2, Column: 1},
						End:      hcl.Pos{Line: 2, Column: 34},
					},
				},
			},
		},
		{
			Name: "point-in-time restore with storage_encrypted false is still reported",
			Content: `
resource "aws_db_instance" "main" {
  storage_encrypted = false

  restore_to_point_in_time {
    source_db_instance_identifier = "main"
    use_latest_restorable_time    = true
  }
}`,
			Expected: helper.Issues{
				{
					Rule:    NewAwsDBInstanceStorageEncryptedRule(),
					Message: "RDS DB インスタンス aws_db_instance.main のストレージが暗号化されていません。storage_encrypted = true を設定してください（作成後は変更できません）。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 3, Column: 23},
						End:      hcl.Pos{Line: 3, Column: 28},
					},
				},
			},
		},
	}

	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsDBInstanceStorageEncryptedRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}

func TestAwsDBInstanceStorageEncryptedRule_Fix(t *testing.T) {
	cases := []struct {
		Name     string
		Content  string
		Expected map[string]string
	}{
		{
			Name: "literal false becomes true",
			Content: `
resource "aws_db_instance" "main" {
  engine            = "postgres"
  storage_encrypted = false
}`,
			Expected: map[string]string{"resource.tf": `
resource "aws_db_instance" "main" {
  engine            = "postgres"
  storage_encrypted = true
}`},
		},
		{
			Name: "false from a variable is not changed",
			Content: `
variable "encrypted" {
  default = false
}

resource "aws_db_instance" "main" {
  engine            = "postgres"
  storage_encrypted = var.encrypted
}`,
			Expected: map[string]string{},
		},
		{
			Name: "absent storage_encrypted is not added",
			Content: `
resource "aws_db_instance" "main" {
  engine = "postgres"
}`,
			Expected: map[string]string{},
		},
	}

	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsDBInstanceStorageEncryptedRule(), map[string]string{"resource.tf": tc.Content}, nil)
			helper.AssertChanges(t, tc.Expected, runner.Changes())
		})
	}
}
