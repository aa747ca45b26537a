package aws

import (
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/segment"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// AwsSegmentInternetIsolationRule checks that the My Number and LGWAN
// segments have no path to the internet: no internet or egress-only
// gateway in their networks, no route to a public range through one or a
// NAT gateway, no public NAT gateway, no public IP, no internet-facing load
// balancer, no publicly accessible database, no security rule to or from
// 0.0.0.0/0 or ::/0.
type AwsSegmentInternetIsolationRule struct{ lint.Meta }

var _ lint.Rule = (*AwsSegmentInternetIsolationRule)(nil)

// NewAwsSegmentInternetIsolationRule returns the rule.
func NewAwsSegmentInternetIsolationRule() *AwsSegmentInternetIsolationRule {
	return &AwsSegmentInternetIsolationRule{lint.Meta{
		RuleName: "lgcloud_aws_segment_internet_isolation",
		Level:    tflint.ERROR,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.3.1.1", "4.3.1.2", "4.3.1.GC1"},
		Summary:  project.Text{JA: "マイナンバー利用事務系と LGWAN 接続系からインターネットへの経路をなくす", EN: "The My Number and LGWAN segments have no path to the internet"},
		Reads:    segmentReads(),
	}}
}

var msgSegmentInternet = project.Text{
	JA: "%[1]s。閉じたセグメント（マイナンバー利用事務系・LGWAN接続系）はインターネットに接続できないようにする必要があります。%[2]s",
	EN: "%[1]s; the closed segments (My Number, LGWAN) must not be able to connect to the internet. %[2]s",
}

var fixSegmentInternet = project.Text{
	JA: "インターネットへの経路をなくし、オンプレミスへは専用線（Transit Gateway、仮想プライベートゲートウェイ）で、AWS のサービスへは VPC エンドポイントでつないでください。",
	EN: "Remove the path to the internet; reach on-premises through a dedicated line (a transit gateway or a virtual private gateway) and AWS services through VPC endpoints.",
}

// Check reports what connects a closed segment to the internet.
func (r *AwsSegmentInternetIsolationRule) Check(tr tflint.Runner) error {
	return reportSegmentProblems(lint.Of(tr), r, segment.Internet, msgSegmentInternet, fixSegmentInternet)
}
