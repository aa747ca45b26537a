package aws

import (
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

const (
	guardDutyCite       = " [指針 4.1.2.1 / JIS Q 27017 16.1.1, 16.1.2]"
	guardDutyMissingMsg = "アカウントのベースラインに GuardDuty の検出器（aws_guardduty_detector）がありません。脅威を検知してインシデントとして報告できるよう、宣言してください。" + guardDutyCite
)

func guardDutyDisabledMsg(address string) string {
	return "GuardDuty の検出器 " + address + " が無効になっています。脅威を検知してインシデントとして報告できるよう、enable = true を設定してください。" + guardDutyCite
}

func TestAwsGuardDutyEnabledRule(t *testing.T) {
	rule := NewAwsGuardDutyEnabledRule()
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "a detector with enable true passes",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_guardduty_detector" "main" {
  enable = true
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "a detector without enable takes the provider default true and passes",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_guardduty_detector" "main" {}`,
			Expected: helper.Issues{},
		},
		{
			Name: "enable false is reported at the value",
			Content: `
resource "aws_guardduty_detector" "main" {
  enable = false
}`,
			Expected: helper.Issues{
				{Rule: rule, Message: guardDutyDisabledMsg("aws_guardduty_detector.main"), Range: baselineRange("resource.tf", 3, 12, 3, 17)},
			},
		},
		{
			Name: "enable false from a variable default is reported at the reference",
			Content: `
variable "enabled" {
  default = false
}

resource "aws_guardduty_detector" "main" {
  enable = var.enabled
}`,
			Expected: helper.Issues{
				{Rule: rule, Message: guardDutyDisabledMsg("aws_guardduty_detector.main"), Range: baselineRange("resource.tf", 7, 12, 7, 23)},
			},
		},
		{
			Name: "a root module with a provider block and no detector is reported at the provider block",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}`,
			Expected: helper.Issues{
				{Rule: rule, Message: guardDutyMissingMsg, Range: baselineRange("resource.tf", 2, 1, 2, 15)},
			},
		},
		{
			Name: "a root module that calls modules is not reported for a missing detector",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}

module "security" {
  source = "./modules/security"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "a root module that calls modules is named by a strict notice",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}

module "security" {
  source = "./modules/security"
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(rule),
				Message: "strict: GuardDuty の有効化を確認できません。aws_guardduty_detector: このルートモジュールにはなく、呼び出しているモジュールが宣言しているかは確認できません。" + guardDutyCite,
				Range:   baselineRange("resource.tf", 2, 1, 2, 15),
			}},
		},
		{
			Name: "enable from a variable without default is not reported",
			Content: `
variable "enabled" {
  type = bool
}

resource "aws_guardduty_detector" "main" {
  enable = var.enabled
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "enable from a variable without default is named by a strict notice",
			Content: `
variable "enabled" {
  type = bool
}

resource "aws_guardduty_detector" "main" {
  enable = var.enabled
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(rule),
				Message: "strict: GuardDuty の有効化を確認できません。enable: lint 時に値が決まりません。" + guardDutyCite,
				Range:   baselineRange("resource.tf", 7, 12, 7, 23),
			}},
		},
		{
			Name: "English messages",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}`,
			Config: linttest.English(),
			Expected: helper.Issues{{
				Rule:    rule,
				Message: "The account baseline declares no GuardDuty detector (aws_guardduty_detector); declare one so that threats are detected and can be reported as incidents. [Guideline 4.1.2.1 / JIS Q 27017 16.1.1, 16.1.2]",
				Range:   baselineRange("resource.tf", 2, 1, 2, 15),
			}},
		},
		{
			Name: "English message for a disabled detector",
			Content: `
resource "aws_guardduty_detector" "main" {
  enable = false
}`,
			Config: linttest.English(),
			Expected: helper.Issues{{
				Rule:    rule,
				Message: "GuardDuty detector aws_guardduty_detector.main is disabled; set enable = true so that threats are detected and can be reported as incidents. [Guideline 4.1.2.1 / JIS Q 27017 16.1.1, 16.1.2]",
				Range:   baselineRange("resource.tf", 3, 12, 3, 17),
			}},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsGuardDutyEnabledRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}

func TestAwsGuardDutyEnabledRule_CalledModule(t *testing.T) {
	inner := runInCalledModule(t, NewAwsGuardDutyEnabledRule(), `
provider "aws" {
  region = "ap-northeast-1"
}`)
	helper.AssertIssues(t, helper.Issues{}, inner.Issues)
}

func TestAwsGuardDutyEnabledRule_Fix(t *testing.T) {
	cases := []struct {
		Name     string
		Content  string
		Expected map[string]string
	}{
		{
			Name: "literal false becomes true",
			Content: `
resource "aws_guardduty_detector" "main" {
  enable = false
}`,
			Expected: map[string]string{"resource.tf": `
resource "aws_guardduty_detector" "main" {
  enable = true
}`},
		},
		{
			Name: "a missing detector is not added",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}`,
			Expected: map[string]string{},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsGuardDutyEnabledRule(), map[string]string{"resource.tf": tc.Content}, nil)
			helper.AssertChanges(t, tc.Expected, runner.Changes())
		})
	}
}
