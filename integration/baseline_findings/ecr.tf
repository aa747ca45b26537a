resource "aws_ecr_repository" "residents" {
  name = "residents-app"

  image_scanning_configuration {
    scan_on_push = true
  }
}
