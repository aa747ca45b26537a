# The update DMZ: a network of its own whose workloads (update relays) reach
# the internet only through a network firewall with an FQDN allowlist.

resource "aws_vpc" "this" {
  cidr_block = var.cidr
  tags       = local.tags
}

resource "aws_internet_gateway" "this" {
  vpc_id = aws_vpc.this.id
  tags   = local.tags
}

resource "aws_subnet" "firewall" {
  vpc_id     = aws_vpc.this.id
  cidr_block = cidrsubnet(var.cidr, 4, 0)
  tags       = local.tags
}

resource "aws_subnet" "nat" {
  vpc_id     = aws_vpc.this.id
  cidr_block = cidrsubnet(var.cidr, 4, 1)
  tags       = local.tags
}

resource "aws_subnet" "relay" {
  vpc_id     = aws_vpc.this.id
  cidr_block = cidrsubnet(var.cidr, 4, 2)
  tags       = local.tags
}

resource "aws_eip" "nat" {
  domain = "vpc"
}

resource "aws_nat_gateway" "this" {
  allocation_id = aws_eip.nat.id
  subnet_id     = aws_subnet.nat.id
  tags          = local.tags
}

resource "aws_networkfirewall_rule_group" "updates" {
  name     = "${var.name}-updates"
  type     = "STATEFUL"
  capacity = 100

  rule_group {
    rules_source {
      rules_source_list {
        generated_rules_type = "ALLOWLIST"
        target_types         = ["TLS_SNI", "HTTP_HOST"]
        targets              = var.update_fqdns
      }
    }
  }
}

resource "aws_networkfirewall_firewall_policy" "this" {
  name = var.name

  firewall_policy {
    stateless_default_actions          = ["aws:forward_to_sfe"]
    stateless_fragment_default_actions = ["aws:forward_to_sfe"]
    stateful_default_actions           = ["aws:drop_established"]

    stateful_engine_options {
      rule_order = "STRICT_ORDER"
    }

    stateful_rule_group_reference {
      priority     = 1
      resource_arn = aws_networkfirewall_rule_group.updates.arn
    }
  }
}

resource "aws_networkfirewall_firewall" "this" {
  name                = var.name
  vpc_id              = aws_vpc.this.id
  firewall_policy_arn = aws_networkfirewall_firewall_policy.this.arn

  subnet_mapping {
    subnet_id = aws_subnet.firewall.id
  }
}

resource "aws_cloudwatch_log_group" "firewall" {
  name              = "/firewall/${var.name}"
  retention_in_days = 365
  tags              = local.tags
}

resource "aws_networkfirewall_logging_configuration" "this" {
  firewall_arn = aws_networkfirewall_firewall.this.arn

  logging_configuration {
    log_destination_config {
      log_destination_type = "CloudWatchLogs"
      log_type             = "FLOW"
      log_destination = {
        logGroup = aws_cloudwatch_log_group.firewall.name
      }
    }
  }
}

resource "aws_route_table" "relay" {
  vpc_id = aws_vpc.this.id
  tags   = local.tags
}

resource "aws_route" "relay_default" {
  route_table_id         = aws_route_table.relay.id
  destination_cidr_block = "0.0.0.0/0"
  vpc_endpoint_id        = one([for s in aws_networkfirewall_firewall.this.firewall_status[0].sync_states : s.attachment[0].endpoint_id])
}

resource "aws_route_table_association" "relay" {
  subnet_id      = aws_subnet.relay.id
  route_table_id = aws_route_table.relay.id
}

resource "aws_security_group" "relay" {
  name   = "${var.name}-relay"
  vpc_id = aws_vpc.this.id
  tags   = local.tags

  ingress {
    from_port   = 3128
    to_port     = 3128
    protocol    = "tcp"
    cidr_blocks = var.client_cidrs
  }

  egress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_instance" "relay" {
  for_each               = toset(var.relay_names)
  ami                    = var.ami
  instance_type          = "t3.small"
  subnet_id              = aws_subnet.relay.id
  vpc_security_group_ids = [aws_security_group.relay.id]
  tags                   = merge(local.tags, { Name = each.key })

  metadata_options {
    http_tokens = "required"
  }

  root_block_device {
    encrypted = true
  }
}

resource "aws_cloudwatch_log_group" "flow" {
  name              = "/vpc/${var.name}/flow"
  retention_in_days = 365
  tags              = local.tags
}

resource "aws_flow_log" "this" {
  vpc_id          = aws_vpc.this.id
  traffic_type    = "ALL"
  log_destination = aws_cloudwatch_log_group.flow.arn
  iam_role_arn    = var.flow_log_role_arn
}
