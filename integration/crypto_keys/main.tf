# Keys of a resident-records system: which of them rotate, how strong they
# are, and who their key policies let in.
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

data "aws_caller_identity" "current" {}

locals {
  rotate = false
}

resource "aws_iam_role" "app" {
  name = "records-app"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

# Reported: rotation off, from a local.
resource "aws_kms_key" "records" {
  description         = "Resident records"
  enable_key_rotation = local.rotate
}

# Reported once: a count of two keys without rotation shares one finding.
resource "aws_kms_key" "per_office" {
  count       = 2
  description = "Office ${count.index}"
}

# Not reported: rotation on, and a key policy that names the account and a
# role of the configuration (an unknown ARN, never "anyone").
resource "aws_kms_key" "archive" {
  description         = "Resident archive"
  enable_key_rotation = true
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "KeyAdministration"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:root" }
        Action    = "kms:*"
        Resource  = "*"
      },
      {
        Sid       = "AppUse"
        Effect    = "Allow"
        Principal = { AWS = aws_iam_role.app.arn }
        Action    = ["kms:Decrypt", "kms:GenerateDataKey"]
        Resource  = "*"
      },
    ]
  })
}

# Reported (spec): secp256k1 is not a curve accepted against the CRYPTREC
# list. Not reported (rotation): asymmetric keys cannot rotate.
resource "aws_kms_key" "wallet" {
  customer_master_key_spec = "ECC_SECG_P256K1"
  key_usage                = "SIGN_VERIFY"
}

# Reported (spec): HMAC with SHA-224.
resource "aws_kms_key" "tokens" {
  customer_master_key_spec = "HMAC_224"
  key_usage                = "GENERATE_VERIFY_MAC"
}

# Not reported: ECC P-384 signing key.
resource "aws_kms_key" "signing" {
  customer_master_key_spec = "ECC_NIST_P384"
  key_usage                = "SIGN_VERIFY"
}

# Reported (policy): open to anyone through S3, whatever the account.
resource "aws_kms_key_policy" "records" {
  key_id = aws_kms_key.records.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "ThroughS3"
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = ["kms:Decrypt", "kms:GenerateDataKey"]
      Resource  = "*"
      Condition = {
        StringEquals = { "kms:ViaService" = "s3.ap-northeast-1.amazonaws.com" }
      }
    }]
  })
}

# Not reported: the same statement limited to the caller's account.
resource "aws_kms_key_policy" "archive" {
  key_id = aws_kms_key.archive.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = ["kms:Decrypt", "kms:GenerateDataKey"]
      Resource  = "*"
      Condition = {
        StringEquals = {
          "kms:CallerAccount" = data.aws_caller_identity.current.account_id
          "kms:ViaService"    = "s3.ap-northeast-1.amazonaws.com"
        }
      }
    }]
  })
}

# Reported (policy): a replica key whose policy opens every action to anyone,
# written with a policy document data source.
data "aws_iam_policy_document" "open" {
  statement {
    actions   = ["kms:*"]
    resources = ["*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}

resource "aws_kms_replica_key" "osaka" {
  primary_key_arn = "arn:aws:kms:ap-northeast-1:123456789012:key/mrk-1234abcd12ab34cd56ef1234567890ab"
  policy          = data.aws_iam_policy_document.open.json
}

# Reported (ACM): RSA 1024. Not reported: the default RSA 2048 and P-256.
resource "aws_acm_certificate" "legacy" {
  domain_name       = "legacy.example.lg.jp"
  validation_method = "DNS"
  key_algorithm     = "RSA_1024"
}

resource "aws_acm_certificate" "portal" {
  domain_name       = "portal.example.lg.jp"
  validation_method = "DNS"
}

resource "aws_acm_certificate" "api" {
  domain_name       = "api.example.lg.jp"
  validation_method = "DNS"
  key_algorithm     = "EC_prime256v1"
}

# Reported at the module arguments: the module's key takes its rotation and
# policy from its inputs.
module "shared_key" {
  source = "./modules/key"
  rotate = false
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = "*", Action = "kms:Decrypt", Resource = "*" }]
  })
}

# Not reported: a compliant call of the same module.
module "office_key" {
  source = "./modules/key"
  rotate = true
  policy = null
}
