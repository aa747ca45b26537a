variable "log_buckets" {
  type = list(string)
}

resource "aws_lb" "this" {
  name    = "web"
  subnets = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]

  dynamic "access_logs" {
    for_each = var.log_buckets
    content {
      bucket  = access_logs.value
      enabled = true
    }
  }
}
