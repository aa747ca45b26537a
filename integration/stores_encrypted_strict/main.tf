# Values that cannot be known at lint time: never a warning, and in strict
# mode a notice that names each one. A reference to a key of the module names
# a key, and is no blind spot.

variable "engine" {
  type = string
}

variable "client_broker" {
  type = string
}

variable "root_encrypted" {
  type = bool
}

resource "aws_kms_key" "messages" {
  enable_key_rotation = true
}

module "kms" {
  source = "./modules/kms"
}

resource "aws_sns_topic" "from_module" {
  name              = "from-module"
  kms_master_key_id = module.kms.key_arn
}

resource "aws_sns_topic" "own_key" {
  name              = "own-key"
  kms_master_key_id = aws_kms_key.messages.arn
}

resource "aws_sqs_queue" "from_module" {
  name                    = "from-module"
  sqs_managed_sse_enabled = false
  kms_master_key_id       = module.kms.key_arn
}

resource "aws_elasticache_replication_group" "cache" {
  replication_group_id       = "cache"
  description                = "cache"
  engine                     = var.engine
  transit_encryption_enabled = true
}

# No provider constraint: the default of encrypted is not known.
resource "aws_redshift_cluster" "dwh" {
  cluster_identifier = "dwh"
  node_type          = "ra3.xlplus"
}

resource "aws_docdb_cluster" "restored" {
  cluster_identifier  = "restored"
  snapshot_identifier = "documents-final"
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
    encryption_in_transit {
      client_broker = var.client_broker
    }
  }
}

resource "aws_workspaces_workspace" "desk" {
  directory_id                   = "d-1234567890"
  bundle_id                      = "wsb-bh8rsxt14"
  user_name                      = "taro"
  root_volume_encryption_enabled = var.root_encrypted
  user_volume_encryption_enabled = true
}
