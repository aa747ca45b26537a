package aws

import (
	"errors"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

const ledgerCite = " [指針 4.2.1.1, 4.2.1.2, 4.2.1.3 / JIS Q 27017 8.1.1, 8.2.2, CLD.8.1.5]"

// ledgerAt is a range on one line of main.tf.
func ledgerAt(line, start, end int) hcl.Range {
	return hcl.Range{Filename: "main.tf", Start: hcl.Pos{Line: line, Column: start}, End: hcl.Pos{Line: line, Column: end}}
}

func ledgerMissingClass(kind, address string) string {
	return kind + " " + address + " に情報資産台帳のタグ DataClassification がありません。tags 又は provider の default_tags で DataClassification を設定してください（機密性3、機密性2、機密性1 のいずれか）。" + ledgerCite
}

func ledgerMissingRetention(kind, address string) string {
	return kind + " " + address + " に情報資産台帳のタグ RetentionUntil がありません。tags 又は provider の default_tags で RetentionUntil を設定してください（値は任意）。" + ledgerCite
}

func ledgerNotAllowed(kind, address, value string) string {
	return kind + " " + address + " の情報資産台帳のタグ DataClassification の値 \"" + value + "\" は、認められた値ではありません。機密性3、機密性2、機密性1 のいずれかを設定してください。" + ledgerCite
}

const ledgerStrict = "strict: 情報資産台帳のタグを確認できません。"

// ledgerTagged carries both default ledger tags.
const ledgerTagged = `
provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_s3_bucket" "records" {
  bucket = "resident-records"
  tags = {
    DataClassification = "機密性3"
    RetentionUntil     = "2031-03-31"
  }
}`

func TestAwsLedgerTagsRule(t *testing.T) {
	rule := NewAwsLedgerTagsRule()
	bucket := ledgerAt(6, 1, 35) // resource "aws_s3_bucket" "records"
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name:     "bucket with both tags passes",
			Content:  ledgerTagged,
			Expected: helper.Issues{},
		},
		{
			Name: "bucket without tags is reported once per tag at the resource",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_s3_bucket" "records" {
  bucket = "resident-records"
}`,
			Expected: helper.Issues{
				{Rule: rule, Message: ledgerMissingClass("S3 バケット", "aws_s3_bucket.records"), Range: bucket},
				{Rule: rule, Message: ledgerMissingRetention("S3 バケット", "aws_s3_bucket.records"), Range: bucket},
			},
		},
		{
			Name: "missing tag is reported at the tags attribute",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_s3_bucket" "records" {
  bucket = "resident-records"
  tags = {
    DataClassification = "機密性2"
  }
}`,
			Expected: helper.Issues{
				{Rule: rule, Message: ledgerMissingRetention("S3 バケット", "aws_s3_bucket.records"), Range: hcl.Range{Filename: "main.tf", Start: hcl.Pos{Line: 8, Column: 10}, End: hcl.Pos{Line: 10, Column: 4}}},
			},
		},
		{
			Name: "classification outside the allowed values is reported at its value",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_s3_bucket" "records" {
  bucket = "resident-records"
  tags = {
    DataClassification = "secret"
    RetentionUntil     = "2031-03-31"
  }
}`,
			Expected: helper.Issues{
				{Rule: rule, Message: ledgerNotAllowed("S3 バケット", "aws_s3_bucket.records", "secret"), Range: ledgerAt(9, 26, 34)},
			},
		},
		{
			Name: "full-width digit in the classification is the same value",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_s3_bucket" "records" {
  bucket = "resident-records"
  tags = {
    DataClassification = "機密性２"
    RetentionUntil     = "2031-03-31"
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "empty retention is reported at its value",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_s3_bucket" "records" {
  bucket = "resident-records"
  tags = {
    DataClassification = "機密性1"
    RetentionUntil     = " "
  }
}`,
			Expected: helper.Issues{
				{Rule: rule, Message: "S3 バケット aws_s3_bucket.records の情報資産台帳のタグ RetentionUntil が空です。値を設定してください。" + ledgerCite, Range: ledgerAt(10, 26, 29)},
			},
		},
		{
			Name: "provider default_tags supply the tags",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
  default_tags {
    tags = {
      DataClassification = "機密性2"
      RetentionUntil     = "2031-03-31"
    }
  }
}

