variable "name" {
  type = string
}

variable "cidr" {
  type = string
}

variable "ami" {
  type = string
}

variable "relay_names" {
  type    = list(string)
  default = ["relay-a", "relay-b"]
}

variable "client_cidrs" {
  type = list(string)
}

variable "update_fqdns" {
  type = list(string)
  default = [
    ".windowsupdate.com",
    ".update.microsoft.com",
    ".trendmicro.com",
  ]
}

variable "flow_log_role_arn" {
  type = string
}

variable "tags" {
  type    = map(string)
  default = {}
}

locals {
  tags = merge(var.tags, { Segment = "dmz", System = var.name })
}
