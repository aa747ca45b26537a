variable "policy" {
  type = string
}

resource "aws_sqs_queue" "this" {
  name   = "module-queue"
  policy = var.policy
}
