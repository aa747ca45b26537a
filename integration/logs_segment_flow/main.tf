provider "aws" {
  region = "ap-northeast-1"
}

# The LGWAN account's provider places every resource in the lgwan segment.
provider "aws" {
  alias  = "lgwan"
  region = "ap-northeast-1"
  default_tags {
    tags = { Segment = "lgwan" }
  }
}

locals {
  mynumber = { Segment = "mynumber" }
}

# My Number segment, by a tag from a local value: no flow log (ERROR).
resource "aws_vpc" "mynumber" {
  cidr_block = "10.10.0.0/16"
  tags       = local.mynumber
}

# LGWAN segment, by the provider's default_tags: a flow log of rejected
# traffic only (ERROR).
resource "aws_vpc" "lgwan" {
  provider   = aws.lgwan
  cidr_block = "10.20.0.0/16"
}

resource "aws_flow_log" "lgwan" {
  provider             = aws.lgwan
  vpc_id               = aws_vpc.lgwan.id
  traffic_type         = "REJECT"
  log_destination_type = "s3"
  log_destination      = "arn:aws:s3:::example-flow-logs/lgwan/"
}

# Update DMZ, by the configured address range: no flow log (ERROR).
resource "aws_vpc" "relay" {
  cidr_block = "10.30.0.0/16"
}

# Internet segment: no flow log (WARNING, as before).
resource "aws_vpc" "internet" {
  cidr_block = "10.40.0.0/16"
  tags       = { Segment = "internet" }
}

# No segment: no flow log (WARNING, as before).
resource "aws_vpc" "tools" {
  cidr_block = "10.50.0.0/16"
}

# My Number segment with a flow log of all traffic: passes.
resource "aws_vpc" "records" {
  cidr_block = "10.11.0.0/16"
  tags       = { Segment = "mynumber" }
}

resource "aws_flow_log" "records" {
  vpc_id               = aws_vpc.records.id
  traffic_type         = "ALL"
  log_destination_type = "s3"
  log_destination      = "arn:aws:s3:::example-flow-logs/records/"
}
