variable "block_public_acls" {
  type    = bool
  default = true
}

# A called module is not reported for lacking the account block; the
# settings of one it declares are checked, and a finding on a module input is
# reported at the caller's argument.
provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_s3_account_public_access_block" "this" {
  block_public_acls       = var.block_public_acls
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
