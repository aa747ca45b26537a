config {
  disabled_by_default = true
}

plugin "terraform" {
  enabled = false
}

plugin "lgcloud" {
  enabled  = true
  language = "en"
}

rule "lgcloud_aws_sqs_queue_encrypted" {
  enabled = true
}

rule "lgcloud_aws_kms_key_spec" {
  enabled = true
}

rule "lgcloud_aws_lb_listener_tls_policy" {
  enabled = true
}

rule "lgcloud_aws_rds_parameter_tls_enforced" {
  enabled = true
}

rule "lgcloud_aws_redshift_cluster_encrypted" {
  enabled = true
}

# A severity set in the rule block wins over the segment.
rule "lgcloud_aws_sns_topic_encrypted" {
  enabled  = true
  severity = "warning"
}

# Switched on by name, the rule judges every store: ERROR in the mynumber
# segment, WARNING elsewhere.
rule "lgcloud_aws_customer_managed_key" {
  enabled = true
}
