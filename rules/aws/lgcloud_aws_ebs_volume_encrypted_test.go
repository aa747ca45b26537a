package aws

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func TestAwsEbsVolumeEncryptedRule(t *testing.T) {
	cases := []struct {
		Name    string
		Content string
		// Files, when set, are the sources instead of Content.
		Files    map[string]string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "encrypted false literal is reported at the value",
			Content: `
resource "aws_ebs_volume" "data" {
  encrypted = false
}`,
			Expected: helper.Issues{
				{
					Rule:    NewAwsEbsVolumeEncryptedRule(),
					Message: "EBS ボリューム aws_ebs_volume.data が暗号化されていません。encrypted = true を設定してください。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 3, Column: 15},
						End:      hcl.Pos{Line: 3, Column: 20},
					},
				},
			},
		},
		{
			Name: "encrypted true literal passes",
			Content: `
resource "aws_ebs_volume" "data" {
  encrypted = true
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "absent encrypted takes the provider default false and is reported at the resource",
			Content: `
resource "aws_ebs_volume" "data" {
  size = 40
}`,
			Expected: helper.Issues{
				{
					Rule:    NewAwsEbsVolumeEncryptedRule(),
					Message: "EBS ボリューム aws_ebs_volume.data が暗号化されていません。encrypted = true を設定してください。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 2, Column: 1},
						End:      hcl.Pos{Line: 2, Column: 33},
					},
				},
			},
		},
		{
			Name: "null encrypted is the provider default and is reported at the resource",
			Content: `
resource "aws_ebs_volume" "data" {
  encrypted = null
}`,
			Expected: helper.Issues{
				{
					Rule:    NewAwsEbsVolumeEncryptedRule(),
					Message: "EBS ボリューム aws_ebs_volume.data が暗号化されていません。encrypted = true を設定してください。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 2, Column: 1},
						End:      hcl.Pos{Line: 2, Column: 33},
					},
				},
			},
		},
		{
			Name: "only the unencrypted one of two volumes is reported",
			Content: `
resource "aws_ebs_volume" "data" {
  encrypted = true
}

resource "aws_ebs_volume" "logs" {
  encrypted = false
}`,
			Expected: helper.Issues{
				{
					Rule:    NewAwsEbsVolumeEncryptedRule(),
					Message: "EBS ボリューム aws_ebs_volume.logs が暗号化されていません。encrypted = true を設定してください。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 7, Column: 15},
						End:      hcl.Pos{Line: 7, Column: 20},
					},
				},
			},
		},
		{
			Name: "volume from a snapshot takes the snapshot's encryption and absent encrypted is not reported",
			Content: `
resource "aws_ebs_volume" "data" {
  snapshot_id = "snap-0123456789abcdef0"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "false from a variable default is reported at the reference",
			Content: `
variable "encrypted" {
  default = false
}

resource "aws_ebs_volume" "data" {
  encrypted = var.encrypted
}`,
			Expected: helper.Issues{
				{
					Rule:    NewAwsEbsVolumeEncryptedRule(),
					Message: "EBS ボリューム aws_ebs_volume.data が暗号化されていません。encrypted = true を設定してください。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 7, Column: 15},
						End:      hcl.Pos{Line: 7, Column: 28},
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

resource "aws_ebs_volume" "data" {
  encrypted = var.encrypted
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "variable without default is unknown and not reported",
			Content: `
variable "encrypted" {
  type = bool
}

resource "aws_ebs_volume" "data" {
  encrypted = var.encrypted
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "variable without default is named by a strict notice",
			Content: `
variable "encrypted" {
  type = bool
}

resource "aws_ebs_volume" "data" {
  encrypted = var.encrypted
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				{
					Rule:    linttest.Notice(NewAwsEbsVolumeEncryptedRule()),
					Message: "strict: EBS ボリュームの暗号化を確認できません。encrypted: lint 時に値が決まりません。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 7, Column: 15},
						End:      hcl.Pos{Line: 7, Column: 28},
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

resource "aws_ebs_volume" "data" {
  encrypted = var.encrypted
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

resource "aws_ebs_volume" "data" {
  encrypted = var.encrypted
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				{
					Rule:    linttest.Notice(NewAwsEbsVolumeEncryptedRule()),
					Message: "strict: EBS ボリュームの暗号化を確認できません。encrypted: 値が sensitive または ephemeral です。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 8, Column: 15},
						End:      hcl.Pos{Line: 8, Column: 28},
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

resource "aws_ebs_volume" "data" {
  encrypted = local.encrypted
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "resource reference is not reported",
			Content: `
resource "aws_ebs_volume" "data" {
  encrypted = aws_ebs_snapshot.base.encrypted
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "string that is not a boolean is not reported",
			Content: `
resource "aws_ebs_volume" "data" {
  encrypted = "maybe"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "list value is not reported",
			Content: `
resource "aws_ebs_volume" "data" {
  encrypted = [false]
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "wrongly typed value is named by a strict notice",
			Content: `
resource "aws_ebs_volume" "data" {
  encrypted = [false]
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				{
					Rule:    linttest.Notice(NewAwsEbsVolumeEncryptedRule()),
					Message: "strict: EBS ボリュームの暗号化を確認できません。encrypted: 値の型が想定と異なります。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 3, Column: 15},
						End:      hcl.Pos{Line: 3, Column: 22},
					},
				},
			},
		},
		{
			Name: "strict mode adds nothing to a known true",
			Content: `
resource "aws_ebs_volume" "data" {
  encrypted = true
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "English message",
			Content: `
resource "aws_ebs_volume" "data" {
  encrypted = false
}`,
			Config: linttest.English(),
			Expected: helper.Issues{
				{
					Rule:    NewAwsEbsVolumeEncryptedRule(),
					Message: "EBS volume aws_ebs_volume.data is not encrypted; set encrypted = true. [Guideline 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 3, Column: 15},
						End:      hcl.Pos{Line: 3, Column: 20},
					},
				},
			},
		},
		{
			Name: "English strict notice",
			Content: `
variable "encrypted" {
  type = bool
}

resource "aws_ebs_volume" "data" {
  encrypted = var.encrypted
}`,
			Config: func() *config.Config { c := linttest.Strict(); c.Language = "en"; return c }(),
			Expected: helper.Issues{
				{
					Rule:    linttest.Notice(NewAwsEbsVolumeEncryptedRule()),
					Message: "strict: cannot verify EBS volume encryption; encrypted: the value is not known at lint time. [Guideline 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 7, Column: 15},
						End:      hcl.Pos{Line: 7, Column: 28},
					},
				},
			},
		},
		{
			Name: "encryption by default makes absent encrypted pass",
			Content: `
resource "aws_ebs_encryption_by_default" "this" {
}

resource "aws_ebs_volume" "data" {
  size = 40
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "encryption by default with enabled true makes absent encrypted pass",
			Content: `
resource "aws_ebs_encryption_by_default" "this" {
  enabled = true
}

resource "aws_ebs_volume" "data" {
  size = 40
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "encryption by default in another file makes absent encrypted pass",
			Files: map[string]string{
				"account.tf": `resource "aws_ebs_encryption_by_default" "this" {}`,
				"resource.tf": `
resource "aws_ebs_volume" "data" {
  size = 40
}`,
			},
			Expected: helper.Issues{},
		},
		{
			Name: "encryption by default does not excuse an explicit false",
			Content: `
resource "aws_ebs_encryption_by_default" "this" {
  enabled = true
}

resource "aws_ebs_volume" "data" {
  encrypted = false
}`,
			Expected: helper.Issues{
				{
					Rule:    NewAwsEbsVolumeEncryptedRule(),
					Message: "EBS ボリューム aws_ebs_volume.data が暗号化されていません。encrypted = true を設定してください。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 7, Column: 15},
						End:      hcl.Pos{Line: 7, Column: 20},
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

resource "aws_ebs_volume" "data" {
  size = 40
}`,
			Expected: helper.Issues{
				{
					Rule:    NewAwsEbsVolumeEncryptedRule(),
					Message: "EBS ボリューム aws_ebs_volume.data が暗号化されていません。encrypted = true を設定してください。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 6, Column: 1},
						End:      hcl.Pos{Line: 6, Column: 33},
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

resource "aws_ebs_volume" "data" {
  size = 40
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "encryption by default with unknown enabled makes absent encrypted a strict notice at the resource",
			Content: `
variable "ebs_default" {
  type = bool
}

resource "aws_ebs_encryption_by_default" "this" {
  enabled = var.ebs_default
}

resource "aws_ebs_volume" "data" {
  size = 40
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				{
					Rule:    linttest.Notice(NewAwsEbsVolumeEncryptedRule()),
					Message: "strict: EBS ボリュームの暗号化を確認できません。encrypted: 未設定で、既定値が lint 時に決まりません。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
					Range: hcl.Range{
						Filename: "resource.tf",
						Start:    hcl.Pos{Line: 10, Column: 1},
						End:      hcl.Pos{Line: 10, Column: 33},
					},
				},
			},
		},
	}

	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			files := tc.Files
			if files == nil {
				files = map[string]string{"resource.tf": tc.Content}
			}
			runner := linttest.Run(t, NewAwsEbsVolumeEncryptedRule(), files, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}

func TestAwsEbsVolumeEncryptedRule_Fix(t *testing.T) {
	cases := []struct {
		Name     string
		Content  string
		Expected map[string]string
	}{
		{
			Name: "literal false becomes true",
			Content: `
resource "aws_ebs_volume" "data" {
  size      = 40
  encrypted = false
}`,
			Expected: map[string]string{"resource.tf": `
resource "aws_ebs_volume" "data" {
  size      = 40
  encrypted = true
}`},
		},
		{
			Name: "false from a variable is not changed",
			Content: `
variable "encrypted" {
  default = false
}

resource "aws_ebs_volume" "data" {
  encrypted = var.encrypted
}`,
			Expected: map[string]string{},
		},
	}

	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsEbsVolumeEncryptedRule(), map[string]string{"resource.tf": tc.Content}, nil)
			helper.AssertChanges(t, tc.Expected, runner.Changes())
		})
	}
}
