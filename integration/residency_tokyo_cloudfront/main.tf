# A Tokyo bucket and a us-east-1 certificate for CloudFront: the certificate
# must live in us-east-1 and is not a data store. Nothing is reported, even
# in strict mode.

provider "aws" {
  region = "ap-northeast-1"
}

provider "aws" {
  alias  = "virginia"
  region = "us-east-1"
}

resource "aws_s3_bucket" "site" {
  bucket = "example-city-site"
}

resource "aws_acm_certificate" "cdn" {
  provider          = aws.virginia
  domain_name       = "www.city.example.jp"
  validation_method = "DNS"
}

resource "aws_cloudfront_distribution" "site" {
  enabled = true

  origin {
    domain_name = aws_s3_bucket.site.bucket_regional_domain_name
    origin_id   = "site"
  }

  default_cache_behavior {
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    target_origin_id       = "site"
    viewer_protocol_policy = "redirect-to-https"
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    acm_certificate_arn = aws_acm_certificate.cdn.arn
    ssl_support_method  = "sni-only"
  }
}