resource "aws_efs_file_system" "shared" {
  encrypted = true
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "own tag wins over a default tag outside the allowed values",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
  default_tags {
    tags = {
      DataClassification = "unclassified"
      RetentionUntil     = "2031-03-31"
    }
  }
}

resource "aws_s3_bucket" "records" {
  tags = {
    DataClassification = "機密性3"
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "default tag outside the allowed values is reported at the resource",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
  default_tags {
    tags = {
      DataClassification = "unclassified"
      RetentionUntil     = "2031-03-31"
    }
  }
}

resource "aws_s3_bucket" "records" {
  bucket = "resident-records"
}`,
			Expected: helper.Issues{
				{Rule: rule, Message: ledgerNotAllowed("S3 バケット", "aws_s3_bucket.records", "unclassified"), Range: ledgerAt(12, 1, 35)},
			},
		},
		{
			Name: "resource through an alias takes the alias's default_tags",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}

provider "aws" {
  alias  = "osaka"
  region = "ap-northeast-3"
  default_tags {
    tags = {
      DataClassification = "機密性2"
      RetentionUntil     = "2031-03-31"
    }
  }
}

resource "aws_dynamodb_table" "residents" {
  provider = aws.osaka
  name     = "residents"
}

resource "aws_dynamodb_table" "archive" {
  name = "archive"
}`,
			Expected: helper.Issues{
				{Rule: rule, Message: ledgerMissingClass("DynamoDB テーブル", "aws_dynamodb_table.archive"), Range: ledgerAt(22, 1, 40)},
				{Rule: rule, Message: ledgerMissingRetention("DynamoDB テーブル", "aws_dynamodb_table.archive"), Range: ledgerAt(22, 1, 40)},
			},
		},
		{
			Name: "tags from a variable default are checked at the reference",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}

variable "tags" {
  default = {
    DataClassification = "公開"
    RetentionUntil     = "2031-03-31"
  }
}

resource "aws_db_instance" "residents" {
  tags = var.tags
}`,
			Expected: helper.Issues{
				{Rule: rule, Message: ledgerNotAllowed("RDS DB インスタンス", "aws_db_instance.residents", "公開"), Range: ledgerAt(14, 10, 18)},
			},
		},
		{
			Name: "tags from a variable without default are not reported",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}

variable "tags" {
  type = map(string)
}

resource "aws_db_instance" "residents" {
  tags = var.tags
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "tags from a variable without default are named by one strict notice",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}

variable "tags" {
  type = map(string)
}

resource "aws_db_instance" "residents" {
  tags = var.tags
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				{Rule: linttest.Notice(rule), Message: ledgerStrict + "tags: lint 時に値が決まりません。" + ledgerCite, Range: ledgerAt(11, 10, 18)},
			},
		},
		{
			Name: "tag value from a variable without default is not reported",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}

variable "classification" {
  type = string
}

resource "aws_db_instance" "residents" {
  tags = {
    DataClassification = var.classification
    RetentionUntil     = "2031-03-31"
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "tag value from a variable without default is named by a strict notice",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}

variable "classification" {
  type = string
}

resource "aws_db_instance" "residents" {
  tags = {
    DataClassification = var.classification
    RetentionUntil     = "2031-03-31"
  }
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				{Rule: linttest.Notice(rule), Message: ledgerStrict + "tags[\"DataClassification\"]: lint 時に値が決まりません。" + ledgerCite, Range: ledgerAt(12, 26, 44)},
			},
		},
		{
			Name: "sensitive tags are not read",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}

variable "tags" {
  default   = {}
  sensitive = true
}

resource "aws_db_instance" "residents" {
  tags = var.tags
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "default_tags from a variable without default make missing tags unknown",
			Content: `
