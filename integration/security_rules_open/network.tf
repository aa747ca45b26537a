# A web system in the internet segment and the update relay of the DMZ.

resource "aws_vpc" "web" {
  cidr_block = "10.30.0.0/16"
  tags = {
    Segment = "internet"
  }
}

resource "aws_vpc" "dmz" {
  cidr_block = "10.40.0.0/16"
  tags = {
    Segment = "dmz"
  }
}

# Bad: the default group keeps rules.
resource "aws_default_security_group" "web" {
  vpc_id = aws_vpc.web.id

  ingress {
    protocol  = -1
    self      = true
    from_port = 0
    to_port   = 0
  }

  egress {
    protocol    = "-1"
    from_port   = 0
    to_port     = 0
    cidr_blocks = ["0.0.0.0/0"]
  }
}

# Good: the default group of the DMZ allows nothing.
resource "aws_default_security_group" "dmz" {
  vpc_id = aws_vpc.dmz.id
}

resource "aws_network_acl" "web" {
  vpc_id = aws_vpc.web.id

  # Bad: SSH from anywhere.
  ingress {
    rule_no    = 100
    action     = "allow"
    protocol   = "tcp"
    from_port  = 22
    to_port    = 22
    cidr_block = "0.0.0.0/0"
  }

  # Good: RDP is denied before the ephemeral range below.
  ingress {
    rule_no    = 190
    action     = "deny"
    protocol   = "tcp"
    from_port  = 3389
    to_port    = 3389
    cidr_block = "0.0.0.0/0"
  }

  # Bad: WinRM is still open in the ephemeral range.
  ingress {
    rule_no    = 200
    action     = "allow"
    protocol   = "tcp"
    from_port  = 1024
    to_port    = 65535
    cidr_block = "0.0.0.0/0"
  }
}

resource "aws_network_acl" "dmz" {
  vpc_id = aws_vpc.dmz.id
}

# Bad: everything in over IPv6.
resource "aws_network_acl_rule" "dmz_all_in" {
  network_acl_id  = aws_network_acl.dmz.id
  rule_number     = 100
  protocol        = "-1"
  rule_action     = "allow"
  ipv6_cidr_block = "::/0"
}

# Good: outbound HTTPS.
resource "aws_network_acl_rule" "dmz_https_out" {
  network_acl_id = aws_network_acl.dmz.id
  rule_number    = 100
  egress         = true
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
  from_port      = 443
  to_port        = 443
}
