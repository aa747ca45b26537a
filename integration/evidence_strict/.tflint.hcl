plugin "terraform" {
  enabled = false
}

plugin "lgcloud" {
  enabled = true
  strict  = true
}
