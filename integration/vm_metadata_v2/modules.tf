# Reported at the argument that passes "optional" into the module.
module "web" {
  source      = "./modules/web"
  http_tokens = "optional"
}

# Passes: the module's instance requires IMDSv2.
module "api" {
  source      = "./modules/web"
  http_tokens = "required"
}
