# A vendor's template for a resident-records system: customer-managed keys
# that rotate and that only the account and its roles may use, certificates
# of sufficient strength, and TLS 1.2 or later on every endpoint. No rule of
# issue 5's key hygiene and transport reports anything, even in strict mode.
data "aws_caller_identity" "current" {}

data "aws_iam_policy_document" "records_key" {
  statement {
    sid       = "KeyAdministration"
    actions   = ["kms:*"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${data.aws_caller_identity.current.account_id}:root"]
    }
  }

  statement {
    sid       = "UseThroughRDS"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey", "kms:CreateGrant"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "kms:CallerAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["rds.ap-northeast-1.amazonaws.com"]
    }
  }
}

resource "aws_kms_key" "records" {
  description         = "Resident records"
  enable_key_rotation = true
  policy              = data.aws_iam_policy_document.records_key.json
}

resource "aws_kms_key" "documents" {
  description             = "Resident documents"
  enable_key_rotation     = true
  rotation_period_in_days = 180
}

resource "aws_kms_key" "signing" {
  description              = "Certificate of residence signing"
  customer_master_key_spec = "ECC_NIST_P256"
  key_usage                = "SIGN_VERIFY"
}

resource "aws_acm_certificate" "portal" {
  domain_name       = "portal.example.lg.jp"
  validation_method = "DNS"
}

resource "aws_lb" "portal" {
  name               = "portal"
  load_balancer_type = "application"
  internal           = true
  subnets            = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
}

resource "aws_lb_target_group" "portal" {
  name     = "portal"
  port     = 8080
  protocol = "HTTP"
  vpc_id   = "vpc-0123456789abcdef0"
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.portal.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = aws_acm_certificate.portal.arn

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.portal.arn
  }
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.portal.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type = "redirect"
    redirect {
      port        = "443"
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
  }
}

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
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }

  default_cache_behavior {
    target_origin_id       = "portal"
    viewer_protocol_policy = "redirect-to-https"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
  }

  restrictions {
    geo_restriction {
      restriction_type = "whitelist"
      locations        = ["JP"]
    }
  }

  viewer_certificate {
    acm_certificate_arn      = "arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012"
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.2_2021"
  }
}

resource "aws_api_gateway_domain_name" "api" {
  domain_name              = "api.example.lg.jp"
  regional_certificate_arn = aws_acm_certificate.portal.arn
  security_policy          = "TLS_1_2"
  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_opensearch_domain" "search" {
  domain_name = "resident-search"
  domain_endpoint_options {
    enforce_https       = true
    tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10"
  }
}

resource "aws_rds_cluster_parameter_group" "records" {
  name   = "records-aurora-mysql80"
  family = "aurora-mysql8.0"
  parameter {
    name  = "require_secure_transport"
    value = "ON"
  }
}

resource "aws_rds_cluster" "records" {
  cluster_identifier              = "records"
  engine                          = "aurora-mysql"
  engine_version                  = "8.0.mysql_aurora.3.05.2"
  db_cluster_parameter_group_name = aws_rds_cluster_parameter_group.records.name
  storage_encrypted               = true
  kms_key_id                      = aws_kms_key.records.arn
}

module "archive_db" {
  source = "./modules/db"
  name   = "resident-archive"
}

resource "aws_transfer_server" "exchange" {
  protocols              = ["SFTP"]
  identity_provider_type = "SERVICE_MANAGED"
  security_policy_name   = "TransferSecurityPolicy-2024-01"
}
