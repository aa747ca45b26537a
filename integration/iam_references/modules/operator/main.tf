variable "name" {
  type = string
}

variable "policy_json" {
  type = string
}

resource "aws_iam_user" "this" {
  name = var.name
}

resource "aws_iam_user_policy" "this" {
  user   = aws_iam_user.this.name
  policy = var.policy_json
}
