variable "vpc_id" {
  type = string
}

resource "aws_route53_resolver_query_log_config" "this" {
  name            = "internet-dns"
  destination_arn = "arn:aws:logs:ap-northeast-1:111122223333:log-group:/dns/internet"
}

resource "aws_route53_resolver_query_log_config_association" "this" {
  resolver_query_log_config_id = aws_route53_resolver_query_log_config.this.id
  resource_id                  = var.vpc_id
}
