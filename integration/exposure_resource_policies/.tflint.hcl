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

rule "lgcloud_aws_resource_policy_public" {
  enabled = true
}

rule "lgcloud_aws_db_publicly_accessible" {
  enabled = true
}

rule "lgcloud_aws_opensearch_domain_public" {
  enabled = true
}

rule "lgcloud_aws_image_snapshot_public" {
  enabled = true
}

rule "lgcloud_aws_lambda_public" {
  enabled = true
}

# KMS key policies moved from lgcloud_aws_resource_policy_public to this rule.
rule "lgcloud_aws_kms_key_policy_open" {
  enabled = true
}
