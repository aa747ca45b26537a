resource "aws_efs_file_system" "absent" {
  creation_token = "absent"
}

resource "aws_efs_file_system" "compliant" {
  creation_token = "compliant"
  encrypted      = true
}

# No declared configuration: S3 applies SSE-S3 (AES-256) to every object.
resource "aws_s3_bucket" "default_encryption" {
  bucket = "lg-default-encryption"
}

resource "aws_s3_bucket" "kms" {
  bucket = "lg-kms"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "kms" {
  bucket = aws_s3_bucket.kms.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = "arn:aws:kms:ap-northeast-1:123456789012:key/00000000-0000-0000-0000-000000000000"
    }
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "off_table" {
  bucket = aws_s3_bucket.kms.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "DES"
    }
  }
}

# The legacy inline block of provider v3, still accepted by v4 and v5.
resource "aws_s3_bucket" "legacy_inline" {
  bucket = "lg-legacy"
  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm = "AES256"
      }
    }
  }
}
