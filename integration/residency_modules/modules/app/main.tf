resource "aws_s3_bucket" "data" {
  bucket_prefix = "app-data-"
}
