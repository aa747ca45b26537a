# The dedicated lines to on-premises: Direct Connect through a Direct Connect
# gateway, and a site-to-site VPN as the backup, both on the transit
# gateway. The segment has a transit gateway route table of its own.

resource "aws_ec2_transit_gateway" "onprem" {
  description                     = "juki to on-premises"
  amazon_side_asn                 = 64512
  default_route_table_association = "disable"
  default_route_table_propagation = "disable"
  dns_support                     = "enable"
  tags                            = merge(local.segment, { Name = "juki-onprem" })
}

resource "aws_ec2_transit_gateway_vpc_attachment" "juki" {
  transit_gateway_id                              = aws_ec2_transit_gateway.onprem.id
  vpc_id                                          = aws_vpc.juki.id
  subnet_ids                                      = [for s in aws_subnet.app : s.id]
  transit_gateway_default_route_table_association = false
  transit_gateway_default_route_table_propagation = false
  tags                                            = local.segment
}

resource "aws_ec2_transit_gateway_route_table" "mynumber" {
  transit_gateway_id = aws_ec2_transit_gateway.onprem.id
  tags               = merge(local.segment, { Name = "mynumber" })
}

resource "aws_ec2_transit_gateway_route_table_association" "juki" {
  transit_gateway_attachment_id  = aws_ec2_transit_gateway_vpc_attachment.juki.id
  transit_gateway_route_table_id = aws_ec2_transit_gateway_route_table.mynumber.id
}

resource "aws_ec2_transit_gateway_route_table_propagation" "juki" {
  transit_gateway_attachment_id  = aws_ec2_transit_gateway_vpc_attachment.juki.id
  transit_gateway_route_table_id = aws_ec2_transit_gateway_route_table.mynumber.id
}

# Direct Connect.
resource "aws_dx_gateway" "onprem" {
  name            = "juki-onprem"
  amazon_side_asn = "64513"
}

resource "aws_dx_gateway_association" "onprem" {
  dx_gateway_id         = aws_dx_gateway.onprem.id
  associated_gateway_id = aws_ec2_transit_gateway.onprem.id
  allowed_prefixes      = [local.vpc_cidr]
}

data "aws_ec2_transit_gateway_dx_gateway_attachment" "onprem" {
  transit_gateway_id = aws_ec2_transit_gateway.onprem.id
  dx_gateway_id      = aws_dx_gateway.onprem.id
  depends_on         = [aws_dx_gateway_association.onprem]
}

resource "aws_ec2_transit_gateway_route_table_association" "dx" {
  transit_gateway_attachment_id  = data.aws_ec2_transit_gateway_dx_gateway_attachment.onprem.id
  transit_gateway_route_table_id = aws_ec2_transit_gateway_route_table.mynumber.id
}

resource "aws_ec2_transit_gateway_route" "terminals_dx" {
  destination_cidr_block         = local.terminals_cidr
  transit_gateway_route_table_id = aws_ec2_transit_gateway_route_table.mynumber.id
  transit_gateway_attachment_id  = data.aws_ec2_transit_gateway_dx_gateway_attachment.onprem.id
}

# The backup line: a site-to-site VPN on the transit gateway.
resource "aws_customer_gateway" "onprem" {
  bgp_asn    = 65000
  ip_address = "198.51.100.10"
  type       = "ipsec.1"
  tags       = merge(local.segment, { Name = "juki-onprem" })
}

resource "aws_vpn_connection" "onprem" {
  customer_gateway_id = aws_customer_gateway.onprem.id
  transit_gateway_id  = aws_ec2_transit_gateway.onprem.id
  type                = "ipsec.1"
  tags                = merge(local.segment, { Name = "juki-onprem-backup" })
}

resource "aws_ec2_transit_gateway_route_table_propagation" "vpn" {
  transit_gateway_attachment_id  = aws_vpn_connection.onprem.transit_gateway_attachment_id
  transit_gateway_route_table_id = aws_ec2_transit_gateway_route_table.mynumber.id
}
