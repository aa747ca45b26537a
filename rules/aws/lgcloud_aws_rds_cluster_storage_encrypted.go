package aws

import (
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsRDSClusterStorageEncryptedRule checks that Aurora and Multi-AZ DB
// clusters encrypt their storage.
type AwsRDSClusterStorageEncryptedRule struct{ lint.Meta }

var _ lint.Rule = (*AwsRDSClusterStorageEncryptedRule)(nil)

// NewAwsRDSClusterStorageEncryptedRule returns the rule.
func NewAwsRDSClusterStorageEncryptedRule() *AwsRDSClusterStorageEncryptedRule {
	return &AwsRDSClusterStorageEncryptedRule{lint.Meta{
		RuleName: "lgcloud_aws_rds_cluster_storage_encrypted",
		Level:    tflint.ERROR,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.6.1.1"},
		Summary:  project.Text{JA: "RDS/Aurora クラスターのストレージを暗号化する", EN: "RDS/Aurora cluster storage is encrypted at rest"},
		Reads: lint.Reads{
			"aws_rds_cluster": {
				Attributes: []hclext.AttributeSchema{
					{Name: "storage_encrypted"},
					{Name: "engine_mode"},
					{Name: "snapshot_identifier"},
					{Name: "replication_source_identifier"},
					{Name: "global_cluster_identifier"},
				},
				Blocks: []hclext.BlockSchema{{Type: "restore_to_point_in_time", Body: &hclext.BodySchema{}}},
			},
		},
	}}
}

var msgRDSClusterNotEncrypted = project.Text{
	JA: "RDS クラスター %s のストレージが暗号化されていません。storage_encrypted = true を設定してください（作成後は変更できません）。",
	EN: "The storage of RDS cluster %s is not encrypted; set storage_encrypted = true (it cannot be changed after creation).",
}

var whatRDSCluster = project.Text{JA: "RDS クラスターのストレージ暗号化", EN: "RDS cluster storage encryption"}

// Check reports clusters whose storage_encrypted is false, or absent where
// the default does not encrypt: the default is false for the provisioned
// engine mode (also Aurora Serverless v2 and Multi-AZ DB clusters) and true
// for the serverless (v1) engine mode. A cluster restored from a snapshot or
// a point in time, a cross-region replica and a global-cluster member take
// their encryption from the source when not set.
func (r *AwsRDSClusterStorageEncryptedRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	return runner.RequireEachTrue(r, "aws_rds_cluster", "storage_encrypted", func(cluster *hclext.Block) (lint.Default, bool) {
		mode := runner.Attr(cluster.Body, "engine_mode", cty.String)
		switch m, _ := mode.String(); {
		case m == "serverless":
			return lint.DefaultPasses, true
		case mode.IsUnknown(), inheritsEncryption(runner, cluster.Body, "snapshot_identifier", "replication_source_identifier", "global_cluster_identifier", "restore_to_point_in_time"):
			return lint.DefaultUnknown, true
		}
		return lint.DefaultFails, true
	}, whatRDSCluster, msgRDSClusterNotEncrypted)
}
