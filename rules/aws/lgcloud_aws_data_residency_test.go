package aws

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

const (
	residencyCite   = " [指針 4.2.1.1 / JIS Q 27017 8.1.1, 8.2.2]"
	residencyCiteEN = " [Guideline 4.2.1.1 / JIS Q 27017 8.1.1, 8.2.2]"
	residencyAdvice = "情報資産の保存場所を管理するため、許可されたリージョンのプロバイダー設定を使うか、そのリージョンに保存してよいなら plugin ブロックの regions に加えてください。"
	residencyCopy   = "情報資産の複製も保存場所として管理するため、複製先を許可されたリージョンにするか、そのリージョンに保存してよいなら plugin ブロックの regions に加えてください。"
)

func residencyOutside(what, region, via string) string {
	return what + " は許可されたリージョン（ap-northeast-1, ap-northeast-3）の外の " + region + " に作成されます（" + via + "）。" + residencyAdvice + residencyCite
}

func residencyCopyOutside(what, copy, region string) string {
	return what + " の" + copy + "が許可されたリージョン（ap-northeast-1, ap-northeast-3）の外の " + region + " にあります。" + residencyCopy + residencyCite
}

func residencyRange(line, col, endLine, endCol int) hcl.Range {
	return hcl.Range{Filename: "main.tf", Start: hcl.Pos{Line: line, Column: col}, End: hcl.Pos{Line: endLine, Column: endCol}}
}

func TestAwsDataResidencyRule(t *testing.T) {
	rule := NewAwsDataResidencyRule()
	regions := config.Default()
	regions.Regions = []string{"us-east-1"}
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "bucket of the Tokyo default provider passes",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_s3_bucket" "logs" {
  bucket = "logs"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "bucket through a us-east-1 alias is reported at the resource",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}

provider "aws" {
  alias  = "virginia"
  region = "us-east-1"
}

resource "aws_s3_bucket" "logs" {
  provider = aws.virginia
  bucket   = "logs"
}`,
			Expected: helper.Issues{{
				Rule:    rule,
				Message: residencyOutside("S3 バケット aws_s3_bucket.logs", "us-east-1", "provider aws.virginia の region"),
				Range:   residencyRange(11, 1, 11, 32),
			}},
		},
		{
			Name: "Redshift, ElastiCache and OpenSearch through a us-east-1 alias are reported",
			Content: `
provider "aws" {
  alias  = "virginia"
  region = "us-east-1"
}

resource "aws_redshift_cluster" "dwh" {
  provider = aws.virginia
}

resource "aws_elasticache_replication_group" "cache" {
  provider = aws.virginia
}

resource "aws_opensearch_domain" "search" {
  provider = aws.virginia
}`,
			Expected: helper.Issues{
				{Rule: rule, Message: residencyOutside("Redshift クラスター aws_redshift_cluster.dwh", "us-east-1", "provider aws.virginia の region"), Range: residencyRange(7, 1, 7, 38)},
				{Rule: rule, Message: residencyOutside("ElastiCache レプリケーショングループ aws_elasticache_replication_group.cache", "us-east-1", "provider aws.virginia の region"), Range: residencyRange(11, 1, 11, 53)},
				{Rule: rule, Message: residencyOutside("OpenSearch ドメイン aws_opensearch_domain.search", "us-east-1", "provider aws.virginia の region"), Range: residencyRange(15, 1, 15, 42)},
			},
		},
		{
			Name: "CloudFront certificate through a us-east-1 alias is not a data store",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}

provider "aws" {
  alias  = "virginia"
  region = "us-east-1"
}

resource "aws_acm_certificate" "cdn" {
  provider          = aws.virginia
  domain_name       = "www.example.jp"
  validation_method = "DNS"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "default provider outside the regions reports every data store",
			Content: `
provider "aws" {
  region = "us-west-2"
}

resource "aws_ebs_volume" "data" {
  availability_zone = "us-west-2a"
  size              = 10
}

