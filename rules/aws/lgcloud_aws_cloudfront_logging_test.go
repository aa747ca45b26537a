package aws

import (
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func cloudfrontLoggingMissing(d string) string {
	return "CloudFront ディストリビューション " + d + ` のアクセスログが設定されていません。リクエストの記録を監査・フォレンジックの証拠として残すため、logging_config に bucket を指定するか、CloudWatch Logs の配信（log_type = "ACCESS_LOGS" の aws_cloudwatch_log_delivery_source と、それを参照する aws_cloudwatch_log_delivery）を宣言してください。 [指針 4.6.1.4 / JIS Q 27017 12.4.1, 16.1.7]`
}

// cloudfrontV2 is a delivery of the access logs of aws_cloudfront_distribution.cdn.
const cloudfrontV2 = `
resource "aws_cloudwatch_log_delivery_source" "cdn" {
  name         = "cdn-access"
  log_type     = "ACCESS_LOGS"
  resource_arn = aws_cloudfront_distribution.cdn.arn
}

resource "aws_cloudwatch_log_delivery_destination" "s3" {
  name = "cdn-access-s3"
  delivery_destination_configuration {
    destination_resource_arn = "arn:aws:s3:::cdn-logs"
  }
}
`

func TestAwsCloudfrontLoggingRule(t *testing.T) {
	rule := NewAwsCloudfrontLoggingRule()
	notice := linttest.Notice(rule)
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name:     "distribution without logging is reported at the resource",
			Content:  `resource "aws_cloudfront_distribution" "cdn" {}`,
			Expected: helper.Issues{evidenceIssue(rule, cloudfrontLoggingMissing("aws_cloudfront_distribution.cdn"), 1, 1, 1, 45)},
		},
		{
			Name: "legacy logging to a bucket passes",
			Content: `
resource "aws_cloudfront_distribution" "cdn" {
  logging_config {
    bucket = "cdn-logs.s3.amazonaws.com"
    prefix = "cdn/"
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "legacy logging to a bucket of the configuration passes",
			Content: `
resource "aws_cloudfront_distribution" "cdn" {
  logging_config {
    bucket = aws_s3_bucket.logs.bucket_domain_name
  }
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "logging_config without a bucket is reported (provider v6: it only sets cookies)",
			Content: `
resource "aws_cloudfront_distribution" "cdn" {
  logging_config {
    include_cookies = true
  }
}`,
			Expected: helper.Issues{evidenceIssue(rule, cloudfrontLoggingMissing("aws_cloudfront_distribution.cdn"), 2, 1, 2, 45)},
		},
		{
			Name: "logging_config with an empty bucket is reported at the bucket",
			Content: `
resource "aws_cloudfront_distribution" "cdn" {
  logging_config {
    bucket = ""
  }
}`,
			Expected: helper.Issues{evidenceIssue(rule, cloudfrontLoggingMissing("aws_cloudfront_distribution.cdn"), 4, 14, 4, 16)},
		},
		{
			Name: "unknown bucket is named by a strict notice",
			Content: `
variable "bucket" {
  type = string
}

resource "aws_cloudfront_distribution" "cdn" {
  logging_config {
    bucket = var.bucket
  }
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{evidenceIssue(notice, "strict: CloudFront のアクセスログを確認できません。bucket: lint 時に値が決まりません。 [指針 4.6.1.4 / JIS Q 27017 12.4.1, 16.1.7]", 8, 14, 8, 24)},
		},
		{
			Name: "dynamic logging_config with an unknown for_each is named by a strict notice",
			Content: `
variable "logging" {
  type = list(string)
}

resource "aws_cloudfront_distribution" "cdn" {
  dynamic "logging_config" {
    for_each = var.logging
    content {
      bucket = logging_config.value
    }
  }
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{evidenceIssue(notice, "strict: CloudFront のアクセスログを確認できません。for_each: dynamic ブロックが作るブロックを lint 時に確認できません。 [指針 4.6.1.4 / JIS Q 27017 12.4.1, 16.1.7]", 8, 16, 8, 27)},
		},
		{
			Name: "v2 logging through a delivery passes",
			Content: `
resource "aws_cloudfront_distribution" "cdn" {}
` + cloudfrontV2 + `
resource "aws_cloudwatch_log_delivery" "cdn" {
  delivery_source_name     = aws_cloudwatch_log_delivery_source.cdn.name
  delivery_destination_arn = aws_cloudwatch_log_delivery_destination.s3.arn
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "v2 delivery that names its source by name passes",
			Content: `
resource "aws_cloudfront_distribution" "cdn" {}
` + cloudfrontV2 + `
resource "aws_cloudwatch_log_delivery" "cdn" {
  delivery_source_name     = "cdn-access"
  delivery_destination_arn = aws_cloudwatch_log_delivery_destination.s3.arn
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "v2 delivery source without a delivery is reported at the source",
			Content: `
resource "aws_cloudfront_distribution" "cdn" {}
` + cloudfrontV2,
			Expected: helper.Issues{evidenceIssue(rule, cloudfrontLoggingMissing("aws_cloudfront_distribution.cdn"), 4, 1, 4, 52)},
		},
		{
			Name: "v2 delivery source of another log type does not count",
			Content: `
resource "aws_cloudfront_distribution" "cdn" {}

resource "aws_cloudwatch_log_delivery_source" "cdn" {
  name         = "cdn-connections"
  log_type     = "CONNECTION_LOGS"
  resource_arn = aws_cloudfront_distribution.cdn.arn
}

resource "aws_cloudwatch_log_delivery" "cdn" {
  delivery_source_name     = aws_cloudwatch_log_delivery_source.cdn.name
  delivery_destination_arn = "arn:aws:logs:us-east-1:111122223333:delivery-destination:x"
}`,
			Expected: helper.Issues{evidenceIssue(rule, cloudfrontLoggingMissing("aws_cloudfront_distribution.cdn"), 2, 1, 2, 45)},
		},
		{
			Name: "v2 delivery source of unknown log type is named by a strict notice",
			Content: `
variable "log_type" {
  type = string
}

resource "aws_cloudfront_distribution" "cdn" {}

resource "aws_cloudwatch_log_delivery_source" "cdn" {
  name         = "cdn"
  log_type     = var.log_type
  resource_arn = aws_cloudfront_distribution.cdn.arn
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{evidenceIssue(notice, "strict: CloudFront のアクセスログを確認できません。log_type: lint 時に値が決まりません。 [指針 4.6.1.4 / JIS Q 27017 12.4.1, 16.1.7]", 10, 18, 10, 30)},
		},
		{
			Name: "v2 delivery with an unknown source name is named by a strict notice",
			Content: `
variable "source_name" {
  type = string
}

resource "aws_cloudfront_distribution" "cdn" {}
` + cloudfrontV2 + `
resource "aws_cloudwatch_log_delivery" "cdn" {
  delivery_source_name     = var.source_name
  delivery_destination_arn = aws_cloudwatch_log_delivery_destination.s3.arn
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{evidenceIssue(notice, "strict: CloudFront のアクセスログを確認できません。aws_cloudwatch_log_delivery_source.cdn: aws_cloudwatch_log_delivery.cdn の delivery_source_name がどの aws_cloudwatch_log_delivery_source を指すか特定できません。 [指針 4.6.1.4 / JIS Q 27017 12.4.1, 16.1.7]", 8, 1, 8, 52)},
		},
		{
			Name: "delivery source with an unknown resource is named by a strict notice at the distribution",
			Content: `
variable "distribution_arn" {
  type = string
}

resource "aws_cloudfront_distribution" "cdn" {}

resource "aws_cloudwatch_log_delivery_source" "other" {
  name         = "other"
  log_type     = "ACCESS_LOGS"
  resource_arn = var.distribution_arn
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{evidenceIssue(notice, "strict: CloudFront のアクセスログを確認できません。aws_cloudfront_distribution.cdn: aws_cloudwatch_log_delivery_source.other の resource_arn がどの aws_cloudfront_distribution を指すか特定できません。 [指針 4.6.1.4 / JIS Q 27017 12.4.1, 16.1.7]", 6, 1, 6, 45)},
		},
		{
			Name: "distribution passed to a module is named by a strict notice",
			Content: `
resource "aws_cloudfront_distribution" "cdn" {}

module "cdn_logs" {
  source           = "./modules/cdn-logs"
  distribution_arn = aws_cloudfront_distribution.cdn.arn
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{evidenceIssue(notice, "strict: CloudFront のアクセスログを確認できません。aws_cloudfront_distribution.cdn: モジュール cdn_logs に渡されており、そのモジュールが aws_cloudwatch_log_delivery_source を宣言しているかはこのモジュールから確認できません。 [指針 4.6.1.4 / JIS Q 27017 12.4.1, 16.1.7]", 2, 1, 2, 45)},
		},
		{
			Name:     "English message",
			Content:  `resource "aws_cloudfront_distribution" "cdn" {}`,
			Config:   linttest.English(),
			Expected: helper.Issues{evidenceIssue(rule, `CloudFront distribution aws_cloudfront_distribution.cdn has no access logs; set a bucket in logging_config, or declare a CloudWatch Logs delivery (an aws_cloudwatch_log_delivery_source with log_type = "ACCESS_LOGS" and an aws_cloudwatch_log_delivery that refers to it), so that its requests are kept as evidence for audit and forensics. [Guideline 4.6.1.4 / JIS Q 27017 12.4.1, 16.1.7]`, 1, 1, 1, 45)},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsCloudfrontLoggingRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}
