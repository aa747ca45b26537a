package aws

import (
	"slices"
	"strings"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsDataResidencyRule checks that data stores, and the copies the code
// makes of them in other regions, are in the regions the plugin allows
// (`regions` in the plugin block).
type AwsDataResidencyRule struct{ lint.Meta }

var _ lint.Rule = (*AwsDataResidencyRule)(nil)

// residencyStore is a resource type the rule judges, with what it is
// called in messages.
type residencyStore struct {
	resourceType string
	kind         project.Text
}

// residencyStores returns the resource types that store information
// assets: the types the data-store table marks for the rule (residency),
// then residencyCopies. The region of each is the region of the provider
// configuration it uses (or its own region, provider v6).
func residencyStores() []residencyStore {
	var stores []residencyStore
	for _, kind := range storeKinds {
		if kind.residency {
			stores = append(stores, residencyStore{kind.Type, kind.Name})
		}
	}
	return append(stores, residencyCopies...)
}

// residencyCopies are the types the rule judges that the data-store table
// does not list: copies the code makes of stores (EBS snapshots and their
// copies, RDS automated backups replicated to another region) and the
// logically air-gapped backup vaults that copy jobs fill. In the table they
// would become rows of the information-asset ledger and stores of
// lgcloud_aws_ledger_tags.
var residencyCopies = []residencyStore{
	{"aws_ebs_snapshot", project.Text{JA: "EBS スナップショット", EN: "EBS snapshot"}},
	{"aws_ebs_snapshot_copy", project.Text{JA: "EBS スナップショットのコピー", EN: "EBS snapshot copy"}},
	{"aws_db_instance_automated_backups_replication", project.Text{JA: "RDS 自動バックアップのレプリケーション", EN: "RDS automated backups replication"}},
	{"aws_backup_logically_air_gapped_vault", project.Text{JA: "AWS Backup 論理的エアギャップボールト", EN: "AWS Backup logically air-gapped vault"}},
}

// Attributes that name where the rule's copies go.
const (
	residencyRegionName  = "region_name"
	residencyDestination = "destination_vault_arn"
)

// NewAwsDataResidencyRule returns the rule.
func NewAwsDataResidencyRule() *AwsDataResidencyRule {
	reads := lint.Reads{}
	for _, store := range residencyStores() {
		reads[store.resourceType] = withRegion(nil)
	}
	replica := hclext.BlockSchema{Type: "replica", Body: &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: residencyRegionName}}}}
	reads["aws_dynamodb_table"] = withRegion(&hclext.BodySchema{Blocks: []hclext.BlockSchema{replica}})
	reads["aws_dynamodb_global_table"] = &hclext.BodySchema{Blocks: []hclext.BlockSchema{replica}}
	reads["aws_backup_plan"] = &hclext.BodySchema{Blocks: []hclext.BlockSchema{{
		Type: "rule",
		Body: &hclext.BodySchema{Blocks: []hclext.BlockSchema{{
			Type: "copy_action",
			Body: &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: residencyDestination}}},
		}}},
	}}}
	reads["aws_efs_replication_configuration"] = &hclext.BodySchema{Blocks: []hclext.BlockSchema{{
		Type: "destination",
		Body: &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: regionAttr}}},
	}}}
	reads["aws_s3_bucket_replication_configuration"] = &hclext.BodySchema{Blocks: []hclext.BlockSchema{{
		Type: "rule",
		Body: &hclext.BodySchema{Blocks: []hclext.BlockSchema{{
			Type: "destination",
			Body: &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "bucket"}}},
		}}},
	}}}
	return &AwsDataResidencyRule{lint.Meta{
		RuleName: "lgcloud_aws_data_residency",
		Level:    tflint.ERROR,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.2.1.1"},
		Summary:  project.Text{JA: "データストアとその複製を許可されたリージョンに置く", EN: "Data stores and their copies are in the allowed regions"},
		Reads:    reads,
	}}
}

var msgResidencyOutside = project.Text{
	JA: "%s %s は許可されたリージョン（%s）の外の %s に作成されます（%s）。情報資産の保存場所を管理するため、許可されたリージョンのプロバイダー設定を使うか、そのリージョンに保存してよいなら plugin ブロックの regions に加えてください。",
	EN: "%s %s is created outside the allowed regions (%s), in %s (set by %s); to manage where information assets are stored, use a provider configuration of an allowed region, or add the region to regions in the plugin block if data may be stored there.",
}

