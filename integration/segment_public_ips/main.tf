resource "aws_vpc" "main" {
  cidr_block = "10.10.0.0/16"
  tags = {
    Segment = var.segment
  }
}

resource "aws_subnet" "app" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.10.1.0/24"
  # Bad: a literal true.
  map_public_ip_on_launch = true
}

resource "aws_subnet" "batch" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.10.2.0/24"
  # Bad: true from terraform.tfvars.
  map_public_ip_on_launch = var.public_ip
}

resource "aws_subnet" "db" {
  vpc_id                  = aws_vpc.main.id
  cidr_block              = "10.10.3.0/24"
  map_public_ip_on_launch = false
}

# Bad: a public IP on an instance placed by its subnet.
resource "aws_instance" "app" {
  ami                         = "ami-0123456789abcdef0"
  instance_type               = "t3.micro"
  subnet_id                   = aws_subnet.app.id
  associate_public_ip_address = true
}

# Good: no public IP of its own (but see aws_eip.db below).
resource "aws_instance" "db" {
  ami                         = "ami-0123456789abcdef0"
  instance_type               = "t3.micro"
  subnet_id                   = aws_subnet.db.id
  associate_public_ip_address = false
}

# Bad: an Elastic IP given to an instance of the segment.
resource "aws_eip" "db" {
  instance = aws_instance.db.id
  domain   = "vpc"
}

resource "aws_instance" "batch" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  subnet_id     = aws_subnet.db.id
}

# Bad: an Elastic IP associated with an instance of the segment.
resource "aws_eip_association" "batch" {
  instance_id   = aws_instance.batch.id
  allocation_id = "eipalloc-0123456789abcdef0"
}

# Bad: a launch template whose interface asks for a public IP.
resource "aws_launch_template" "app" {
  image_id      = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  network_interfaces {
    subnet_id                   = aws_subnet.db.id
    associate_public_ip_address = true
  }
}

# Good: the same template without a public IP.
resource "aws_launch_template" "batch" {
  image_id      = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  network_interfaces {
    subnet_id                   = aws_subnet.db.id
    associate_public_ip_address = false
  }
}
