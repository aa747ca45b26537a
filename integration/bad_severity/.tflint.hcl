plugin "terraform" {
  enabled = false
}

plugin "lgcloud" {
  enabled = true
}

rule "lgcloud_aws_ebs_volume_encrypted" {
  enabled  = true
  severity = "critical"
}
