package aws

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func TestAwsResourcePolicyPublicRule(t *testing.T) {
	span := func(startLine, startCol, endLine, endCol int) hcl.Range {
		return hcl.Range{Filename: "resource.tf", Start: hcl.Pos{Line: startLine, Column: startCol}, End: hcl.Pos{Line: endLine, Column: endCol}}
	}
	const cite = " [指針 4.6.3.2 / JIS Q 27017 9.2.1, 9.2.2, 9.4.1]"
	public := func(service, name, label string) string {
		return service + "のリソースポリシー " + name + " の文 " + label + " は誰にでも（Principal \"*\"）アクセスを許可しています。必要な相手だけをプリンシパルに指定するか、aws:PrincipalOrgID や aws:SourceArn などの条件で制限してください。" + cite
	}
	// openPolicy is a jsonencode document open to anyone, five lines long.
	const openPolicy = `jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = "*", Action = "sqs:SendMessage", Resource = "*" }]
  })`
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "SQS queue policy open to anyone is reported at the policy",
			Content: `
resource "aws_sqs_queue" "orders" {
  policy = ` + openPolicy + `
}`,
			Expected: helper.Issues{{Rule: NewAwsResourcePolicyPublicRule(), Message: public("SQS キュー", "aws_sqs_queue.orders", "#1"), Range: span(3, 12, 6, 5)}},
		},
		{
			Name: "SQS queue policy resource open to anyone is reported",
			Content: `
resource "aws_sqs_queue_policy" "orders" {
  queue_url = "https://sqs.ap-northeast-1.amazonaws.com/123456789012/orders"
  policy    = ` + openPolicy + `
}`,
			Expected: helper.Issues{{Rule: NewAwsResourcePolicyPublicRule(), Message: public("SQS キュー", "aws_sqs_queue_policy.orders", "#1"), Range: span(4, 15, 7, 5)}},
		},
		{
			Name: "SNS topic policy with an AWS principal star is reported with its Sid",
			Content: `
resource "aws_sns_topic" "alerts" {
  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [{
        "Sid": "Open",
        "Effect": "Allow",
        "Principal": {"AWS": "*"},
        "Action": "sns:Publish",
        "Resource": "*"
      }]
    }
  EOT
}`,
			Expected: helper.Issues{{Rule: NewAwsResourcePolicyPublicRule(), Message: public("SNS トピック", "aws_sns_topic.alerts", `"Open"`), Range: span(3, 12, 14, 6)}},
		},
		{
			Name: "SNS topic policy resource limited by source owner passes",
			Content: `
resource "aws_sns_topic_policy" "alerts" {
  arn = "arn:aws:sns:ap-northeast-1:123456789012:alerts"
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "sns:Publish"
      Resource  = "*"
      Condition = { StringEquals = { "AWS:SourceOwner" = "123456789012" } }
    }]
  })
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "ECR repository policy from a policy document data source is reported at the reference",
			Content: `
data "aws_iam_policy_document" "pull" {
  statement {
    sid     = "PublicPull"
    actions = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}

resource "aws_ecr_repository_policy" "app" {
  repository = "app"
  policy     = data.aws_iam_policy_document.pull.json
}`,
			Expected: helper.Issues{{Rule: NewAwsResourcePolicyPublicRule(), Message: public("ECR リポジトリ", "aws_ecr_repository_policy.app", `"PublicPull"`), Range: span(15, 16, 15, 54)}},
		},
		{
			Name: "ECR repository policy naming an account passes",
			Content: `
data "aws_iam_policy_document" "pull" {
  statement {
    actions = ["ecr:BatchGetImage"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::123456789012:root"]
    }
  }
}

resource "aws_ecr_repository_policy" "app" {
  repository = "app"
  policy     = data.aws_iam_policy_document.pull.json
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "Secrets Manager secret policy open to anyone is reported",
			Content: `
resource "aws_secretsmanager_secret" "db" {
  policy = ` + openPolicy + `
}`,
			Expected: helper.Issues{{Rule: NewAwsResourcePolicyPublicRule(), Message: public("Secrets Manager シークレット", "aws_secretsmanager_secret.db", "#1"), Range: span(3, 12, 6, 5)}},
		},
		{
			Name: "Secrets Manager secret policy resource open to anyone is reported",
			Content: `
resource "aws_secretsmanager_secret_policy" "db" {
  secret_arn = "arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:db"
  policy     = ` + openPolicy + `
}`,
			Expected: helper.Issues{{Rule: NewAwsResourcePolicyPublicRule(), Message: public("Secrets Manager シークレット", "aws_secretsmanager_secret_policy.db", "#1"), Range: span(4, 16, 7, 5)}},
		},
		{
			Name: "Secrets Manager secret policy limited by organization passes",
			Content: `
resource "aws_secretsmanager_secret_policy" "db" {
  secret_arn = "arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:db"
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "secretsmanager:GetSecretValue"
      Resource  = "*"
      Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-abcdefghij" } }
    }]
  })
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "condition tested with an IfExists operator does not limit the statement",
			Content: `
resource "aws_secretsmanager_secret" "db" {
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "secretsmanager:GetSecretValue"
      Resource  = "*"
      Condition = { StringEqualsIfExists = { "aws:PrincipalOrgID" = "o-abcdefghij" } }
    }]
  })
}`,
			Expected: helper.Issues{{Rule: NewAwsResourcePolicyPublicRule(), Message: public("Secrets Manager シークレット", "aws_secretsmanager_secret.db", "#1"), Range: span(3, 12, 11, 5)}},
		},
		{
			Name: "KMS key policy open to anyone is left to lgcloud_aws_kms_key_policy_open",
			Content: `
