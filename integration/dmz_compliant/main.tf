# The update DMZ of a local government's My Number system: the WSUS and
# anti-virus relay servers fetch updates from the internet through AWS
# Network Firewall, which allows only the update domains and drops the
# rest (guideline 4.3.1.3).
#
#   relay subnets ── 0.0.0.0/0 ──▶ firewall endpoint (firewall subnets)
#   firewall subnets ── 0.0.0.0/0 ──▶ internet gateway
#   internet gateway (edge route table) ── relay ranges ──▶ firewall endpoint

provider "aws" {
  region = "ap-northeast-1"
}

locals {
  azs            = ["ap-northeast-1a", "ap-northeast-1c"]
  firewall_cidrs = ["10.50.0.0/28", "10.50.0.16/28"]
  relay_cidrs    = ["10.50.10.0/24", "10.50.11.0/24"]

  # The firewall's endpoint in each availability zone.
  firewall_endpoints = {
    for s in tolist(aws_networkfirewall_firewall.dmz.firewall_status[0].sync_states) :
    s.availability_zone => s.attachment[0].endpoint_id
  }
}

resource "aws_vpc" "dmz" {
  cidr_block = "10.50.0.0/16"
  tags = {
    Name    = "update-dmz"
    Segment = "dmz"
  }
}

resource "aws_subnet" "firewall" {
  count             = 2
  vpc_id            = aws_vpc.dmz.id
  cidr_block        = local.firewall_cidrs[count.index]
  availability_zone = local.azs[count.index]
  tags              = { Name = "dmz-firewall-${count.index}" }
}

resource "aws_subnet" "relay" {
  count             = 2
  vpc_id            = aws_vpc.dmz.id
  cidr_block        = local.relay_cidrs[count.index]
  availability_zone = local.azs[count.index]
  tags              = { Name = "dmz-relay-${count.index}" }
}

resource "aws_internet_gateway" "dmz" {
  vpc_id = aws_vpc.dmz.id
}

# Firewall subnets: out to the internet gateway.
resource "aws_route_table" "firewall" {
  vpc_id = aws_vpc.dmz.id

  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.dmz.id
  }
}

resource "aws_route_table_association" "firewall" {
  count          = 2
  subnet_id      = aws_subnet.firewall[count.index].id
  route_table_id = aws_route_table.firewall.id
}

# Relay subnets: everything leaves through the firewall endpoint of the zone.
resource "aws_route_table" "relay" {
  count  = 2
  vpc_id = aws_vpc.dmz.id
}

resource "aws_route" "relay_default" {
  count                  = 2
  route_table_id         = aws_route_table.relay[count.index].id
  destination_cidr_block = "0.0.0.0/0"
  vpc_endpoint_id        = local.firewall_endpoints[local.azs[count.index]]
}

resource "aws_route_table_association" "relay" {
  count          = 2
  subnet_id      = aws_subnet.relay[count.index].id
  route_table_id = aws_route_table.relay[count.index].id
}

# Ingress routing: replies to the relay subnets come back through the firewall.
resource "aws_route_table" "igw_edge" {
  vpc_id = aws_vpc.dmz.id

  route {
    cidr_block      = "10.50.10.0/24"
    vpc_endpoint_id = local.firewall_endpoints["ap-northeast-1a"]
  }

  route {
    cidr_block      = "10.50.11.0/24"
    vpc_endpoint_id = local.firewall_endpoints["ap-northeast-1c"]
  }
}

resource "aws_route_table_association" "igw_edge" {
  gateway_id     = aws_internet_gateway.dmz.id
  route_table_id = aws_route_table.igw_edge.id
}

# The FQDN allowlist: the update servers of the OS and the anti-virus software.
resource "aws_networkfirewall_rule_group" "update_domains" {
  name     = "update-domains"
  type     = "STATEFUL"
  capacity = 100

  rule_group {
    stateful_rule_options {
      rule_order = "STRICT_ORDER"
    }

    rules_source {
      rules_source_list {
        generated_rules_type = "ALLOWLIST"
        target_types         = ["TLS_SNI", "HTTP_HOST"]
        targets = [
          ".windowsupdate.com",
          ".update.microsoft.com",
          ".delivery.mp.microsoft.com",
          ".trendmicro.com",
        ]
      }
    }
  }
}

resource "aws_networkfirewall_firewall_policy" "dmz" {
  name = "update-dmz"

  firewall_policy {
    stateless_default_actions          = ["aws:forward_to_sfe"]
    stateless_fragment_default_actions = ["aws:forward_to_sfe"]
    stateful_default_actions           = ["aws:drop_established", "aws:alert_established"]

    stateful_engine_options {
      rule_order = "STRICT_ORDER"
    }

    stateful_rule_group_reference {
      priority     = 10
      resource_arn = aws_networkfirewall_rule_group.update_domains.arn
    }
  }
}

resource "aws_networkfirewall_firewall" "dmz" {
  name                = "update-dmz"
  firewall_policy_arn = aws_networkfirewall_firewall_policy.dmz.arn
  vpc_id              = aws_vpc.dmz.id

  dynamic "subnet_mapping" {
    for_each = aws_subnet.firewall
    content {
      subnet_id = subnet_mapping.value.id
    }
  }
}

# Daily monitoring: every flow and every alert is logged.
resource "aws_networkfirewall_logging_configuration" "dmz" {
  firewall_arn = aws_networkfirewall_firewall.dmz.arn

  logging_configuration {
    log_destination_config {
      log_type             = "FLOW"
      log_destination_type = "CloudWatchLogs"
      log_destination      = { logGroup = "/update-dmz/firewall/flow" }
    }
    log_destination_config {
      log_type             = "ALERT"
      log_destination_type = "CloudWatchLogs"
      log_destination      = { logGroup = "/update-dmz/firewall/alert" }
    }
  }
}

# The relay servers reach the update servers over HTTPS only.
resource "aws_security_group" "relay" {
  name   = "update-relay"
  vpc_id = aws_vpc.dmz.id

  egress {
    description = "HTTPS to the update servers, through the firewall"
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_instance" "wsus" {
  ami                    = "ami-0123456789abcdef0"
  instance_type          = "m6i.large"
  subnet_id              = aws_subnet.relay[0].id
  vpc_security_group_ids = [aws_security_group.relay.id]
  tags                   = { Name = "wsus" }
}
