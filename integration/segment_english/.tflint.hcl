plugin "terraform" {
  enabled = false
}

# English messages, and a tag key and values of the organisation's own.
plugin "lgcloud" {
  enabled     = true
  language    = "en"
  segment_tag = "Zone"

  segment "mynumber" {
    tag_values = ["my-number", "kojin-bango"]
  }

  segment "lgwan" {
    tag_values = ["lgwan", "sogo-gyosei"]
  }
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
