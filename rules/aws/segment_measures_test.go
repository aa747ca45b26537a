package aws

import (
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/segment"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

// assertSeverities checks what AssertIssues does not: that each issue has
// the severity of the expected one (issues compared in the order of their
// ranges and messages).
func assertSeverities(t *testing.T, want, got helper.Issues) {
	t.Helper()
	index := map[string]string{}
	for _, i := range want {
		index[i.Range.String()+i.Message] = i.Rule.Severity().String()
	}
	for _, i := range got {
		if sev, ok := index[i.Range.String()+i.Message]; ok && sev != i.Rule.Severity().String() {
			t.Errorf("%s: severity %s, want %s", i.Range, i.Rule.Severity(), sev)
		}
	}
}

func TestPlacedIn(t *testing.T) {
	unknown := &segment.Unknown{What: project.Text{JA: "tags", EN: "tags"}}
	cases := []struct {
		Name string
		P    segment.Placement
		Want inSegments
	}{
		{"in the segment", segment.Placement{Segments: []string{config.SegmentMyNumber}}, isInSegments},
		{"in another segment", segment.Placement{Segments: []string{config.SegmentInternet}}, notInSegments},
		{"in no segment", segment.Placement{}, notInSegments},
		{"joining the segment and another", segment.Placement{Segments: []string{config.SegmentInternet, config.SegmentMyNumber}}, isInSegments},
		{"segment not known", segment.Placement{Unknown: unknown}, segmentUndecided},
		{"known segment wins over an unknown ancestor", segment.Placement{Segments: []string{config.SegmentInternet}, Unknown: unknown}, notInSegments},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			if got := placedInMyNumber(tc.P); got != tc.Want {
				t.Errorf("placedInMyNumber = %d, want %d", got, tc.Want)
			}
		})
	}
}
