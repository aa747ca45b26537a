variable "cidr" {
  type = string
}

resource "aws_vpc" "this" {
  cidr_block = var.cidr
}

# Bad: an internet gateway in a network the caller's default tag places in
# the My Number segment.
resource "aws_internet_gateway" "this" {
  vpc_id = aws_vpc.this.id
}
