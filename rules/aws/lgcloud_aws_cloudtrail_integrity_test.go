package aws

import (
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

const integrityCite = " [指針 4.7.1.5 / JIS Q 27017 12.4.2]"

func TestAwsCloudtrailIntegrityRule(t *testing.T) {
	rule := NewAwsCloudtrailIntegrityRule()
	var (
		validationOff = "CloudTrail aws_cloudtrail.main のログファイルの整合性検証が有効ではありません。ログの改ざんや削除を検知できるよう、enable_log_file_validation = true を設定してください。" + integrityCite
		noKMS         = "CloudTrail aws_cloudtrail.main のログが KMS キーで暗号化されていません。kms_key_id にカスタマー管理の KMS キーを設定してください。" + integrityCite
	)

	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "validation on and a key from the module pass",
			Content: `
resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = "trail-logs"
  enable_log_file_validation = true
  kms_key_id                 = aws_kms_key.trail.arn
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "a key ARN written as a literal passes",
			Content: `
resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = "trail-logs"
  enable_log_file_validation = true
  kms_key_id                 = "arn:aws:kms:ap-northeast-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "a trail with neither is reported twice at the resource",
			Content: `
resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = "trail-logs"
}`,
			Expected: helper.Issues{
				auditIssue(rule, validationOff, 2, 1, 2, 33),
				auditIssue(rule, noKMS, 2, 1, 2, 33),
			},
		},
		{
			Name: "validation false is reported at the value",
			Content: `
resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = "trail-logs"
  enable_log_file_validation = false
  kms_key_id                 = aws_kms_key.trail.arn
}`,
			Expected: helper.Issues{auditIssue(rule, validationOff, 5, 32, 5, 37)},
		},
		{
			Name: "null kms_key_id is reported at the resource",
			Content: `
resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = "trail-logs"
  enable_log_file_validation = true
  kms_key_id                 = null
}`,
			Expected: helper.Issues{auditIssue(rule, noKMS, 2, 1, 2, 33)},
		},
		{
			Name: "empty kms_key_id is reported at the value",
			Content: `
resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = "trail-logs"
  enable_log_file_validation = true
  kms_key_id                 = ""
}`,
			Expected: helper.Issues{auditIssue(rule, noKMS, 6, 32, 6, 34)},
		},
		{
			Name: "false from a variable default is reported at the reference",
			Content: `
variable "validation" {
  default = false
}

resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = "trail-logs"
  enable_log_file_validation = var.validation
  kms_key_id                 = aws_kms_key.trail.arn
}`,
			Expected: helper.Issues{auditIssue(rule, validationOff, 9, 32, 9, 46)},
		},
		{
			Name: "key from a variable default passes",
			Content: `
variable "kms_key_arn" {
  default = "arn:aws:kms:ap-northeast-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = "trail-logs"
  enable_log_file_validation = true
  kms_key_id                 = var.kms_key_arn
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "variables without default are unknown and not reported",
			Content: `
variable "validation" {
  type = bool
}

variable "kms_key_arn" {
  type = string
}

resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = "trail-logs"
  enable_log_file_validation = var.validation
  kms_key_id                 = var.kms_key_arn
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "variables without default are named by strict notices",
			Content: `
variable "validation" {
  type = bool
}

variable "kms_key_arn" {
  type = string
}

resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = "trail-logs"
  enable_log_file_validation = var.validation
  kms_key_id                 = var.kms_key_arn
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				auditIssue(linttest.Notice(rule), "strict: CloudTrail のログファイルの整合性検証を確認できません。enable_log_file_validation: lint 時に値が決まりません。"+integrityCite, 13, 32, 13, 46),
				auditIssue(linttest.Notice(rule), "strict: CloudTrail のログの KMS 暗号化を確認できません。kms_key_id: lint 時に値が決まりません。"+integrityCite, 14, 32, 14, 47),
			},
		},
		{
			Name: "English messages",
			Content: `
resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = "trail-logs"
}`,
			Config: linttest.English(),
			Expected: helper.Issues{
				auditIssue(rule, "CloudTrail aws_cloudtrail.main does not validate log file integrity; set enable_log_file_validation = true so that altered or deleted log files can be detected. [Guideline 4.7.1.5 / JIS Q 27017 12.4.2]", 2, 1, 2, 33),
				auditIssue(rule, "CloudTrail aws_cloudtrail.main does not encrypt its logs with a KMS key; set kms_key_id to a customer managed KMS key. [Guideline 4.7.1.5 / JIS Q 27017 12.4.2]", 2, 1, 2, 33),
			},
		},
	}

	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsCloudtrailIntegrityRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}

func TestAwsCloudtrailIntegrityRule_Fix(t *testing.T) {
	content := `
resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = "trail-logs"
  enable_log_file_validation = false
}`
	want := map[string]string{"resource.tf": `
resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = "trail-logs"
  enable_log_file_validation = true
}`}
	runner := linttest.Run(t, NewAwsCloudtrailIntegrityRule(), map[string]string{"resource.tf": content}, nil)
	helper.AssertChanges(t, want, runner.Changes())
}
