variable "from_tfvars" {
  type    = bool
  default = true
}

variable "default_false" {
  type    = bool
  default = false
}

variable "no_default" {
  type = bool
}

locals {
  encrypt = false
  disks   = { data = false, logs = true }
}

resource "aws_ebs_volume" "absent" {
  availability_zone = "ap-northeast-1a"
  size              = 10
}

resource "aws_ebs_volume" "literal_false" {
  availability_zone = "ap-northeast-1a"
  size              = 10
  encrypted         = false
}

resource "aws_ebs_volume" "literal_true" {
  availability_zone = "ap-northeast-1a"
  size              = 10
  encrypted         = true
}

resource "aws_ebs_volume" "variable_default" {
  availability_zone = "ap-northeast-1a"
  size              = 10
  encrypted         = var.default_false
}

resource "aws_ebs_volume" "tfvars" {
  availability_zone = "ap-northeast-1a"
  size              = 10
  encrypted         = var.from_tfvars
}

resource "aws_ebs_volume" "local" {
  availability_zone = "ap-northeast-1a"
  size              = 10
  encrypted         = local.encrypt
}

resource "aws_ebs_volume" "unknown" {
  availability_zone = "ap-northeast-1a"
  size              = 10
  encrypted         = var.no_default
}

resource "aws_ebs_volume" "counted" {
  count             = 3
  availability_zone = "ap-northeast-1a"
  size              = 10
  encrypted         = count.index > 0
}

resource "aws_ebs_volume" "each" {
  for_each          = local.disks
  availability_zone = "ap-northeast-1a"
  size              = 10
  encrypted         = each.value
}

resource "aws_ebs_volume" "null_is_default" {
  availability_zone = "ap-northeast-1a"
  size              = 10
  encrypted         = null
}

# A volume restored from a snapshot follows the snapshot's encryption.
resource "aws_ebs_volume" "from_snapshot" {
  availability_zone = "ap-northeast-1a"
  snapshot_id       = "snap-0123456789abcdef0"
}
