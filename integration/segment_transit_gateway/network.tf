resource "aws_vpc" "mynumber" {
  cidr_block = "10.10.0.0/16"
  tags = {
    Segment = "mynumber"
  }
}

resource "aws_subnet" "mynumber" {
  vpc_id     = aws_vpc.mynumber.id
  cidr_block = "10.10.1.0/24"
}

resource "aws_vpc" "lgwan" {
  cidr_block = "10.20.0.0/16"
  tags = {
    Segment = "lgwan"
  }
}

resource "aws_subnet" "lgwan" {
  vpc_id     = aws_vpc.lgwan.id
  cidr_block = "10.20.1.0/24"
}
