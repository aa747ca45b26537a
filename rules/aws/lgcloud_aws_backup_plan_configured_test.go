package aws

import (
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
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

func storeNotSelected(kind, address string) string {
	return kind + " " + address + " はマイナンバー利用事務系（mynumber）のデータを保管していますが、どの AWS Backup の選択（aws_backup_selection）にも含まれていません。resources でこのリソースの ARN を参照するか、selection_tag や condition でそのタグを選ぶ aws_backup_selection で、バックアップ計画に割り当ててください。" + backupPlanCite
}

const storeBackupStrict = "strict: マイナンバー利用事務系のデータを保管しうるデータストアの AWS Backup による取得を確認できません。"

// mynumberRecords is a bucket of the My Number segment, declared after
// backupBaseline (at line 44).
const mynumberRecords = `
resource "aws_s3_bucket" "records" {
  bucket = "resident-records"
  tags   = { Segment = "mynumber", Backup = "daily" }
}
`

// dailySelection returns a selection of the daily plan with the given
// body.
func dailySelection(body string) string {
	return `
resource "aws_backup_selection" "s" {
  name         = "s"
  plan_id      = aws_backup_plan.daily.id
  iam_role_arn = "arn:aws:iam::123456789012:role/backup"
` + body + `
}
`
}

func TestAwsBackupPlanConfiguredRuleMyNumberStores(t *testing.T) {
	rule := NewAwsBackupPlanConfiguredRule()
	notice := linttest.Notice(rule)
	records := storeNotSelected("S3 バケット", "aws_s3_bucket.records")
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name:     "mynumber bucket that no selection names is reported at the bucket",
			Content:  backupBaseline + mynumberRecords + dailySelection(`  resources = [aws_s3_bucket.other.arn]`),
			Config:   linttest.Strict(),
			Expected: helper.Issues{evidenceIssueIn("main.tf", rule, records, 29, 1, 29, 35)},
		},
		{
			Name:     "selection by reference covers it",
			Content:  backupBaseline + mynumberRecords + dailySelection(`  resources = [aws_s3_bucket.records.arn]`),
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "selection_tag that its tags match covers it",
			Content: backupBaseline + mynumberRecords + dailySelection(`
  selection_tag {
    type  = "STRINGEQUALS"
    key   = "Segment"
    value = "mynumber"
  }`),
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "selection_tag that its tags do not match",
			Content: backupBaseline + mynumberRecords + dailySelection(`
  selection_tag {
    type  = "STRINGEQUALS"
    key   = "Backup"
    value = "weekly"
  }`),
			Config:   linttest.Strict(),
			Expected: helper.Issues{evidenceIssueIn("main.tf", rule, records, 29, 1, 29, 35)},
		},
		{
			Name: "conditions on every resource that its tags meet cover it",
			Content: backupBaseline + mynumberRecords + dailySelection(`
  resources = ["*"]

  condition {
    string_equals {
      key   = "aws:ResourceTag/Segment"
      value = "mynumber"
    }
    string_like {
      key   = "aws:ResourceTag/Backup"
      value = "dai*"
    }
    string_not_equals {
      key   = "aws:ResourceTag/Retired"
      value = "true"
    }
  }`),
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "a condition it fails takes it out of the resources named",
			Content: backupBaseline + mynumberRecords + dailySelection(`
  resources = [aws_s3_bucket.records.arn]

  condition {
    string_not_like {
      key   = "aws:ResourceTag/Backup"
      value = "d*"
    }
  }`),
			Config:   linttest.Strict(),
			Expected: helper.Issues{evidenceIssueIn("main.tf", rule, records, 29, 1, 29, 35)},
		},
		{
			Name:     "not_resources takes it out",
			Content:  backupBaseline + mynumberRecords + dailySelection(`  resources     = ["*"]`+"\n"+`  not_resources = [aws_s3_bucket.records.arn]`),
			Config:   linttest.Strict(),
			Expected: helper.Issues{evidenceIssueIn("main.tf", rule, records, 29, 1, 29, 35)},
		},
		{
			Name: "segment and selection tag from the provider default_tags",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
  default_tags {
    tags = { Segment = "mynumber" }
  }
}

resource "aws_backup_plan" "daily" {
  name = "daily"
  rule {
    rule_name         = "daily"
    target_vault_name = "main"
  }
}

resource "aws_dynamodb_table" "cases" {
  name = "cases"
}

resource "aws_ebs_volume" "data" {
  availability_zone = "ap-northeast-1a"
  tags              = { Segment = "mynumber", Backup = "none" }
}
` + dailySelection(`
  selection_tag {
    type  = "STRINGEQUALS"
    key   = "Segment"
    value = "mynumber"
  }

  condition {
    string_not_equals {
      key   = "aws:ResourceTag/Backup"
      value = "none"
    }
  }`),
			Expected: helper.Issues{evidenceIssueIn("main.tf", rule, storeNotSelected("EBS ボリューム", "aws_ebs_volume.data"), 21, 1, 21, 33)},
		},
		{
			Name: "database placed in mynumber through its subnet group",
			Content: backupBaseline + dailySelection(`  resources = [aws_s3_bucket.other.arn]`) + `
resource "aws_subnet" "db" {
  vpc_id     = "vpc-0123"
  cidr_block = "10.10.1.0/24"
  tags       = { Segment = "mynumber" }
}

resource "aws_db_subnet_group" "db" {
  subnet_ids = [aws_subnet.db.id]
}

resource "aws_db_instance" "records" {
  identifier           = "records"
  db_subnet_group_name = aws_db_subnet_group.db.name
}`,
			Expected: helper.Issues{evidenceIssueIn("main.tf", rule, storeNotSelected("RDS DB インスタンス", "aws_db_instance.records"), 46, 1, 46, 37)},
		},
		{
			Name: "stores AWS Backup does not protect and stores of other segments are not checked",
			Content: backupBaseline + dailySelection(`  resources = [aws_s3_bucket.other.arn]`) + `
resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id = "sessions"
  description          = "sessions"
  tags                 = { Segment = "mynumber" }
}

