resource "aws_ebs_encryption_by_default" "this" {
  enabled = false
}

resource "aws_ebs_volume" "absent" {
  availability_zone = "ap-northeast-1a"
  size              = 10
}
