plugin "terraform" {
  enabled = false
}

plugin "lgcloud" {
  enabled = true

  segment "lgwan" {
    cidrs = ["10.20.0.0/16"]
  }
}

# The ledger reads the plugin block; TFLint checks one rule that depends on
# the same segments.
config {
  disabled_by_default = true
}

rule "lgcloud_aws_s3_bucket_versioning" {
  enabled = true
}
