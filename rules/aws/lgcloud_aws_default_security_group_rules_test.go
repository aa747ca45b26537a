package aws

import (
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func defaultGroupRule(address, kind, attr string) string {
	return "既定のセキュリティグループ " + address + " が" + kind + "ルールを宣言しています。既定のセキュリティグループはグループを指定せずに作られた資源に付くため、何も許可しないでください。" + attr + " を削除し、資源ごとに必要なポートだけを開けたセキュリティグループを割り当ててください。" + securityRulesCite
}

func TestAwsDefaultSecurityGroupRulesRule(t *testing.T) {
	rule := NewAwsDefaultSecurityGroupRulesRule()
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "ingress and egress blocks are reported at each block",
			Content: `
resource "aws_default_security_group" "default" {
  vpc_id = "vpc-123"

  ingress {
    protocol  = -1
    self      = true
    from_port = 0
    to_port   = 0
  }

  egress {
    protocol    = "-1"
    from_port   = 0
    to_port     = 0
    cidr_blocks = ["0.0.0.0/0"]
  }
}`,
			Expected: helper.Issues{
				{Rule: rule, Message: defaultGroupRule("aws_default_security_group.default", "受信", "ingress"), Range: sgRange(5, 3, 5, 10)},
				{Rule: rule, Message: defaultGroupRule("aws_default_security_group.default", "送信", "egress"), Range: sgRange(12, 3, 12, 9)},
			},
		},
		{
			Name: "a default group without rules passes",
			Content: `
resource "aws_default_security_group" "default" {
  vpc_id = "vpc-123"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "empty rule lists pass",
			Content: `
resource "aws_default_security_group" "default" {
  vpc_id  = "vpc-123"
  ingress = []
  egress  = []
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "a rule list attribute is reported at its value",
			Content: `
variable "default_ingress" {
  default = [{
    protocol         = "tcp"
    from_port        = 443
    to_port          = 443
    cidr_blocks      = ["10.0.0.0/8"]
    description      = null
    ipv6_cidr_blocks = null
    prefix_list_ids  = null
    security_groups  = null
    self             = null
  }]
}

resource "aws_default_security_group" "default" {
  vpc_id  = "vpc-123"
  ingress = var.default_ingress
}`,
			Expected: helper.Issues{{Rule: rule, Message: defaultGroupRule("aws_default_security_group.default", "受信", "ingress"), Range: sgRange(18, 13, 18, 32)}},
		},
		{
			Name: "an unknown rule list is named by a strict notice",
			Content: `
variable "default_egress" {
  type = list(any)
}

resource "aws_default_security_group" "default" {
  vpc_id = "vpc-123"
  egress = var.default_egress
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(rule),
				Message: "strict: 既定のセキュリティグループが何も許可しないことを確認できません。egress: lint 時に値が決まりません。" + securityRulesCite,
				Range:   sgRange(8, 12, 8, 30),
			}},
		},
		{
			Name: "an unknown rule list is not reported outside strict mode",
			Content: `
variable "default_egress" {
  type = list(any)
}

resource "aws_default_security_group" "default" {
  vpc_id = "vpc-123"
  egress = var.default_egress
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "English message",
			Content: `
resource "aws_default_security_group" "default" {
  egress {
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = ["10.0.0.0/8"]
  }
}`,
			Config: linttest.English(),
			Expected: helper.Issues{{
				Rule:    rule,
				Message: "Default security group aws_default_security_group.default declares an egress rule; the default group is attached to every resource created without a group of its own, so it should allow nothing. Remove the egress rules, and give each resource a security group that opens only the ports it needs. [Guideline 4.6.1.5 / JIS Q 27017 CLD.9.5.2, 12.2.1]",
				Range:   sgRange(3, 3, 3, 9),
			}},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsDefaultSecurityGroupRulesRule(), map[string]string{"main.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}
