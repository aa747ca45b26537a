resource "aws_s3_bucket" "trail" {
  bucket = "example-city-trail-logs"

  versioning {
    enabled = true
  }

  logging {
    target_bucket = "example-city-access-logs"
  }
}

resource "aws_cloudwatch_log_group" "trail" {
  name              = "cloudtrail/management"
  retention_in_days = 365
  kms_key_id        = aws_kms_key.trail.arn
}

resource "aws_cloudtrail" "management" {
  name                          = "management"
  s3_bucket_name                = aws_s3_bucket.trail.id
  enable_logging                = true
  is_multi_region_trail         = true
  include_global_service_events = true
  enable_log_file_validation    = true
  kms_key_id                    = aws_kms_key.trail.arn
  cloud_watch_logs_group_arn    = "${aws_cloudwatch_log_group.trail.arn}:*"
  cloud_watch_logs_role_arn     = aws_iam_role.trail_to_logs.arn

  event_selector {
    include_management_events = true
  }
}
