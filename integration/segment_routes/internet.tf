# Good: the internet segment reaches the internet.
resource "aws_vpc" "internet" {
  provider   = aws.internet
  cidr_block = "10.30.0.0/16"
}

resource "aws_subnet" "internet" {
  provider   = aws.internet
  vpc_id     = aws_vpc.internet.id
  cidr_block = "10.30.1.0/24"
}

resource "aws_internet_gateway" "internet" {
  provider = aws.internet
  vpc_id   = aws_vpc.internet.id
}

resource "aws_nat_gateway" "internet" {
  provider      = aws.internet
  subnet_id     = aws_subnet.internet.id
  allocation_id = "eipalloc-0fedcba9876543210"
}

resource "aws_route_table" "internet" {
  provider = aws.internet
  vpc_id   = aws_vpc.internet.id

  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.internet.id
  }
}

resource "aws_route" "internet_nat" {
  provider               = aws.internet
  route_table_id         = aws_route_table.internet.id
  destination_cidr_block = "198.51.100.0/24"
  nat_gateway_id         = aws_nat_gateway.internet.id
}
