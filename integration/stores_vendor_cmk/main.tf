# A vendor's template for a resident-records system: every data store is
# encrypted, with keys the local government manages, and talks TLS. With
# every encryption rule on, in strict mode, it produces no finding.

terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 6.0"
    }
  }
}

resource "aws_kms_key" "residents" {
  description             = "resident records"
  enable_key_rotation     = true
  deletion_window_in_days = 30
}

resource "aws_kms_alias" "residents" {
  name          = "alias/residents"
  target_key_id = aws_kms_key.residents.key_id
}

resource "aws_kms_key" "storage" {
  for_each            = toset(["ebs", "files", "backup"])
  description         = "storage: ${each.key}"
  enable_key_rotation = true
}

resource "aws_kms_replica_key" "osaka" {
  primary_key_arn = aws_kms_key.residents.arn
}

# Block storage and servers.
resource "aws_ebs_default_kms_key" "this" {
  key_arn = aws_kms_key.storage["ebs"].arn
}

resource "aws_ebs_encryption_by_default" "this" {
  enabled = true
}

resource "aws_ebs_volume" "records" {
  availability_zone = "ap-northeast-1a"
  size              = 200
  encrypted         = true
  kms_key_id        = aws_kms_key.storage["ebs"].arn
}

resource "aws_instance" "app" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "m7g.large"

  root_block_device {
    encrypted  = true
    kms_key_id = aws_kms_key.storage["ebs"].arn
  }

  ebs_block_device {
    device_name = "/dev/sdf"
    encrypted   = true
    kms_key_id  = aws_kms_key.storage["ebs"].arn
  }
}

resource "aws_launch_template" "app" {
  name = "app"

  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      encrypted  = true
      kms_key_id = aws_kms_key.storage["ebs"].arn
    }
  }
}

# Databases.
resource "aws_db_instance" "records" {
  identifier        = "records"
  engine            = "postgres"
  instance_class    = "db.m7g.large"
  allocated_storage = 100
  storage_encrypted = true
  kms_key_id        = aws_kms_key.residents.arn
}

resource "aws_rds_cluster" "aurora" {
  cluster_identifier = "aurora"
  engine             = "aurora-postgresql"
  storage_encrypted  = true
  kms_key_id         = aws_kms_key.residents.arn
}

resource "aws_rds_cluster_instance" "aurora" {
  identifier         = "aurora-1"
  cluster_identifier = aws_rds_cluster.aurora.id
  engine             = aws_rds_cluster.aurora.engine
  instance_class     = "db.r7g.large"
}

resource "aws_docdb_cluster" "documents" {
  cluster_identifier = "documents"
  storage_encrypted  = true
  kms_key_id         = aws_kms_key.residents.arn
}

resource "aws_dynamodb_table" "sessions" {
  name         = "sessions"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.residents.arn
  }

  replica {
    region_name = "ap-northeast-3"
    kms_key_arn = aws_kms_replica_key.osaka.arn
  }
}

resource "aws_redshift_cluster" "dwh" {
  cluster_identifier = "dwh"
  node_type          = "ra3.xlplus"
  encrypted          = true
  kms_key_id         = aws_kms_key.residents.arn
}

resource "aws_redshiftserverless_namespace" "analytics" {
  namespace_name = "analytics"
  kms_key_id     = aws_kms_key.residents.arn
}

# Files and objects.
resource "aws_efs_file_system" "shared" {
  creation_token = "shared"
  encrypted      = true
  kms_key_id     = aws_kms_key.storage["files"].arn
}

resource "aws_fsx_windows_file_system" "share" {
  storage_capacity    = 32
  subnet_ids          = ["subnet-1"]
  throughput_capacity = 32
  kms_key_id          = aws_kms_key.storage["files"].arn
}

resource "aws_fsx_ontap_file_system" "nas" {
  deployment_type     = "SINGLE_AZ_1"
  subnet_ids          = ["subnet-1"]
  preferred_subnet_id = "subnet-1"
  throughput_capacity = 128
  kms_key_id          = aws_kms_key.storage["files"].arn
}

resource "aws_s3_bucket" "documents" {
  bucket = "city-resident-documents"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "documents" {
  bucket = aws_s3_bucket.documents.id

  rule {
    bucket_key_enabled = true
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.storage["files"].arn
    }
  }
}

resource "aws_backup_vault" "records" {
  name        = "records"
  kms_key_arn = aws_kms_key.storage["backup"].arn
}

# Caches, messaging and streams.
resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "sessions"
  description                = "sessions"
  engine                     = "redis"
  node_type                  = "cache.m7g.large"
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
  transit_encryption_mode    = "required"
  kms_key_id                 = aws_kms_key.residents.arn
}

resource "aws_elasticache_serverless_cache" "lookup" {
  name       = "lookup"
  engine     = "valkey"
  kms_key_id = aws_kms_key.residents.arn
}

resource "aws_sqs_queue" "applications" {
  name              = "applications"
  kms_master_key_id = aws_kms_alias.residents.arn
}

resource "aws_sns_topic" "notices" {
  name              = "notices"
  kms_master_key_id = aws_kms_alias.residents.name
}

resource "aws_kinesis_stream" "audit" {
  name            = "audit"
  shard_count     = 1
  encryption_type = "KMS"
  kms_key_id      = aws_kms_key.residents.id
}

resource "aws_msk_cluster" "events" {
  cluster_name           = "events"
  kafka_version          = "3.6.0"
  number_of_broker_nodes = 3

  broker_node_group_info {
    instance_type   = "kafka.m7g.large"
    client_subnets  = ["subnet-1", "subnet-2", "subnet-3"]
    security_groups = ["sg-1"]
  }

  encryption_info {
    encryption_at_rest_kms_key_arn = aws_kms_key.residents.arn
    encryption_in_transit {
      client_broker = "TLS"
      in_cluster    = true
    }
  }
}

# Search, desktops, containers and secrets.
resource "aws_opensearch_domain" "search" {
  domain_name    = "search"
  engine_version = "OpenSearch_2.13"

  encrypt_at_rest {
    enabled    = true
    kms_key_id = aws_kms_key.residents.arn
  }

  node_to_node_encryption {
    enabled = true
  }
}

resource "aws_workspaces_workspace" "staff" {
  for_each                       = toset(["taro", "hanako"])
  directory_id                   = "d-1234567890"
  bundle_id                      = "wsb-bh8rsxt14"
  user_name                      = each.key
  root_volume_encryption_enabled = true
  user_volume_encryption_enabled = true
  volume_encryption_key          = aws_kms_key.residents.arn
}

resource "aws_ecr_repository" "app" {
  name = "records-app"

  encryption_configuration {
    encryption_type = "KMS"
    kms_key         = aws_kms_key.residents.arn
  }
}

resource "aws_secretsmanager_secret" "db" {
  name       = "records-db"
  kms_key_id = aws_kms_key.residents.arn

  replica {
    region     = "ap-northeast-3"
    kms_key_id = aws_kms_replica_key.osaka.arn
  }
}

resource "aws_eks_cluster" "apps" {
  name     = "apps"
  role_arn = "arn:aws:iam::111122223333:role/eks"

  vpc_config {
    subnet_ids = ["subnet-1", "subnet-2"]
  }

  encryption_config {
    resources = ["secrets"]
    provider {
      key_arn = aws_kms_key.residents.arn
    }
  }
}
