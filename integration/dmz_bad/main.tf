# An update DMZ that lets traffic out uninspected: a relay subnet routed
# straight to the internet gateway, a patch subnet routed through a NAT
# gateway whose subnet goes straight out, a firewall whose policy only
# denies a list of domains, a second policy that lets through whatever no
# rule matches, and a module's DMZ that does both.

provider "aws" {
  region = "ap-northeast-1"
}

locals {
  anywhere = "0.0.0.0/0"
}

resource "aws_vpc" "dmz" {
  cidr_block = "10.60.0.0/16"
  tags = {
    Name    = "update-dmz"
    Segment = "dmz"
  }
}

resource "aws_subnet" "firewall" {
  vpc_id     = aws_vpc.dmz.id
  cidr_block = "10.60.0.0/28"
}

resource "aws_subnet" "nat" {
  vpc_id     = aws_vpc.dmz.id
  cidr_block = "10.60.1.0/28"
}

resource "aws_subnet" "relay" {
  vpc_id     = aws_vpc.dmz.id
  cidr_block = "10.60.10.0/24"
}

resource "aws_subnet" "patch" {
  vpc_id     = aws_vpc.dmz.id
  cidr_block = "10.60.11.0/24"
}

resource "aws_internet_gateway" "dmz" {
  vpc_id = aws_vpc.dmz.id
}

resource "aws_eip" "nat" {
  domain = "vpc"
}

resource "aws_nat_gateway" "dmz" {
  allocation_id = aws_eip.nat.id
  subnet_id     = aws_subnet.nat.id
}

# The firewall's and the NAT gateway's subnets go out to the internet
# gateway: that is their job.
resource "aws_route_table" "edge" {
  vpc_id = aws_vpc.dmz.id

  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.dmz.id
  }
}

resource "aws_route_table_association" "firewall" {
  subnet_id      = aws_subnet.firewall.id
  route_table_id = aws_route_table.edge.id
}

resource "aws_route_table_association" "nat" {
  subnet_id      = aws_subnet.nat.id
  route_table_id = aws_route_table.edge.id
}

# The relay subnet goes straight to the internet gateway: reported.
resource "aws_route_table" "relay" {
  vpc_id = aws_vpc.dmz.id

  route {
    cidr_block = local.anywhere
    gateway_id = aws_internet_gateway.dmz.id
  }
}

resource "aws_route_table_association" "relay" {
  subnet_id      = aws_subnet.relay.id
  route_table_id = aws_route_table.relay.id
}

# The patch subnet goes through the NAT gateway, whose subnet goes straight
# to the internet gateway: reported.
resource "aws_route_table" "patch" {
  vpc_id = aws_vpc.dmz.id
}

resource "aws_route" "patch_default" {
  route_table_id         = aws_route_table.patch.id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.dmz.id
}

resource "aws_route_table_association" "patch" {
  subnet_id      = aws_subnet.patch.id
  route_table_id = aws_route_table.patch.id
}

# A deny list of domains lets every other domain through: reported.
resource "aws_networkfirewall_rule_group" "blocked_domains" {
  name     = "blocked-domains"
  type     = "STATEFUL"
  capacity = 100

  rule_group {
    stateful_rule_options {
      rule_order = "STRICT_ORDER"
    }

    rules_source {
      rules_source_list {
        generated_rules_type = "DENYLIST"
        target_types         = ["TLS_SNI", "HTTP_HOST"]
        targets              = [".example.net"]
      }
    }
  }
}

resource "aws_networkfirewall_firewall_policy" "deny_only" {
  name = "update-dmz-deny-only"

  firewall_policy {
    stateless_default_actions          = ["aws:forward_to_sfe"]
    stateless_fragment_default_actions = ["aws:forward_to_sfe"]
    stateful_default_actions           = ["aws:drop_established"]

    stateful_engine_options {
      rule_order = "STRICT_ORDER"
    }

    stateful_rule_group_reference {
      priority     = 10
      resource_arn = aws_networkfirewall_rule_group.blocked_domains.arn
    }
  }
}

resource "aws_networkfirewall_firewall" "dmz" {
  name                = "update-dmz"
  firewall_policy_arn = aws_networkfirewall_firewall_policy.deny_only.arn
  vpc_id              = aws_vpc.dmz.id

  subnet_mapping {
    subnet_id = aws_subnet.firewall.id
  }
}

# An allowlist, but what matches no rule passes: no strict order, no
# default drop. Reported twice. The policy is tagged for the DMZ.
resource "aws_networkfirewall_rule_group" "update_domains" {
  name     = "update-domains"
  type     = "STATEFUL"
  capacity = 100

  rule_group {
    rules_source {
      rules_source_list {
        generated_rules_type = "ALLOWLIST"
        target_types         = ["TLS_SNI"]
        targets              = [".windowsupdate.com"]
      }
    }
  }
}

resource "aws_networkfirewall_firewall_policy" "default_pass" {
  name = "update-dmz-default-pass"
  tags = { Segment = "dmz" }

  firewall_policy {
    stateless_default_actions          = ["aws:forward_to_sfe"]
    stateless_fragment_default_actions = ["aws:forward_to_sfe"]

    stateful_rule_group_reference {
      resource_arn = aws_networkfirewall_rule_group.update_domains.arn
    }
  }
}

# A module's DMZ: its relay route and its policy's default action are
# reported at the arguments that make them the DMZ's.
module "patch_dmz" {
  source          = "./modules/patch_dmz"
  segment         = "dmz"
  default_actions = ["aws:alert_strict"]
}

# A relay server's security group that allows all egress to the world: the
# DMZ's outbound traffic must be limited to what passes the firewall.
resource "aws_security_group" "relay_all_egress" {
  name   = "update-relay-all-egress"
  vpc_id = aws_vpc.dmz.id

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