var msgResidencyCopyOutside = project.Text{
	JA: "%s %s の%sが許可されたリージョン（%s）の外の %s にあります。情報資産の複製も保存場所として管理するため、複製先を許可されたリージョンにするか、そのリージョンに保存してよいなら plugin ブロックの regions に加えてください。",
	EN: "%s %s has its %s outside the allowed regions (%s), in %s; copies of information assets are stored data too: copy to an allowed region, or add the region to regions in the plugin block if data may be stored there.",
}

// Copies to other regions, named in messages.
var (
	residencyReplica    = project.Text{JA: "レプリカ（replica の region_name）", EN: "replica (region_name of replica)"}
	residencyBackupCopy = project.Text{JA: "コピー先ボールト（copy_action の destination_vault_arn）", EN: "copy destination vault (destination_vault_arn of copy_action)"}
	residencyEFSCopy    = project.Text{JA: "レプリケーション先（destination の region）", EN: "replication destination (region of destination)"}

	residencyGlobalTable    = project.Text{JA: "DynamoDB グローバルテーブル", EN: "DynamoDB global table"}
	residencyBackupPlan     = project.Text{JA: "AWS Backup プラン", EN: "AWS Backup plan"}
	residencyEFSReplication = project.Text{JA: "EFS レプリケーション設定", EN: "EFS replication configuration"}
)

var whatResidency = project.Text{JA: "データの保存先リージョン", EN: "the region data is stored in"}

var whyResidencyBucketARN = project.Text{
	JA: "バケットの ARN はリージョンを含まず、複製先のバケットがこのモジュールにありません",
	EN: "a bucket ARN holds no region, and the destination bucket is not declared in this module",
}

var whyResidencyNotARN = project.Text{
	JA: "ARN として読めず、リージョンがわかりません",
	EN: "it cannot be read as an ARN, so its region is not known",
}

// Check reports every data store created outside the allowed regions, and
// every replica, backup copy or replication destination the code places
// outside them. A region that cannot be known is named in strict mode.
func (r *AwsDataResidencyRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	for _, store := range residencyStores() {
		resources, err := runner.Resources(r, store.resourceType)
		if err != nil {
			return err
		}
		for _, resource := range resources {
			if err := r.checkStore(runner, resource, store.kind); err != nil {
				return err
			}
		}
	}
	for _, check := range []func(*lint.Runner) error{r.checkReplicas, r.checkBackupCopies, r.checkEFSReplication, r.checkS3Replication} {
		if err := check(runner); err != nil {
			return err
		}
	}
	return nil
}

// checkStore judges the region of one data store.
func (r *AwsDataResidencyRule) checkStore(runner *lint.Runner, resource *hclext.Block, kind project.Text) error {
	p, err := resourceRegion(runner, resource)
	if err != nil {
		return err
	}
	if !p.IsKnown() {
		return runner.Unverified(r, p.Unknown(resource), whatResidency)
	}
	if r.allowed(runner, p.Region) {
		return nil
	}
	lang := runner.Config.Language
	return runner.Report(r, p.At(resource), msgResidencyOutside,
		kind.In(lang), lint.Address(resource), r.allowedList(runner), p.Region, p.Via.In(lang))
}

