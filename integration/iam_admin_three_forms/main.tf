# The same administrator policy written three ways, each attached to the
# same user, gives the same finding; a break-glass role, a service role and
# a Deny-everything policy give none.

locals {
  account_id   = "111122223333"
  office_cidrs = ["203.0.113.0/24"]
}

resource "aws_iam_user" "alice" {
  name = "alice"
}

resource "aws_s3_bucket" "audit" {
  bucket = "lg-audit-logs"
}

# 1. jsonencode, with a leaf only known after apply.
resource "aws_iam_policy" "admin_jsonencode" {
  name = "admin-jsonencode"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = "*"
        Resource = "*"
      },
      {
        Effect   = "Deny"
        Action   = ["s3:DeleteBucket"]
        Resource = aws_s3_bucket.audit.arn
      },
    ]
  })
}

# 2. A heredoc, with an interpolated local.
resource "aws_iam_policy" "admin_heredoc" {
  name   = "admin-heredoc"
  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": "*",
          "Resource": "*"
        },
        {
          "Effect": "Deny",
          "Action": "iam:DeleteRole",
          "Resource": "arn:aws:iam::${local.account_id}:role/break-glass"
        }
      ]
    }
  EOT
}

# 3. aws_iam_policy_document.
data "aws_iam_policy_document" "admin" {
  statement {
    actions   = ["*"]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "admin_document" {
  name   = "admin-document"
  policy = data.aws_iam_policy_document.admin.json
}

resource "aws_iam_user_policy_attachment" "alice_jsonencode" {
  user       = aws_iam_user.alice.name
  policy_arn = aws_iam_policy.admin_jsonencode.arn
}

resource "aws_iam_user_policy_attachment" "alice_heredoc" {
  user       = aws_iam_user.alice.name
  policy_arn = aws_iam_policy.admin_heredoc.arn
}

resource "aws_iam_user_policy_attachment" "alice_document" {
  user       = aws_iam_user.alice.name
  policy_arn = aws_iam_policy.admin_document.arn
}

# A break-glass role: people of the account assume it with MFA, from the
# office only. It may hold AdministratorAccess.
resource "aws_iam_role" "break_glass" {
  name = "break-glass"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "arn:aws:iam::${local.account_id}:root" }
      Condition = {
        Bool      = { "aws:MultiFactorAuthPresent" = "true" }
        IpAddress = { "aws:SourceIp" = local.office_cidrs }
      }
    }]
  })
}

resource "aws_iam_role_policy_attachment" "break_glass" {
  role       = aws_iam_role.break_glass.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

# A service role with what the instance needs.
data "aws_iam_policy_document" "ec2_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "app" {
  name               = "app"
  assume_role_policy = data.aws_iam_policy_document.ec2_trust.json
}

resource "aws_iam_role_policy_attachment" "app_ssm" {
  role       = aws_iam_role.app.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
}

# A user whose only policy denies everything.
resource "aws_iam_user" "suspended" {
  name = "suspended"
}

resource "aws_iam_user_policy" "suspended" {
  user = aws_iam_user.suspended.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Deny", Action = "*", Resource = "*" }]
  })
}
