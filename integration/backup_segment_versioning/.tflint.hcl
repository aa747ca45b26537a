plugin "terraform" {
  enabled = false
}

plugin "lgcloud" {
  enabled = true
  strict  = true
}

# Only the rule this case is about, so that new rules do not change its
# expected output.
config {
  disabled_by_default = true
}

rule "lgcloud_aws_s3_bucket_versioning" {
  enabled = true
}
