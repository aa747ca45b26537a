variable "engine" {
  type = string
}

variable "exports" {
  type = list(string)
}

resource "aws_db_instance" "this" {
  engine                          = var.engine
  instance_class                  = "db.t4g.micro"
  allocated_storage               = 20
  enabled_cloudwatch_logs_exports = var.exports
}
