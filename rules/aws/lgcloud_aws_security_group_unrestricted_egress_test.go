package aws

import (
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

const egressCite = " [指針 4.6.1.5, 4.3.1.3 / JIS Q 27017 CLD.9.5.2, 12.2.1, 13.1.3, 12.6.1]"

func egressOpen(address, world, what string) string {
	return address + " の送信ルールが " + world + " への" + what + "を許可しています。仮想マシンでは必要なポートだけを有効にし、送信先とポートを必要なもの（例: VPC エンドポイントやプロキシへの HTTPS 443）に限ってください。" + egressCite
}

func egressOpenDMZ(address, world, what string) string {
	return "更新用 DMZ にある " + address + " の送信ルールが " + world + " への" + what + "を許可しています。DMZ の外向き通信は FQDN の許可リストを持つファイアウォールを通す必要があります。DMZ の中継サーバ（更新サーバ）には必要なポート（例: HTTPS 443）だけを、ファイアウォール宛てに許可してください。" + egressCite
}

const allTraffic = "すべての通信（全プロトコル・全ポート）"

func TestAwsSecurityGroupUnrestrictedEgressRule(t *testing.T) {
	rule := NewAwsSecurityGroupUnrestrictedEgressRule()
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "inline egress of every protocol to 0.0.0.0/0 is reported at the address",
			Content: `
resource "aws_security_group" "web" {
  egress {
    protocol    = "-1"
    from_port   = 0
    to_port     = 0
    cidr_blocks = ["0.0.0.0/0"]
  }
}`,
			Expected: helper.Issues{{Rule: rule, Message: egressOpen("aws_security_group.web", "0.0.0.0/0", allTraffic), Range: sgRange(7, 19, 7, 32)}},
		},
		{
			Name: "every TCP port to ::/0",
			Content: `
resource "aws_security_group" "web" {
  egress {
    protocol         = "tcp"
    from_port        = 0
    to_port          = 65535
    ipv6_cidr_blocks = ["::/0"]
  }
}`,
			Expected: helper.Issues{{Rule: rule, Message: egressOpen("aws_security_group.web", "::/0", " TCP の全ポート（0-65535）"), Range: sgRange(7, 24, 7, 32)}},
		},
		{
			Name: "egress of one port to the world, every protocol to a private range and ingress pass",
			Content: `
resource "aws_security_group" "web" {
  egress {
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = ["0.0.0.0/0"]
  }
  egress {
    protocol    = "-1"
    from_port   = 0
    to_port     = 0
    cidr_blocks = ["10.0.0.0/8"]
  }
  ingress {
    protocol    = "-1"
    from_port   = 0
    to_port     = 0
    cidr_blocks = ["0.0.0.0/0"]
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "aws_security_group_rule and aws_vpc_security_group_egress_rule",
			Content: `
resource "aws_security_group_rule" "out" {
  type              = "egress"
  security_group_id = "sg-123"
  protocol          = "all"
  from_port         = 0
  to_port           = 0
  cidr_blocks       = ["0.0.0.0/0"]
}

resource "aws_vpc_security_group_egress_rule" "out" {
  security_group_id = "sg-123"
  ip_protocol       = "-1"
  cidr_ipv6         = "::/0"
}

resource "aws_vpc_security_group_egress_rule" "https" {
  security_group_id = "sg-123"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}`,
			Expected: helper.Issues{
				{Rule: rule, Message: egressOpen("aws_security_group_rule.out", "0.0.0.0/0", allTraffic), Range: sgRange(8, 23, 8, 36)},
				{Rule: rule, Message: egressOpen("aws_vpc_security_group_egress_rule.out", "::/0", allTraffic), Range: sgRange(14, 23, 14, 29)},
			},
		},
		{
			Name: "a group of the DMZ is told to go through the firewall",
			Content: `
resource "aws_vpc" "dmz" {
  cidr_block = "10.40.0.0/16"
  tags       = { Segment = "dmz" }
}

resource "aws_security_group" "relay" {
  vpc_id = aws_vpc.dmz.id
}

resource "aws_vpc_security_group_egress_rule" "relay_all" {
  security_group_id = aws_security_group.relay.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_egress_rule" "relay_https" {
  security_group_id = aws_security_group.relay.id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}`,
			Expected: helper.Issues{{Rule: lint.AtSeverity(rule, tflint.ERROR), Message: egressOpenDMZ("aws_vpc_security_group_egress_rule.relay_all", "0.0.0.0/0", allTraffic), Range: sgRange(14, 23, 14, 34)}},
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
  egress {
    protocol    = "-1"
    from_port   = 0
    to_port     = 0
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group_rule" "mn_out" {
  type              = "egress"
  security_group_id = aws_security_group.mn.id
  protocol          = "-1"
  from_port         = 0
  to_port           = 0
  cidr_blocks       = ["0.0.0.0/0"]
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "world address from a variable default is reported at the reference",
			Content: `
variable "egress_cidrs" {
  default = ["0.0.0.0/0"]
}

resource "aws_security_group" "web" {
  egress {
    protocol    = "-1"
    from_port   = 0
    to_port     = 0
    cidr_blocks = var.egress_cidrs
  }
}`,
			Expected: helper.Issues{{Rule: rule, Message: egressOpen("aws_security_group.web", "0.0.0.0/0", allTraffic), Range: sgRange(11, 19, 11, 35)}},
		},
		{
			Name: "unknown protocol to the world is named by a strict notice only",
			Content: `
variable "protocol" {
  type = string
}

resource "aws_security_group" "web" {
  egress {
    protocol    = var.protocol
    from_port   = 0
    to_port     = 0
    cidr_blocks = ["0.0.0.0/0"]
  }
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(rule),
				Message: "strict: インターネットへの全プロトコル・全ポートの送信が許可されていないことを確認できません。protocol: lint 時に値が決まりません。" + egressCite,
				Range:   sgRange(8, 19, 8, 31),
			}},
		},
		{
			Name: "unknown protocol is not reported outside strict mode",
			Content: `
variable "protocol" {
  type = string
}

resource "aws_security_group" "web" {
  egress {
    protocol    = var.protocol
    from_port   = 0
    to_port     = 0
    cidr_blocks = ["0.0.0.0/0"]
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "English message in the DMZ",
			Content: `
resource "aws_security_group" "relay" {
  tags = { Segment = "dmz" }
  egress {
    protocol    = "-1"
    from_port   = 0
    to_port     = 0
    cidr_blocks = ["0.0.0.0/0"]
  }
}`,
			Config: linttest.English(),
			Expected: helper.Issues{{
				Rule:    lint.AtSeverity(rule, tflint.ERROR),
				Message: "An egress rule of aws_security_group.relay, in the update DMZ, allows all traffic (every protocol and port) to 0.0.0.0/0; the DMZ's outbound traffic must pass a firewall with an FQDN allowlist. Allow the DMZ's relay (update) servers only the ports they need (for example HTTPS 443), to the firewall. [Guideline 4.6.1.5, 4.3.1.3 / JIS Q 27017 CLD.9.5.2, 12.2.1, 13.1.3, 12.6.1]",
				Range:   sgRange(8, 19, 8, 32),
			}},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsSecurityGroupUnrestrictedEgressRule(), map[string]string{"main.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}
