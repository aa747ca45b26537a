package aws

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func TestAwsS3BucketEncryptedRule(t *testing.T) {
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "bucket without a declared configuration is encrypted by S3 and not reported",
			Content: `
resource "aws_s3_bucket" "logs" {
  bucket = "logs"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "bucket without a declared configuration is not a strict notice",
			Content: `
resource "aws_s3_bucket" "logs" {
  bucket = "logs"
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "split resource with AES256 passes",
			Content: `
resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "split resource with aws:kms passes",
			Content: `
resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.logs.arn
    }
    bucket_key_enabled = true
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "split resource with aws:kms:dsse passes",
			Content: `
resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms:dsse"
    }
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "inline block with AES256 passes",
			Content: `
resource "aws_s3_bucket" "logs" {
  bucket = "logs"

  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm = "AES256"
      }
    }
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "inline block with aws:kms passes",
			Content: `
resource "aws_s3_bucket" "logs" {
  bucket = "logs"

  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm = "aws:kms"
      }
    }
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "inline block with aws:kms:dsse passes",
			Content: `
resource "aws_s3_bucket" "logs" {
  bucket = "logs"

  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm = "aws:kms:dsse"
      }
    }
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "split resource with an off-table algorithm is reported at the algorithm",
			Content: `
resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "DES"
    }
  }
}`,
			Expected: helper.Issues{
				{
					Rule:    NewAwsS3BucketEncryptedRule(),
					Message: `S3 の暗号化設定 aws_s3_bucket_server_side_encryption_configuration.logs の既定の暗号化方式 "DES" は電子政府推奨暗号リストで確認できる方式ではありません。AES256、aws:kms または aws:kms:dsse を指定してください。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]`,
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 7, Column: 23},
						End:      hcl.Pos{Line: 7, Column: 28},
					},
				},
			},
		},
		{
			Name: "inline block with an off-table algorithm is reported at the algorithm",
			Content: `
resource "aws_s3_bucket" "logs" {
  bucket = "logs"

  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm = "DES"
      }
    }
  }
}`,
			Expected: helper.Issues{
				{
					Rule:    NewAwsS3BucketEncryptedRule(),
					Message: `S3 の暗号化設定 aws_s3_bucket.logs の既定の暗号化方式 "DES" は電子政府推奨暗号リストで確認できる方式ではありません。AES256、aws:kms または aws:kms:dsse を指定してください。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]`,
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 8, Column: 25},
						End:      hcl.Pos{Line: 8, Column: 30},
					},
				},
			},
		},
		{
			Name: "only the off-table one of two rules is reported",
			Content: `
resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "DES"
    }
  }
}`,
			Expected: helper.Issues{
				{
					Rule:    NewAwsS3BucketEncryptedRule(),
					Message: `S3 の暗号化設定 aws_s3_bucket_server_side_encryption_configuration.logs の既定の暗号化方式 "DES" は電子政府推奨暗号リストで確認できる方式ではありません。AES256、aws:kms または aws:kms:dsse を指定してください。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]`,
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 13, Column: 23},
						End:      hcl.Pos{Line: 13, Column: 28},
					},
				},
			},
		},
		{
			Name: "rule without apply_server_side_encryption_by_default is not reported",
			Content: `
resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id

  rule {
    bucket_key_enabled = true
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "absent sse_algorithm is not reported, even in strict mode",
			Content: `
resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id

  rule {
    apply_server_side_encryption_by_default {
      kms_master_key_id = aws_kms_key.logs.arn
    }
  }
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "null sse_algorithm is not reported",
			Content: `
resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = null
    }
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "off-table algorithm from a variable default is reported at the reference",
			Content: `
variable "algorithm" {
  default = "DES"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = var.algorithm
    }
  }
}`,
			Expected: helper.Issues{
				{
					Rule:    NewAwsS3BucketEncryptedRule(),
					Message: `S3 の暗号化設定 aws_s3_bucket_server_side_encryption_configuration.logs の既定の暗号化方式 "DES" は電子政府推奨暗号リストで確認できる方式ではありません。AES256、aws:kms または aws:kms:dsse を指定してください。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]`,
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 11, Column: 23},
						End:      hcl.Pos{Line: 11, Column: 36},
					},
				},
			},
		},
		{
			Name: "table algorithm from a variable default passes",
			Content: `
variable "algorithm" {
  default = "aws:kms"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = var.algorithm
    }
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "variable without default is unknown and not reported",
			Content: `
variable "algorithm" {
  type = string
}

resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = var.algorithm
    }
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "variable without default is named by a strict notice",
			Content: `
variable "algorithm" {
  type = string
}

resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = var.algorithm
    }
  }
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				{
					Rule:    linttest.Notice(NewAwsS3BucketEncryptedRule()),
					Message: "strict: S3 バケットの既定の暗号化方式を確認できません。sse_algorithm: lint 時に値が決まりません。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 11, Column: 23},
						End:      hcl.Pos{Line: 11, Column: 36},
					},
				},
			},
		},
		{
			Name: "sensitive variable is not reported",
			Content: `
variable "algorithm" {
  default   = "DES"
  sensitive = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = var.algorithm
    }
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "sensitive variable is named by a strict notice",
			Content: `
variable "algorithm" {
  default   = "DES"
  sensitive = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = var.algorithm
    }
  }
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				{
					Rule:    linttest.Notice(NewAwsS3BucketEncryptedRule()),
					Message: "strict: S3 バケットの既定の暗号化方式を確認できません。sse_algorithm: 値が sensitive または ephemeral です。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 12, Column: 23},
						End:      hcl.Pos{Line: 12, Column: 36},
					},
				},
			},
		},
		{
			Name: "a local whose value is unknown is not reported",
			Content: `
variable "unknown_value" {}

locals {
  algorithm = var.unknown_value
}

resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = local.algorithm
    }
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "list value is not reported",
			Content: `
resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = ["DES"]
    }
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "English message",
			Content: `
resource "aws_s3_bucket" "logs" {
  bucket = "logs"

  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm = "DES"
      }
    }
  }
}`,
			Config: linttest.English(),
			Expected: helper.Issues{
				{
					Rule:    NewAwsS3BucketEncryptedRule(),
					Message: `S3 encryption settings aws_s3_bucket.logs declare default encryption "DES", which is not an algorithm known to meet the CRYPTREC list; use AES256, aws:kms or aws:kms:dsse. [Guideline 4.6.1.1 / JIS Q 27017 10.1.1]`,
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 8, Column: 25},
						End:      hcl.Pos{Line: 8, Column: 30},
					},
				},
			},
		},
	}

	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsS3BucketEncryptedRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}

func TestAwsS3BucketEncryptedRule_Fix(t *testing.T) {
	// An off-table algorithm has no single right replacement: no autofix.
	content := `
resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "DES"
    }
  }
}`
	runner := linttest.Run(t, NewAwsS3BucketEncryptedRule(), map[string]string{"resource.tf": content}, nil)
	helper.AssertChanges(t, map[string]string{}, runner.Changes())
}