resource "aws_kms_key" "data" {
  policy = ` + openPolicy + `
}

resource "aws_kms_key_policy" "data" {
  key_id = "1234abcd-12ab-34cd-56ef-1234567890ab"
  policy = ` + openPolicy + `
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "KMS key policy resource limited by caller account passes",
			Content: `
resource "aws_kms_key_policy" "data" {
  key_id = "1234abcd-12ab-34cd-56ef-1234567890ab"
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "kms:Decrypt"
      Resource  = "*"
      Condition = { StringEquals = { "kms:CallerAccount" = "123456789012" } }
    }]
  })
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "KMS key without a policy takes the default key policy",
			Content: `
resource "aws_kms_key" "data" {
  description = "data"
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "deny with principal star opens nothing",
			Content: `
resource "aws_sqs_queue" "orders" {
  policy = jsonencode({
    Statement = [{ Effect = "Deny", Principal = "*", Action = "sqs:*", Resource = "*" }]
  })
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "service principal is not public",
			Content: `
resource "aws_sqs_queue" "orders" {
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Principal = { Service = "sns.amazonaws.com" }, Action = "sqs:SendMessage", Resource = "*" }]
  })
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "each public statement is reported",
			Content: `
resource "aws_sqs_queue" "orders" {
  policy = jsonencode({
    Statement = [
      { Sid = "Send", Effect = "Allow", Principal = "*", Action = "sqs:SendMessage", Resource = "*" },
      { Effect = "Allow", Principal = { Service = "sns.amazonaws.com" }, Action = "sqs:SendMessage", Resource = "*" },
      { Effect = "Allow", Principal = { AWS = "*" }, Action = "sqs:ReceiveMessage", Resource = "*" },
    ]
  })
}`,
			Expected: helper.Issues{
				{Rule: NewAwsResourcePolicyPublicRule(), Message: public("SQS キュー", "aws_sqs_queue.orders", `"Send"`), Range: span(3, 12, 9, 5)},
				{Rule: NewAwsResourcePolicyPublicRule(), Message: public("SQS キュー", "aws_sqs_queue.orders", "#3"), Range: span(3, 12, 9, 5)},
			},
		},
		{
			Name: "policy from a variable default is read",
			Content: `
variable "policy" {
  default = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"sqs:*\",\"Resource\":\"*\"}]}"
}

resource "aws_sqs_queue" "orders" {
  policy = var.policy
}`,
			Expected: helper.Issues{{Rule: NewAwsResourcePolicyPublicRule(), Message: public("SQS キュー", "aws_sqs_queue.orders", "#1"), Range: span(7, 12, 7, 22)}},
		},
		{
			Name: "policy from a variable without default is not reported",
			Content: `
variable "policy" {
  type = string
}

resource "aws_sqs_queue" "orders" {
  policy = var.policy
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "policy from a variable without default is named by a strict notice",
			Content: `
variable "policy" {
  type = string
}

resource "aws_sqs_queue" "orders" {
  policy = var.policy
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(NewAwsResourcePolicyPublicRule()),
				Message: "strict: SQS キューのリソースポリシーの公開範囲を確認できません。policy: ポリシー文書が lint 時に決まりません。" + cite,
				Range:   span(7, 12, 7, 22),
			}},
		},
		{
			Name: "malformed policy is not reported",
			Content: `
resource "aws_sns_topic" "alerts" {
  policy = "{not json"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "malformed policy is named by a strict notice",
			Content: `
resource "aws_sns_topic" "alerts" {
  policy = "{not json"
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(NewAwsResourcePolicyPublicRule()),
				Message: "strict: SNS トピックのリソースポリシーの公開範囲を確認できません。policy: ポリシー文書として読めません。" + cite,
				Range:   span(3, 12, 3, 23),
			}},
		},
		{
			Name: "principal from a variable without default is not reported",
			Content: `
variable "principal" {
  type = string
}

resource "aws_sqs_queue" "orders" {
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Principal = { AWS = var.principal }, Action = "sqs:SendMessage", Resource = "*" }]
  })
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "principal from a variable without default is named by a strict notice",
			Content: `
variable "principal" {
  type = string
}

resource "aws_sqs_queue" "orders" {
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Principal = { AWS = var.principal }, Action = "sqs:SendMessage", Resource = "*" }]
  })
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(NewAwsResourcePolicyPublicRule()),
				Message: "strict: SQS キューのリソースポリシーの公開範囲を確認できません。policy: 文 #1 の効果、プリンシパルまたは条件が lint 時に決まりません。" + cite,
				Range:   span(7, 12, 9, 5),
			}},
		},
		{
			Name: "English message",
			Content: `
resource "aws_sqs_queue" "orders" {
  policy = ` + openPolicy + `
}`,
			Config: linttest.English(),
			Expected: helper.Issues{{
				Rule:    NewAwsResourcePolicyPublicRule(),
				Message: "SQS queue resource policy aws_sqs_queue.orders: statement #1 lets anyone in (Principal \"*\"); name only the principals that need access, or restrict it with a condition such as aws:PrincipalOrgID or aws:SourceArn. [Guideline 4.6.3.2 / JIS Q 27017 9.2.1, 9.2.2, 9.4.1]",
				Range:   span(3, 12, 6, 5),
			}},
		},
		{
			Name: "English strict notice",
			Content: `
variable "policy" {
  type = string
}

resource "aws_sqs_queue" "orders" {
  policy = var.policy
}`,
			Config: func() *config.Config { c := linttest.Strict(); c.Language = "en"; return c }(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(NewAwsResourcePolicyPublicRule()),
				Message: "strict: cannot verify who the SQS queue resource policy lets in; policy: the policy document is not known at lint time. [Guideline 4.6.3.2 / JIS Q 27017 9.2.1, 9.2.2, 9.4.1]",
				Range:   span(7, 12, 7, 22),
			}},
		},
	}

	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsResourcePolicyPublicRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}
