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

rule "lgcloud_aws_route53_resolver_query_logging" {
  enabled = true
}
