# A bucket created through a us-east-1 provider alias is outside the allowed
# regions and is reported at its resource block. The region of the alias
# comes from a local value, which TFLint resolves.

locals {
  dr_region = "us-east-1"
}

provider "aws" {
  region = "ap-northeast-1"
}

provider "aws" {
  alias  = "virginia"
  region = local.dr_region
}

resource "aws_s3_bucket" "logs" {
  bucket = "example-city-logs"
}

resource "aws_s3_bucket" "logs_copy" {
  provider = aws.virginia
  bucket   = "example-city-logs-copy"
}
