config {
  disabled_by_default = true
}

plugin "terraform" {
  enabled = false
}

plugin "lgcloud" {
  enabled = true
  preset  = "govcloud"
  strict  = true
}

rule "lgcloud_aws_backup_plan_configured" {
  enabled = true
}
