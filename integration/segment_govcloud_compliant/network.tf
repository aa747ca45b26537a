resource "aws_vpc" "juki" {
  cidr_block           = local.vpc_cidr
  enable_dns_support   = true
  enable_dns_hostnames = true
  tags                 = merge(local.segment, { Name = "juki" })
}

resource "aws_subnet" "app" {
  for_each                = local.azs
  vpc_id                  = aws_vpc.juki.id
  availability_zone       = each.value.zone
  cidr_block              = each.value.app
  map_public_ip_on_launch = false
  tags                    = merge(local.segment, { Name = "juki-app-${each.key}" })
}

resource "aws_subnet" "db" {
  for_each                = local.azs
  vpc_id                  = aws_vpc.juki.id
  availability_zone       = each.value.zone
  cidr_block              = each.value.db
  map_public_ip_on_launch = false
  tags                    = merge(local.segment, { Name = "juki-db-${each.key}" })
}

# Every subnet's default route leads to the transit gateway, that is to
# on-premises over the dedicated lines; nothing leads to the internet.
resource "aws_route_table" "private" {
  vpc_id = aws_vpc.juki.id
  tags   = merge(local.segment, { Name = "juki-private" })

  route {
    cidr_block         = "0.0.0.0/0"
    transit_gateway_id = aws_ec2_transit_gateway.onprem.id
  }
}

resource "aws_route_table_association" "app" {
  for_each       = local.azs
  subnet_id      = aws_subnet.app[each.key].id
  route_table_id = aws_route_table.private.id
}

resource "aws_route_table_association" "db" {
  for_each       = local.azs
  subnet_id      = aws_subnet.db[each.key].id
  route_table_id = aws_route_table.private.id
}

# The VPC's main route table is the private one: a subnet added without an
# association cannot reach anything else.
resource "aws_main_route_table_association" "juki" {
  vpc_id         = aws_vpc.juki.id
  route_table_id = aws_route_table.private.id
}

# Nothing is allowed in the default security group.
resource "aws_default_security_group" "juki" {
  vpc_id = aws_vpc.juki.id
}
