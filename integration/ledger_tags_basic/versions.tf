terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

locals {
  ledger = {
    DataClassification = "機密性2"
    RetentionUntil     = "2031-03-31"
  }
}

# Every store of the Tokyo region carries the ledger tags by default.
provider "aws" {
  region = "ap-northeast-1"
  default_tags {
    tags = merge(local.ledger, { Owner = "住民記録係" })
  }
}

# The Osaka region's default tags lack the retention date.
provider "aws" {
  alias  = "osaka"
  region = "ap-northeast-3"
  default_tags {
    tags = {
      DataClassification = "機密性2"
    }
  }
}
