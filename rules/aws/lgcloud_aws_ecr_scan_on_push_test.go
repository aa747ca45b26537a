package aws

import (
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func ecrNoScanMsg(address string) string {
	return "ECR リポジトリ " + address + " でプッシュ時のイメージスキャンが有効になっていません。コンテナイメージの脆弱性を把握できるよう、image_scanning_configuration で scan_on_push = true を設定するか、レジストリのスキャン設定（aws_ecr_registry_scanning_configuration）でこのリポジトリをスキャンしてください。 [指針 4.6.4.1 / JIS Q 27017 12.6.1]"
}

// ecrRegistry is a registry scanning configuration with one rule.
func ecrRegistry(frequency, filter string) string {
	return `
resource "aws_ecr_registry_scanning_configuration" "main" {
  scan_type = "ENHANCED"

  rule {
    scan_frequency = "` + frequency + `"
    repository_filter {
      filter      = "` + filter + `"
      filter_type = "WILDCARD"
    }
  }
}
`
}

const ecrRepoWithoutScan = `
resource "aws_ecr_repository" "app" {
  name = "prod-app"
}
`

func TestAwsEcrScanOnPushRule(t *testing.T) {
	rule := NewAwsEcrScanOnPushRule()
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "scan on push passes",
			Content: `
resource "aws_ecr_repository" "app" {
  name = "prod-app"

  image_scanning_configuration {
    scan_on_push = true
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name:     "a repository without a scanning configuration is reported at the repository",
			Content:  ecrRepoWithoutScan,
			Expected: helper.Issues{{Rule: rule, Message: ecrNoScanMsg("aws_ecr_repository.app"), Range: baselineRange("resource.tf", 2, 1, 2, 36)}},
		},
		{
			Name: "scan on push false is reported at the value",
			Content: `
resource "aws_ecr_repository" "app" {
  name = "prod-app"

  image_scanning_configuration {
    scan_on_push = false
  }
}`,
			Expected: helper.Issues{{Rule: rule, Message: ecrNoScanMsg("aws_ecr_repository.app"), Range: baselineRange("resource.tf", 6, 20, 6, 25)}},
		},
		{
			Name: "scan on push false from a variable default is reported at the reference",
			Content: `
variable "scan" {
  default = false
}

resource "aws_ecr_repository" "app" {
  name = "prod-app"

  image_scanning_configuration {
    scan_on_push = var.scan
  }
}`,
			Expected: helper.Issues{{Rule: rule, Message: ecrNoScanMsg("aws_ecr_repository.app"), Range: baselineRange("resource.tf", 10, 20, 10, 28)}},
		},
		{
			Name:     "registry scanning of every repository covers the repository",
			Content:  ecrRepoWithoutScan + ecrRegistry("SCAN_ON_PUSH", "*"),
			Expected: helper.Issues{},
		},
		{
			Name:     "continuous registry scanning of matching repositories covers the repository",
			Content:  ecrRepoWithoutScan + ecrRegistry("CONTINUOUS_SCAN", "prod-*"),
			Expected: helper.Issues{},
		},
		{
			Name:     "a filter without a wildcard matches names that contain it",
			Content:  ecrRepoWithoutScan + ecrRegistry("SCAN_ON_PUSH", "app"),
			Expected: helper.Issues{},
		},
		{
			Name:     "registry scanning of other repositories does not cover the repository",
			Content:  ecrRepoWithoutScan + ecrRegistry("SCAN_ON_PUSH", "dev-*"),
			Expected: helper.Issues{{Rule: rule, Message: ecrNoScanMsg("aws_ecr_repository.app"), Range: baselineRange("resource.tf", 2, 1, 2, 36)}},
		},
		{
			Name:     "manual registry scanning does not cover the repository",
			Content:  ecrRepoWithoutScan + ecrRegistry("MANUAL", "*"),
			Expected: helper.Issues{{Rule: rule, Message: ecrNoScanMsg("aws_ecr_repository.app"), Range: baselineRange("resource.tf", 2, 1, 2, 36)}},
		},
		{
			Name: "Inspector scanning of ECR covers the repository",
			Content: ecrRepoWithoutScan + `
resource "aws_inspector2_enabler" "main" {
  account_ids    = ["111122223333"]
  resource_types = ["EC2", "ECR"]
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "a registry scanning configuration decides over Inspector",
			Content: ecrRepoWithoutScan + ecrRegistry("CONTINUOUS_SCAN", "dev-*") + `
resource "aws_inspector2_enabler" "main" {
  account_ids    = ["111122223333"]
  resource_types = ["EC2", "ECR"]
}`,
			Expected: helper.Issues{{Rule: rule, Message: ecrNoScanMsg("aws_ecr_repository.app"), Range: baselineRange("resource.tf", 2, 1, 2, 36)}},
		},
		{
			Name: "Inspector without ECR does not cover the repository",
			Content: ecrRepoWithoutScan + `
resource "aws_inspector2_enabler" "main" {
  account_ids    = ["111122223333"]
  resource_types = ["EC2"]
}`,
			Expected: helper.Issues{{Rule: rule, Message: ecrNoScanMsg("aws_ecr_repository.app"), Range: baselineRange("resource.tf", 2, 1, 2, 36)}},
		},
		{
			Name: "scan on push from a variable without default is not reported",
			Content: `
variable "scan" {
  type = bool
}

resource "aws_ecr_repository" "app" {
  name = "prod-app"

  image_scanning_configuration {
    scan_on_push = var.scan
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "scan on push from a variable without default is named by a strict notice",
			Content: `
variable "scan" {
  type = bool
}

resource "aws_ecr_repository" "app" {
  name = "prod-app"

  image_scanning_configuration {
    scan_on_push = var.scan
  }
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(rule),
				Message: "strict: ECR イメージのスキャンを確認できません。scan_on_push: lint 時に値が決まりません。 [指針 4.6.4.1 / JIS Q 27017 12.6.1]",
				Range:   baselineRange("resource.tf", 10, 20, 10, 28),
			}},
		},
		{
			Name: "a repository name that cannot be known against a filter is named by a strict notice",
			Content: `
variable "name" {
  type = string
}

resource "aws_ecr_repository" "app" {
  name = var.name
}
` + ecrRegistry("SCAN_ON_PUSH", "prod-*"),
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(rule),
				Message: "strict: ECR イメージのスキャンを確認できません。name: lint 時に値が決まりません。 [指針 4.6.4.1 / JIS Q 27017 12.6.1]",
				Range:   baselineRange("resource.tf", 7, 10, 7, 18),
			}},
		},
		{
			Name: "a repository name that cannot be known is covered by a filter of every repository",
			Content: `
variable "name" {
  type = string
}

resource "aws_ecr_repository" "app" {
  name = var.name
}
` + ecrRegistry("SCAN_ON_PUSH", "*"),
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name:    "English message",
			Content: ecrRepoWithoutScan,
			Config:  linttest.English(),
			Expected: helper.Issues{{
				Rule:    rule,
				Message: "ECR repository aws_ecr_repository.app does not scan images on push; set scan_on_push = true in image_scanning_configuration, or scan the repository with a registry scanning configuration (aws_ecr_registry_scanning_configuration), so that the vulnerabilities of its container images are known. [Guideline 4.6.4.1 / JIS Q 27017 12.6.1]",
				Range:   baselineRange("resource.tf", 2, 1, 2, 36),
			}},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsEcrScanOnPushRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}

