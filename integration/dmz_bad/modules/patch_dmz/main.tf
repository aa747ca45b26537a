# A second DMZ for the patch servers. Its segment and its firewall's
# default action come from the caller.

variable "segment" {
  type = string
}

variable "default_actions" {
  type    = list(string)
  default = ["aws:drop_established"]
}

resource "aws_vpc" "this" {
  cidr_block = "10.61.0.0/16"
  tags       = { Segment = var.segment }
}

resource "aws_subnet" "patch" {
  vpc_id     = aws_vpc.this.id
  cidr_block = "10.61.10.0/24"
}

resource "aws_internet_gateway" "this" {
  vpc_id = aws_vpc.this.id
}

resource "aws_route_table" "patch" {
  vpc_id = aws_vpc.this.id

  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.this.id
  }
}

resource "aws_route_table_association" "patch" {
  subnet_id      = aws_subnet.patch.id
  route_table_id = aws_route_table.patch.id
}

resource "aws_networkfirewall_rule_group" "update_domains" {
  name     = "patch-update-domains"
  type     = "STATEFUL"
  capacity = 100

  rule_group {
    stateful_rule_options {
      rule_order = "STRICT_ORDER"
    }

    rules_source {
      rules_source_list {
        generated_rules_type = "ALLOWLIST"
        target_types         = ["TLS_SNI"]
        targets              = [".windowsupdate.com"]
      }
    }
  }
}

resource "aws_networkfirewall_firewall_policy" "this" {
  name = "patch-dmz"
  tags = { Segment = var.segment }

  firewall_policy {
    stateless_default_actions          = ["aws:forward_to_sfe"]
    stateless_fragment_default_actions = ["aws:forward_to_sfe"]
    stateful_default_actions           = var.default_actions

    stateful_engine_options {
      rule_order = "STRICT_ORDER"
    }

    stateful_rule_group_reference {
      priority     = 10
      resource_arn = aws_networkfirewall_rule_group.update_domains.arn
    }
  }
}
