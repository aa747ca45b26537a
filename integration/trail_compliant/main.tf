# A complete audit trail: every region, every management event, validated
# and encrypted log files in a versioned bucket with access logs, delivered
# to an encrypted CloudWatch log group kept for a year. A second trail logs
# the data events of the records bucket.

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

locals {
  trail_bucket = "example-city-trail-logs"
  time_sync    = ["169.254.169.123", "fd00:ec2::123"]
}

data "aws_caller_identity" "current" {}

resource "aws_kms_key" "trail" {
  description         = "CloudTrail log files and log group"
  enable_key_rotation = true
}

resource "aws_s3_bucket" "trail" {
  bucket = local.trail_bucket
}

resource "aws_s3_bucket_versioning" "trail" {
  bucket = aws_s3_bucket.trail.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_logging" "trail" {
  bucket        = aws_s3_bucket.trail.id
  target_bucket = aws_s3_bucket.access_logs.id
  target_prefix = "trail/"
}

resource "aws_s3_bucket" "access_logs" {
  bucket = "example-city-access-logs"
}

resource "aws_s3_bucket_policy" "trail" {
  bucket = aws_s3_bucket.trail.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "AWSCloudTrailAclCheck"
        Effect    = "Allow"
        Principal = { Service = "cloudtrail.amazonaws.com" }
        Action    = "s3:GetBucketAcl"
        Resource  = aws_s3_bucket.trail.arn
      },
      {
        Sid       = "AWSCloudTrailWrite"
        Effect    = "Allow"
        Principal = { Service = "cloudtrail.amazonaws.com" }
        Action    = "s3:PutObject"
        Resource  = "${aws_s3_bucket.trail.arn}/AWSLogs/${data.aws_caller_identity.current.account_id}/*"
        Condition = { StringEquals = { "s3:x-amz-acl" = "bucket-owner-full-control" } }
      },
    ]
  })
}

resource "aws_cloudwatch_log_group" "trail" {
  name              = "cloudtrail/management"
  retention_in_days = 365
  kms_key_id        = aws_kms_key.trail.arn
}

resource "aws_iam_role" "trail_to_logs" {
  name = "cloudtrail-to-cloudwatch"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "cloudtrail.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_cloudtrail" "management" {
  name                          = "management"
  s3_bucket_name                = aws_s3_bucket_policy.trail.bucket
  is_multi_region_trail         = true
  include_global_service_events = true
  enable_log_file_validation    = true
  kms_key_id                    = aws_kms_key.trail.arn
  cloud_watch_logs_group_arn    = "${aws_cloudwatch_log_group.trail.arn}:*"
  cloud_watch_logs_role_arn     = aws_iam_role.trail_to_logs.arn

  advanced_event_selector {
    name = "Every management event"
    field_selector {
      field  = "eventCategory"
      equals = ["Management"]
    }
  }
}

# Data events of the records bucket, beside the management trail: not
# reported for its selectors or for not streaming to CloudWatch Logs.
resource "aws_cloudtrail" "records" {
  name                       = "records-data-events"
  s3_bucket_name             = local.trail_bucket
  enable_log_file_validation = true
  kms_key_id                 = aws_kms_key.trail.arn

  event_selector {
    include_management_events = false

    data_resource {
      type   = "AWS::S3::Object"
      values = ["arn:aws:s3:::example-city-records/"]
    }
  }
}

resource "aws_vpc" "main" {
  cidr_block = "10.10.0.0/16"
}

resource "aws_vpc_dhcp_options" "main" {
  domain_name_servers = ["AmazonProvidedDNS"]
  ntp_servers         = local.time_sync
}

resource "aws_vpc_dhcp_options_association" "main" {
  vpc_id          = aws_vpc.main.id
  dhcp_options_id = aws_vpc_dhcp_options.main.id
}
