# Databases of several engines: each must export the log its engine
# records privileged operations in.

locals {
  postgres_logs = ["postgresql", "upgrade"]
}

# Compliant: PostgreSQL exports "postgresql" (from a local).
resource "aws_db_instance" "residents" {
  identifier                      = "residents"
  engine                          = "postgres"
  instance_class                  = "db.m7g.large"
  allocated_storage               = 100
  enabled_cloudwatch_logs_exports = local.postgres_logs
}

# A read replica takes the engine of its source, and exports nothing:
# reported at the resource.
resource "aws_db_instance" "residents_replica" {
  identifier          = "residents-replica"
  replicate_source_db = aws_db_instance.residents.identifier
  instance_class      = "db.m7g.large"
}

# Compliant: MySQL exports the audit plugin's log.
resource "aws_db_option_group" "audit" {
  name                 = "mysql-audit"
  engine_name          = "mysql"
  major_engine_version = "8.0"

  option {
    option_name = "MARIADB_AUDIT_PLUGIN"
  }
}

resource "aws_db_instance" "tax" {
  identifier                      = "tax"
  engine                          = "mysql"
  instance_class                  = "db.m7g.large"
  allocated_storage               = 100
  option_group_name               = aws_db_option_group.audit.name
  enabled_cloudwatch_logs_exports = ["audit", "error"]
}

# Oracle exporting only alert and listener: reported at the value.
resource "aws_db_instance" "welfare" {
  identifier                      = "welfare"
  engine                          = "oracle-se2"
  license_model                   = "license-included"
  instance_class                  = "db.m6i.large"
  allocated_storage               = 100
  enabled_cloudwatch_logs_exports = ["alert", "listener"]
}

# Aurora MySQL without "audit": the cluster is reported, not its instances.
resource "aws_rds_cluster" "records" {
  cluster_identifier              = "records"
  engine                          = "aurora-mysql"
  enabled_cloudwatch_logs_exports = ["error", "slowquery"]
}

resource "aws_db_instance" "records_writer" {
  identifier         = "records-writer"
  engine             = "aurora-mysql"
  cluster_identifier = aws_rds_cluster.records.id
  instance_class     = "db.r7g.large"
}

# Compliant Aurora PostgreSQL cluster.
resource "aws_rds_cluster" "documents" {
  cluster_identifier              = "documents"
  engine                          = "aurora-postgresql"
  enabled_cloudwatch_logs_exports = ["postgresql"]
}
