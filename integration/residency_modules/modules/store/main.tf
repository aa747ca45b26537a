variable "region" {
  type = string
}

variable "replica_region" {
  type = string
}

resource "aws_s3_bucket" "data" {
  region        = var.region
  bucket_prefix = "store-"
}

resource "aws_dynamodb_table" "items" {
  name     = "items"
  hash_key = "id"

  attribute {
    name = "id"
    type = "S"
  }

  replica {
    region_name = var.replica_region
  }
}
