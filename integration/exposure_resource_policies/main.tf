# Resource policies of SQS, SNS, ECR, Secrets Manager and KMS.

data "aws_caller_identity" "current" {}

locals {
  anyone = "*"
}

# Reported: open to anyone, with the principal from a local that TFLint
# resolves.
resource "aws_sqs_queue" "orders" {
  name = "orders"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "SendFromAnyone"
      Effect    = "Allow"
      Principal = local.anyone
      Action    = "sqs:SendMessage"
      Resource  = "*"
    }]
  })
}

# Not reported: the topic may send, for this topic only (its ARN is not known
# at lint time, but the condition limits the statement whatever its value).
resource "aws_sns_topic" "orders" {
  name = "orders"
}

resource "aws_sqs_queue_policy" "orders" {
  queue_url = aws_sqs_queue.orders.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "sqs:SendMessage"
      Resource  = aws_sqs_queue.orders.arn
      Condition = { ArnEquals = { "aws:SourceArn" = aws_sns_topic.orders.arn } }
    }]
  })
}

# Reported: a heredoc with an interpolated resource ARN; the principal is
# "*".
resource "aws_sns_topic_policy" "orders" {
  arn    = aws_sns_topic.orders.arn
  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [{
        "Sid": "PublishFromAnyone",
        "Effect": "Allow",
        "Principal": {"AWS": "*"},
        "Action": "sns:Publish",
        "Resource": "${aws_sns_topic.orders.arn}"
      }]
    }
  EOT
}

# Reported: the policy document data source opens the repository.
data "aws_iam_policy_document" "pull" {
  statement {
    sid     = "PublicPull"
    actions = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }
}

resource "aws_ecr_repository_policy" "app" {
  repository = "app"
  policy     = data.aws_iam_policy_document.pull.json
}

# Not reported: the principal is the account, written with an attribute that
# is not known at lint time.
resource "aws_secretsmanager_secret" "db" {
  name = "db"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:root" }
      Action    = "secretsmanager:GetSecretValue"
      Resource  = "*"
    }]
  })
}

# Reported: open to anyone; block_public_policy would make the apply fail.
resource "aws_secretsmanager_secret_policy" "api" {
  secret_arn          = "arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:api-AbCdEf"
  block_public_policy = true
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { AWS = "*" }, Action = "secretsmanager:GetSecretValue", Resource = "*" }]
  })
}

# Not reported: open to any principal, but only through the caller's account.
resource "aws_kms_key" "data" {
  description = "data"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = ["kms:Decrypt", "kms:GenerateDataKey"]
      Resource  = "*"
      Condition = {
        StringEquals = {
          "kms:CallerAccount" = data.aws_caller_identity.current.account_id
          "kms:ViaService"    = "s3.ap-northeast-1.amazonaws.com"
        }
      }
    }]
  })
}

# Reported: a count of two keys shares one finding.
resource "aws_kms_key_policy" "shared" {
  count  = 2
  key_id = "key-${count.index}"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = "*", Action = "kms:*", Resource = "*" }]
  })
}

# Reported at the module argument: the module's policy comes from its input.
module "queue" {
  source = "./modules/queue"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = "*", Action = "sqs:*", Resource = "*" }]
  })
}

# Not reported: the module's input names a service.
module "private_queue" {
  source = "./modules/queue"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "events.amazonaws.com" }, Action = "sqs:SendMessage", Resource = "*" }]
  })
}
