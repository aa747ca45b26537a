# tflint --fix rewrites the literal flags that open a closed segment to the
# internet; it leaves values from variables and missing attributes alone.

variable "public" {
  type    = bool
  default = true
}

resource "aws_vpc" "mynumber" {
  cidr_block = "10.10.0.0/16"
  tags = {
    Segment = "mynumber"
  }
}

resource "aws_subnet" "app" {
  vpc_id                  = aws_vpc.mynumber.id
  cidr_block              = "10.10.1.0/24"
  map_public_ip_on_launch = false
}

resource "aws_subnet" "batch" {
  vpc_id                  = aws_vpc.mynumber.id
  cidr_block              = "10.10.2.0/24"
  map_public_ip_on_launch = var.public
}

resource "aws_instance" "app" {
  ami                         = "ami-0123456789abcdef0"
  instance_type               = "t3.micro"
  subnet_id                   = aws_subnet.app.id
  associate_public_ip_address = "false"
}

resource "aws_launch_template" "app" {
  image_id = "ami-0123456789abcdef0"

  network_interfaces {
    subnet_id                   = aws_subnet.app.id
    associate_public_ip_address = false
  }
}

resource "aws_lb" "app" {
  name     = "app"
  internal = true
  subnets  = [aws_subnet.app.id]
}

resource "aws_lb" "portal" {
  name    = "portal"
  subnets = [aws_subnet.app.id]
}

resource "aws_db_subnet_group" "db" {
  name       = "db"
  subnet_ids = [aws_subnet.app.id]
}

resource "aws_db_instance" "db" {
  identifier           = "db"
  engine               = "postgres"
  instance_class       = "db.t3.medium"
  db_subnet_group_name = aws_db_subnet_group.db.name
  publicly_accessible  = false
}
