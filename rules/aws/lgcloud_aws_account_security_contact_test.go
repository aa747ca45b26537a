package aws

import (
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

const (
	securityContactCite       = " [指針 4.1.1.1 / JIS Q 27017 6.1.1, CLD.6.3.1, 6.1.3]"
	securityContactMissingMsg = "アカウントのベースラインにセキュリティ担当の連絡先がありません。AWS からのセキュリティに関する連絡を受けられるよう、alternate_contact_type = \"SECURITY\" の aws_account_alternate_contact を宣言してください。" + securityContactCite
)

func TestAwsAccountSecurityContactRule(t *testing.T) {
	rule := NewAwsAccountSecurityContactRule()
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "a security contact passes",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_account_alternate_contact" "security" {
  alternate_contact_type = "SECURITY"
  name                   = "Information Policy Division"
  title                  = "CISO office"
  email_address          = "security@city.example.lg.jp"
  phone_number           = "+81-3-0000-0000"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "a security contact from a variable default passes",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}

variable "contact_type" {
  default = "SECURITY"
}

resource "aws_account_alternate_contact" "security" {
  alternate_contact_type = var.contact_type
  name                   = "Information Policy Division"
  title                  = "CISO office"
  email_address          = "security@city.example.lg.jp"
  phone_number           = "+81-3-0000-0000"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "only a billing and an operations contact is reported at the provider block",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_account_alternate_contact" "billing" {
  alternate_contact_type = "BILLING"
  name                   = "Accounting"
  title                  = "Accounting"
  email_address          = "billing@city.example.lg.jp"
  phone_number           = "+81-3-0000-0001"
}

resource "aws_account_alternate_contact" "operations" {
  alternate_contact_type = "OPERATIONS"
  name                   = "Operations"
  title                  = "Operations"
  email_address          = "ops@city.example.lg.jp"
  phone_number           = "+81-3-0000-0002"
}`,
			Expected: helper.Issues{{Rule: rule, Message: securityContactMissingMsg, Range: baselineRange("resource.tf", 2, 1, 2, 15)}},
		},
		{
			Name: "no contact at all is reported at the provider block",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}`,
			Expected: helper.Issues{{Rule: rule, Message: securityContactMissingMsg, Range: baselineRange("resource.tf", 2, 1, 2, 15)}},
		},
		{
			Name: "a configuration without a provider aws block is not reported",
			Content: `
resource "aws_s3_bucket" "logs" {
  bucket = "logs"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "a contact type from a variable without default is not reported",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}

variable "contact_type" {
  type = string
}

resource "aws_account_alternate_contact" "security" {
  alternate_contact_type = var.contact_type
  name                   = "Information Policy Division"
  title                  = "CISO office"
  email_address          = "security@city.example.lg.jp"
  phone_number           = "+81-3-0000-0000"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "a contact type from a variable without default is named by a strict notice",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}

variable "contact_type" {
  type = string
}

resource "aws_account_alternate_contact" "security" {
  alternate_contact_type = var.contact_type
  name                   = "Information Policy Division"
  title                  = "CISO office"
  email_address          = "security@city.example.lg.jp"
  phone_number           = "+81-3-0000-0000"
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(rule),
				Message: "strict: セキュリティ担当の連絡先を確認できません。alternate_contact_type: lint 時に値が決まりません。" + securityContactCite,
				Range:   baselineRange("resource.tf", 11, 28, 11, 44),
			}},
		},
		{
			Name: "a root module that calls modules is named by a strict notice",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}

module "account" {
  source = "./modules/account"
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(rule),
				Message: "strict: セキュリティ担当の連絡先を確認できません。aws_account_alternate_contact: このルートモジュールにはなく、呼び出しているモジュールが宣言しているかは確認できません。" + securityContactCite,
				Range:   baselineRange("resource.tf", 2, 1, 2, 15),
			}},
		},
		{
			Name: "English message",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}`,
			Config: linttest.English(),
			Expected: helper.Issues{{
				Rule:    rule,
				Message: "The account baseline registers no security contact; declare an aws_account_alternate_contact with alternate_contact_type = \"SECURITY\" so that AWS can reach the people in charge of security. [Guideline 4.1.1.1 / JIS Q 27017 6.1.1, CLD.6.3.1, 6.1.3]",
				Range:   baselineRange("resource.tf", 2, 1, 2, 15),
			}},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsAccountSecurityContactRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}

func TestAwsAccountSecurityContactRule_CalledModule(t *testing.T) {
	inner := runInCalledModule(t, NewAwsAccountSecurityContactRule(), `
provider "aws" {
  region = "ap-northeast-1"
}`)
	helper.AssertIssues(t, helper.Issues{}, inner.Issues)
}
