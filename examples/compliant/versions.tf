terraform {
  required_version = ">= 1.5"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = "ap-northeast-1"

  # Every resource of this system belongs to the My Number segment
  # (マイナンバー利用事務系): see docs/segments.md.
  default_tags {
    tags = { Segment = "mynumber" }
  }
}
