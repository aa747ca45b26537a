resource "aws_kms_key" "records" {}

# The default tags apply; its own classification wins.
resource "aws_s3_bucket" "records" {
  bucket = "resident-records"
  tags = merge(local.ledger, {
    DataClassification = "機密性3"
  })
}

# Through the Osaka alias: the retention date is missing.
resource "aws_s3_bucket" "replica" {
  provider = aws.osaka
  bucket   = "resident-records-replica"
}

# A classification the guideline does not use.
resource "aws_efs_file_system" "shared" {
  encrypted = true
  tags = {
    DataClassification = "極秘"
  }
}

# A tag value known only after apply is not reported.
resource "aws_dynamodb_table" "sessions" {
  provider = aws.osaka
  name     = "sessions"
  tags = {
    RetentionUntil = aws_kms_key.records.arn
  }
}

# Two instances, one finding.
resource "aws_ebs_volume" "scratch" {
  provider          = aws.osaka
  count             = 2
  availability_zone = "ap-northeast-3a"
  size              = 10
}

# The module's stores take the classification the caller passes.
module "archive" {
  source = "./modules/archive"
  tags = {
    DataClassification = "公開"
  }
}
