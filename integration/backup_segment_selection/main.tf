provider "aws" {
  region = "ap-northeast-1"
}

# The account baseline: a locked vault of a customer managed key, a daily
# plan, and a selection by the Backup tag.
resource "aws_kms_key" "backup" {
  enable_key_rotation = true
}

resource "aws_backup_vault" "main" {
  name        = "main"
  kms_key_arn = aws_kms_key.backup.arn
}

resource "aws_backup_vault_lock_configuration" "main" {
  backup_vault_name  = aws_backup_vault.main.name
  min_retention_days = 7
}

resource "aws_backup_plan" "daily" {
  name = "daily"

  rule {
    rule_name         = "daily"
    target_vault_name = aws_backup_vault.main.name
    schedule          = "cron(0 3 * * ? *)"
  }
}

resource "aws_backup_selection" "tagged" {
  name         = "tagged"
  plan_id      = aws_backup_plan.daily.id
  iam_role_arn = "arn:aws:iam::123456789012:role/backup"

  selection_tag {
    type  = "STRINGEQUALS"
    key   = "Backup"
    value = "daily"
  }
}

resource "aws_backup_selection" "named" {
  name         = "named"
  plan_id      = aws_backup_plan.daily.id
  iam_role_arn = "arn:aws:iam::123456789012:role/backup"
  resources    = [aws_dynamodb_table.cases.arn, "arn:aws:elasticfilesystem:ap-northeast-1:123456789012:file-system/*"]
}

# Selected by its tag: passes.
resource "aws_s3_bucket" "records" {
  bucket = "example-resident-records"
  tags   = { Segment = "mynumber", Backup = "daily" }
}

# Selected by reference: passes.
resource "aws_dynamodb_table" "cases" {
  name     = "cases"
  hash_key = "id"
  tags     = { Segment = "mynumber" }
}

# Not selected (ERROR).
resource "aws_s3_bucket" "scans" {
  bucket = "example-resident-scans"
  tags   = { Segment = "mynumber" }
}

# A database in a subnet of the My Number segment, not selected (ERROR).
resource "aws_subnet" "db" {
  vpc_id     = "vpc-0123456789abcdef0"
  cidr_block = "10.10.1.0/24"
  tags       = { Segment = "mynumber" }
}

resource "aws_db_subnet_group" "db" {
  subnet_ids = [aws_subnet.db.id]
}

resource "aws_db_instance" "records" {
  identifier           = "records"
  db_subnet_group_name = aws_db_subnet_group.db.name
  storage_encrypted    = true
}

# The ARN pattern of the service may select it: strict mode names it.
resource "aws_efs_file_system" "shared" {
  encrypted = true
  tags      = { Segment = "mynumber" }
}

# Internet segment: not checked.
resource "aws_s3_bucket" "site" {
  bucket = "example-public-site"
  tags   = { Segment = "internet" }
}

# The module's bucket carries the Backup tag: the root's selection selects
# it.
module "archive" {
  source = "./modules/records"
  name   = "example-resident-archive"
  tags   = { Segment = "mynumber", Backup = "daily" }
}

# The module's bucket does not: reported at this argument.
module "attachments" {
  source = "./modules/records"
  name   = "example-resident-attachments"
  tags   = { Segment = "mynumber" }
}
