config {
  disabled_by_default = true
}

plugin "terraform" {
  enabled = false
}

plugin "lgcloud" {
  enabled = true
}

rule "lgcloud_aws_iam_password_policy" {
  enabled = true
}
