plugin "terraform" {
  enabled = false
}

# The recommended preset, every rule of it: a compliant My Number system
# gives no finding. The segment's ranges are configured, on-premises
# terminals included.
plugin "lgcloud" {
  enabled = true
  preset  = "recommended"

  segment "mynumber" {
    cidrs = ["10.10.0.0/16", "172.16.10.0/24"]
  }

  segment "lgwan" {
    cidrs = ["10.20.0.0/16", "172.16.20.0/24"]
  }
}
