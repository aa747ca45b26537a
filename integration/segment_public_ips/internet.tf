# Good: public IPs in the internet segment.
resource "aws_vpc" "internet" {
  cidr_block = "10.30.0.0/16"
  tags = {
    Segment = "internet"
  }
}

resource "aws_subnet" "internet" {
  vpc_id                  = aws_vpc.internet.id
  cidr_block              = "10.30.1.0/24"
  map_public_ip_on_launch = true
}

resource "aws_instance" "proxy" {
  ami                         = "ami-0123456789abcdef0"
  instance_type               = "t3.micro"
  subnet_id                   = aws_subnet.internet.id
  associate_public_ip_address = true
}

resource "aws_eip" "proxy" {
  instance = aws_instance.proxy.id
  domain   = "vpc"
}
