variable "name" {
  type = string
}

variable "cidr" {
  type = string
}

variable "ami" {
  type = string
}

variable "instance_count" {
  type    = number
  default = 2
}

variable "admin_cidrs" {
  type = list(string)
}

variable "ssl_policy" {
  type    = string
  default = "ELBSecurityPolicy-TLS13-1-2-2021-06"
}

variable "flow_log_role_arn" {
  type = string
}

variable "tags" {
  type    = map(string)
  default = {}
}

locals {
  zones = { "ap-northeast-1a" = 0, "ap-northeast-1c" = 1 }
  tags  = merge(var.tags, { Segment = "internet", System = var.name })
}
