variable "name" {
  type = string
}

variable "tags" {
  type = map(string)
}

variable "versioning" {
  type    = string
  default = null
}

resource "aws_s3_bucket" "this" {
  bucket = var.name
  tags   = var.tags
}

resource "aws_s3_bucket_versioning" "this" {
  count  = var.versioning == null ? 0 : 1
  bucket = aws_s3_bucket.this.id
  versioning_configuration {
    status = var.versioning
  }
}
