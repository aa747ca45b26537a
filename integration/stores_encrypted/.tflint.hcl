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

rule "lgcloud_aws_elasticache_encrypted" {
  enabled = true
}

rule "lgcloud_aws_redshift_cluster_encrypted" {
  enabled = true
}

rule "lgcloud_aws_sqs_queue_encrypted" {
  enabled = true
}

rule "lgcloud_aws_sns_topic_encrypted" {
  enabled = true
}

rule "lgcloud_aws_kinesis_stream_encrypted" {
  enabled = true
}

rule "lgcloud_aws_opensearch_domain_encrypted" {
  enabled = true
}

rule "lgcloud_aws_workspaces_encrypted" {
  enabled = true
}

rule "lgcloud_aws_docdb_cluster_encrypted" {
  enabled = true
}

rule "lgcloud_aws_msk_cluster_encrypted" {
  enabled = true
}
