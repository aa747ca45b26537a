# A resident-records system that encrypts every data store at rest.
variable "kms_key_arn" {
  type = string
}

resource "aws_ebs_volume" "data" {
  availability_zone = "ap-northeast-1a"
  size              = 100
  encrypted         = true
  kms_key_id        = var.kms_key_arn
}

resource "aws_instance" "app" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "m6i.large"
  root_block_device {
    encrypted  = true
    kms_key_id = var.kms_key_arn
  }
  ebs_block_device {
    device_name = "/dev/sdf"
    encrypted   = true
    kms_key_id  = var.kms_key_arn
  }
}

resource "aws_launch_template" "app" {
  name = "app"
  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      encrypted  = true
      kms_key_id = var.kms_key_arn
    }
  }
}

resource "aws_db_instance" "residents" {
  identifier        = "residents"
  engine            = "postgres"
  instance_class    = "db.m6g.large"
  storage_encrypted = true
  kms_key_id        = var.kms_key_arn
}

resource "aws_rds_cluster" "records" {
  cluster_identifier = "records"
  engine             = "aurora-postgresql"
  storage_encrypted  = true
  kms_key_id         = var.kms_key_arn
}

resource "aws_efs_file_system" "shared" {
  creation_token = "shared"
  encrypted      = true
  kms_key_id     = var.kms_key_arn
}

resource "aws_s3_bucket" "documents" {
  bucket = "lg-resident-documents"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "documents" {
  bucket = aws_s3_bucket.documents.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = var.kms_key_arn
    }
  }
}
