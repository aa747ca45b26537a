# A system of the My Number segment whose security rules open ports to the
# internet. In a closed segment every rule to or from the world is reported
# by lgcloud_aws_segment_internet_isolation alone; the rules on
# administration ports and unrestricted egress leave these groups to it.

resource "aws_vpc" "mynumber" {
  cidr_block = "10.10.0.0/16"
  tags = {
    Segment = "mynumber"
  }
}

locals {
  admin_ports = [22, 3389]
}

resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = aws_vpc.mynumber.id

  ingress {
    protocol    = "tcp"
    from_port   = 22
    to_port     = 22
    cidr_blocks = ["0.0.0.0/0"]
  }

  dynamic "ingress" {
    for_each = local.admin_ports
    content {
      protocol         = "tcp"
      from_port        = ingress.value
      to_port          = ingress.value
      ipv6_cidr_blocks = ["::/0"]
    }
  }

  egress {
    protocol    = "-1"
    from_port   = 0
    to_port     = 0
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group_rule" "telnet" {
  type              = "ingress"
  security_group_id = aws_security_group.app.id
  protocol          = "tcp"
  from_port         = 23
  to_port           = 23
  cidr_blocks       = ["0.0.0.0/0"]
}

resource "aws_vpc_security_group_ingress_rule" "all" {
  security_group_id = aws_security_group.app.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_egress_rule" "all_v6" {
  security_group_id = aws_security_group.app.id
  ip_protocol       = "-1"
  cidr_ipv6         = "::/0"
}

# Network ACLs are not in the segment model: the ACL rule reports them in
# every segment.
resource "aws_network_acl" "app" {
  vpc_id = aws_vpc.mynumber.id

  ingress {
    rule_no    = 100
    action     = "allow"
    protocol   = "tcp"
    from_port  = 3389
    to_port    = 3389
    cidr_block = "0.0.0.0/0"
  }
}
