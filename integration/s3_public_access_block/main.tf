provider "aws" {
  region = "ap-northeast-1"
}

locals {
  open = false
}

resource "aws_s3_bucket" "site" {
  bucket = "lg-site"
}

# Two settings written false, one resolved from a local.
resource "aws_s3_bucket_public_access_block" "site" {
  bucket = aws_s3_bucket.site.id

  block_public_acls       = false
  block_public_policy     = local.open
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# Settings left out take the provider's default, false.
resource "aws_s3_bucket_public_access_block" "partial" {
  bucket            = aws_s3_bucket.site.id
  block_public_acls = true
}

# Every instance is checked; the finding on their shared value is reported once.
resource "aws_s3_bucket_public_access_block" "counted" {
  count  = 2
  bucket = "lg-counted-${count.index}"

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = count.index == 0
  restrict_public_buckets = true
}

resource "aws_s3_bucket_public_access_block" "compliant" {
  bucket = aws_s3_bucket.site.id

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# No public access block: S3 blocks public access on every new bucket.
resource "aws_s3_bucket" "reports" {
  bucket = "lg-reports"
}

# A value from an unknown attribute is not reported.
resource "aws_s3_bucket_public_access_block" "unknown" {
  bucket = aws_s3_bucket.reports.id

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = aws_s3_bucket.reports.object_lock_enabled
}

module "opened" {
  source              = "./modules/bucket"
  block_public_policy = false
}

module "closed" {
  source = "./modules/bucket"
}
