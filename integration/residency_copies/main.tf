# Copies of data the code places in other regions: a backup copy to a
# us-east-1 vault (reported) and to a vault of the module (judged as a
# vault), EFS replication to us-east-2 (reported), and S3 replication to a
# bucket named by ARN (regionless: a strict notice) and to a bucket of the
# module (judged as a bucket).

provider "aws" {
  region = "ap-northeast-1"
}

provider "aws" {
  alias  = "osaka"
  region = "ap-northeast-3"
}

resource "aws_backup_vault" "main" {
  name = "main"
}

resource "aws_backup_vault" "osaka" {
  provider = aws.osaka
  name     = "osaka"
}

resource "aws_backup_plan" "daily" {
  name = "daily"

  rule {
    rule_name         = "daily"
    target_vault_name = aws_backup_vault.main.name
    schedule          = "cron(0 3 * * ? *)"

    copy_action {
      destination_vault_arn = aws_backup_vault.osaka.arn
    }

    copy_action {
      destination_vault_arn = "arn:aws:backup:us-east-1:123456789012:backup-vault:dr"
    }
  }
}

resource "aws_efs_file_system" "shared" {
  encrypted = true
}

resource "aws_efs_replication_configuration" "shared" {
  source_file_system_id = aws_efs_file_system.shared.id

  destination {
    region = "us-east-2"
  }
}

resource "aws_s3_bucket" "records" {
  bucket = "example-city-records"
}

resource "aws_s3_bucket" "records_replica" {
  provider = aws.osaka
  bucket   = "example-city-records-replica"
}

resource "aws_s3_bucket_replication_configuration" "records" {
  bucket = aws_s3_bucket.records.id
  role   = "arn:aws:iam::123456789012:role/replication"

  rule {
    id     = "replica"
    status = "Enabled"

    destination {
      bucket = aws_s3_bucket.records_replica.arn
    }
  }

  rule {
    id     = "archive"
    status = "Enabled"

    destination {
      bucket = "arn:aws:s3:::example-city-archive"
    }
  }
}
