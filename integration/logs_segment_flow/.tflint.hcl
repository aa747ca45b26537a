plugin "terraform" {
  enabled = false
}

plugin "lgcloud" {
  enabled = true

  segment "dmz" {
    cidrs = ["10.30.0.0/16"]
  }
}

# Only the rule this case is about, so that new rules do not change its
# expected output.
config {
  disabled_by_default = true
}

rule "lgcloud_aws_vpc_flow_log_enabled" {
  enabled = true
}
