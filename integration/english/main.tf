resource "aws_ebs_volume" "data" {
  availability_zone = "ap-northeast-1a"
  size              = 10
  encrypted         = false
}

resource "aws_s3_bucket_server_side_encryption_configuration" "weak" {
  bucket = "lg-bucket"
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "DES"
    }
  }
}
