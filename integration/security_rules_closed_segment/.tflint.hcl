plugin "terraform" {
  enabled = false
}

plugin "lgcloud" {
  enabled = true
}

# Only the rules this case is about, so that new rules do not change its
# expected output.
config {
  disabled_by_default = true
}

rule "lgcloud_aws_segment_internet_isolation" {
  enabled = true
}

rule "lgcloud_aws_security_group_admin_ports" {
  enabled = true
}

rule "lgcloud_aws_security_group_unrestricted_egress" {
  enabled = true
}

rule "lgcloud_aws_default_security_group_rules" {
  enabled = true
}

rule "lgcloud_aws_network_acl_admin_ports" {
  enabled = true
}
