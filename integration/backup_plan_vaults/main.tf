# AWS Backup set up in the account baseline, with mistakes: the weekly plan
# assigns no resources, the archive vault uses the AWS managed key through a
# data source, and the archive vault is not locked; the monthly plan stores
# to the Default vault.

provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_kms_key" "backup" {
  description         = "AWS Backup vault key"
  enable_key_rotation = true
}

data "aws_kms_alias" "backup" {
  name = "alias/aws/backup"
}

resource "aws_backup_vault" "main" {
  name        = "main"
  kms_key_arn = aws_kms_key.backup.arn
}

resource "aws_backup_vault_lock_configuration" "main" {
  backup_vault_name   = aws_backup_vault.main.name
  min_retention_days  = 7
  changeable_for_days = 3
}

resource "aws_backup_vault" "archive" {
  name        = "archive"
  kms_key_arn = data.aws_kms_alias.backup.target_key_arn
}

resource "aws_backup_plan" "daily" {
  name = "daily"

  rule {
    rule_name         = "daily"
    target_vault_name = aws_backup_vault.main.name
    schedule          = "cron(0 3 * * ? *)"
  }
}

resource "aws_backup_plan" "weekly" {
  name = "weekly"

  rule {
    rule_name         = "weekly"
    target_vault_name = aws_backup_vault.archive.name
    schedule          = "cron(0 5 ? * SUN *)"
  }
}

resource "aws_backup_plan" "monthly" {
  name = "monthly"

  rule {
    rule_name         = "monthly"
    target_vault_name = "Default"
    schedule          = "cron(0 5 1 * ? *)"
  }
}

resource "aws_backup_selection" "daily" {
  name         = "daily"
  plan_id      = aws_backup_plan.daily.id
  iam_role_arn = "arn:aws:iam::123456789012:role/backup"

  selection_tag {
    type  = "STRINGEQUALS"
    key   = "Backup"
    value = "daily"
  }
}

resource "aws_backup_selection" "monthly" {
  name         = "monthly"
  plan_id      = aws_backup_plan.monthly.id
  iam_role_arn = "arn:aws:iam::123456789012:role/backup"
  resources    = ["*"]
}
