# AWS services are reached through VPC endpoints, never through the
# internet.

resource "aws_security_group" "endpoints" {
  name        = "juki-endpoints"
  description = "VPC interface endpoints"
  vpc_id      = aws_vpc.juki.id
  tags        = local.segment
}

resource "aws_vpc_security_group_ingress_rule" "endpoints_https" {
  security_group_id = aws_security_group.endpoints.id
  description       = "HTTPS from the VPC"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = local.vpc_cidr
}

resource "aws_vpc_endpoint" "interface" {
  for_each            = toset(["ssm", "ssmmessages", "ec2messages", "logs", "kms", "monitoring", "secretsmanager"])
  vpc_id              = aws_vpc.juki.id
  service_name        = "com.amazonaws.${local.region}.${each.key}"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  subnet_ids          = [for s in aws_subnet.app : s.id]
  security_group_ids  = [aws_security_group.endpoints.id]
  tags                = merge(local.segment, { Name = "juki-${each.key}" })
}

resource "aws_vpc_endpoint" "s3" {
  vpc_id            = aws_vpc.juki.id
  service_name      = "com.amazonaws.${local.region}.s3"
  vpc_endpoint_type = "Gateway"
  route_table_ids   = [aws_route_table.private.id]
  tags              = merge(local.segment, { Name = "juki-s3" })
}