resource "aws_db_instance" "main" {
  instance_class = "db.t3.micro"
}`,
			Expected: helper.Issues{
				{
					Rule:    rule,
					Message: residencyOutside("EBS ボリューム aws_ebs_volume.data", "us-west-2", "provider aws の region"),
					Range:   residencyRange(6, 1, 6, 33),
				},
				{
					Rule:    rule,
					Message: residencyOutside("RDS DB インスタンス aws_db_instance.main", "us-west-2", "provider aws の region"),
					Range:   residencyRange(11, 1, 11, 34),
				},
			},
		},
		{
			Name: "Osaka is allowed by default",
			Content: `
provider "aws" {
  region = "ap-northeast-3"
}

resource "aws_efs_file_system" "shared" {
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "configured regions replace the defaults",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_s3_bucket" "logs" {
}`,
			Config: regions,
			Expected: helper.Issues{{
				Rule:    rule,
				Message: "S3 バケット aws_s3_bucket.logs は許可されたリージョン（us-east-1）の外の ap-northeast-1 に作成されます（provider aws の region）。" + residencyAdvice + residencyCite,
				Range:   residencyRange(6, 1, 6, 32),
			}},
		},
		{
			Name: "region from a variable default is judged",
			Content: `
variable "region" {
  default = "eu-west-1"
}

provider "aws" {
  region = var.region
}

resource "aws_dynamodb_table" "sessions" {
  name     = "sessions"
  hash_key = "id"
}`,
			Expected: helper.Issues{{
				Rule:    rule,
				Message: residencyOutside("DynamoDB テーブル aws_dynamodb_table.sessions", "eu-west-1", "provider aws の region"),
				Range:   residencyRange(10, 1, 10, 41),
			}},
		},
		{
			Name: "region from a variable without default is not reported",
			Content: `
variable "region" {
  type = string
}

provider "aws" {
  region = var.region
}

