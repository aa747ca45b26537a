package aws

import (
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsBackupPlanConfiguredRule checks the AWS Backup set-up of the account
// baseline: a backup plan exists, each plan has a selection that assigns
// resources to it, and the vaults that hold recovery points are encrypted
// with a customer managed key and locked.
type AwsBackupPlanConfiguredRule struct{ lint.Meta }

var _ lint.Rule = (*AwsBackupPlanConfiguredRule)(nil)

// NewAwsBackupPlanConfiguredRule returns the rule.
func NewAwsBackupPlanConfiguredRule() *AwsBackupPlanConfiguredRule {
	reads := withBackupSelections(lint.Reads{
		"aws_backup_plan": {Blocks: []hclext.BlockSchema{{
			Type: "rule",
			Body: &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "target_vault_name"}}},
		}}},
		"aws_backup_vault":                    {Attributes: []hclext.AttributeSchema{{Name: "name"}, {Name: "kms_key_arn"}}},
		"aws_backup_vault_lock_configuration": {Attributes: []hclext.AttributeSchema{{Name: "backup_vault_name"}}},
	})
	for ty, schema := range kmsDataReads {
		reads[ty] = schema
	}
	return &AwsBackupPlanConfiguredRule{lint.Meta{
		RuleName: "lgcloud_aws_backup_plan_configured",
		Level:    tflint.ERROR,
		Preset:   config.GovCloud,
		Provider: "aws",
		Items:    []string{"4.6.1.3", "4.7.1.6"},
		Summary:  project.Text{JA: "AWS Backup のプランと選択を置き、ボールトをカスタマー管理キーで暗号化してロックする", EN: "An AWS Backup plan with a selection, and vaults encrypted with a customer managed key and locked"},
		Reads:    reads,
	}}
}

var msgNoBackupPlan = project.Text{
	JA: "アカウントのベースラインに AWS Backup のバックアップ計画（aws_backup_plan）がありません。バックアップ計画と、対象のリソースを割り当てる aws_backup_selection を宣言してください。",
	EN: "The account baseline declares no AWS Backup plan (aws_backup_plan); declare a backup plan and an aws_backup_selection that assigns resources to it.",
}

var msgPlanNoSelection = project.Text{
	JA: "AWS Backup プラン %s にリソースを割り当てる aws_backup_selection がなく、何もバックアップされません。plan_id でこのプランを参照する aws_backup_selection を宣言してください。",
	EN: "AWS Backup plan %s has no aws_backup_selection that assigns resources to it, so it backs nothing up; declare an aws_backup_selection whose plan_id refers to it.",
}

var msgPlanDefaultVault = project.Text{
	JA: "AWS Backup プラン %s のルールが復旧ポイントを Default ボールトに保存します。Default ボールトは AWS マネージドキーで暗号化されます。カスタマー管理キーで暗号化し、ロックしたボールトを target_vault_name に指定してください。",
	EN: "A rule of AWS Backup plan %s stores recovery points in the Default vault, which is encrypted with an AWS managed key; set target_vault_name to a vault encrypted with a customer managed key and locked.",
}

var msgVaultNoKey = project.Text{
	JA: "AWS Backup ボールト %s に kms_key_arn がなく、AWS マネージドキー（aws/backup）で暗号化されます。カスタマー管理キーを kms_key_arn に指定してください。",
	EN: "AWS Backup vault %s does not set kms_key_arn, so it is encrypted with the AWS managed key aws/backup; set kms_key_arn to a customer managed key.",
}

var msgVaultAWSKey = project.Text{
	JA: "AWS Backup ボールト %s の kms_key_arn（%s）は AWS マネージドキーです。カスタマー管理キーを指定してください。",
	EN: "AWS Backup vault %s has kms_key_arn %s, an AWS managed key; use a customer managed key.",
}

var msgVaultNotLocked = project.Text{
	JA: "AWS Backup ボールト %s にボールトロック（aws_backup_vault_lock_configuration）がなく、復旧ポイントを削除したり保持期間を縮めたりできます。backup_vault_name でこのボールトを指す aws_backup_vault_lock_configuration を宣言してください。",
	EN: "AWS Backup vault %s has no vault lock (aws_backup_vault_lock_configuration), so its recovery points can be deleted or their retention shortened; declare an aws_backup_vault_lock_configuration whose backup_vault_name names it.",
}

var (
	whatBackupPlan  = project.Text{JA: "AWS Backup のバックアップ計画", EN: "the AWS Backup plan"}
	whatBackupVault = project.Text{JA: "AWS Backup ボールトの暗号化とロック", EN: "AWS Backup vault encryption and lock"}

	whyPlanIDUnresolved = project.Text{
		JA: "plan_id がこのモジュールのプランを参照しない aws_backup_selection があり、このプランに割り当てているかがわかりません",
		EN: "an aws_backup_selection whose plan_id refers to no plan of this module may assign resources to it",
	}
	whyVaultNotDeclared = project.Text{
		JA: "target_vault_name のボールトがこのモジュールにありません",
		EN: "the vault target_vault_name names is not declared in this module",
	}
	whyLockUnresolved = project.Text{
		JA: "backup_vault_name がこのモジュールのボールトを指すかわからない aws_backup_vault_lock_configuration があります",
		EN: "an aws_backup_vault_lock_configuration whose backup_vault_name cannot be matched to a vault of this module may lock it",
	}
)

// backupDefaultVault is the name of the vault AWS Backup creates in every
// region, encrypted with the AWS managed key aws/backup.
const backupDefaultVault = "Default"

