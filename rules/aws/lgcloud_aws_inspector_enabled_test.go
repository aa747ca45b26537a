package aws

import (
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

const (
	inspectorCite       = " [指針 4.6.4.1 / JIS Q 27017 12.6.1]"
	inspectorMissingMsg = "アカウントのベースラインで Amazon Inspector が有効になっていません（aws_inspector2_enabler がありません）。技術的な脆弱性を把握できるよう、resource_types = [\"EC2\", \"ECR\"] の aws_inspector2_enabler を宣言してください。" + inspectorCite
	inspectorProvider   = "provider \"aws\" {\n  region = \"ap-northeast-1\"\n}\n"
)

func inspectorNoEC2Msg(address string) string {
	return "Amazon Inspector " + address + " が EC2 インスタンスをスキャンしません。resource_types に \"EC2\" を加えてください。" + inspectorCite
}

func inspectorNoECRMsg(address string) string {
	return "Amazon Inspector " + address + " が ECR のコンテナイメージをスキャンせず、すべてのリポジトリをスキャンするレジストリのスキャン設定もありません。resource_types に \"ECR\" を加えるか、aws_ecr_registry_scanning_configuration で全リポジトリ（フィルター \"*\"）をプッシュ時または継続的にスキャンしてください。" + inspectorCite
}

func TestAwsInspectorEnabledRule(t *testing.T) {
	rule := NewAwsInspectorEnabledRule()
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "an enabler for EC2 and ECR passes",
			Content: inspectorProvider + `
resource "aws_inspector2_enabler" "main" {
  account_ids    = ["111122223333"]
  resource_types = ["EC2", "ECR"]
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "two enablers together covering EC2 and ECR pass",
			Content: inspectorProvider + `
resource "aws_inspector2_enabler" "ec2" {
  account_ids    = ["111122223333"]
  resource_types = ["EC2", "LAMBDA"]
}

resource "aws_inspector2_enabler" "ecr" {
  account_ids    = ["111122223333"]
  resource_types = ["ECR"]
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "an enabler without ECR is reported at its resource types",
			Content: inspectorProvider + `
resource "aws_inspector2_enabler" "main" {
  account_ids    = ["111122223333"]
  resource_types = ["EC2"]
}`,
			Expected: helper.Issues{{Rule: rule, Message: inspectorNoECRMsg("aws_inspector2_enabler.main"), Range: baselineRange("resource.tf", 7, 20, 7, 27)}},
		},
		{
			Name: "an enabler without ECR passes when registry scanning scans every repository on push",
			Content: inspectorProvider + `
resource "aws_inspector2_enabler" "main" {
  account_ids    = ["111122223333"]
  resource_types = ["EC2"]
}

resource "aws_ecr_registry_scanning_configuration" "main" {
  scan_type = "BASIC"

  rule {
    scan_frequency = "SCAN_ON_PUSH"
    repository_filter {
      filter      = "*"
      filter_type = "WILDCARD"
    }
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "registry scanning of some repositories only does not stand for ECR",
			Content: inspectorProvider + `
resource "aws_inspector2_enabler" "main" {
  account_ids    = ["111122223333"]
  resource_types = ["EC2"]
}

resource "aws_ecr_registry_scanning_configuration" "main" {
  scan_type = "ENHANCED"

  rule {
    scan_frequency = "CONTINUOUS_SCAN"
    repository_filter {
      filter      = "prod-*"
      filter_type = "WILDCARD"
    }
  }
}`,
			Expected: helper.Issues{{Rule: rule, Message: inspectorNoECRMsg("aws_inspector2_enabler.main"), Range: baselineRange("resource.tf", 7, 20, 7, 27)}},
		},
		{
			Name: "manual registry scanning does not stand for ECR",
			Content: inspectorProvider + `
resource "aws_inspector2_enabler" "main" {
  account_ids    = ["111122223333"]
  resource_types = ["EC2"]
}

resource "aws_ecr_registry_scanning_configuration" "main" {
  scan_type = "BASIC"

  rule {
    scan_frequency = "MANUAL"
    repository_filter {
      filter      = "*"
      filter_type = "WILDCARD"
    }
  }
}`,
			Expected: helper.Issues{{Rule: rule, Message: inspectorNoECRMsg("aws_inspector2_enabler.main"), Range: baselineRange("resource.tf", 7, 20, 7, 27)}},
		},
		{
			Name: "an enabler without EC2 is reported at its resource types",
			Content: inspectorProvider + `
resource "aws_inspector2_enabler" "main" {
  account_ids    = ["111122223333"]
  resource_types = ["ECR"]
}`,
			Expected: helper.Issues{{Rule: rule, Message: inspectorNoEC2Msg("aws_inspector2_enabler.main"), Range: baselineRange("resource.tf", 7, 20, 7, 27)}},
		},
		{
			Name:     "no enabler is reported at the provider block",
			Content:  inspectorProvider,
			Expected: helper.Issues{{Rule: rule, Message: inspectorMissingMsg, Range: baselineRange("resource.tf", 1, 1, 1, 15)}},
		},
		{
			Name: "resource types from a variable default are read",
			Content: inspectorProvider + `
variable "types" {
  default = ["ECR"]
}

resource "aws_inspector2_enabler" "main" {
  account_ids    = ["111122223333"]
  resource_types = var.types
}`,
			Expected: helper.Issues{{Rule: rule, Message: inspectorNoEC2Msg("aws_inspector2_enabler.main"), Range: baselineRange("resource.tf", 11, 20, 11, 29)}},
		},
		{
			Name: "resource types from a variable without default are not reported",
			Content: inspectorProvider + `
variable "types" {
  type = set(string)
}

resource "aws_inspector2_enabler" "main" {
  account_ids    = ["111122223333"]
  resource_types = var.types
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "resource types from a variable without default are named once by a strict notice",
			Content: inspectorProvider + `
variable "types" {
  type = set(string)
}

resource "aws_inspector2_enabler" "main" {
  account_ids    = ["111122223333"]
  resource_types = var.types
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(rule),
				Message: "strict: Amazon Inspector の有効化を確認できません。resource_types: lint 時に値が決まりません。" + inspectorCite,
				Range:   baselineRange("resource.tf", 11, 20, 11, 29),
			}},
		},
		{
			Name: "a registry filter from a variable without default is named by a strict notice",
			Content: inspectorProvider + `
variable "filter" {
  type = string
}

resource "aws_inspector2_enabler" "main" {
  account_ids    = ["111122223333"]
  resource_types = ["EC2"]
}

resource "aws_ecr_registry_scanning_configuration" "main" {
  scan_type = "BASIC"

  rule {
    scan_frequency = "SCAN_ON_PUSH"
    repository_filter {
      filter      = var.filter
      filter_type = "WILDCARD"
    }
  }
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(rule),
				Message: "strict: Amazon Inspector の有効化を確認できません。filter: lint 時に値が決まりません。" + inspectorCite,
				Range:   baselineRange("resource.tf", 20, 21, 20, 31),
			}},
		},
		{
			Name: "English messages",
			Content: inspectorProvider + `
resource "aws_inspector2_enabler" "main" {
  account_ids    = ["111122223333"]
  resource_types = ["LAMBDA"]
}`,
			Config: linttest.English(),
			Expected: helper.Issues{
				{Rule: rule, Message: "Amazon Inspector aws_inspector2_enabler.main does not scan EC2 instances; add \"EC2\" to resource_types. [Guideline 4.6.4.1 / JIS Q 27017 12.6.1]", Range: baselineRange("resource.tf", 7, 20, 7, 30)},
				{Rule: rule, Message: "Amazon Inspector aws_inspector2_enabler.main does not scan ECR container images, and no registry scanning configuration scans every repository; add \"ECR\" to resource_types, or scan every repository (filter \"*\") on push or continuously with an aws_ecr_registry_scanning_configuration. [Guideline 4.6.4.1 / JIS Q 27017 12.6.1]", Range: baselineRange("resource.tf", 7, 20, 7, 30)},
			},
		},
		{
			Name:    "English message for no enabler",
			Content: inspectorProvider,
			Config:  linttest.English(),
			Expected: helper.Issues{
				{Rule: rule, Message: "The account baseline does not enable Amazon Inspector (no aws_inspector2_enabler); declare an aws_inspector2_enabler with resource_types = [\"EC2\", \"ECR\"] so that technical vulnerabilities are known. [Guideline 4.6.4.1 / JIS Q 27017 12.6.1]", Range: baselineRange("resource.tf", 1, 1, 1, 15)},
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsInspectorEnabledRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}

func TestAwsInspectorEnabledRule_CalledModule(t *testing.T) {
	inner := runInCalledModule(t, NewAwsInspectorEnabledRule(), inspectorProvider+`
resource "aws_inspector2_enabler" "main" {
  account_ids    = ["111122223333"]
  resource_types = ["EC2"]
}`)
	helper.AssertIssues(t, helper.Issues{}, inner.Issues)
}
