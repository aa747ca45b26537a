# The internet-facing edge of a system: load balancers, a CDN, an API and
# the buckets their logs go to.

locals {
  log_bucket = "example-edge-logs"
}

resource "aws_s3_bucket" "edge_logs" {
  bucket = local.log_bucket
}

# Compliant: the log bucket records access to itself in another bucket.
resource "aws_s3_bucket_logging" "edge_logs" {
  bucket        = aws_s3_bucket.edge_logs.id
  target_bucket = "example-access-logs"
  target_prefix = "edge-logs/"
}

resource "aws_s3_bucket" "cdn_logs" {
  bucket = "example-cdn-logs"
}

# Compliant: access logs to the edge log bucket.
resource "aws_lb" "web" {
  name    = "web"
  subnets = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]

  access_logs {
    bucket  = aws_s3_bucket.edge_logs.id
    prefix  = "web"
    enabled = true
  }
}

# Access logs declared but off: reported at enabled.
resource "aws_lb" "admin" {
  name     = "admin"
  internal = true
  subnets  = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]

  access_logs {
    bucket  = local.log_bucket
    enabled = false
  }
}

# No access logs at all: reported at the resource.
resource "aws_alb" "api" {
  name    = "api"
  subnets = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
}

# Not reported: a Network Load Balancer with TCP listeners only, and a
# Gateway Load Balancer (neither writes access logs).
resource "aws_lb" "tcp" {
  name               = "tcp"
  load_balancer_type = "network"
  subnets            = ["subnet-0123456789abcdef0"]
}

resource "aws_lb_listener" "tcp" {
  load_balancer_arn = aws_lb.tcp.arn
  protocol          = "TCP"
  port              = 5432

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:ap-northeast-1:111122223333:targetgroup/db/0123456789abcdef"
  }
}

resource "aws_lb" "inspection" {
  name               = "inspection"
  load_balancer_type = "gateway"
  subnets            = ["subnet-0123456789abcdef0"]
}

# A Network Load Balancer with a TLS listener: reported.
resource "aws_lb" "tls" {
  name               = "tls"
  load_balancer_type = "network"
  subnets            = ["subnet-0123456789abcdef0"]
}

resource "aws_lb_listener" "tls" {
  load_balancer_arn = aws_lb.tls.arn
  protocol          = "TLS"
  port              = 443
  certificate_arn   = "arn:aws:acm:ap-northeast-1:111122223333:certificate/0123"

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:ap-northeast-1:111122223333:targetgroup/app/0123456789abcdef"
  }
}

# Legacy standard logging to the CDN log bucket, which has no access
# logging: the bucket is reported.
resource "aws_cloudfront_distribution" "portal" {
  enabled = true

  logging_config {
    bucket = aws_s3_bucket.cdn_logs.bucket_domain_name
    prefix = "portal/"
  }

  origin {
    domain_name = "portal.example.jp"
    origin_id   = "portal"
  }

  default_cache_behavior {
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    target_origin_id       = "portal"
    viewer_protocol_policy = "redirect-to-https"
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    cloudfront_default_certificate = true
  }
}

# Standard logging v2 through a CloudWatch Logs delivery: compliant.
resource "aws_cloudfront_distribution" "assets" {
  enabled = true

  origin {
    domain_name = "assets.example.jp"
    origin_id   = "assets"
  }

  default_cache_behavior {
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    target_origin_id       = "assets"
    viewer_protocol_policy = "redirect-to-https"
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    cloudfront_default_certificate = true
  }
}

resource "aws_cloudwatch_log_delivery_source" "assets" {
  name         = "assets-access"
  log_type     = "ACCESS_LOGS"
  resource_arn = aws_cloudfront_distribution.assets.arn
}

resource "aws_cloudwatch_log_delivery_destination" "assets" {
  name = "assets-access"

  delivery_destination_configuration {
    destination_resource_arn = "arn:aws:logs:us-east-1:111122223333:log-group:/cdn/assets"
  }
}

resource "aws_cloudwatch_log_delivery" "assets" {
  delivery_source_name     = aws_cloudwatch_log_delivery_source.assets.name
  delivery_destination_arn = aws_cloudwatch_log_delivery_destination.assets.arn
}

# No logging at all: reported.
resource "aws_cloudfront_distribution" "static" {
  enabled = true

  origin {
    domain_name = "static.example.jp"
    origin_id   = "static"
  }

  default_cache_behavior {
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    target_origin_id       = "static"
    viewer_protocol_policy = "redirect-to-https"
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    cloudfront_default_certificate = true
  }
}

resource "aws_cloudwatch_log_group" "api" {
  name = "/apigateway/residents"
}

# Compliant REST API stage.
resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = "a1b2c3d4e5"
  deployment_id = "abc123"
  stage_name    = "prod"

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api.arn
    format          = jsonencode({ requestId = "$context.requestId", ip = "$context.identity.sourceIp" })
  }
}

# HTTP API stage without access logs: reported.
resource "aws_apigatewayv2_stage" "default" {
  api_id      = "f6g7h8i9j0"
  name        = "$default"
  auto_deploy = true
}
