# Encryption by default covers every new volume of the account and region:
# an absent `encrypted` is then encrypted, an explicit false is still a
# decision against encryption in the code.
resource "aws_ebs_encryption_by_default" "this" {}

resource "aws_ebs_volume" "absent" {
  availability_zone = "ap-northeast-1a"
  size              = 10
}

resource "aws_ebs_volume" "explicit_false" {
  availability_zone = "ap-northeast-1a"
  size              = 10
  encrypted         = false
}

resource "aws_instance" "no_root_block" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
}

resource "aws_launch_template" "mapped" {
  name = "app"
  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      volume_size = 20
    }
  }
}
