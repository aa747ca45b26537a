variable "ntp_servers" {
  type    = list(string)
  default = ["169.254.169.123"]
}

resource "aws_vpc" "this" {
  cidr_block = "10.20.0.0/16"
}

resource "aws_vpc_dhcp_options" "this" {
  domain_name_servers = ["AmazonProvidedDNS"]
  ntp_servers         = var.ntp_servers
}

resource "aws_vpc_dhcp_options_association" "this" {
  vpc_id          = aws_vpc.this.id
  dhcp_options_id = aws_vpc_dhcp_options.this.id
}
