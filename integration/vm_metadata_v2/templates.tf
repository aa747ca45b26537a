resource "aws_launch_template" "app" {
  name_prefix   = "app-"
  instance_type = "t3.micro"

  metadata_options {
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
  }
}

# No metadata_options: reported at the resource, fixable.
resource "aws_launch_template" "batch" {
  name_prefix   = "batch-"
  instance_type = "t3.micro"
}

# metadata_options without http_tokens: reported at the block, fixable.
resource "aws_launch_template" "workers" {
  name_prefix = "workers-"

  metadata_options {
    http_endpoint = "enabled"
  }
}
