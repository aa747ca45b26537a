provider "aws" {
  region = "ap-northeast-1"
}

variable "subnet_id" {
  type = string
}

# The My Number network, by its configured address range.
resource "aws_vpc" "mynumber" {
  cidr_block = "10.10.0.0/16"
}

resource "aws_subnet" "app" {
  vpc_id     = aws_vpc.mynumber.id
  cidr_block = "10.10.1.0/24"
}

# Not set (ERROR, fixed by adding it).
resource "aws_instance" "app" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.medium"
  subnet_id     = aws_subnet.app.id
}

# Set to false (ERROR, fixed to true).
resource "aws_instance" "batch" {
  ami                     = "ami-0123456789abcdef0"
  instance_type           = "t3.medium"
  subnet_id               = aws_subnet.app.id
  disable_api_termination = false
}

# Launched from a template of the module that turns protection on: passes.
resource "aws_launch_template" "db" {
  image_id                = "ami-0123456789abcdef0"
  instance_type           = "t3.large"
  disable_api_termination = true
}

resource "aws_instance" "db" {
  subnet_id = aws_subnet.app.id

  launch_template {
    id = aws_launch_template.db.id
  }
}

# Internet segment: not checked.
resource "aws_subnet" "web" {
  vpc_id     = "vpc-0fedcba9876543210"
  cidr_block = "10.40.1.0/24"
  tags       = { Segment = "internet" }
}

resource "aws_instance" "web" {
  ami       = "ami-0123456789abcdef0"
  subnet_id = aws_subnet.web.id
}

# A subnet passed in as an ID: its segment cannot be decided, strict mode
# names it.
resource "aws_instance" "tools" {
  ami       = "ami-0123456789abcdef0"
  subnet_id = var.subnet_id
}

# The module's subnet is placed in the My Number segment by the segment
# passed in: reported at this argument.
module "reception" {
  source  = "./modules/server"
  segment = "mynumber"
}

# The module's protection is passed in: reported at that argument.
module "printing" {
  source  = "./modules/server"
  segment = "mynumber"
  protect = false
}
