package aws

import (
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

// s3PolicyMsg is the Japanese finding on a public statement.
func s3PolicyMsg(name, statement string) string {
	return "S3 バケットポリシー " + name + " の文 " + statement + " は誰にでも（Principal \"*\"）アクセスを許可しています。必要な相手だけをプリンシパルに指定するか、aws:SourceVpce や aws:PrincipalOrgID などの条件で制限してください。 [指針 4.6.3.2 / JIS Q 27017 9.2.1, 9.2.2, 9.4.1]"
}

func TestAwsS3BucketPolicyPublicRule(t *testing.T) {
	rule := NewAwsS3BucketPolicyPublicRule()
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "an Allow with Principal star is reported at the policy, named by its Sid",
			Content: `
resource "aws_s3_bucket_policy" "site" {
  bucket = "site"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "PublicRead"
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::site/*"
    }]
  })
}`,
			Expected: helper.Issues{
				{Rule: rule, Message: s3PolicyMsg("aws_s3_bucket_policy.site", `"PublicRead"`), Range: s3Range(4, 12, 13, 5)},
			},
		},
		{
			Name: "an AWS principal star without Sid is named by its position",
			Content: `
resource "aws_s3_bucket_policy" "site" {
  bucket = "site"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::123456789012:root" }
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::site/*"
    }, {
      Effect    = "Allow"
      Principal = { AWS = ["*"] }
      Action    = "s3:ListBucket"
      Resource  = "arn:aws:s3:::site"
    }]
  })
}`,
			Expected: helper.Issues{
				{Rule: rule, Message: s3PolicyMsg("aws_s3_bucket_policy.site", "#2"), Range: s3Range(4, 12, 17, 5)},
			},
		},
		{
			Name: "a Deny with Principal star opens nothing",
			Content: `
resource "aws_s3_bucket_policy" "site" {
  bucket = "site"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyInsecureTransport"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = ["arn:aws:s3:::site", "arn:aws:s3:::site/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "an Allow with Principal star restricted to a VPC endpoint passes",
			Content: `
resource "aws_s3_bucket_policy" "site" {
  bucket = "site"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::site/*"
      Condition = { StringEquals = { "aws:SourceVpce" = "vpce-0123456789abcdef0" } }
    }]
  })
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "an Allow with Principal star restricted to an organisation passes",
			Content: `
resource "aws_s3_bucket_policy" "site" {
  bucket = "site"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::site/*"
      Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-abc123def4" } }
    }]
  })
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "a condition that does not limit the caller, such as the referer, is reported",
			Content: `
resource "aws_s3_bucket_policy" "site" {
  bucket = "site"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "RefererOnly"
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::site/*"
      Condition = { StringLike = { "aws:Referer" = "https://example.lg.jp/*" } }
    }]
  })
}`,
			Expected: helper.Issues{
				{Rule: rule, Message: s3PolicyMsg("aws_s3_bucket_policy.site", `"RefererOnly"`), Range: s3Range(4, 12, 14, 5)},
			},
		},
		{
			Name: "a heredoc JSON document is read",
			Content: `
resource "aws_s3_bucket_policy" "site" {
  bucket = "site"
  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [{
        "Sid": "PublicRead",
        "Effect": "Allow",
        "Principal": "*",
        "Action": "s3:GetObject",
        "Resource": "arn:aws:s3:::site/*"
      }]
    }
  EOT
}`,
			Expected: helper.Issues{
				{Rule: rule, Message: s3PolicyMsg("aws_s3_bucket_policy.site", `"PublicRead"`), Range: s3Range(4, 12, 15, 6)},
			},
		},
		{
			Name: "a document from aws_iam_policy_document is read",
			Content: `
data "aws_iam_policy_document" "site" {
  statement {
    sid       = "PublicRead"
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::site/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}

resource "aws_s3_bucket_policy" "site" {
  bucket = "site"
  policy = data.aws_iam_policy_document.site.json
}`,
			Expected: helper.Issues{
				{Rule: rule, Message: s3PolicyMsg("aws_s3_bucket_policy.site", `"PublicRead"`), Range: s3Range(16, 12, 16, 50)},
			},
		},
		{
			Name: "an aws_iam_policy_document restricted by aws:SourceVpce passes",
			Content: `
data "aws_iam_policy_document" "site" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::site/*"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceVpce"
      values   = ["vpce-0123456789abcdef0"]
    }
  }
}

resource "aws_s3_bucket_policy" "site" {
  bucket = "site"
  policy = data.aws_iam_policy_document.site.json
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "the legacy policy argument of aws_s3_bucket is read",
			Content: `
resource "aws_s3_bucket" "legacy" {
  bucket = "legacy"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::legacy/*"
    }]
  })
}`,
			Expected: helper.Issues{
				{Rule: rule, Message: s3PolicyMsg("aws_s3_bucket.legacy", "#1"), Range: s3Range(4, 12, 12, 5)},
			},
		},
		{
			Name: "a document from a variable default is read",
			Content: `
variable "policy" {
  default = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::site/*\"}]}"
}

resource "aws_s3_bucket_policy" "site" {
  bucket = "site"
  policy = var.policy
}`,
			Expected: helper.Issues{
				{Rule: rule, Message: s3PolicyMsg("aws_s3_bucket_policy.site", "#1"), Range: s3Range(8, 12, 8, 22)},
			},
		},
		{
			Name: "an unknown document is not reported",
			Content: `
variable "policy" {
  type = string
}

resource "aws_s3_bucket_policy" "site" {
  bucket = "site"
  policy = var.policy
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "an unknown document is named by a strict notice",
			Content: `
variable "policy" {
  type = string
}

resource "aws_s3_bucket_policy" "site" {
  bucket = "site"
  policy = var.policy
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				{
					Rule:    linttest.Notice(rule),
					Message: "strict: S3 バケットポリシーの公開範囲を確認できません。policy: ポリシー文書が lint 時に決まりません。 [指針 4.6.3.2 / JIS Q 27017 9.2.1, 9.2.2, 9.4.1]",
					Range:   s3Range(8, 12, 8, 22),
				},
			},
		},
		{
			Name: "a malformed document is not reported",
			Content: `
resource "aws_s3_bucket_policy" "site" {
  bucket = "site"
  policy = "{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": \"*\""
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "a malformed document is named by a strict notice",
			Content: `
resource "aws_s3_bucket_policy" "site" {
  bucket = "site"
  policy = "{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": \"*\""
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				{
					Rule:    linttest.Notice(rule),
					Message: "strict: S3 バケットポリシーの公開範囲を確認できません。policy: ポリシー文書として読めません。 [指針 4.6.3.2 / JIS Q 27017 9.2.1, 9.2.2, 9.4.1]",
					Range:   s3Range(4, 12, 4, 75),
				},
			},
		},
		{
			Name: "a statement whose principal is unknown is not reported",
			Content: `
variable "principal" {
  type = string
}

resource "aws_s3_bucket_policy" "site" {
  bucket = "site"
  policy = jsonencode({
    Statement = [{
      Sid       = "Shared"
      Effect    = "Allow"
      Principal = { AWS = var.principal }
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::site/*"
    }]
  })
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "a statement whose principal is unknown is named by a strict notice",
			Content: `
variable "principal" {
  type = string
}

resource "aws_s3_bucket_policy" "site" {
  bucket = "site"
  policy = jsonencode({
    Statement = [{
      Sid       = "Shared"
      Effect    = "Allow"
      Principal = { AWS = var.principal }
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::site/*"
    }]
  })
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				{
					Rule:    linttest.Notice(rule),
					Message: "strict: S3 バケットポリシーの公開範囲を確認できません。policy: 文 \"Shared\" の効果、プリンシパルまたは条件が lint 時に決まりません。 [指針 4.6.3.2 / JIS Q 27017 9.2.1, 9.2.2, 9.4.1]",
					Range:   s3Range(8, 12, 16, 5),
				},
			},
		},
		{
			Name: "a Principal star whose condition cannot be read is not reported",
			Content: `
variable "condition_key" {
  type = string
}

data "aws_iam_policy_document" "site" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::site/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = var.condition_key
      values   = ["vpce-0123456789abcdef0"]
    }
  }
}

resource "aws_s3_bucket_policy" "site" {
  bucket = "site"
  policy = data.aws_iam_policy_document.site.json
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "English message",
			Content: `
resource "aws_s3_bucket_policy" "site" {
  bucket = "site"
  policy = jsonencode({
    Statement = [{
      Sid       = "PublicRead"
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::site/*"
    }]
  })
}`,
			Config: linttest.English(),
			Expected: helper.Issues{
				{
					Rule:    rule,
					Message: "S3 bucket policy aws_s3_bucket_policy.site: statement \"PublicRead\" lets anyone in (Principal \"*\"); name only the principals that need access, or restrict it with a condition such as aws:SourceVpce or aws:PrincipalOrgID. [Guideline 4.6.3.2 / JIS Q 27017 9.2.1, 9.2.2, 9.4.1]",
					Range:   s3Range(4, 12, 12, 5),
				},
			},
		},
	}

	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsS3BucketPolicyPublicRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}
