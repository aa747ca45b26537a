variable "rotate" {
  type    = bool
  default = true
}

variable "policy" {
  type    = string
  default = null
}

resource "aws_kms_key" "this" {
  description         = "Shared key"
  enable_key_rotation = var.rotate
  policy              = var.policy
}
