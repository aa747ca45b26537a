variable "kms_key_id" {
  type = string
}

resource "aws_ebs_volume" "this" {
  availability_zone = "ap-northeast-1a"
  size              = 50
  encrypted         = true
  kms_key_id        = var.kms_key_id
}
