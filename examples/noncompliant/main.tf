# A resident-records system (住民記録システム) of the My Number segment as a
# vendor might first write it: the data stores are not encrypted at rest, and
# its network (network.tf) is open to the internet.

resource "aws_instance" "app" {
  ami                    = "ami-0123456789abcdef0"
  instance_type          = "m6i.large"
  subnet_id              = aws_subnet.app.id
  vpc_security_group_ids = [aws_security_group.app.id]

  root_block_device {
    volume_size = 50
  }
}

resource "aws_ebs_volume" "data" {
  availability_zone = "ap-northeast-1a"
  size              = 200
  encrypted         = false
}

resource "aws_efs_file_system" "shared" {
  creation_token = "resident-records-shared"
}

resource "aws_rds_cluster" "records" {
  cluster_identifier          = "resident-records"
  engine                      = "aurora-postgresql"
  master_username             = "records_admin"
  manage_master_user_password = true
}

module "archive_db" {
  source    = "./modules/database"
  name      = "resident-archive"
  encrypted = false
}
