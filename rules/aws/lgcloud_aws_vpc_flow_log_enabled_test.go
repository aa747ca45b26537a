package aws

import (
	"net/netip"
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

func vpcFlowLogMissing(vpc string) string {
	return "VPC " + vpc + " にフローログがありません。通信の記録を監査・フォレンジックの証拠として残すため、vpc_id でこの VPC を参照する aws_flow_log を宣言してください。 [指針 4.6.1.4 / JIS Q 27017 12.4.1, 16.1.7]"
}

func TestAwsVpcFlowLogEnabledRule(t *testing.T) {
	rule := NewAwsVpcFlowLogEnabledRule()
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "VPC without a flow log is reported at the VPC",
			Content: `
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}`,
			Expected: helper.Issues{evidenceIssue(rule, vpcFlowLogMissing("aws_vpc.main"), 2, 1, 2, 26)},
		},
		{
			Name: "VPC with a flow log that refers to it passes",
			Content: `
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_flow_log" "main" {
  vpc_id               = aws_vpc.main.id
  traffic_type         = "ALL"
  log_destination_type = "s3"
  log_destination      = "arn:aws:s3:::flow-logs"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "flow log that refers to an instance of a counted VPC passes",
			Content: `
resource "aws_vpc" "main" {
  count      = 1
  cidr_block = "10.0.0.0/16"
}

resource "aws_flow_log" "main" {
  count        = 1
  vpc_id       = aws_vpc.main[count.index].id
  traffic_type = "ALL"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "only the VPC without a flow log is reported",
			Content: `
resource "aws_vpc" "a" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_vpc" "b" {
  cidr_block = "10.1.0.0/16"
}

resource "aws_flow_log" "a" {
  vpc_id       = aws_vpc.a.id
  traffic_type = "ALL"
}`,
			Expected: helper.Issues{evidenceIssue(rule, vpcFlowLogMissing("aws_vpc.b"), 6, 1, 6, 23)},
		},
		{
			Name: "flow logs of subnets do not cover the VPC",
			Content: `
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "a" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.1.0/24"
}

resource "aws_flow_log" "a" {
  subnet_id    = aws_subnet.a.id
  traffic_type = "ALL"
}`,
			Expected: helper.Issues{evidenceIssue(rule, vpcFlowLogMissing("aws_vpc.main"), 2, 1, 2, 26)},
		},
		{
			Name: "flow log that records only rejected traffic is reported at traffic_type",
			Content: `
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_flow_log" "main" {
  vpc_id       = aws_vpc.main.id
  traffic_type = "REJECT"
}`,
			Expected: helper.Issues{evidenceIssue(rule, `VPC aws_vpc.main のフローログ aws_flow_log.main は traffic_type = "REJECT" で、一部の通信しか記録しません。許可された通信も拒否された通信も証拠として残すため、traffic_type = "ALL" を設定してください。 [指針 4.6.1.4 / JIS Q 27017 12.4.1, 16.1.7]`, 8, 18, 8, 26)},
		},
		{
			Name: "traffic_type from a variable default is reported at the reference",
			Content: `
variable "traffic_type" {
  default = "ACCEPT"
}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_flow_log" "main" {
  vpc_id       = aws_vpc.main.id
  traffic_type = var.traffic_type
}`,
			Expected: helper.Issues{evidenceIssue(rule, `VPC aws_vpc.main のフローログ aws_flow_log.main は traffic_type = "ACCEPT" で、一部の通信しか記録しません。許可された通信も拒否された通信も証拠として残すため、traffic_type = "ALL" を設定してください。 [指針 4.6.1.4 / JIS Q 27017 12.4.1, 16.1.7]`, 12, 18, 12, 34)},
		},
		{
			Name: "unknown traffic_type is not reported",
			Content: `
variable "traffic_type" {
  type = string
}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_flow_log" "main" {
  vpc_id       = aws_vpc.main.id
  traffic_type = var.traffic_type
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "unknown traffic_type is named by a strict notice",
			Content: `
variable "traffic_type" {
  type = string
}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_flow_log" "main" {
  vpc_id       = aws_vpc.main.id
  traffic_type = var.traffic_type
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{evidenceIssue(linttest.Notice(rule), "strict: VPC フローログを確認できません。traffic_type: lint 時に値が決まりません。 [指針 4.6.1.4 / JIS Q 27017 12.4.1, 16.1.7]", 12, 18, 12, 34)},
		},
		{
			Name: "flow log with a literal VPC ID leaves a VPC without flow log unreported",
			Content: `
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_flow_log" "legacy" {
  vpc_id       = "vpc-0123456789abcdef0"
  traffic_type = "ALL"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "flow log with a literal VPC ID makes a strict notice at the VPC",
			Content: `
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_flow_log" "legacy" {
  vpc_id       = "vpc-0123456789abcdef0"
  traffic_type = "ALL"
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{evidenceIssue(linttest.Notice(rule), "strict: VPC フローログを確認できません。aws_vpc.main: aws_flow_log.legacy の vpc_id がどの aws_vpc を指すか特定できません。 [指針 4.6.1.4 / JIS Q 27017 12.4.1, 16.1.7]", 2, 1, 2, 26)},
		},
		{
			Name: "flow log with an unknown VPC makes a strict notice at the VPC",
			Content: `
variable "vpc_id" {
  type = string
}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_flow_log" "shared" {
  vpc_id       = var.vpc_id
  traffic_type = "ALL"
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{evidenceIssue(linttest.Notice(rule), "strict: VPC フローログを確認できません。aws_vpc.main: aws_flow_log.shared の vpc_id がどの aws_vpc を指すか特定できません。 [指針 4.6.1.4 / JIS Q 27017 12.4.1, 16.1.7]", 6, 1, 6, 26)},
		},
		{
			Name: "flow log naming the VPC through another resource makes a strict notice",
			Content: `
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "a" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.1.0/24"
}

resource "aws_flow_log" "main" {
  vpc_id       = aws_subnet.a.vpc_id
  traffic_type = "ALL"
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{evidenceIssue(linttest.Notice(rule), "strict: VPC フローログを確認できません。aws_vpc.main: aws_flow_log.main の vpc_id がどの aws_vpc を指すか特定できません。 [指針 4.6.1.4 / JIS Q 27017 12.4.1, 16.1.7]", 2, 1, 2, 26)},
		},
		{
			Name: "VPC passed to a module is not reported",
			Content: `
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

module "logging" {
  source = "./modules/logging"
  vpc_id = aws_vpc.main.id
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "VPC passed to a module is named by a strict notice",
			Content: `
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

module "logging" {
  source = "./modules/logging"
  vpc_id = aws_vpc.main.id
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{evidenceIssue(linttest.Notice(rule), "strict: VPC フローログを確認できません。aws_vpc.main: モジュール logging に渡されており、そのモジュールが aws_flow_log を宣言しているかはこのモジュールから確認できません。 [指針 4.6.1.4 / JIS Q 27017 12.4.1, 16.1.7]", 2, 1, 2, 26)},
		},
		{
			Name: "module that does not receive the VPC changes nothing",
			Content: `
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

module "app" {
  source = "./modules/app"
  name   = "app"
}`,
			Expected: helper.Issues{evidenceIssue(rule, vpcFlowLogMissing("aws_vpc.main"), 2, 1, 2, 26)},
		},
		{
			Name:     "module without VPCs is not reported",
			Content:  `resource "aws_flow_log" "shared" { vpc_id = "vpc-0123456789abcdef0" }`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "English message",
			Content: `
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_vpc" "other" {
  cidr_block = "10.1.0.0/16"
}

resource "aws_flow_log" "other" {
  vpc_id       = aws_vpc.other.id
  traffic_type = "ACCEPT"
}`,
			Config: linttest.English(),
			Expected: helper.Issues{
				evidenceIssue(rule, "VPC aws_vpc.main has no flow log; declare an aws_flow_log whose vpc_id refers to it, so that its traffic is kept as evidence for audit and forensics. [Guideline 4.6.1.4 / JIS Q 27017 12.4.1, 16.1.7]", 2, 1, 2, 26),
				evidenceIssue(rule, `VPC aws_vpc.other: flow log aws_flow_log.other records only part of the traffic (traffic_type = "ACCEPT"); set traffic_type = "ALL" so that both accepted and rejected traffic are kept as evidence. [Guideline 4.6.1.4 / JIS Q 27017 12.4.1, 16.1.7]`, 12, 18, 12, 26),
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsVpcFlowLogEnabledRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}

func TestAwsVpcFlowLogEnabledRuleSegments(t *testing.T) {
	rule := NewAwsVpcFlowLogEnabledRule()
	errorRule := lint.AtSeverity(rule, tflint.ERROR)
	segmentMissing := func(segment, vpc string) string {
		return segment + "の VPC " + vpc + " にフローログがありません。このセグメントの通信の記録は監査・フォレンジックの証拠として欠かせないため、vpc_id でこの VPC を参照する aws_flow_log を宣言してください。 [指針 4.6.1.4 / JIS Q 27017 12.4.1, 16.1.7]"
	}
	cidrs := config.Default()
	cidrs.Segments[config.SegmentDMZ].CIDRs = []netip.Prefix{netip.MustParsePrefix("10.30.0.0/16")}
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "VPC of the mynumber segment without a flow log is an ERROR",
			Content: `
resource "aws_vpc" "mynumber" {
  cidr_block = "10.10.0.0/16"
  tags       = { Segment = "mynumber" }
}`,
			Expected: helper.Issues{evidenceIssue(errorRule, segmentMissing("マイナンバー利用事務系（mynumber）", "aws_vpc.mynumber"), 2, 1, 2, 30)},
		},
		{
			Name: "VPC of the lgwan segment by provider default_tags is an ERROR",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
  default_tags {
    tags = { Segment = "LGWAN" }
  }
}

resource "aws_vpc" "lgwan" {
  cidr_block = "10.20.0.0/16"
}`,
			Expected: helper.Issues{evidenceIssue(errorRule, segmentMissing("LGWAN接続系（lgwan）", "aws_vpc.lgwan"), 9, 1, 9, 27)},
		},
		{
			Name: "VPC of the dmz by its configured CIDR is an ERROR",
			Content: `
resource "aws_vpc" "relay" {
  cidr_block = "10.30.0.0/16"
}`,
			Config:   cidrs,
			Expected: helper.Issues{evidenceIssue(errorRule, segmentMissing("更新用 DMZ（dmz）", "aws_vpc.relay"), 2, 1, 2, 27)},
		},
		{
			Name: "partial flow log of a mynumber VPC is an ERROR",
			Content: `
resource "aws_vpc" "mynumber" {
  cidr_block = "10.10.0.0/16"
  tags       = { Segment = "mynumber" }
}

resource "aws_flow_log" "mynumber" {
  vpc_id       = aws_vpc.mynumber.id
  traffic_type = "REJECT"
}`,
			Expected: helper.Issues{evidenceIssue(errorRule, `VPC aws_vpc.mynumber のフローログ aws_flow_log.mynumber は traffic_type = "REJECT" で、一部の通信しか記録しません。許可された通信も拒否された通信も証拠として残すため、traffic_type = "ALL" を設定してください。 [指針 4.6.1.4 / JIS Q 27017 12.4.1, 16.1.7]`, 9, 18, 9, 26)},
		},
		{
			Name: "mynumber VPC with a flow log of all traffic passes",
			Content: `
resource "aws_vpc" "mynumber" {
  cidr_block = "10.10.0.0/16"
  tags       = { Segment = "mynumber" }
}

resource "aws_flow_log" "mynumber" {
  vpc_id       = aws_vpc.mynumber.id
  traffic_type = "ALL"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "VPC of the internet segment stays a WARNING",
			Content: `
resource "aws_vpc" "internet" {
  cidr_block = "10.40.0.0/16"
  tags       = { Segment = "internet" }
}`,
			Expected: helper.Issues{evidenceIssue(rule, vpcFlowLogMissing("aws_vpc.internet"), 2, 1, 2, 30)},
		},
		{
			Name: "VPC whose segment cannot be known stays a WARNING",
			Content: `
variable "segment" {
  type = string
}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
  tags       = { Segment = var.segment }
}`,
			Expected: helper.Issues{evidenceIssue(rule, vpcFlowLogMissing("aws_vpc.main"), 6, 1, 6, 26)},
		},
		{
			Name: "English message names the segment",
			Content: `
resource "aws_vpc" "mynumber" {
  cidr_block = "10.10.0.0/16"
  tags       = { Segment = "mynumber" }
}`,
			Config:   linttest.English(),
			Expected: helper.Issues{evidenceIssue(errorRule, "VPC aws_vpc.mynumber of the My Number segment (mynumber) has no flow log; the traffic of this segment must be kept as evidence for audit and forensics: declare an aws_flow_log whose vpc_id refers to it. [Guideline 4.6.1.4 / JIS Q 27017 12.4.1, 16.1.7]", 2, 1, 2, 30)},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsVpcFlowLogEnabledRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
			assertSeverities(t, tc.Expected, runner.Issues)
		})
	}
}
