# A compliant trail whose bucket keeps no access logs: reported once, on the
# bucket. The second trail delivers to the organisation's log archive bucket,
# which this configuration does not declare: strict mode names it.

variable "archive_bucket" {
  type    = string
  default = "example-org-log-archive"
}

resource "aws_kms_key" "trail" {
  description         = "CloudTrail"
  enable_key_rotation = true
}

resource "aws_s3_bucket" "trail" {
  bucket              = "example-city-trail-logs"
  object_lock_enabled = true
}

resource "aws_s3_bucket_object_lock_configuration" "trail" {
  bucket = aws_s3_bucket.trail.id
  rule {
    default_retention {
      mode  = "COMPLIANCE"
      years = 1
    }
  }
}

# Access logs of another bucket: not those of the trail's.
resource "aws_s3_bucket_logging" "web" {
  bucket        = "example-city-web"
  target_bucket = "example-city-access-logs"
  target_prefix = "web/"
}

resource "aws_cloudtrail" "management" {
  name                       = "management"
  s3_bucket_name             = aws_s3_bucket.trail.bucket
  is_multi_region_trail      = true
  enable_log_file_validation = true
  kms_key_id                 = aws_kms_key.trail.arn
  cloud_watch_logs_group_arn = "arn:aws:logs:ap-northeast-1:111122223333:log-group:cloudtrail:*"
  cloud_watch_logs_role_arn  = "arn:aws:iam::111122223333:role/cloudtrail-to-cloudwatch"
}

resource "aws_cloudtrail" "archive" {
  name                       = "archive"
  s3_bucket_name             = var.archive_bucket
  is_multi_region_trail      = true
  enable_log_file_validation = true
  kms_key_id                 = aws_kms_key.trail.arn
  cloud_watch_logs_group_arn = "arn:aws:logs:ap-northeast-1:111122223333:log-group:cloudtrail:*"
  cloud_watch_logs_role_arn  = "arn:aws:iam::111122223333:role/cloudtrail-to-cloudwatch"
}
