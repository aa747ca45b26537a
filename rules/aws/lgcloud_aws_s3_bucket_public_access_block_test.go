package aws

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

// s3BucketBlockMsg is the Japanese finding on one setting of a bucket's
// public access block.
func s3BucketBlockMsg(name, flag string) string {
	return "S3 バケットのパブリックアクセスブロック " + name + " で " + flag + " が有効になっていません。設定の誤りでバケットが公開されないよう、" + flag + " = true を設定してください。 [指針 4.6.3.2 / JIS Q 27017 9.2.1, 9.2.2, 9.4.1]"
}

// s3Range is a range in resource.tf.
func s3Range(startLine, startCol, endLine, endCol int) hcl.Range {
	return hcl.Range{
		Filename: "resource.tf",
		Start:    hcl.Pos{Line: startLine, Column: startCol},
		End:      hcl.Pos{Line: endLine, Column: endCol},
	}
}

func TestAwsS3BucketPublicAccessBlockRule(t *testing.T) {
	rule := NewAwsS3BucketPublicAccessBlockRule()
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "all four settings true pass",
			Content: `
resource "aws_s3_bucket_public_access_block" "site" {
  bucket                  = "site"
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "each false setting is reported at its value",
			Content: `
resource "aws_s3_bucket_public_access_block" "site" {
  bucket                  = "site"
  block_public_acls       = false
  block_public_policy     = true
  ignore_public_acls      = false
  restrict_public_buckets = true
}`,
			Expected: helper.Issues{
				{Rule: rule, Message: s3BucketBlockMsg("aws_s3_bucket_public_access_block.site", "block_public_acls"), Range: s3Range(4, 29, 4, 34)},
				{Rule: rule, Message: s3BucketBlockMsg("aws_s3_bucket_public_access_block.site", "ignore_public_acls"), Range: s3Range(6, 29, 6, 34)},
			},
		},
		{
			Name: "absent settings take the provider default false and are reported once each at the resource",
			Content: `
resource "aws_s3_bucket_public_access_block" "site" {
  bucket            = "site"
  block_public_acls = true
}`,
			Expected: helper.Issues{
				{Rule: rule, Message: s3BucketBlockMsg("aws_s3_bucket_public_access_block.site", "block_public_policy"), Range: s3Range(2, 1, 2, 52)},
				{Rule: rule, Message: s3BucketBlockMsg("aws_s3_bucket_public_access_block.site", "ignore_public_acls"), Range: s3Range(2, 1, 2, 52)},
				{Rule: rule, Message: s3BucketBlockMsg("aws_s3_bucket_public_access_block.site", "restrict_public_buckets"), Range: s3Range(2, 1, 2, 52)},
			},
		},
		{
			Name: "null setting is the default and is reported at the resource",
			Content: `
resource "aws_s3_bucket_public_access_block" "site" {
  bucket                  = "site"
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = null
}`,
			Expected: helper.Issues{
				{Rule: rule, Message: s3BucketBlockMsg("aws_s3_bucket_public_access_block.site", "restrict_public_buckets"), Range: s3Range(2, 1, 2, 52)},
			},
		},
		{
			Name: "a bucket without a public access block is not reported",
			Content: `
resource "aws_s3_bucket" "site" {
  bucket = "site"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "false from a variable default is reported at the reference",
			Content: `
variable "block" {
  default = false
}

resource "aws_s3_bucket_public_access_block" "site" {
  bucket                  = "site"
  block_public_acls       = true
  block_public_policy     = var.block
  ignore_public_acls      = true
  restrict_public_buckets = true
}`,
			Expected: helper.Issues{
				{Rule: rule, Message: s3BucketBlockMsg("aws_s3_bucket_public_access_block.site", "block_public_policy"), Range: s3Range(9, 29, 9, 38)},
			},
		},
		{
			Name: "true from a variable default passes",
			Content: `
variable "block" {
  default = true
}

resource "aws_s3_bucket_public_access_block" "site" {
  bucket                  = "site"
  block_public_acls       = var.block
  block_public_policy     = var.block
  ignore_public_acls      = var.block
  restrict_public_buckets = var.block
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "variable without default is unknown and not reported",
			Content: `
variable "block" {
  type = bool
}

resource "aws_s3_bucket_public_access_block" "site" {
  bucket                  = "site"
  block_public_acls       = true
  block_public_policy     = var.block
  ignore_public_acls      = true
  restrict_public_buckets = true
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "variable without default is named by a strict notice",
			Content: `
variable "block" {
  type = bool
}

resource "aws_s3_bucket_public_access_block" "site" {
  bucket                  = "site"
  block_public_acls       = true
  block_public_policy     = var.block
  ignore_public_acls      = true
  restrict_public_buckets = true
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				{
					Rule:    linttest.Notice(rule),
					Message: "strict: S3 バケットのパブリックアクセスブロックを確認できません。block_public_policy: lint 時に値が決まりません。 [指針 4.6.3.2 / JIS Q 27017 9.2.1, 9.2.2, 9.4.1]",
					Range:   s3Range(9, 29, 9, 38),
				},
			},
		},
		{
			Name: "a local whose value is unknown is not reported",
			Content: `
variable "unknown_value" {}

locals {
  block = var.unknown_value
}

resource "aws_s3_bucket_public_access_block" "site" {
  bucket                  = "site"
  block_public_acls       = local.block
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "string false is reported like the boolean",
			Content: `
resource "aws_s3_bucket_public_access_block" "site" {
  bucket                  = "site"
  block_public_acls       = "false"
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}`,
			Expected: helper.Issues{
				{Rule: rule, Message: s3BucketBlockMsg("aws_s3_bucket_public_access_block.site", "block_public_acls"), Range: s3Range(4, 29, 4, 36)},
			},
		},
		{
			Name: "English message",
			Content: `
resource "aws_s3_bucket_public_access_block" "site" {
  bucket                  = "site"
  block_public_acls       = true
  block_public_policy     = false
  ignore_public_acls      = true
  restrict_public_buckets = true
}`,
			Config: linttest.English(),
			Expected: helper.Issues{
				{
					Rule:    rule,
					Message: "S3 bucket public access block aws_s3_bucket_public_access_block.site does not turn on block_public_policy; set block_public_policy = true so that a mistaken setting cannot make the bucket public. [Guideline 4.6.3.2 / JIS Q 27017 9.2.1, 9.2.2, 9.4.1]",
					Range:   s3Range(5, 29, 5, 34),
				},
			},
		},
	}

	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsS3BucketPublicAccessBlockRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}

func TestAwsS3BucketPublicAccessBlockRule_Fix(t *testing.T) {
	cases := []struct {
		Name     string
		Content  string
		Expected map[string]string
	}{
		{
			Name: "literal false settings become true",
			Content: `
resource "aws_s3_bucket_public_access_block" "site" {
  bucket                  = "site"
  block_public_acls       = false
  block_public_policy     = false
  ignore_public_acls      = "false"
  restrict_public_buckets = true
}`,
			Expected: map[string]string{"resource.tf": `
resource "aws_s3_bucket_public_access_block" "site" {
  bucket                  = "site"
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = "true"
  restrict_public_buckets = true
}`},
		},
		{
			Name: "false from a variable and absent settings are not changed",
			Content: `
variable "block" {
  default = false
}

resource "aws_s3_bucket_public_access_block" "site" {
  bucket            = "site"
  block_public_acls = var.block
}`,
			Expected: map[string]string{},
		},
	}

	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsS3BucketPublicAccessBlockRule(), map[string]string{"resource.tf": tc.Content}, nil)
			helper.AssertChanges(t, tc.Expected, runner.Changes())
		})
	}
}
