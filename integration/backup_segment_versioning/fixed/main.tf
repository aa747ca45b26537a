provider "aws" {
  region = "ap-northeast-1"
}

# The records account's provider places every bucket in the My Number
# segment.
provider "aws" {
  alias  = "records"
  region = "ap-northeast-1"
  default_tags {
    tags = { Segment = "mynumber" }
  }
}

locals {
  mynumber = { Segment = "mynumber" }
}

variable "archive_tags" {
  type = map(string)
}

# No versioning (ERROR, no fix).
resource "aws_s3_bucket" "records" {
  bucket = "example-resident-records"
  tags   = local.mynumber
}

# Versioning suspended (ERROR, fixed to "Enabled").
resource "aws_s3_bucket" "scans" {
  provider = aws.records
  bucket   = "example-resident-scans"
}

resource "aws_s3_bucket_versioning" "scans" {
  provider = aws.records
  bucket   = aws_s3_bucket.scans.id
  versioning_configuration {
    status = "Enabled"
  }
}

# Versioning enabled, the configuration naming the bucket by name: passes.
resource "aws_s3_bucket" "forms" {
  bucket = "example-resident-forms"
  tags   = { Segment = "mynumber" }
}

resource "aws_s3_bucket_versioning" "forms" {
  bucket = "example-resident-forms"
  versioning_configuration {
    status = "Enabled"
  }
}

# The legacy block of provider v3, turned off (ERROR, fixed to true).
resource "aws_s3_bucket" "legacy" {
  bucket = "example-resident-legacy"
  tags   = { Segment = "mynumber" }

  versioning {
    enabled = true
  }
}

# Internet segment: not checked.
resource "aws_s3_bucket" "site" {
  bucket = "example-public-site"
  tags   = { Segment = "internet" }
}

# A segment that cannot be known: strict mode names it.
resource "aws_s3_bucket" "archive" {
  bucket = "example-archive"
  tags   = var.archive_tags
}

# The module's bucket is placed in the My Number segment by the tags passed
# in, and has no versioning: reported at this argument.
module "attachments" {
  source = "./modules/bucket"
  name   = "example-resident-attachments"
  tags   = { Segment = "mynumber" }
}

# The module's versioning status is passed in: reported at that argument.
module "letters" {
  source     = "./modules/bucket"
  name       = "example-resident-letters"
  tags       = { Segment = "mynumber" }
  versioning = "Suspended"
}

# Enabled through the module: passes.
module "photos" {
  source     = "./modules/bucket"
  name       = "example-resident-photos"
  tags       = { Segment = "mynumber" }
  versioning = "Enabled"
}
