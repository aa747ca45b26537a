resource "aws_vpc" "juki" {
  cidr_block = "10.10.0.0/16"
  tags = {
    Zone = "Kojin-Bango"
  }
}

resource "aws_subnet" "juki" {
  vpc_id     = aws_vpc.juki.id
  cidr_block = "10.10.1.0/24"
}

resource "aws_vpc" "groupware" {
  cidr_block = "10.20.0.0/16"
  tags = {
    Zone = "sogo-gyosei"
  }
}

# Not a segment: the key is Zone, not Segment.
resource "aws_vpc" "sandbox" {
  cidr_block = "10.90.0.0/16"
  tags = {
    Segment = "mynumber"
  }
}

# Bad: internet-facing load balancer of the My Number segment.
resource "aws_lb" "juki" {
  name     = "juki"
  internal = false
  subnets  = [aws_subnet.juki.id]
}

# Bad: the two segments peered.
resource "aws_vpc_peering_connection" "juki_groupware" {
  vpc_id      = aws_vpc.juki.id
  peer_vpc_id = aws_vpc.groupware.id
}

# Good: the sandbox is in no segment.
resource "aws_internet_gateway" "sandbox" {
  vpc_id = aws_vpc.sandbox.id
}
