resource "aws_ebs_volume" "data" {
  availability_zone = "ap-northeast-1a"
  size              = 10
  encrypted         = false
}

resource "aws_efs_file_system" "shared" {
  creation_token = "shared"
}

resource "aws_db_instance" "residents" {
  identifier        = "residents"
  engine            = "postgres"
  instance_class    = "db.t3.micro"
  storage_encrypted = false
}
