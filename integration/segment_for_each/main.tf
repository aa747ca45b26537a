# One resource, one instance per segment (for_each over the segments). A
# reference to one instance (aws_vpc.this[each.key], aws_vpc.this["lgwan"])
# is followed to that instance: the internet gateway of the My Number
# network is reported, and nothing is said of the LGWAN one, which has
# none. Instances of one segment are placed as usual.

provider "aws" {
  region = "ap-northeast-1"
}

locals {
  networks = {
    mynumber = "10.10.0.0/16"
    lgwan    = "10.20.0.0/16"
  }
}

resource "aws_vpc" "this" {
  for_each   = local.networks
  cidr_block = each.value
  tags = {
    Segment = each.key
  }
}

resource "aws_internet_gateway" "this" {
  for_each = { mynumber = "10.10.0.0/16" }
  vpc_id   = aws_vpc.this[each.key].id
}

# Every instance in the My Number segment: placed, and reported.
resource "aws_vpc" "juki" {
  for_each   = toset(["a", "b"])
  cidr_block = each.key == "a" ? "10.11.0.0/16" : "10.12.0.0/16"
  tags = {
    Segment = "mynumber"
  }
}

resource "aws_subnet" "juki" {
  for_each                = { a = "10.11.1.0/24", b = "10.12.1.0/24" }
  vpc_id                  = aws_vpc.juki[each.key].id
  cidr_block              = each.value
  map_public_ip_on_launch = true
}

# for_each over another resource cannot be expanded at lint time, and
# each.value is not a reference the plugin follows: which network the
# gateways are in is a blind spot.
resource "aws_egress_only_internet_gateway" "juki" {
  for_each = aws_vpc.juki
  vpc_id   = each.value.id
}

# count: an instance is named by its index. The gateway of the internet
# instance is allowed; the egress-only gateway of the My Number instance is
# reported.
resource "aws_vpc" "pair" {
  count      = 2
  cidr_block = "10.4${count.index}.0.0/16"
  tags = {
    Segment = count.index == 0 ? "mynumber" : "internet"
  }
}

resource "aws_internet_gateway" "pair" {
  vpc_id = aws_vpc.pair[1].id
}

resource "aws_egress_only_internet_gateway" "pair" {
  vpc_id = aws_vpc.pair[0].id
}

# A peering of the two instances joins the segments.
resource "aws_vpc_peering_connection" "pair" {
  vpc_id      = aws_vpc.pair[0].id
  peer_vpc_id = aws_vpc.pair[1].id
}
