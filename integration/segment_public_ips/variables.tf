# The segments come from variables: a default, and terraform.tfvars, which
# TFLint reads as Terraform does.

variable "segment" {
  type    = string
  default = "internet" # terraform.tfvars sets "mynumber"
}

variable "lgwan_segment" {
  type    = string
  default = "lgwan"
}

variable "public_ip" {
  type    = bool
  default = false # terraform.tfvars sets true
}