variable "default_tags" {
  type = map(string)
}

provider "aws" {
  region = "ap-northeast-1"
  default_tags {
    tags = var.default_tags
  }
}

resource "aws_s3_bucket" "records" {
  bucket = "resident-records"
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				{Rule: linttest.Notice(rule), Message: ledgerStrict + "default_tags.tags: lint 時に値が決まりません。" + ledgerCite, Range: ledgerAt(9, 12, 28)},
			},
		},
		{
			Name: "without a provider block the default_tags cannot be known",
			Content: `
resource "aws_s3_bucket" "records" {
  bucket = "resident-records"
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				{Rule: linttest.Notice(rule), Message: ledgerStrict + "default_tags: provider aws のブロックがコードになく、その default_tags は分かりません。" + ledgerCite, Range: ledgerAt(2, 1, 35)},
			},
		},
		{
			Name: "own tags that carry every tag need no provider block",
			Content: `
resource "aws_s3_bucket" "records" {
  tags = {
    DataClassification = "機密性3"
    RetentionUntil     = "2031-03-31"
  }
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "every type of the table is checked",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
  default_tags {
    tags = {
      RetentionUntil = "2031-03-31"
    }
  }
}

resource "aws_ebs_volume" "data" {
  availability_zone = "ap-northeast-1a"
}

resource "aws_instance" "app" {
  ami = "ami-0123456789abcdef0"
}

resource "aws_backup_vault" "main" {
  name = "main"
}`,
			Expected: helper.Issues{
				{Rule: rule, Message: ledgerMissingClass("EBS ボリューム", "aws_ebs_volume.data"), Range: ledgerAt(11, 1, 33)},
				{Rule: rule, Message: ledgerMissingClass("AWS Backup ボールト", "aws_backup_vault.main"), Range: ledgerAt(19, 1, 35)},
			},
		},
		{
			Name: "cache cluster of a replication group is left to the group",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_elasticache_cluster" "replica" {
  cluster_id           = "sessions-2"
  replication_group_id = "sessions"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "English message",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_s3_bucket" "records" {
  tags = {
    DataClassification = "secret"
  }
}`,
			Config: linttest.English(),
			Expected: helper.Issues{
				{Rule: rule, Message: "S3 bucket aws_s3_bucket.records has the asset-ledger tag DataClassification = \"secret\", which is not an allowed value; set one of 機密性3, 機密性2, 機密性1. [Guideline 4.2.1.1, 4.2.1.2, 4.2.1.3 / JIS Q 27017 8.1.1, 8.2.2, CLD.8.1.5]", Range: ledgerAt(8, 26, 34)},
				{Rule: rule, Message: "S3 bucket aws_s3_bucket.records does not carry the asset-ledger tag RetentionUntil; set RetentionUntil in its tags or in the provider's default_tags (any value). [Guideline 4.2.1.1, 4.2.1.2, 4.2.1.3 / JIS Q 27017 8.1.1, 8.2.2, CLD.8.1.5]", Range: hcl.Range{Filename: "main.tf", Start: hcl.Pos{Line: 7, Column: 10}, End: hcl.Pos{Line: 9, Column: 4}}},
			},
		},
	}

	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, rule, map[string]string{"main.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}

func TestAwsLedgerTagsRuleOptions(t *testing.T) {
	rule := NewAwsLedgerTagsRule()
	cases := []struct {
		Name     string
		Content  string
		Options  *LedgerTagsOptions
		Expected helper.Issues
	}{
		{
			Name:    "configured keys replace the defaults",
			Content: ledgerTagged,
			Options: &LedgerTagsOptions{RequiredTags: map[string][]string{"Owner": {}}},
			Expected: helper.Issues{
				{Rule: rule, Message: "S3 バケット aws_s3_bucket.records に情報資産台帳のタグ Owner がありません。tags 又は provider の default_tags で Owner を設定してください（値は任意）。" + ledgerCite, Range: hcl.Range{Filename: "main.tf", Start: hcl.Pos{Line: 8, Column: 10}, End: hcl.Pos{Line: 11, Column: 4}}},
			},
		},
		{
			Name:     "configured values are matched without regard to case",
			Content:  strings.ReplaceAll(ledgerTagged, "機密性3", "Confidential"),
			Options:  &LedgerTagsOptions{RequiredTags: map[string][]string{"DataClassification": {"CONFIDENTIAL", "PUBLIC"}}},
			Expected: helper.Issues{},
		},
		{
			Name:    "configured values are listed in the message",
			Content: ledgerTagged,
			Options: &LedgerTagsOptions{RequiredTags: map[string][]string{"DataClassification": {"A", "B"}}},
			Expected: helper.Issues{
				{Rule: rule, Message: "S3 バケット aws_s3_bucket.records の情報資産台帳のタグ DataClassification の値 \"機密性3\" は、認められた値ではありません。A、B のいずれかを設定してください。" + ledgerCite, Range: ledgerAt(9, 26, 32)},
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.RunWith(t, rule, map[string]string{"main.tf": tc.Content}, nil, tc.Options)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}

func TestLedgerTagsOptionsValidate(t *testing.T) {
	cases := []struct {
		Name    string
		Tags    map[string][]string
		WantErr string
	}{
		{Name: "defaults are valid", Tags: NewAwsLedgerTagsRule().NewOptions().(*LedgerTagsOptions).RequiredTags},
		{Name: "no tag at all is refused", Tags: map[string][]string{}, WantErr: "name at least one tag; to require none, disable the rule"},
		{Name: "blank key is refused", Tags: map[string][]string{" ": {}}, WantErr: "a tag key is empty"},
		{Name: "reserved prefix is refused", Tags: map[string][]string{"aws:owner": {}}, WantErr: `tag key "aws:owner" uses the prefix aws:, which AWS reserves`},
		{Name: "long key is refused", Tags: map[string][]string{strings.Repeat("k", 129): {}}, WantErr: "is longer than 128 characters"},
		{Name: "empty allowed value is refused", Tags: map[string][]string{"DataClassification": {"機密性3", ""}}, WantErr: `tag "DataClassification" lists an empty value; list the allowed values, or none to allow any`},
		{Name: "long allowed value is refused", Tags: map[string][]string{"DataClassification": {strings.Repeat("値", 257)}}, WantErr: `tag "DataClassification" lists a value longer than 256 characters`},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			err := (&LedgerTagsOptions{RequiredTags: tc.Tags}).Validate()
			if tc.WantErr == "" {
				if err != nil {
					t.Fatalf("Validate() = %v, want nil", err)
				}
				return
			}
			var optErr *lint.OptionError
			if !errors.As(err, &optErr) || optErr.Attribute != "required_tags" || !strings.Contains(optErr.Detail, tc.WantErr) {
				t.Fatalf("Validate() = %v, want an OptionError on required_tags containing %q", err, tc.WantErr)
			}
		})
	}
}

func TestLedgerTagsAllows(t *testing.T) {
	opts := NewAwsLedgerTagsRule().NewOptions().(*LedgerTagsOptions)
	cases := []struct {
		Name, Key, Value string
		Want             bool
	}{
		{Name: "listed value", Key: DefaultClassificationTag, Value: "機密性2", Want: true},
		{Name: "full-width digit", Key: DefaultClassificationTag, Value: "機密性３", Want: true},
		{Name: "unlisted value", Key: DefaultClassificationTag, Value: "機密性4"},
		{Name: "listed value with a space", Key: DefaultClassificationTag, Value: "機密性 2"},
		{Name: "any value", Key: DefaultRetentionTag, Value: "保存期間5年", Want: true},
		{Name: "blank value of an any-value tag", Key: DefaultRetentionTag, Value: "\u3000"},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			if got := opts.Allows(tc.Key, tc.Value); got != tc.Want {
				t.Errorf("Allows(%q, %q) = %v, want %v", tc.Key, tc.Value, got, tc.Want)
			}
		})
	}
}
