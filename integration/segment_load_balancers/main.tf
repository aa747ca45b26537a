resource "aws_vpc" "mynumber" {
  cidr_block = "10.10.0.0/16"
}

resource "aws_subnet" "mynumber_a" {
  vpc_id            = aws_vpc.mynumber.id
  cidr_block        = "10.10.1.0/24"
  availability_zone = "ap-northeast-1a"
}

resource "aws_subnet" "mynumber_c" {
  vpc_id            = aws_vpc.mynumber.id
  cidr_block        = "10.10.2.0/24"
  availability_zone = "ap-northeast-1c"
}

# A shared network in no configured range: only its subnet's range is
# configured, and places the subnet.
resource "aws_vpc" "shared" {
  cidr_block = "10.21.0.0/16"
}

resource "aws_subnet" "lgwan" {
  vpc_id     = aws_vpc.shared.id
  cidr_block = "10.21.8.0/24"
}

resource "aws_vpc" "lgwan" {
  cidr_block = "10.20.0.0/16"
}

resource "aws_security_group" "lgwan" {
  vpc_id = aws_vpc.lgwan.id
}

# Bad: internal is absent, so the load balancer is internet-facing.
resource "aws_lb" "mynumber_portal" {
  name               = "mynumber-portal"
  load_balancer_type = "application"
  subnets            = [aws_subnet.mynumber_a.id, aws_subnet.mynumber_c.id]
}

# Bad: internal = false.
resource "aws_lb" "lgwan" {
  name               = "lgwan"
  load_balancer_type = "network"
  internal           = false

  subnet_mapping {
    subnet_id = aws_subnet.lgwan.id
  }
}

# Bad: placed by its security group only.
resource "aws_lb" "lgwan_by_group" {
  name            = "lgwan-by-group"
  security_groups = [aws_security_group.lgwan.id]
  internal        = false
}

# Good: an internal load balancer.
resource "aws_lb" "mynumber_internal" {
  name               = "mynumber-internal"
  load_balancer_type = "application"
  internal           = true
  subnets            = [aws_subnet.mynumber_a.id, aws_subnet.mynumber_c.id]
}

# Good: a Gateway Load Balancer has no scheme.
resource "aws_lb" "inspection" {
  name               = "inspection"
  load_balancer_type = "gateway"
  subnets            = [aws_subnet.mynumber_a.id]
}

# Good: an internet-facing load balancer of the internet segment.
resource "aws_vpc" "internet" {
  cidr_block = "10.30.0.0/16"
}

resource "aws_subnet" "internet" {
  vpc_id     = aws_vpc.internet.id
  cidr_block = "10.30.1.0/24"
}

resource "aws_lb" "internet" {
  name    = "public-site"
  subnets = [aws_subnet.internet.id]
}
