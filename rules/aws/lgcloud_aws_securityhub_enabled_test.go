package aws

import (
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

const (
	securityHubCite       = " [指針 4.7.1.7 / JIS Q 27017 CLD.12.4.5]"
	securityHubMissingMsg = "アカウントのベースラインで Security Hub が有効になっていません（aws_securityhub_account がありません）。クラウドサービスの監視機能でアカウントの状態を確認できるよう、aws_securityhub_account と、セキュリティ標準を有効にする aws_securityhub_standards_subscription を宣言してください。" + securityHubCite
)

func securityHubNoStandardMsg(address string) string {
	return "Security Hub " + address + " ではセキュリティ標準が 1 つも有効になりません（enable_default_standards = false で、aws_securityhub_standards_subscription がありません）。aws_securityhub_standards_subscription でセキュリティ標準（例: AWS Foundational Security Best Practices）を有効にしてください。" + securityHubCite
}

func TestAwsSecurityHubEnabledRule(t *testing.T) {
	rule := NewAwsSecurityHubEnabledRule()
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "an account with a standards subscription passes",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_securityhub_account" "main" {
  enable_default_standards = false
}

resource "aws_securityhub_standards_subscription" "fsbp" {
  standards_arn = "arn:aws:securityhub:ap-northeast-1::standards/aws-foundational-security-best-practices/v/1.0.0"
  depends_on    = [aws_securityhub_account.main]
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "an account with the default standards (the provider default) passes",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_securityhub_account" "main" {}`,
			Expected: helper.Issues{},
		},
		{
			Name: "an account with enable_default_standards true passes",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_securityhub_account" "main" {
  enable_default_standards = true
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "default standards off and no subscription is reported at enable_default_standards",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_securityhub_account" "main" {
  enable_default_standards = false
}`,
			Expected: helper.Issues{{Rule: rule, Message: securityHubNoStandardMsg("aws_securityhub_account.main"), Range: baselineRange("resource.tf", 7, 30, 7, 35)}},
		},
		{
			Name: "default standards off from a variable default is reported at the reference",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}

variable "default_standards" {
  default = false
}

resource "aws_securityhub_account" "main" {
  enable_default_standards = var.default_standards
}`,
			Expected: helper.Issues{{Rule: rule, Message: securityHubNoStandardMsg("aws_securityhub_account.main"), Range: baselineRange("resource.tf", 11, 30, 11, 51)}},
		},
		{
			Name: "no account is reported at the provider block",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}`,
			Expected: helper.Issues{{Rule: rule, Message: securityHubMissingMsg, Range: baselineRange("resource.tf", 2, 1, 2, 15)}},
		},
		{
			Name: "a subscription without an account is reported as no Security Hub",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_securityhub_standards_subscription" "fsbp" {
  standards_arn = "arn:aws:securityhub:ap-northeast-1::standards/aws-foundational-security-best-practices/v/1.0.0"
}`,
			Expected: helper.Issues{{Rule: rule, Message: securityHubMissingMsg, Range: baselineRange("resource.tf", 2, 1, 2, 15)}},
		},
		{
			Name: "default standards from a variable without default are not reported",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}

variable "default_standards" {
  type = bool
}

resource "aws_securityhub_account" "main" {
  enable_default_standards = var.default_standards
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "default standards from a variable without default are named by a strict notice",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}

variable "default_standards" {
  type = bool
}

resource "aws_securityhub_account" "main" {
  enable_default_standards = var.default_standards
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(rule),
				Message: "strict: Security Hub とセキュリティ標準の有効化を確認できません。enable_default_standards: lint 時に値が決まりません。" + securityHubCite,
				Range:   baselineRange("resource.tf", 11, 30, 11, 51),
			}},
		},
		{
			Name: "default standards off in a root module that calls modules is named by a strict notice",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_securityhub_account" "main" {
  enable_default_standards = false
}

module "standards" {
  source = "./modules/standards"
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(rule),
				Message: "strict: Security Hub とセキュリティ標準の有効化を確認できません。aws_securityhub_standards_subscription: このルートモジュールにはなく、呼び出しているモジュールが宣言しているかは確認できません。" + securityHubCite,
				Range:   baselineRange("resource.tf", 7, 30, 7, 35),
			}},
		},
		{
			Name: "English messages",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_securityhub_account" "main" {
  enable_default_standards = false
}`,
			Config: linttest.English(),
			Expected: helper.Issues{{
				Rule:    rule,
				Message: "Security Hub aws_securityhub_account.main subscribes to no security standard (enable_default_standards = false, and no aws_securityhub_standards_subscription); subscribe to one (for example AWS Foundational Security Best Practices) with an aws_securityhub_standards_subscription. [Guideline 4.7.1.7 / JIS Q 27017 CLD.12.4.5]",
				Range:   baselineRange("resource.tf", 7, 30, 7, 35),
			}},
		},
		{
			Name: "English message for no Security Hub",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}`,
			Config: linttest.English(),
			Expected: helper.Issues{{
				Rule:    rule,
				Message: "The account baseline does not enable Security Hub (no aws_securityhub_account); declare an aws_securityhub_account and an aws_securityhub_standards_subscription for a security standard, so that the service's monitoring checks the account. [Guideline 4.7.1.7 / JIS Q 27017 CLD.12.4.5]",
				Range:   baselineRange("resource.tf", 2, 1, 2, 15),
			}},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsSecurityHubEnabledRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}

func TestAwsSecurityHubEnabledRule_CalledModule(t *testing.T) {
	inner := runInCalledModule(t, NewAwsSecurityHubEnabledRule(), `
resource "aws_securityhub_account" "main" {
  enable_default_standards = false
}`)
	helper.AssertIssues(t, helper.Issues{}, inner.Issues)
}
