# The resident-records database: private, encrypted with the system's key,
# in both availability zones, backed up, protected from deletion, with its
# audit log exported and TLS forced.

resource "aws_db_subnet_group" "juki" {
  name       = "juki"
  subnet_ids = [for s in aws_subnet.db : s.id]
  tags       = local.segment
}

resource "aws_db_parameter_group" "juki" {
  name   = "juki-postgres16"
  family = "postgres16"

  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }

  parameter {
    name  = "log_connections"
    value = "1"
  }
}

resource "aws_cloudwatch_log_group" "db" {
  name              = "/aws/rds/instance/juki/postgresql"
  retention_in_days = 400
  kms_key_id        = aws_kms_key.juki.arn
}

resource "aws_db_instance" "juki" {
  identifier     = "juki"
  engine         = "postgres"
  engine_version = "16.4"
  instance_class = "db.m6i.large"

  allocated_storage = 100
  storage_type      = "gp3"
  storage_encrypted = true
  kms_key_id        = aws_kms_key.juki.arn

  username                      = "juki_admin"
  manage_master_user_password   = true
  master_user_secret_kms_key_id = aws_kms_key.juki.arn

  db_subnet_group_name   = aws_db_subnet_group.juki.name
  vpc_security_group_ids = [aws_security_group.db.id]
  publicly_accessible    = false
  multi_az               = true
  parameter_group_name   = aws_db_parameter_group.juki.name

  backup_retention_period   = 14
  copy_tags_to_snapshot     = true
  deletion_protection       = true
  skip_final_snapshot       = false
  final_snapshot_identifier = "juki-final"

  enabled_cloudwatch_logs_exports = ["postgresql", "upgrade"]

  tags = local.segment

  depends_on = [aws_cloudwatch_log_group.db]
}
