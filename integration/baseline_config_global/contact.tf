resource "aws_account_alternate_contact" "security" {
  alternate_contact_type = "SECURITY"
  name                   = "Information Policy Division"
  title                  = "CISO office"
  email_address          = "security@city.example.lg.jp"
  phone_number           = "+81-3-0000-0000"
}
