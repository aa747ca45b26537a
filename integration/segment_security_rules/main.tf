# Security rules to or from the whole internet, in the four ways AWS code
# writes them. The groups inherit the segment of their network.

resource "aws_vpc" "mynumber" {
  cidr_block = "10.10.0.0/16"
  tags = {
    Segment = "mynumber"
  }
}

resource "aws_vpc" "lgwan" {
  cidr_block = "10.20.0.0/16"
  tags = {
    Segment = "lgwan"
  }
}

variable "admin_sources" {
  type    = list(string)
  default = ["0.0.0.0/0", "10.10.0.0/16"]
}

resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = aws_vpc.mynumber.id

  # Bad: HTTPS from anywhere.
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  # Bad: everything to anywhere over IPv6.
  egress {
    from_port        = 0
    to_port          = 0
    protocol         = "-1"
    ipv6_cidr_blocks = ["::/0"]
  }

  # Good: within the segment.
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["10.10.0.0/16"]
  }
}

# Bad: a dynamic block whose list (a variable default) holds 0.0.0.0/0.
resource "aws_security_group" "admin" {
  name   = "admin"
  vpc_id = aws_vpc.mynumber.id

  dynamic "ingress" {
    for_each = var.admin_sources
    content {
      from_port   = 22
      to_port     = 22
      protocol    = "tcp"
      cidr_blocks = [ingress.value]
    }
  }
}

resource "aws_security_group" "lgwan" {
  name   = "lgwan"
  vpc_id = aws_vpc.lgwan.id
}

# Bad: aws_security_group_rule.
resource "aws_security_group_rule" "lgwan_https" {
  type              = "ingress"
  security_group_id = aws_security_group.lgwan.id
  from_port         = 443
  to_port           = 443
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
}

# Bad: aws_vpc_security_group_egress_rule and _ingress_rule.
resource "aws_vpc_security_group_egress_rule" "lgwan_all" {
  security_group_id = aws_security_group.lgwan.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_ingress_rule" "lgwan_v6" {
  security_group_id = aws_security_group.lgwan.id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv6         = "::/0"
}

# Good: the same forms, limited to the segment's own range.
resource "aws_security_group_rule" "lgwan_internal" {
  type              = "ingress"
  security_group_id = aws_security_group.lgwan.id
  from_port         = 443
  to_port           = 443
  protocol          = "tcp"
  cidr_blocks       = ["10.20.0.0/16"]
}

resource "aws_vpc_security_group_egress_rule" "lgwan_internal" {
  security_group_id = aws_security_group.lgwan.id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "10.20.0.0/16"
}

# Good: the internet segment may allow the internet.
resource "aws_vpc" "internet" {
  cidr_block = "10.30.0.0/16"
  tags = {
    Segment = "internet"
  }
}

resource "aws_security_group" "web" {
  name   = "web"
  vpc_id = aws_vpc.internet.id

  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

# Bad: the default security group of the My Number network, open to the
# internet.
resource "aws_default_security_group" "mynumber" {
  vpc_id = aws_vpc.mynumber.id

  ingress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
