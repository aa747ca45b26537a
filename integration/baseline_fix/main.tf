provider "aws" {
  region = "ap-northeast-1"
}

# Literal false settings of the account baseline are turned on by --fix.
resource "aws_config_configuration_recorder" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::111122223333:role/aws-config"

  recording_group {
    all_supported                 = true
    include_global_resource_types = false
  }
}

resource "aws_config_delivery_channel" "main" {
  s3_bucket_name = "lg-baseline-config-history"
  depends_on     = [aws_config_configuration_recorder.main]
}

resource "aws_config_configuration_recorder_status" "main" {
  name       = aws_config_configuration_recorder.main.name
  is_enabled = false
  depends_on = [aws_config_delivery_channel.main]
}

resource "aws_guardduty_detector" "main" {
  enable = false
}

resource "aws_ecr_repository" "residents" {
  name = "residents-app"

  image_scanning_configuration {
    scan_on_push = false
  }
}
