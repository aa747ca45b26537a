plugin "terraform" {
  enabled = false
}

plugin "lgcloud" {
  enabled = true
  strict  = true

  segment "mynumber" {
    cidrs = ["10.10.0.0/16"]
  }
}

# Only the rule this case is about, so that new rules do not change its
# expected output.
config {
  disabled_by_default = true
}

rule "lgcloud_aws_instance_termination_protection" {
  enabled = true
}
