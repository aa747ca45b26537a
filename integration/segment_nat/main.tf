# The segment comes from tags built with merge() and locals.

locals {
  common_tags = {
    Owner   = "joho-seisaku"
    Project = "kikan"
  }
  segment    = "mynumber"
  lgwan_tags = merge(local.common_tags, { Segment = "lgwan" })
  nat_type   = "private"
}

resource "aws_vpc" "mynumber" {
  cidr_block = "10.10.0.0/16"
  tags       = merge(local.common_tags, { Segment = local.segment, Name = "mynumber" })
}

resource "aws_subnet" "mynumber" {
  vpc_id     = aws_vpc.mynumber.id
  cidr_block = "10.10.1.0/24"
}

resource "aws_vpc" "lgwan" {
  cidr_block = "10.20.0.0/16"
  tags       = local.lgwan_tags
}

resource "aws_subnet" "lgwan" {
  vpc_id     = aws_vpc.lgwan.id
  cidr_block = "10.20.1.0/24"
}

# Bad: a NAT gateway is public unless connectivity_type says otherwise.
resource "aws_nat_gateway" "mynumber" {
  subnet_id     = aws_subnet.mynumber.id
  allocation_id = "eipalloc-0123456789abcdef0"
}

# Bad: connectivity_type = "public", written out.
resource "aws_nat_gateway" "lgwan" {
  subnet_id         = aws_subnet.lgwan.id
  connectivity_type = "public"
  allocation_id     = "eipalloc-0fedcba9876543210"
}

# Good: a private NAT gateway translates addresses without a way out to the
# internet.
resource "aws_nat_gateway" "mynumber_private" {
  subnet_id         = aws_subnet.mynumber.id
  connectivity_type = "private"
}

resource "aws_nat_gateway" "lgwan_private" {
  subnet_id         = aws_subnet.lgwan.id
  connectivity_type = local.nat_type
}

# Good: a public NAT gateway in the internet segment.
resource "aws_vpc" "internet" {
  cidr_block = "10.30.0.0/16"
  tags       = merge(local.common_tags, { Segment = "internet" })
}

resource "aws_subnet" "internet" {
  vpc_id     = aws_vpc.internet.id
  cidr_block = "10.30.1.0/24"
}

resource "aws_nat_gateway" "internet" {
  subnet_id     = aws_subnet.internet.id
  allocation_id = "eipalloc-0aaaabbbbccccdddd"
}
