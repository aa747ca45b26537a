package aws

import (
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

func logBucketNoLogging(bucket, sources string) string {
	return "S3 バケット " + bucket + " は " + sources + " のログを保管していますが、サーバーアクセスログが設定されていません。証拠となるログへのアクセスを記録するため、aws_s3_bucket_logging でこのバケットのアクセスログを別のバケットに記録してください。 [指針 4.6.1.4 / JIS Q 27017 12.4.1, 16.1.7]"
}

// logsBucket is a bucket that the cases send logs to.
const logsBucket = `
resource "aws_s3_bucket" "logs" {
  bucket = "example-logs"
}
`

func TestAwsS3BucketAccessLoggingRule(t *testing.T) {
	rule := NewAwsS3BucketAccessLoggingRule()
	notice := linttest.Notice(rule)
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "bucket of load balancer access logs without logging is reported at the bucket",
			Content: logsBucket + `
resource "aws_lb" "web" {
  access_logs {
    bucket  = aws_s3_bucket.logs.id
    enabled = true
  }
}`,
			Expected: helper.Issues{evidenceIssue(rule, logBucketNoLogging("aws_s3_bucket.logs", "aws_lb.web"), 2, 1, 2, 32)},
		},
		{
			Name: "bucket with an aws_s3_bucket_logging passes",
			Content: logsBucket + `
resource "aws_lb" "web" {
  access_logs {
    bucket  = aws_s3_bucket.logs.id
    enabled = true
  }
}

resource "aws_s3_bucket_logging" "logs" {
  bucket        = aws_s3_bucket.logs.id
  target_bucket = "example-access-logs"
  target_prefix = "logs/"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "bucket logging that names the bucket by name passes",
			Content: logsBucket + `
resource "aws_flow_log" "main" {
  vpc_id               = "vpc-0123456789abcdef0"
  traffic_type         = "ALL"
  log_destination_type = "s3"
  log_destination      = "arn:aws:s3:::example-logs/flow/"
}

resource "aws_s3_bucket_logging" "logs" {
  bucket        = "example-logs"
  target_bucket = "example-access-logs"
  target_prefix = "logs/"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "legacy logging block passes",
			Content: `
resource "aws_s3_bucket" "logs" {
  bucket = "example-logs"
  logging {
    target_bucket = "example-access-logs"
  }
}

resource "aws_flow_log" "main" {
  vpc_id          = "vpc-0123456789abcdef0"
  log_destination = aws_s3_bucket.logs.arn
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "flow logs to a bucket by ARN name it",
			Content: logsBucket + `
resource "aws_flow_log" "main" {
  vpc_id               = "vpc-0123456789abcdef0"
  log_destination_type = "s3"
  log_destination      = "arn:aws:s3:::example-logs/flow/"
}`,
			Expected: helper.Issues{evidenceIssue(rule, logBucketNoLogging("aws_s3_bucket.logs", "aws_flow_log.main"), 2, 1, 2, 32)},
		},
		{
			Name: "CloudFront logging to the bucket domain name names it, and sources are listed",
			Content: logsBucket + `
resource "aws_cloudfront_distribution" "cdn" {
  logging_config {
    bucket = "example-logs.s3.amazonaws.com"
  }
}

resource "aws_flow_log" "main" {
  vpc_id          = "vpc-0123456789abcdef0"
  log_destination = "${aws_s3_bucket.logs.arn}/flow/"
}`,
			Expected: helper.Issues{evidenceIssue(rule, logBucketNoLogging("aws_s3_bucket.logs", "aws_flow_log.main, aws_cloudfront_distribution.cdn"), 2, 1, 2, 32)},
		},
		{
			Name: "Network Firewall logs to the bucket name it",
			Content: logsBucket + `
resource "aws_networkfirewall_logging_configuration" "edge" {
  firewall_arn = "arn:aws:network-firewall:ap-northeast-1:111122223333:firewall/edge"
  logging_configuration {
    log_destination_config {
      log_type             = "FLOW"
      log_destination_type = "S3"
      log_destination      = { bucketName = aws_s3_bucket.logs.id }
    }
  }
}`,
			Expected: helper.Issues{evidenceIssue(rule, logBucketNoLogging("aws_s3_bucket.logs", "aws_networkfirewall_logging_configuration.edge"), 2, 1, 2, 32)},
		},
		{
			Name: "resolver query logs and v2 deliveries to the bucket name it",
			Content: logsBucket + `
resource "aws_route53_resolver_query_log_config" "dns" {
  name            = "dns"
  destination_arn = aws_s3_bucket.logs.arn
}

resource "aws_cloudwatch_log_delivery_destination" "s3" {
  name = "cdn"
  delivery_destination_configuration {
    destination_resource_arn = aws_s3_bucket.logs.arn
  }
}`,
			Expected: helper.Issues{evidenceIssue(rule, logBucketNoLogging("aws_s3_bucket.logs", "aws_cloudwatch_log_delivery_destination.s3, aws_route53_resolver_query_log_config.dns"), 2, 1, 2, 32)},
		},
		{
			Name: "bucket that receives no logs is not reported",
			Content: logsBucket + `
resource "aws_flow_log" "main" {
  vpc_id          = "vpc-0123456789abcdef0"
  log_destination = "arn:aws:logs:ap-northeast-1:111122223333:log-group:flow"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "load balancer with access logs off delivers nothing",
			Content: logsBucket + `
resource "aws_lb" "web" {
  access_logs {
    bucket = aws_s3_bucket.logs.id
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "classic load balancer delivers unless disabled",
			Content: logsBucket + `
resource "aws_elb" "legacy" {
  access_logs {
    bucket = aws_s3_bucket.logs.id
  }
}`,
			Expected: helper.Issues{evidenceIssue(rule, logBucketNoLogging("aws_s3_bucket.logs", "aws_elb.legacy"), 2, 1, 2, 32)},
		},
		{
			Name: "the trail's bucket is left to lgcloud_aws_cloudtrail_bucket_protected",
			Content: logsBucket + `
resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = aws_s3_bucket.logs.id
}

resource "aws_lb" "web" {
  access_logs {
    bucket  = aws_s3_bucket.logs.id
    enabled = true
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "bucket logging with an unknown bucket makes a strict notice",
			Content: `
variable "bucket" {
  type = string
}
` + logsBucket + `
resource "aws_lb" "web" {
  access_logs {
    bucket  = aws_s3_bucket.logs.id
    enabled = true
  }
}

resource "aws_s3_bucket_logging" "other" {
  bucket        = var.bucket
  target_bucket = "example-access-logs"
  target_prefix = "logs/"
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{evidenceIssue(notice, "strict: ログバケットのサーバーアクセスログを確認できません。aws_s3_bucket.logs: aws_s3_bucket_logging.other の bucket がどの aws_s3_bucket を指すか特定できません。 [指針 4.6.1.4 / JIS Q 27017 12.4.1, 16.1.7]", 6, 1, 6, 32)},
		},
		{
			Name: "log bucket passed to a module makes a strict notice",
			Content: logsBucket + `
resource "aws_lb" "web" {
  access_logs {
    bucket  = aws_s3_bucket.logs.id
    enabled = true
  }
}

module "bucket_settings" {
  source = "./modules/bucket-settings"
  bucket = aws_s3_bucket.logs.id
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{evidenceIssue(notice, "strict: ログバケットのサーバーアクセスログを確認できません。aws_s3_bucket.logs: モジュール bucket_settings に渡されており、そのモジュールが aws_s3_bucket_logging を宣言しているかはこのモジュールから確認できません。 [指針 4.6.1.4 / JIS Q 27017 12.4.1, 16.1.7]", 2, 1, 2, 32)},
		},
		{
			Name: "dynamic legacy logging with an unknown for_each makes a strict notice",
			Content: `
variable "access_log_bucket" {
  type = list(string)
}

resource "aws_s3_bucket" "logs" {
  bucket = "example-logs"
  dynamic "logging" {
    for_each = var.access_log_bucket
    content {
      target_bucket = logging.value
    }
  }
}

resource "aws_flow_log" "main" {
  vpc_id          = "vpc-0123456789abcdef0"
  log_destination = aws_s3_bucket.logs.arn
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{evidenceIssue(notice, "strict: ログバケットのサーバーアクセスログを確認できません。for_each: dynamic ブロックが作るブロックを lint 時に確認できません。 [指針 4.6.1.4 / JIS Q 27017 12.4.1, 16.1.7]", 9, 16, 9, 37)},
		},
		{
			Name: "English message",
			Content: logsBucket + `
resource "aws_flow_log" "main" {
  vpc_id          = "vpc-0123456789abcdef0"
  log_destination = aws_s3_bucket.logs.arn
}`,
			Config:   linttest.English(),
			Expected: helper.Issues{evidenceIssue(rule, "S3 bucket aws_s3_bucket.logs holds the logs of aws_flow_log.main but has no server access logging; add an aws_s3_bucket_logging that records access to it in another bucket, so that access to the evidence is recorded. [Guideline 4.6.1.4 / JIS Q 27017 12.4.1, 16.1.7]", 2, 1, 2, 32)},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsS3BucketAccessLoggingRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}

func segmentBucketNoLogging(bucket string) string {
	return "S3 バケット " + bucket + " はマイナンバー利用事務系（mynumber）のデータを保管していますが、サーバーアクセスログが設定されていません。データへのアクセスを監査・フォレンジックの証拠として残すため、aws_s3_bucket_logging でこのバケットのアクセスログを別のバケットに記録してください。 [指針 4.6.1.4 / JIS Q 27017 12.4.1, 16.1.7]"
}

func TestAwsS3BucketAccessLoggingRuleSegments(t *testing.T) {
	rule := NewAwsS3BucketAccessLoggingRule()
	errorRule := lint.AtSeverity(rule, tflint.ERROR)
	notice := linttest.Notice(rule)
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "bucket of the mynumber segment without logging is an ERROR",
			Content: `
resource "aws_s3_bucket" "records" {
  bucket = "resident-records"
  tags   = { Segment = "mynumber" }
}`,
			Expected: helper.Issues{evidenceIssue(errorRule, segmentBucketNoLogging("aws_s3_bucket.records"), 2, 1, 2, 35)},
		},
		{
			Name: "bucket of the mynumber segment by provider default_tags is an ERROR",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
  default_tags {
    tags = { Segment = "mynumber" }
  }
}

resource "aws_s3_bucket" "records" {
  bucket = "resident-records"
}`,
			Expected: helper.Issues{evidenceIssue(errorRule, segmentBucketNoLogging("aws_s3_bucket.records"), 9, 1, 9, 35)},
		},
		{
			Name: "own tag wins over the provider default_tags",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
  default_tags {
    tags = { Segment = "mynumber" }
  }
}

resource "aws_s3_bucket" "site" {
  bucket = "public-site"
  tags   = { Segment = "internet" }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "mynumber bucket with an aws_s3_bucket_logging passes",
			Content: `
resource "aws_s3_bucket" "records" {
  bucket = "resident-records"
  tags   = { Segment = "mynumber" }
}

resource "aws_s3_bucket_logging" "records" {
  bucket        = aws_s3_bucket.records.id
  target_bucket = "access-logs"
  target_prefix = "records/"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "mynumber bucket with a legacy logging block passes",
			Content: `
resource "aws_s3_bucket" "records" {
  bucket = "resident-records"
  tags   = { Segment = "mynumber" }

  logging {
    target_bucket = "access-logs"
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "log bucket of the mynumber segment keeps its message and is an ERROR",
			Content: `
resource "aws_s3_bucket" "logs" {
  bucket = "example-logs"
  tags   = { Segment = "mynumber" }
}

resource "aws_flow_log" "main" {
  log_destination_type = "s3"
  log_destination      = aws_s3_bucket.logs.arn
}`,
			Expected: helper.Issues{evidenceIssue(errorRule, logBucketNoLogging("aws_s3_bucket.logs", "aws_flow_log.main"), 2, 1, 2, 32)},
		},
		{
			Name: "buckets of other segments that hold no logs are not checked",
			Content: `
resource "aws_s3_bucket" "lgwan" {
  tags = { Segment = "lgwan" }
}

resource "aws_s3_bucket" "internet" {
  tags = { Segment = "internet" }
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "bucket whose segment cannot be known is named in strict mode",
			Content: `
variable "tags" {
  type = map(string)
}

resource "aws_s3_bucket" "records" {
  tags = var.tags
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{evidenceIssue(notice, "strict: マイナンバー利用事務系のデータを保管しうる S3 バケットのサーバーアクセスログを確認できません。aws_s3_bucket.records: セグメントを決められません（aws_s3_bucket.records のタグ Segment: lint 時に値が決まりません）。 [指針 4.6.1.4 / JIS Q 27017 12.4.1, 16.1.7]", 7, 10, 7, 18)},
		},
		{
			Name: "bucket whose segment cannot be known is not reported outside strict mode",
			Content: `
variable "tags" {
  type = map(string)
}

resource "aws_s3_bucket" "records" {
  tags = var.tags
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "bucket whose segment cannot be known but that has logging passes",
			Content: `
variable "tags" {
  type = map(string)
}

resource "aws_s3_bucket" "records" {
  tags = var.tags
}

resource "aws_s3_bucket_logging" "records" {
  bucket        = aws_s3_bucket.records.id
  target_bucket = "access-logs"
  target_prefix = "records/"
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "English message",
			Content: `
resource "aws_s3_bucket" "records" {
  tags = { Segment = "mynumber" }
}`,
			Config:   linttest.English(),
			Expected: helper.Issues{evidenceIssue(errorRule, "S3 bucket aws_s3_bucket.records holds data of the My Number segment (mynumber) but has no server access logging; add an aws_s3_bucket_logging that records access to it in another bucket, so that access to the data is kept as evidence for audit and forensics. [Guideline 4.6.1.4 / JIS Q 27017 12.4.1, 16.1.7]", 2, 1, 2, 35)},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsS3BucketAccessLoggingRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
			assertSeverities(t, tc.Expected, runner.Issues)
		})
	}
}
