plugin "terraform" {
  enabled = false
}

plugin "lgcloud" {
  enabled = true
  preset  = "govcloud"
}
