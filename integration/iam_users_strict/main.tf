# What the IAM user rules cannot check at lint time, named in strict mode.

variable "dave_policy" {
  description = "Policy document of dave, chosen per environment."
  type        = string
}

variable "billing_users" {
  type = list(string)
}

variable "key_status" {
  type = string
}

variable "mfa_present" {
  type = string
}

# dave holds a policy whose document is not known at lint time.
resource "aws_iam_user" "dave" {
  name = "dave"
}

resource "aws_iam_user_login_profile" "dave" {
  user = aws_iam_user.dave.name
}

resource "aws_iam_group_policy" "dave" {
  group  = aws_iam_group.console.name
  policy = var.dave_policy
}

resource "aws_iam_group" "console" {
  name = "console"
}

resource "aws_iam_group_membership" "console" {
  name  = "console"
  group = aws_iam_group.console.name
  users = [aws_iam_user.dave.name]
}

# erin belongs to a group managed by another configuration.
resource "aws_iam_user" "erin" {
  name = "erin"
}

resource "aws_iam_user_login_profile" "erin" {
  user = aws_iam_user.erin.name
}

resource "aws_iam_user_group_membership" "erin" {
  user   = aws_iam_user.erin.name
  groups = ["operators"]
}

# frank's MFA condition takes its value from a variable.
resource "aws_iam_user" "frank" {
  name = "frank"
}

resource "aws_iam_user_login_profile" "frank" {
  user = aws_iam_user.frank.name
}

resource "aws_iam_group" "frank" {
  name = "frank-console"
}

resource "aws_iam_user_group_membership" "frank" {
  user   = aws_iam_user.frank.name
  groups = [aws_iam_group.frank.name]
}

resource "aws_iam_group_policy" "frank" {
  group = aws_iam_group.frank.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Deny"
      NotAction = ["iam:EnableMFADevice"]
      Resource  = "*"
      Condition = { BoolIfExists = { "aws:MultiFactorAuthPresent" = var.mfa_present } }
    }]
  })
}

# A console user declared by another configuration.
resource "aws_iam_user_login_profile" "external" {
  user = "external-auditor"
}

resource "aws_iam_policy_attachment" "billing" {
  name       = "billing"
  users      = var.billing_users
  groups     = [aws_iam_group.console.name]
  policy_arn = "arn:aws:iam::aws:policy/job-function/Billing"
}

resource "aws_iam_access_key" "batch" {
  user   = "batch"
  status = var.key_status
}
