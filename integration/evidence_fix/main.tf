variable "elb_access_logs" {
  type    = bool
  default = false
}

resource "aws_lb" "web" {
  name = "web"

  access_logs {
    bucket  = "example-lb-logs"
    enabled = false
  }
}

resource "aws_elb" "legacy" {
  availability_zones = ["ap-northeast-1a"]

  access_logs {
    bucket  = "example-lb-logs"
    enabled = var.elb_access_logs
  }

  listener {
    instance_port     = 80
    instance_protocol = "http"
    lb_port           = 80
    lb_protocol       = "http"
  }
}
