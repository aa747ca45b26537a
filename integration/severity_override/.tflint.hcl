plugin "terraform" {
  enabled = false
}

plugin "lgcloud" {
  enabled = true
}

rule "lgcloud_aws_ebs_volume_encrypted" {
  enabled  = true
  severity = "warning"
}

rule "lgcloud_aws_efs_file_system_encrypted" {
  enabled  = true
  severity = "notice"
}
