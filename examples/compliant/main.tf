# The same resident-records system (住民記録システム), encrypted at rest with a
# customer-managed key, in a network closed to the internet (network.tf).

resource "aws_kms_key" "records" {
  description         = "Resident records"
  enable_key_rotation = true
}

resource "aws_instance" "app" {
  ami                     = "ami-0123456789abcdef0"
  instance_type           = "m6i.large"
  subnet_id               = aws_subnet.app.id
  vpc_security_group_ids  = [aws_security_group.app.id]
  disable_api_termination = true

  metadata_options {
    http_tokens = "required"
  }

  root_block_device {
    volume_size = 50
    encrypted   = true
    kms_key_id  = aws_kms_key.records.arn
  }
}

resource "aws_ebs_volume" "data" {
  availability_zone = "ap-northeast-1a"
  size              = 200
  encrypted         = true
  kms_key_id        = aws_kms_key.records.arn
}

resource "aws_efs_file_system" "shared" {
  creation_token = "resident-records-shared"
  encrypted      = true
  kms_key_id     = aws_kms_key.records.arn
}

resource "aws_efs_backup_policy" "shared" {
  file_system_id = aws_efs_file_system.shared.id

  backup_policy {
    status = "ENABLED"
  }
}

resource "aws_rds_cluster" "records" {
  cluster_identifier          = "resident-records"
  engine                      = "aurora-postgresql"
  master_username             = "records_admin"
  manage_master_user_password = true
  storage_encrypted           = true
  kms_key_id                  = aws_kms_key.records.arn

  backup_retention_period         = 7
  deletion_protection             = true
  final_snapshot_identifier       = "resident-records-final"
  enabled_cloudwatch_logs_exports = ["postgresql"]
}

module "archive_db" {
  source     = "./modules/database"
  name       = "resident-archive"
  encrypted  = true
  kms_key_id = aws_kms_key.records.arn
}
