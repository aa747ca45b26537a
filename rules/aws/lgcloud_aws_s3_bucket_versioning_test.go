package aws

import (
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

const versioningCite = " [指針 4.6.1.3 / JIS Q 27017 12.3.1]"

func versioningMissing(bucket string) string {
	return "S3 バケット " + bucket + " はマイナンバー利用事務系（mynumber）のデータを保管していますが、バージョニングが有効になっていません。誤って、または攻撃によって上書き・削除されたオブジェクトを復元できるよう、aws_s3_bucket_versioning を宣言して versioning_configuration の status = \"Enabled\" を設定してください。" + versioningCite
}

func versioningOff(bucket, config, status string) string {
	return "S3 バケット " + bucket + " はマイナンバー利用事務系（mynumber）のデータを保管していますが、" + config + " がバージョニングを \"" + status + "\" にしています。誤って、または攻撃によって上書き・削除されたオブジェクトを復元できるよう、status = \"Enabled\" を設定してください。" + versioningCite
}

func inlineVersioningOff(bucket string) string {
	return "S3 バケット " + bucket + " はマイナンバー利用事務系（mynumber）のデータを保管していますが、versioning ブロックでバージョニングが有効になっていません。enabled = true を設定してください（AWS プロバイダー v4 以降では aws_s3_bucket_versioning で設定します）。" + versioningCite
}

const versioningStrict = "strict: マイナンバー利用事務系のデータを保管しうる S3 バケットのバージョニングを確認できません。"

// mynumberBucket is a bucket of the My Number segment.
const mynumberBucket = `
resource "aws_s3_bucket" "records" {
  bucket = "resident-records"
  tags   = { Segment = "mynumber" }
}
`

func TestAwsS3BucketVersioningRule(t *testing.T) {
	rule := NewAwsS3BucketVersioningRule()
	notice := linttest.Notice(rule)
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
		Fixed    string
	}{
		{
			Name:     "mynumber bucket without versioning is reported at the bucket",
			Content:  mynumberBucket,
			Expected: helper.Issues{evidenceIssue(rule, versioningMissing("aws_s3_bucket.records"), 2, 1, 2, 35)},
		},
		{
			Name: "mynumber bucket by provider default_tags",
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
			Expected: helper.Issues{evidenceIssue(rule, versioningMissing("aws_s3_bucket.records"), 9, 1, 9, 35)},
		},
		{
			Name: "versioning enabled by reference passes",
			Content: mynumberBucket + `
resource "aws_s3_bucket_versioning" "records" {
  bucket = aws_s3_bucket.records.id
  versioning_configuration {
    status = "Enabled"
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "versioning enabled by the bucket's name passes",
			Content: mynumberBucket + `
resource "aws_s3_bucket_versioning" "records" {
  bucket = "resident-records"
  versioning_configuration {
    status = "Enabled"
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "suspended versioning is reported at the status and fixed",
			Content: mynumberBucket + `
resource "aws_s3_bucket_versioning" "records" {
  bucket = aws_s3_bucket.records.id
  versioning_configuration {
    status = "Suspended"
  }
}`,
			Expected: helper.Issues{evidenceIssue(rule, versioningOff("aws_s3_bucket.records", "aws_s3_bucket_versioning.records", "Suspended"), 10, 14, 10, 25)},
			Fixed: mynumberBucket + `
resource "aws_s3_bucket_versioning" "records" {
  bucket = aws_s3_bucket.records.id
  versioning_configuration {
    status = "Enabled"
  }
}`,
		},
		{
			Name: "status from a variable default is reported without a fix",
			Content: mynumberBucket + `
variable "status" {
  type    = string
  default = "Disabled"
}

resource "aws_s3_bucket_versioning" "records" {
  bucket = aws_s3_bucket.records.id
  versioning_configuration {
    status = var.status
  }
}`,
			Expected: helper.Issues{evidenceIssue(rule, versioningOff("aws_s3_bucket.records", "aws_s3_bucket_versioning.records", "Disabled"), 15, 14, 15, 24)},
		},
		{
			Name: "unknown status is named in strict mode",
			Content: mynumberBucket + `
variable "status" {
  type = string
}

resource "aws_s3_bucket_versioning" "records" {
  bucket = aws_s3_bucket.records.id
  versioning_configuration {
    status = var.status
  }
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{evidenceIssue(notice, versioningStrict+"versioning_configuration.status: lint 時に値が決まりません。"+versioningCite, 14, 14, 14, 24)},
		},
		{
			Name: "legacy versioning block enabled passes",
			Content: `
resource "aws_s3_bucket" "records" {
  tags = { Segment = "mynumber" }

  versioning {
    enabled = true
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "legacy versioning block disabled is reported and fixed",
			Content: `
resource "aws_s3_bucket" "records" {
  tags = { Segment = "mynumber" }

  versioning {
    enabled = false
  }
}`,
			Expected: helper.Issues{evidenceIssue(rule, inlineVersioningOff("aws_s3_bucket.records"), 6, 15, 6, 20)},
			Fixed: `
resource "aws_s3_bucket" "records" {
  tags = { Segment = "mynumber" }

  versioning {
    enabled = true
  }
}`,
		},
		{
			Name: "legacy versioning block without enabled is reported at the block and fixed",
			Content: `
resource "aws_s3_bucket" "records" {
  tags = { Segment = "mynumber" }

  versioning {
    mfa_delete = false
  }
}`,
			Expected: helper.Issues{evidenceIssue(rule, inlineVersioningOff("aws_s3_bucket.records"), 5, 3, 5, 13)},
			Fixed: `
resource "aws_s3_bucket" "records" {
  tags = { Segment = "mynumber" }

  versioning {
    mfa_delete = false
    enabled    = true
  }
}`,
		},
		{
			Name: "the separate resource wins over the legacy block",
			Content: `
resource "aws_s3_bucket" "records" {
  tags = { Segment = "mynumber" }

  versioning {
    enabled = false
  }
}

resource "aws_s3_bucket_versioning" "records" {
  bucket = aws_s3_bucket.records.id
  versioning_configuration {
    status = "Enabled"
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "dynamic versioning block is named in strict mode",
			Content: `
variable "versioning" {
  type = list(bool)
}

resource "aws_s3_bucket" "records" {
  tags = { Segment = "mynumber" }

  dynamic "versioning" {
    for_each = var.versioning
    content {
      enabled = versioning.value
    }
  }
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{evidenceIssue(notice, versioningStrict+"for_each: dynamic ブロックが作るブロックを lint 時に確認できません。"+versioningCite, 10, 16, 10, 30)},
		},
		{
			Name: "buckets of other segments are not checked",
			Content: `
resource "aws_s3_bucket" "lgwan" {
  tags = { Segment = "lgwan" }
}

resource "aws_s3_bucket" "none" {
  tags = { Name = "none" }
}`,
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
			Expected: helper.Issues{evidenceIssue(notice, versioningStrict+"aws_s3_bucket.records: セグメントを決められません（aws_s3_bucket.records のタグ Segment: lint 時に値が決まりません）。"+versioningCite, 7, 10, 7, 18)},
		},
		{
			Name: "bucket whose segment cannot be known passes with versioning on",
			Content: `
variable "tags" {
  type = map(string)
}

resource "aws_s3_bucket" "records" {
  tags = var.tags
}

resource "aws_s3_bucket_versioning" "records" {
  bucket = aws_s3_bucket.records.id
  versioning_configuration {
    status = "Enabled"
  }
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "versioning with a literal bucket of another name is named in strict mode",
			Content: mynumberBucket + `
resource "aws_s3_bucket_versioning" "other" {
  bucket = "other-bucket"
  versioning_configuration {
    status = "Enabled"
  }
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{evidenceIssue(notice, versioningStrict+"aws_s3_bucket.records: aws_s3_bucket_versioning.other の bucket がどの aws_s3_bucket を指すか特定できません。"+versioningCite, 2, 1, 2, 35)},
		},
		{
			Name:     "English message",
			Content:  mynumberBucket,
			Config:   linttest.English(),
			Expected: helper.Issues{evidenceIssue(rule, "S3 bucket aws_s3_bucket.records holds data of the My Number segment (mynumber) but does not have versioning enabled; declare an aws_s3_bucket_versioning with status = \"Enabled\" in its versioning_configuration, so that objects overwritten or deleted by mistake or by an attack can be restored. [Guideline 4.6.1.3 / JIS Q 27017 12.3.1]", 2, 1, 2, 35)},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsS3BucketVersioningRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
			want := map[string]string{}
			if tc.Fixed != "" {
				want["resource.tf"] = tc.Fixed
			}
			helper.AssertChanges(t, want, runner.Changes())
		})
	}
}
