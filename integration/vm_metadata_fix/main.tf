# tflint --fix requires IMDSv2 where the code can be changed unambiguously:
# a literal is rewritten, a missing http_tokens or metadata_options block is
# added. A value from a local and a dynamic block are left as they are.

locals {
  legacy_tokens = "optional"
}

resource "aws_instance" "web" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "optional"
  }
}

resource "aws_instance" "batch" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  metadata_options {
    http_endpoint               = "enabled"
    http_put_response_hop_limit = 2
  }
}

resource "aws_instance" "single_line" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  metadata_options { http_endpoint = "enabled" }
}

resource "aws_launch_template" "app" {
  name_prefix   = "app-"
  instance_type = "t3.micro"

  tags = {
    Name = "app"
  }
}

resource "aws_launch_template" "empty" {}

resource "aws_instance" "from_local" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  metadata_options {
    http_tokens = local.legacy_tokens
  }
}

resource "aws_instance" "dynamic_none" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  dynamic "metadata_options" {
    for_each = []
    content {
      http_tokens = "required"
    }
  }
}
