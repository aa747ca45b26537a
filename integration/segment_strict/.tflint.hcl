plugin "terraform" {
  enabled = false
}

plugin "lgcloud" {
  enabled = true
  strict  = true
}

# Only the rules this case is about, so that new rules do not change its
# expected output.
config {
  disabled_by_default = true
}

rule "lgcloud_aws_segment_internet_isolation" {
  enabled = true
}

rule "lgcloud_aws_segment_separation" {
  enabled = true
}
