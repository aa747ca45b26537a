config {
  disabled_by_default = true
}

plugin "terraform" {
  enabled = false
}

plugin "lgcloud" {
  enabled = true
  strict  = true
}

rule "lgcloud_aws_redshift_cluster_encrypted" {
  enabled = true
}
