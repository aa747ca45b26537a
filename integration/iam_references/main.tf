# Principals, policies and identities written as references, which TFLint
# resolves (locals) or leaves unknown (resource attributes), and a module
# that receives its policy as an input.

variable "vendor_principal" {
  type = string
}

locals {
  admin_statement = {
    Effect   = "Allow"
    Action   = "*"
    Resource = "*"
  }
}

resource "aws_iam_user" "alice" {
  name = "alice"
}

resource "aws_iam_role" "pipeline" {
  name = "pipeline"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "codebuild.amazonaws.com" } }]
  })
}

# A user named by reference may assume the role, without MFA: reported.
resource "aws_iam_role" "contractor" {
  name = "contractor"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = aws_iam_user.alice.arn } }]
  })
  managed_policy_arns = ["arn:aws:iam::aws:policy/PowerUserAccess"]
}

# A role named by reference is no person: not reported.
resource "aws_iam_role" "deployer" {
  name = "deployer"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = aws_iam_role.pipeline.arn } }]
  })
}

# People through a SAML provider: named in strict mode only.
resource "aws_iam_saml_provider" "idp" {
  name                   = "idp"
  saml_metadata_document = file("${path.module}/metadata.xml")
}

resource "aws_iam_role" "sso_admin" {
  name = "sso-admin"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRoleWithSAML", Principal = { Federated = aws_iam_saml_provider.idp.arn } }]
  })
  managed_policy_arns = ["arn:aws:iam::aws:policy/AdministratorAccess"]
}

# A CI workload through OIDC holding AdministratorAccess: reported.
resource "aws_iam_openid_connect_provider" "ci" {
  url            = "https://token.actions.githubusercontent.com"
  client_id_list = ["sts.amazonaws.com"]
}

resource "aws_iam_role" "ci" {
  name = "ci"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRoleWithWebIdentity", Principal = { Federated = aws_iam_openid_connect_provider.ci.arn } }]
  })
}

resource "aws_iam_role_policy_attachment" "ci_admin" {
  role       = aws_iam_role.ci.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

# A principal given at apply time: named in strict mode only.
resource "aws_iam_role" "vendor" {
  name = "vendor"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = var.vendor_principal } }]
  })
}

# A group whose administrator statement comes from a local and requires
# MFA, but not a source.
resource "aws_iam_group" "admins" {
  name = "admins"
}

resource "aws_iam_group_policy" "admins" {
  group = aws_iam_group.admins.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [merge(local.admin_statement, {
      Condition = { Bool = { "aws:MultiFactorAuthPresent" = "true" } }
    })]
  })
}

resource "aws_iam_group_membership" "admins" {
  name  = "admins"
  group = aws_iam_group.admins.name
  users = [aws_iam_user.alice.name]
}

# A module that gives its user the policy it receives.
module "operator" {
  source = "./modules/operator"

  name        = "operator"
  policy_json = jsonencode({ Version = "2012-10-17", Statement = [local.admin_statement] })
}
