plugin "lgcloud" {
  enabled = true
}
