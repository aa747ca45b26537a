# The account baseline lives in a called module: the root module cannot see
# its resources. Nothing is reported as missing; strict mode names each part
# at the first provider block. The detector's enable comes from the caller and
# is reported at the argument.
module "baseline" {
  source            = "./modules/baseline"
  guardduty_enabled = false
}
