package aws

import (
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsLaunchTemplateEbsEncryptedRule checks that the EBS volumes a launch
// template maps are encrypted at rest.
type AwsLaunchTemplateEbsEncryptedRule struct{ lint.Meta }

var _ lint.Rule = (*AwsLaunchTemplateEbsEncryptedRule)(nil)

// NewAwsLaunchTemplateEbsEncryptedRule returns the rule.
func NewAwsLaunchTemplateEbsEncryptedRule() *AwsLaunchTemplateEbsEncryptedRule {
	return &AwsLaunchTemplateEbsEncryptedRule{lint.Meta{
		RuleName: "lgcloud_aws_launch_template_ebs_encrypted",
		Level:    tflint.ERROR,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.6.1.1"},
		Summary:  project.Text{JA: "起動テンプレートの EBS ボリュームを暗号化する", EN: "Launch template EBS volumes are encrypted at rest"},
		Reads: withEBSByDefault(lint.Reads{
			"aws_launch_template": {Blocks: []hclext.BlockSchema{{
				Type: "block_device_mappings",
				Body: &hclext.BodySchema{Blocks: []hclext.BlockSchema{{
					Type: "ebs",
					Body: &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "encrypted"}, {Name: "snapshot_id"}}},
				}}},
			}}},
		}),
	}}
}

var msgLaunchTemplateNotEncrypted = project.Text{
	JA: "起動テンプレート %s の EBS ボリュームが暗号化されていません。block_device_mappings の ebs に encrypted = true を設定してください。",
	EN: "An EBS volume of launch template %s is not encrypted; set encrypted = true in the ebs block of block_device_mappings.",
}

var whatLaunchTemplateVolume = project.Text{JA: "起動テンプレートのボリュームの暗号化", EN: "launch template volume encryption"}

// Check reports the ebs blocks of block_device_mappings that do not encrypt.
// A template that maps no EBS volume leaves its volumes to the AMI; the
// instance rule and aws_ebs_encryption_by_default cover those.
func (r *AwsLaunchTemplateEbsEncryptedRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	absent, err := ebsDefault(runner, r)
	if err != nil {
		return err
	}
	templates, err := runner.Resources(r, "aws_launch_template")
	if err != nil {
		return err
	}
	for _, template := range templates {
		for _, mapping := range template.Body.Blocks.OfType("block_device_mappings") {
			for _, ebs := range mapping.Body.Blocks.OfType("ebs") {
				encrypted := runner.Attr(ebs.Body, "encrypted", cty.Bool)
				if err := runner.RequireTrue(r, encrypted, ebs.DefRange, volumeDefault(runner, ebs.Body, absent), whatLaunchTemplateVolume, msgLaunchTemplateNotEncrypted, lint.Address(template)); err != nil {
					return err
				}
			}
		}
	}
	return nil
}
