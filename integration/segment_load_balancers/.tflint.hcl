plugin "terraform" {
  enabled = false
}

# The networks carry no Segment tag: their address ranges place them.
plugin "lgcloud" {
  enabled = true

  segment "mynumber" {
    cidrs = ["10.10.0.0/16"]
  }

  segment "lgwan" {
    cidrs = ["10.20.0.0/16", "10.21.8.0/24"]
  }

  segment "internet" {
    cidrs = ["10.30.0.0/16"]
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
