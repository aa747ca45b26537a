# Deletion protection and final snapshots, written in the root module and
# passed to a local module. Variables without a value are unknown: strict
# mode names them.

variable "skip_final_snapshot" {
  type = bool
}

resource "aws_db_instance" "main" {
  instance_class            = "db.t3.micro"
  deletion_protection       = true
  final_snapshot_identifier = "main-final"
}

resource "aws_db_instance" "reports" {
  instance_class            = "db.t3.micro"
  deletion_protection       = true
  skip_final_snapshot       = var.skip_final_snapshot
  final_snapshot_identifier = "reports-final"
}

resource "aws_db_instance" "replica" {
  instance_class      = "db.t3.micro"
  deletion_protection = true
  replicate_source_db = aws_db_instance.main.identifier
}

resource "aws_rds_cluster" "aurora" {
  engine                    = "aurora-postgresql"
  final_snapshot_identifier = "${aws_db_instance.main.identifier}-aurora-final"
}

resource "aws_dynamodb_table" "applications" {
  name                        = "applications"
  hash_key                    = "id"
  deletion_protection_enabled = true
}

module "ledger_db" {
  source              = "./modules/db"
  deletion_protection = false
  skip_final_snapshot = true
}
