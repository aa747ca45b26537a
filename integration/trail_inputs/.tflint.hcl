plugin "terraform" {
  enabled = false
}

plugin "lgcloud" {
  enabled  = true
  language = "en"
}
