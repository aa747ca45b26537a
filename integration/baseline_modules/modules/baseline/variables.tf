variable "guardduty_enabled" {
  type    = bool
  default = true
}
