# A system of the internet domain whose data stores leave encryption to the
# defaults, or turn it off. Each store below is reported once, even where
# count or for_each makes several instances of it.

terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.80"
    }
  }
}

locals {
  tls       = false
  encrypted = true
}

resource "aws_kms_key" "messages" {
  description         = "queues and topics"
  enable_key_rotation = true
}

# ElastiCache: Redis OSS without encryption (the engine's defaults), TLS off
# through a local, and a Valkey group that is fine.
resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id = "sessions"
  description          = "sessions"
  node_type            = "cache.t4g.small"
}

resource "aws_elasticache_replication_group" "queue" {
  replication_group_id       = "queue"
  description                = "job queue"
  engine                     = "valkey"
  transit_encryption_enabled = local.tls
}

resource "aws_elasticache_replication_group" "valkey" {
  replication_group_id       = "valkey"
  description                = "valkey"
  engine                     = "valkey"
  transit_encryption_enabled = local.encrypted
}

module "cache" {
  source = "./modules/cache"
  tls    = false
}

resource "aws_elasticache_cluster" "memcached" {
  count      = 2
  cluster_id = "memcached-${count.index}"
  engine     = "memcached"
  node_type  = "cache.t4g.micro"
}

# Redshift without encrypted under provider v5.
resource "aws_redshift_cluster" "dwh" {
  cluster_identifier = "dwh"
  node_type          = "ra3.xlplus"
}

# Queues and topics: a key by reference is a key.
resource "aws_sqs_queue" "plain" {
  for_each                = toset(["a", "b"])
  name                    = "plain-${each.key}"
  sqs_managed_sse_enabled = false
}

resource "aws_sqs_queue" "default" {
  name = "default"
}

resource "aws_sns_topic" "alerts" {
  name = "alerts"
}

resource "aws_sns_topic" "encrypted" {
  name              = "encrypted"
  kms_master_key_id = aws_kms_key.messages.id
}

resource "aws_kinesis_stream" "events" {
  name        = "events"
  shard_count = 1
}

# OpenSearch: node-to-node encryption through a dynamic block.
resource "aws_opensearch_domain" "search" {
  domain_name = "search"

  encrypt_at_rest {
    enabled = true
  }

  dynamic "node_to_node_encryption" {
    for_each = [false]
    content {
      enabled = node_to_node_encryption.value
    }
  }
}

resource "aws_workspaces_workspace" "desk" {
  directory_id                   = "d-1234567890"
  bundle_id                      = "wsb-bh8rsxt14"
  user_name                      = "taro"
  user_volume_encryption_enabled = true
}

resource "aws_docdb_cluster" "documents" {
  cluster_identifier = "documents"
}

resource "aws_msk_cluster" "events" {
  cluster_name           = "events"
  kafka_version          = "3.6.0"
  number_of_broker_nodes = 3

  broker_node_group_info {
    instance_type   = "kafka.t3.small"
    client_subnets  = ["subnet-1", "subnet-2", "subnet-3"]
    security_groups = ["sg-1"]
  }

  encryption_info {
    encryption_in_transit {
      client_broker = "TLS_PLAINTEXT"
    }
  }
}
