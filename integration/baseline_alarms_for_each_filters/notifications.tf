# GuardDuty and Security Hub findings go to the security team's topic.
resource "aws_sns_topic" "security" {
  name = "security-findings"
}

resource "aws_sns_topic_subscription" "security_team" {
  topic_arn = aws_sns_topic.security.arn
  protocol  = "email"
  endpoint  = "security@city.example.lg.jp"
}

resource "aws_cloudwatch_event_rule" "findings" {
  name        = "security-findings"
  description = "GuardDuty and Security Hub findings"
  event_pattern = jsonencode({
    source      = ["aws.guardduty", "aws.securityhub"]
    detail-type = ["GuardDuty Finding", "Security Hub Findings - Imported"]
  })
}

resource "aws_cloudwatch_event_target" "findings" {
  rule = aws_cloudwatch_event_rule.findings.name
  arn  = aws_sns_topic.security.arn
}
