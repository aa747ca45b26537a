package aws

import (
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

// s3CannedACLMsg is the Japanese finding on a public canned ACL.
func s3CannedACLMsg(name, acl string) string {
	return "S3 の ACL 設定 " + name + " の \"" + acl + "\" はアカウント外の不特定の相手にアクセスを許可します。ACL を private にし（または ACL を無効にし）、必要な相手にだけバケットポリシーで許可してください。 [指針 4.6.3.2 / JIS Q 27017 9.2.1, 9.2.2, 9.4.1]"
}

// s3GrantMsg is the Japanese finding on a grant to a public group.
func s3GrantMsg(name, group string) string {
	return "S3 の ACL 設定 " + name + " のグラントが " + group + " グループに権限を付与しています。このグラントを削除し、必要な相手にだけバケットポリシーで許可してください。 [指針 4.6.3.2 / JIS Q 27017 9.2.1, 9.2.2, 9.4.1]"
}

func TestAwsS3BucketACLPublicRule(t *testing.T) {
	rule := NewAwsS3BucketACLPublicRule()
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "public canned ACLs are reported at the value",
			Content: `
resource "aws_s3_bucket_acl" "read" {
  bucket = "site"
  acl    = "public-read"
}

resource "aws_s3_bucket_acl" "write" {
  bucket = "upload"
  acl    = "public-read-write"
}

resource "aws_s3_bucket_acl" "authenticated" {
  bucket = "shared"
  acl    = "authenticated-read"
}`,
			Expected: helper.Issues{
				{Rule: rule, Message: s3CannedACLMsg("aws_s3_bucket_acl.read", "public-read"), Range: s3Range(4, 12, 4, 25)},
				{Rule: rule, Message: s3CannedACLMsg("aws_s3_bucket_acl.write", "public-read-write"), Range: s3Range(9, 12, 9, 31)},
				{Rule: rule, Message: s3CannedACLMsg("aws_s3_bucket_acl.authenticated", "authenticated-read"), Range: s3Range(14, 12, 14, 32)},
			},
		},
		{
			Name: "canned ACLs that stay in the account pass",
			Content: `
resource "aws_s3_bucket_acl" "private" {
  bucket = "site"
  acl    = "private"
}

resource "aws_s3_bucket_acl" "logs" {
  bucket = "logs"
  acl    = "log-delivery-write"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "grants to the AllUsers and AuthenticatedUsers groups are reported at the uri",
			Content: `
resource "aws_s3_bucket_acl" "site" {
  bucket = "site"
  access_control_policy {
    grant {
      grantee {
        type = "Group"
        uri  = "http://acs.amazonaws.com/groups/global/AllUsers"
      }
      permission = "READ"
    }
    grant {
      grantee {
        type = "Group"
        uri  = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"
      }
      permission = "READ_ACP"
    }
    owner {
      id = "0123456789abcdef"
    }
  }
}`,
			Expected: helper.Issues{
				{Rule: rule, Message: s3GrantMsg("aws_s3_bucket_acl.site", "AllUsers"), Range: s3Range(8, 16, 8, 65)},
				{Rule: rule, Message: s3GrantMsg("aws_s3_bucket_acl.site", "AuthenticatedUsers"), Range: s3Range(15, 16, 15, 75)},
			},
		},
		{
			Name: "grants to a canonical user and to the log delivery group pass",
			Content: `
resource "aws_s3_bucket_acl" "site" {
  bucket = "site"
  access_control_policy {
    grant {
      grantee {
        type = "CanonicalUser"
        id   = "0123456789abcdef"
      }
      permission = "FULL_CONTROL"
    }
    grant {
      grantee {
        type = "Group"
        uri  = "http://acs.amazonaws.com/groups/s3/LogDelivery"
      }
      permission = "WRITE"
    }
    owner {
      id = "0123456789abcdef"
    }
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "the legacy acl argument and grant block of aws_s3_bucket are reported",
			Content: `
resource "aws_s3_bucket" "legacy" {
  bucket = "legacy"
  acl    = "public-read"
}

resource "aws_s3_bucket" "granted" {
  bucket = "granted"
  grant {
    type        = "Group"
    uri         = "http://acs.amazonaws.com/groups/global/AllUsers"
    permissions = ["READ"]
  }
}`,
			Expected: helper.Issues{
				{Rule: rule, Message: s3CannedACLMsg("aws_s3_bucket.legacy", "public-read"), Range: s3Range(4, 12, 4, 25)},
				{Rule: rule, Message: s3GrantMsg("aws_s3_bucket.granted", "AllUsers"), Range: s3Range(11, 19, 11, 68)},
			},
		},
		{
			Name: "a bucket without acl or grant passes",
			Content: `
resource "aws_s3_bucket" "site" {
  bucket = "site"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "a public ACL from a variable default is reported at the reference",
			Content: `
variable "acl" {
  default = "public-read"
}

resource "aws_s3_bucket_acl" "site" {
  bucket = "site"
  acl    = var.acl
}`,
			Expected: helper.Issues{
				{Rule: rule, Message: s3CannedACLMsg("aws_s3_bucket_acl.site", "public-read"), Range: s3Range(8, 12, 8, 19)},
			},
		},
		{
			Name: "a variable without default is unknown and not reported",
			Content: `
variable "acl" {
  type = string
}

variable "uri" {
  type = string
}

resource "aws_s3_bucket_acl" "site" {
  bucket = "site"
  acl    = var.acl
}

resource "aws_s3_bucket" "granted" {
  bucket = "granted"
  grant {
    type        = "Group"
    uri         = var.uri
    permissions = ["READ"]
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "a variable without default is named by a strict notice",
			Content: `
variable "acl" {
  type = string
}

resource "aws_s3_bucket_acl" "site" {
  bucket = "site"
  acl    = var.acl
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				{
					Rule:    linttest.Notice(rule),
					Message: "strict: S3 バケットの ACL の公開範囲を確認できません。acl: lint 時に値が決まりません。 [指針 4.6.3.2 / JIS Q 27017 9.2.1, 9.2.2, 9.4.1]",
					Range:   s3Range(8, 12, 8, 19),
				},
			},
		},
		{
			Name: "English messages",
			Content: `
resource "aws_s3_bucket_acl" "site" {
  bucket = "site"
  acl    = "public-read"
}

resource "aws_s3_bucket" "granted" {
  bucket = "granted"
  grant {
    type        = "Group"
    uri         = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"
    permissions = ["READ"]
  }
}`,
			Config: linttest.English(),
			Expected: helper.Issues{
				{
					Rule:    rule,
					Message: "S3 ACL settings aws_s3_bucket_acl.site use the canned ACL \"public-read\", which grants access to anyone outside the account; use private (or disable ACLs) and allow only the principals that need access in a bucket policy. [Guideline 4.6.3.2 / JIS Q 27017 9.2.1, 9.2.2, 9.4.1]",
					Range:   s3Range(4, 12, 4, 25),
				},
				{
					Rule:    rule,
					Message: "S3 ACL settings aws_s3_bucket.granted grant permissions to the AuthenticatedUsers group; remove the grant and allow only the principals that need access in a bucket policy. [Guideline 4.6.3.2 / JIS Q 27017 9.2.1, 9.2.2, 9.4.1]",
					Range:   s3Range(11, 19, 11, 78),
				},
			},
		},
	}

	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsS3BucketACLPublicRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}
