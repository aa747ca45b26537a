variable "retention_days" {
  type    = number
  default = 14
}

resource "aws_db_instance" "this" {
  instance_class          = "db.t3.micro"
  backup_retention_period = var.retention_days
}
