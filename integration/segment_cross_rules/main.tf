# Security rules of the My Number segment that name the ranges or the
# security groups of the LGWAN segment, in the four forms.

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

resource "aws_security_group" "lgwan_app" {
  name   = "lgwan-app"
  vpc_id = aws_vpc.lgwan.id
}

resource "aws_security_group" "mynumber_db" {
  name   = "mynumber-db"
  vpc_id = aws_vpc.mynumber.id
}

resource "aws_security_group" "mynumber_app" {
  name   = "mynumber-app"
  vpc_id = aws_vpc.mynumber.id

  # Bad: the LGWAN network's range.
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.20.0.0/16"]
  }

  # Bad: the LGWAN segment's security group.
  ingress {
    from_port       = 443
    to_port         = 443
    protocol        = "tcp"
    security_groups = [aws_security_group.lgwan_app.id]
  }

  # Good: the segment's own range and group.
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.10.0.0/16"]
  }

  egress {
    from_port       = 5432
    to_port         = 5432
    protocol        = "tcp"
    security_groups = [aws_security_group.mynumber_db.id]
  }
}

# Bad: on-premises LGWAN terminals (a configured range).
resource "aws_security_group_rule" "mynumber_from_lgwan_terminals" {
  type              = "ingress"
  security_group_id = aws_security_group.mynumber_db.id
  from_port         = 5432
  to_port           = 5432
  protocol          = "tcp"
  cidr_blocks       = ["172.20.10.0/24"]
}

# Bad: the LGWAN group as source.
resource "aws_security_group_rule" "mynumber_from_lgwan_group" {
  type                     = "ingress"
  security_group_id        = aws_security_group.mynumber_db.id
  from_port                = 5432
  to_port                  = 5432
  protocol                 = "tcp"
  source_security_group_id = aws_security_group.lgwan_app.id
}

# Bad: aws_vpc_security_group_egress_rule to the LGWAN range, and
# aws_vpc_security_group_ingress_rule from the LGWAN group.
resource "aws_vpc_security_group_egress_rule" "mynumber_to_lgwan" {
  security_group_id = aws_security_group.mynumber_app.id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "10.20.0.0/16"
}

resource "aws_vpc_security_group_ingress_rule" "mynumber_from_lgwan" {
  security_group_id            = aws_security_group.mynumber_app.id
  ip_protocol                  = "tcp"
  from_port                    = 443
  to_port                      = 443
  referenced_security_group_id = aws_security_group.lgwan_app.id
}

# Good: the same resources within the segment.
resource "aws_security_group_rule" "db_from_app" {
  type                     = "ingress"
  security_group_id        = aws_security_group.mynumber_db.id
  from_port                = 5432
  to_port                  = 5432
  protocol                 = "tcp"
  source_security_group_id = aws_security_group.mynumber_app.id
}

resource "aws_vpc_security_group_ingress_rule" "app_from_terminals" {
  security_group_id = aws_security_group.mynumber_app.id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "10.10.0.0/16"
}
