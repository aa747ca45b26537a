config {
  disabled_by_default = true
}

plugin "terraform" {
  enabled = false
}

plugin "lgcloud" {
  enabled = true
}

rule "lgcloud_aws_db_backup_retention" {
  enabled = true
}

rule "lgcloud_aws_dynamodb_pitr_enabled" {
  enabled = true
}

rule "lgcloud_aws_efs_backup_enabled" {
  enabled = true
}

rule "lgcloud_aws_db_deletion_protection" {
  enabled = true
}

rule "lgcloud_aws_db_final_snapshot" {
  enabled = true
}
