variable "url_auth" {
  type    = string
  default = "AWS_IAM"
}

resource "aws_lambda_function_url" "this" {
  function_name      = "module-api"
  authorization_type = var.url_auth
}
