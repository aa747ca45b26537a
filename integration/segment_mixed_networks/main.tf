# Bad: an untagged network holding subnets of two segments.
resource "aws_vpc" "shared" {
  cidr_block = "10.50.0.0/16"
}

resource "aws_subnet" "shared_mynumber" {
  vpc_id     = aws_vpc.shared.id
  cidr_block = "10.50.1.0/24"
  tags = {
    Segment = "mynumber"
  }
}

resource "aws_subnet" "shared_lgwan" {
  vpc_id     = aws_vpc.shared.id
  cidr_block = "10.50.2.0/24"
  tags = {
    Segment = "lgwan"
  }
}

# Bad: a subnet tagged LGWAN inside a My Number network.
resource "aws_vpc" "mynumber" {
  cidr_block = "10.10.0.0/16"
  tags = {
    Segment = "mynumber"
  }
}

resource "aws_subnet" "mynumber_app" {
  vpc_id     = aws_vpc.mynumber.id
  cidr_block = "10.10.1.0/24"
}

resource "aws_subnet" "mynumber_lgwan" {
  vpc_id     = aws_vpc.mynumber.id
  cidr_block = "10.10.9.0/24"
  tags = {
    Segment = "lgwan"
  }
}

# Bad: an instance tagged LGWAN in a My Number subnet.
resource "aws_instance" "lgwan_in_mynumber" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  subnet_id     = aws_subnet.mynumber_app.id
  tags = {
    Segment = "lgwan"
  }
}

# Good: an untagged network whose subnets are all of one segment.
resource "aws_vpc" "lgwan" {
  cidr_block = "10.20.0.0/16"
}

resource "aws_subnet" "lgwan_a" {
  vpc_id     = aws_vpc.lgwan.id
  cidr_block = "10.20.1.0/24"
  tags = {
    Segment = "lgwan"
  }
}

resource "aws_subnet" "lgwan_c" {
  vpc_id     = aws_vpc.lgwan.id
  cidr_block = "10.20.2.0/24"
  tags = {
    Segment = "lgwan"
  }
}

# Good: a subnet repeating its network's segment.
resource "aws_subnet" "mynumber_db" {
  vpc_id     = aws_vpc.mynumber.id
  cidr_block = "10.10.2.0/24"
  tags = {
    Segment = "mynumber"
  }
}

# Bad: a network tagged My Number whose range is configured as the LGWAN
# segment's.
resource "aws_vpc" "mislabelled" {
  cidr_block = "10.20.128.0/17"
  tags = {
    Segment = "mynumber"
  }
}
