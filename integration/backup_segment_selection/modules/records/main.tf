variable "name" {
  type = string
}

variable "tags" {
  type = map(string)
}

resource "aws_s3_bucket" "this" {
  bucket = var.name
  tags   = var.tags
}
