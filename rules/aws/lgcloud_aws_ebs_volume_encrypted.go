package aws

import (
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// AwsEbsVolumeEncryptedRule checks that EBS volumes are encrypted at rest.
type AwsEbsVolumeEncryptedRule struct{ lint.Meta }

var _ lint.Rule = (*AwsEbsVolumeEncryptedRule)(nil)

// NewAwsEbsVolumeEncryptedRule returns the rule.
func NewAwsEbsVolumeEncryptedRule() *AwsEbsVolumeEncryptedRule {
	return &AwsEbsVolumeEncryptedRule{lint.Meta{
		RuleName: "lgcloud_aws_ebs_volume_encrypted",
		Level:    tflint.ERROR,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.6.1.1"},
		Summary:  project.Text{JA: "EBS ボリュームを暗号化する", EN: "EBS volumes are encrypted at rest"},
		Reads: withEBSByDefault(lint.Reads{
			"aws_ebs_volume": {Attributes: []hclext.AttributeSchema{{Name: "encrypted"}, {Name: "snapshot_id"}}},
		}),
	}}
}

var msgEbsVolumeNotEncrypted = project.Text{
	JA: "EBS ボリューム %s が暗号化されていません。encrypted = true を設定してください。",
	EN: "EBS volume %s is not encrypted; set encrypted = true.",
}

var whatEbsVolume = project.Text{JA: "EBS ボリュームの暗号化", EN: "EBS volume encryption"}

// Check reports volumes whose encryption is off or left to a default that
// does not encrypt. A volume restored from a snapshot with `encrypted` unset
// follows the snapshot, and is not reported.
func (r *AwsEbsVolumeEncryptedRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	absent, err := ebsDefault(runner, r)
	if err != nil {
		return err
	}
	return runner.RequireEachTrue(r, "aws_ebs_volume", "encrypted", func(volume *hclext.Block) (lint.Default, bool) {
		return volumeDefault(runner, volume.Body, absent), true
	}, whatEbsVolume, msgEbsVolumeNotEncrypted)
}
