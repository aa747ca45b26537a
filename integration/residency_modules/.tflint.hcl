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

rule "lgcloud_aws_data_residency" {
  enabled = true
}
