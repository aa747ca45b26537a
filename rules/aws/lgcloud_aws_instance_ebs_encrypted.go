package aws

import (
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsInstanceEbsEncryptedRule checks that the root and EBS block devices of
// EC2 instances are encrypted at rest.
type AwsInstanceEbsEncryptedRule struct{ lint.Meta }

var _ lint.Rule = (*AwsInstanceEbsEncryptedRule)(nil)

// NewAwsInstanceEbsEncryptedRule returns the rule.
func NewAwsInstanceEbsEncryptedRule() *AwsInstanceEbsEncryptedRule {
	root := &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "encrypted"}}}
	ebs := &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "encrypted"}, {Name: "snapshot_id"}}}
	return &AwsInstanceEbsEncryptedRule{lint.Meta{
		RuleName: "lgcloud_aws_instance_ebs_encrypted",
		Level:    tflint.ERROR,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.6.1.1"},
		Summary:  project.Text{JA: "EC2 インスタンスのルート・EBS ボリュームを暗号化する", EN: "EC2 instance root and EBS volumes are encrypted at rest"},
		Reads: withEBSByDefault(lint.Reads{
			"aws_instance": {Blocks: []hclext.BlockSchema{
				{Type: "root_block_device", Body: root},
				{Type: "ebs_block_device", Body: ebs},
				{Type: "launch_template", Body: &hclext.BodySchema{}},
			}},
		}),
	}}
}

var msgInstanceRootNotEncrypted = project.Text{
	JA: "EC2 インスタンス %s のルートボリュームが暗号化されていません。root_block_device に encrypted = true を設定してください。",
	EN: "The root volume of EC2 instance %s is not encrypted; set encrypted = true in root_block_device.",
}

var msgInstanceRootNotSet = project.Text{
	JA: "EC2 インスタンス %s のルートボリュームの暗号化が指定されていません（AMI の設定に従います）。root_block_device に encrypted = true を設定してください。",
	EN: "The root volume encryption of EC2 instance %s is not set (it follows the AMI); set encrypted = true in root_block_device.",
}

var msgInstanceEbsNotEncrypted = project.Text{
	JA: "EC2 インスタンス %s の EBS ボリュームが暗号化されていません。ebs_block_device に encrypted = true を設定してください。",
	EN: "An EBS volume of EC2 instance %s is not encrypted; set encrypted = true in ebs_block_device.",
}

var whatInstanceVolume = project.Text{JA: "EC2 インスタンスのボリュームの暗号化", EN: "EC2 instance volume encryption"}

// Check reports root and EBS block devices that are not encrypted. An
// instance without a root_block_device block takes its root volume from the
// AMI, whose encryption the code does not ensure: it is reported unless EBS
// encryption by default is on, or a launch_template block may set it. An
// EBS device restored from a snapshot with `encrypted` unset follows the
// snapshot, and is not reported.
func (r *AwsInstanceEbsEncryptedRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	absent, err := ebsDefault(runner, r)
	if err != nil {
		return err
	}
	instances, err := runner.Resources(r, "aws_instance")
	if err != nil {
		return err
	}
	for _, instance := range instances {
		name := lint.Address(instance)
		roots := instance.Body.Blocks.OfType("root_block_device")
		if len(roots) == 0 {
			missing := lint.Value{State: lint.Absent, Name: "root_block_device"}
			fromAMI := absent
			if fromAMI == lint.DefaultFails && len(instance.Body.Blocks.OfType("launch_template")) > 0 {
				fromAMI = lint.DefaultUnknown
			}
			if err := runner.RequireTrue(r, missing, instance.DefRange, fromAMI, whatInstanceVolume, msgInstanceRootNotSet, name); err != nil {
				return err
			}
		}
		for _, device := range roots {
			encrypted := runner.Attr(device.Body, "encrypted", cty.Bool)
			if err := runner.RequireTrue(r, encrypted, device.DefRange, absent, whatInstanceVolume, msgInstanceRootNotEncrypted, name); err != nil {
				return err
			}
		}
		for _, device := range instance.Body.Blocks.OfType("ebs_block_device") {
			encrypted := runner.Attr(device.Body, "encrypted", cty.Bool)
			if err := runner.RequireTrue(r, encrypted, device.DefRange, volumeDefault(runner, device.Body, absent), whatInstanceVolume, msgInstanceEbsNotEncrypted, name); err != nil {
				return err
			}
		}
	}
	return nil
}
