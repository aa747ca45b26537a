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

rule "lgcloud_aws_db_backup_retention" {
  enabled                = true
  minimum_retention_days = 14
}

rule "lgcloud_aws_dynamodb_pitr_enabled" {
  enabled = true
}

rule "lgcloud_aws_efs_backup_enabled" {
  enabled = true
}

rule "lgcloud_aws_fsx_backup_retention" {
  enabled = true
}
