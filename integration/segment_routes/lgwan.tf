resource "aws_vpc" "lgwan" {
  provider   = aws.lgwan
  cidr_block = "10.20.0.0/16"
}

resource "aws_egress_only_internet_gateway" "lgwan" {
  provider = aws.lgwan
  vpc_id   = aws_vpc.lgwan.id
}

# Bad: the main route table of the LGWAN network sends ::/0 to an
# egress-only gateway.
resource "aws_default_route_table" "lgwan" {
  provider               = aws.lgwan
  default_route_table_id = aws_vpc.lgwan.default_route_table_id

  route {
    ipv6_cidr_block        = "::/0"
    egress_only_gateway_id = aws_egress_only_internet_gateway.lgwan.id
  }

  # Good: a private range through a virtual private gateway.
  route {
    cidr_block = "192.168.0.0/16"
    gateway_id = aws_vpn_gateway.lgwan.id
  }
}

resource "aws_vpn_gateway" "lgwan" {
  provider = aws.lgwan
  vpc_id   = aws_vpc.lgwan.id
}
