variable "require_symbols" {
  type    = bool
  default = false
}

resource "aws_iam_account_password_policy" "this" {
  minimum_password_length        = 8
  password_reuse_prevention      = 5
  require_lowercase_characters   = false
  require_uppercase_characters   = true
  require_numbers                = "false"
  require_symbols                = var.require_symbols
  allow_users_to_change_password = true
}
