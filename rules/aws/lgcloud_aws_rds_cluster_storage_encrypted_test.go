package aws

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func TestAwsRDSClusterStorageEncryptedRule(t *testing.T) {
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "storage_encrypted false literal is reported at the value",
			Content: `
resource "aws_rds_cluster" "main" {
  engine            = "aurora-postgresql"
  storage_encrypted = false
}`,
			Expected: helper.Issues{
				{
					Rule:    NewAwsRDSClusterStorageEncryptedRule(),
					Message: "RDS クラスター aws_rds_cluster.main のストレージが暗号化されていません。storage_encrypted = true を設定してください（作成後は変更できません）。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
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
resource "aws_rds_cluster" "main" {
  engine            = "aurora-postgresql"
  storage_encrypted = true
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "absent storage_encrypted without engine_mode (provisioned) is reported at the resource",
			Content: `
resource "aws_rds_cluster" "main" {
  engine = "aurora-postgresql"
}`,
			Expected: helper.Issues{
				{
					Rule:    NewAwsRDSClusterStorageEncryptedRule(),
					Message: "RDS クラスター aws_rds_cluster.main のストレージが暗号化されていません。storage_encrypted = true を設定してください（作成後は変更できません）。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 2, Column: 1},
						End:      hcl.Pos{Line: 2, Column: 34},
					},
				},
			},
		},
		{
			Name: "absent storage_encrypted with engine_mode provisioned is reported at the resource",
			Content: `
resource "aws_rds_cluster" "main" {
  engine      = "aurora-postgresql"
  engine_mode = "provisioned"
}`,
			Expected: helper.Issues{
				{
					Rule:    NewAwsRDSClusterStorageEncryptedRule(),
					Message: "RDS クラスター aws_rds_cluster.main のストレージが暗号化されていません。storage_encrypted = true を設定してください（作成後は変更できません）。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 2, Column: 1},
						End:      hcl.Pos{Line: 2, Column: 34},
					},
				},
			},
		},
		{
			Name: "absent storage_encrypted with null engine_mode (provisioned) is reported at the resource",
			Content: `
resource "aws_rds_cluster" "main" {
  engine      = "aurora-postgresql"
  engine_mode = null
}`,
			Expected: helper.Issues{
				{
					Rule:    NewAwsRDSClusterStorageEncryptedRule(),
					Message: "RDS クラスター aws_rds_cluster.main のストレージが暗号化されていません。storage_encrypted = true を設定してください（作成後は変更できません）。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 2, Column: 1},
						End:      hcl.Pos{Line: 2, Column: 34},
					},
				},
			},
		},
		{
			Name: "absent storage_encrypted of a Multi-AZ DB cluster is reported at the resource",
			Content: `
resource "aws_rds_cluster" "main" {
  engine                    = "mysql"
  db_cluster_instance_class = "db.r6gd.large"
}`,
			Expected: helper.Issues{
				{
					Rule:    NewAwsRDSClusterStorageEncryptedRule(),
					Message: "RDS クラスター aws_rds_cluster.main のストレージが暗号化されていません。storage_encrypted = true を設定してください（作成後は変更できません）。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
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
resource "aws_rds_cluster" "main" {
  engine            = "aurora-postgresql"
  storage_encrypted = null
}`,
			Expected: helper.Issues{
				{
					Rule:    NewAwsRDSClusterStorageEncryptedRule(),
					Message: "RDS クラスター aws_rds_cluster.main のストレージが暗号化されていません。storage_encrypted = true を設定してください（作成後は変更できません）。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 2, Column: 1},
						End:      hcl.Pos{Line: 2, Column: 34},
					},
				},
			},
		},
		{
			Name: "absent storage_encrypted with engine_mode serverless passes",
			Content: `
resource "aws_rds_cluster" "main" {
  engine      = "aurora-mysql"
  engine_mode = "serverless"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "strict mode adds nothing to the serverless default",
			Content: `
resource "aws_rds_cluster" "main" {
  engine      = "aurora-mysql"
  engine_mode = "serverless"
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "engine_mode serverless with storage_encrypted false is still reported",
			Content: `
resource "aws_rds_cluster" "main" {
  engine            = "aurora-mysql"
  engine_mode       = "serverless"
  storage_encrypted = false
}`,
			Expected: helper.Issues{
				{
					Rule:    NewAwsRDSClusterStorageEncryptedRule(),
					Message: "RDS クラスター aws_rds_cluster.main のストレージが暗号化されていません。storage_encrypted = true を設定してください（作成後は変更できません）。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 5, Column: 23},
						End:      hcl.Pos{Line: 5, Column: 28},
					},
				},
			},
		},
		{
			Name: "engine_mode serverless from a variable default passes",
			Content: `
variable "engine_mode" {
  default = "serverless"
}

resource "aws_rds_cluster" "main" {
  engine      = "aurora-mysql"
  engine_mode = var.engine_mode
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "engine_mode provisioned from a variable default is reported at the resource",
			Content: `
variable "engine_mode" {
  default = "provisioned"
}

resource "aws_rds_cluster" "main" {
  engine      = "aurora-mysql"
  engine_mode = var.engine_mode
}`,
			Expected: helper.Issues{
				{
					Rule:    NewAwsRDSClusterStorageEncryptedRule(),
					Message: "RDS クラスター aws_rds_cluster.main のストレージが暗号化されていません。storage_encrypted = true を設定してください（作成後は変更できません）。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 6, Column: 1},
						End:      hcl.Pos{Line: 6, Column: 34},
					},
				},
			},
		},
		{
			Name: "engine_mode from an unknown variable leaves absent storage_encrypted unreported",
			Content: `
variable "engine_mode" {
  type = string
}

resource "aws_rds_cluster" "main" {
  engine      = "aurora-mysql"
  engine_mode = var.engine_mode
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "engine_mode from an unknown variable makes absent storage_encrypted a strict notice at the resource",
			Content: `
variable "engine_mode" {
  type = string
}

resource "aws_rds_cluster" "main" {
  engine      = "aurora-mysql"
  engine_mode = var.engine_mode
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				{
					Rule:    linttest.Notice(NewAwsRDSClusterStorageEncryptedRule()),
					Message: "strict: RDS クラスターのストレージ暗号化を確認できません。storage_encrypted: 未設定で、既定値が lint 時に決まりません。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 6, Column: 1},
						End:      hcl.Pos{Line: 6, Column: 34},
					},
				},
			},
		},
		{
			Name: "engine_mode from an unknown variable with storage_encrypted false is still reported",
			Content: `
variable "engine_mode" {
  type = string
}

resource "aws_rds_cluster" "main" {
  engine            = "aurora-mysql"
  engine_mode       = var.engine_mode
  storage_encrypted = false
}`,
			Expected: helper.Issues{
				{
					Rule:    NewAwsRDSClusterStorageEncryptedRule(),
					Message: "RDS クラスター aws_rds_cluster.main のストレージが暗号化されていません。storage_encrypted = true を設定してください（作成後は変更できません）。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 9, Column: 23},
						End:      hcl.Pos{Line: 9, Column: 28},
					},
				},
			},
		},
		{
			Name: "snapshot restore leaves absent storage_encrypted unreported",
			Content: `
resource "aws_rds_cluster" "main" {
  engine              = "aurora-postgresql"
  snapshot_identifier = "main-final-snapshot"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "snapshot restore with absent storage_encrypted is named by a strict notice at the resource",
			Content: `
resource "aws_rds_cluster" "main" {
  engine              = "aurora-postgresql"
  snapshot_identifier = "main-final-snapshot"
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				{
					Rule:    linttest.Notice(NewAwsRDSClusterStorageEncryptedRule()),
					Message: "strict: RDS クラスターのストレージ暗号化を確認できません。storage_encrypted: 未設定で、既定値が lint 時に決まりません。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
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
resource "aws_rds_cluster" "main" {
  engine              = "aurora-postgresql"
  snapshot_identifier = "main-final-snapshot"
  storage_encrypted   = false
}`,
			Expected: helper.Issues{
				{
					Rule:    NewAwsRDSClusterStorageEncryptedRule(),
					Message: "RDS クラスター aws_rds_cluster.main のストレージが暗号化されていません。storage_encrypted = true を設定してください（作成後は変更できません）。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 5, Column: 25},
						End:      hcl.Pos{Line: 5, Column: 30},
					},
				},
			},
		},
		{
			Name: "cross-region replica leaves absent storage_encrypted unreported",
			Content: `
resource "aws_rds_cluster" "main" {
  engine                        = "aurora-postgresql"
  replication_source_identifier = aws_rds_cluster.primary.arn
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "global cluster member leaves absent storage_encrypted unreported",
			Content: `
resource "aws_rds_cluster" "main" {
  engine                    = "aurora-postgresql"
  global_cluster_identifier = aws_rds_global_cluster.main.id
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "point-in-time restore leaves absent storage_encrypted unreported",
			Content: `
resource "aws_rds_cluster" "main" {
  engine = "aurora-postgresql"

  restore_to_point_in_time {
    source_cluster_identifier  = "main"
    use_latest_restorable_time = true
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "point-in-time restore with absent storage_encrypted is named by a strict notice at the resource",
			Content: `
resource "aws_rds_cluster" "main" {
  engine = "aurora-postgresql"

  restore_to_point_in_time {
    source_cluster_identifier  = "main"
    use_latest_restorable_time = true
  }
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				{
					Rule:    linttest.Notice(NewAwsRDSClusterStorageEncryptedRule()),
					Message: "strict: RDS クラスターのストレージ暗号化を確認できません。storage_encrypted: 未設定で、既定値が lint 時に決まりません。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
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

resource "aws_rds_cluster" "main" {
  engine            = "aurora-postgresql"
  storage_encrypted = var.encrypted
}`,
			Expected: helper.Issues{
				{
					Rule:    NewAwsRDSClusterStorageEncryptedRule(),
					Message: "RDS クラスター aws_rds_cluster.main のストレージが暗号化されていません。storage_encrypted = true を設定してください（作成後は変更できません）。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
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

resource "aws_rds_cluster" "main" {
  engine            = "aurora-postgresql"
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

resource "aws_rds_cluster" "main" {
  engine            = "aurora-postgresql"
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

resource "aws_rds_cluster" "main" {
  engine            = "aurora-postgresql"
  storage_encrypted = var.encrypted
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				{
					Rule:    linttest.Notice(NewAwsRDSClusterStorageEncryptedRule()),
					Message: "strict: RDS クラスターのストレージ暗号化を確認できません。storage_encrypted: lint 時に値が決まりません。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
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

resource "aws_rds_cluster" "main" {
  engine            = "aurora-postgresql"
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

resource "aws_rds_cluster" "main" {
  engine            = "aurora-postgresql"
  storage_encrypted = var.encrypted
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				{
					Rule:    linttest.Notice(NewAwsRDSClusterStorageEncryptedRule()),
					Message: "strict: RDS クラスターのストレージ暗号化を確認できません。storage_encrypted: 値が sensitive または ephemeral です。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
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

resource "aws_rds_cluster" "main" {
  engine            = "aurora-postgresql"
  storage_encrypted = local.encrypted
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "resource reference is not reported",
			Content: `
resource "aws_rds_cluster" "main" {
  engine            = "aurora-postgresql"
  storage_encrypted = aws_rds_global_cluster.main.storage_encrypted
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "string that is not a boolean is not reported",
			Content: `
resource "aws_rds_cluster" "main" {
  engine            = "aurora-postgresql"
  storage_encrypted = "maybe"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "list value is not reported",
			Content: `
resource "aws_rds_cluster" "main" {
  engine            = "aurora-postgresql"
  storage_encrypted = [false]
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "English message",
			Content: `
resource "aws_rds_cluster" "main" {
  engine            = "aurora-postgresql"
  storage_encrypted = false
}`,
			Config: linttest.English(),
			Expected: helper.Issues{
				{
					Rule:    NewAwsRDSClusterStorageEncryptedRule(),
					Message: "The storage of RDS cluster aws_rds_cluster.main is not encrypted; set storage_encrypted = true (it cannot be changed after creation). [Guideline 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 4, Column: 23},
						End:      hcl.Pos{Line: 4, Column: 28},
					},
				},
			},
		},
	}

	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsRDSClusterStorageEncryptedRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}

func TestAwsRDSClusterStorageEncryptedRule_Fix(t *testing.T) {
	cases := []struct {
		Name     string
		Content  string
		Expected map[string]string
	}{
		{
			Name: "literal false becomes true",
			Content: `
resource "aws_rds_cluster" "main" {
  engine            = "aurora-postgresql"
  storage_encrypted = false
}`,
			Expected: map[string]string{"resource.tf": `
resource "aws_rds_cluster" "main" {
  engine            = "aurora-postgresql"
  storage_encrypted = true
}`},
		},
		{
			Name: "false from a variable is not changed",
			Content: `
variable "encrypted" {
  default = false
}

resource "aws_rds_cluster" "main" {
  engine            = "aurora-postgresql"
  storage_encrypted = var.encrypted
}`,
			Expected: map[string]string{},
		},
	}

	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsRDSClusterStorageEncryptedRule(), map[string]string{"resource.tf": tc.Content}, nil)
			helper.AssertChanges(t, tc.Expected, runner.Changes())
		})
	}
}
