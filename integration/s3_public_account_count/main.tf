provider "aws" {
  region = "ap-northeast-1"
}

variable "manage_account_settings" {
  type = bool
}

# Whether the block exists cannot be known at lint time: not reported as
# missing; strict mode names the count.
resource "aws_s3_account_public_access_block" "this" {
  count = var.manage_account_settings ? 1 : 0

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
