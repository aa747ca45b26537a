config {
  disabled_by_default = true
}

plugin "terraform" {
  enabled = false
}

plugin "lgcloud" {
  enabled  = true
  language = "en"
  strict   = true
}

rule "lgcloud_aws_customer_managed_key" {
  enabled = true
  key_arns = [
    "arn:aws:kms:ap-northeast-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
    "arn:aws:kms:ap-northeast-1:111122223333:alias/shared-records",
  ]
}
