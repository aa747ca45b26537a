resource "aws_db_instance" "absent" {
  identifier     = "absent"
  engine         = "postgres"
  instance_class = "db.t3.micro"
}

resource "aws_db_instance" "explicit_false" {
  identifier        = "explicit-false"
  engine            = "mysql"
  instance_class    = "db.t3.micro"
  storage_encrypted = false
}

resource "aws_db_instance" "compliant" {
  identifier        = "compliant"
  engine            = "postgres"
  instance_class    = "db.t3.micro"
  storage_encrypted = true
}

# A read replica takes its encryption from the source database.
resource "aws_db_instance" "replica" {
  identifier          = "replica"
  instance_class      = "db.t3.micro"
  replicate_source_db = aws_db_instance.compliant.identifier
}

# Aurora instances are encrypted by their cluster.
resource "aws_db_instance" "aurora_member" {
  identifier     = "aurora-member"
  engine         = "aurora-postgresql"
  instance_class = "db.r6g.large"
}

resource "aws_rds_cluster" "provisioned_absent" {
  cluster_identifier = "provisioned-absent"
  engine             = "aurora-postgresql"
}

resource "aws_rds_cluster" "explicit_false" {
  cluster_identifier = "explicit-false"
  engine             = "aurora-mysql"
  storage_encrypted  = false
}

# Aurora Serverless v1 clusters are always encrypted.
resource "aws_rds_cluster" "serverless_v1" {
  cluster_identifier = "serverless-v1"
  engine             = "aurora-mysql"
  engine_mode        = "serverless"
}

resource "aws_rds_cluster" "from_snapshot" {
  cluster_identifier  = "from-snapshot"
  engine              = "aurora-postgresql"
  snapshot_identifier = "arn:aws:rds:ap-northeast-1:123456789012:cluster-snapshot:resident-db"
}

resource "aws_rds_cluster" "compliant" {
  cluster_identifier = "compliant"
  engine             = "aurora-postgresql"
  storage_encrypted  = true
}
