# tflint --fix rewrites the literals that can be flipped unambiguously. The
# database without a final snapshot name keeps skip_final_snapshot = true:
# false would make its deletion fail.

resource "aws_db_instance" "main" {
  instance_class            = "db.t3.micro"
  backup_retention_period   = 1
  deletion_protection       = false
  skip_final_snapshot       = true
  final_snapshot_identifier = "main-final"
}

resource "aws_rds_cluster" "aurora" {
  engine                  = "aurora-postgresql"
  backup_retention_period = 7
  deletion_protection     = "false"
  skip_final_snapshot     = true
}

resource "aws_dynamodb_table" "applications" {
  name                        = "applications"
  hash_key                    = "id"
  deletion_protection_enabled = false

  point_in_time_recovery {
    enabled = false
  }
}

resource "aws_efs_file_system" "shared" {
  encrypted = true
}

resource "aws_efs_backup_policy" "shared" {
  file_system_id = aws_efs_file_system.shared.id

  backup_policy {
    status = "DISABLED"
  }
}
