variable "name" {
  type = string
}

resource "aws_db_parameter_group" "this" {
  name   = "${var.name}-pg14"
  family = "postgres14"
  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }
}

resource "aws_db_instance" "this" {
  identifier           = var.name
  engine               = "postgres"
  engine_version       = "14.12"
  instance_class       = "db.m6g.large"
  parameter_group_name = aws_db_parameter_group.this.name
  storage_encrypted    = true
}
