resource "aws_vpc" "mynumber" {
  cidr_block = "10.10.0.0/16"
}

resource "aws_subnet" "mynumber" {
  vpc_id     = aws_vpc.mynumber.id
  cidr_block = "10.10.1.0/24"
}

resource "aws_ec2_transit_gateway" "onprem" {
  default_route_table_association = "disable"
  default_route_table_propagation = "disable"
}

# Reported by itself (a public NAT gateway in the segment), and by the route
# that uses it.
resource "aws_nat_gateway" "public" {
  subnet_id     = aws_subnet.mynumber.id
  allocation_id = "eipalloc-0123456789abcdef0"
}

resource "aws_nat_gateway" "private" {
  subnet_id         = aws_subnet.mynumber.id
  connectivity_type = "private"
}

resource "aws_route_table" "mynumber" {
  vpc_id = aws_vpc.mynumber.id

  # Bad: the default route through an internet gateway created outside this
  # configuration, named by its ID.
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = "igw-0123456789abcdef0"
  }

  # Bad: the IPv6 default route through an egress-only gateway, by ID.
  route {
    ipv6_cidr_block        = "::/0"
    egress_only_gateway_id = "eigw-0123456789abcdef0"
  }

  # Good: on-premises through the transit gateway (a dedicated line).
  route {
    cidr_block         = "172.16.0.0/12"
    transit_gateway_id = aws_ec2_transit_gateway.onprem.id
  }
}

resource "aws_route_table_association" "mynumber" {
  subnet_id      = aws_subnet.mynumber.id
  route_table_id = aws_route_table.mynumber.id
}

# Bad: a public range (not a default route) through the public NAT gateway.
resource "aws_route" "mynumber_public_range" {
  route_table_id         = aws_route_table.mynumber.id
  destination_cidr_block = "203.0.113.0/24"
  nat_gateway_id         = aws_nat_gateway.public.id
}

# Good: a private range through the private NAT gateway.
resource "aws_route" "mynumber_private_nat" {
  route_table_id         = aws_route_table.mynumber.id
  destination_cidr_block = "192.168.10.0/24"
  nat_gateway_id         = aws_nat_gateway.private.id
}

# Good: the default route through the transit gateway, to on-premises.
resource "aws_route" "mynumber_default" {
  route_table_id         = aws_route_table.mynumber.id
  destination_cidr_block = "0.0.0.0/0"
  transit_gateway_id     = aws_ec2_transit_gateway.onprem.id
}
