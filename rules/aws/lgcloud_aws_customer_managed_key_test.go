package aws

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

const cmkCite = " [指針 4.6.1.2 / JIS Q 27017 10.1.1, 10.1.2]"

// cmkNone is the message for a store that names no customer-managed key.
func cmkNone(kind, name, fallback, path string) string {
	return kind + " " + name + " には顧客管理の KMS キーが指定されていません（" + fallback + "）。暗号化消去（鍵を削除してデータを復元できなくすること）は、地方公共団体が管理する鍵でなければ行えません。" + path + " に aws_kms_key の鍵を指定してください。" + cmkCite
}

// cmkGate is the message for a store that is not encrypted with a KMS key.
func cmkGate(kind, name, fallback, fix, path string) string {
	return kind + " " + name + " は KMS キーで暗号化されていません（" + fallback + "）。暗号化消去（鍵を削除してデータを復元できなくすること）は、地方公共団体が管理する鍵でなければ行えません。" + fix + " とし、" + path + " に aws_kms_key の鍵を指定してください。" + cmkCite
}

// cmkManaged is the message for a store that names an AWS managed key.
func cmkManaged(kind, name, path, key string) string {
	return kind + " " + name + " の " + path + " は AWS マネージドキー \"" + key + "\" です。AWS マネージドキーは削除できないため、暗号化消去（鍵を削除してデータを復元できなくすること）に使えません。地方公共団体が管理する aws_kms_key の鍵を指定してください。" + cmkCite
}

// cmkUnlisted is the message for a key that key_arns does not list.
func cmkUnlisted(kind, name, path, key string) string {
	return kind + " " + name + " の " + path + " の鍵 \"" + key + "\" は、このモジュールの aws_kms_key の鍵でも key_arns に挙げられた鍵でもありません。暗号化消去（鍵を削除してデータを復元できなくすること）には地方公共団体が管理する鍵が必要です。aws_kms_key の鍵を指定するか、その ARN を key_arns に加えてください。" + cmkCite
}

func cmkStrict(name, why string) string {
	return "strict: 顧客管理の KMS キーの指定を確認できません。" + name + ": " + why + "。" + cmkCite
}

const (
	ebsFallback = "アカウントの EBS の既定の鍵（aws_ebs_default_kms_key がなければ AWS マネージドキー aws/ebs）で暗号化されます"
	whyDefault  = "未設定で、既定で使われる鍵が lint 時に決まりません"
	whyUnknown  = "lint 時に値が決まりません"
)

func managedKey(alias string) string {
	return "AWS マネージドキー " + alias + " で暗号化されます"
}

