# tflint --fix turns literal publicly_accessible = true into false.

terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

variable "public" {
  type    = bool
  default = true
}

resource "aws_db_instance" "residents" {
  engine              = "postgres"
  instance_class      = "db.t3.medium"
  storage_encrypted   = true
  publicly_accessible = true
}

resource "aws_redshift_cluster" "analytics" {
  cluster_identifier  = "analytics"
  node_type           = "ra3.xlplus"
  publicly_accessible = "true"
}

# Reported, not fixed: the value comes from a variable.
resource "aws_rds_cluster_instance" "reader" {
  cluster_identifier  = "residents"
  instance_class      = "db.r6g.large"
  engine              = "aurora-postgresql"
  publicly_accessible = var.public
}

# Reported, not fixed: the missing argument is not added.
resource "aws_redshift_cluster" "legacy" {
  cluster_identifier = "legacy"
  node_type          = "ra3.xlplus"
}
