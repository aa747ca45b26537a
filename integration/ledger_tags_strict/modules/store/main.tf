resource "aws_backup_vault" "store" {
  name = "store"
}
