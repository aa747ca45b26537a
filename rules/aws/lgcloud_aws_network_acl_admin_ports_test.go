package aws

import (
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func aclAdminPorts(subject, world, what string) string {
	return subject + " が " + world + " から" + what + "を許可しています。仮想マシンでは必要なポートだけを有効にしてください。管理用の通信は送信元を管理端末や踏み台のアドレス範囲に限ってください。戻りの通信のためにエフェメラルポート（1024-65535 など）を許可するときは、管理用ポートを拒否するルールをそれより小さい番号で置いてください。" + securityRulesCite
}

func TestAwsNetworkACLAdminPortsRule(t *testing.T) {
	rule := NewAwsNetworkACLAdminPortsRule()
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "inline SSH from 0.0.0.0/0 is reported at the address",
			Content: `
resource "aws_network_acl" "public" {
  vpc_id = "vpc-123"

  ingress {
    rule_no    = 100
    action     = "allow"
    protocol   = "tcp"
    from_port  = 22
    to_port    = 22
    cidr_block = "0.0.0.0/0"
  }
}`,
			Expected: helper.Issues{{Rule: rule, Message: aclAdminPorts("ネットワーク ACL aws_network_acl.public の受信ルール 100", "0.0.0.0/0", "管理用ポート 22 (SSH) への通信"), Range: sgRange(11, 18, 11, 29)}},
		},
		{
			Name: "every protocol from ::/0 in the default network ACL",
			Content: `
resource "aws_default_network_acl" "default" {
  default_network_acl_id = "acl-123"

  ingress {
    rule_no         = 100
    action          = "allow"
    protocol        = "-1"
    from_port       = 0
    to_port         = 0
    ipv6_cidr_block = "::/0"
  }
}`,
			Expected: helper.Issues{{Rule: rule, Message: aclAdminPorts("ネットワーク ACL aws_default_network_acl.default の受信ルール 100", "::/0", "のすべての通信（全プロトコル・全ポート）"), Range: sgRange(11, 23, 11, 29)}},
		},
		{
			Name: "the ephemeral range holds RDP and WinRM",
			Content: `
resource "aws_network_acl" "public" {
  vpc_id = "vpc-123"

  ingress {
    rule_no    = 200
    action     = "allow"
    protocol   = "6"
    from_port  = 1024
    to_port    = 65535
    cidr_block = "0.0.0.0/0"
  }
}`,
			Expected: helper.Issues{{Rule: rule, Message: aclAdminPorts("ネットワーク ACL aws_network_acl.public の受信ルール 200", "0.0.0.0/0", "管理用ポート 3389 (RDP), 5985 (WinRM HTTP), 5986 (WinRM HTTPS) への通信"), Range: sgRange(11, 18, 11, 29)}},
		},
		{
			Name: "earlier deny entries close the administration ports",
			Content: `
resource "aws_network_acl" "public" {
  vpc_id = "vpc-123"

  ingress {
    rule_no    = 90
    action     = "deny"
    protocol   = "tcp"
    from_port  = 3389
    to_port    = 3389
    cidr_block = "0.0.0.0/0"
  }
  ingress {
    rule_no    = 91
    action     = "deny"
    protocol   = "tcp"
    from_port  = 5985
    to_port    = 5986
    cidr_block = "0.0.0.0/0"
  }
  ingress {
    rule_no    = 200
    action     = "allow"
    protocol   = "tcp"
    from_port  = 1024
    to_port    = 65535
    cidr_block = "0.0.0.0/0"
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "a deny entry after the allow, or for part of the world, does not close a port",
			Content: `
resource "aws_network_acl" "public" {
  vpc_id = "vpc-123"

  ingress {
    rule_no    = 300
    action     = "deny"
    protocol   = "tcp"
    from_port  = 3389
    to_port    = 3389
    cidr_block = "0.0.0.0/0"
  }
  ingress {
    rule_no    = 90
    action     = "deny"
    protocol   = "-1"
    from_port  = 0
    to_port    = 0
    cidr_block = "203.0.113.0/24"
  }
  ingress {
    rule_no         = 91
    action          = "deny"
    protocol        = "-1"
    from_port       = 0
    to_port         = 0
    ipv6_cidr_block = "::/0"
  }
  ingress {
    rule_no    = 200
    action     = "allow"
    protocol   = "tcp"
    from_port  = 3389
    to_port    = 3389
    cidr_block = "0.0.0.0/0"
  }
}`,
			Expected: helper.Issues{{Rule: rule, Message: aclAdminPorts("ネットワーク ACL aws_network_acl.public の受信ルール 200", "0.0.0.0/0", "管理用ポート 3389 (RDP) への通信"), Range: sgRange(35, 18, 35, 29)}},
		},
		{
			Name: "HTTPS, UDP, egress, private sources and deny entries pass",
			Content: `
resource "aws_network_acl" "public" {
  vpc_id = "vpc-123"

  ingress {
    rule_no    = 100
    action     = "allow"
    protocol   = "tcp"
    from_port  = 443
    to_port    = 443
    cidr_block = "0.0.0.0/0"
  }
  ingress {
    rule_no    = 110
    action     = "allow"
    protocol   = "udp"
    from_port  = 0
    to_port    = 65535
    cidr_block = "0.0.0.0/0"
  }
  ingress {
    rule_no    = 120
    action     = "allow"
    protocol   = "tcp"
    from_port  = 22
    to_port    = 22
    cidr_block = "10.0.0.0/8"
  }
  ingress {
    rule_no    = 130
    action     = "deny"
    protocol   = "-1"
    from_port  = 0
    to_port    = 0
    cidr_block = "0.0.0.0/0"
  }
  egress {
    rule_no    = 100
    action     = "allow"
    protocol   = "-1"
    from_port  = 0
    to_port    = 0
    cidr_block = "0.0.0.0/0"
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "aws_network_acl_rule resources, with the deny rules of the same ACL",
			Content: `
resource "aws_network_acl_rule" "deny_ssh" {
  network_acl_id = aws_network_acl.public.id
  rule_number    = 10
  egress         = false
  protocol       = "tcp"
  rule_action    = "deny"
  cidr_block     = "0.0.0.0/0"
  from_port      = 22
  to_port        = 22
}

resource "aws_network_acl_rule" "admin" {
  network_acl_id = aws_network_acl.public.id
  rule_number    = 100
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
  from_port      = 20
  to_port        = 25
}

resource "aws_network_acl_rule" "other_acl" {
  network_acl_id = aws_network_acl.private.id
  rule_number    = 100
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
  from_port      = 22
  to_port        = 22
}

resource "aws_network_acl_rule" "out" {
  network_acl_id = aws_network_acl.public.id
  rule_number    = 100
  egress         = true
  protocol       = "-1"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
}`,
			Expected: helper.Issues{
				{Rule: rule, Message: aclAdminPorts("ネットワーク ACL ルール aws_network_acl_rule.admin", "0.0.0.0/0", "管理用ポート 23 (Telnet) への通信"), Range: sgRange(18, 20, 18, 31)},
				{Rule: rule, Message: aclAdminPorts("ネットワーク ACL ルール aws_network_acl_rule.other_acl", "0.0.0.0/0", "管理用ポート 22 (SSH) への通信"), Range: sgRange(28, 20, 28, 31)},
			},
		},
		{
			Name: "world source from a variable default is reported at the reference",
			Content: `
variable "source_cidr" {
  default = "0.0.0.0/0"
}

resource "aws_network_acl_rule" "ssh" {
  network_acl_id = "acl-123"
  rule_number    = 100
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = var.source_cidr
  from_port      = 22
  to_port        = 22
}`,
			Expected: helper.Issues{{Rule: rule, Message: aclAdminPorts("ネットワーク ACL ルール aws_network_acl_rule.ssh", "0.0.0.0/0", "管理用ポート 22 (SSH) への通信"), Range: sgRange(11, 20, 11, 35)}},
		},
		{
			Name: "unknown source is named by a strict notice",
			Content: `
variable "source_cidr" {
  type = string
}

resource "aws_network_acl_rule" "ssh" {
  network_acl_id = "acl-123"
  rule_number    = 100
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = var.source_cidr
  from_port      = 22
  to_port        = 22
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(rule),
				Message: "strict: ネットワーク ACL が管理用ポートをインターネットに開いていないことを確認できません。cidr_block: lint 時に値が決まりません。" + securityRulesCite,
				Range:   sgRange(11, 20, 11, 35),
			}},
		},
		{
			Name: "unknown rule number of a deny entry is named by a strict notice",
			Content: `
variable "deny_number" {
  type = number
}

resource "aws_network_acl" "public" {
  vpc_id = "vpc-123"

  ingress {
    rule_no    = var.deny_number
    action     = "deny"
    protocol   = "tcp"
    from_port  = 22
    to_port    = 22
    cidr_block = "0.0.0.0/0"
  }
  ingress {
    rule_no    = 100
    action     = "allow"
    protocol   = "tcp"
    from_port  = 22
    to_port    = 22
    cidr_block = "0.0.0.0/0"
  }
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(rule),
				Message: "strict: ネットワーク ACL が管理用ポートをインターネットに開いていないことを確認できません。rule_no: lint 時に値が決まりません。" + securityRulesCite,
				Range:   sgRange(10, 18, 10, 33),
			}},
		},
		{
			Name: "unknown values are not reported outside strict mode",
			Content: `
variable "deny_number" {
  type = number
}

resource "aws_network_acl" "public" {
  vpc_id = "vpc-123"

  ingress {
    rule_no    = var.deny_number
    action     = "deny"
    protocol   = "tcp"
    from_port  = 22
    to_port    = 22
    cidr_block = "0.0.0.0/0"
  }
  ingress {
    rule_no    = 100
    action     = "allow"
    protocol   = "tcp"
    from_port  = 22
    to_port    = 22
    cidr_block = "0.0.0.0/0"
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "English message",
			Content: `
resource "aws_network_acl" "public" {
  vpc_id = "vpc-123"

  ingress {
    rule_no    = 100
    action     = "allow"
    protocol   = "all"
    from_port  = 0
    to_port    = 0
    cidr_block = "0.0.0.0/0"
  }
}`,
			Config: linttest.English(),
			Expected: helper.Issues{{
				Rule:    rule,
				Message: "Ingress rule 100 of network ACL aws_network_acl.public allows all traffic (every protocol and port) from 0.0.0.0/0; enable only the ports a virtual machine needs. Restrict administration to the address ranges of the management terminals or a bastion; where return traffic needs the ephemeral ports (such as 1024-65535), put rules that deny the administration ports before it, with smaller rule numbers. [Guideline 4.6.1.5 / JIS Q 27017 CLD.9.5.2, 12.2.1]",
				Range:   sgRange(11, 18, 11, 29),
			}},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsNetworkACLAdminPortsRule(), map[string]string{"main.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}
