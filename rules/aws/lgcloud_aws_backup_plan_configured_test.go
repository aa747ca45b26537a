package aws

import (
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

const backupPlanCite = " [指針 4.6.1.3, 4.7.1.6 / JIS Q 27017 12.3.1, CLD.12.1.5]"

// backupBaseline is a compliant AWS Backup set-up; the cases below change
// one part of it.
const backupBaseline = `
provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_kms_key" "backup" {
}

resource "aws_backup_vault" "main" {
  name        = "main"
  kms_key_arn = aws_kms_key.backup.arn
}

resource "aws_backup_vault_lock_configuration" "main" {
  backup_vault_name  = aws_backup_vault.main.name
  min_retention_days = 7
}

resource "aws_backup_plan" "daily" {
  name = "daily"

  rule {
    rule_name         = "daily"
    target_vault_name = aws_backup_vault.main.name
    schedule          = "cron(0 3 * * ? *)"
  }
}
`

const backupSelectionAll = `
resource "aws_backup_selection" "all" {
  name         = "all"
  plan_id      = aws_backup_plan.daily.id
  iam_role_arn = "arn:aws:iam::123456789012:role/backup"
  resources    = ["*"]
}
`

func TestAwsBackupPlanConfiguredRule(t *testing.T) {
	rule := NewAwsBackupPlanConfiguredRule()
	const notLocked = "AWS Backup ボールト aws_backup_vault.dr にボールトロック（aws_backup_vault_lock_configuration）がなく、復旧ポイントを削除したり保持期間を縮めたりできます。backup_vault_name でこのボールトを指す aws_backup_vault_lock_configuration を宣言してください。" + backupPlanCite
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name:     "plan with a selection and a locked vault of a customer managed key passes",
			Content:  backupBaseline + backupSelectionAll,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "root module without a plan is reported once at the provider block",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_s3_bucket" "data" {
}`,
			Expected: helper.Issues{{
				Rule:    rule,
				Message: "アカウントのベースラインに AWS Backup のバックアップ計画（aws_backup_plan）がありません。バックアップ計画と、対象のリソースを割り当てる aws_backup_selection を宣言してください。" + backupPlanCite,
				Range:   backupRange(2, 1, 2, 15),
			}},
		},
		{
			Name: "root module without a provider block is not reported",
			Content: `
resource "aws_s3_bucket" "data" {
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "root module that calls modules is named by a strict notice",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}

module "baseline" {
  source = "./baseline"
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(rule),
				Message: "strict: AWS Backup のバックアップ計画を確認できません。aws_backup_plan: このルートモジュールにはなく、呼び出しているモジュールが宣言しているかは確認できません。" + backupPlanCite,
				Range:   backupRange(2, 1, 2, 15),
			}},
		},
		{
			Name:    "plan without a selection is reported at the plan",
			Content: backupBaseline,
			Expected: helper.Issues{{
				Rule:    rule,
				Message: "AWS Backup プラン aws_backup_plan.daily にリソースを割り当てる aws_backup_selection がなく、何もバックアップされません。plan_id でこのプランを参照する aws_backup_selection を宣言してください。" + backupPlanCite,
				Range:   backupRange(19, 1, 19, 35),
			}},
		},
		{
			Name: "selection of a plan passed in a variable is named by a strict notice",
			Content: backupBaseline + `
variable "plan_id" {
  type = string
}

resource "aws_backup_selection" "other" {
  name         = "other"
  plan_id      = var.plan_id
  iam_role_arn = "arn:aws:iam::123456789012:role/backup"
  resources    = ["*"]
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(rule),
				Message: "strict: AWS Backup のバックアップ計画を確認できません。aws_backup_plan.daily: plan_id がこのモジュールのプランを参照しない aws_backup_selection があり、このプランに割り当てているかがわかりません。" + backupPlanCite,
				Range:   backupRange(19, 1, 19, 35),
			}},
		},
		{
			Name: "rule that targets the Default vault is reported at the vault name",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_backup_plan" "daily" {
  name = "daily"

  rule {
    rule_name         = "daily"
    target_vault_name = "Default"
  }
}
` + backupSelectionAll,
			Expected: helper.Issues{{
				Rule:    rule,
				Message: "AWS Backup プラン aws_backup_plan.daily のルールが復旧ポイントを Default ボールトに保存します。Default ボールトは AWS マネージドキーで暗号化されます。カスタマー管理キーで暗号化し、ロックしたボールトを target_vault_name に指定してください。" + backupPlanCite,
				Range:   backupRange(11, 25, 11, 34),
			}},
		},
		{
			Name: "rule that targets a vault of another configuration is named by a strict notice",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_backup_plan" "daily" {
  name = "daily"

  rule {
    rule_name         = "daily"
    target_vault_name = "shared"
  }
}
` + backupSelectionAll,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(rule),
				Message: "strict: AWS Backup ボールトの暗号化とロックを確認できません。aws_backup_plan.daily target_vault_name: target_vault_name のボールトがこのモジュールにありません。" + backupPlanCite,
				Range:   backupRange(11, 25, 11, 33),
			}},
		},
		{
			Name: "vault without a key is reported at the vault",
			Content: backupBaseline + backupSelectionAll + `
