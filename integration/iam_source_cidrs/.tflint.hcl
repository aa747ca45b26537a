plugin "terraform" {
  enabled = false
}

plugin "lgcloud" {
  enabled = true
}

rule "lgcloud_aws_iam_privileged_source_restricted" {
  enabled              = true
  allowed_source_cidrs = ["203.0.113.0/24", "2001:db8:10::/48"]
}
