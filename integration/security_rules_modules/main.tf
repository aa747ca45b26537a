# Reported at the arguments that pass the whole internet into the module.
module "bastion" {
  source       = "./modules/bastion"
  name         = "bastion"
  admin_cidrs  = ["0.0.0.0/0"]
  egress_cidrs = ["0.0.0.0/0"]
}

# Passes: narrow sources and destinations.
module "bastion_ok" {
  source       = "./modules/bastion"
  name         = "bastion-ok"
  admin_cidrs  = ["198.51.100.0/28"]
  egress_cidrs = ["10.0.0.0/8"]
}
