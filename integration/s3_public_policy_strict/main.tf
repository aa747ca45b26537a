variable "policy" {
  type = string
}

variable "reader" {
  type = string
}

# A document that cannot be known at lint time.
resource "aws_s3_bucket_policy" "unknown" {
  bucket = "lg-unknown"
  policy = var.policy
}

# A principal written from a variable without default could be "*".
resource "aws_s3_bucket_policy" "reader" {
  bucket = "lg-reader"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "Reader"
      Effect    = "Allow"
      Principal = { AWS = var.reader }
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::lg-reader/*"
    }]
  })
}

# Malformed JSON.
resource "aws_s3_bucket_policy" "malformed" {
  bucket = "lg-malformed"
  policy = "{\"Statement\": [{\"Effect\": \"Allow\""
}

# A principal that refers to a role is never "*": no notice.
resource "aws_iam_role" "app" {
  name               = "app"
  assume_role_policy = "{}"
}

resource "aws_s3_bucket_policy" "role" {
  bucket = "lg-role"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { AWS = aws_iam_role.app.arn }, Action = "s3:GetObject", Resource = "arn:aws:s3:::lg-role/*" }]
  })
}
