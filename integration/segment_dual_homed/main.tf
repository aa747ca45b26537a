resource "aws_vpc" "mynumber" {
  cidr_block = "10.10.0.0/16"
  tags = {
    Segment = "mynumber"
  }
}

resource "aws_subnet" "mynumber" {
  vpc_id            = aws_vpc.mynumber.id
  cidr_block        = "10.10.1.0/24"
  availability_zone = "ap-northeast-1a"
}

resource "aws_subnet" "mynumber_backup" {
  vpc_id            = aws_vpc.mynumber.id
  cidr_block        = "10.10.2.0/24"
  availability_zone = "ap-northeast-1a"
}

resource "aws_vpc" "lgwan" {
  cidr_block = "10.20.0.0/16"
  tags = {
    Segment = "lgwan"
  }
}

resource "aws_subnet" "lgwan" {
  vpc_id            = aws_vpc.lgwan.id
  cidr_block        = "10.20.1.0/24"
  availability_zone = "ap-northeast-1a"
}

resource "aws_network_interface" "lgwan" {
  subnet_id = aws_subnet.lgwan.id
}

resource "aws_network_interface" "mynumber_backup" {
  subnet_id = aws_subnet.mynumber_backup.id
}

# Bad: a My Number server with a second interface in the LGWAN segment.
resource "aws_instance" "renkei" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  subnet_id     = aws_subnet.mynumber.id
}

resource "aws_network_interface_attachment" "renkei_lgwan" {
  instance_id          = aws_instance.renkei.id
  network_interface_id = aws_network_interface.lgwan.id
  device_index         = 1
}

# Bad: the same with the interfaces written in the instance.
resource "aws_network_interface" "gateway_mynumber" {
  subnet_id = aws_subnet.mynumber.id
}

resource "aws_network_interface" "gateway_lgwan" {
  subnet_id = aws_subnet.lgwan.id
}

resource "aws_instance" "gateway" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  network_interface {
    network_interface_id = aws_network_interface.gateway_mynumber.id
    device_index         = 0
  }

  network_interface {
    network_interface_id = aws_network_interface.gateway_lgwan.id
    device_index         = 1
  }
}

# Good: a second interface in another subnet of the same segment.
resource "aws_instance" "juki" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  subnet_id     = aws_subnet.mynumber.id
}

resource "aws_network_interface_attachment" "juki_backup" {
  instance_id          = aws_instance.juki.id
  network_interface_id = aws_network_interface.mynumber_backup.id
  device_index         = 1
}
