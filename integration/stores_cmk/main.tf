# Keys named every way a configuration names them, judged with the local
# government's own list of shared keys (key_arns) and in strict mode.

locals {
  ebs_key    = "alias/aws/ebs"
  shared_key = "arn:aws:kms:ap-northeast-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

resource "aws_kms_key" "records" {
  count               = 1
  description         = "records"
  enable_key_rotation = true
}

module "kms" {
  source = "./modules/kms"
}

data "aws_kms_alias" "rds" {
  name = "alias/aws/rds"
}

data "aws_kms_alias" "shared" {
  name = "alias/shared-records"
}

# A key of the module by index passes; the AWS managed key through a local
# is reported at the reference.
resource "aws_ebs_volume" "records" {
  availability_zone = "ap-northeast-1a"
  size              = 100
  encrypted         = true
  kms_key_id        = aws_kms_key.records[0].arn
}

resource "aws_ebs_volume" "scratch" {
  availability_zone = "ap-northeast-1a"
  size              = 10
  encrypted         = true
  kms_key_id        = local.ebs_key
}

# A key from another module's output cannot be known: strict names it.
resource "aws_efs_file_system" "shared" {
  encrypted  = true
  kms_key_id = module.kms.key_arn
}

# Data sources: an AWS managed alias is reported, a listed alias passes.
resource "aws_db_instance" "records" {
  engine            = "postgres"
  instance_class    = "db.t4g.medium"
  storage_encrypted = true
  kms_key_id        = data.aws_kms_alias.rds.target_key_arn
}

resource "aws_backup_vault" "records" {
  name        = "records"
  kms_key_arn = data.aws_kms_alias.shared.target_key_arn
}

# Literal keys: a listed key passes, another one is reported.
resource "aws_secretsmanager_secret" "listed" {
  name       = "listed"
  kms_key_id = local.shared_key
}

resource "aws_secretsmanager_secret" "other" {
  name       = "other"
  kms_key_id = "arn:aws:kms:ap-northeast-1:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

# A dynamic block is expanded: its volume names no key.
resource "aws_instance" "app" {
  ami = "ami-0123456789abcdef0"

  root_block_device {
    encrypted  = true
    kms_key_id = aws_kms_key.records[0].arn
  }

  dynamic "ebs_block_device" {
    for_each = ["/dev/sdf"]
    content {
      device_name = ebs_block_device.value
      encrypted   = true
    }
  }
}

# Buckets made with for_each: each configuration refers to its bucket, by
# key, or through a for_each over the buckets (unknown at lint time, which
# TFLint does not expand, but which still covers the buckets).
resource "aws_s3_bucket" "archive" {
  for_each = toset(["2024", "2025"])
  bucket   = "city-archive-${each.key}"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "archive" {
  for_each = toset(["2024", "2025"])
  bucket   = aws_s3_bucket.archive[each.key].id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket" "logs" {
  for_each = toset(["app", "db"])
  bucket   = "city-logs-${each.key}"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {
  for_each = aws_s3_bucket.logs
  bucket   = each.value.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.records[0].arn
    }
  }
}

resource "aws_s3_bucket" "plain" {
  bucket = "city-plain"
}

# Keys passed into a module: the AWS managed key is reported at the
# argument; a reference to a key of the caller is unknown in the module.
module "disk_managed" {
  source     = "./modules/disk"
  kms_key_id = "alias/aws/ebs"
}

module "disk_own_key" {
  source     = "./modules/disk"
  kms_key_id = aws_kms_key.records[0].arn
}
