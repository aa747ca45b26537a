variable "name" {
  type = string
}

variable "segment" {
  description = "The segment the system belongs to: mynumber or lgwan."
  type        = string
}

variable "cidr" {
  type = string
}

variable "transit_gateway_id" {
  type = string
}

variable "ami" {
  type = string
}

variable "instance_count" {
  type    = number
  default = 2
}

variable "app_ports" {
  type    = list(number)
  default = [8080, 8443]
}

variable "admin_cidrs" {
  type = list(string)
}

variable "encrypt_volumes" {
  type    = bool
  default = true
}

variable "backup_retention_days" {
  type    = number
  default = 7
}

variable "log_retention_days" {
  type    = number
  default = 365
}

variable "tags" {
  type    = map(string)
  default = {}
}

locals {
  zones      = { "ap-northeast-1a" = 0, "ap-northeast-1c" = 1, "ap-northeast-1d" = 2 }
  zone_names = keys(local.zones)
  tags       = merge(var.tags, { Segment = var.segment, System = var.name })
}
