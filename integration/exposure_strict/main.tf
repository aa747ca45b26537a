# What cannot be checked at lint time is named by a NOTICE in strict mode;
# nothing here is reported as a finding.

variable "queue_policy" {
  type = string
}

variable "publisher" {
  type = string
}

variable "public" {
  type = bool
}

variable "search_domain" {
  type = string
}

variable "caller" {
  type = string
}

variable "share_with" {
  type = list(string)
}

# Named: the whole policy comes from an input without a default.
resource "aws_sqs_queue" "orders" {
  name   = "orders"
  policy = var.queue_policy
}

# Named: one principal comes from an input without a default.
resource "aws_sns_topic" "alerts" {
  name = "alerts"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = var.publisher }
      Action    = "sns:Publish"
      Resource  = "*"
    }]
  })
}

# Not named: a principal that refers to a resource is never "*".
resource "aws_iam_role" "worker" {
  name = "worker"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "ecs-tasks.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_sqs_queue" "jobs" {
  name = "jobs"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = aws_iam_role.worker.arn }
      Action    = "sqs:ReceiveMessage"
      Resource  = "*"
    }]
  })
}

# Named: the flag comes from an input without a default.
resource "aws_db_instance" "residents" {
  engine              = "postgres"
  instance_class      = "db.t3.medium"
  storage_encrypted   = true
  publicly_accessible = var.public
}

# Named: no version constraint tells provider v5 (public by default) from v6.
resource "aws_redshift_cluster" "analytics" {
  cluster_identifier = "analytics"
  node_type          = "ra3.xlplus"
}

# Named: the domain is not in this module.
resource "aws_opensearch_domain_policy" "external" {
  domain_name = var.search_domain
  access_policies = jsonencode({
    Statement = [{ Effect = "Allow", Principal = "*", Action = "es:*", Resource = "*" }]
  })
}

# Named: the principal comes from an input without a default.
resource "aws_lambda_permission" "invoke" {
  function_name = "residents-api"
  action        = "lambda:InvokeFunction"
  principal     = var.caller
}

# Named: the accounts come from an input without a default.
resource "aws_db_snapshot" "nightly" {
  db_instance_identifier = "residents"
  db_snapshot_identifier = "residents-nightly"
  shared_accounts        = var.share_with
}
