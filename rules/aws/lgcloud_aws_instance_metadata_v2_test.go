package aws

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

const vmCite = " [指針 4.6.1.5 / JIS Q 27017 CLD.9.5.2, 12.2.1]"

func vmRange(line, col, endLine, endCol int) hcl.Range {
	return hcl.Range{Filename: "main.tf", Start: hcl.Pos{Line: line, Column: col}, End: hcl.Pos{Line: endLine, Column: endCol}}
}

func imdsV1Accepted(what, value string) string {
	return what + " のインスタンスメタデータサービスが IMDSv1 を受け付けます（http_tokens = \"" + value + "\"）。http_tokens = \"required\" を設定して IMDSv2 を必須にしてください。" + vmCite
}

func imdsNotSet(what string) string {
	return what + " のインスタンスメタデータサービスで IMDSv2 が必須になっていません。http_tokens が未設定のため AMI またはアカウントの既定値に従い、多くの AMI では IMDSv1 も受け付けます。metadata_options に http_tokens = \"required\" を設定してください。" + vmCite
}

func TestAwsInstanceMetadataV2Rule(t *testing.T) {
	rule := NewAwsInstanceMetadataV2Rule()
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "required passes on instances and launch templates",
			Content: `
resource "aws_instance" "web" {
  metadata_options {
    http_tokens = "required"
  }
}

resource "aws_launch_template" "web" {
  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "optional is reported at the value",
			Content: `
resource "aws_instance" "web" {
  metadata_options {
    http_tokens = "optional"
  }
}

resource "aws_launch_template" "web" {
  metadata_options {
    http_tokens = "optional"
  }
}`,
			Expected: helper.Issues{
				{Rule: rule, Message: imdsV1Accepted("EC2 インスタンス aws_instance.web", "optional"), Range: vmRange(4, 19, 4, 29)},
				{Rule: rule, Message: imdsV1Accepted("起動テンプレート aws_launch_template.web", "optional"), Range: vmRange(10, 19, 10, 29)},
			},
		},
		{
			Name: "absent metadata_options is reported at the resource",
			Content: `
resource "aws_instance" "web" {
  ami = "ami-0123456789abcdef0"
}

resource "aws_launch_template" "web" {
}`,
			Expected: helper.Issues{
				{Rule: rule, Message: imdsNotSet("EC2 インスタンス aws_instance.web"), Range: vmRange(2, 1, 2, 30)},
				{Rule: rule, Message: imdsNotSet("起動テンプレート aws_launch_template.web"), Range: vmRange(6, 1, 6, 37)},
			},
		},
		{
			Name: "metadata_options without http_tokens is reported at the block",
			Content: `
resource "aws_instance" "web" {
  metadata_options {
    http_endpoint = "enabled"
  }
}`,
			Expected: helper.Issues{
				{Rule: rule, Message: imdsNotSet("EC2 インスタンス aws_instance.web"), Range: vmRange(3, 3, 3, 19)},
			},
		},
		{
			Name: "a metadata service turned off passes whatever http_tokens says",
			Content: `
resource "aws_instance" "web" {
  metadata_options {
    http_endpoint = "disabled"
    http_tokens   = "optional"
  }
}

resource "aws_launch_template" "web" {
  metadata_options {
    http_endpoint = "disabled"
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "optional from a variable default is reported at the reference",
			Content: `
variable "tokens" {
  default = "optional"
}

resource "aws_instance" "web" {
  metadata_options {
    http_tokens = var.tokens
  }
}`,
			Expected: helper.Issues{
				{Rule: rule, Message: imdsV1Accepted("EC2 インスタンス aws_instance.web", "optional"), Range: vmRange(8, 19, 8, 29)},
			},
		},
		{
			// The test runner cannot evaluate locals; TFLint does (see the
			// integration case vm_metadata_v2).
			Name: "a local whose value is unknown is not reported",
			Content: `
variable "unknown_value" {}

locals {
  tokens = var.unknown_value
}

resource "aws_launch_template" "web" {
  metadata_options {
    http_tokens = local.tokens
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "a variable without default is not reported",
			Content: `
variable "tokens" {
  type = string
}

resource "aws_instance" "web" {
  metadata_options {
    http_tokens = var.tokens
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "a variable without default is named by a strict notice",
			Content: `
variable "tokens" {
  type = string
}

resource "aws_instance" "web" {
  metadata_options {
    http_tokens = var.tokens
  }
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(rule),
				Message: "strict: インスタンスメタデータサービスの IMDSv2 必須化を確認できません。http_tokens: lint 時に値が決まりません。" + vmCite,
				Range:   vmRange(8, 19, 8, 29),
			}},
		},
		{
			Name: "optional with an unknown endpoint may be turned off and is named by a strict notice",
			Content: `
variable "endpoint" {
  type = string
}

resource "aws_instance" "web" {
  metadata_options {
    http_endpoint = var.endpoint
    http_tokens   = "optional"
  }
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(rule),
				Message: "strict: インスタンスメタデータサービスの IMDSv2 必須化を確認できません。http_endpoint: lint 時に値が決まりません。" + vmCite,
				Range:   vmRange(8, 21, 8, 33),
			}},
		},
		{
			Name: "account defaults that require tokens make an absent setting pass",
			Content: `
resource "aws_ec2_instance_metadata_defaults" "this" {
  http_tokens = "required"
}

resource "aws_instance" "web" {
}

resource "aws_launch_template" "web" {
  metadata_options {
    http_endpoint = "enabled"
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "account defaults do not excuse an explicit optional",
			Content: `
resource "aws_ec2_instance_metadata_defaults" "this" {
  http_tokens = "required"
}

resource "aws_instance" "web" {
  metadata_options {
    http_tokens = "optional"
  }
}`,
			Expected: helper.Issues{
				{Rule: rule, Message: imdsV1Accepted("EC2 インスタンス aws_instance.web", "optional"), Range: vmRange(8, 19, 8, 29)},
			},
		},
		{
			Name: "account defaults with no preference leave an absent setting reported",
			Content: `
resource "aws_ec2_instance_metadata_defaults" "this" {
  http_tokens = "no-preference"
}

resource "aws_instance" "web" {
}`,
			Expected: helper.Issues{
				{Rule: rule, Message: imdsNotSet("EC2 インスタンス aws_instance.web"), Range: vmRange(6, 1, 6, 30)},
			},
		},
		{
			Name: "account defaults that turn the service off cover instances that leave http_endpoint unset",
			Content: `
resource "aws_ec2_instance_metadata_defaults" "this" {
  http_endpoint = "disabled"
}

resource "aws_instance" "quiet" {
}

resource "aws_instance" "web" {
  metadata_options {
    http_endpoint = "enabled"
  }
}`,
			Expected: helper.Issues{
				{Rule: rule, Message: imdsNotSet("EC2 インスタンス aws_instance.web"), Range: vmRange(10, 3, 10, 19)},
			},
		},
		{
			Name: "unknown account defaults are named by a strict notice",
			Content: `
variable "tokens" {
  type = string
}

resource "aws_ec2_instance_metadata_defaults" "this" {
  http_tokens = var.tokens
}

resource "aws_instance" "web" {
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(rule),
				Message: "strict: インスタンスメタデータサービスの IMDSv2 必須化を確認できません。http_tokens: 未設定で、アカウントの既定値（aws_ec2_instance_metadata_defaults）が lint 時に決まりません。" + vmCite,
				Range:   vmRange(10, 1, 10, 30),
			}},
		},
		{
			Name: "an instance launched from a template of the module follows the template",
			Content: `
resource "aws_launch_template" "web" {
  metadata_options {
    http_tokens = "required"
  }
}

resource "aws_instance" "web" {
  launch_template {
    id = aws_launch_template.web.id
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "an instance launched from a template elsewhere is named by a strict notice",
			Content: `
variable "template_name" {
  type = string
}

resource "aws_instance" "web" {
  launch_template {
    name = var.template_name
  }
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(rule),
				Message: "strict: インスタンスメタデータサービスの IMDSv2 必須化を確認できません。http_tokens: 未設定で、このモジュールにない起動テンプレートの設定に従います。" + vmCite,
				Range:   vmRange(6, 1, 6, 30),
			}},
		},
		{
			Name: "an instance with count is reported once",
			Content: `
resource "aws_instance" "web" {
  count = 2

  metadata_options {
    http_tokens = "optional"
  }
}`,
			Expected: helper.Issues{
				{Rule: rule, Message: imdsV1Accepted("EC2 インスタンス aws_instance.web", "optional"), Range: vmRange(6, 19, 6, 29)},
			},
		},
		{
			Name: "English messages",
			Content: `
resource "aws_instance" "web" {
  metadata_options {
    http_tokens = "optional"
  }
}

resource "aws_launch_template" "web" {
}`,
			Config: linttest.English(),
			Expected: helper.Issues{
				{Rule: rule, Message: "EC2 instance aws_instance.web accepts IMDSv1 on its instance metadata service (http_tokens = \"optional\"); set http_tokens = \"required\" so that only IMDSv2 is served. [Guideline 4.6.1.5 / JIS Q 27017 CLD.9.5.2, 12.2.1]", Range: vmRange(4, 19, 4, 29)},
				{Rule: rule, Message: "Launch template aws_launch_template.web does not require IMDSv2 on its instance metadata service: http_tokens is not set, so it follows the AMI's or the account's default, which for most AMIs also accepts IMDSv1. Set http_tokens = \"required\" in metadata_options. [Guideline 4.6.1.5 / JIS Q 27017 CLD.9.5.2, 12.2.1]", Range: vmRange(8, 1, 8, 37)},
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsInstanceMetadataV2Rule(), map[string]string{"main.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}

func TestAwsInstanceMetadataV2Rule_Fix(t *testing.T) {
	cases := []struct {
		Name     string
		Content  string
		Expected map[string]string
	}{
		{
			Name: "literal optional becomes required",
			Content: `
resource "aws_instance" "web" {
  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "optional"
  }
}`,
			Expected: map[string]string{"main.tf": `
resource "aws_instance" "web" {
  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
  }
}`},
		},
		{
			Name: "http_tokens is added to a metadata_options block without it",
			Content: `
resource "aws_instance" "web" {
  metadata_options {
    http_endpoint = "enabled"
    instance_metadata_tags = "enabled"
  }
}`,
			Expected: map[string]string{"main.tf": `
resource "aws_instance" "web" {
  metadata_options {
    http_endpoint          = "enabled"
    instance_metadata_tags = "enabled"
    http_tokens            = "required"
  }
}`},
		},
		{
			Name: "a single-line or empty metadata_options block is opened onto several lines",
			Content: `
resource "aws_instance" "web" {
  metadata_options { http_endpoint = "enabled" }
}

resource "aws_launch_template" "web" {
  metadata_options {}
}`,
			Expected: map[string]string{"main.tf": `
resource "aws_instance" "web" {
  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
  }
}

resource "aws_launch_template" "web" {
  metadata_options {
    http_tokens = "required"
  }
}`},
		},
		{
			Name: "a missing metadata_options block is added at the end of the resource",
			Content: `
resource "aws_instance" "web" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  root_block_device {
    encrypted = true
  }
}

resource "aws_launch_template" "web" {}

resource "aws_launch_template" "app" { name = "app" }`,
			Expected: map[string]string{"main.tf": `
resource "aws_instance" "web" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  root_block_device {
    encrypted = true
  }

  metadata_options {
    http_tokens = "required"
  }
}

resource "aws_launch_template" "web" {
  metadata_options {
    http_tokens = "required"
  }
}

resource "aws_launch_template" "app" {
  name = "app"

  metadata_options {
    http_tokens = "required"
  }
}`},
		},
		{
			Name: "a value from a variable is not fixed",
			Content: `
variable "tokens" {
  default = "optional"
}

resource "aws_instance" "web" {
  metadata_options {
    http_tokens = var.tokens
  }
}`,
			Expected: map[string]string{},
		},
		{
			Name: "a dynamic metadata_options block is not fixed",
			Content: `
variable "options" {
  default = []
}

resource "aws_instance" "web" {
  dynamic "metadata_options" {
    for_each = var.options
    content {
      http_endpoint = "enabled"
    }
  }
}`,
			Expected: map[string]string{},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsInstanceMetadataV2Rule(), map[string]string{"main.tf": tc.Content}, nil)
			helper.AssertChanges(t, tc.Expected, runner.Changes())
		})
	}
}
