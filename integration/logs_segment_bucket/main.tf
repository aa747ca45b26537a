provider "aws" {
  region = "ap-northeast-1"
}

variable "archive_tags" {
  type = map(string)
}

# My Number data without server access logging (ERROR).
resource "aws_s3_bucket" "records" {
  bucket = "example-resident-records"
  tags   = { Segment = "mynumber" }
}

# My Number data with server access logging: passes.
resource "aws_s3_bucket" "certificates" {
  bucket = "example-resident-certificates"
  tags   = { Segment = "mynumber" }
}

resource "aws_s3_bucket_logging" "certificates" {
  bucket        = aws_s3_bucket.certificates.id
  target_bucket = "example-access-logs"
  target_prefix = "certificates/"
}

# A log bucket of the My Number segment: the log-bucket message, as an
# ERROR.
resource "aws_s3_bucket" "flow_logs" {
  bucket = "example-mynumber-flow-logs"
  tags   = { Segment = "mynumber" }
}

resource "aws_flow_log" "mynumber" {
  vpc_id               = "vpc-0123456789abcdef0"
  traffic_type         = "ALL"
  log_destination_type = "s3"
  log_destination      = aws_s3_bucket.flow_logs.arn
}

# A log bucket of no segment: the log-bucket message, as a WARNING.
resource "aws_s3_bucket" "edge_logs" {
  bucket = "example-edge-logs"
}

resource "aws_flow_log" "edge" {
  vpc_id               = "vpc-0fedcba9876543210"
  traffic_type         = "ALL"
  log_destination_type = "s3"
  log_destination      = aws_s3_bucket.edge_logs.arn
}

# Internet segment, no logs: not checked.
resource "aws_s3_bucket" "site" {
  bucket = "example-public-site"
  tags   = { Segment = "internet" }
}

# A segment that cannot be known: strict mode names it.
resource "aws_s3_bucket" "archive" {
  bucket = "example-archive"
  tags   = var.archive_tags
}

# The module's bucket is placed in the My Number segment by the tags passed
# in: reported at this argument.
module "scans" {
  source = "./modules/bucket"
  name   = "example-resident-scans"
  tags   = { Segment = "mynumber" }
}

# The same module with server access logging: passes.
module "forms" {
  source         = "./modules/bucket"
  name           = "example-resident-forms"
  tags           = { Segment = "mynumber" }
  access_logging = true
}
