provider "aws" {
  region = "ap-northeast-1"
}

# Every store of the records account is in the My Number segment.
provider "aws" {
  alias  = "records"
  region = "ap-northeast-1"
  default_tags {
    tags = { Segment = "mynumber" }
  }
}

variable "archive_tags" {
  type = map(string)
}

# My Number segment, by its own tag.
resource "aws_s3_bucket" "records" {
  bucket = "example-resident-records"
  tags   = { Segment = "mynumber" }
}

resource "aws_s3_bucket_versioning" "records" {
  bucket = aws_s3_bucket.records.id
  versioning_configuration {
    status = "Enabled"
  }
}

# My Number segment, by the provider's default_tags.
resource "aws_dynamodb_table" "residents" {
  provider = aws.records
  name     = "residents"
  hash_key = "id"
}

# LGWAN segment, through its subnet group: the subnets are in the
# configured address range.
resource "aws_subnet" "groupware" {
  vpc_id     = "vpc-0123456789abcdef0"
  cidr_block = "10.20.1.0/24"
}

resource "aws_db_subnet_group" "groupware" {
  subnet_ids = [aws_subnet.groupware.id]
}

resource "aws_db_instance" "groupware" {
  identifier           = "groupware"
  db_subnet_group_name = aws_db_subnet_group.groupware.name
  storage_encrypted    = true
}

# No segment.
resource "aws_s3_bucket" "site" {
  bucket = "example-public-site"
}

# A segment that cannot be known at lint time.
resource "aws_efs_file_system" "archive" {
  encrypted = true
  tags      = var.archive_tags
}

# A module's store, placed by the segment passed in.
module "cases" {
  source  = "./modules/cases"
  segment = "mynumber"
}
