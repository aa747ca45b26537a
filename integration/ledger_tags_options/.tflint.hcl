plugin "terraform" {
  enabled = false
}

plugin "lgcloud" {
  enabled  = true
  preset   = "govcloud"
  language = "en"
}

# The local government's own ledger: its classification scheme and the
# section that owns each asset.
rule "lgcloud_aws_ledger_tags" {
  enabled = true
  required_tags = {
    Confidentiality = ["機密性3", "機密性2", "機密性1"]
    Integrity       = ["完全性2", "完全性1"]
    Availability    = ["可用性2", "可用性1"]
    Owner           = []
  }
}
