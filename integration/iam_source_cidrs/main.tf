# Administrator access restricted to sources, checked against the
# permitted sites' address ranges set in .tflint.hcl.

locals {
  office_cidrs = ["203.0.113.0/24", "2001:db8:10::/48"]
}

# Within the ranges: not reported.
resource "aws_iam_role" "break_glass" {
  name = "break-glass"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "arn:aws:iam::111122223333:root" }
      Condition = {
        Bool      = { "aws:MultiFactorAuthPresent" = "true" }
        IpAddress = { "aws:SourceIp" = local.office_cidrs }
      }
    }]
  })
  managed_policy_arns = ["arn:aws:iam::aws:policy/AdministratorAccess"]
}

# A home address beside the office: reported at the trust policy.
resource "aws_iam_role" "on_call" {
  name = "on-call"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "arn:aws:iam::111122223333:root" }
      Condition = {
        Bool      = { "aws:MultiFactorAuthPresent" = "true" }
        IpAddress = { "aws:SourceIp" = ["203.0.113.10/32", "198.51.100.23"] }
      }
    }]
  })
}

resource "aws_iam_role_policy_attachment" "on_call" {
  role       = aws_iam_role.on_call.name
  policy_arn = "arn:aws:iam::aws:policy/PowerUserAccess"
}

# A Deny of requests from elsewhere, too wide: reported at the Deny.
data "aws_iam_policy_document" "office_only" {
  statement {
    effect    = "Deny"
    actions   = ["*"]
    resources = ["*"]
    condition {
      test     = "NotIpAddress"
      variable = "aws:SourceIp"
      values   = ["0.0.0.0/0"]
    }
  }
}

resource "aws_iam_group" "operators" {
  name = "operators"
}

resource "aws_iam_group_policy" "office_only" {
  group  = aws_iam_group.operators.name
  policy = data.aws_iam_policy_document.office_only.json
}

resource "aws_iam_group_policy_attachment" "operators" {
  group      = aws_iam_group.operators.name
  policy_arn = "arn:aws:iam::aws:policy/IAMFullAccess"
}

# No restriction at all: reported as such.
resource "aws_iam_user_policy" "alice" {
  user = "alice"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "ec2:*", Resource = "*" }]
  })
}
