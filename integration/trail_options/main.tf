resource "aws_cloudwatch_log_group" "year" {
  name              = "app/year"
  retention_in_days = 365
}

resource "aws_cloudwatch_log_group" "five_years" {
  name              = "app/five-years"
  retention_in_days = 1827
}

resource "aws_vpc_dhcp_options" "main" {
  ntp_servers = ["10.10.0.123", "fd00:ec2::123"]
}