// checkReplicas judges the region_name of the replicas of DynamoDB tables
// and of legacy global tables.
func (r *AwsDataResidencyRule) checkReplicas(runner *lint.Runner) error {
	for _, table := range []residencyStore{{"aws_dynamodb_table", storeName("aws_dynamodb_table")}, {"aws_dynamodb_global_table", residencyGlobalTable}} {
		resources, err := runner.Resources(r, table.resourceType)
		if err != nil {
			return err
		}
		for _, resource := range resources {
			for _, replica := range resource.Body.Blocks.OfType("replica") {
				v := runner.Attr(replica.Body, residencyRegionName, cty.String)
				if err := r.checkCopy(runner, resource, table.kind, residencyReplica, v); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// checkBackupCopies judges the region of the vaults that backup plans copy
// recovery points to. A vault of the module, named by reference, is a data
// store judged on its own.
func (r *AwsDataResidencyRule) checkBackupCopies(runner *lint.Runner) error {
	plans, err := runner.Resources(r, "aws_backup_plan")
	if err != nil {
		return err
	}
	for _, plan := range plans {
		for _, rule := range plan.Body.Blocks.OfType("rule") {
			for _, action := range rule.Body.Blocks.OfType("copy_action") {
				attr, ok := action.Body.Attributes[residencyDestination]
				if !ok || lint.RefType(attr.Expr) == "aws_backup_vault" {
					continue
				}
				v := arnRegion(runner.Attr(action.Body, residencyDestination, cty.String))
				if err := r.checkCopy(runner, plan, residencyBackupPlan, residencyBackupCopy, v); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// checkEFSReplication judges the destination region of EFS replication.
// Without a destination region the replica is in the source's region, or
// in that of an existing file system, which is judged where it is
// declared.
func (r *AwsDataResidencyRule) checkEFSReplication(runner *lint.Runner) error {
	replications, err := runner.Resources(r, "aws_efs_replication_configuration")
	if err != nil {
		return err
	}
	for _, replication := range replications {
		for _, dest := range replication.Body.Blocks.OfType("destination") {
			v := runner.Attr(dest.Body, regionAttr, cty.String)
			if v.IsAbsent() {
				continue
			}
			if err := r.checkCopy(runner, replication, residencyEFSReplication, residencyEFSCopy, v); err != nil {
				return err
			}
		}
	}
	return nil
}

// checkS3Replication names, in strict mode, the S3 replication
// destinations whose region cannot be known. A bucket ARN holds no region:
// a destination bucket of the module, named by reference, is judged as a
// data store; any other is a blind spot.
func (r *AwsDataResidencyRule) checkS3Replication(runner *lint.Runner) error {
	if !runner.Config.Strict {
		return nil
	}
	replications, err := runner.Resources(r, "aws_s3_bucket_replication_configuration")
	if err != nil {
		return err
	}
	for _, replication := range replications {
		for _, rule := range replication.Body.Blocks.OfType("rule") {
			for _, dest := range rule.Body.Blocks.OfType("destination") {
				attr, ok := dest.Body.Attributes["bucket"]
				if !ok || lint.RefType(attr.Expr) == "aws_s3_bucket" {
					continue
				}
				v := lint.Value{State: lint.Unknown, Name: lint.Address(replication), Range: attr.Expr.Range(), Why: whyResidencyBucketARN}
				if err := runner.Unverified(r, v, whatResidency); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// checkCopy judges the region of a copy that resource makes, read as v.
func (r *AwsDataResidencyRule) checkCopy(runner *lint.Runner, resource *hclext.Block, kind, copy project.Text, v lint.Value) error {
	switch v.State {
	case lint.Absent:
		return nil
	case lint.Unknown:
		v.Name = lint.Address(resource) + " " + v.Name
		return runner.Unverified(r, v, whatResidency)
	}
	region, _ := v.String()
	if r.allowed(runner, region) {
		return nil
	}
	lang := runner.Config.Language
	return runner.Report(r, v.Range, msgResidencyCopyOutside,
		kind.In(lang), lint.Address(resource), copy.In(lang), r.allowedList(runner), region)
}

// arnRegion turns an evaluated ARN into its region: arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE.
// A known value that is not an ARN becomes unknown.
func arnRegion(v lint.Value) lint.Value {
	s, ok := v.String()
	if !ok {
		return v
	}
	parts := strings.SplitN(s, ":", 6)
	if len(parts) != 6 || parts[0] != "arn" || parts[3] == "" {
		return lint.Value{State: lint.Unknown, Expr: v.Expr, Range: v.Range, Name: v.Name, Why: whyResidencyNotARN}
	}
	v.Val = cty.StringVal(parts[3])
	return v
}

func (r *AwsDataResidencyRule) allowed(runner *lint.Runner, region string) bool {
	return slices.Contains(runner.Config.Regions, region)
}

func (r *AwsDataResidencyRule) allowedList(runner *lint.Runner) string {
	return strings.Join(runner.Config.Regions, ", ")
}
