# An account baseline without an AWS Backup plan: reported once, at the
# first provider "aws" block.

provider "aws" {
  region = "ap-northeast-1"
}

provider "aws" {
  alias  = "osaka"
  region = "ap-northeast-3"
}

resource "aws_s3_bucket" "records" {
  bucket = "example-city-records"
}
