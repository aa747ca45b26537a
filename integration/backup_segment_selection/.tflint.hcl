plugin "terraform" {
  enabled = false
}

plugin "lgcloud" {
  enabled = true
  preset  = "govcloud"
  strict  = true
}

# Only the rule this case is about, so that new rules do not change its
# expected output.
config {
  disabled_by_default = true
}

rule "lgcloud_aws_backup_plan_configured" {
  enabled = true
}
