locals {
  legacy_tokens = "optional"
}

variable "metadata" {
  type = list(object({ tokens = string }))
  default = [
    { tokens = "optional" },
  ]
}

# Two instances, one finding at the value. (A literal under count or for_each
# reaches the plugin as a bound value, which the fix does not rewrite.)
resource "aws_instance" "counted" {
  count         = 2
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  metadata_options {
    http_tokens = "optional"
  }
}

# Reported at the reference to the local; not fixable.
resource "aws_instance" "from_local" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  metadata_options {
    http_tokens = local.legacy_tokens
  }
}

# TFLint expands the dynamic block: reported at the expression in content.
resource "aws_instance" "dynamic" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  dynamic "metadata_options" {
    for_each = var.metadata
    content {
      http_tokens = metadata_options.value.tokens
    }
  }
}

# A dynamic block whose content requires IMDSv2 passes.
resource "aws_instance" "dynamic_required" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  dynamic "metadata_options" {
    for_each = [1]
    content {
      http_tokens = "required"
    }
  }
}

# A dynamic block that generates no block leaves http_tokens unset: reported
# at the resource, not fixable.
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

# The metadata service is off: passes.
resource "aws_instance" "quiet" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  metadata_options {
    http_endpoint = "disabled"
  }
}

# Follows the launch template of this module: not reported here.
resource "aws_instance" "from_template" {
  launch_template {
    id      = aws_launch_template.app.id
    version = "$Latest"
  }
}
