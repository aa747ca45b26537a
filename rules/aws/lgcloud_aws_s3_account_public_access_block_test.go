package aws

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
	"github.com/terraform-linters/tflint-plugin-sdk/terraform/addrs"
)

// s3AccountBlockMsg is the Japanese finding on one setting of the account's
// public access block.
func s3AccountBlockMsg(name, flag string) string {
	return "S3 アカウントのパブリックアクセスブロック " + name + " で " + flag + " が有効になっていません。設定の誤りでアカウント内のバケットが公開されないよう、" + flag + " = true を設定してください。 [指針 4.6.3.2 / JIS Q 27017 9.2.1, 9.2.2, 9.4.1]"
}

const s3AccountBlockMissingMsg = "アカウントのベースラインに S3 のパブリックアクセスブロック（aws_s3_account_public_access_block）がありません。4 つの設定をすべて true にして宣言してください。 [指針 4.6.3.2 / JIS Q 27017 9.2.1, 9.2.2, 9.4.1]"

// s3InFile moves a range into another file.
func s3InFile(file string, r hcl.Range) hcl.Range {
	r.Filename = file
	return r
}

func TestAwsS3AccountPublicAccessBlockRule(t *testing.T) {
	rule := NewAwsS3AccountPublicAccessBlockRule()
	cases := []struct {
		Name     string
		Files    map[string]string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "all four settings true pass",
			Files: map[string]string{"resource.tf": `
provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_s3_account_public_access_block" "this" {
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}`},
			Expected: helper.Issues{},
		},
		{
			Name: "false and absent settings are reported once each",
			Files: map[string]string{"resource.tf": `
resource "aws_s3_account_public_access_block" "this" {
  block_public_acls   = true
  block_public_policy = false
  ignore_public_acls  = true
}`},
			Expected: helper.Issues{
				{Rule: rule, Message: s3AccountBlockMsg("aws_s3_account_public_access_block.this", "block_public_policy"), Range: s3Range(4, 25, 4, 30)},
				{Rule: rule, Message: s3AccountBlockMsg("aws_s3_account_public_access_block.this", "restrict_public_buckets"), Range: s3Range(2, 1, 2, 53)},
			},
		},
		{
			Name: "a root module with a provider aws block and no account block is reported at the provider block",
			Files: map[string]string{"resource.tf": `
provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_s3_bucket" "site" {
  bucket = "site"
}`},
			Expected: helper.Issues{
				{Rule: rule, Message: s3AccountBlockMissingMsg, Range: s3Range(2, 1, 2, 15)},
			},
		},
		{
			Name: "the missing block is reported once, at the first provider aws block by file and line",
			Files: map[string]string{
				"b.tf": `
provider "aws" {
  region = "ap-northeast-1"
}`,
				"a.tf": `
provider "google" {
  project = "lg"
}

provider "aws" {
  alias  = "osaka"
  region = "ap-northeast-3"
}

provider "aws" {
  alias  = "virginia"
  region = "us-east-1"
}`,
			},
			Expected: helper.Issues{
				{Rule: rule, Message: s3AccountBlockMissingMsg, Range: s3InFile("a.tf", s3Range(6, 1, 6, 15))},
			},
		},
		{
			Name: "a configuration without a provider aws block is not reported",
			Files: map[string]string{"resource.tf": `
provider "google" {
  project = "lg"
}

resource "aws_s3_bucket" "site" {
  bucket = "site"
}`},
			Expected: helper.Issues{},
		},
		{
			Name: "a root module that calls modules may get the block from them and is not reported",
			Files: map[string]string{"resource.tf": `
provider "aws" {
  region = "ap-northeast-1"
}

module "baseline" {
  source = "./modules/baseline"
}`},
			Expected: helper.Issues{},
		},
		{
			Name: "a root module that calls modules is named by a strict notice at the provider block",
			Files: map[string]string{"resource.tf": `
provider "aws" {
  region = "ap-northeast-1"
}

module "baseline" {
  source = "./modules/baseline"
}`},
			Config: linttest.Strict(),
			Expected: helper.Issues{
				{
					Rule:    linttest.Notice(rule),
					Message: "strict: S3 アカウントのパブリックアクセスブロックを確認できません。aws_s3_account_public_access_block: このルートモジュールにはなく、呼び出しているモジュールが宣言しているかは確認できません。 [指針 4.6.3.2 / JIS Q 27017 9.2.1, 9.2.2, 9.4.1]",
					Range:   s3Range(2, 1, 2, 15),
				},
			},
		},
		{
			Name: "false from a variable default is reported at the reference",
			Files: map[string]string{"resource.tf": `
variable "block" {
  default = false
}

resource "aws_s3_account_public_access_block" "this" {
  block_public_acls       = var.block
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}`},
			Expected: helper.Issues{
				{Rule: rule, Message: s3AccountBlockMsg("aws_s3_account_public_access_block.this", "block_public_acls"), Range: s3Range(7, 29, 7, 38)},
			},
		},
		{
			Name: "variable without default is unknown and not reported",
			Files: map[string]string{"resource.tf": `
variable "block" {
  type = bool
}

resource "aws_s3_account_public_access_block" "this" {
  block_public_acls       = var.block
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}`},
			Expected: helper.Issues{},
		},
		{
			Name: "variable without default is named by a strict notice",
			Files: map[string]string{"resource.tf": `
variable "block" {
  type = bool
}

resource "aws_s3_account_public_access_block" "this" {
  block_public_acls       = var.block
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}`},
			Config: linttest.Strict(),
			Expected: helper.Issues{
				{
					Rule:    linttest.Notice(rule),
					Message: "strict: S3 アカウントのパブリックアクセスブロックを確認できません。block_public_acls: lint 時に値が決まりません。 [指針 4.6.3.2 / JIS Q 27017 9.2.1, 9.2.2, 9.4.1]",
					Range:   s3Range(7, 29, 7, 38),
				},
			},
		},
		{
			Name: "English messages",
			Files: map[string]string{"resource.tf": `
provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_s3_account_public_access_block" "this" {
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = false
  restrict_public_buckets = true
}`},
			Config: linttest.English(),
			Expected: helper.Issues{
				{
					Rule:    rule,
					Message: "S3 account public access block aws_s3_account_public_access_block.this does not turn on ignore_public_acls; set ignore_public_acls = true so that a mistaken setting cannot make a bucket of the account public. [Guideline 4.6.3.2 / JIS Q 27017 9.2.1, 9.2.2, 9.4.1]",
					Range:   s3Range(9, 29, 9, 34),
				},
			},
		},
		{
			Name: "English message for the missing block",
			Files: map[string]string{"resource.tf": `
provider "aws" {
  region = "ap-northeast-1"
}`},
			Config: linttest.English(),
			Expected: helper.Issues{
				{
					Rule:    rule,
					Message: "The account baseline declares no S3 account public access block (aws_s3_account_public_access_block); declare one with all four settings set to true. [Guideline 4.6.3.2 / JIS Q 27017 9.2.1, 9.2.2, 9.4.1]",
					Range:   s3Range(2, 1, 2, 15),
				},
			},
		},
	}

	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsS3AccountPublicAccessBlockRule(), tc.Files, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}

