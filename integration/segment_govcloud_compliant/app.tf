# The application: an internal load balancer reached from the My Number
# terminals, in front of application servers in both availability zones.

resource "aws_acm_certificate" "juki" {
  domain_name               = "juki.internal.example.lg.jp"
  certificate_authority_arn = "arn:aws:acm-pca:ap-northeast-1:111122223333:certificate-authority/12345678-1234-1234-1234-123456789012"
  key_algorithm             = "EC_prime256v1"
}

resource "aws_lb" "juki" {
  name               = "juki"
  load_balancer_type = "application"
  internal           = true
  subnets            = [for s in aws_subnet.app : s.id]
  security_groups    = [aws_security_group.alb.id]

  drop_invalid_header_fields = true
  enable_deletion_protection = true

  access_logs {
    bucket  = aws_s3_bucket.alb_logs.id
    prefix  = "juki"
    enabled = true
  }

  tags = local.segment
}

resource "aws_lb_target_group" "app" {
  name        = "juki-app"
  port        = 8443
  protocol    = "HTTPS"
  target_type = "instance"
  vpc_id      = aws_vpc.juki.id

  health_check {
    protocol = "HTTPS"
    path     = "/health"
  }
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.juki.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = aws_acm_certificate.juki.arn

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.app.arn
  }
}

resource "aws_lb_target_group_attachment" "app" {
  for_each         = aws_instance.app
  target_group_arn = aws_lb_target_group.app.arn
  target_id        = each.value.id
  port             = 8443
}

# Application servers, managed through Systems Manager over the endpoints.
data "aws_iam_policy_document" "ec2_trust" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "app" {
  name               = "juki-app"
  assume_role_policy = data.aws_iam_policy_document.ec2_trust.json
}

resource "aws_iam_role_policy_attachment" "app_ssm" {
  role       = aws_iam_role.app.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
}

resource "aws_iam_instance_profile" "app" {
  name = "juki-app"
  role = aws_iam_role.app.name
}

resource "aws_instance" "app" {
  for_each                    = local.azs
  ami                         = "ami-0123456789abcdef0"
  instance_type               = "m6i.large"
  subnet_id                   = aws_subnet.app[each.key].id
  vpc_security_group_ids      = [aws_security_group.app.id]
  associate_public_ip_address = false
  iam_instance_profile        = aws_iam_instance_profile.app.name
  disable_api_termination     = true

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
  }

  root_block_device {
    volume_size = 50
    encrypted   = true
    kms_key_id  = aws_kms_key.juki.arn
  }

  tags = merge(local.segment, { Name = "juki-app-${each.key}" })
}