func TestAwsEcrScanOnPushRule_CalledModule(t *testing.T) {
	rule := NewAwsEcrScanOnPushRule()
	// TFLint keeps a finding in a called module at a value that refers to
	// a variable (at the caller's argument).
	inner := runInCalledModule(t, rule, `
variable "scan" {
  default = false
}

resource "aws_ecr_repository" "app" {
  name = "prod-app"

  image_scanning_configuration {
    scan_on_push = var.scan
  }
}`)
	helper.AssertIssues(t, helper.Issues{{Rule: rule, Message: ecrNoScanMsg("aws_ecr_repository.app"), Range: baselineRange("main.tf", 10, 20, 10, 28)}}, inner.Issues)
}

func TestAwsEcrScanOnPushRule_Fix(t *testing.T) {
	cases := []struct {
		Name     string
		Content  string
		Expected map[string]string
	}{
		{
			Name: "literal false becomes true",
			Content: `
resource "aws_ecr_repository" "app" {
  name = "prod-app"

  image_scanning_configuration {
    scan_on_push = false
  }
}`,
			Expected: map[string]string{"resource.tf": `
resource "aws_ecr_repository" "app" {
  name = "prod-app"

  image_scanning_configuration {
    scan_on_push = true
  }
}`},
		},
		{
			Name:     "a missing scanning configuration is not added",
			Content:  ecrRepoWithoutScan,
			Expected: map[string]string{},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsEcrScanOnPushRule(), map[string]string{"resource.tf": tc.Content}, nil)
			helper.AssertChanges(t, tc.Expected, runner.Changes())
		})
	}
}
