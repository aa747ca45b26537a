plugin "terraform" {
  enabled = false
}

plugin "lgcloud" {
  enabled = true
  segment "mynumber" {
    cidrs = ["10.10.0.0/16", "10.20.0.1/16"]
  }
  segment "residents" {
    tag_values = ["residents"]
  }
}
