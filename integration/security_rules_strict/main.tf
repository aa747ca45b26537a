# Values the plugin cannot know: with strict = true each blind spot is a
# NOTICE, never a finding.

variable "admin_cidrs" {
  type = list(string)
}

variable "port" {
  type = number
}

variable "egress_protocol" {
  type = string
}

variable "default_ingress" {
  type = list(any)
}

variable "deny_rule_no" {
  type = number
}

resource "aws_security_group" "app" {
  name = "app"

  # Notice: the sources of an SSH rule.
  ingress {
    protocol    = "tcp"
    from_port   = 22
    to_port     = 22
    cidr_blocks = var.admin_cidrs
  }

  # No notice: HTTPS from unknown sources opens no administration port.
  ingress {
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = var.admin_cidrs
  }

  # Notice: the protocol of a rule to the whole internet.
  egress {
    protocol    = var.egress_protocol
    from_port   = 0
    to_port     = 0
    cidr_blocks = ["0.0.0.0/0"]
  }
}

# Notice: the port of a rule from the whole internet.
resource "aws_vpc_security_group_ingress_rule" "app" {
  security_group_id = aws_security_group.app.id
  ip_protocol       = "tcp"
  from_port         = var.port
  to_port           = var.port
  cidr_ipv4         = "0.0.0.0/0"
}

# Notice: the rules of the default group.
resource "aws_default_security_group" "default" {
  vpc_id  = "vpc-0123456789abcdef0"
  ingress = var.default_ingress
}

# Notice: a deny entry whose rule number is unknown may close SSH.
resource "aws_network_acl" "app" {
  vpc_id = "vpc-0123456789abcdef0"

  ingress {
    rule_no    = var.deny_rule_no
    action     = "deny"
    protocol   = "tcp"
    from_port  = 22
    to_port    = 22
    cidr_block = "0.0.0.0/0"
  }

  ingress {
    rule_no    = 100
    action     = "allow"
    protocol   = "tcp"
    from_port  = 22
    to_port    = 22
    cidr_block = "0.0.0.0/0"
  }
}
