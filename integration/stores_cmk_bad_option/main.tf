resource "aws_ebs_volume" "data" {
  availability_zone = "ap-northeast-1a"
  size              = 10
  encrypted         = true
  kms_key_id        = "alias/aws/ebs"
}
