# The networks of a local government's system, with their evidence logs.

variable "dmz_flow_log" {
  type    = bool
  default = false
}

locals {
  traffic_type = "REJECT"
  # Both log types of the firewall go to one log group each.
  firewall_logs = {
    FLOW  = "/firewall/flow"
    ALERT = "/firewall/alert"
  }
}

resource "aws_vpc" "mynumber" {
  cidr_block = "10.10.0.0/16"
}

resource "aws_vpc" "lgwan" {
  cidr_block = "10.20.0.0/16"
}

resource "aws_vpc" "dmz" {
  cidr_block = "10.30.0.0/16"
}

resource "aws_vpc" "internet" {
  cidr_block = "10.40.0.0/16"
}

resource "aws_vpc" "inspection" {
  cidr_block = "10.50.0.0/16"
}

# Compliant: the My Number network logs all its traffic to S3.
resource "aws_flow_log" "mynumber" {
  vpc_id               = aws_vpc.mynumber.id
  traffic_type         = "ALL"
  log_destination_type = "s3"
  log_destination      = "arn:aws:s3:::example-flow-logs"
}

# The DMZ's flow log is switched off by a variable: reported at its count.
resource "aws_flow_log" "dmz" {
  count        = var.dmz_flow_log ? 1 : 0
  vpc_id       = aws_vpc.dmz.id
  traffic_type = "ALL"
}

# Records only rejected traffic: reported at traffic_type.
resource "aws_flow_log" "internet" {
  vpc_id       = aws_vpc.internet.id
  traffic_type = local.traffic_type
}

# One flow log per VPC of a map, by for_each.
resource "aws_flow_log" "inspection" {
  for_each     = { inspection = aws_vpc.inspection.id }
  vpc_id       = each.value
  traffic_type = "ALL"
}

resource "aws_route53_resolver_query_log_config" "dns" {
  name            = "dns"
  destination_arn = "arn:aws:s3:::example-dns-logs"
}

resource "aws_route53_resolver_query_log_config_association" "segments" {
  for_each = {
    mynumber = aws_vpc.mynumber.id
    dmz      = aws_vpc.dmz.id
  }
  resolver_query_log_config_id = aws_route53_resolver_query_log_config.dns.id
  resource_id                  = each.value
}

# The internet VPC's query logging is left to a module: not reported.
module "dns" {
  source = "./modules/dns"
  vpc_id = aws_vpc.internet.id
}

resource "aws_networkfirewall_firewall" "inspection" {
  name                = "inspection"
  firewall_policy_arn = "arn:aws:network-firewall:ap-northeast-1:111122223333:firewall-policy/inspection"
  vpc_id              = aws_vpc.inspection.id

  subnet_mapping {
    subnet_id = "subnet-0123456789abcdef0"
  }
}

# Compliant: FLOW and ALERT from a dynamic block that TFLint expands.
resource "aws_networkfirewall_logging_configuration" "inspection" {
  firewall_arn = aws_networkfirewall_firewall.inspection.arn

  logging_configuration {
    dynamic "log_destination_config" {
      for_each = local.firewall_logs
      content {
        log_type             = log_destination_config.key
        log_destination_type = "CloudWatchLogs"
        log_destination      = { logGroup = log_destination_config.value }
      }
    }
  }
}

resource "aws_networkfirewall_firewall" "egress" {
  name                = "egress"
  firewall_policy_arn = "arn:aws:network-firewall:ap-northeast-1:111122223333:firewall-policy/egress"
  vpc_id              = aws_vpc.dmz.id

  subnet_mapping {
    subnet_id = "subnet-0123456789abcdef1"
  }
}

# Sends only alerts: reported for FLOW.
resource "aws_networkfirewall_logging_configuration" "egress" {
  firewall_arn = aws_networkfirewall_firewall.egress.arn

  logging_configuration {
    log_destination_config {
      log_type             = "ALERT"
      log_destination_type = "CloudWatchLogs"
      log_destination      = { logGroup = "/firewall/egress-alert" }
    }
  }
}
