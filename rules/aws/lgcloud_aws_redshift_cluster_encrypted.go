package aws

import (
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsRedshiftClusterEncryptedRule checks that provisioned Redshift clusters
// are encrypted at rest.
type AwsRedshiftClusterEncryptedRule struct{ lint.Meta }

var _ lint.Rule = (*AwsRedshiftClusterEncryptedRule)(nil)

// NewAwsRedshiftClusterEncryptedRule returns the rule.
func NewAwsRedshiftClusterEncryptedRule() *AwsRedshiftClusterEncryptedRule {
	return &AwsRedshiftClusterEncryptedRule{lint.Meta{
		RuleName: "lgcloud_aws_redshift_cluster_encrypted",
		Level:    tflint.WARNING,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.6.1.1"},
		Summary:  project.Text{JA: "Redshift クラスターを暗号化する", EN: "Redshift clusters are encrypted at rest"},
		Reads: segmentLevelReads(lint.Reads{
			"aws_redshift_cluster": {Attributes: []hclext.AttributeSchema{{Name: "encrypted"}, {Name: "snapshot_identifier"}}},
		}),
	}}
}

var msgRedshiftNotEncrypted = project.Text{
	JA: "Redshift クラスター %s が暗号化されていません。encrypted = true を設定してください。",
	EN: "Redshift cluster %s is not encrypted; set encrypted = true.",
}

var msgRedshiftDefaultUnencrypted = project.Text{
	JA: "Redshift クラスター %s に encrypted がなく、この構成が使う AWS プロバイダー（v5 以前）の既定値は false です。encrypted = true を設定してください。",
	EN: "Redshift cluster %s does not set encrypted, and the default of the AWS provider this configuration uses (v5 or earlier) is false; set encrypted = true.",
}

var whatRedshift = project.Text{JA: "Redshift クラスターの暗号化", EN: "Redshift cluster encryption"}

var whyRedshiftEncryptedDefault = project.Text{
	JA: "未設定で、既定値が AWS プロバイダーのメジャーバージョン（v5 以前は false、v6 以降は true）によって異なり、required_providers がそれを一つに定めていません",
	EN: "not set, and its default depends on the AWS provider's major version (false up to v5, true from v6), which required_providers does not pin",
}

// Check reports encrypted = false, and an absent encrypted where the
// provider's default is false. AWS encrypts every provisioned cluster
// created since January 2025; provider v6 defaults encrypted to true to
// match, while v5 and earlier default it to false and plan to decrypt a
// cluster that AWS reports encrypted. An absent encrypted is therefore
// reported when the version constraints keep the provider at v5 or
// earlier, passes from v6, and is named in strict mode when the major
// version is not pinned. A cluster restored from a snapshot keeps the
// snapshot's encryption when encrypted is not set. A cluster of the
// mynumber segment (by its own tag, or through its subnet group's network)
// is an ERROR.
func (r *AwsRedshiftClusterEncryptedRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	return eachAtSegmentLevel(runner, r, "aws_redshift_cluster", func(cluster *hclext.Block, rule lint.Rule) error {
		name := lint.Address(cluster)
		v := runner.Attr(cluster.Body, "encrypted", cty.Bool)
		if !v.IsAbsent() || inheritsEncryption(runner, cluster.Body, "snapshot_identifier") {
			return runner.RequireTrue(rule, v, cluster.DefRange, lint.DefaultUnknown, whatRedshift, msgRedshiftNotEncrypted, name)
		}
		majors, err := awsProviderMajors(runner)
		if err != nil {
			return err
		}
		switch {
		case majors.AtMost(5):
			return runner.Report(rule, cluster.DefRange, msgRedshiftDefaultUnencrypted, name)
		case majors.AtLeast(6):
			return nil
		}
		return runner.Unverified(rule, lint.Value{State: lint.Unknown, Name: v.Name, Range: cluster.DefRange, Why: whyRedshiftEncryptedDefault}, whatRedshift)
	})
}
