# The transport of a resident portal: load balancers, CDN, API, search,
# databases and file exchange.
locals {
  cert_arn     = "arn:aws:acm:ap-northeast-1:123456789012:certificate/12345678-1234-1234-1234-123456789012"
  legacy_tls   = "ELBSecurityPolicy-TLS13-1-0-2021-06"
  target_group = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:targetgroup/portal/73e2d6bc24d8a067"
}

resource "aws_lb" "portal" {
  name               = "portal"
  load_balancer_type = "application"
  subnets            = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
}

# Reported: the policy (from a local) still accepts TLS 1.0.
resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.portal.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = local.legacy_tls
  certificate_arn   = local.cert_arn

  default_action {
    type             = "forward"
    target_group_arn = local.target_group
  }
}

# Reported: no ssl_policy, so ELBSecurityPolicy-2016-08.
resource "aws_lb_listener" "tls" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/net/api/50dc6c495c0c9188"
  port              = 443
  protocol          = "TLS"
  certificate_arn   = local.cert_arn

  default_action {
    type             = "forward"
    target_group_arn = local.target_group
  }
}

# Not reported: TLS 1.2 and 1.3.
resource "aws_alb_listener" "secure" {
  load_balancer_arn = aws_lb.portal.arn
  port              = 8443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = local.cert_arn

  default_action {
    type             = "forward"
    target_group_arn = local.target_group
  }
}

# Reported: plain HTTP forwarded to the application.
resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.portal.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type             = "forward"
    target_group_arn = local.target_group
  }
}

# Not reported: plain HTTP redirected to HTTPS, written as a dynamic block.
resource "aws_lb_listener" "redirect" {
  load_balancer_arn = aws_lb.portal.arn
  port              = 8080
  protocol          = "HTTP"

  dynamic "default_action" {
    for_each = ["redirect"]
    content {
      type = default_action.value
      redirect {
        port        = "443"
        protocol    = "HTTPS"
        status_code = "HTTP_301"
      }
    }
  }
}

# Reported at the module argument: the module's listener takes its policy
# from the input.
module "intranet_alb" {
  source     = "./modules/alb"
  ssl_policy = "ELBSecurityPolicy-2016-08"
}

# Reported: TLSv1.2_2019, a behavior that serves HTTP, an origin over TLS 1.0.
resource "aws_cloudfront_distribution" "portal" {
  enabled = true
  aliases = ["www.example.lg.jp"]

  origin {
    domain_name = aws_lb.portal.dns_name
    origin_id   = "portal"
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1", "TLSv1.2"]
    }
  }

  default_cache_behavior {
    target_origin_id       = "portal"
    viewer_protocol_policy = "redirect-to-https"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
  }

  ordered_cache_behavior {
    path_pattern           = "/news/*"
    target_origin_id       = "portal"
    viewer_protocol_policy = "allow-all"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    acm_certificate_arn      = "arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012"
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.2_2019"
  }
}

# Reported: the default certificate makes CloudFront accept TLS 1.0.
resource "aws_cloudfront_distribution" "assets" {
  enabled = true

  origin {
    domain_name = "assets.s3.ap-northeast-1.amazonaws.com"
    origin_id   = "assets"
  }

  default_cache_behavior {
    target_origin_id       = "assets"
    viewer_protocol_policy = "https-only"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
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

# Reported: TLS_1_0. Not reported: the REST default (TLS_1_2) and TLS_1_2 on
# an HTTP API.
resource "aws_api_gateway_domain_name" "legacy" {
  domain_name              = "legacy-api.example.lg.jp"
  regional_certificate_arn = local.cert_arn
  security_policy          = "TLS_1_0"
  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_domain_name" "api" {
  domain_name              = "api.example.lg.jp"
  regional_certificate_arn = local.cert_arn
  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_apigatewayv2_domain_name" "ws" {
  domain_name = "ws.example.lg.jp"
  domain_name_configuration {
    certificate_arn = local.cert_arn
    endpoint_type   = "REGIONAL"
    security_policy = "TLS_1_2"
  }
}

# Reported: HTTP allowed and the TLS 1.0 policy.
resource "aws_opensearch_domain" "search" {
  domain_name = "resident-search"
  domain_endpoint_options {
    enforce_https       = false
    tls_security_policy = "Policy-Min-TLS-1-0-2019-07"
  }
}

# Not reported: HTTPS with the PFS policy.
resource "aws_elasticsearch_domain" "logs" {
  domain_name = "portal-logs"
  domain_endpoint_options {
    enforce_https       = true
    tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10"
  }
}

# Reported: PostgreSQL 14 without rds.force_ssl; Aurora MySQL with
# require_secure_transport OFF. Not reported: PostgreSQL 16's default forces
# TLS; MySQL with require_secure_transport ON.
resource "aws_db_parameter_group" "residents" {
  name   = "residents-pg14"
  family = "postgres14"
  parameter {
    name  = "log_connections"
    value = "1"
  }
}

resource "aws_rds_cluster_parameter_group" "records" {
  name   = "records-aurora-mysql80"
  family = "aurora-mysql8.0"
  parameter {
    name  = "require_secure_transport"
    value = "OFF"
  }
}

resource "aws_db_parameter_group" "archive" {
  name   = "archive-pg16"
  family = "postgres16"
}

resource "aws_db_parameter_group" "app" {
  name   = "app-mysql80"
  family = "mysql8.0"
  parameter {
    name  = "require_secure_transport"
    value = "ON"
  }
}

# Not reported outside strict mode: a database on its default group.
resource "aws_db_instance" "app" {
  identifier     = "app"
  engine         = "mysql"
  engine_version = "8.0.39"
  instance_class = "db.t4g.medium"
}

# Reported: the default policy (TransferSecurityPolicy-2018-11) and FTP.
resource "aws_transfer_server" "exchange" {
  protocols   = ["FTP", "FTPS"]
  certificate = local.cert_arn
}

# Not reported.
resource "aws_transfer_server" "sftp" {
  protocols            = ["SFTP"]
  security_policy_name = "TransferSecurityPolicy-2024-01"
}
