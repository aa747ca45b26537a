variable "segment" {
  type        = string
  description = "The guideline segment of the network: mynumber, lgwan, internet or dmz."
}

variable "cidr" {
  type    = string
  default = "10.10.0.0/16"
}

variable "public_ip" {
  type    = bool
  default = false
}

variable "internet_gateway" {
  type    = bool
  default = false
}

variable "allowed_cidrs" {
  type    = list(string)
  default = []
}

resource "aws_vpc" "this" {
  cidr_block = var.cidr
  tags = {
    Segment = var.segment
  }
}

resource "aws_subnet" "this" {
  vpc_id                  = aws_vpc.this.id
  cidr_block              = cidrsubnet(var.cidr, 8, 1)
  map_public_ip_on_launch = var.public_ip
}

resource "aws_internet_gateway" "this" {
  count  = var.internet_gateway ? 1 : 0
  vpc_id = aws_vpc.this.id
}

resource "aws_security_group" "this" {
  name   = "app"
  vpc_id = aws_vpc.this.id

  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = var.allowed_cidrs
  }
}

output "vpc_id" {
  value = aws_vpc.this.id
}
