# The root module declares no plan but calls a module, which may declare
# it: strict mode names this at the provider block. The module's vault
# takes its key from an input: an AWS managed key passed by the caller is
# reported at the caller's argument.

provider "aws" {
  region = "ap-northeast-1"
}

module "baseline" {
  source      = "./modules/baseline"
  kms_key_arn = "alias/aws/backup"
}