func TestAwsCustomerManagedKeyRule(t *testing.T) {
	rule := NewAwsCustomerManagedKeyRule()
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Options  *CustomerKeyOptions
		Expected helper.Issues
	}{
		// EBS and EC2
		{
			Name: "EBS volume without a key is reported at the resource",
			Content: `
resource "aws_ebs_volume" "data" {
  encrypted = true
}`,
			Expected: helper.Issues{encIssue(rule, cmkNone("EBS ボリューム", "aws_ebs_volume.data", ebsFallback, "kms_key_id"), 2, 1, 2, 33)},
		},
		{
			Name: "EBS volume with a key of the module passes",
			Content: `
resource "aws_kms_key" "data" {
  enable_key_rotation = true
}

resource "aws_ebs_volume" "data" {
  encrypted  = true
  kms_key_id = aws_kms_key.data.arn
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "EBS volume with an alias of the module passes",
			Content: `
resource "aws_ebs_volume" "data" {
  encrypted  = true
  kms_key_id = aws_kms_alias.data.arn
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "EBS volume with the AWS managed key is reported at the value",
			Content: `
resource "aws_ebs_volume" "data" {
  encrypted  = true
  kms_key_id = "alias/aws/ebs"
}`,
			Expected: helper.Issues{encIssue(rule, cmkManaged("EBS ボリューム", "aws_ebs_volume.data", "kms_key_id", "alias/aws/ebs"), 4, 16, 4, 31)},
		},
		{
			Name: "EBS default key of the module covers volumes without a key",
			Content: `
resource "aws_ebs_default_kms_key" "this" {
  key_arn = aws_kms_key.ebs.arn
}

resource "aws_ebs_volume" "data" {
  encrypted = true
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "unknown EBS default key makes volumes without a key unverifiable",
			Content: `
variable "ebs_key" {
  type = string
}

resource "aws_ebs_default_kms_key" "this" {
  key_arn = var.ebs_key
}

resource "aws_ebs_volume" "data" {
  encrypted = true
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{encIssue(linttest.Notice(rule), cmkStrict("kms_key_id", whyDefault), 10, 1, 10, 33)},
		},
		{
			Name: "EBS volume from a snapshot without a key is not reported",
			Content: `
resource "aws_ebs_volume" "data" {
  snapshot_id = "snap-0123456789abcdef0"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "EC2 instance without root_block_device is reported at the resource",
			Content: `
resource "aws_instance" "web" {
  ami = "ami-0123456789abcdef0"
}`,
			Expected: helper.Issues{encIssue(rule, cmkNone("EC2 インスタンスのルートボリューム", "aws_instance.web", ebsFallback, "root_block_device.kms_key_id"), 2, 1, 2, 30)},
		},
		{
			Name: "EC2 instance from a launch template without root_block_device is not reported",
			Content: `
resource "aws_instance" "web" {
  launch_template {
    name = "web"
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "EC2 volumes without a key are reported at their blocks",
			Content: `
resource "aws_instance" "web" {
  root_block_device {
    encrypted = true
  }
  ebs_block_device {
    device_name = "/dev/sdf"
    encrypted   = true
  }
}`,
			Expected: helper.Issues{
				encIssue(rule, cmkNone("EC2 インスタンスのルートボリューム", "aws_instance.web", ebsFallback, "root_block_device.kms_key_id"), 3, 3, 3, 20),
				encIssue(rule, cmkNone("EC2 インスタンスの EBS ボリューム", "aws_instance.web", ebsFallback, "ebs_block_device.kms_key_id"), 6, 3, 6, 19),
			},
		},
		{
			Name: "EC2 volumes with keys of the module pass",
			Content: `
resource "aws_instance" "web" {
  root_block_device {
    encrypted  = true
    kms_key_id = aws_kms_key.ebs.arn
  }
  ebs_block_device {
    device_name = "/dev/sdf"
    encrypted   = true
    kms_key_id  = aws_kms_key.ebs.arn
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "launch template volume without a key is reported at its ebs block",
			Content: `
resource "aws_launch_template" "web" {
  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      encrypted = true
    }
  }
}`,
			Expected: helper.Issues{encIssue(rule, cmkNone("起動テンプレートの EBS ボリューム", "aws_launch_template.web", ebsFallback, "block_device_mappings.ebs.kms_key_id"), 5, 5, 5, 8)},
		},
		// Databases
		{
			Name: "RDS instance without a key is reported at the resource",
			Content: `
resource "aws_db_instance" "db" {
  engine            = "postgres"
  storage_encrypted = true
}`,
			Expected: helper.Issues{encIssue(rule, cmkNone("RDS DB インスタンス", "aws_db_instance.db", managedKey("aws/rds"), "kms_key_id"), 2, 1, 2, 32)},
		},
		{
			Name: "Aurora instance is judged with its cluster",
			Content: `
resource "aws_db_instance" "db" {
  engine = "aurora-postgresql"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "RDS read replica without a key keeps its source's key and is named by a strict notice",
			Content: `
resource "aws_db_instance" "replica" {
  replicate_source_db = "primary"
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{encIssue(linttest.Notice(rule), cmkStrict("kms_key_id", whyDefault), 2, 1, 2, 37)},
		},
		{
			Name: "RDS instance with an unknown engine may be Aurora's and is named by a strict notice",
			Content: `
variable "engine" {
  type = string
}

resource "aws_db_instance" "db" {
  engine = var.engine
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{encIssue(linttest.Notice(rule), cmkStrict("kms_key_id", whyDefault), 6, 1, 6, 32)},
		},
		{
			Name: "RDS cluster and DocumentDB cluster without a key are reported",
			Content: `
resource "aws_rds_cluster" "aurora" {
  storage_encrypted = true
}

resource "aws_docdb_cluster" "docs" {
  storage_encrypted = true
}`,
			Expected: helper.Issues{
				encIssue(rule, cmkNone("RDS クラスター", "aws_rds_cluster.aurora", managedKey("aws/rds"), "kms_key_id"), 2, 1, 2, 36),
				encIssue(rule, cmkNone("DocumentDB クラスター", "aws_docdb_cluster.docs", managedKey("aws/rds"), "kms_key_id"), 6, 1, 6, 36),
			},
		},
		{
			Name: "Neptune, MemoryDB and DynamoDB table replica without a key are reported",
			Content: `
resource "aws_neptune_cluster" "graph" {
  storage_encrypted = true
}

resource "aws_memorydb_cluster" "sessions" {
  name = "sessions"
}

resource "aws_dynamodb_table_replica" "osaka" {
  global_table_arn = "arn:aws:dynamodb:ap-northeast-1:111122223333:table/residents"
}`,
			Expected: helper.Issues{
				encIssue(rule, cmkNone("Neptune クラスター", "aws_neptune_cluster.graph", managedKey("aws/rds"), "kms_key_arn"), 2, 1, 2, 39),
				encIssue(rule, cmkNone("MemoryDB クラスター", "aws_memorydb_cluster.sessions", "AWS が所有または管理する鍵で暗号化されます", "kms_key_arn"), 6, 1, 6, 43),
				encIssue(rule, cmkNone("DynamoDB テーブルのレプリカ", "aws_dynamodb_table_replica.osaka", "AWS が所有または管理する鍵で暗号化されます", "kms_key_arn"), 10, 1, 10, 46),
			},
		},
		{
			Name: "Neptune cluster and MemoryDB cluster with keys of the module, or restored, pass",
			Content: `
resource "aws_neptune_cluster" "graph" {
  storage_encrypted = true
  kms_key_arn       = aws_kms_key.graph.arn
}

resource "aws_neptune_cluster" "restored" {
  snapshot_identifier = "graph-final"
}

resource "aws_memorydb_cluster" "sessions" {
  name        = "sessions"
  kms_key_arn = aws_kms_key.sessions.arn
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "RDS cluster with the AWS managed key by alias ARN is reported",
			Content: `
resource "aws_rds_cluster" "aurora" {
  kms_key_id = "arn:aws:kms:ap-northeast-1:111122223333:alias/aws/rds"
}`,
			Expected: helper.Issues{encIssue(rule, cmkManaged("RDS クラスター", "aws_rds_cluster.aurora", "kms_key_id", "arn:aws:kms:ap-northeast-1:111122223333:alias/aws/rds"), 3, 16, 3, 71)},
		},
		// S3
		{
			Name: "S3 bucket without any encryption configuration is reported at the bucket",
			Content: `
resource "aws_s3_bucket" "data" {
  bucket = "resident-data"
}`,
			Expected: helper.Issues{encIssue(rule, "S3 バケット aws_s3_bucket.data には顧客管理の KMS キーによる既定の暗号化がありません（S3 が管理する鍵（SSE-S3）で暗号化されます）。暗号化消去（鍵を削除してデータを復元できなくすること）は、地方公共団体が管理する鍵でなければ行えません。aws_s3_bucket_server_side_encryption_configuration で sse_algorithm = \"aws:kms\" とし、kms_master_key_id に aws_kms_key の鍵を指定してください。"+cmkCite, 2, 1, 2, 32)},
		},
		{
			Name: "S3 bucket encrypted with SSE-S3 is reported at the algorithm",
			Content: `
resource "aws_s3_bucket" "data" {
  bucket = "resident-data"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
  bucket = aws_s3_bucket.data.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}`,
			Expected: helper.Issues{encIssue(rule, cmkGate("S3 暗号化設定の対象バケット", "aws_s3_bucket_server_side_encryption_configuration.data", "S3 が管理する鍵（SSE-S3）で暗号化されます", `sse_algorithm = "aws:kms"`, "rule.apply_server_side_encryption_by_default.kms_master_key_id"), 10, 23, 10, 31)},
		},
		{
			Name: "S3 SSE-KMS without a key uses aws/s3 and is reported at the block",
			Content: `
resource "aws_s3_bucket" "data" {
  bucket = "resident-data"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
  bucket = aws_s3_bucket.data.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}`,
			Expected: helper.Issues{encIssue(rule, cmkNone("S3 暗号化設定の対象バケット", "aws_s3_bucket_server_side_encryption_configuration.data", managedKey("aws/s3"), "rule.apply_server_side_encryption_by_default.kms_master_key_id"), 9, 5, 9, 44)},
		},
		{
			Name: "S3 SSE-KMS with a key of the module passes",
			Content: `
resource "aws_s3_bucket" "data" {
  bucket = "resident-data"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
  bucket = aws_s3_bucket.data.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.s3.arn
    }
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "S3 bucket inline SSE-KMS with a key passes",
			Content: `
resource "aws_s3_bucket" "data" {
  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm     = "aws:kms:dsse"
        kms_master_key_id = aws_kms_key.s3.arn
      }
    }
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "S3 bucket whose configuration cannot be matched is named by a strict notice",
			Content: `
variable "bucket" {
  type = string
}

resource "aws_s3_bucket" "data" {
  bucket = "resident-data"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
  bucket = var.bucket
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.s3.arn
    }
  }
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{encIssue(linttest.Notice(rule), cmkStrict("aws_s3_bucket_server_side_encryption_configuration", "このモジュールに、どのバケットのものか lint 時に決まらない暗号化設定があります"), 6, 1, 6, 32)},
		},
		{
			Name: "S3 buckets covered by a configuration with for_each over them are not reported as unencrypted",
			Content: `
resource "aws_s3_bucket" "archive" {
  for_each = toset(["2024", "2025"])
  bucket   = "city-archive-${each.key}"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "archive" {
  for_each = aws_s3_bucket.archive
  bucket   = each.value.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.s3.arn
    }
  }
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "S3 bucket with count matched by index; another bucket is reported",
			Content: `
resource "aws_s3_bucket" "logs" {
  count  = 2
  bucket = "logs-${count.index}"
}

resource "aws_s3_bucket" "plain" {
  bucket = "plain"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {
  count  = 2
  bucket = aws_s3_bucket.logs[count.index].id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.s3.arn
    }
  }
}`,
			Expected: helper.Issues{encIssue(rule, "S3 バケット aws_s3_bucket.plain には顧客管理の KMS キーによる既定の暗号化がありません（S3 が管理する鍵（SSE-S3）で暗号化されます）。暗号化消去（鍵を削除してデータを復元できなくすること）は、地方公共団体が管理する鍵でなければ行えません。aws_s3_bucket_server_side_encryption_configuration で sse_algorithm = \"aws:kms\" とし、kms_master_key_id に aws_kms_key の鍵を指定してください。"+cmkCite, 7, 1, 7, 33)},
		},
		// DynamoDB
		{
			Name: "DynamoDB table without server_side_encryption uses an AWS owned key and is reported at the resource",
			Content: `
resource "aws_dynamodb_table" "residents" {
  name = "residents"
}`,
			Expected: helper.Issues{encIssue(rule, cmkGate("DynamoDB テーブル", "aws_dynamodb_table.residents", "AWS 所有キーで暗号化されます", "server_side_encryption の enabled = true", "server_side_encryption.kms_key_arn"), 2, 1, 2, 42)},
		},
		{
			Name: "DynamoDB table with server-side encryption disabled is reported at enabled",
			Content: `
resource "aws_dynamodb_table" "residents" {
  server_side_encryption {
    enabled     = false
    kms_key_arn = aws_kms_key.dynamodb.arn
  }
}`,
			Expected: helper.Issues{encIssue(rule, cmkGate("DynamoDB テーブル", "aws_dynamodb_table.residents", "AWS 所有キーで暗号化されます", "server_side_encryption の enabled = true", "server_side_encryption.kms_key_arn"), 4, 19, 4, 24)},
		},
		{
			Name: "DynamoDB table with KMS encryption but no key uses aws/dynamodb and is reported at the block",
			Content: `
resource "aws_dynamodb_table" "residents" {
  server_side_encryption {
    enabled = true
  }
}`,
			Expected: helper.Issues{encIssue(rule, cmkNone("DynamoDB テーブル", "aws_dynamodb_table.residents", managedKey("aws/dynamodb"), "server_side_encryption.kms_key_arn"), 3, 3, 3, 25)},
		},
		{
			Name: "DynamoDB table and replica with keys pass; a replica without a key is reported",
			Content: `
resource "aws_dynamodb_table" "residents" {
  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.dynamodb.arn
  }
  replica {
    region_name = "ap-northeast-3"
    kms_key_arn = aws_kms_replica_key.osaka.arn
  }
  replica {
    region_name = "us-east-1"
  }
}`,
			Expected: helper.Issues{encIssue(rule, cmkNone("DynamoDB テーブルのレプリカ", "aws_dynamodb_table.residents", "AWS が所有または管理する鍵で暗号化されます", "replica.kms_key_arn"), 11, 3, 11, 10)},
		},
		// Messaging and streams
		{
			Name: "SQS queue, SNS topic and Kinesis stream without keys are reported",
			Content: `
resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}

resource "aws_sns_topic" "alerts" {
  name = "alerts"
}

resource "aws_kinesis_stream" "events" {
  name = "events"
}`,
			Expected: helper.Issues{
				encIssue(rule, cmkNone("SQS キュー", "aws_sqs_queue.jobs", "SQS が管理する鍵（SSE-SQS）で暗号化されます", "kms_master_key_id"), 2, 1, 2, 32),
				encIssue(rule, cmkNone("SNS トピック", "aws_sns_topic.alerts", "保存時に暗号化されません", "kms_master_key_id"), 6, 1, 6, 34),
				encIssue(rule, cmkGate("Kinesis データストリーム", "aws_kinesis_stream.events", "保存時に暗号化されません", `encryption_type = "KMS"`, "kms_key_id"), 10, 1, 10, 39),
			},
		},
		{
			Name: "Kinesis stream with the AWS managed key is reported at the key",
			Content: `
resource "aws_kinesis_stream" "events" {
  encryption_type = "KMS"
  kms_key_id      = "alias/aws/kinesis"
}`,
			Expected: helper.Issues{encIssue(rule, cmkManaged("Kinesis データストリーム", "aws_kinesis_stream.events", "kms_key_id", "alias/aws/kinesis"), 4, 21, 4, 40)},
		},
		// Search, files, desktops, backups, registries, secrets, clusters
		{
			Name: "OpenSearch domain without encrypt_at_rest and with a default key are reported",
			Content: `
resource "aws_opensearch_domain" "search" {
  domain_name = "search"
}

resource "aws_elasticsearch_domain" "legacy" {
  encrypt_at_rest {
    enabled = true
  }
}`,
			Expected: helper.Issues{
				encIssue(rule, cmkGate("OpenSearch ドメイン", "aws_opensearch_domain.search", "保存時に暗号化されません", "encrypt_at_rest の enabled = true", "encrypt_at_rest.kms_key_id"), 2, 1, 2, 42),
				encIssue(rule, cmkNone("Elasticsearch ドメイン", "aws_elasticsearch_domain.legacy", managedKey("aws/es"), "encrypt_at_rest.kms_key_id"), 7, 3, 7, 18),
			},
		},
		{
			Name: "FSx file systems without keys are reported; scratch Lustre is not",
			Content: `
resource "aws_fsx_windows_file_system" "share" {
  storage_capacity = 32
}

resource "aws_fsx_lustre_file_system" "scratch" {
  storage_capacity = 1200
}

resource "aws_fsx_lustre_file_system" "persistent" {
  deployment_type = "PERSISTENT_2"
}`,
			Expected: helper.Issues{
				encIssue(rule, cmkNone("FSx for Windows File Server ファイルシステム", "aws_fsx_windows_file_system.share", managedKey("aws/fsx"), "kms_key_id"), 2, 1, 2, 47),
				encIssue(rule, cmkNone("FSx for Lustre ファイルシステム", "aws_fsx_lustre_file_system.persistent", managedKey("aws/fsx"), "kms_key_id"), 10, 1, 10, 51),
			},
		},
		{
			Name: "WorkSpaces, Backup vault and Secrets Manager secret without keys are reported",
			Content: `
resource "aws_workspaces_workspace" "desk" {
  root_volume_encryption_enabled = true
}

resource "aws_backup_vault" "vault" {
  name = "vault"
}

resource "aws_secretsmanager_secret" "db" {
  replica {
    region = "ap-northeast-3"
  }
}`,
			Expected: helper.Issues{
				encIssue(rule, cmkNone("WorkSpaces ワークスペース", "aws_workspaces_workspace.desk", "暗号化されないか、AWS マネージドキー aws/workspaces で暗号化されます", "volume_encryption_key"), 2, 1, 2, 43),
				encIssue(rule, cmkNone("Backup ボールト", "aws_backup_vault.vault", managedKey("aws/backup"), "kms_key_arn"), 6, 1, 6, 36),
				encIssue(rule, cmkNone("Secrets Manager シークレット", "aws_secretsmanager_secret.db", managedKey("aws/secretsmanager"), "kms_key_id"), 10, 1, 10, 42),
				encIssue(rule, cmkNone("Secrets Manager シークレットのレプリカ", "aws_secretsmanager_secret.db", managedKey("aws/secretsmanager"), "replica.kms_key_id"), 11, 3, 11, 10),
			},
		},
		{
			Name: "ECR repository without encryption_configuration and with KMS but no key are reported",
			Content: `
resource "aws_ecr_repository" "app" {
  name = "app"
}

resource "aws_ecr_repository" "kms" {
  encryption_configuration {
    encryption_type = "KMS"
  }
}`,
			Expected: helper.Issues{
				encIssue(rule, cmkGate("ECR リポジトリ", "aws_ecr_repository.app", "ECR が管理する鍵（AES256）で暗号化されます", `encryption_configuration の encryption_type = "KMS"`, "encryption_configuration.kms_key"), 2, 1, 2, 36),
				encIssue(rule, cmkNone("ECR リポジトリ", "aws_ecr_repository.kms", managedKey("aws/ecr"), "encryption_configuration.kms_key"), 7, 3, 7, 27),
			},
		},
		{
			Name: "EKS cluster without encryption_config and MSK cluster without a key are reported",
			Content: `
resource "aws_eks_cluster" "k8s" {
  name = "k8s"
}

resource "aws_msk_cluster" "kafka" {
  kafka_version = "3.6.0"
}`,
			Expected: helper.Issues{
				encIssue(rule, cmkNone("EKS クラスター", "aws_eks_cluster.k8s", "Kubernetes 1.28 以降では AWS 所有キーでエンベロープ暗号化されます", "encryption_config.provider.key_arn"), 2, 1, 2, 33),
				encIssue(rule, cmkNone("MSK クラスター", "aws_msk_cluster.kafka", managedKey("aws/kafka"), "encryption_info.encryption_at_rest_kms_key_arn"), 6, 1, 6, 35),
			},
		},
		{
			Name: "ElastiCache and Redshift stores without keys are reported",
			Content: `
resource "aws_elasticache_replication_group" "cache" {
  at_rest_encryption_enabled = true
}

resource "aws_elasticache_serverless_cache" "cache" {
  engine = "valkey"
}

resource "aws_redshift_cluster" "dwh" {
  encrypted = true
}

resource "aws_redshiftserverless_namespace" "dwh" {
  namespace_name = "dwh"
}`,
			Expected: helper.Issues{
				encIssue(rule, cmkNone("ElastiCache レプリケーショングループ", "aws_elasticache_replication_group.cache", "サービスが管理する鍵で暗号化されます", "kms_key_id"), 2, 1, 2, 53),
				encIssue(rule, cmkNone("ElastiCache サーバーレスキャッシュ", "aws_elasticache_serverless_cache.cache", "AWS 所有キーで暗号化されます", "kms_key_id"), 6, 1, 6, 52),
				encIssue(rule, cmkNone("Redshift クラスター", "aws_redshift_cluster.dwh", "AWS が所有または管理する鍵で暗号化されるか、暗号化されません", "kms_key_id"), 10, 1, 10, 38),
				encIssue(rule, cmkNone("Redshift Serverless 名前空間", "aws_redshiftserverless_namespace.dwh", "AWS 所有キーで暗号化されます", "kms_key_id"), 14, 1, 14, 50),
			},
		},
		{
			Name: "every store with a key of the module passes",
			Content: `
resource "aws_kms_key" "data" {
  enable_key_rotation = true
}

resource "aws_efs_file_system" "shared" {
  encrypted  = true
  kms_key_id = aws_kms_key.data.arn
}

resource "aws_sqs_queue" "jobs" {
  kms_master_key_id = aws_kms_key.data.id
}

resource "aws_kinesis_stream" "events" {
  encryption_type = "KMS"
  kms_key_id      = aws_kms_key.data.id
}

resource "aws_opensearch_domain" "search" {
  encrypt_at_rest {
    enabled    = true
    kms_key_id = aws_kms_key.data.arn
  }
}

resource "aws_ecr_repository" "app" {
  encryption_configuration {
    encryption_type = "KMS"
    kms_key         = aws_kms_key.data.arn
  }
}

resource "aws_eks_cluster" "k8s" {
  encryption_config {
    resources = ["secrets"]
    provider {
      key_arn = aws_kms_key.data.arn
    }
  }
}

resource "aws_msk_cluster" "kafka" {
  encryption_info {
    encryption_at_rest_kms_key_arn = aws_kms_key.data.arn
  }
}`,
			Expected: helper.Issues{},
		},
		// How keys are named
		{
			Name: "a data source looking up an AWS managed alias is reported at the reference",
			Content: `
data "aws_kms_alias" "s3" {
  name = "alias/aws/s3"
}

resource "aws_backup_vault" "vault" {
  kms_key_arn = data.aws_kms_alias.s3.target_key_arn
}`,
			Expected: helper.Issues{encIssue(rule, cmkManaged("Backup ボールト", "aws_backup_vault.vault", "kms_key_arn", "alias/aws/s3"), 7, 17, 7, 53)},
		},
		{
			Name: "a data source looking up a customer key passes",
			Content: `
data "aws_kms_key" "shared" {
  key_id = "arn:aws:kms:ap-northeast-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

resource "aws_backup_vault" "vault" {
  kms_key_arn = data.aws_kms_key.shared.arn
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "a customer key ARN from a variable default passes",
			Content: `
variable "key_arn" {
  default = "arn:aws:kms:ap-northeast-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

resource "aws_backup_vault" "vault" {
  kms_key_arn = var.key_arn
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "an AWS managed alias from a variable default is reported at the reference",
			Content: `
variable "key_arn" {
  default = "alias/aws/backup"
}

resource "aws_backup_vault" "vault" {
  kms_key_arn = var.key_arn
}`,
			Expected: helper.Issues{encIssue(rule, cmkManaged("Backup ボールト", "aws_backup_vault.vault", "kms_key_arn", "alias/aws/backup"), 7, 17, 7, 28)},
		},
		{
			Name: "a variable without default is not reported",
			Content: `
variable "key_arn" {
  type = string
}

resource "aws_backup_vault" "vault" {
  kms_key_arn = var.key_arn
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "a variable without default is named by a strict notice",
			Content: `
variable "key_arn" {
  type = string
}

resource "aws_backup_vault" "vault" {
  kms_key_arn = var.key_arn
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{encIssue(linttest.Notice(rule), cmkStrict("kms_key_arn", whyUnknown), 7, 17, 7, 28)},
		},
		{
			Name: "a listed key ARN passes",
			Content: `
resource "aws_backup_vault" "vault" {
  kms_key_arn = "arn:aws:kms:ap-northeast-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}`,
			Options:  &CustomerKeyOptions{KeyARNs: []string{testKeyARN}},
			Expected: helper.Issues{},
		},
		{
			Name: "an unlisted key ARN is reported when key_arns is set",
			Content: `
resource "aws_backup_vault" "vault" {
  kms_key_arn = "arn:aws:kms:ap-northeast-1:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}`,
			Options:  &CustomerKeyOptions{KeyARNs: []string{testKeyARN}},
			Expected: helper.Issues{encIssue(rule, cmkUnlisted("Backup ボールト", "aws_backup_vault.vault", "kms_key_arn", "arn:aws:kms:ap-northeast-1:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab"), 3, 17, 3, 99)},
		},
		{
			Name: "a key of the module passes when key_arns is set",
			Content: `
resource "aws_backup_vault" "vault" {
  kms_key_arn = aws_kms_key.backup.arn
}`,
			Options:  &CustomerKeyOptions{KeyARNs: []string{testKeyARN}},
			Expected: helper.Issues{},
		},
		{
			Name: "English messages",
			Content: `
resource "aws_ebs_volume" "data" {
  encrypted = true
}

resource "aws_efs_file_system" "shared" {
  kms_key_id = "alias/aws/elasticfilesystem"
}

resource "aws_dynamodb_table" "residents" {
  name = "residents"
}`,
			Config: linttest.English(),
			Expected: helper.Issues{
				encIssue(rule, "EBS volume aws_ebs_volume.data names no customer-managed KMS key (it is encrypted with the account's default EBS key, the AWS managed key aws/ebs unless aws_ebs_default_kms_key sets one). Crypto-erasure, deleting the key so that the data can no longer be recovered, works only with a key the local government controls; set kms_key_id to a key of aws_kms_key. [Guideline 4.6.1.2 / JIS Q 27017 10.1.1, 10.1.2]", 2, 1, 2, 33),
				encIssue(rule, "EFS file system aws_efs_file_system.shared sets kms_key_id to the AWS managed key \"alias/aws/elasticfilesystem\", which cannot be deleted and so cannot serve crypto-erasure (deleting the key so that the data can no longer be recovered); use a key of aws_kms_key, which the local government controls. [Guideline 4.6.1.2 / JIS Q 27017 10.1.1, 10.1.2]", 7, 16, 7, 45),
				encIssue(rule, "DynamoDB table aws_dynamodb_table.residents is not encrypted with a KMS key (it is encrypted with an AWS owned key). Crypto-erasure, deleting the key so that the data can no longer be recovered, works only with a key the local government controls; set enabled = true in server_side_encryption, and set server_side_encryption.kms_key_arn to a key of aws_kms_key. [Guideline 4.6.1.2 / JIS Q 27017 10.1.1, 10.1.2]", 10, 1, 10, 42),
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			// These cases judge keys: they check every store, outside
			// any segment (TestAwsCustomerManagedKeyScope checks the scope).
			opts := &CustomerKeyOptions{}
			if tc.Options != nil {
				opts = tc.Options
			}
			everywhere := true
			opts.AllStores = &everywhere
			runner := linttest.RunWith(t, NewAwsCustomerManagedKeyRule(), map[string]string{"resource.tf": tc.Content}, tc.Config, opts)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}

// TestAwsCustomerManagedKeyScope checks which stores the rule judges: by
// default those of the mynumber segment, at ERROR; every store when the
// rule is switched on by name, by the all preset or by all_stores, at
// WARNING outside the segment.
func TestAwsCustomerManagedKeyScope(t *testing.T) {
	rule := NewAwsCustomerManagedKeyRule()
	yes, no := true, false
	queue := func(tags string) string {
		return `
resource "aws_sqs_queue" "jobs" {
  kms_master_key_id = "alias/aws/sqs"
  ` + tags + `
}`
	}
	managed := cmkManaged("SQS キュー", "aws_sqs_queue.jobs", "kms_master_key_id", "alias/aws/sqs")
	allPreset := config.Default()
	allPreset.Preset = config.All
	strictAll := linttest.Strict()
	strictAll.Preset = config.All
	const network = `
resource "aws_vpc" "core" {
  cidr_block = "10.10.0.0/16"
  tags       = { Segment = "mynumber" }
}

resource "aws_subnet" "a" {
  vpc_id     = aws_vpc.core.id
  cidr_block = "10.10.1.0/24"
}

resource "aws_db_subnet_group" "db" {
  subnet_ids = [aws_subnet.a.id]
}
`
	cases := []struct {
		Name    string
		Content string
		Config  *config.Config
		Options *CustomerKeyOptions
		ByUser  bool
		Want    []string
	}{
		{
			Name:    "by default a store tagged mynumber is an error",
			Content: queue(tagMyNumber),
			Want:    []string{"Error: " + managed},
		},
		{
			Name:    "by default a store of another segment is not judged",
			Content: queue(tagLGWAN),
		},
		{
			Name:    "by default a store without a segment is not judged",
			Content: `provider "aws" {}` + queue(""),
		},
		{
			Name:    "by default a store under default_tags mynumber is an error",
			Content: defaultTags("mynumber") + queue(""),
			Want:    []string{"Error: " + managed},
		},
		{
			Name:    "by default a store under default_tags of another segment is not judged",
			Content: defaultTags("internet") + queue(""),
		},
		{
			Name:    "a database in a mynumber network is an error",
			Content: network + "\nresource \"aws_db_instance\" \"records\" {\n  engine               = \"postgres\"\n  db_subnet_group_name = aws_db_subnet_group.db.name\n}\n",
			Want:    []string{"Error: " + cmkNone("RDS DB インスタンス", "aws_db_instance.records", managedKey("aws/rds"), "kms_key_id")},
		},
		{
			Name: "an S3 encryption configuration takes its bucket's segment",
			Content: `
resource "aws_s3_bucket" "records" {
  bucket = "records"
  tags   = { Segment = "mynumber" }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "records" {
  bucket = aws_s3_bucket.records.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}`,
			Want: []string{"Error: " + cmkGate("S3 暗号化設定の対象バケット", "aws_s3_bucket_server_side_encryption_configuration.records", "S3 が管理する鍵（SSE-S3）で暗号化されます", `sse_algorithm = "aws:kms"`, "rule.apply_server_side_encryption_by_default.kms_master_key_id")},
		},
		{
			Name: "an S3 bucket of mynumber without encryption configuration is an error",
			Content: `
resource "aws_s3_bucket" "records" {
  bucket = "records"
  tags   = { Segment = "mynumber" }
}`,
			Want: []string{"Error: S3 バケット aws_s3_bucket.records には顧客管理の KMS キーによる既定の暗号化がありません（S3 が管理する鍵（SSE-S3）で暗号化されます）。暗号化消去（鍵を削除してデータを復元できなくすること）は、地方公共団体が管理する鍵でなければ行えません。aws_s3_bucket_server_side_encryption_configuration で sse_algorithm = \"aws:kms\" とし、kms_master_key_id に aws_kms_key の鍵を指定してください。" + cmkCite},
		},
		{
			Name: "an S3 bucket of another segment is not judged by default",
			Content: `
resource "aws_s3_bucket" "records" {
  bucket = "records"
  tags   = { Segment = "lgwan" }
}`,
		},
		{
			Name:    "switched on by name, a store of another segment is a warning",
			Content: queue(tagLGWAN),
			ByUser:  true,
			Want:    []string{"Warning: " + managed},
		},
		{
			Name:    "switched on by name, a store of mynumber stays an error",
			Content: queue(tagMyNumber),
			ByUser:  true,
			Want:    []string{"Error: " + managed},
		},
		{
			Name:    "the all preset judges every store",
			Content: defaultTags("internet") + queue(""),
			Config:  allPreset,
			Want:    []string{"Warning: " + managed},
		},
		{
			Name:    "all_stores = true judges every store",
			Content: queue(tagLGWAN),
			Options: &CustomerKeyOptions{AllStores: &yes},
			Want:    []string{"Warning: " + managed},
		},
		{
			Name:    "all_stores = false keeps a rule switched on by name to mynumber",
			Content: queue(tagLGWAN),
			Options: &CustomerKeyOptions{AllStores: &no},
			ByUser:  true,
		},
		{
			Name:    "all_stores = false keeps the all preset to mynumber",
			Content: queue(tagLGWAN) + "\n" + strings.ReplaceAll(queue(tagMyNumber), "jobs", "records"),
			Config:  allPreset,
			Options: &CustomerKeyOptions{AllStores: &no},
			Want:    []string{"Error: " + cmkManaged("SQS キュー", "aws_sqs_queue.records", "kms_master_key_id", "alias/aws/sqs")},
		},
		{
			Name:    "strict: a store whose segment cannot be known is named instead",
			Content: queue(""),
			Config:  linttest.Strict(),
			Want:    []string{"Notice: strict: データストアがマイナンバー利用事務系かどうか（顧客管理の KMS キーの要否）を確認できません。aws_sqs_queue.jobs のタグ Segment: provider aws のブロックがコードになく、その default_tags は分かりません。" + cmkCite},
		},
		{
			Name:    "strict: a compliant store whose segment cannot be known is not named",
			Content: "resource \"aws_sqs_queue\" \"jobs\" {\n  kms_master_key_id = aws_kms_key.jobs.arn\n}\n",
			Config:  linttest.Strict(),
		},
		{
			Name:    "strict: a store without a segment is not named",
			Content: `provider "aws" {}` + queue(""),
			Config:  linttest.Strict(),
		},
		{
			Name:    "strict: judging every store, a store whose segment cannot be known is judged",
			Content: queue(""),
			Config:  strictAll,
			Want:    []string{"Warning: " + managed},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			inner := helper.TestRunner(t, map[string]string{"resource.tf": tc.Content})
			opts := lint.Options{Reads: lint.MergeReads([]lint.Rule{rule}), EnabledByUser: map[string]bool{rule.Name(): tc.ByUser}}
			if tc.Options != nil {
				opts.RuleOptions = map[string]any{rule.Name(): tc.Options}
			}
			if err := rule.Check(lint.NewRunner(inner, tc.Config, opts)); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, issue := range inner.Issues {
				got = append(got, issue.Rule.Severity().String()+": "+issue.Message)
			}
			if diff := cmp.Diff(tc.Want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Fatalf("(-want +got):\n%s", diff)
			}
		})
	}
}
