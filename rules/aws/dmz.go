package aws

import (
	"slices"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/segment"
)

// The update DMZ (guideline 4.3.1.3) as the rules about it see a
// placement of the segment model.

// inDMZ reports whether a resource is placed in the DMZ (alone, or as one
// of the segments it joins).
func inDMZ(p segment.Placement) bool { return slices.Contains(p.Segments, config.SegmentDMZ) }

// maybeInDMZ reports whether a resource is placed in the DMZ or its
// segment cannot be decided: strict mode then names what a rule about the
// DMZ would report.
func maybeInDMZ(p segment.Placement) bool {
	return inDMZ(p) || (len(p.Segments) == 0 && p.Unknown != nil)
}
