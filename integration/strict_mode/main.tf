variable "unknown" {
  type = bool
}

variable "secret_flag" {
  type      = bool
  default   = true
  sensitive = true
}

resource "aws_ebs_volume" "unknown" {
  availability_zone = "ap-northeast-1a"
  size              = 10
  encrypted         = var.unknown
}

resource "aws_ebs_volume" "sensitive" {
  availability_zone = "ap-northeast-1a"
  size              = 10
  encrypted         = var.secret_flag
}

resource "aws_ebs_volume" "known" {
  availability_zone = "ap-northeast-1a"
  size              = 10
  encrypted         = true
}

resource "aws_db_instance" "replica" {
  identifier          = "replica"
  instance_class      = "db.t3.micro"
  replicate_source_db = "arn:aws:rds:ap-northeast-1:123456789012:db:primary"
}
