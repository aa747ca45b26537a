# The system's network, opened to the internet: a gateway, a public subnet,
# a default route out and a security rule for the whole world. The My
# Number segment must not be able to connect to the internet.

resource "aws_vpc" "records" {
  cidr_block = "10.10.0.0/16"
}

resource "aws_subnet" "app" {
  vpc_id                  = aws_vpc.records.id
  cidr_block              = "10.10.1.0/24"
  map_public_ip_on_launch = true
}

resource "aws_internet_gateway" "records" {
  vpc_id = aws_vpc.records.id
}

resource "aws_route_table" "app" {
  vpc_id = aws_vpc.records.id

  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.records.id
  }
}

resource "aws_route_table_association" "app" {
  subnet_id      = aws_subnet.app.id
  route_table_id = aws_route_table.app.id
}

resource "aws_security_group" "app" {
  name   = "resident-records-app"
  vpc_id = aws_vpc.records.id

  ingress {
    description = "HTTPS from anywhere"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
