# Routes of a My Number network that lead to the ranges of other segments.
# A segment's ranges are those of its networks and subnets (cidr_block), and
# those configured in the plugin block.

resource "aws_vpc" "mynumber" {
  cidr_block = "10.10.0.0/16"
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

resource "aws_subnet" "lgwan_app" {
  vpc_id     = aws_vpc.lgwan.id
  cidr_block = "10.20.5.0/24"
}

resource "aws_vpc" "internet" {
  cidr_block = "10.30.0.0/16"
  tags = {
    Segment = "internet"
  }
}

resource "aws_ec2_transit_gateway" "onprem" {
  default_route_table_association = "disable"
  default_route_table_propagation = "disable"
}

resource "aws_route_table" "mynumber" {
  vpc_id = aws_vpc.mynumber.id

  # Bad: the LGWAN network's range.
  route {
    cidr_block         = "10.20.0.0/16"
    transit_gateway_id = aws_ec2_transit_gateway.onprem.id
  }

  # Good: on-premises My Number terminals.
  route {
    cidr_block         = "192.168.10.0/24"
    transit_gateway_id = aws_ec2_transit_gateway.onprem.id
  }
}

# Bad: one subnet of the LGWAN network (a narrower range than the network's).
resource "aws_route" "mynumber_to_lgwan_app" {
  route_table_id         = aws_route_table.mynumber.id
  destination_cidr_block = "10.20.5.128/25"
  transit_gateway_id     = aws_ec2_transit_gateway.onprem.id
}

# Bad: the internet segment's network.
resource "aws_route" "mynumber_to_internet" {
  route_table_id         = aws_route_table.mynumber.id
  destination_cidr_block = "10.30.0.0/16"
  transit_gateway_id     = aws_ec2_transit_gateway.onprem.id
}

# Good: a wider range that holds other segments is not named as theirs (the
# transit gateway's route table decides what it reaches).
resource "aws_route" "mynumber_to_all_private" {
  route_table_id         = aws_route_table.mynumber.id
  destination_cidr_block = "10.0.0.0/8"
  transit_gateway_id     = aws_ec2_transit_gateway.onprem.id
}

# Good: the LGWAN network reaches on-premises through the transit gateway.
resource "aws_route_table" "lgwan" {
  vpc_id = aws_vpc.lgwan.id

  route {
    cidr_block         = "172.16.0.0/12"
    transit_gateway_id = aws_ec2_transit_gateway.onprem.id
  }
}
