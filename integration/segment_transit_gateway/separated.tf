# Good: the transit gateway's default route table is off, and each segment
# has a route table of its own. Two resources below join the segments again.
resource "aws_ec2_transit_gateway" "separated" {
  description                     = "separated"
  default_route_table_association = "disable"
  default_route_table_propagation = "disable"
}

resource "aws_ec2_transit_gateway_vpc_attachment" "mynumber" {
  transit_gateway_id                              = aws_ec2_transit_gateway.separated.id
  vpc_id                                          = aws_vpc.mynumber.id
  subnet_ids                                      = [aws_subnet.mynumber.id]
  transit_gateway_default_route_table_association = false
  transit_gateway_default_route_table_propagation = false
}

resource "aws_ec2_transit_gateway_vpc_attachment" "lgwan" {
  transit_gateway_id                              = aws_ec2_transit_gateway.separated.id
  vpc_id                                          = aws_vpc.lgwan.id
  subnet_ids                                      = [aws_subnet.lgwan.id]
  transit_gateway_default_route_table_association = false
  transit_gateway_default_route_table_propagation = false
}

resource "aws_ec2_transit_gateway_route_table" "mynumber" {
  transit_gateway_id = aws_ec2_transit_gateway.separated.id
}

resource "aws_ec2_transit_gateway_route_table" "lgwan" {
  transit_gateway_id = aws_ec2_transit_gateway.separated.id
}

resource "aws_ec2_transit_gateway_route_table_association" "mynumber" {
  transit_gateway_attachment_id  = aws_ec2_transit_gateway_vpc_attachment.mynumber.id
  transit_gateway_route_table_id = aws_ec2_transit_gateway_route_table.mynumber.id
}

resource "aws_ec2_transit_gateway_route_table_propagation" "mynumber" {
  transit_gateway_attachment_id  = aws_ec2_transit_gateway_vpc_attachment.mynumber.id
  transit_gateway_route_table_id = aws_ec2_transit_gateway_route_table.mynumber.id
}

resource "aws_ec2_transit_gateway_route_table_association" "lgwan" {
  transit_gateway_attachment_id  = aws_ec2_transit_gateway_vpc_attachment.lgwan.id
  transit_gateway_route_table_id = aws_ec2_transit_gateway_route_table.lgwan.id
}

resource "aws_ec2_transit_gateway_route_table_propagation" "lgwan" {
  transit_gateway_attachment_id  = aws_ec2_transit_gateway_vpc_attachment.lgwan.id
  transit_gateway_route_table_id = aws_ec2_transit_gateway_route_table.lgwan.id
}

# Bad: the LGWAN attachment propagates its routes into the My Number route
# table.
resource "aws_ec2_transit_gateway_route_table_propagation" "lgwan_into_mynumber" {
  transit_gateway_attachment_id  = aws_ec2_transit_gateway_vpc_attachment.lgwan.id
  transit_gateway_route_table_id = aws_ec2_transit_gateway_route_table.mynumber.id
}

# Bad: a static route of the My Number route table to the LGWAN range.
resource "aws_ec2_transit_gateway_route" "mynumber_to_lgwan" {
  destination_cidr_block         = "10.20.0.0/16"
  transit_gateway_route_table_id = aws_ec2_transit_gateway_route_table.mynumber.id
  transit_gateway_attachment_id  = aws_ec2_transit_gateway_vpc_attachment.lgwan.id
}

# Good: a static route of the My Number route table to its own range, and a
# blackhole route of the LGWAN route table for the My Number range.
resource "aws_ec2_transit_gateway_route" "mynumber_own" {
  destination_cidr_block         = "10.10.0.0/16"
  transit_gateway_route_table_id = aws_ec2_transit_gateway_route_table.mynumber.id
  transit_gateway_attachment_id  = aws_ec2_transit_gateway_vpc_attachment.mynumber.id
}

resource "aws_ec2_transit_gateway_route" "lgwan_blackhole" {
  destination_cidr_block         = "10.10.0.0/16"
  transit_gateway_route_table_id = aws_ec2_transit_gateway_route_table.lgwan.id
  blackhole                      = true
}
