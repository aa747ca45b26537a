config {
  disabled_by_default = true
}

plugin "terraform" {
  enabled = false
}

plugin "lgcloud" {
  enabled  = true
  strict   = true
  language = "en"
}

rule "lgcloud_aws_iam_user_policy_attached" {
  enabled = true
}

rule "lgcloud_aws_iam_user_console_mfa" {
  enabled = true
}

rule "lgcloud_aws_iam_user_access_key" {
  enabled = true
}
