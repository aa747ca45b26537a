provider "aws" {
  region = "ap-northeast-1"
}

# The root module declares no account block, but a called module may: this
# is not reported, and strict mode names it at the provider block.
module "baseline" {
  source            = "./modules/baseline"
  block_public_acls = false
}
