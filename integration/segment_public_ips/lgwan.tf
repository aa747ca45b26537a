resource "aws_vpc" "lgwan" {
  cidr_block = "10.20.0.0/16"
  tags = {
    Segment = var.lgwan_segment
  }
}

resource "aws_subnet" "lgwan" {
  vpc_id     = aws_vpc.lgwan.id
  cidr_block = "10.20.1.0/24"
}

resource "aws_network_interface" "lgwan" {
  subnet_id = aws_subnet.lgwan.id
}

# Bad: an Elastic IP on an interface of the LGWAN segment.
resource "aws_eip" "lgwan" {
  network_interface = aws_network_interface.lgwan.id
  domain            = "vpc"
}

# Bad: a public IP through a launch template placed by its security group.
resource "aws_security_group" "lgwan" {
  vpc_id = aws_vpc.lgwan.id
}

resource "aws_launch_template" "lgwan" {
  image_id               = "ami-0123456789abcdef0"
  vpc_security_group_ids = [aws_security_group.lgwan.id]

  network_interfaces {
    associate_public_ip_address = true
  }
}

# Bad: an Elastic IP on a server placed in the LGWAN segment by its
# network_interface block only (aws_eip reads network_interface as an
# argument, aws_instance as blocks: both are read in one request).
resource "aws_network_interface" "lgwan_server" {
  subnet_id = aws_subnet.lgwan.id
}

resource "aws_instance" "lgwan_server" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  network_interface {
    network_interface_id = aws_network_interface.lgwan_server.id
    device_index         = 0
  }
}

resource "aws_eip" "lgwan_server" {
  instance = aws_instance.lgwan_server.id
  domain   = "vpc"
}
