# Values TFLint cannot know. Without strict mode nothing here is reported;
# with strict = true each blind spot that matters is a NOTICE.

provider "aws" {
  region = "ap-northeast-1"
}

variable "segment" {
  type = string # no default, no tfvars: unknown at lint time
}

variable "gw" {
  type = string
}

variable "n" {
  type = number
}

variable "public_ip" {
  type = bool
}

# A network whose segment cannot be known, with an internet gateway and a
# security rule open to the internet: whether that breaks the isolation
# depends on the segment.
resource "aws_vpc" "unknown" {
  cidr_block = "10.50.0.0/16"
  tags = {
    Segment = var.segment
  }
}

resource "aws_internet_gateway" "unknown" {
  vpc_id = aws_vpc.unknown.id
}

resource "aws_security_group" "unknown" {
  name   = "unknown"
  vpc_id = aws_vpc.unknown.id

  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_vpc" "mynumber" {
  cidr_block = "10.10.0.0/16"
  tags = {
    Segment = "mynumber"
  }
}

resource "aws_subnet" "mynumber" {
  vpc_id                  = aws_vpc.mynumber.id
  cidr_block              = "10.10.1.0/24"
  map_public_ip_on_launch = var.public_ip
}

# A default route whose target cannot be known.
resource "aws_route_table" "mynumber" {
  vpc_id = aws_vpc.mynumber.id

  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = var.gw
  }
}

# An internet gateway that may or may not be created.
resource "aws_internet_gateway" "maybe" {
  count  = var.n
  vpc_id = aws_vpc.mynumber.id
}

# Known and fine: no notice.
resource "aws_route_table" "mynumber_tgw" {
  vpc_id = aws_vpc.mynumber.id

  route {
    cidr_block         = "172.16.0.0/12"
    transit_gateway_id = "tgw-0123456789abcdef0"
  }
}
