variable "user_name" {
  type = string
}

variable "key_status" {
  type    = string
  default = "Inactive"
}

resource "aws_iam_user_policy_attachment" "read_only" {
  user       = var.user_name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

resource "aws_iam_access_key" "this" {
  user   = var.user_name
  status = var.key_status
}
