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

# The findings go to a function that archives them, not to people: the
# missing route is reported at the first provider block.
resource "aws_lambda_function" "archive" {
  function_name = "archive-findings"
  role          = aws_iam_role.archive.arn
  runtime       = "python3.12"
  handler       = "main.handler"
  filename      = "archive.zip"
}

resource "aws_iam_role" "archive" {
  name = "archive-findings"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "lambda.amazonaws.com" }
    }]
  })
}

resource "aws_cloudwatch_event_target" "findings" {
  rule = aws_cloudwatch_event_rule.findings.name
  arn  = aws_lambda_function.archive.arn
}
