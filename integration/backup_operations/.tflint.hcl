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

rule "lgcloud_aws_db_deletion_protection" {
  enabled = true
}

rule "lgcloud_aws_db_final_snapshot" {
  enabled = true
}
