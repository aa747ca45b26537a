# An application root module: the account's registry scanning is managed by
# the baseline elsewhere, so each repository is checked on its own.
resource "aws_ecr_repository" "residents" {
  name = "residents-app"
}

resource "aws_ecr_repository" "tax" {
  name = "tax-app"

  image_scanning_configuration {
    scan_on_push = true
  }
}

module "portal" {
  source       = "./modules/repository"
  name         = "portal-app"
  scan_on_push = false
}
