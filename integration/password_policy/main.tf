# The account password policy, set by a baseline module with inputs, and a
# second, hand-written one left almost empty.

locals {
  password_length = 10
}

module "baseline" {
  source                    = "./modules/baseline"
  minimum_password_length   = 8
  password_reuse_prevention = 24
}

resource "aws_iam_account_password_policy" "legacy" {
  minimum_password_length = local.password_length
  require_symbols         = true
}
