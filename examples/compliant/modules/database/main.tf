# A resident-records database. Encryption is an input, so a caller that
# turns it off is reported at its module call.
terraform {
  required_version = ">= 1.5"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

variable "name" {
  description = "Database identifier."
  type        = string
}

variable "encrypted" {
  description = "Encrypt the database storage at rest."
  type        = bool
  default     = true
}

variable "kms_key_id" {
  description = "The customer-managed KMS key that encrypts the storage; null for the AWS-managed key."
  type        = string
  default     = null
}

resource "aws_db_instance" "this" {
  identifier                  = var.name
  engine                      = "postgres"
  instance_class              = "db.m6g.large"
  allocated_storage           = 100
  username                    = "records_admin"
  manage_master_user_password = true
  storage_encrypted           = var.encrypted
  kms_key_id                  = var.kms_key_id

  backup_retention_period         = 7
  deletion_protection             = true
  final_snapshot_identifier       = "${var.name}-final"
  enabled_cloudwatch_logs_exports = ["postgresql"]
}
