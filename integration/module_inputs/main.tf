module "unencrypted" {
  source    = "./modules/storage"
  name      = "unencrypted"
  encrypted = false
}

module "encrypted" {
  source    = "./modules/storage"
  name      = "encrypted"
  encrypted = true
}

# The module's default (true) applies.
module "defaulted" {
  source = "./modules/storage"
  name   = "defaulted"
}

module "counted" {
  source    = "./modules/storage"
  count     = 2
  name      = "counted-${count.index}"
  encrypted = false
}
