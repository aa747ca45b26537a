# Gateways to the internet in networks of the closed segments, each network
# placed by its own Segment tag.

resource "aws_vpc" "mynumber" {
  cidr_block = "10.10.0.0/16"
  tags = {
    Name    = "mynumber"
    Segment = "mynumber"
  }
}

resource "aws_vpc" "lgwan" {
  cidr_block                       = "10.20.0.0/16"
  assign_generated_ipv6_cidr_block = true
  tags = {
    Segment = "LGWAN" # tag values match case-insensitively
  }
}

resource "aws_vpc" "lgwan_shared" {
  cidr_block = "10.21.0.0/16"
  tags = {
    Segment = "lgwan"
  }
}

resource "aws_vpc" "internet" {
  cidr_block = "10.30.0.0/16"
  tags = {
    Segment = "internet"
  }
}

resource "aws_vpc" "untagged" {
  cidr_block = "10.40.0.0/16"
}

# Bad: an internet gateway in the My Number network.
resource "aws_internet_gateway" "mynumber" {
  vpc_id = aws_vpc.mynumber.id
}

# Bad: an egress-only internet gateway in the LGWAN network.
resource "aws_egress_only_internet_gateway" "lgwan" {
  vpc_id = aws_vpc.lgwan.id
}

# Bad: a detached gateway attached to an LGWAN network.
resource "aws_internet_gateway" "detached" {}

resource "aws_internet_gateway_attachment" "lgwan_shared" {
  internet_gateway_id = aws_internet_gateway.detached.id
  vpc_id              = aws_vpc.lgwan_shared.id
}

# Good: the internet segment and a network in no segment may have one.
resource "aws_internet_gateway" "internet" {
  vpc_id = aws_vpc.internet.id
}

resource "aws_egress_only_internet_gateway" "untagged" {
  vpc_id = aws_vpc.untagged.id
}

# Good: a virtual private gateway is a dedicated line to on-premises.
resource "aws_vpn_gateway" "mynumber" {
  vpc_id = aws_vpc.mynumber.id
}
