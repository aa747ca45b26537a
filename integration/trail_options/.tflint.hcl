config {
  disabled_by_default = true
}

plugin "terraform" {
  enabled = false
}

plugin "lgcloud" {
  enabled  = true
  language = "en"
}

# The local government keeps event logs for five years, and its VPCs take
# time from the Amazon Time Sync Service over IPv4 or from its own server.
rule "lgcloud_aws_cloudwatch_log_group_retention" {
  enabled                = true
  minimum_retention_days = 1827
}

rule "lgcloud_aws_vpc_dhcp_options_ntp" {
  enabled              = true
  approved_ntp_servers = ["169.254.169.123", "10.10.0.123"]
}
