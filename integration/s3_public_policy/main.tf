resource "aws_s3_bucket" "site" {
  bucket = "lg-site"
}

resource "aws_s3_bucket" "residents" {
  bucket = "lg-residents"
}

resource "aws_iam_role" "reader" {
  name = "reader"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_vpc_endpoint" "s3" {
  vpc_id       = "vpc-0123456789abcdef0"
  service_name = "com.amazonaws.ap-northeast-1.s3"
}

# A data source whose resources refer to the bucket (unknown at lint time):
# its Principal "*" statement is still read and reported.
data "aws_iam_policy_document" "site" {
  statement {
    sid       = "PublicRead"
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.site.arn}/*"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}

resource "aws_s3_bucket_policy" "site" {
  bucket = aws_s3_bucket.site.id
  policy = data.aws_iam_policy_document.site.json
}

# jsonencode with a Resource that refers to the bucket's ARN: the second
# statement is public; the first names a role, the third only denies.
resource "aws_s3_bucket_policy" "mixed" {
  bucket = aws_s3_bucket.site.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "Reader"
      Effect    = "Allow"
      Principal = { AWS = aws_iam_role.reader.arn }
      Action    = "s3:GetObject"
      Resource  = "${aws_s3_bucket.site.arn}/*"
    }, {
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "s3:ListBucket"
      Resource  = aws_s3_bucket.site.arn
    }, {
      Sid       = "DenyInsecureTransport"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = [aws_s3_bucket.site.arn, "${aws_s3_bucket.site.arn}/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}

# Principal "*" limited to a VPC endpoint whose ID is unknown at lint time, and
# to the organisation: not reported.
resource "aws_s3_bucket_policy" "residents" {
  bucket = aws_s3_bucket.residents.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "ThroughEndpoint"
      Effect    = "Allow"
      Principal = "*"
      Action    = ["s3:GetObject", "s3:PutObject"]
      Resource  = "${aws_s3_bucket.residents.arn}/*"
      Condition = { StringEquals = { "aws:SourceVpce" = aws_vpc_endpoint.s3.id } }
    }, {
      Sid       = "Organisation"
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:ListBucket"
      Resource  = aws_s3_bucket.residents.arn
      Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-abc123def4" } }
    }]
  })
}

locals {
  open_statement = {
    Sid       = "FromLocal"
    Effect    = "Allow"
    Principal = "*"
    Action    = "s3:GetObject"
    Resource  = "arn:aws:s3:::lg-open/*"
  }
}

# The legacy policy argument of aws_s3_bucket, as a heredoc, and a document
# built from a local.
resource "aws_s3_bucket" "legacy" {
  bucket = "lg-legacy"
  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [{
        "Sid": "LegacyPublic",
        "Effect": "Allow",
        "Principal": {"AWS": "*"},
        "Action": "s3:GetObject",
        "Resource": "arn:aws:s3:::lg-legacy/*"
      }]
    }
  EOT
}

resource "aws_s3_bucket_policy" "from_local" {
  bucket = "lg-open"
  policy = jsonencode({ Version = "2012-10-17", Statement = [local.open_statement] })
}

module "public_bucket" {
  source = "./modules/bucket"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "arn:aws:s3:::lg-module/*" }]
  })
}
