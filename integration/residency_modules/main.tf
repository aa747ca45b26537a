# Data stores in local modules. The root's default provider is Tokyo.
#   - app inherits it: its bucket is in Tokyo, nothing to report;
#   - dr receives a us-east-1 configuration through a providers map, which
#     the plugin does not trace: unknown, and a strict notice inside a
#     called module is not kept by TFLint;
#   - store places its data by module inputs (the v6 region argument and a
#     DynamoDB replica region): findings on them are reported at the
#     arguments of the module call.

provider "aws" {
  region = "ap-northeast-1"
}

provider "aws" {
  alias  = "virginia"
  region = "us-east-1"
}

module "app" {
  source = "./modules/app"
}

module "dr" {
  source = "./modules/dr"

  providers = {
    aws = aws.virginia
  }
}

module "store" {
  source         = "./modules/store"
  region         = "eu-west-1"
  replica_region = "us-west-2"
}

module "store_osaka" {
  source         = "./modules/store"
  region         = "ap-northeast-3"
  replica_region = "ap-northeast-3"
}
