variable "block_public_policy" {
  type    = bool
  default = true
}

resource "aws_s3_bucket_public_access_block" "this" {
  bucket = "lg-module-bucket"

  block_public_acls       = true
  block_public_policy     = var.block_public_policy
  ignore_public_acls      = true
  restrict_public_buckets = true
}