resource "aws_s3_bucket" "logs" {
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "region from a variable without default is named by a strict notice",
			Content: `
variable "region" {
  type = string
}

provider "aws" {
  region = var.region
}

resource "aws_s3_bucket" "logs" {
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(rule),
				Message: "strict: データの保存先リージョンを確認できません。aws_s3_bucket.logs: provider aws の region: lint 時に値が決まりません。" + residencyCite,
				Range:   residencyRange(10, 1, 10, 32),
			}},
		},
		{
			Name: "no provider block is not reported",
			Content: `
resource "aws_s3_bucket" "logs" {
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "no provider block is named by a strict notice",
			Content: `
resource "aws_s3_bucket" "logs" {
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(rule),
				Message: "strict: データの保存先リージョンを確認できません。aws_s3_bucket.logs: provider aws のブロックがなく、リージョンは環境変数や AWS の設定ファイルで決まります。" + residencyCite,
				Range:   residencyRange(2, 1, 2, 32),
			}},
		},
		{
			Name: "provider without region is named by a strict notice",
			Content: `
provider "aws" {
  profile = "prod"
}

resource "aws_s3_bucket" "logs" {
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(rule),
				Message: "strict: データの保存先リージョンを確認できません。aws_s3_bucket.logs: provider aws に region がなく、リージョンは環境変数や AWS の設定ファイルで決まります。" + residencyCite,
				Range:   residencyRange(6, 1, 6, 32),
			}},
		},
		{
			Name: "alias without a provider block is named by a strict notice",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_s3_bucket" "logs" {
  provider = aws.osaka
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(rule),
				Message: "strict: データの保存先リージョンを確認できません。aws_s3_bucket.logs: provider aws.osaka のブロックがなく、リージョンは環境変数や AWS の設定ファイルで決まります。" + residencyCite,
				Range:   residencyRange(6, 1, 6, 32),
			}},
		},
		{
			Name: "quoted provider reference of Terraform 0.11 is read",
			Content: `
provider "aws" {
  alias  = "virginia"
  region = "us-east-1"
}

resource "aws_backup_vault" "dr" {
  provider = "aws.virginia"
  name     = "dr"
}`,
			Expected: helper.Issues{{
				Rule:    rule,
				Message: residencyOutside("AWS Backup ボールト aws_backup_vault.dr", "us-east-1", "provider aws.virginia の region"),
				Range:   residencyRange(7, 1, 7, 33),
			}},
		},
		{
			Name: "resource region of provider v6 overrides the provider and is reported at the argument",
			Content: `
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 6.0"
    }
  }
}

provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_s3_bucket" "logs" {
  region = "us-east-1"
}`,
			Expected: helper.Issues{{
				Rule:    rule,
				Message: residencyOutside("S3 バケット aws_s3_bucket.logs", "us-east-1", "リソースの region 引数"),
				Range:   residencyRange(16, 12, 16, 23),
			}},
		},
		{
			Name: "resource region of provider v6 in Tokyo passes under a us-east-1 provider",
			Content: `
provider "aws" {
  region = "us-east-1"
}

resource "aws_s3_bucket" "logs" {
  region = "ap-northeast-1"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "resource region is not an argument before provider v6",
			Content: `
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_s3_bucket" "logs" {
  region = "us-east-1"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "unknown resource region of provider v6 is named by a strict notice at the argument",
			Content: `
variable "region" {
  type = string
}

provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_s3_bucket" "logs" {
  region = var.region
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(rule),
				Message: "strict: データの保存先リージョンを確認できません。aws_s3_bucket.logs: リソースの region 引数: lint 時に値が決まりません。" + residencyCite,
				Range:   residencyRange(11, 12, 11, 22),
			}},
		},
		{
			Name: "DynamoDB replica outside the regions is reported at region_name",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_dynamodb_table" "sessions" {
  name     = "sessions"
  hash_key = "id"

  replica {
    region_name = "ap-northeast-3"
  }

  replica {
    region_name = "us-west-2"
  }
}`,
			Expected: helper.Issues{{
				Rule:    rule,
				Message: residencyCopyOutside("DynamoDB テーブル aws_dynamodb_table.sessions", "レプリカ（replica の region_name）", "us-west-2"),
				Range:   residencyRange(15, 19, 15, 30),
			}},
		},
		{
			Name: "DynamoDB table replica resource is judged by its provider",
			Content: `
provider "aws" {
  alias  = "oregon"
  region = "us-west-2"
}

resource "aws_dynamodb_table_replica" "sessions" {
  provider         = aws.oregon
  global_table_arn = "arn:aws:dynamodb:ap-northeast-1:123456789012:table/sessions"
}`,
			Expected: helper.Issues{{
				Rule:    rule,
				Message: residencyOutside("DynamoDB テーブルのレプリカ aws_dynamodb_table_replica.sessions", "us-west-2", "provider aws.oregon の region"),
				Range:   residencyRange(7, 1, 7, 49),
			}},
		},
		{
			Name: "legacy global table replica outside the regions is reported",
			Content: `
resource "aws_dynamodb_global_table" "sessions" {
  name = "sessions"

  replica {
    region_name = "eu-central-1"
  }
}`,
			Expected: helper.Issues{{
				Rule:    rule,
				Message: residencyCopyOutside("DynamoDB グローバルテーブル aws_dynamodb_global_table.sessions", "レプリカ（replica の region_name）", "eu-central-1"),
				Range:   residencyRange(6, 19, 6, 33),
			}},
		},
		{
			Name: "backup copy to a vault ARN outside the regions is reported",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_backup_plan" "daily" {
  name = "daily"

  rule {
    rule_name         = "daily"
    target_vault_name = "main"
    schedule          = "cron(0 3 * * ? *)"

    copy_action {
      destination_vault_arn = "arn:aws:backup:us-east-1:123456789012:backup-vault:dr"
    }

    copy_action {
      destination_vault_arn = "arn:aws:backup:ap-northeast-3:123456789012:backup-vault:osaka"
    }
  }
}`,
			Expected: helper.Issues{{
				Rule:    rule,
				Message: residencyCopyOutside("AWS Backup プラン aws_backup_plan.daily", "コピー先ボールト（copy_action の destination_vault_arn）", "us-east-1"),
				Range:   residencyRange(15, 31, 15, 86),
			}},
		},
		{
			Name: "backup copy to a vault of the module is judged at the vault",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_backup_vault" "dr" {
  name = "dr"
}

resource "aws_backup_plan" "daily" {
  name = "daily"

  rule {
    rule_name         = "daily"
    target_vault_name = "main"
    schedule          = "cron(0 3 * * ? *)"

    copy_action {
      destination_vault_arn = aws_backup_vault.dr.arn
    }
  }
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "backup copy to a value that is not an ARN is named by a strict notice",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_backup_plan" "daily" {
  name = "daily"

  rule {
    rule_name         = "daily"
    target_vault_name = "main"

    copy_action {
      destination_vault_arn = "dr"
    }
  }
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(rule),
				Message: "strict: データの保存先リージョンを確認できません。aws_backup_plan.daily destination_vault_arn: ARN として読めず、リージョンがわかりません。" + residencyCite,
				Range:   residencyRange(14, 31, 14, 35),
			}},
		},
		{
			Name: "EFS replication to a region outside is reported",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_efs_replication_configuration" "dr" {
  source_file_system_id = "fs-0123456789abcdef0"

  destination {
    region = "us-east-2"
  }
}`,
			Expected: helper.Issues{{
				Rule:    rule,
				Message: residencyCopyOutside("EFS レプリケーション設定 aws_efs_replication_configuration.dr", "レプリケーション先（destination の region）", "us-east-2"),
				Range:   residencyRange(10, 14, 10, 25),
			}},
		},
		{
			Name: "EFS replication without a destination region passes",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_efs_replication_configuration" "dr" {
  source_file_system_id = "fs-0123456789abcdef0"

  destination {
    file_system_id = "fs-0fedcba9876543210"
  }
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "S3 replication to a bucket of the module passes in strict mode",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_s3_bucket" "replica" {
}

