variable "tags" {
  type = map(string)
}

# Its tags come from the caller: a wrong value is reported at the caller's
# argument; the retention date comes from the root's default tags.
resource "aws_db_instance" "archive" {
  identifier        = "resident-archive"
  storage_encrypted = true
  tags              = var.tags
}

# The root's default tags reach the module: nothing to report.
resource "aws_backup_vault" "archive" {
  name = "archive"
}
