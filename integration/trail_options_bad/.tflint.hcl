plugin "terraform" {
  enabled = false
}

plugin "lgcloud" {
  enabled = true
}

rule "lgcloud_aws_cloudwatch_log_group_retention" {
  enabled                = true
  minimum_retention_days = 366
}

rule "lgcloud_aws_vpc_dhcp_options_ntp" {
  enabled              = true
  approved_ntp_servers = ["169.254.169.123", "ntp.example.jp"]
}