resource "aws_s3_bucket" "site" {
  tags = { Segment = "internet" }
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name:     "selection by a literal ARN of the service is named in strict mode",
			Content:  backupBaseline + mynumberRecords + dailySelection(`  resources = ["arn:aws:s3:::resident-*"]`),
			Config:   linttest.Strict(),
			Expected: helper.Issues{evidenceIssueIn("main.tf", notice, storeBackupStrict+"aws_s3_bucket.records: AWS Backup の選択（aws_backup_selection）の resources に、このリソースを指しうる ARN があります。"+backupPlanCite, 29, 1, 29, 35)},
		},
		{
			Name: "selection_tag whose value is not known is named in strict mode",
			Content: backupBaseline + mynumberRecords + `
variable "backup_tag" {
  type = string
}
` + dailySelection(`
  selection_tag {
    type  = "STRINGEQUALS"
    key   = "Backup"
    value = var.backup_tag
  }`),
			Config:   linttest.Strict(),
			Expected: helper.Issues{evidenceIssueIn("main.tf", notice, storeBackupStrict+"aws_s3_bucket.records: AWS Backup の選択（aws_backup_selection）のタグ条件の値が lint 時に決まりません。"+backupPlanCite, 29, 1, 29, 35)},
		},
		{
			Name: "store whose segment cannot be known is named in strict mode when no selection covers it",
			Content: backupBaseline + dailySelection(`  resources = [aws_s3_bucket.other.arn]`) + `
variable "tags" {
  type = map(string)
}

resource "aws_efs_file_system" "shared" {
  tags = var.tags
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{evidenceIssueIn("main.tf", notice, storeBackupStrict+"aws_efs_file_system.shared: セグメントを決められません（aws_efs_file_system.shared のタグ Segment: lint 時に値が決まりません）。"+backupPlanCite, 41, 10, 41, 18)},
		},
		{
			Name: "store whose segment cannot be known is not reported outside strict mode",
			Content: backupBaseline + dailySelection(`  resources = [aws_s3_bucket.other.arn]`) + `
variable "tags" {
  type = map(string)
}

resource "aws_efs_file_system" "shared" {
  tags = var.tags
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "root module without selections that calls modules is named in strict mode",
			Content: backupBaseline + mynumberRecords + `
module "backup" {
  source = "./backup"
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				evidenceIssueIn("main.tf", rule, "AWS Backup プラン aws_backup_plan.daily にリソースを割り当てる aws_backup_selection がなく、何もバックアップされません。plan_id でこのプランを参照する aws_backup_selection を宣言してください。"+backupPlanCite, 19, 1, 19, 35),
				evidenceIssueIn("main.tf", notice, storeBackupStrict+"aws_s3_bucket.records: このモジュールにもルートモジュールにも AWS Backup の選択がなく、ほかのモジュールが宣言しているかは確認できません。"+backupPlanCite, 29, 1, 29, 35),
			},
		},
		{
			Name:     "English message",
			Content:  backupBaseline + mynumberRecords + dailySelection(`  resources = [aws_s3_bucket.other.arn]`),
			Config:   linttest.English(),
			Expected: helper.Issues{evidenceIssueIn("main.tf", rule, "S3 bucket aws_s3_bucket.records holds data of the My Number segment (mynumber) but no AWS Backup selection (aws_backup_selection) selects it; assign it to a backup plan with an aws_backup_selection whose resources refer to its ARN, or whose selection_tag or condition matches its tags. [Guideline 4.6.1.3, 4.7.1.6 / JIS Q 27017 12.3.1, CLD.12.1.5]", 29, 1, 29, 35)},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsBackupPlanConfiguredRule(), map[string]string{"main.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}

// evidenceIssueIn is evidenceIssue in another file.
func evidenceIssueIn(file string, rule tflint.Rule, msg string, startLine, startCol, endLine, endCol int) *helper.Issue {
	i := evidenceIssue(rule, msg, startLine, startCol, endLine, endCol)
	i.Range.Filename = file
	return i
}
