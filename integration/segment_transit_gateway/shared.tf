# Bad: one transit gateway whose default route table joins the attachments
# of both segments (association and propagation default to "enable").
resource "aws_ec2_transit_gateway" "shared" {
  description = "shared"
}

resource "aws_ec2_transit_gateway_vpc_attachment" "shared_mynumber" {
  transit_gateway_id = aws_ec2_transit_gateway.shared.id
  vpc_id             = aws_vpc.mynumber.id
  subnet_ids         = [aws_subnet.mynumber.id]
}

resource "aws_ec2_transit_gateway_vpc_attachment" "shared_lgwan" {
  transit_gateway_id = aws_ec2_transit_gateway.shared.id
  vpc_id             = aws_vpc.lgwan.id
  subnet_ids         = [aws_subnet.lgwan.id]
}
