package aws

import (
	"slices"

	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/segment"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// Some measures depend on the segment a resource is placed in (segmentOf):
// the data stores and servers of the My Number segment are versioned,
// backed up and protected from termination; the logs of the closed
// segments and of the update DMZ are required, not only recommended. The
// rules that take such measures share what is here: whether a placement
// puts a resource in the segments a measure is about, the severity of a
// finding in them, where a finding belongs in a called module, and what
// strict mode names when the segment cannot be decided.

// guardedSegments are the segments whose evidence logs are required: the
// closed segments (My Number, LGWAN) and the update DMZ, whose traffic the
// guideline asks to watch every day (4.3.1.3).
var guardedSegments = []string{config.SegmentMyNumber, config.SegmentLGWAN, config.SegmentDMZ}

// inSegments is whether a resource is in the segments a measure is about.
type inSegments int

const (
	// notInSegments means the resource is in none of the segments (or in no
	// segment at all).
	notInSegments inSegments = iota
	// isInSegments means the resource is in one of the segments.
	isInSegments
	// segmentUndecided means the resource's segment cannot be decided at lint
	// time.
	segmentUndecided
)

// placedIn says whether a placement puts a resource in one of the given
// segments. A resource that joins segments (its own finding) is in each of
// them.
func placedIn(p segment.Placement, segments ...string) inSegments {
	for _, s := range p.Segments {
		if slices.Contains(segments, s) {
			return isInSegments
		}
	}
	if len(p.Segments) == 0 && p.Unknown != nil {
		return segmentUndecided
	}
	return notInSegments
}

// placedInMyNumber says whether a placement puts a resource in the My Number
// segment.
func placedInMyNumber(p segment.Placement) inSegments {
	return placedIn(p, config.SegmentMyNumber)
}

// guardedLog returns the rule, message and arguments of a finding that a
// network of placement p, named name, lacks an evidence log: an ERROR with
// segMsg (the segment's title, then name) when it is placed in one of the
// guardedSegments; the rule at its own level with msg (name) otherwise. A
// severity set in the rule block still wins.
func guardedLog(rule lint.Rule, p segment.Placement, msg, segMsg project.Text, name string) (lint.Rule, project.Text, []any) {
	for _, s := range p.Segments {
		if slices.Contains(guardedSegments, s) {
			return lint.AtSeverity(rule, tflint.ERROR), segMsg, []any{segment.Title(s), name}
		}
	}
	return rule, msg, []any{name}
}

// undecidedSegment is the value strict mode names when a measure depends on
// a resource's segment and the segment cannot be decided: at what could
// not be known (an unknown tag, a reference the plugin cannot follow), or
// at the resource.
func undecidedSegment(block *hclext.Block, p segment.Placement) lint.Value {
	v := lint.Value{State: lint.Unknown, Name: lint.Address(block), Range: block.DefRange}
	if u := p.Unknown; u != nil {
		if u.At.Range != (hcl.Range{}) {
			v.Range = u.At.Range
		}
		v.Why = segment.Undecided(u)
	}
	return v
}

// segmentFindingAt returns where to report that a resource breaks a
// measure of its segment: at, in the root module, or when expr (the
// setting at fault; nil when it is missing) uses a module input. In a
// called module a finding elsewhere is kept by TFLint only on an
// expression that uses an input: the first evidence of the placement that
// does (the segment tag passed to the module) is returned, so that TFLint
// reports the finding at the module call's argument; with none, at
// (which TFLint then drops: lint the module itself to see it).
func segmentFindingAt(runner *lint.Runner, p segment.Placement, at hcl.Range, expr hcl.Expression) (hcl.Range, error) {
	if in, ok, err := segmentInput(runner, p, expr); err != nil || ok {
		return in, err
	}
	return at, nil
}

// segmentInput returns, in a called module, the first evidence of the
// placement that uses a module input, unless expr (the setting at fault;
// nil when it is missing) uses one itself: where segmentFindingAt reports
// rather than at the resource. ok is false in the root module, or when
// there is no such evidence.
func segmentInput(runner *lint.Runner, p segment.Placement, expr hcl.Expression) (hcl.Range, bool, error) {
	root, err := runner.IsRoot()
	if err != nil || root || (expr != nil && lint.UsesInput(expr)) {
		return hcl.Range{}, false, err
	}
	for _, e := range p.At {
		if e.Input && e.Range != (hcl.Range{}) {
			return e.Range, true, nil
		}
	}
	return hcl.Range{}, false, nil
}

// SegmentReads returns what placing data stores in segments reads: a
// reader that calls (*DataStore).Segment declares it beside DataStoreReads.
func SegmentReads() lint.Reads {
	stores := lint.Reads{}
	for _, kind := range storeKinds {
		stores[kind.Type] = &hclext.BodySchema{}
	}
	return segmentLevelReads(stores)
}

// Segment returns the segment the store is placed in. The reader must
// declare SegmentReads.
func (s *DataStore) Segment(runner *lint.Runner, rule lint.Rule) (segment.Placement, error) {
	return segmentOf(runner, rule, s.Block)
}
