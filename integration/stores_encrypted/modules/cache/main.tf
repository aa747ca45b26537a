variable "tls" {
  type    = bool
  default = true
}

resource "aws_elasticache_replication_group" "this" {
  replication_group_id       = "module-cache"
  description                = "module cache"
  engine                     = "valkey"
  transit_encryption_enabled = var.tls
}
