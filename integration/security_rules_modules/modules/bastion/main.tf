variable "name" {
  type = string
}

variable "admin_cidrs" {
  type = list(string)
}

variable "egress_cidrs" {
  type = list(string)
}

resource "aws_security_group" "this" {
  name = var.name

  ingress {
    protocol    = "tcp"
    from_port   = 22
    to_port     = 22
    cidr_blocks = var.admin_cidrs
  }

  egress {
    protocol    = "-1"
    from_port   = 0
    to_port     = 0
    cidr_blocks = var.egress_cidrs
  }
}

resource "aws_network_acl_rule" "ssh" {
  network_acl_id = "acl-0123456789abcdef0"
  rule_number    = 100
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = var.admin_cidrs[0]
  from_port      = 22
  to_port        = 22
}