// Check reports, in the root module that owns the account baseline, a
// configuration without a backup plan (once, at the first provider "aws"
// block); and in every module, plans no selection assigns resources to,
// plan rules that target the Default vault, and vaults that are not
// encrypted with a customer managed key or not locked.
func (r *AwsBackupPlanConfiguredRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	plans, err := runner.Resources(r, "aws_backup_plan")
	if err != nil {
		return err
	}
	if len(plans) == 0 {
		if err := reportBaselineGap(runner, r, baselineGap{Types: []string{"aws_backup_plan"}, What: whatBackupPlan, Msg: msgNoBackupPlan}); err != nil {
			return err
		}
	}
	vaults, err := runner.Resources(r, "aws_backup_vault")
	if err != nil {
		return err
	}
	vaultNames := map[string]bool{}
	for _, vault := range vaults {
		if name, ok := runner.Attr(vault.Body, "name", cty.String).String(); ok {
			vaultNames[name] = true
		}
	}
	if err := r.checkPlans(runner, plans, vaultNames); err != nil {
		return err
	}
	return r.checkVaults(runner, vaults)
}

// checkPlans reports plans without a selection, and plan rules that
// target the Default vault.
func (r *AwsBackupPlanConfiguredRule) checkPlans(runner *lint.Runner, plans []*hclext.Block, vaultNames map[string]bool) error {
	selections, err := readBackupSelections(runner, r)
	if err != nil {
		return err
	}
	selected, unresolved := map[string]bool{}, false
	for _, s := range selections {
		selected[s.Plan] = s.Plan != ""
		unresolved = unresolved || s.Plan == ""
	}
	for _, plan := range plans {
		name := lint.Address(plan)
		switch {
		case selected[plan.Labels[1]]:
		case unresolved:
			v := lint.Value{State: lint.Unknown, Name: name, Range: plan.DefRange, Why: whyPlanIDUnresolved}
			if err := runner.Unverified(r, v, whatBackupPlan); err != nil {
				return err
			}
		default:
			if err := runner.Report(r, plan.DefRange, msgPlanNoSelection, name); err != nil {
				return err
			}
		}
		for _, rule := range plan.Body.Blocks.OfType("rule") {
			if err := r.checkTarget(runner, plan, rule, vaultNames); err != nil {
				return err
			}
		}
	}
	return nil
}

// checkTarget judges the vault a plan rule stores recovery points in. A
// vault of the module is judged on its own; the Default vault is
// reported; any other is named in strict mode.
func (r *AwsBackupPlanConfiguredRule) checkTarget(runner *lint.Runner, plan, rule *hclext.Block, vaultNames map[string]bool) error {
	attr, ok := rule.Body.Attributes["target_vault_name"]
	if !ok || lint.RefType(attr.Expr) == "aws_backup_vault" {
		return nil
	}
	v := runner.Attr(rule.Body, "target_vault_name", cty.String)
	target, known := v.String()
	switch {
	case known && target == backupDefaultVault:
		return runner.Report(r, v.Range, msgPlanDefaultVault, lint.Address(plan))
	case known && vaultNames[target]:
		return nil
	case known:
		v.State, v.Why = lint.Unknown, whyVaultNotDeclared
	}
	v.Name = lint.Address(plan) + " " + v.Name
	return runner.Unverified(r, v, whatBackupVault)
}

// checkVaults reports vaults without a customer managed key, and vaults
// no vault lock configuration locks.
func (r *AwsBackupPlanConfiguredRule) checkVaults(runner *lint.Runner, vaults []*hclext.Block) error {
	locks, err := runner.Resources(r, "aws_backup_vault_lock_configuration")
	if err != nil {
		return err
	}
	lockedLabels, lockedNames, unresolved := map[string]bool{}, map[string]bool{}, false
	for _, lock := range locks {
		attr, ok := lock.Body.Attributes["backup_vault_name"]
		if !ok {
			continue
		}
		if label, ok := referenceLabel(attr.Expr, "aws_backup_vault"); ok {
			lockedLabels[label] = true
			continue
		}
		if name, ok := runner.Attr(lock.Body, "backup_vault_name", cty.String).String(); ok {
			lockedNames[name] = true
			continue
		}
		unresolved = true
	}
	for _, vault := range vaults {
		if err := r.checkVaultKey(runner, vault); err != nil {
			return err
		}
		name, _ := runner.Attr(vault.Body, "name", cty.String).String()
		switch {
		case lockedLabels[vault.Labels[1]] || name != "" && lockedNames[name]:
		case unresolved:
			v := lint.Value{State: lint.Unknown, Name: lint.Address(vault), Range: vault.DefRange, Why: whyLockUnresolved}
			if err := runner.Unverified(r, v, whatBackupVault); err != nil {
				return err
			}
		default:
			if err := runner.Report(r, vault.DefRange, msgVaultNotLocked, lint.Address(vault)); err != nil {
				return err
			}
		}
	}
	return nil
}

// checkVaultKey reports a vault encrypted with an AWS managed key.
func (r *AwsBackupPlanConfiguredRule) checkVaultKey(runner *lint.Runner, vault *hclext.Block) error {
	key, err := readKey(runner, r, vault.Body, "kms_key_arn", nil)
	if err != nil {
		return err
	}
	name := lint.Address(vault)
	switch key.Verdict {
	case keyNone:
		if key.Value.IsAbsent() {
			return runner.Report(r, vault.DefRange, msgVaultNoKey, name)
		}
		return runner.Report(r, key.Value.Range, msgVaultNoKey, name)
	case keyAWSManaged:
		return runner.Report(r, key.Value.Range, msgVaultAWSKey, name, key.Key)
	case keyUnknown:
		return runner.Unverified(r, key.Value, whatBackupVault)
	}
	return nil
}
