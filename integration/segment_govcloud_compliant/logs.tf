# Evidence logs: the VPC's flow log and DNS query log, kept a year in log
# groups encrypted with the system's key.

resource "aws_cloudwatch_log_group" "flow" {
  name              = "/juki/vpc-flow"
  retention_in_days = 400
  kms_key_id        = aws_kms_key.juki.arn
}

resource "aws_cloudwatch_log_group" "dns" {
  name              = "/juki/dns-query"
  retention_in_days = 400
  kms_key_id        = aws_kms_key.juki.arn
}

data "aws_iam_policy_document" "flow_trust" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["vpc-flow-logs.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "flow" {
  name               = "juki-vpc-flow-logs"
  assume_role_policy = data.aws_iam_policy_document.flow_trust.json
}

data "aws_iam_policy_document" "flow" {
  statement {
    actions = [
      "logs:CreateLogStream",
      "logs:PutLogEvents",
      "logs:DescribeLogGroups",
      "logs:DescribeLogStreams",
    ]
    resources = ["${aws_cloudwatch_log_group.flow.arn}:*"]
  }
}

resource "aws_iam_role_policy" "flow" {
  name   = "write-flow-logs"
  role   = aws_iam_role.flow.id
  policy = data.aws_iam_policy_document.flow.json
}

resource "aws_flow_log" "juki" {
  vpc_id          = aws_vpc.juki.id
  traffic_type    = "ALL"
  log_destination = aws_cloudwatch_log_group.flow.arn
  iam_role_arn    = aws_iam_role.flow.arn
}

resource "aws_route53_resolver_query_log_config" "juki" {
  name            = "juki"
  destination_arn = aws_cloudwatch_log_group.dns.arn
}

resource "aws_route53_resolver_query_log_config_association" "juki" {
  resolver_query_log_config_id = aws_route53_resolver_query_log_config.juki.id
  resource_id                  = aws_vpc.juki.id
}
