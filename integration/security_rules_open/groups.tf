# Security rules in the four ways AWS code writes them.

locals {
  everywhere = ["0.0.0.0/0"]

  web_ports = [
    { port = 443, cidrs = ["0.0.0.0/0"] },
    { port = 3389, cidrs = ["0.0.0.0/0"] },
    { port = 22, cidrs = ["10.30.0.0/16"] },
  ]
}

resource "aws_security_group" "web" {
  name   = "web"
  vpc_id = aws_vpc.web.id

  # Bad: SSH from anywhere, written through a local.
  ingress {
    protocol    = "tcp"
    from_port   = 22
    to_port     = 22
    cidr_blocks = local.everywhere
  }

  # Bad for 3389 only: HTTPS and SSH from the VPC pass.
  dynamic "ingress" {
    for_each = local.web_ports
    content {
      protocol    = "tcp"
      from_port   = ingress.value.port
      to_port     = ingress.value.port
      cidr_blocks = ingress.value.cidrs
    }
  }

  # Bad: everything out.
  egress {
    protocol    = "-1"
    from_port   = 0
    to_port     = 0
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "batch" {
  count  = 2
  name   = "batch-${count.index}"
  vpc_id = aws_vpc.web.id

  # Bad: every UDP port out, reported once for both instances.
  dynamic "egress" {
    for_each = ["0.0.0.0/0"]
    content {
      protocol    = "udp"
      from_port   = 0
      to_port     = 65535
      cidr_blocks = [egress.value]
    }
  }
}

# Bad: Telnet from anywhere.
resource "aws_security_group_rule" "telnet" {
  type              = "ingress"
  security_group_id = aws_security_group.web.id
  protocol          = "tcp"
  from_port         = 23
  to_port           = 23
  cidr_blocks       = ["0.0.0.0/0"]
}

# Bad: every TCP port out.
resource "aws_security_group_rule" "all_tcp_out" {
  type              = "egress"
  security_group_id = aws_security_group.web.id
  protocol          = "tcp"
  from_port         = 0
  to_port           = 65535
  cidr_blocks       = ["0.0.0.0/0"]
}

# Bad: everything in over IPv6.
resource "aws_vpc_security_group_ingress_rule" "all_v6" {
  security_group_id = aws_security_group.web.id
  ip_protocol       = "-1"
  cidr_ipv6         = "::/0"
}

# Good: HTTPS in.
resource "aws_vpc_security_group_ingress_rule" "https" {
  security_group_id = aws_security_group.web.id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}

# The relay server of the DMZ.
resource "aws_security_group" "relay" {
  name   = "update-relay"
  vpc_id = aws_vpc.dmz.id
}

# Bad: everything out of the DMZ.
resource "aws_vpc_security_group_egress_rule" "relay_all" {
  security_group_id = aws_security_group.relay.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
}

# A compliant relay: HTTPS out only.
resource "aws_security_group" "relay_ok" {
  name   = "update-relay-ok"
  vpc_id = aws_vpc.dmz.id

  egress {
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_vpc_security_group_egress_rule" "relay_ok_https_v6" {
  security_group_id = aws_security_group.relay_ok.id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv6         = "::/0"
}
