variable "segment" {
  type = string
}

variable "sse" {
  type = bool
}

resource "aws_sqs_queue" "this" {
  name                    = "queue-${var.segment}"
  sqs_managed_sse_enabled = var.sse

  tags = {
    Segment = var.segment
  }
}
