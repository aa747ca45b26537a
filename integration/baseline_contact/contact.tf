# An operations contact only: the missing security contact is reported at the
# first provider block.
resource "aws_account_alternate_contact" "operations" {
  alternate_contact_type = "OPERATIONS"
  name                   = "Information Policy Division"
  title                  = "CISO office"
  email_address          = "security@city.example.lg.jp"
  phone_number           = "+81-3-0000-0000"
}
