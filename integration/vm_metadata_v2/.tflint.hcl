plugin "terraform" {
  enabled = false
}

plugin "lgcloud" {
  enabled = true
}

# Only the rule this case is about, so that new rules do not change its
# expected output.
config {
  disabled_by_default = true
}

rule "lgcloud_aws_instance_metadata_v2" {
  enabled = true
}
