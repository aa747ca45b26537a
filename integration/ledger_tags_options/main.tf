provider "aws" {
  region = "ap-northeast-1"
  default_tags {
    tags = {
      Owner = "住民記録係"
    }
  }
}

resource "aws_db_instance" "residents" {
  identifier              = "residents"
  storage_encrypted       = true
  backup_retention_period = 14
  tags = {
    Confidentiality = "機密性３"
    Integrity       = "完全性2"
    Availability    = "可用性2"
  }
}

resource "aws_s3_bucket" "notices" {
  bucket = "public-notices"
  tags = {
    Confidentiality = "機密性1"
    Integrity       = "完全性2"
    Availability    = "可用性3"
    Owner           = ""
  }
}
