plugin "terraform" {
  enabled = false
}

plugin "lgcloud" {
  enabled = true
  preset  = "govcloud"
}

rule "lgcloud_aws_ledger_tags" {
  enabled = true
  required_tags = {
    "aws:classification" = []
  }
}
