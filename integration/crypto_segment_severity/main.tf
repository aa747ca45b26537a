# Encryption findings take the severity of the segment: ERROR for resources of
# the mynumber segment (by their own tag, their provider's default_tags, or
# the network they sit in), WARNING elsewhere.
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = "ap-northeast-1"
}

provider "aws" {
  alias  = "mynumber"
  region = "ap-northeast-1"

  default_tags {
    tags = {
      Segment = "mynumber"
    }
  }
}

# Networks of two segments.
resource "aws_vpc" "mynumber" {
  cidr_block = "10.10.0.0/16"
  tags       = { Segment = "mynumber" }
}

resource "aws_subnet" "mynumber_a" {
  vpc_id     = aws_vpc.mynumber.id
  cidr_block = "10.10.1.0/24"
}

resource "aws_subnet" "mynumber_c" {
  vpc_id     = aws_vpc.mynumber.id
  cidr_block = "10.10.2.0/24"
}

resource "aws_vpc" "lgwan" {
  cidr_block = "10.20.0.0/16"
  tags       = { Segment = "lgwan" }
}

resource "aws_subnet" "lgwan_a" {
  vpc_id     = aws_vpc.lgwan.id
  cidr_block = "10.20.1.0/24"
}

resource "aws_subnet" "lgwan_c" {
  vpc_id     = aws_vpc.lgwan.id
  cidr_block = "10.20.2.0/24"
}

# Queues: ERROR by the own tag, WARNING by another segment's tag, ERROR by the
# provider's default_tags.
resource "aws_sqs_queue" "residents" {
  name                    = "residents"
  sqs_managed_sse_enabled = false
  kms_master_key_id       = aws_kms_key.residents.arn
  tags                    = { Segment = "mynumber" }
}

resource "aws_sqs_queue" "notices" {
  name                    = "notices"
  sqs_managed_sse_enabled = false
  tags                    = { Segment = "lgwan" }
}

resource "aws_sqs_queue" "applications" {
  provider                = aws.mynumber
  name                    = "applications"
  sqs_managed_sse_enabled = false
}

# The rule block sets severity = "warning": a WARNING in the mynumber segment
# too.
resource "aws_sns_topic" "alerts" {
  provider = aws.mynumber
  name     = "alerts"
}

# Keys.
resource "aws_kms_key" "residents" {
  description         = "Resident records"
  enable_key_rotation = true
  tags                = { Segment = "mynumber" }
}

resource "aws_kms_key" "signing" {
  description              = "Signing key of the resident records system"
  customer_master_key_spec = "RSA_1024"
  tags                     = { Segment = "mynumber" }
}

resource "aws_kms_key" "web_signing" {
  description              = "Signing key of the city's web site"
  customer_master_key_spec = "RSA_1024"
  tags                     = { Segment = "internet" }
}

# Listeners take the segment of their load balancer, placed by its subnets.
resource "aws_lb" "records" {
  internal = true
  subnets  = [aws_subnet.mynumber_a.id, aws_subnet.mynumber_c.id]
}

resource "aws_lb_listener" "records" {
  load_balancer_arn = aws_lb.records.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-2016-08"
  certificate_arn   = "arn:aws:acm:ap-northeast-1:111122223333:certificate/11111111-2222-3333-4444-555555555555"

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:ap-northeast-1:111122223333:targetgroup/records/73e2d6bc24d8a067"
  }
}

resource "aws_lb" "groupware" {
  internal = true
  subnets  = [aws_subnet.lgwan_a.id, aws_subnet.lgwan_c.id]
}

resource "aws_lb_listener" "groupware" {
  load_balancer_arn = aws_lb.groupware.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-2016-08"
  certificate_arn   = "arn:aws:acm:ap-northeast-1:111122223333:certificate/66666666-7777-8888-9999-000000000000"

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:ap-northeast-1:111122223333:targetgroup/groupware/50dc6c495c0c9188"
  }
}

# Parameter groups take the segment of the databases that use them.
resource "aws_db_subnet_group" "records" {
  name       = "records"
  subnet_ids = [aws_subnet.mynumber_a.id, aws_subnet.mynumber_c.id]
}

resource "aws_db_parameter_group" "records" {
  family = "postgres14"

  parameter {
    name  = "rds.force_ssl"
    value = "0"
  }
}

resource "aws_db_instance" "records" {
  engine               = "postgres"
  engine_version       = "14.12"
  instance_class       = "db.t4g.medium"
  storage_encrypted    = true
  kms_key_id           = aws_kms_key.residents.arn
  db_subnet_group_name = aws_db_subnet_group.records.name
  parameter_group_name = aws_db_parameter_group.records.name
}

resource "aws_db_subnet_group" "groupware" {
  name       = "groupware"
  subnet_ids = [aws_subnet.lgwan_a.id, aws_subnet.lgwan_c.id]
}

resource "aws_db_parameter_group" "groupware" {
  family = "postgres14"

  parameter {
    name  = "rds.force_ssl"
    value = "0"
  }
}

resource "aws_db_instance" "groupware" {
  engine               = "postgres"
  engine_version       = "14.12"
  instance_class       = "db.t4g.medium"
  storage_encrypted    = true
  db_subnet_group_name = aws_db_subnet_group.groupware.name
  parameter_group_name = aws_db_parameter_group.groupware.name
}

# A Redshift cluster in the mynumber network, through its subnet group.
resource "aws_redshift_subnet_group" "statistics" {
  name       = "statistics"
  subnet_ids = [aws_subnet.mynumber_a.id, aws_subnet.mynumber_c.id]
}

resource "aws_redshift_cluster" "statistics" {
  cluster_identifier        = "statistics"
  node_type                 = "ra3.xlplus"
  cluster_subnet_group_name = aws_redshift_subnet_group.statistics.name
  encrypted                 = false
  kms_key_id                = aws_kms_key.residents.arn
}

# Queues of a module, tagged by its input: reported at the module's argument,
# ERROR for the mynumber one.
module "mynumber_queue" {
  source  = "./modules/queue"
  segment = "mynumber"
  sse     = false
}

module "lgwan_queue" {
  source  = "./modules/queue"
  segment = "lgwan"
  sse     = false
}
