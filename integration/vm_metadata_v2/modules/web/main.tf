variable "http_tokens" {
  type = string
}

resource "aws_instance" "this" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  metadata_options {
    http_tokens = var.http_tokens
  }
}

# Hard-coded in the module: found by linting the module itself
# (tflint --recursive), not from the caller.
resource "aws_launch_template" "this" {
  name_prefix = "web-"
}
