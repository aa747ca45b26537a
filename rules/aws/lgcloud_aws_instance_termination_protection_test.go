package aws

import (
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

const terminationCite = " [指針 4.7.1.6 / JIS Q 27017 CLD.12.1.5]"

func terminationOff(instance string) string {
	return "EC2 インスタンス " + instance + " はマイナンバー利用事務系（mynumber）のサーバーですが、終了保護が有効になっていません。誤った操作や不正な操作で終了されないよう、disable_api_termination = true を設定してください（終了するときは、文書化した手順に従って先に無効にします）。" + terminationCite
}

const terminationStrict = "strict: マイナンバー利用事務系になりうる EC2 インスタンスの終了保護を確認できません。"

// mynumberSubnet is a subnet of the My Number segment.
const mynumberSubnet = `
resource "aws_subnet" "app" {
  vpc_id     = "vpc-0123"
  cidr_block = "10.10.1.0/24"
  tags       = { Segment = "mynumber" }
}
`

func TestAwsInstanceTerminationProtectionRule(t *testing.T) {
	rule := NewAwsInstanceTerminationProtectionRule()
	notice := linttest.Notice(rule)
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
		Fixed    string
	}{
		{
			Name: "instance in a mynumber subnet without the flag is reported and fixed",
			Content: mynumberSubnet + `
resource "aws_instance" "app" {
  ami       = "ami-0123"
  subnet_id = aws_subnet.app.id
}`,
			Expected: helper.Issues{evidenceIssue(rule, terminationOff("aws_instance.app"), 8, 1, 8, 30)},
			Fixed: mynumberSubnet + `
resource "aws_instance" "app" {
  ami                     = "ami-0123"
  subnet_id               = aws_subnet.app.id
  disable_api_termination = true
}`,
		},
		{
			Name: "false is reported at the value and fixed",
			Content: mynumberSubnet + `
resource "aws_instance" "app" {
  ami                     = "ami-0123"
  subnet_id               = aws_subnet.app.id
  disable_api_termination = false
}`,
			Expected: helper.Issues{evidenceIssue(rule, terminationOff("aws_instance.app"), 11, 29, 11, 34)},
			Fixed: mynumberSubnet + `
resource "aws_instance" "app" {
  ami                     = "ami-0123"
  subnet_id               = aws_subnet.app.id
  disable_api_termination = true
}`,
		},
		{
			Name: "true passes",
			Content: mynumberSubnet + `
resource "aws_instance" "app" {
  ami                     = "ami-0123"
  subnet_id               = aws_subnet.app.id
  disable_api_termination = true
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "false from a variable default is reported without a fix",
			Content: mynumberSubnet + `
variable "protect" {
  type    = bool
  default = false
}

resource "aws_instance" "app" {
  ami                     = "ami-0123"
  subnet_id               = aws_subnet.app.id
  disable_api_termination = var.protect
}`,
			Expected: helper.Issues{evidenceIssue(rule, terminationOff("aws_instance.app"), 16, 29, 16, 40)},
		},
		{
			Name: "unknown flag is named in strict mode",
			Content: mynumberSubnet + `
variable "protect" {
  type = bool
}

resource "aws_instance" "app" {
  ami                     = "ami-0123"
  subnet_id               = aws_subnet.app.id
  disable_api_termination = var.protect
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{evidenceIssue(notice, terminationStrict+"disable_api_termination: lint 時に値が決まりません。"+terminationCite, 15, 29, 15, 40)},
		},
		{
			Name: "instance with its own mynumber tag",
			Content: `
resource "aws_instance" "app" {
  ami  = "ami-0123"
  tags = { Segment = "mynumber" }
}`,
			Expected: helper.Issues{evidenceIssue(rule, terminationOff("aws_instance.app"), 2, 1, 2, 30)},
			Fixed: `
resource "aws_instance" "app" {
  ami                     = "ami-0123"
  tags                    = { Segment = "mynumber" }
  disable_api_termination = true
}`,
		},
		{
			Name: "instance of the mynumber segment by provider default_tags",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
  default_tags {
    tags = { Segment = "mynumber" }
  }
}

resource "aws_instance" "app" {
  ami = "ami-0123"
}`,
			Expected: helper.Issues{evidenceIssue(rule, terminationOff("aws_instance.app"), 9, 1, 9, 30)},
			Fixed: `
provider "aws" {
  region = "ap-northeast-1"
  default_tags {
    tags = { Segment = "mynumber" }
  }
}

resource "aws_instance" "app" {
  ami                     = "ami-0123"
  disable_api_termination = true
}`,
		},
		{
			Name: "instances of other segments are not checked",
			Content: `
resource "aws_subnet" "web" {
  vpc_id     = "vpc-0123"
  cidr_block = "10.40.1.0/24"
  tags       = { Segment = "internet" }
}

resource "aws_instance" "web" {
  ami       = "ami-0123"
  subnet_id = aws_subnet.web.id
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "instance whose subnet is not in the module is named in strict mode",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}

variable "subnet_id" {
  type = string
}

resource "aws_instance" "app" {
  ami       = "ami-0123"
  subnet_id = var.subnet_id
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{evidenceIssue(notice, terminationStrict+"aws_instance.app: セグメントを決められません（subnet_id = var.subnet_id: モジュールの入力 var.subnet_id がどの資源を指すかは、lint 時には分かりません）。"+terminationCite, 12, 15, 12, 28)},
		},
		{
			Name: "instance without a provider block: its own tag, and so its segment, cannot be known",
			Content: `
resource "aws_instance" "app" {
  ami = "ami-0123"
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{evidenceIssue(notice, terminationStrict+"aws_instance.app: セグメントを決められません（aws_instance.app のタグ Segment: provider aws のブロックがコードになく、その default_tags は分かりません）。"+terminationCite, 2, 1, 2, 30)},
		},
		{
			Name: "instance whose segment cannot be known passes with the flag on",
			Content: `
variable "subnet_id" {
  type = string
}

resource "aws_instance" "app" {
  ami                     = "ami-0123"
  subnet_id               = var.subnet_id
  disable_api_termination = true
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "launch template of the module that turns protection on passes",
			Content: mynumberSubnet + `
resource "aws_launch_template" "app" {
  disable_api_termination = true
}

resource "aws_instance" "app" {
  subnet_id = aws_subnet.app.id
  launch_template {
    id = aws_launch_template.app.id
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "launch template of the module that leaves protection off is reported at the instance",
			Content: mynumberSubnet + `
resource "aws_launch_template" "app" {
  disable_api_termination = false
}

resource "aws_instance" "app" {
  subnet_id = aws_subnet.app.id
  launch_template {
    id = aws_launch_template.app.id
  }
}`,
			Expected: helper.Issues{evidenceIssue(rule, terminationOff("aws_instance.app"), 12, 1, 12, 30)},
			Fixed: mynumberSubnet + `
resource "aws_launch_template" "app" {
  disable_api_termination = false
}

resource "aws_instance" "app" {
  subnet_id = aws_subnet.app.id
  launch_template {
    id = aws_launch_template.app.id
  }
  disable_api_termination = true
}`,
		},
		{
			Name: "launch template outside the module is named in strict mode",
			Content: mynumberSubnet + `
resource "aws_instance" "app" {
  subnet_id = aws_subnet.app.id
  launch_template {
    name = "shared-app"
  }
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{evidenceIssue(notice, terminationStrict+"disable_api_termination: 未設定で、このモジュールにない起動テンプレートの設定に従います。"+terminationCite, 8, 1, 8, 30)},
		},
		{
			Name:     "English message",
			Content:  mynumberSubnet + "\nresource \"aws_instance\" \"app\" {\n  subnet_id = aws_subnet.app.id\n}",
			Config:   linttest.English(),
			Expected: helper.Issues{evidenceIssue(rule, "EC2 instance aws_instance.app is a server of the My Number segment (mynumber) but does not have termination protection on; set disable_api_termination = true so that it cannot be terminated by a mistaken or unauthorised operation (to terminate it, turn protection off first, following the documented procedure). [Guideline 4.7.1.6 / JIS Q 27017 CLD.12.1.5]", 8, 1, 8, 30)},
			Fixed:    mynumberSubnet + "\nresource \"aws_instance\" \"app\" {\n  subnet_id               = aws_subnet.app.id\n  disable_api_termination = true\n}",
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsInstanceTerminationProtectionRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
			want := map[string]string{}
			if tc.Fixed != "" {
				want["resource.tf"] = tc.Fixed
			}
			helper.AssertChanges(t, want, runner.Changes())
		})
	}
}
