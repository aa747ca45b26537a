# Only the networks carry a Segment tag; subnets, subnet groups, security
# groups, clusters and databases inherit it through their references.

resource "aws_vpc" "mynumber" {
  cidr_block = "10.10.0.0/16"
  tags = {
    Segment = "mynumber"
  }
}

resource "aws_subnet" "mynumber" {
  count             = 2
  vpc_id            = aws_vpc.mynumber.id
  cidr_block        = cidrsubnet(aws_vpc.mynumber.cidr_block, 8, count.index)
  availability_zone = ["ap-northeast-1a", "ap-northeast-1c"][count.index]
}

resource "aws_db_subnet_group" "mynumber" {
  name       = "mynumber"
  subnet_ids = aws_subnet.mynumber[*].id
}

resource "aws_redshift_subnet_group" "mynumber" {
  name       = "mynumber"
  subnet_ids = aws_subnet.mynumber[*].id
}

resource "aws_vpc" "lgwan" {
  cidr_block = "10.20.0.0/16"
  tags = {
    Segment = "lgwan"
  }
}

resource "aws_security_group" "lgwan_db" {
  name   = "lgwan-db"
  vpc_id = aws_vpc.lgwan.id
}

resource "aws_vpc" "internet" {
  cidr_block = "10.30.0.0/16"
  tags = {
    Segment = "internet"
  }
}

resource "aws_subnet" "internet" {
  count      = 2
  vpc_id     = aws_vpc.internet.id
  cidr_block = cidrsubnet(aws_vpc.internet.cidr_block, 8, count.index)
}

resource "aws_db_subnet_group" "internet" {
  name       = "internet"
  subnet_ids = aws_subnet.internet[*].id
}
