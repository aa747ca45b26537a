# The system's network, closed to the internet: private subnets whose
# default route goes to the Government Cloud's transit gateway (a dedicated
# line to the municipality), security rules within the segment, and the
# traffic and DNS query logs kept as evidence.

variable "transit_gateway_id" {
  description = "The transit gateway of the dedicated line to on-premises, shared with this account."
  type        = string
}

resource "aws_vpc" "records" {
  cidr_block = "10.10.0.0/16"
}

resource "aws_subnet" "app" {
  vpc_id     = aws_vpc.records.id
  cidr_block = "10.10.1.0/24"
}

resource "aws_route_table" "app" {
  vpc_id = aws_vpc.records.id

  route {
    cidr_block         = "0.0.0.0/0"
    transit_gateway_id = var.transit_gateway_id
  }
}

resource "aws_route_table_association" "app" {
  subnet_id      = aws_subnet.app.id
  route_table_id = aws_route_table.app.id
}

resource "aws_security_group" "app" {
  name   = "resident-records-app"
  vpc_id = aws_vpc.records.id

  ingress {
    description = "HTTPS from the segment"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = [aws_vpc.records.cidr_block]
  }

  egress {
    description = "HTTPS within the segment (VPC endpoints)"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = [aws_vpc.records.cidr_block]
  }
}

resource "aws_cloudwatch_log_group" "network" {
  name              = "/resident-records/network"
  retention_in_days = 1827
  kms_key_id        = aws_kms_key.records.arn
}

resource "aws_flow_log" "records" {
  vpc_id          = aws_vpc.records.id
  traffic_type    = "ALL"
  log_destination = aws_cloudwatch_log_group.network.arn
  iam_role_arn    = var.flow_log_role_arn
}

variable "flow_log_role_arn" {
  description = "The role that lets VPC Flow Logs write to CloudWatch Logs."
  type        = string
}

resource "aws_route53_resolver_query_log_config" "records" {
  name            = "resident-records"
  destination_arn = aws_cloudwatch_log_group.network.arn
}

resource "aws_route53_resolver_query_log_config_association" "records" {
  resolver_query_log_config_id = aws_route53_resolver_query_log_config.records.id
  resource_id                  = aws_vpc.records.id
}
