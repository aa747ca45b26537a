package aws

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func TestAwsLaunchTemplateEbsEncryptedRule(t *testing.T) {
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "encrypted false literal is reported at the value",
			Content: `
resource "aws_launch_template" "app" {
  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      encrypted = false
    }
  }
}`,
			Expected: helper.Issues{
				{
					Rule:    NewAwsLaunchTemplateEbsEncryptedRule(),
					Message: "起動テンプレート aws_launch_template.app の EBS ボリュームが暗号化されていません。block_device_mappings の ebs に encrypted = true を設定してください。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 7, Column: 19},
						End:      hcl.Pos{Line: 7, Column: 24},
					},
				},
			},
		},
		{
			Name: "encrypted string \"false\" (the schema's type) is reported at the value",
			Content: `
resource "aws_launch_template" "app" {
  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      encrypted = "false"
    }
  }
}`,
			Expected: helper.Issues{
				{
					Rule:    NewAwsLaunchTemplateEbsEncryptedRule(),
					Message: "起動テンプレート aws_launch_template.app の EBS ボリュームが暗号化されていません。block_device_mappings の ebs に encrypted = true を設定してください。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 7, Column: 19},
						End:      hcl.Pos{Line: 7, Column: 26},
					},
				},
			},
		},
		{
			Name: "encrypted true literal passes",
			Content: `
resource "aws_launch_template" "app" {
  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      encrypted = true
    }
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "encrypted string \"true\" passes",
			Content: `
resource "aws_launch_template" "app" {
  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      encrypted = "true"
    }
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "absent encrypted in ebs is reported at the ebs block",
			Content: `
resource "aws_launch_template" "app" {
  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      volume_size = 20
    }
  }
}`,
			Expected: helper.Issues{
				{
					Rule:    NewAwsLaunchTemplateEbsEncryptedRule(),
					Message: "起動テンプレート aws_launch_template.app の EBS ボリュームが暗号化されていません。block_device_mappings の ebs に encrypted = true を設定してください。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 6, Column: 5},
						End:      hcl.Pos{Line: 6, Column: 8},
					},
				},
			},
		},
		{
			Name: "null encrypted is the provider default and is reported at the ebs block",
			Content: `
resource "aws_launch_template" "app" {
  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      encrypted = null
    }
  }
}`,
			Expected: helper.Issues{
				{
					Rule:    NewAwsLaunchTemplateEbsEncryptedRule(),
					Message: "起動テンプレート aws_launch_template.app の EBS ボリュームが暗号化されていません。block_device_mappings の ebs に encrypted = true を設定してください。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 6, Column: 5},
						End:      hcl.Pos{Line: 6, Column: 8},
					},
				},
			},
		},
		{
			Name: "ebs from a snapshot takes the snapshot's encryption and absent encrypted is not reported",
			Content: `
resource "aws_launch_template" "app" {
  block_device_mappings {
    device_name = "/dev/sdf"

    ebs {
      snapshot_id = "snap-0123456789abcdef0"
    }
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "template without block_device_mappings is not reported",
			Content: `
resource "aws_launch_template" "app" {
  instance_type = "t3.micro"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "mapping without an ebs block is not reported",
			Content: `
resource "aws_launch_template" "app" {
  block_device_mappings {
    device_name  = "/dev/sdb"
    virtual_name = "ephemeral0"
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "only the unencrypted one of two mappings is reported",
			Content: `
resource "aws_launch_template" "app" {
  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      encrypted = true
    }
  }

  block_device_mappings {
    device_name = "/dev/sdf"

    ebs {
      encrypted = false
    }
  }
}`,
			Expected: helper.Issues{
				{
					Rule:    NewAwsLaunchTemplateEbsEncryptedRule(),
					Message: "起動テンプレート aws_launch_template.app の EBS ボリュームが暗号化されていません。block_device_mappings の ebs に encrypted = true を設定してください。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 15, Column: 19},
						End:      hcl.Pos{Line: 15, Column: 24},
					},
				},
			},
		},
		{
			Name: "false from a variable default is reported at the reference",
			Content: `
variable "encrypted" {
  default = false
}

resource "aws_launch_template" "app" {
  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      encrypted = var.encrypted
    }
  }
}`,
			Expected: helper.Issues{
				{
					Rule:    NewAwsLaunchTemplateEbsEncryptedRule(),
					Message: "起動テンプレート aws_launch_template.app の EBS ボリュームが暗号化されていません。block_device_mappings の ebs に encrypted = true を設定してください。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 11, Column: 19},
						End:      hcl.Pos{Line: 11, Column: 32},
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

resource "aws_launch_template" "app" {
  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      encrypted = var.encrypted
    }
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

resource "aws_launch_template" "app" {
  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      encrypted = var.encrypted
    }
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

resource "aws_launch_template" "app" {
  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      encrypted = var.encrypted
    }
  }
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				{
					Rule:    linttest.Notice(NewAwsLaunchTemplateEbsEncryptedRule()),
					Message: "strict: 起動テンプレートのボリュームの暗号化を確認できません。encrypted: lint 時に値が決まりません。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 11, Column: 19},
						End:      hcl.Pos{Line: 11, Column: 32},
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

resource "aws_launch_template" "app" {
  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      encrypted = var.encrypted
    }
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

resource "aws_launch_template" "app" {
  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      encrypted = var.encrypted
    }
  }
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				{
					Rule:    linttest.Notice(NewAwsLaunchTemplateEbsEncryptedRule()),
					Message: "strict: 起動テンプレートのボリュームの暗号化を確認できません。encrypted: 値が sensitive または ephemeral です。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 12, Column: 19},
						End:      hcl.Pos{Line: 12, Column: 32},
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

resource "aws_launch_template" "app" {
  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      encrypted = local.encrypted
    }
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "resource reference is not reported",
			Content: `
