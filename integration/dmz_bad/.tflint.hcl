config {
  disabled_by_default = true
}

plugin "terraform" {
  enabled = false
}

plugin "lgcloud" {
  enabled = true
}

rule "lgcloud_aws_dmz_egress_inspected" {
  enabled = true
}

rule "lgcloud_aws_networkfirewall_policy_allowlist" {
  enabled = true
}

rule "lgcloud_aws_security_group_unrestricted_egress" {
  enabled = true
}
