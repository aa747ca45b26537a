variable "name" {
  type = string
}

variable "encrypted" {
  type    = bool
  default = true
}

resource "aws_ebs_volume" "data" {
  availability_zone = "ap-northeast-1a"
  size              = 10
  encrypted         = var.encrypted
  tags              = { Name = var.name }
}

resource "aws_efs_file_system" "shared" {
  creation_token = var.name
  encrypted      = var.encrypted
}

# Hard-coded inside the module: found by linting the module itself
# (tflint --recursive), not at the module call.
resource "aws_db_instance" "hard_coded" {
  identifier     = var.name
  engine         = "postgres"
  instance_class = "db.t3.micro"
}
