# Values the rules cannot know at lint time, named in strict mode.
variable "ssl_policy" {
  type = string
}

variable "key_policy" {
  type = string
}

variable "key_spec" {
  type = string
}

variable "family" {
  type = string
}

locals {
  # Known to TFLint: reported as usual.
  cloudfront_minimum = "TLSv1.1_2016"
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/app/portal/50dc6c495c0c9188"
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = var.ssl_policy
  certificate_arn   = "arn:aws:acm:ap-northeast-1:123456789012:certificate/12345678-1234-1234-1234-123456789012"

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:targetgroup/portal/73e2d6bc24d8a067"
  }
}

resource "aws_kms_key" "records" {
  description         = "Resident records"
  enable_key_rotation = true
  policy              = var.key_policy
}

resource "aws_kms_key" "signing" {
  customer_master_key_spec = var.key_spec
}

resource "aws_db_parameter_group" "custom" {
  family = var.family
}

# Named: databases on their engine's default parameter group.
resource "aws_db_instance" "app" {
  identifier     = "app"
  engine         = "mysql"
  engine_version = "8.0.39"
  instance_class = "db.t4g.medium"
}

resource "aws_db_instance" "legacy" {
  identifier     = "legacy"
  engine         = "postgres"
  engine_version = "14.12"
  instance_class = "db.t4g.medium"
}

resource "aws_rds_cluster" "records" {
  cluster_identifier = "records"
  engine             = "aurora-postgresql"
}

# Not named: PostgreSQL of the newest version forces TLS by default.
resource "aws_db_instance" "residents" {
  identifier     = "residents"
  engine         = "postgres"
  instance_class = "db.m6g.large"
}

# Named: a policy whose algorithms the table has not verified.
resource "aws_transfer_server" "exchange" {
  protocols            = ["SFTP"]
  security_policy_name = "TransferSecurityPolicy-Restricted-2018-11"
}

resource "aws_cloudfront_distribution" "portal" {
  enabled = true

  origin {
    domain_name = "app.example.lg.jp"
    origin_id   = "app"
  }

  default_cache_behavior {
    target_origin_id       = "app"
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
    acm_certificate_arn      = "arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012"
    ssl_support_method       = "sni-only"
    minimum_protocol_version = local.cloudfront_minimum
  }
}
