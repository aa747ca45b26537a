variable "segment" {
  type = string
}

resource "aws_dynamodb_table" "cases" {
  name     = "cases"
  hash_key = "id"
  tags     = { Segment = var.segment }
}