resource "aws_launch_template" "app" {
  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      encrypted = aws_ebs_volume.template.encrypted
    }
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "string that is not a boolean is not reported",
			Content: `
resource "aws_launch_template" "app" {
  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      encrypted = "maybe"
    }
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "string that is not a boolean is named by a strict notice",
			Content: `
resource "aws_launch_template" "app" {
  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      encrypted = "maybe"
    }
  }
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				{
					Rule:    linttest.Notice(NewAwsLaunchTemplateEbsEncryptedRule()),
					Message: "strict: 起動テンプレートのボリュームの暗号化を確認できません。encrypted: 値の型が想定と異なります。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 7, Column: 19},
						End:      hcl.Pos{Line: 7, Column: 26},
					},
				},
			},
		},
		{
			Name: "list value is not reported",
			Content: `
resource "aws_launch_template" "app" {
  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      encrypted = [false]
    }
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "English message",
			Content: `
resource "aws_launch_template" "app" {
  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      encrypted = false
    }
  }
}`,
			Config: linttest.English(),
			Expected: helper.Issues{
				{
					Rule:    NewAwsLaunchTemplateEbsEncryptedRule(),
					Message: "An EBS volume of launch template aws_launch_template.app is not encrypted; set encrypted = true in the ebs block of block_device_mappings. [Guideline 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 7, Column: 19},
						End:      hcl.Pos{Line: 7, Column: 24},
					},
				},
			},
		},
		{
			Name: "encryption by default makes absent encrypted pass",
			Content: `
resource "aws_ebs_encryption_by_default" "this" {
}

resource "aws_launch_template" "app" {
  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      volume_size = 20
    }
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "encryption by default does not excuse an explicit false",
			Content: `
resource "aws_ebs_encryption_by_default" "this" {
  enabled = true
}

resource "aws_launch_template" "app" {
  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      encrypted = "false"
    }
  }
}`,
			Expected: helper.Issues{
				{
					Rule:    NewAwsLaunchTemplateEbsEncryptedRule(),
					Message: "起動テンプレート aws_launch_template.app の EBS ボリュームが暗号化されていません。block_device_mappings の ebs に encrypted = true を設定してください。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 11, Column: 19},
						End:      hcl.Pos{Line: 11, Column: 26},
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

resource "aws_launch_template" "app" {
  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      volume_size = 20
    }
  }
}`,
			Expected: helper.Issues{
				{
					Rule:    NewAwsLaunchTemplateEbsEncryptedRule(),
					Message: "起動テンプレート aws_launch_template.app の EBS ボリュームが暗号化されていません。block_device_mappings の ebs に encrypted = true を設定してください。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 10, Column: 5},
						End:      hcl.Pos{Line: 10, Column: 8},
					},
				},
			},
		},
		{
			Name: "encryption by default with unknown enabled leaves absent encrypted unreported",
			Content: `
variable "ebs_default" {
  type = bool
}

resource "aws_ebs_encryption_by_default" "this" {
  enabled = var.ebs_default
}

resource "aws_launch_template" "app" {
  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      volume_size = 20
    }
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "encryption by default with unknown enabled makes absent encrypted a strict notice at the ebs block",
			Content: `
variable "ebs_default" {
  type = bool
}

resource "aws_ebs_encryption_by_default" "this" {
  enabled = var.ebs_default
}

resource "aws_launch_template" "app" {
  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      volume_size = 20
    }
  }
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				{
					Rule:    linttest.Notice(NewAwsLaunchTemplateEbsEncryptedRule()),
					Message: "strict: 起動テンプレートのボリュームの暗号化を確認できません。encrypted: 未設定で、既定値が lint 時に決まりません。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 14, Column: 5},
						End:      hcl.Pos{Line: 14, Column: 8},
					},
				},
			},
		},
	}

	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsLaunchTemplateEbsEncryptedRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}

func TestAwsLaunchTemplateEbsEncryptedRule_Fix(t *testing.T) {
	cases := []struct {
		Name     string
		Content  string
		Expected map[string]string
	}{
		{
			Name: "literal false becomes true",
			Content: `
resource "aws_launch_template" "app" {
  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      encrypted = false
    }
  }
}`,
			Expected: map[string]string{"resource.tf": `
resource "aws_launch_template" "app" {
  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      encrypted = true
    }
  }
}`},
		},
		{
			Name: "string \"false\" becomes the string \"true\"",
			Content: `
resource "aws_launch_template" "app" {
  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      encrypted   = "false"
      volume_size = 20
    }
  }
}`,
			Expected: map[string]string{"resource.tf": `
resource "aws_launch_template" "app" {
  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      encrypted   = "true"
      volume_size = 20
    }
  }
}`},
		},
		{
			Name: "false from a variable is not changed",
			Content: `
variable "encrypted" {
  default = false
}

resource "aws_launch_template" "app" {
  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      encrypted = var.encrypted
    }
  }
}`,
			Expected: map[string]string{},
		},
	}

	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsLaunchTemplateEbsEncryptedRule(), map[string]string{"resource.tf": tc.Content}, nil)
			helper.AssertChanges(t, tc.Expected, runner.Changes())
		})
	}
}
