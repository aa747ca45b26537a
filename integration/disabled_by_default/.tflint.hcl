plugin "terraform" {
  enabled = false
}

plugin "lgcloud" {
  enabled = true
}

config {
  disabled_by_default = true
}

rule "lgcloud_aws_db_instance_storage_encrypted" {
  enabled = true
}
