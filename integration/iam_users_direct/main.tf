# Console users, their groups and policies, and access keys of one account.

data "aws_caller_identity" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  ops_users  = [aws_iam_user.bob.name]
}

resource "aws_iam_group" "staff" {
  name = "staff"
}

# The MFA-enforcement policy; its resources hold the account ID, which is
# not known at lint time.
resource "aws_iam_policy" "force_mfa" {
  name = "force-mfa"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "ManageOwnMFADevice"
        Effect   = "Allow"
        Action   = ["iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:ListMFADevices"]
        Resource = ["arn:aws:iam::${local.account_id}:mfa/*", "arn:aws:iam::${local.account_id}:user/$${aws:username}"]
      },
      {
        Sid       = "DenyAllWithoutMFA"
        Effect    = "Deny"
        NotAction = ["iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:ListMFADevices", "sts:GetSessionToken"]
        Resource  = "*"
        Condition = { BoolIfExists = { "aws:MultiFactorAuthPresent" = "false" } }
      },
    ]
  })
}

resource "aws_iam_group_policy_attachment" "staff_force_mfa" {
  group      = aws_iam_group.staff.name
  policy_arn = aws_iam_policy.force_mfa.arn
}

resource "aws_iam_group_policy_attachment" "staff_read_only" {
  group      = aws_iam_group.staff.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

# alice: console user in staff, which enforces MFA — compliant.
resource "aws_iam_user" "alice" {
  name = "alice"
}

resource "aws_iam_user_login_profile" "alice" {
  user = aws_iam_user.alice.name
}

resource "aws_iam_user_group_membership" "alice" {
  user   = aws_iam_user.alice.name
  groups = [aws_iam_group.staff.name]
}

# bob: console user with policies of his own and no MFA enforcement.
resource "aws_iam_user" "bob" {
  name = "bob"
}

resource "aws_iam_user_login_profile" "bob" {
  user = aws_iam_user.bob.name
}

resource "aws_iam_user_policy_attachment" "bob_read_only" {
  user       = aws_iam_user.bob.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

resource "aws_iam_policy_attachment" "ops_billing" {
  name       = "ops-billing"
  users      = local.ops_users
  policy_arn = "arn:aws:iam::aws:policy/job-function/Billing"
}

# carol: console user named by a literal; the MFA policy is attached to her
# directly (MFA is enforced, but the grant should go through a group).
resource "aws_iam_user" "carol" {
  name = "carol"
}

resource "aws_iam_user_login_profile" "carol" {
  user = "carol"
}

resource "aws_iam_user_policy" "carol_force_mfa" {
  user   = aws_iam_user.carol.name
  policy = aws_iam_policy.force_mfa.policy
}

resource "aws_iam_user_policy_attachment" "carol_force_mfa" {
  user       = aws_iam_user.carol.name
  policy_arn = aws_iam_policy.force_mfa.arn
}

# Programmatic users: an active key, and one kept inactive.
resource "aws_iam_user" "ci" {
  name = "ci"
}

resource "aws_iam_access_key" "ci" {
  user = aws_iam_user.ci.name
}

resource "aws_iam_access_key" "ci_retired" {
  user   = aws_iam_user.ci.name
  status = "Inactive"
}

# Expanded resources are reported once per resource block.
resource "aws_iam_access_key" "workers" {
  count = 2
  user  = "worker-${count.index}"
}

resource "aws_iam_user_policy_attachment" "auditors" {
  for_each   = toset(["dave", "erin"])
  user       = each.key
  policy_arn = "arn:aws:iam::aws:policy/SecurityAudit"
}
