package aws

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func TestAwsInstanceEbsEncryptedRule(t *testing.T) {
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "root_block_device encrypted false literal is reported at the value",
			Content: `
resource "aws_instance" "web" {
  root_block_device {
    encrypted = false
  }
}`,
			Expected: helper.Issues{
				{
					Rule:    NewAwsInstanceEbsEncryptedRule(),
					Message: "EC2 インスタンス aws_instance.web のルートボリュームが暗号化されていません。root_block_device に encrypted = true を設定してください。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 4, Column: 17},
						End:      hcl.Pos{Line: 4, Column: 22},
					},
				},
			},
		},
		{
			Name: "root_block_device encrypted true literal passes",
			Content: `
resource "aws_instance" "web" {
  root_block_device {
    encrypted = true
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "instance without root_block_device but with a launch template is not reported",
			Content: `
resource "aws_instance" "web" {
  launch_template {
    id = "lt-0123456789abcdef0"
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "instance without root_block_device but with a launch template is a strict notice",
			Content: `
resource "aws_instance" "web" {
  launch_template {
    id = "lt-0123456789abcdef0"
  }
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				{
					Rule:    linttest.Notice(NewAwsInstanceEbsEncryptedRule()),
					Message: "strict: EC2 インスタンスのボリュームの暗号化を確認できません。root_block_device: 未設定で、既定値が lint 時に決まりません。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 2, Column: 1},
						End:      hcl.Pos{Line: 2, Column: 30},
					},
				},
			},
		},
		{
			Name: "instance without root_block_device is reported at the resource",
			Content: `
resource "aws_instance" "web" {
  instance_type = "t3.micro"
}`,
			Expected: helper.Issues{
				{
					Rule:    NewAwsInstanceEbsEncryptedRule(),
					Message: "EC2 インスタンス aws_instance.web のルートボリュームの暗号化が指定されていません（AMI の設定に従います）。root_block_device に encrypted = true を設定してください。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 2, Column: 1},
						End:      hcl.Pos{Line: 2, Column: 30},
					},
				},
			},
		},
		{
			Name: "absent encrypted in root_block_device is reported at the block",
			Content: `
resource "aws_instance" "web" {
  root_block_device {
    volume_size = 20
  }
}`,
			Expected: helper.Issues{
				{
					Rule:    NewAwsInstanceEbsEncryptedRule(),
					Message: "EC2 インスタンス aws_instance.web のルートボリュームが暗号化されていません。root_block_device に encrypted = true を設定してください。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 3, Column: 3},
						End:      hcl.Pos{Line: 3, Column: 20},
					},
				},
			},
		},
		{
			Name: "null encrypted in root_block_device is the provider default and is reported at the block",
			Content: `
resource "aws_instance" "web" {
  root_block_device {
    encrypted = null
  }
}`,
			Expected: helper.Issues{
				{
					Rule:    NewAwsInstanceEbsEncryptedRule(),
					Message: "EC2 インスタンス aws_instance.web のルートボリュームが暗号化されていません。root_block_device に encrypted = true を設定してください。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 3, Column: 3},
						End:      hcl.Pos{Line: 3, Column: 20},
					},
				},
			},
		},
		{
			Name: "ebs_block_device encrypted false literal is reported at the value",
			Content: `
resource "aws_instance" "web" {
  root_block_device {
    encrypted = true
  }

  ebs_block_device {
    device_name = "/dev/sdf"
    encrypted   = false
  }
}`,
			Expected: helper.Issues{
				{
					Rule:    NewAwsInstanceEbsEncryptedRule(),
					Message: "EC2 インスタンス aws_instance.web の EBS ボリュームが暗号化されていません。ebs_block_device に encrypted = true を設定してください。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 9, Column: 19},
						End:      hcl.Pos{Line: 9, Column: 24},
					},
				},
			},
		},
		{
			Name: "absent encrypted in each ebs_block_device is reported at its block",
			Content: `
resource "aws_instance" "web" {
  root_block_device {
    encrypted = true
  }

  ebs_block_device {
    device_name = "/dev/sdf"
  }

  ebs_block_device {
    device_name = "/dev/sdg"
  }
}`,
			Expected: helper.Issues{
				{
					Rule:    NewAwsInstanceEbsEncryptedRule(),
					Message: "EC2 インスタンス aws_instance.web の EBS ボリュームが暗号化されていません。ebs_block_device に encrypted = true を設定してください。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 7, Column: 3},
						End:      hcl.Pos{Line: 7, Column: 19},
					},
				},
				{
					Rule:    NewAwsInstanceEbsEncryptedRule(),
					Message: "EC2 インスタンス aws_instance.web の EBS ボリュームが暗号化されていません。ebs_block_device に encrypted = true を設定してください。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 11, Column: 3},
						End:      hcl.Pos{Line: 11, Column: 19},
					},
				},
			},
		},
		{
			Name: "ebs_block_device from a snapshot takes the snapshot's encryption and absent encrypted is not reported",
			Content: `
resource "aws_instance" "web" {
  root_block_device {
    encrypted = true
  }

  ebs_block_device {
    device_name = "/dev/sdf"
    snapshot_id = "snap-0123456789abcdef0"
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "encrypted root and EBS block devices pass",
			Content: `
resource "aws_instance" "web" {
  root_block_device {
    encrypted = true
  }

  ebs_block_device {
    device_name = "/dev/sdf"
    encrypted   = true
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "false from a variable default is reported at the reference",
			Content: `
variable "encrypted" {
  default = false
}

resource "aws_instance" "web" {
  root_block_device {
    encrypted = var.encrypted
  }
}`,
			Expected: helper.Issues{
				{
					Rule:    NewAwsInstanceEbsEncryptedRule(),
					Message: "EC2 インスタンス aws_instance.web のルートボリュームが暗号化されていません。root_block_device に encrypted = true を設定してください。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 8, Column: 17},
						End:      hcl.Pos{Line: 8, Column: 30},
					},
				},
			},
		},
		{
			Name: "true from a variable default passes",
			Content: `
variable "encrypted" {
  default = true
}

resource "aws_instance" "web" {
  root_block_device {
    encrypted = var.encrypted
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "variable without default is unknown and not reported",
			Content: `
variable "encrypted" {
  type = bool
}

resource "aws_instance" "web" {
  root_block_device {
    encrypted = var.encrypted
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "variable without default is named by a strict notice",
			Content: `
variable "encrypted" {
  type = bool
}

resource "aws_instance" "web" {
  root_block_device {
    encrypted = var.encrypted
  }
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				{
					Rule:    linttest.Notice(NewAwsInstanceEbsEncryptedRule()),
					Message: "strict: EC2 インスタンスのボリュームの暗号化を確認できません。encrypted: lint 時に値が決まりません。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 8, Column: 17},
						End:      hcl.Pos{Line: 8, Column: 30},
					},
				},
			},
		},
		{
			Name: "sensitive variable is not reported",
			Content: `
variable "encrypted" {
  default   = false
  sensitive = true
}

resource "aws_instance" "web" {
  root_block_device {
    encrypted = var.encrypted
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "sensitive variable is named by a strict notice",
			Content: `
variable "encrypted" {
  default   = false
  sensitive = true
}

resource "aws_instance" "web" {
  root_block_device {
    encrypted = var.encrypted
  }
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				{
					Rule:    linttest.Notice(NewAwsInstanceEbsEncryptedRule()),
					Message: "strict: EC2 インスタンスのボリュームの暗号化を確認できません。encrypted: 値が sensitive または ephemeral です。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 9, Column: 17},
						End:      hcl.Pos{Line: 9, Column: 30},
					},
				},
			},
		},
		{
			Name: "a local whose value is unknown is not reported",
			Content: `
variable "unknown_value" {}

locals {
  encrypted = var.unknown_value
}

resource "aws_instance" "web" {
  root_block_device {
    encrypted = local.encrypted
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "resource reference is not reported",
			Content: `
resource "aws_instance" "web" {
  root_block_device {
    encrypted = aws_ebs_volume.template.encrypted
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "string that is not a boolean is not reported",
			Content: `
resource "aws_instance" "web" {
  root_block_device {
    encrypted = "maybe"
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "list value is not reported",
			Content: `
resource "aws_instance" "web" {
  root_block_device {
    encrypted = [false]
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "English messages for root and EBS block devices",
			Content: `
resource "aws_instance" "web" {
  ebs_block_device {
    device_name = "/dev/sdf"
    encrypted   = false
  }
}`,
			Config: linttest.English(),
			Expected: helper.Issues{
				{
					Rule:    NewAwsInstanceEbsEncryptedRule(),
					Message: "The root volume encryption of EC2 instance aws_instance.web is not set (it follows the AMI); set encrypted = true in root_block_device. [Guideline 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 2, Column: 1},
						End:      hcl.Pos{Line: 2, Column: 30},
					},
				},
				{
					Rule:    NewAwsInstanceEbsEncryptedRule(),
					Message: "An EBS volume of EC2 instance aws_instance.web is not encrypted; set encrypted = true in ebs_block_device. [Guideline 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 5, Column: 19},
						End:      hcl.Pos{Line: 5, Column: 24},
					},
				},
			},
		},
		{
			Name: "encryption by default makes an instance without root_block_device pass",
			Content: `
resource "aws_ebs_encryption_by_default" "this" {
}

resource "aws_instance" "web" {
  instance_type = "t3.micro"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "encryption by default makes absent encrypted in block devices pass",
			Content: `
resource "aws_ebs_encryption_by_default" "this" {
  enabled = true
}

resource "aws_instance" "web" {
  root_block_device {
    volume_size = 20
  }

  ebs_block_device {
    device_name = "/dev/sdf"
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "encryption by default does not excuse an explicit false",
			Content: `
resource "aws_ebs_encryption_by_default" "this" {
}

resource "aws_instance" "web" {
  ebs_block_device {
    device_name = "/dev/sdf"
    encrypted   = false
  }
}`,
			Expected: helper.Issues{
				{
					Rule:    NewAwsInstanceEbsEncryptedRule(),
					Message: "EC2 インスタンス aws_instance.web の EBS ボリュームが暗号化されていません。ebs_block_device に encrypted = true を設定してください。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 8, Column: 19},
						End:      hcl.Pos{Line: 8, Column: 24},
					},
				},
			},
		},
		{
			Name: "encryption by default with enabled false does not help",
			Content: `
resource "aws_ebs_encryption_by_default" "this" {
  enabled = false
}

resource "aws_instance" "web" {
  instance_type = "t3.micro"
}`,
			Expected: helper.Issues{
				{
					Rule:    NewAwsInstanceEbsEncryptedRule(),
					Message: "EC2 インスタンス aws_instance.web のルートボリュームの暗号化が指定されていません（AMI の設定に従います）。root_block_device に encrypted = true を設定してください。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 6, Column: 1},
						End:      hcl.Pos{Line: 6, Column: 30},
					},
				},
			},
		},
		{
			Name: "encryption by default with unknown enabled leaves a missing root_block_device unreported",
			Content: `
variable "ebs_default" {
  type = bool
}

resource "aws_ebs_encryption_by_default" "this" {
  enabled = var.ebs_default
}

resource "aws_instance" "web" {
  instance_type = "t3.micro"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "encryption by default with unknown enabled makes a missing root_block_device a strict notice at the resource",
			Content: `
variable "ebs_default" {
  type = bool
}

resource "aws_ebs_encryption_by_default" "this" {
  enabled = var.ebs_default
}

resource "aws_instance" "web" {
  instance_type = "t3.micro"
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				{
					Rule:    linttest.Notice(NewAwsInstanceEbsEncryptedRule()),
					Message: "strict: EC2 インスタンスのボリュームの暗号化を確認できません。root_block_device: 未設定で、既定値が lint 時に決まりません。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 10, Column: 1},
						End:      hcl.Pos{Line: 10, Column: 30},
					},
				},
			},
		},
		{
			Name: "encryption by default with unknown enabled makes absent encrypted in a block device a strict notice at the block",
			Content: `
variable "ebs_default" {
  type = bool
}

resource "aws_ebs_encryption_by_default" "this" {
  enabled = var.ebs_default
}

resource "aws_instance" "web" {
  root_block_device {
    encrypted = true
  }

  ebs_block_device {
    device_name = "/dev/sdf"
  }
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				{
					Rule:    linttest.Notice(NewAwsInstanceEbsEncryptedRule()),
					Message: "strict: EC2 インスタンスのボリュームの暗号化を確認できません。encrypted: 未設定で、既定値が lint 時に決まりません。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 15, Column: 3},
						End:      hcl.Pos{Line: 15, Column: 19},
					},
				},
			},
		},
	}

	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsInstanceEbsEncryptedRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}

func TestAwsInstanceEbsEncryptedRule_Fix(t *testing.T) {
	cases := []struct {
		Name     string
		Content  string
		Expected map[string]string
	}{
		{
			Name: "literal false in root and EBS block devices becomes true",
			Content: `
resource "aws_instance" "web" {
  root_block_device {
    encrypted = false
  }

  ebs_block_device {
    device_name = "/dev/sdf"
    encrypted   = false
  }
}`,
			Expected: map[string]string{"resource.tf": `
resource "aws_instance" "web" {
  root_block_device {
    encrypted = true
  }

  ebs_block_device {
    device_name = "/dev/sdf"
    encrypted   = true
  }
}`},
		},
		{
			Name: "false from a variable is not changed",
			Content: `
variable "encrypted" {
  default = false
}

resource "aws_instance" "web" {
  root_block_device {
    encrypted = var.encrypted
  }
}`,
			Expected: map[string]string{},
		},
		{
			Name: "missing root_block_device is not added",
			Content: `
resource "aws_instance" "web" {
  instance_type = "t3.micro"
}`,
			Expected: map[string]string{},
		},
	}

	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsInstanceEbsEncryptedRule(), map[string]string{"resource.tf": tc.Content}, nil)
			helper.AssertChanges(t, tc.Expected, runner.Changes())
		})
	}
}
