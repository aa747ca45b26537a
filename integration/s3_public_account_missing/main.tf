# The account baseline of this root module has a trail and buckets, but no
# account-level Block Public Access: reported once, at the first provider block.
resource "aws_s3_bucket" "trail" {
  bucket = "lg-baseline-trail"
}

resource "aws_cloudtrail" "main" {
  name                  = "main"
  s3_bucket_name        = aws_s3_bucket.trail.id
  is_multi_region_trail = true
}