resource "aws_backup_vault" "dr" {
  name = "dr"
}

resource "aws_backup_vault_lock_configuration" "dr" {
  backup_vault_name = "dr"
}`,
			Expected: helper.Issues{{
				Rule:    rule,
				Message: "AWS Backup ボールト aws_backup_vault.dr に kms_key_arn がなく、AWS マネージドキー（aws/backup）で暗号化されます。カスタマー管理キーを kms_key_arn に指定してください。" + backupPlanCite,
				Range:   backupRange(36, 1, 36, 33),
			}},
		},
		{
			Name: "vault of the AWS managed key is reported at the key",
			Content: backupBaseline + backupSelectionAll + `
resource "aws_backup_vault" "dr" {
  name        = "dr"
  kms_key_arn = "alias/aws/backup"
}

resource "aws_backup_vault_lock_configuration" "dr" {
  backup_vault_name = aws_backup_vault.dr.id
}`,
			Expected: helper.Issues{{
				Rule:    rule,
				Message: "AWS Backup ボールト aws_backup_vault.dr の kms_key_arn（alias/aws/backup）は AWS マネージドキーです。カスタマー管理キーを指定してください。" + backupPlanCite,
				Range:   backupRange(38, 17, 38, 35),
			}},
		},
		{
			Name: "vault without a lock is reported at the vault",
			Content: backupBaseline + backupSelectionAll + `
resource "aws_backup_vault" "dr" {
  name        = "dr"
  kms_key_arn = "arn:aws:kms:ap-northeast-1:123456789012:key/0b9c1f0e-1111-2222-3333-444455556666"
}`,
			Expected: helper.Issues{{Rule: rule, Message: notLocked, Range: backupRange(36, 1, 36, 33)}},
		},
		{
			Name: "lock of a vault name passed in a variable is named by a strict notice",
			Content: backupBaseline + backupSelectionAll + `
variable "vault" {
  type = string
}

resource "aws_backup_vault" "dr" {
  name        = "dr"
  kms_key_arn = aws_kms_key.backup.arn
}

resource "aws_backup_vault_lock_configuration" "dr" {
  backup_vault_name = var.vault
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(rule),
				Message: "strict: AWS Backup ボールトの暗号化とロックを確認できません。aws_backup_vault.dr: backup_vault_name がこのモジュールのボールトを指すかわからない aws_backup_vault_lock_configuration があります。" + backupPlanCite,
				Range:   backupRange(40, 1, 40, 33),
			}},
		},
		{
			Name: "English message",
			Content: backupBaseline + backupSelectionAll + `
resource "aws_backup_vault" "dr" {
  name        = "dr"
  kms_key_arn = aws_kms_key.backup.arn
}`,
			Config: linttest.English(),
			Expected: helper.Issues{{
				Rule:    rule,
				Message: "AWS Backup vault aws_backup_vault.dr has no vault lock (aws_backup_vault_lock_configuration), so its recovery points can be deleted or their retention shortened; declare an aws_backup_vault_lock_configuration whose backup_vault_name names it. [Guideline 4.6.1.3, 4.7.1.6 / JIS Q 27017 12.3.1, CLD.12.1.5]",
				Range:   backupRange(36, 1, 36, 33),
			}},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsBackupPlanConfiguredRule(), map[string]string{"main.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}
