# Databases, search domains, Lambda functions, images and snapshots, with
# the AWS provider kept at v5.

terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.90"
    }
  }
}

variable "public" {
  type    = bool
  default = true
}

# Reported at the value.
resource "aws_db_instance" "residents" {
  engine              = "postgres"
  instance_class      = "db.t3.medium"
  storage_encrypted   = true
  publicly_accessible = true
}

# Reported at the variable's reference: its default is true.
resource "aws_rds_cluster_instance" "reader" {
  cluster_identifier  = "residents"
  instance_class      = "db.r6g.large"
  engine              = "aurora-postgresql"
  publicly_accessible = var.public
}

# Not reported: RDS and Aurora default to private.
resource "aws_db_instance" "internal" {
  engine            = "postgres"
  instance_class    = "db.t3.medium"
  storage_encrypted = true
}

# Reported at the resource: provider v5 makes a Redshift cluster public
# unless told otherwise.
resource "aws_redshift_cluster" "analytics" {
  cluster_identifier = "analytics"
  node_type          = "ra3.xlplus"
}

# Not reported.
resource "aws_redshift_cluster" "private" {
  cluster_identifier  = "private"
  node_type           = "ra3.xlplus"
  publicly_accessible = false
}

# Reported: a public endpoint, and the attached policy lets anyone in. The
# policy names the domain by reference, which is not known at lint time.
resource "aws_opensearch_domain" "logs" {
  domain_name    = "logs"
  engine_version = "OpenSearch_2.13"
}

resource "aws_opensearch_domain_policy" "logs" {
  domain_name = aws_opensearch_domain.logs.domain_name
  access_policies = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "es:*"
      Resource  = "${aws_opensearch_domain.logs.arn}/*"
    }]
  })
}

# Not reported: limited to the office's addresses.
resource "aws_opensearch_domain" "office" {
  domain_name = "office"
  access_policies = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "es:ESHttp*"
      Resource  = "*"
      Condition = { IpAddress = { "aws:SourceIp" = ["203.0.113.0/24"] } }
    }]
  })
}

# Not reported: in a VPC.
resource "aws_elasticsearch_domain" "legacy" {
  domain_name = "legacy"
  vpc_options {
    subnet_ids = ["subnet-0123456789abcdef0"]
  }
  access_policies = jsonencode({
    Statement = [{ Effect = "Allow", Principal = "*", Action = "es:*", Resource = "*" }]
  })
}

# Not reported: fine-grained access control authenticates every request.
resource "aws_opensearch_domain" "dashboards" {
  domain_name = "dashboards"
  advanced_security_options {
    enabled                        = true
    internal_user_database_enabled = true
  }
  access_policies = jsonencode({
    Statement = [{ Effect = "Allow", Principal = { AWS = "*" }, Action = "es:ESHttp*", Resource = "*" }]
  })
}

# Reported: a function URL without authentication, and the permission that
# opens it.
resource "aws_lambda_function_url" "api" {
  function_name      = "residents-api"
  authorization_type = "NONE"
}

resource "aws_lambda_permission" "url" {
  function_name          = "residents-api"
  action                 = "lambda:InvokeFunctionUrl"
  principal              = "*"
  function_url_auth_type = "NONE"
}

# Not reported: the bucket, whose ARN is not known at lint time, restricts
# the source.
resource "aws_s3_bucket" "uploads" {
  bucket = "residents-uploads"
}

resource "aws_lambda_permission" "uploads" {
  function_name = "residents-api"
  action        = "lambda:InvokeFunction"
  principal     = "*"
  source_arn    = aws_s3_bucket.uploads.arn
}

# Reported at the module argument.
module "webhook" {
  source   = "./modules/api"
  url_auth = "NONE"
}

# Not reported.
module "internal_api" {
  source = "./modules/api"
}

# Reported: public AMI and RDS snapshots; a count shares one finding.
resource "aws_ami_launch_permission" "golden" {
  image_id = "ami-0123456789abcdef0"
  group    = "all"
}

resource "aws_db_snapshot" "nightly" {
  count                  = 2
  db_instance_identifier = aws_db_instance.residents.identifier
  db_snapshot_identifier = "residents-nightly-${count.index}"
  shared_accounts        = ["123456789012", "all"]
}

# Not reported.
resource "aws_db_cluster_snapshot" "weekly" {
  db_cluster_identifier          = "residents"
  db_cluster_snapshot_identifier = "residents-weekly"
  shared_accounts                = ["123456789012"]
}

resource "aws_snapshot_create_volume_permission" "dr" {
  snapshot_id = "snap-0123456789abcdef0"
  account_id  = "123456789012"
}
