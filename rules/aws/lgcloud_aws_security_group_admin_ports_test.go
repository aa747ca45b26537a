package aws

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

const securityRulesCite = " [指針 4.6.1.5 / JIS Q 27017 CLD.9.5.2, 12.2.1]"

// sgRange is a range in main.tf.
func sgRange(line, col, endLine, endCol int) hcl.Range {
	return hcl.Range{Filename: "main.tf", Start: hcl.Pos{Line: line, Column: col}, End: hcl.Pos{Line: endLine, Column: endCol}}
}

func adminPortsOpen(address, world, what string) string {
	return address + " の受信ルールが " + world + " から" + what + "を許可しています。仮想マシンでは必要なポートだけを有効にしてください。管理用の通信は送信元を管理端末や踏み台のアドレス範囲・セキュリティグループに限るか、AWS Systems Manager Session Manager など受信ポートを開けない方法にしてください。" + securityRulesCite
}

func TestAwsSecurityGroupAdminPortsRule(t *testing.T) {
	rule := NewAwsSecurityGroupAdminPortsRule()
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "inline SSH from 0.0.0.0/0 is reported at the address",
			Content: `
resource "aws_security_group" "web" {
  ingress {
    protocol    = "tcp"
    from_port   = 22
    to_port     = 22
    cidr_blocks = ["0.0.0.0/0"]
  }
}`,
			Expected: helper.Issues{{Rule: rule, Message: adminPortsOpen("aws_security_group.web", "0.0.0.0/0", "管理用ポート 22 (SSH) への通信"), Range: sgRange(7, 19, 7, 32)}},
		},
		{
			Name: "inline HTTPS from the world and SSH from a private range pass",
			Content: `
resource "aws_security_group" "web" {
  ingress {
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = ["0.0.0.0/0"]
  }
  ingress {
    protocol    = "tcp"
    from_port   = 22
    to_port     = 22
    cidr_blocks = ["10.0.0.0/8"]
  }
  egress {
    protocol    = "tcp"
    from_port   = 22
    to_port     = 22
    cidr_blocks = ["0.0.0.0/0"]
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "every protocol from ::/0",
			Content: `
resource "aws_security_group" "web" {
  ingress {
    protocol         = "-1"
    from_port        = 0
    to_port          = 0
    ipv6_cidr_blocks = ["::/0"]
  }
}`,
			Expected: helper.Issues{{Rule: rule, Message: adminPortsOpen("aws_security_group.web", "::/0", "のすべての通信（全プロトコル・全ポート）"), Range: sgRange(7, 24, 7, 32)}},
		},
		{
			Name: "every TCP and every UDP port",
			Content: `
resource "aws_security_group" "web" {
  ingress {
    protocol    = "6"
    from_port   = 0
    to_port     = 65535
    cidr_blocks = ["0.0.0.0/0", "10.0.0.0/8"]
  }
  ingress {
    protocol         = "udp"
    from_port        = 1
    to_port          = 65535
    cidr_blocks      = ["0.0.0.0/0"]
    ipv6_cidr_blocks = ["::/0"]
  }
}`,
			Expected: helper.Issues{
				{Rule: rule, Message: adminPortsOpen("aws_security_group.web", "0.0.0.0/0", "の TCP の全ポート（0-65535）"), Range: sgRange(7, 19, 7, 46)},
				{Rule: rule, Message: adminPortsOpen("aws_security_group.web", "0.0.0.0/0, ::/0", "の UDP の全ポート（1-65535）"), Range: sgRange(13, 24, 13, 37)},
			},
		},
		{
			Name: "a range holding administration ports names them",
			Content: `
resource "aws_security_group" "win" {
  ingress {
    protocol    = "tcp"
    from_port   = 3000
    to_port     = 6000
    cidr_blocks = ["0.0.0.0/0"]
  }
}`,
			Expected: helper.Issues{{Rule: rule, Message: adminPortsOpen("aws_security_group.win", "0.0.0.0/0", "管理用ポート 3389 (RDP), 5985 (WinRM HTTP), 5986 (WinRM HTTPS) への通信"), Range: sgRange(7, 19, 7, 32)}},
		},
		{
			Name: "UDP and ICMP on administration port numbers pass",
			Content: `
resource "aws_security_group" "web" {
  ingress {
    protocol    = "udp"
    from_port   = 22
    to_port     = 23
    cidr_blocks = ["0.0.0.0/0"]
  }
  ingress {
    protocol    = "icmp"
    from_port   = -1
    to_port     = -1
    cidr_blocks = ["0.0.0.0/0"]
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "aws_security_group_rule ingress is reported, egress is not",
			Content: `
resource "aws_security_group_rule" "rdp" {
  type              = "ingress"
  security_group_id = "sg-123"
  protocol          = "tcp"
  from_port         = 3389
  to_port           = 3389
  cidr_blocks       = ["0.0.0.0/0"]
}

resource "aws_security_group_rule" "out" {
  type              = "egress"
  security_group_id = "sg-123"
  protocol          = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_blocks       = ["0.0.0.0/0"]
}`,
			Expected: helper.Issues{{Rule: rule, Message: adminPortsOpen("aws_security_group_rule.rdp", "0.0.0.0/0", "管理用ポート 3389 (RDP) への通信"), Range: sgRange(8, 23, 8, 36)}},
		},
		{
			Name: "aws_vpc_security_group_ingress_rule",
			Content: `
resource "aws_vpc_security_group_ingress_rule" "winrm" {
  security_group_id = "sg-123"
  ip_protocol       = "tcp"
  from_port         = 5985
  to_port           = 5986
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_ingress_rule" "all" {
  security_group_id = "sg-123"
  ip_protocol       = "-1"
  cidr_ipv6         = "::/0"
}

resource "aws_vpc_security_group_ingress_rule" "https" {
  security_group_id = "sg-123"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}`,
			Expected: helper.Issues{
				{Rule: rule, Message: adminPortsOpen("aws_vpc_security_group_ingress_rule.winrm", "0.0.0.0/0", "管理用ポート 5985 (WinRM HTTP), 5986 (WinRM HTTPS) への通信"), Range: sgRange(7, 23, 7, 34)},
				{Rule: rule, Message: adminPortsOpen("aws_vpc_security_group_ingress_rule.all", "::/0", "のすべての通信（全プロトコル・全ポート）"), Range: sgRange(13, 23, 13, 29)},
			},
		},
		{
			Name: "inline rules of the default security group",
			Content: `
resource "aws_default_security_group" "default" {
  vpc_id = "vpc-123"
  ingress {
    protocol    = "tcp"
    from_port   = 3389
    to_port     = 3389
    cidr_blocks = ["0.0.0.0/0"]
  }
}`,
			Expected: helper.Issues{{Rule: rule, Message: adminPortsOpen("aws_default_security_group.default", "0.0.0.0/0", "管理用ポート 3389 (RDP) への通信"), Range: sgRange(8, 19, 8, 32)}},
		},
		{
			Name: "rules that name only security groups pass",
			Content: `
resource "aws_security_group" "app" {
  ingress {
    protocol        = "tcp"
    from_port       = 22
    to_port         = 22
    security_groups = ["sg-bastion"]
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "world address and port from variable defaults are reported at the address",
			Content: `
variable "admin_cidrs" {
  default = ["0.0.0.0/0"]
}

variable "port" {
  default = 23
}

resource "aws_security_group" "legacy" {
  ingress {
    protocol    = "tcp"
    from_port   = var.port
    to_port     = var.port
    cidr_blocks = var.admin_cidrs
  }
}`,
			Expected: helper.Issues{{Rule: rule, Message: adminPortsOpen("aws_security_group.legacy", "0.0.0.0/0", "管理用ポート 23 (Telnet) への通信"), Range: sgRange(15, 19, 15, 34)}},
		},
		{
			Name: "unknown address is not reported outside strict mode",
			Content: `
variable "admin_cidrs" {
  type = list(string)
}

resource "aws_security_group" "web" {
  ingress {
    protocol    = "tcp"
    from_port   = 22
    to_port     = 22
    cidr_blocks = var.admin_cidrs
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "unknown address is named by a strict notice",
			Content: `
variable "admin_cidrs" {
  type = list(string)
}

resource "aws_security_group" "web" {
  ingress {
    protocol    = "tcp"
    from_port   = 22
    to_port     = 22
    cidr_blocks = var.admin_cidrs
  }
  ingress {
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = var.admin_cidrs
  }
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(rule),
				Message: "strict: 管理用ポートや全ポートがインターネットに開いていないことを確認できません。cidr_blocks: lint 時に値が決まりません。" + securityRulesCite,
				Range:   sgRange(11, 19, 11, 34),
			}},
		},
		{
			Name: "unknown port from the world is named by a strict notice",
			Content: `
variable "port" {
  type = number
}

resource "aws_security_group_rule" "app" {
  type              = "ingress"
  security_group_id = "sg-123"
  protocol          = "tcp"
  from_port         = var.port
  to_port           = var.port
  cidr_blocks       = ["0.0.0.0/0"]
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(rule),
				Message: "strict: 管理用ポートや全ポートがインターネットに開いていないことを確認できません。from_port: lint 時に値が決まりません。" + securityRulesCite,
				Range:   sgRange(10, 23, 10, 31),
			}},
		},
		{
			Name: "groups of the closed segments are left to the isolation rule",
			Content: `
resource "aws_vpc" "mn" {
  cidr_block = "10.10.0.0/16"
  tags       = { Segment = "mynumber" }
}

resource "aws_security_group" "mn" {
  vpc_id = aws_vpc.mn.id
  ingress {
    protocol    = "tcp"
    from_port   = 22
    to_port     = 22
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group_rule" "mn_rdp" {
  type              = "ingress"
  security_group_id = aws_security_group.mn.id
  protocol          = "tcp"
  from_port         = 3389
  to_port           = 3389
  cidr_blocks       = ["0.0.0.0/0"]
}

resource "aws_vpc_security_group_ingress_rule" "mn_all" {
  security_group_id = aws_security_group.mn.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_security_group" "lgwan" {
  tags = { Segment = "lgwan" }
  ingress {
    protocol    = "tcp"
    from_port   = 22
    to_port     = 22
    cidr_blocks = ["0.0.0.0/0"]
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "groups of the internet segment and the DMZ are reported",
			Content: `
resource "aws_vpc" "dmz" {
  cidr_block = "10.40.0.0/16"
  tags       = { Segment = "dmz" }
}

resource "aws_security_group" "relay" {
  vpc_id = aws_vpc.dmz.id
  ingress {
    protocol    = "tcp"
    from_port   = 3389
    to_port     = 3389
    cidr_blocks = ["0.0.0.0/0"]
  }
}`,
			Expected: helper.Issues{{Rule: rule, Message: adminPortsOpen("aws_security_group.relay", "0.0.0.0/0", "管理用ポート 3389 (RDP) への通信"), Range: sgRange(13, 19, 13, 32)}},
		},
		{
			Name: "English message",
			Content: `
resource "aws_security_group_rule" "ssh" {
  type              = "ingress"
  security_group_id = "sg-123"
  protocol          = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_blocks       = ["0.0.0.0/0"]
}`,
			Config: linttest.English(),
			Expected: helper.Issues{{
				Rule:    rule,
				Message: "An ingress rule of aws_security_group_rule.ssh allows traffic to administration port 22 (SSH) from 0.0.0.0/0; enable only the ports a virtual machine needs. Restrict administration to the address ranges or security groups of the management terminals or a bastion, or use a way that needs no inbound port, such as AWS Systems Manager Session Manager. [Guideline 4.6.1.5 / JIS Q 27017 CLD.9.5.2, 12.2.1]",
				Range:   sgRange(8, 23, 8, 36),
			}},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsSecurityGroupAdminPortsRule(), map[string]string{"main.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}
