resource "aws_s3_bucket" "records" {
  bucket = "resident-records"
}
