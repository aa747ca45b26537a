package aws

import (
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsVpcFlowLogEnabledRule checks that every VPC of a module has a flow log
// that records all of its traffic. The flow logs of the networks of the My
// Number and LGWAN segments and of the update DMZ are required: a finding on
// such a VPC is an ERROR.
type AwsVpcFlowLogEnabledRule struct{ lint.Meta }

var _ lint.Rule = (*AwsVpcFlowLogEnabledRule)(nil)

// vpcFlowLogLink is how a flow log names its VPC.
var vpcFlowLogLink = logLink{Type: "aws_flow_log", Attr: "vpc_id", Target: "aws_vpc"}

// NewAwsVpcFlowLogEnabledRule returns the rule.
func NewAwsVpcFlowLogEnabledRule() *AwsVpcFlowLogEnabledRule {
	reads := segmentLevelReads(logLinkReads(lint.Reads{}, vpcFlowLogLink))
	addAttrs(reads, "aws_flow_log", "traffic_type")
	return &AwsVpcFlowLogEnabledRule{lint.Meta{
		RuleName: "lgcloud_aws_vpc_flow_log_enabled",
		Level:    tflint.WARNING,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.6.1.4"},
		Summary:  project.Text{JA: "VPC ごとにすべての通信を記録するフローログを設ける", EN: "Every VPC has a flow log of all its traffic"},
		Reads:    reads,
	}}
}

var msgVpcFlowLogMissing = project.Text{
	JA: "VPC %s にフローログがありません。通信の記録を監査・フォレンジックの証拠として残すため、vpc_id でこの VPC を参照する aws_flow_log を宣言してください。",
	EN: "VPC %s has no flow log; declare an aws_flow_log whose vpc_id refers to it, so that its traffic is kept as evidence for audit and forensics.",
}

var msgSegmentVpcFlowLogMissing = project.Text{
	JA: "%sの VPC %s にフローログがありません。このセグメントの通信の記録は監査・フォレンジックの証拠として欠かせないため、vpc_id でこの VPC を参照する aws_flow_log を宣言してください。",
	EN: "VPC %[2]s of the %[1]s has no flow log; the traffic of this segment must be kept as evidence for audit and forensics: declare an aws_flow_log whose vpc_id refers to it.",
}

var msgVpcFlowLogPartial = project.Text{
	JA: "VPC %s のフローログ %s は traffic_type = %q で、一部の通信しか記録しません。許可された通信も拒否された通信も証拠として残すため、traffic_type = \"ALL\" を設定してください。",
	EN: "VPC %s: flow log %s records only part of the traffic (traffic_type = %q); set traffic_type = \"ALL\" so that both accepted and rejected traffic are kept as evidence.",
}

var whatVpcFlowLog = project.Text{JA: "VPC フローログ", EN: "VPC flow logs"}

// Check reports each VPC that no flow log names by reference in vpc_id,
// and each flow log of a VPC that records only accepted or only rejected
// traffic: as an ERROR when the VPC is placed in the mynumber, lgwan or dmz
// segment, at the rule's level otherwise.
func (r *AwsVpcFlowLogEnabledRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	vpcs, err := runner.Resources(r, "aws_vpc")
	if err != nil {
		return err
	}
	if len(vpcs) == 0 {
		return nil
	}
	links, err := readLogLinks(runner, r, vpcFlowLogLink)
	if err != nil {
		return err
	}
	for _, vpc := range sortedLogBlocks(vpcs) {
		name := lint.Address(vpc)
		p, err := segmentOf(runner, r, vpc)
		if err != nil {
			return err
		}
		rule, msg, args := guardedLog(r, p, msgVpcFlowLogMissing, msgSegmentVpcFlowLogMissing, name)
		logs, err := requireLogged(runner, rule, links, vpc, whatVpcFlowLog, msg, args...)
		if err != nil {
			return err
		}
		for _, log := range logs {
			traffic := runner.Attr(log.Body, "traffic_type", cty.String)
			if s, ok := traffic.String(); ok && s != "ALL" {
				if err := runner.Report(rule, traffic.Range, msgVpcFlowLogPartial, name, lint.Address(log), s); err != nil {
					return err
				}
				continue
			}
			if err := runner.Unverified(r, traffic, whatVpcFlowLog); err != nil {
				return err
			}
		}
	}
	return nil
}
