# Roles of the system, with policies written in the three forms: jsonencode,
# a heredoc, and an aws_iam_policy_document data source.

resource "aws_iam_role" "app" {
  name = "${var.name}-app"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "ec2.amazonaws.com" }
    }]
  })
  tags = local.tags
}

resource "aws_iam_instance_profile" "app" {
  name = "${var.name}-app"
  role = aws_iam_role.app.name
}

resource "aws_iam_policy" "app_data" {
  name   = "${var.name}-app-data"
  policy = <<-JSON
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": ["s3:GetObject", "s3:PutObject"],
          "Resource": "arn:aws:s3:::${var.name}-data/*"
        }
      ]
    }
  JSON
}

resource "aws_iam_role_policy_attachment" "app_data" {
  role       = aws_iam_role.app.name
  policy_arn = aws_iam_policy.app_data.arn
}

resource "aws_iam_role_policy" "app_queue" {
  name = "queue"
  role = aws_iam_role.app.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage"]
      Resource = aws_sqs_queue.jobs.arn
    }]
  })
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

data "aws_iam_policy_document" "flow" {
  statement {
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"]
    resources = ["${aws_cloudwatch_log_group.flow.arn}:*"]
  }
}

resource "aws_iam_role" "flow" {
  name               = "${var.name}-flow"
  assume_role_policy = data.aws_iam_policy_document.flow_trust.json
  tags               = local.tags
}

resource "aws_iam_role_policy" "flow" {
  name   = "flow"
  role   = aws_iam_role.flow.id
  policy = data.aws_iam_policy_document.flow.json
}
