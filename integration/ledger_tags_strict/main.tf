variable "default_tags" {
  description = "Ledger tags, set per environment by the pipeline."
  type        = map(string)
}

variable "bucket_tags" {
  type = map(string)
}

provider "aws" {
  region = "ap-northeast-1"
  default_tags {
    tags = var.default_tags
  }
}

provider "aws" {
  alias  = "osaka"
  region = "ap-northeast-3"
}

# Missing tags may come from the default tags, which are not known: one
# notice at the default tags serves every such store.
resource "aws_s3_bucket" "records" {
  bucket = "resident-records"
}

resource "aws_efs_file_system" "shared" {
  encrypted = true
}

# Its own tags are not known.
resource "aws_s3_bucket" "exports" {
  bucket = "resident-exports"
  tags   = var.bucket_tags
}

# Its own tags say everything: nothing to name.
resource "aws_dynamodb_table" "residents" {
  name = "residents"
  tags = {
    DataClassification = "機密性3"
    RetentionUntil     = "2031-03-31"
  }
}

# The configuration passed through providers is followed (Osaka, no
# default_tags); a finding on a store inside a module is not kept by TFLint
# unless an input decides it (lint the module itself).
module "store" {
  source = "./modules/store"
  providers = {
    aws = aws.osaka
  }
}
