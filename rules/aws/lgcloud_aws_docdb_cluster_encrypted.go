package aws

import (
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsDocdbClusterEncryptedRule checks that DocumentDB clusters encrypt
// their storage.
type AwsDocdbClusterEncryptedRule struct{ lint.Meta }

var _ lint.Rule = (*AwsDocdbClusterEncryptedRule)(nil)

// NewAwsDocdbClusterEncryptedRule returns the rule.
func NewAwsDocdbClusterEncryptedRule() *AwsDocdbClusterEncryptedRule {
	return &AwsDocdbClusterEncryptedRule{lint.Meta{
		RuleName: "lgcloud_aws_docdb_cluster_encrypted",
		Level:    tflint.WARNING,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.6.1.1"},
		Summary:  project.Text{JA: "DocumentDB クラスターのストレージを暗号化する", EN: "DocumentDB cluster storage is encrypted at rest"},
		Reads: segmentLevelReads(lint.Reads{
			"aws_docdb_cluster": {
				Attributes: []hclext.AttributeSchema{
					{Name: "storage_encrypted"},
					{Name: "snapshot_identifier"},
					{Name: "global_cluster_identifier"},
				},
				Blocks: []hclext.BlockSchema{{Type: "restore_to_point_in_time", Body: &hclext.BodySchema{}}},
			},
		}),
	}}
}

var msgDocdbNotEncrypted = project.Text{
	JA: "DocumentDB クラスター %s のストレージが暗号化されていません。storage_encrypted = true を設定してください（作成後は変更できません）。",
	EN: "The storage of DocumentDB cluster %s is not encrypted; set storage_encrypted = true (it cannot be changed after creation).",
}

var whatDocdb = project.Text{JA: "DocumentDB クラスターのストレージ暗号化", EN: "DocumentDB cluster storage encryption"}

// Check reports clusters whose storage_encrypted is false, or absent (the
// provider's default is false). A cluster restored from a snapshot or a
// point in time, or joining a global cluster, takes its encryption from the
// source when not set, which the code does not show. A cluster of the
// mynumber segment is an ERROR.
func (r *AwsDocdbClusterEncryptedRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	return eachAtSegmentLevel(runner, r, "aws_docdb_cluster", func(cluster *hclext.Block, rule lint.Rule) error {
		absent := lint.DefaultFails
		if inheritsEncryption(runner, cluster.Body, "snapshot_identifier", "global_cluster_identifier", "restore_to_point_in_time") {
			absent = lint.DefaultUnknown
		}
		v := runner.Attr(cluster.Body, "storage_encrypted", cty.Bool)
		return runner.RequireTrue(rule, v, cluster.DefRange, absent, whatDocdb, msgDocdbNotEncrypted, lint.Address(cluster))
	})
}
