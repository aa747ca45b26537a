package aws

import (
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/segment"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsBackupPlanConfiguredRule checks the AWS Backup set-up of the account
// baseline: a backup plan exists, each plan has a selection that assigns
// resources to it, the vaults that hold recovery points are encrypted with
// a customer managed key and locked, and a selection selects every data
// store of the My Number segment.
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
	// The stores a selection may cover are placed by their tags.
	for ty := range backupServices {
		reads[ty] = lint.MergeSchema(reads[ty], nil)
	}
	reads = segmentLevelReads(reads, "aws_backup_selection", "aws_backup_vault_lock_configuration")
	return &AwsBackupPlanConfiguredRule{lint.Meta{
		RuleName: "lgcloud_aws_backup_plan_configured",
		Level:    tflint.ERROR,
		Preset:   config.GovCloud,
		Provider: "aws",
		Items:    []string{"4.6.1.3", "4.7.1.6"},
		Summary:  project.Text{JA: "AWS Backup のプランと選択を置き、マイナンバー利用事務系のデータストアを選択に含め、ボールトをカスタマー管理キーで暗号化してロックする", EN: "An AWS Backup plan with a selection that covers the My Number segment's data stores, and vaults encrypted with a customer managed key and locked"},
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

var msgStoreNotSelected = project.Text{
	JA: "%s %s は%sのデータを保管していますが、どの AWS Backup の選択（aws_backup_selection）にも含まれていません。resources でこのリソースの ARN を参照するか、selection_tag や condition でそのタグを選ぶ aws_backup_selection で、バックアップ計画に割り当ててください。",
	EN: "%s %s holds data of the %s but no AWS Backup selection (aws_backup_selection) selects it; assign it to a backup plan with an aws_backup_selection whose resources refer to its ARN, or whose selection_tag or condition matches its tags.",
}

var (
	whatBackupPlan  = project.Text{JA: "AWS Backup のバックアップ計画", EN: "the AWS Backup plan"}
	whatStoreBackup = project.Text{JA: "マイナンバー利用事務系のデータを保管しうるデータストアの AWS Backup による取得", EN: "AWS Backup of a data store that may hold My Number segment data"}
	whatBackupVault = project.Text{JA: "AWS Backup ボールトの暗号化とロック", EN: "AWS Backup vault encryption and lock"}

	whyPlanIDUnresolved = project.Text{
		JA: "plan_id がこのモジュールのプランを参照しない aws_backup_selection があり、このプランに割り当てているかがわかりません",
		EN: "an aws_backup_selection whose plan_id refers to no plan of this module may assign resources to it",
	}
	whyVaultNotDeclared = project.Text{
		JA: "target_vault_name のボールトがこのモジュールにありません",
		EN: "the vault target_vault_name names is not declared in this module",
	}
	whySelectionInModules = project.Text{
		JA: "このモジュールにもルートモジュールにも AWS Backup の選択がなく、ほかのモジュールが宣言しているかは確認できません",
		EN: "neither this module nor the root module declares an AWS Backup selection, and whether another module declares one cannot be seen",
	}
	whySelectionUncounted = project.Text{
		JA: "count または for_each が lint 時に決まらない aws_backup_selection が選択しているかもしれません",
		EN: "an aws_backup_selection whose count or for_each is not known at lint time may select it",
	}
	whyStorePassed = project.Text{
		JA: "モジュールに渡されており、そのモジュールが選択しているかはこのモジュールから確認できません",
		EN: "it is passed to a module, and whether that module selects it cannot be seen from this module",
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
// plan rules that target the Default vault, vaults that are not
// encrypted with a customer managed key or not locked, and data stores of
// the mynumber segment that no selection selects.
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
	if err := r.checkVaults(runner, vaults); err != nil {
		return err
	}
	return r.checkStores(runner)
}

// checkStores reports each data store placed in the mynumber segment (by
// its Segment tag or its provider's default_tags, or for a database
// through its network) that no AWS Backup selection selects: by a
// reference to it in resources, or by a selection_tag or condition its
// tags match. A module called by the root module is also covered by the
// root module's selections that select by tag. A store a selection may
// select (an ARN, a value unknown at lint time), or whose segment cannot be
// decided and that no selection selects, is named in strict mode. Only
// the types AWS Backup protects are checked (backupServices).
func (r *AwsBackupPlanConfiguredRule) checkStores(runner *lint.Runner) error {
	stores, err := DataStores(runner, r)
	if err != nil || len(stores) == 0 {
		return err
	}
	local, err := readBackupSelections(runner, r)
	if err != nil {
		return err
	}
	root, err := runner.IsRoot()
	if err != nil {
		return err
	}
	var fromRoot []backupSelection
	if !root {
		if fromRoot, err = readRootBackupSelections(runner, r); err != nil {
			return err
		}
	}
	for _, store := range stores {
		service, ok := backupServices[store.Kind.Type]
		if !ok {
			continue
		}
		p, err := store.Segment(runner, r)
		if err != nil {
			return err
		}
		mine := placedInMyNumber(p)
		if mine == notInSegments {
			continue
		}
		tags, err := store.Tags(runner)
		if err != nil {
			return err
		}
		c, why := notCovered, project.Text{}
		for _, s := range local {
			m, whyM := s.selectsStore(store.Address(), service, tags, true)
			c, why = anyOf(c, why, m, whyM)
		}
		for _, s := range fromRoot {
			m, whyM := s.selectsStore(store.Address(), service, tags, false)
			c, why = anyOf(c, why, m, whyM)
		}
		if err := r.reportStore(runner, store, p, mine, c, why, len(local)+len(fromRoot) == 0); err != nil {
			return err
		}
	}
	return nil
}

// reportStore reports a data store of the mynumber segment (mine) whose
// coverage by the selections is c, or names it in strict mode when that
// cannot be decided. none is true when neither the module nor the root
// module declares a selection: the backups may then be set up in a module
// out of sight (a called module has a root module that calls modules).
func (r *AwsBackupPlanConfiguredRule) reportStore(runner *lint.Runner, store *DataStore, p segment.Placement, mine inSegments, c coverage, why project.Text, none bool) error {
	address := store.Address()
	unverified := func(why project.Text) error {
		return runner.Unverified(r, lint.Value{State: lint.Unknown, Name: address, Range: store.Block.DefRange, Why: why}, whatStoreBackup)
	}
	switch {
	case c == covered:
		return nil
	case c == mayBeCovered:
		return unverified(why)
	case mine == segmentUndecided:
		return runner.Unverified(r, undecidedSegment(store.Block, p), whatStoreBackup)
	}
	uncounted, err := declaredUnknown(runner, backupSelectionType)
	if err != nil {
		return err
	}
	if uncounted.IsUnknown() {
		return unverified(whySelectionUncounted)
	}
	passed, err := passedToModules(runner)
	if err != nil {
		return err
	}
	if _, ok := passed[address]; ok {
		return unverified(whyStorePassed)
	}
	if none {
		base, err := readBaselineRoot(runner)
		if err != nil {
			return err
		}
		if base.modules || !base.root {
			return unverified(whySelectionInModules)
		}
	}
	at, err := segmentFindingAt(runner, p, store.Block.DefRange, nil)
	if err != nil {
		return err
	}
	return runner.Report(r, at, msgStoreNotSelected, store.Kind.Name, address, segment.Title(config.SegmentMyNumber))
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
