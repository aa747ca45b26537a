package aws

import (
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

// trailWithBucket is a trail that delivers to aws_s3_bucket.trail (lines 2-5).
const trailWithBucket = `
resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = aws_s3_bucket.trail.id
}
`

func TestAwsCloudtrailBucketProtectedRule(t *testing.T) {
	rule := NewAwsCloudtrailBucketProtectedRule()
	unprotected := func(bucket string) string {
		return "CloudTrail のログを保存する S3 バケット " + bucket + " にオブジェクトロックもバージョニングも設定されていません。ログの上書きや削除に備え、aws_s3_bucket_object_lock_configuration でオブジェクトロックを設定するか、少なくとも aws_s3_bucket_versioning で status = \"Enabled\" を設定してください。" + integrityCite
	}
	noAccessLog := func(bucket string) string {
		return "CloudTrail のログを保存する S3 バケット " + bucket + " にサーバアクセスログが設定されていません。ログへのアクセスを追跡できるよう、aws_s3_bucket_logging で別のバケットにアクセスログを記録してください。" + integrityCite
	}

	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "versioning and access logging by reference pass",
			Content: trailWithBucket + `
resource "aws_s3_bucket" "trail" {
  bucket = "trail-logs"
}

resource "aws_s3_bucket_versioning" "trail" {
  bucket = aws_s3_bucket.trail.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_logging" "trail" {
  bucket        = aws_s3_bucket.trail.id
  target_bucket = aws_s3_bucket.access.id
  target_prefix = "trail/"
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "object lock configuration passes without versioning resource",
			Content: trailWithBucket + `
resource "aws_s3_bucket" "trail" {
  bucket              = "trail-logs"
  object_lock_enabled = true
}

resource "aws_s3_bucket_object_lock_configuration" "trail" {
  bucket = aws_s3_bucket.trail.id
  rule {
    default_retention {
      mode  = "COMPLIANCE"
      years = 1
    }
  }
}

resource "aws_s3_bucket_logging" "trail" {
  bucket        = aws_s3_bucket.trail.id
  target_bucket = "access-logs"
  target_prefix = "trail/"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "object_lock_enabled on the bucket passes",
			Content: trailWithBucket + `
resource "aws_s3_bucket" "trail" {
  bucket              = "trail-logs"
  object_lock_enabled = true
}

resource "aws_s3_bucket_logging" "trail" {
  bucket        = aws_s3_bucket.trail.id
  target_bucket = "access-logs"
  target_prefix = "trail/"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "legacy versioning and logging blocks pass",
			Content: trailWithBucket + `
resource "aws_s3_bucket" "trail" {
  bucket = "trail-logs"

  versioning {
    enabled = true
  }

  logging {
    target_bucket = "access-logs"
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "a bare bucket is reported twice at the bucket",
			Content: trailWithBucket + `
resource "aws_s3_bucket" "trail" {
  bucket = "trail-logs"
}`,
			Expected: helper.Issues{
				auditIssue(rule, unprotected("aws_s3_bucket.trail"), 7, 1, 7, 33),
				auditIssue(rule, noAccessLog("aws_s3_bucket.trail"), 7, 1, 7, 33),
			},
		},
		{
			Name: "suspended versioning is reported at its status",
			Content: trailWithBucket + `
resource "aws_s3_bucket" "trail" {
  bucket = "trail-logs"
}

resource "aws_s3_bucket_versioning" "trail" {
  bucket = aws_s3_bucket.trail.id
  versioning_configuration {
    status = "Suspended"
  }
}

resource "aws_s3_bucket_logging" "trail" {
  bucket        = aws_s3_bucket.trail.id
  target_bucket = "access-logs"
  target_prefix = "trail/"
}`,
			Expected: helper.Issues{auditIssue(rule, unprotected("aws_s3_bucket.trail"), 14, 14, 14, 25)},
		},
		{
			Name: "legacy versioning turned off is reported at the value",
			Content: trailWithBucket + `
resource "aws_s3_bucket" "trail" {
  bucket = "trail-logs"

  versioning {
    enabled = false
  }

  logging {
    target_bucket = "access-logs"
  }
}`,
			Expected: helper.Issues{auditIssue(rule, unprotected("aws_s3_bucket.trail"), 11, 15, 11, 20)},
		},
		{
			Name: "settings of another bucket do not count",
			Content: trailWithBucket + `
resource "aws_s3_bucket" "trail" {
  bucket = "trail-logs"
}

resource "aws_s3_bucket" "other" {
  bucket = "other"
}

resource "aws_s3_bucket_versioning" "other" {
  bucket = aws_s3_bucket.other.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_logging" "other" {
  bucket        = "other"
  target_bucket = "access-logs"
  target_prefix = "other/"
}`,
			Expected: helper.Issues{
				auditIssue(rule, unprotected("aws_s3_bucket.trail"), 7, 1, 7, 33),
				auditIssue(rule, noAccessLog("aws_s3_bucket.trail"), 7, 1, 7, 33),
			},
		},
		{
			Name: "bucket and settings named by the bucket name are matched",
			Content: `
resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = "trail-logs"
}

resource "aws_s3_bucket" "trail" {
  bucket = "trail-logs"
}

resource "aws_s3_bucket_versioning" "trail" {
  bucket = "trail-logs"
  versioning_configuration {
    status = "Enabled"
  }
}`,
			Expected: helper.Issues{auditIssue(rule, noAccessLog("aws_s3_bucket.trail"), 7, 1, 7, 33)},
		},
		{
			Name: "a bucket named through its bucket policy is found",
			Content: `
resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = aws_s3_bucket_policy.trail.bucket
}

resource "aws_s3_bucket_policy" "trail" {
  bucket = aws_s3_bucket.trail.id
  policy = data.aws_iam_policy_document.trail.json
}

resource "aws_s3_bucket" "trail" {
  bucket = "trail-logs"
}`,
			Expected: helper.Issues{
				auditIssue(rule, unprotected("aws_s3_bucket.trail"), 12, 1, 12, 33),
				auditIssue(rule, noAccessLog("aws_s3_bucket.trail"), 12, 1, 12, 33),
			},
		},
		{
			Name: "two trails sharing a bucket report it once",
			Content: trailWithBucket + `
resource "aws_cloudtrail" "second" {
  name           = "second"
  s3_bucket_name = aws_s3_bucket.trail.bucket
}

resource "aws_s3_bucket" "trail" {
  bucket = "trail-logs"

  logging {
    target_bucket = "access-logs"
  }
}`,
			Expected: helper.Issues{auditIssue(rule, unprotected("aws_s3_bucket.trail"), 12, 1, 12, 33)},
		},
		{
			Name: "a bucket name not declared in the module is not reported",
			Content: `
resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = "central-trail-logs"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "a bucket name not declared in the module is named by a strict notice",
			Content: `
resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = "central-trail-logs"
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				auditIssue(linttest.Notice(rule), "strict: CloudTrail のログバケットの保護を確認できません。s3_bucket_name: このモジュールで宣言された S3 バケットの名前ではありません。"+integrityCite, 4, 20, 4, 40),
			},
		},
		{
			Name: "a bucket name from a variable without default is named by a strict notice",
			Content: `
variable "bucket" {
  type = string
}

resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = var.bucket
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				auditIssue(linttest.Notice(rule), "strict: CloudTrail のログバケットの保護を確認できません。s3_bucket_name: lint 時に値が決まりません。"+integrityCite, 8, 20, 8, 30),
			},
		},
		{
			Name: "a bucket from a module output is not reported",
			Content: `
resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = module.logs.bucket
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "a versioning resource whose bucket cannot be known is not reported",
			Content: trailWithBucket + `
variable "bucket" {
  type = string
}

resource "aws_s3_bucket" "trail" {
  bucket = "trail-logs"

  logging {
    target_bucket = "access-logs"
  }
}

resource "aws_s3_bucket_versioning" "maybe" {
  bucket = var.bucket
  versioning_configuration {
    status = "Enabled"
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "a versioning resource whose bucket cannot be known is named by a strict notice",
			Content: trailWithBucket + `
variable "bucket" {
  type = string
}

resource "aws_s3_bucket" "trail" {
  bucket = "trail-logs"

  logging {
    target_bucket = "access-logs"
  }
}

resource "aws_s3_bucket_versioning" "maybe" {
  bucket = var.bucket
  versioning_configuration {
    status = "Enabled"
  }
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				auditIssue(linttest.Notice(rule), "strict: CloudTrail のログバケットのオブジェクトロック・バージョニングを確認できません。bucket: lint 時に値が決まりません。"+integrityCite, 20, 12, 20, 22),
			},
		},
		{
			Name: "a versioning status from a variable default is reported at the reference",
			Content: trailWithBucket + `
variable "status" {
  default = "Suspended"
}

resource "aws_s3_bucket" "trail" {
  bucket = "trail-logs"

  logging {
    target_bucket = "access-logs"
  }
}

resource "aws_s3_bucket_versioning" "trail" {
  bucket = aws_s3_bucket.trail.id
  versioning_configuration {
    status = var.status
  }
}`,
			Expected: helper.Issues{auditIssue(rule, unprotected("aws_s3_bucket.trail"), 22, 14, 22, 24)},
		},
		{
			Name: "English messages",
			Content: trailWithBucket + `
resource "aws_s3_bucket" "trail" {
  bucket = "trail-logs"
}`,
			Config: linttest.English(),
			Expected: helper.Issues{
				auditIssue(rule, "S3 bucket aws_s3_bucket.trail, which stores CloudTrail logs, has neither object lock nor versioning; to guard the logs against being overwritten or deleted, add object lock (aws_s3_bucket_object_lock_configuration) or at least versioning (aws_s3_bucket_versioning with status = \"Enabled\"). [Guideline 4.7.1.5 / JIS Q 27017 12.4.2]", 7, 1, 7, 33),
				auditIssue(rule, "S3 bucket aws_s3_bucket.trail, which stores CloudTrail logs, has no server access logging; add an aws_s3_bucket_logging that records access to another bucket, so that access to the logs can be traced. [Guideline 4.7.1.5 / JIS Q 27017 12.4.2]", 7, 1, 7, 33),
			},
		},
	}

	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsCloudtrailBucketProtectedRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}

func TestAwsCloudtrailBucketProtectedRule_Fix(t *testing.T) {
	cases := []struct {
		Name     string
		Content  string
		Expected map[string]string
	}{
		{
			Name: "legacy versioning false becomes true",
			Content: trailWithBucket + `
resource "aws_s3_bucket" "trail" {
  bucket = "trail-logs"

  versioning {
    enabled = false
  }

  logging {
    target_bucket = "access-logs"
  }
}`,
			Expected: map[string]string{"resource.tf": trailWithBucket + `
resource "aws_s3_bucket" "trail" {
  bucket = "trail-logs"

  versioning {
    enabled = true
  }

  logging {
    target_bucket = "access-logs"
  }
}`},
		},
		{
			Name: "a suspended status is not changed",
			Content: trailWithBucket + `
resource "aws_s3_bucket" "trail" {
  bucket = "trail-logs"
}

resource "aws_s3_bucket_versioning" "trail" {
  bucket = aws_s3_bucket.trail.id
  versioning_configuration {
    status = "Suspended"
  }
}`,
			Expected: map[string]string{},
		},
	}

	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsCloudtrailBucketProtectedRule(), map[string]string{"resource.tf": tc.Content}, nil)
			helper.AssertChanges(t, tc.Expected, runner.Changes())
		})
	}
}
