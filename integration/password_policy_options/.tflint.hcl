config {
  disabled_by_default = true
}

plugin "terraform" {
  enabled = false
}

plugin "lgcloud" {
  enabled  = true
  language = "en"
}

# The local government's own password policy: 16 characters, 12 remembered,
# symbols not required, expiry after a year.
rule "lgcloud_aws_iam_password_policy" {
  enabled                   = true
  minimum_password_length   = 16
  password_reuse_prevention = 12
  require_symbols           = false
  max_password_age          = 365
}
