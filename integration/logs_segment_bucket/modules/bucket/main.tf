variable "name" {
  type = string
}

variable "tags" {
  type = map(string)
}

variable "access_logging" {
  type    = bool
  default = false
}

resource "aws_s3_bucket" "this" {
  bucket = var.name
  tags   = var.tags
}

resource "aws_s3_bucket_logging" "this" {
  count         = var.access_logging ? 1 : 0
  bucket        = aws_s3_bucket.this.id
  target_bucket = "example-access-logs"
  target_prefix = "${var.name}/"
}
