resource "aws_vpc" "mynumber_juki" {
  cidr_block = "10.10.0.0/16"
  tags = {
    Segment = "mynumber"
  }
}

resource "aws_vpc" "mynumber_zeimu" {
  cidr_block = "10.11.0.0/16"
  tags = {
    Segment = "mynumber"
  }
}

resource "aws_vpc" "lgwan" {
  cidr_block = "10.20.0.0/16"
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

# Bad: the My Number and LGWAN networks peered.
resource "aws_vpc_peering_connection" "mynumber_lgwan" {
  vpc_id      = aws_vpc.mynumber_juki.id
  peer_vpc_id = aws_vpc.lgwan.id
  auto_accept = true
}

# Bad: the LGWAN and internet networks peered.
resource "aws_vpc_peering_connection" "lgwan_internet" {
  vpc_id      = aws_vpc.internet.id
  peer_vpc_id = aws_vpc.lgwan.id
  auto_accept = true
}

# Good: two networks of the same segment.
resource "aws_vpc_peering_connection" "mynumber" {
  vpc_id      = aws_vpc.mynumber_juki.id
  peer_vpc_id = aws_vpc.mynumber_zeimu.id
  auto_accept = true
}

# Good: neither the internet segment nor the update DMZ is a closed segment;
# 4.3.1.1 and 4.3.1.2 do not ask to separate them from each other (the DMZ's
# relay servers reach the internet by design, 4.3.1.3).
resource "aws_vpc" "dmz" {
  cidr_block = "10.40.0.0/16"
  tags = {
    Segment = "dmz"
  }
}

resource "aws_vpc_peering_connection" "internet_dmz" {
  vpc_id      = aws_vpc.internet.id
  peer_vpc_id = aws_vpc.dmz.id
  auto_accept = true
}
