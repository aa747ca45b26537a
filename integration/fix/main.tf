variable "encrypted" {
  type    = bool
  default = false
}

resource "aws_ebs_volume" "data" {
  availability_zone = "ap-northeast-1a"
  size              = 10
  encrypted         = false
}

resource "aws_ebs_volume" "from_variable" {
  availability_zone = "ap-northeast-1a"
  size              = 10
  encrypted         = var.encrypted
}

resource "aws_launch_template" "app" {
  name = "app"
  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      encrypted = "false"
    }
  }
}

resource "aws_db_instance" "residents" {
  identifier        = "residents"
  engine            = "postgres"
  instance_class    = "db.t3.micro"
  storage_encrypted = false
}