// s3CalledModuleRunner is the SDK's test runner checking a called module.
type s3CalledModuleRunner struct{ *helper.Runner }

func (s3CalledModuleRunner) GetModulePath() (addrs.Module, error) {
	return addrs.Module{"baseline"}, nil
}

func TestAwsS3AccountPublicAccessBlockRule_CalledModule(t *testing.T) {
	rule := NewAwsS3AccountPublicAccessBlockRule()
	cases := []struct {
		Name     string
		Content  string
		Expected helper.Issues
	}{
		{
			Name: "a called module with a provider aws block and no account block is not reported",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}`,
			Expected: helper.Issues{},
		},
		{
			// At a value that refers to a variable, which TFLint keeps.
			Name: "the settings of an account block in a called module are still checked",
			Content: `
variable "block" {
  default = false
}

resource "aws_s3_account_public_access_block" "this" {
  block_public_acls       = var.block
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}`,
			Expected: helper.Issues{
				{Rule: rule, Message: s3AccountBlockMsg("aws_s3_account_public_access_block.this", "block_public_acls"), Range: s3InFile("main.tf", s3Range(7, 29, 7, 38))},
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			inner := helper.TestRunner(t, map[string]string{"main.tf": tc.Content})
			runner := lint.NewRunner(s3CalledModuleRunner{inner}, nil, lint.Options{Reads: lint.MergeReads([]lint.Rule{rule})})
			if err := rule.Check(runner); err != nil {
				t.Fatal(err)
			}
			helper.AssertIssues(t, tc.Expected, inner.Issues)
		})
	}
}

func TestAwsS3AccountPublicAccessBlockRule_Fix(t *testing.T) {
	cases := []struct {
		Name     string
		Content  string
		Expected map[string]string
	}{
		{
			Name: "literal false settings become true",
			Content: `
resource "aws_s3_account_public_access_block" "this" {
  block_public_acls       = false
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = false
}`,
			Expected: map[string]string{"resource.tf": `
resource "aws_s3_account_public_access_block" "this" {
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}`},
		},
		{
			Name: "a missing account block is not added",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}`,
			Expected: map[string]string{},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsS3AccountPublicAccessBlockRule(), map[string]string{"resource.tf": tc.Content}, nil)
			helper.AssertChanges(t, tc.Expected, runner.Changes())
		})
	}
}
