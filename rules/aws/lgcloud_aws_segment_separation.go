package aws

import (
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/segment"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// AwsSegmentSeparationRule checks that no two segments are joined: no
// peering between networks of different segments, no transit gateway route
// table shared by attachments of different segments, no route or security
// rule that leads to another segment's ranges or groups, no instance with
// interfaces in two segments, no network holding subnets of two segments,
// and no resource tagged one segment inside a network of another.
type AwsSegmentSeparationRule struct{ lint.Meta }

var _ lint.Rule = (*AwsSegmentSeparationRule)(nil)

// NewAwsSegmentSeparationRule returns the rule.
func NewAwsSegmentSeparationRule() *AwsSegmentSeparationRule {
	return &AwsSegmentSeparationRule{lint.Meta{
		RuleName: "lgcloud_aws_segment_separation",
		Level:    tflint.ERROR,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.3.1.1", "4.3.1.2"},
		Summary:  project.Text{JA: "セグメント同士を接続せず、ネットワークを分離する", EN: "No two segments are joined; each keeps its own networks"},
		Reads:    segmentReads(),
	}}
}

var msgSegmentJoined = project.Text{
	JA: "%[1]s。マイナンバー利用事務系と LGWAN 接続系は、他の領域とネットワークを分離する必要があります。%[2]s",
	EN: "%[1]s; the My Number and LGWAN segments must be separated from every other network area. %[2]s",
}

var fixSegmentJoined = project.Text{
	JA: "セグメントの間をつなぐ接続・ルート・ルールをなくし、セグメントごとに別のネットワークを使ってください。",
	EN: "Remove what joins the segments, and give each segment networks of its own.",
}

// Check reports what joins two segments.
func (r *AwsSegmentSeparationRule) Check(tr tflint.Runner) error {
	return reportSegmentProblems(lint.Of(tr), r, segment.Joined, msgSegmentJoined, fixSegmentJoined)
}
