variable "segment" {
  type = string
}

variable "protect" {
  type    = bool
  default = null
}

resource "aws_subnet" "this" {
  vpc_id     = "vpc-0123456789abcdef0"
  cidr_block = "10.20.1.0/24"
  tags       = { Segment = var.segment }
}

resource "aws_instance" "this" {
  ami                     = "ami-0123456789abcdef0"
  subnet_id               = aws_subnet.this.id
  disable_api_termination = var.protect
}
