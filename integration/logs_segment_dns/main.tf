provider "aws" {
  region = "ap-northeast-1"
}

# The DMZ account's provider places every resource in the dmz segment.
provider "aws" {
  alias  = "dmz"
  region = "ap-northeast-1"
  default_tags {
    tags = { Segment = "dmz" }
  }
}

variable "shared_segment" {
  type = string
}

resource "aws_route53_resolver_query_log_config" "dns" {
  name            = "dns"
  destination_arn = "arn:aws:s3:::example-dns-logs"
}

# My Number segment without query logging (ERROR).
resource "aws_vpc" "mynumber" {
  cidr_block = "10.10.0.0/16"
  tags       = { Segment = "mynumber" }
}

# LGWAN segment with query logging: passes.
resource "aws_vpc" "lgwan" {
  cidr_block = "10.20.0.0/16"
  tags       = { Segment = "lgwan" }
}

resource "aws_route53_resolver_query_log_config_association" "lgwan" {
  resolver_query_log_config_id = aws_route53_resolver_query_log_config.dns.id
  resource_id                  = aws_vpc.lgwan.id
}

# Update DMZ by the provider's default_tags, without query logging (ERROR).
resource "aws_vpc" "relay" {
  provider   = aws.dmz
  cidr_block = "10.30.0.0/16"
}

# Internet segment without query logging (WARNING).
resource "aws_vpc" "internet" {
  cidr_block = "10.40.0.0/16"
  tags       = { Segment = "internet" }
}

# No segment, without query logging (WARNING, as before).
resource "aws_vpc" "tools" {
  cidr_block = "10.50.0.0/16"
}

# A segment from a variable without a value: WARNING, as before.
resource "aws_vpc" "shared" {
  cidr_block = "10.60.0.0/16"
  tags       = { Segment = var.shared_segment }
}

# A segment network without DNS support has no Resolver to log.
resource "aws_vpc" "isolated" {
  cidr_block         = "10.12.0.0/16"
  enable_dns_support = false
  tags               = { Segment = "mynumber" }
}