resource "aws_s3_bucket_replication_configuration" "logs" {
  bucket = "logs"
  role   = "arn:aws:iam::123456789012:role/replication"

  rule {
    status = "Enabled"
    destination {
      bucket = aws_s3_bucket.replica.arn
    }
  }
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "S3 replication to a bucket ARN is named by a strict notice",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_s3_bucket_replication_configuration" "logs" {
  bucket = "logs"
  role   = "arn:aws:iam::123456789012:role/replication"

  rule {
    status = "Enabled"
    destination {
      bucket = "arn:aws:s3:::logs-replica"
    }
  }
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(rule),
				Message: "strict: データの保存先リージョンを確認できません。aws_s3_bucket_replication_configuration.logs: バケットの ARN はリージョンを含まず、複製先のバケットがこのモジュールにありません。" + residencyCite,
				Range:   residencyRange(13, 16, 13, 43),
			}},
		},
		{
			Name: "S3 replication to a bucket ARN is not reported outside strict mode",
			Content: `
resource "aws_s3_bucket_replication_configuration" "logs" {
  bucket = "logs"
  role   = "arn:aws:iam::123456789012:role/replication"

  rule {
    status = "Enabled"
    destination {
      bucket = "arn:aws:s3:::logs-replica"
    }
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "English message",
			Content: `
provider "aws" {
  alias  = "virginia"
  region = "us-east-1"
}

resource "aws_s3_bucket" "logs" {
  provider = aws.virginia
}`,
			Config: linttest.English(),
			Expected: helper.Issues{{
				Rule:    rule,
				Message: "S3 bucket aws_s3_bucket.logs is created outside the allowed regions (ap-northeast-1, ap-northeast-3), in us-east-1 (set by the region of provider aws.virginia); to manage where information assets are stored, use a provider configuration of an allowed region, or add the region to regions in the plugin block if data may be stored there." + residencyCiteEN,
				Range:   residencyRange(7, 1, 7, 32),
			}},
		},
	}

	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsDataResidencyRule(), map[string]string{"main.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}
