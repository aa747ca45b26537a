# The system's servers and data stores, encrypted with the system's own key.

resource "aws_kms_key" "this" {
  description             = "${var.name} data"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  tags                    = local.tags
}

resource "aws_kms_alias" "this" {
  name          = "alias/${var.name}"
  target_key_id = aws_kms_key.this.key_id
}

resource "aws_instance" "app" {
  count                   = var.instance_count
  ami                     = var.ami
  instance_type           = "m6i.large"
  subnet_id               = aws_subnet.private[local.zone_names[count.index % 3]].id
  vpc_security_group_ids  = [aws_security_group.app.id]
  iam_instance_profile    = aws_iam_instance_profile.app.name
  disable_api_termination = true
  monitoring              = true
  tags                    = merge(local.tags, { Name = "${var.name}-app-${count.index}" })

  metadata_options {
    http_tokens = "required"
  }

  root_block_device {
    volume_size = 50
    encrypted   = true
    kms_key_id  = aws_kms_key.this.arn
  }
}

resource "aws_ebs_volume" "data" {
  count             = var.instance_count
  availability_zone = local.zone_names[count.index % 3]
  size              = 200
  encrypted         = var.encrypt_volumes
  kms_key_id        = aws_kms_key.this.arn
  tags              = local.tags
}

resource "aws_volume_attachment" "data" {
  count       = var.instance_count
  device_name = "/dev/sdf"
  volume_id   = aws_ebs_volume.data[count.index].id
  instance_id = aws_instance.app[count.index].id
}

resource "aws_db_subnet_group" "this" {
  name       = var.name
  subnet_ids = [for s in aws_subnet.private : s.id]
  tags       = local.tags
}

resource "aws_db_parameter_group" "this" {
  name   = "${var.name}-pg16"
  family = "postgres16"

  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }

  parameter {
    name  = "ssl_min_protocol_version"
    value = "TLSv1.2"
  }
}

resource "aws_db_instance" "this" {
  identifier                      = var.name
  engine                          = "postgres"
  engine_version                  = "16.3"
  instance_class                  = "db.m6g.large"
  allocated_storage               = 100
  username                        = "app_admin"
  manage_master_user_password     = true
  db_subnet_group_name            = aws_db_subnet_group.this.name
  parameter_group_name            = aws_db_parameter_group.this.name
  vpc_security_group_ids          = [aws_security_group.db.id]
  storage_encrypted               = true
  kms_key_id                      = aws_kms_key.this.arn
  publicly_accessible             = false
  backup_retention_period         = var.backup_retention_days
  deletion_protection             = true
  final_snapshot_identifier       = "${var.name}-final"
  enabled_cloudwatch_logs_exports = ["postgresql"]
  tags                            = local.tags
}

resource "aws_efs_file_system" "shared" {
  creation_token = "${var.name}-shared"
  encrypted      = true
  kms_key_id     = aws_kms_key.this.arn
  tags           = local.tags
}

resource "aws_efs_backup_policy" "shared" {
  file_system_id = aws_efs_file_system.shared.id

  backup_policy {
    status = "ENABLED"
  }
}

resource "aws_dynamodb_table" "sessions" {
  name         = "${var.name}-sessions"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"
  tags         = local.tags

  attribute {
    name = "id"
    type = "S"
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.this.arn
  }

  point_in_time_recovery {
    enabled = true
  }
}

resource "aws_sqs_queue" "jobs" {
  name              = "${var.name}-jobs"
  kms_master_key_id = aws_kms_key.this.arn
  tags              = local.tags
}

resource "aws_sns_topic" "alerts" {
  name              = "${var.name}-alerts"
  kms_master_key_id = aws_kms_key.this.arn
  tags              = local.tags
}
