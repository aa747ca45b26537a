config {
  disabled_by_default = true
}

plugin "terraform" {
  enabled = false
}

plugin "lgcloud" {
  enabled = true
}

# An AWS managed key cannot serve crypto-erasure: listing one is an error.
rule "lgcloud_aws_customer_managed_key" {
  enabled  = true
  key_arns = ["arn:aws:kms:ap-northeast-1:111122223333:alias/aws/ebs"]
}
