package aws

import (
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsImageSnapshotPublicRule checks that no AMI and no RDS snapshot is
// shared with every AWS account: an AMI launch permission for the group
// "all", or "all" among a snapshot's shared_accounts.
type AwsImageSnapshotPublicRule struct{ lint.Meta }

var _ lint.Rule = (*AwsImageSnapshotPublicRule)(nil)

// sharedSnapshotTypes are the RDS snapshot resources whose shared_accounts
// may hold "all", which makes the snapshot public.
var sharedSnapshotTypes = []string{
	"aws_db_snapshot",
	"aws_db_snapshot_copy",
	"aws_db_cluster_snapshot",
	"aws_rds_cluster_snapshot_copy",
}

// NewAwsImageSnapshotPublicRule returns the rule.
func NewAwsImageSnapshotPublicRule() *AwsImageSnapshotPublicRule {
	reads := lint.Reads{
		"aws_ami_launch_permission": {Attributes: []hclext.AttributeSchema{{Name: "group"}}},
	}
	for _, ty := range sharedSnapshotTypes {
		reads[ty] = &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "shared_accounts"}}}
	}
	return &AwsImageSnapshotPublicRule{lint.Meta{
		RuleName: "lgcloud_aws_image_snapshot_public",
		Level:    tflint.ERROR,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.6.3.2"},
		Summary:  project.Text{JA: "AMI と RDS スナップショットをすべての AWS アカウントに公開しない", EN: "AMIs and RDS snapshots are not shared with every AWS account"},
		Reads:    reads,
	}}
}

// shareWithAll is the group, and the shared account, that stands for every AWS
// account.
const shareWithAll = "all"

var msgPublicAMI = project.Text{
	JA: "AMI の起動許可 %s は group = \"all\" で、AMI をすべての AWS アカウントに公開しています。account_id、organization_arn または organizational_unit_arn で共有先を限定してください。",
	EN: "AMI launch permission %s has group = \"all\": it makes the AMI public to every AWS account; share it with an account_id, organization_arn or organizational_unit_arn instead.",
}

var msgPublicSnapshot = project.Text{
	JA: "RDS スナップショット %s の shared_accounts に \"all\" があり、スナップショットをすべての AWS アカウントに公開しています。\"all\" を外し、共有先のアカウント ID を指定してください。",
	EN: "RDS snapshot %s lists \"all\" in shared_accounts: it makes the snapshot public to every AWS account; remove \"all\" and name the accounts to share it with.",
}

var (
	whatAMIPermission = project.Text{JA: "AMI の起動許可の共有先", EN: "who an AMI launch permission shares the AMI with"}
	whatSnapshotShare = project.Text{JA: "RDS スナップショットの共有先", EN: "who an RDS snapshot is shared with"}
)

// Check reports group = "all" on AMI launch permissions, at the value, and
// "all" among the shared_accounts of RDS snapshots, at the list. Values that
// cannot be known are named in strict mode only. EBS snapshots cannot be made
// public through the provider (aws_snapshot_create_volume_permission grants
// one account), so there is nothing to check for them.
func (r *AwsImageSnapshotPublicRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	permissions, err := runner.Resources(r, "aws_ami_launch_permission")
	if err != nil {
		return err
	}
	for _, p := range permissions {
		group := runner.Attr(p.Body, "group", cty.String)
		if s, ok := group.String(); ok && s == shareWithAll {
			if err := runner.Report(r, group.Range, msgPublicAMI, lint.Address(p)); err != nil {
				return err
			}
		}
		if err := runner.Unverified(r, group, whatAMIPermission); err != nil {
			return err
		}
	}
	for _, ty := range sharedSnapshotTypes {
		snapshots, err := runner.Resources(r, ty)
		if err != nil {
			return err
		}
		for _, s := range snapshots {
			if err := r.checkShared(runner, s); err != nil {
				return err
			}
		}
	}
	return nil
}

// checkShared reads shared_accounts element by element, so that a known
// "all" is reported even beside accounts that cannot be known.
func (r *AwsImageSnapshotPublicRule) checkShared(runner *lint.Runner, snapshot *hclext.Block) error {
	shared := runner.Attr(snapshot.Body, "shared_accounts", cty.DynamicPseudoType)
	if shared.IsAbsent() {
		return nil
	}
	val, err := runner.Raw(shared.Expr)
	if err != nil || val.IsMarked() || !val.IsKnown() || val.IsNull() || !val.CanIterateElements() {
		return runner.Unverified(r, shared, whatSnapshotShare)
	}
	for it := val.ElementIterator(); it.Next(); {
		_, v := it.Element()
		if v.IsKnown() && !v.IsMarked() && !v.IsNull() && v.Type() == cty.String && v.AsString() == shareWithAll {
			return runner.Report(r, shared.Range, msgPublicSnapshot, lint.Address(snapshot))
		}
	}
	return runner.Unverified(r, shared, whatSnapshotShare)
}
