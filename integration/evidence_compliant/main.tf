# A system whose evidence logs are all on: no finding, even in strict mode.

resource "aws_s3_bucket" "logs" {
  bucket = "example-evidence-logs"
}

resource "aws_s3_bucket_logging" "logs" {
  bucket        = aws_s3_bucket.logs.id
  target_bucket = "example-access-logs"
  target_prefix = "evidence-logs/"
}

resource "aws_vpc" "main" {
  cidr_block = "10.10.0.0/16"
}

resource "aws_flow_log" "main" {
  vpc_id               = aws_vpc.main.id
  traffic_type         = "ALL"
  log_destination_type = "s3"
  log_destination      = "${aws_s3_bucket.logs.arn}/flow/"
}

resource "aws_route53_resolver_query_log_config" "dns" {
  name            = "dns"
  destination_arn = aws_s3_bucket.logs.arn
}

resource "aws_route53_resolver_query_log_config_association" "main" {
  resolver_query_log_config_id = aws_route53_resolver_query_log_config.dns.id
  resource_id                  = aws_vpc.main.id
}

resource "aws_networkfirewall_firewall" "main" {
  name                = "main"
  firewall_policy_arn = "arn:aws:network-firewall:ap-northeast-1:111122223333:firewall-policy/main"
  vpc_id              = aws_vpc.main.id

  subnet_mapping {
    subnet_id = "subnet-0123456789abcdef0"
  }
}

resource "aws_networkfirewall_logging_configuration" "main" {
  firewall_arn = aws_networkfirewall_firewall.main.arn

  logging_configuration {
    log_destination_config {
      log_type             = "FLOW"
      log_destination_type = "S3"
      log_destination      = { bucketName = aws_s3_bucket.logs.id, prefix = "firewall/flow" }
    }
    log_destination_config {
      log_type             = "ALERT"
      log_destination_type = "S3"
      log_destination      = { bucketName = aws_s3_bucket.logs.id, prefix = "firewall/alert" }
    }
  }
}

resource "aws_lb" "web" {
  name    = "web"
  subnets = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]

  access_logs {
    bucket  = aws_s3_bucket.logs.id
    prefix  = "web"
    enabled = true
  }
}

resource "aws_cloudfront_distribution" "portal" {
  enabled = true

  logging_config {
    bucket = aws_s3_bucket.logs.bucket_domain_name
    prefix = "cdn/"
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

resource "aws_cloudwatch_log_group" "api" {
  name = "/apigateway/residents"
}

resource "aws_apigatewayv2_stage" "default" {
  api_id = "f6g7h8i9j0"
  name   = "$default"

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api.arn
    format          = "$context.requestId $context.identity.sourceIp $context.routeKey $context.status"
  }
}

resource "aws_rds_cluster" "records" {
  cluster_identifier              = "records"
  engine                          = "aurora-postgresql"
  enabled_cloudwatch_logs_exports = ["postgresql"]
}

resource "aws_eks_cluster" "main" {
  name                      = "main"
  role_arn                  = "arn:aws:iam::111122223333:role/eks"
  enabled_cluster_log_types = ["api", "audit", "authenticator"]

  vpc_config {
    subnet_ids = ["subnet-0123456789abcdef0"]
  }
}
