# Backups of data stores, with a minimum retention of 14 days set in
# .tflint.hcl. References to other resources are unknown to TFLint: the
# rules match them by what they refer to.

locals {
  retention_days = 14
}

resource "aws_db_instance" "main" {
  instance_class          = "db.t3.micro"
  backup_retention_period = local.retention_days
}

resource "aws_db_instance" "reports" {
  instance_class          = "db.t3.micro"
  backup_retention_period = 7
}

resource "aws_db_instance" "replica" {
  instance_class      = "db.t3.micro"
  replicate_source_db = aws_db_instance.main.identifier
}

resource "aws_rds_cluster" "aurora" {
  count  = 2
  engine = "aurora-postgresql"
}

module "db" {
  source         = "./modules/db"
  retention_days = 0
}

resource "aws_dynamodb_table" "applications" {
  name     = "applications"
  hash_key = "id"

  attribute {
    name = "id"
    type = "S"
  }
}

resource "aws_dynamodb_table" "residents" {
  name     = "residents"
  hash_key = "id"

  attribute {
    name = "id"
    type = "S"
  }

  point_in_time_recovery {
    enabled = true
  }
}

resource "aws_efs_file_system" "shared" {
  encrypted = true
}

resource "aws_efs_file_system" "home" {
  encrypted = true
}

resource "aws_efs_file_system" "scratch" {
  encrypted = true
}

resource "aws_efs_backup_policy" "shared" {
  file_system_id = aws_efs_file_system.shared.id

  backup_policy {
    status = "ENABLED"
  }
}

resource "aws_backup_selection" "home" {
  name         = "home"
  plan_id      = aws_backup_plan.daily.id
  iam_role_arn = aws_iam_role.backup.arn
  resources    = [aws_efs_file_system.home.arn]
}

resource "aws_fsx_ontap_file_system" "nas" {
  storage_capacity    = 1024
  throughput_capacity = 128
  deployment_type     = "SINGLE_AZ_1"
  subnet_ids          = ["subnet-0123456789abcdef0"]
  preferred_subnet_id = "subnet-0123456789abcdef0"
}

resource "aws_fsx_windows_file_system" "share" {
  storage_capacity    = 300
  throughput_capacity = 32
  subnet_ids          = ["subnet-0123456789abcdef0"]
}
