data "aws_caller_identity" "current" {}

data "aws_region" "current" {}

resource "aws_guardduty_detector" "main" {
  enable                       = true
  finding_publishing_frequency = "FIFTEEN_MINUTES"
}

# No standard: the default standards are off and nothing is subscribed.
resource "aws_securityhub_account" "main" {
  enable_default_standards = false
}

resource "aws_inspector2_enabler" "main" {
  account_ids    = [data.aws_caller_identity.current.account_id]
  resource_types = ["EC2", "ECR"]
}
