resource "aws_iam_user_policy_attachment" "admin" {
  user       = "alice"
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}
