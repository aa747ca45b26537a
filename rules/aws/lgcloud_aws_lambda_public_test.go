package aws

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func TestAwsLambdaPublicRule(t *testing.T) {
	rng := func(line, start, end int) hcl.Range {
		return hcl.Range{Filename: "resource.tf", Start: hcl.Pos{Line: line, Column: start}, End: hcl.Pos{Line: line, Column: end}}
	}
	const cite = " [指針 4.6.3.2 / JIS Q 27017 9.2.1, 9.2.2, 9.4.1]"
	noAuth := func(name string) string {
		return "Lambda 関数 URL " + name + " は authorization_type = \"NONE\" で、誰でも認証なしで関数を呼び出せます。authorization_type = \"AWS_IAM\" にして、呼び出し元を IAM で認証してください。" + cite
	}
	publicPermission := func(name string) string {
		return "Lambda の権限 " + name + " は principal = \"*\" で、source_arn、source_account、principal_org_id のいずれもないため、誰でも関数を呼び出せます。principal に呼び出し元のサービスやアカウントを指定するか、これらの引数で呼び出し元を限定してください。" + cite
	}
	publicURL := func(name string) string {
		return "Lambda の権限 " + name + " は principal = \"*\" と function_url_auth_type = \"NONE\" で関数 URL を公開し、誰でも認証なしで関数を呼び出せます。関数 URL を authorization_type = \"AWS_IAM\" にし、principal に呼び出し元のアカウントを指定してください。" + cite
	}
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "function URL without authentication is reported at authorization_type",
			Content: `
resource "aws_lambda_function_url" "api" {
  function_name      = "api"
  authorization_type = "NONE"
}`,
			Expected: helper.Issues{{Rule: NewAwsLambdaPublicRule(), Message: noAuth("aws_lambda_function_url.api"), Range: rng(4, 24, 30)}},
		},
		{
			Name: "function URL with IAM authentication passes",
			Content: `
resource "aws_lambda_function_url" "api" {
  function_name      = "api"
  authorization_type = "AWS_IAM"
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "function URL authorization from a variable default is reported at the reference",
			Content: `
variable "auth" {
  default = "NONE"
}

resource "aws_lambda_function_url" "api" {
  function_name      = "api"
  authorization_type = var.auth
}`,
			Expected: helper.Issues{{Rule: NewAwsLambdaPublicRule(), Message: noAuth("aws_lambda_function_url.api"), Range: rng(8, 24, 32)}},
		},
		{
			Name: "function URL authorization from a variable without default is not reported",
			Content: `
variable "auth" {
  type = string
}

resource "aws_lambda_function_url" "api" {
  function_name      = "api"
  authorization_type = var.auth
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "function URL authorization from a variable without default is named by a strict notice",
			Content: `
variable "auth" {
  type = string
}

resource "aws_lambda_function_url" "api" {
  function_name      = "api"
  authorization_type = var.auth
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(NewAwsLambdaPublicRule()),
				Message: "strict: Lambda 関数 URL の認証方式を確認できません。authorization_type: lint 時に値が決まりません。" + cite,
				Range:   rng(8, 24, 32),
			}},
		},
		{
			Name: "permission for anyone without a restriction is reported at the principal",
			Content: `
resource "aws_lambda_permission" "open" {
  function_name = "api"
  action        = "lambda:InvokeFunction"
  principal     = "*"
}`,
			Expected: helper.Issues{{Rule: NewAwsLambdaPublicRule(), Message: publicPermission("aws_lambda_permission.open"), Range: rng(5, 19, 22)}},
		},
		{
			Name: "permission for anyone through a function URL without authentication is reported as a public URL",
			Content: `
resource "aws_lambda_permission" "url" {
  function_name          = "api"
  action                 = "lambda:InvokeFunctionUrl"
  principal              = "*"
  function_url_auth_type = "NONE"
}`,
			Expected: helper.Issues{{Rule: NewAwsLambdaPublicRule(), Message: publicURL("aws_lambda_permission.url"), Range: rng(5, 28, 31)}},
		},
		{
			Name: "permission for anyone through a function URL with IAM authentication is reported as open",
			Content: `
resource "aws_lambda_permission" "url" {
  function_name          = "api"
  action                 = "lambda:InvokeFunctionUrl"
  principal              = "*"
  function_url_auth_type = "AWS_IAM"
}`,
			Expected: helper.Issues{{Rule: NewAwsLambdaPublicRule(), Message: publicPermission("aws_lambda_permission.url"), Range: rng(5, 28, 31)}},
		},
		{
			Name: "permission for anyone limited by source ARN passes",
			Content: `
resource "aws_lambda_permission" "s3" {
  function_name = "api"
  action        = "lambda:InvokeFunction"
  principal     = "*"
  source_arn    = "arn:aws:s3:::uploads"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "permission for anyone limited by source account passes",
			Content: `
resource "aws_lambda_permission" "s3" {
  function_name  = "api"
  action         = "lambda:InvokeFunction"
  principal      = "*"
  source_account = "123456789012"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "permission for anyone limited by organization passes",
			Content: `
resource "aws_lambda_permission" "org" {
  function_name    = "api"
  action           = "lambda:InvokeFunction"
  principal        = "*"
  principal_org_id = "o-abcdefghij"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "permission limited by a source ARN that cannot be known still passes",
			Content: `
variable "bucket_arn" {
  type = string
}

resource "aws_lambda_permission" "s3" {
  function_name = "api"
  action        = "lambda:InvokeFunction"
  principal     = "*"
  source_arn    = var.bucket_arn
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "permission with a null source ARN is reported",
			Content: `
resource "aws_lambda_permission" "open" {
  function_name = "api"
  action        = "lambda:InvokeFunction"
  principal     = "*"
  source_arn    = null
}`,
			Expected: helper.Issues{{Rule: NewAwsLambdaPublicRule(), Message: publicPermission("aws_lambda_permission.open"), Range: rng(5, 19, 22)}},
		},
		{
			Name: "permission for a service passes",
			Content: `
resource "aws_lambda_permission" "sns" {
  function_name = "api"
  action        = "lambda:InvokeFunction"
  principal     = "sns.amazonaws.com"
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "principal from a variable without default is not reported",
			Content: `
variable "principal" {
  type = string
}

resource "aws_lambda_permission" "any" {
  function_name = "api"
  action        = "lambda:InvokeFunction"
  principal     = var.principal
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "principal from a variable without default is named by a strict notice",
			Content: `
variable "principal" {
  type = string
}

resource "aws_lambda_permission" "any" {
  function_name = "api"
  action        = "lambda:InvokeFunction"
  principal     = var.principal
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(NewAwsLambdaPublicRule()),
				Message: "strict: Lambda の権限の付与先を確認できません。principal: lint 時に値が決まりません。" + cite,
				Range:   rng(9, 19, 32),
			}},
		},
		{
			Name: "principal from a variable default is reported at the reference",
			Content: `
variable "principal" {
  default = "*"
}

resource "aws_lambda_permission" "any" {
  function_name = "api"
  action        = "lambda:InvokeFunction"
  principal     = var.principal
}`,
			Expected: helper.Issues{{Rule: NewAwsLambdaPublicRule(), Message: publicPermission("aws_lambda_permission.any"), Range: rng(9, 19, 32)}},
		},
		{
			Name: "English messages",
			Content: `
resource "aws_lambda_function_url" "api" {
  function_name      = "api"
  authorization_type = "NONE"
}

resource "aws_lambda_permission" "open" {
  function_name = "api"
  action        = "lambda:InvokeFunction"
  principal     = "*"
}

resource "aws_lambda_permission" "url" {
  function_name          = "api"
  action                 = "lambda:InvokeFunctionUrl"
  principal              = "*"
  function_url_auth_type = "NONE"
}`,
			Config: linttest.English(),
			Expected: helper.Issues{
				{
					Rule:    NewAwsLambdaPublicRule(),
					Message: "Lambda function URL aws_lambda_function_url.api has authorization_type = \"NONE\": anyone can invoke the function without authentication; set authorization_type = \"AWS_IAM\" so that callers are authenticated by IAM. [Guideline 4.6.3.2 / JIS Q 27017 9.2.1, 9.2.2, 9.4.1]",
					Range:   rng(4, 24, 30),
				},
				{
					Rule:    NewAwsLambdaPublicRule(),
					Message: "Lambda permission aws_lambda_permission.open grants principal \"*\" without source_arn, source_account or principal_org_id: anyone can invoke the function; name the calling service or account in principal, or limit the callers with one of these arguments. [Guideline 4.6.3.2 / JIS Q 27017 9.2.1, 9.2.2, 9.4.1]",
					Range:   rng(10, 19, 22),
				},
				{
					Rule:    NewAwsLambdaPublicRule(),
					Message: "Lambda permission aws_lambda_permission.url grants principal \"*\" with function_url_auth_type = \"NONE\": the function URL lets anyone invoke the function without authentication; use authorization_type = \"AWS_IAM\" on the function URL and name the calling account in principal. [Guideline 4.6.3.2 / JIS Q 27017 9.2.1, 9.2.2, 9.4.1]",
					Range:   rng(16, 28, 31),
				},
			},
		},
	}

	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsLambdaPublicRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}
