variable "policy" {
  type = string
}

resource "aws_s3_bucket_policy" "this" {
  bucket = "lg-module"
  policy = var.policy
}
