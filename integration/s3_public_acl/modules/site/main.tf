variable "acl" {
  type    = string
  default = "private"
}

resource "aws_s3_bucket_acl" "this" {
  bucket = "lg-module-site"
  acl    = var.acl
}
