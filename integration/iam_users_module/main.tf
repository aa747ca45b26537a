# Users and their rights set up through local modules, linted with
# --recursive: findings on module inputs are reported at the module calls,
# findings written inside a module in the module's own folder.

resource "aws_iam_user" "alice" {
  name = "alice"
}

module "alice_reader" {
  source     = "./modules/reader"
  user_name  = aws_iam_user.alice.name
  key_status = "Active"
}

module "retired_reader" {
  source    = "./modules/reader"
  user_name = "retired"
}

module "contractor" {
  source = "./modules/console_user"
  name   = "contractor"
}
