package aws

import (
	"maps"
	"slices"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsCloudtrailLoggingRule checks that CloudTrail trails log what the audit
// trail must hold: logging on, every region, global service events, and
// every read and write management event.
type AwsCloudtrailLoggingRule struct{ lint.Meta }

var _ lint.Rule = (*AwsCloudtrailLoggingRule)(nil)

// NewAwsCloudtrailLoggingRule returns the rule.
func NewAwsCloudtrailLoggingRule() *AwsCloudtrailLoggingRule {
	return &AwsCloudtrailLoggingRule{lint.Meta{
		RuleName: "lgcloud_aws_cloudtrail_logging",
		Level:    tflint.ERROR,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.7.1.2", "4.7.1.3"},
		Summary: project.Text{
			JA: "CloudTrail の証跡で、全リージョン・グローバルサービスの読み取りと書き込みの管理イベントを記録する",
			EN: "CloudTrail trails log every read and write management event, in every region, with global service events",
		},
		Reads: lint.Reads{"aws_cloudtrail": trailScopeSchema()},
	}}
}

// trailScopeSchema is what decides which events a trail logs.
func trailScopeSchema() *hclext.BodySchema {
	fieldSelector := &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "field"}}}
	for _, op := range trailSelectorOperators {
		fieldSelector.Attributes = append(fieldSelector.Attributes, hclext.AttributeSchema{Name: op})
	}
	return &hclext.BodySchema{
		Attributes: []hclext.AttributeSchema{
			{Name: "enable_logging"},
			{Name: "is_multi_region_trail"},
			{Name: "include_global_service_events"},
		},
		Blocks: []hclext.BlockSchema{
			{
				Type: "event_selector",
				Body: &hclext.BodySchema{Attributes: []hclext.AttributeSchema{
					{Name: "include_management_events"},
					{Name: "read_write_type"},
				}},
			},
			{
				Type: "advanced_event_selector",
				Body: &hclext.BodySchema{Blocks: []hclext.BlockSchema{{Type: "field_selector", Body: fieldSelector}}},
			},
		},
	}
}

// trailSelectorOperators are the operators of an advanced field selector.
var trailSelectorOperators = []string{"equals", "not_equals", "starts_with", "not_starts_with", "ends_with", "not_ends_with"}

var (
	msgTrailLoggingOff = project.Text{
		JA: "CloudTrail %s のログ記録が停止されています。enable_logging = true を設定してください。",
		EN: "CloudTrail %s has logging turned off; set enable_logging = true.",
	}
	msgTrailSingleRegion = project.Text{
		JA: "CloudTrail %s は作成したリージョンの操作しか記録しません。すべてのリージョンの操作を記録するよう、is_multi_region_trail = true を設定してください。",
		EN: "CloudTrail %s logs only the region it is created in; set is_multi_region_trail = true so that it logs every region.",
	}
	msgTrailGlobalOff = project.Text{
		JA: "CloudTrail %s が IAM などグローバルサービスのイベントを記録しません。include_global_service_events = true を設定してください。",
		EN: "CloudTrail %s does not log events of global services such as IAM; set include_global_service_events = true.",
	}
	msgTrailSelectorNoManagement = project.Text{
		JA: "CloudTrail %s の event_selector が管理イベントを記録しません。特権的な操作を記録するため、include_management_events = true を設定してください。",
		EN: "CloudTrail %s has an event_selector that leaves out management events; set include_management_events = true so that privileged operations are logged.",
	}
	msgTrailSelectorReadWrite = project.Text{
		JA: "CloudTrail %s の event_selector が管理イベントの一部しか記録しません（read_write_type = %q）。read_write_type = \"All\" を設定してください。",
		EN: "CloudTrail %s has an event_selector that logs only part of the management events (read_write_type = %q); set read_write_type = \"All\".",
	}
	msgTrailAdvancedNoManagement = project.Text{
		JA: "CloudTrail %s の advanced_event_selector が管理イベントの読み取りと書き込みの両方を記録しません。eventCategory が Management で readOnly を絞り込まないセレクタを加えてください。",
		EN: "CloudTrail %s has advanced_event_selector blocks that do not log both read and write management events; add a selector whose eventCategory equals Management, with no readOnly field.",
	}
)

var (
	whatTrailLogging    = project.Text{JA: "CloudTrail のログ記録", EN: "CloudTrail logging"}
	whatTrailRegions    = project.Text{JA: "CloudTrail の記録するリージョン", EN: "the regions a CloudTrail trail logs"}
	whatTrailGlobal     = project.Text{JA: "CloudTrail のグローバルサービスイベントの記録", EN: "CloudTrail global service events"}
	whatTrailManagement = project.Text{JA: "CloudTrail の管理イベントの記録", EN: "CloudTrail management events"}
)

// Check reports, for every trail, logging turned off; and, unless another
// trail of the module logs every management event of every region, a
// single-region trail, global service events left out, and selectors that
// leave out read or write management events. Provider defaults:
// enable_logging true, include_global_service_events true,
// is_multi_region_trail false, no selector (every management event).
func (r *AwsCloudtrailLoggingRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	trails, err := runner.Resources(r, "aws_cloudtrail")
	if err != nil {
		return err
	}
	full := make([]bool, len(trails))
	for i, trail := range trails {
		full[i] = trailLogsEveryManagementEvent(runner, trail)
	}
	for i, trail := range trails {
		name := lint.Address(trail)
		v := runner.Attr(trail.Body, "enable_logging", cty.Bool)
		if err := runner.RequireTrue(r, v, trail.DefRange, lint.DefaultPasses, whatTrailLogging, msgTrailLoggingOff, name); err != nil {
			return err
		}
		if trailCoveredByAnother(full, i) {
			continue
		}
		v = runner.Attr(trail.Body, "is_multi_region_trail", cty.Bool)
		if err := runner.RequireTrue(r, v, trail.DefRange, lint.DefaultFails, whatTrailRegions, msgTrailSingleRegion, name); err != nil {
			return err
		}
		v = runner.Attr(trail.Body, "include_global_service_events", cty.Bool)
		if err := runner.RequireTrue(r, v, trail.DefRange, lint.DefaultPasses, whatTrailGlobal, msgTrailGlobalOff, name); err != nil {
			return err
		}
		if err := r.checkManagementEvents(runner, trail, name); err != nil {
			return err
		}
	}
	return nil
}

// trailCoveredByAnother reports whether a trail other than the i-th is known to
// log every management event of every region.
func trailCoveredByAnother(full []bool, i int) bool {
	for j, f := range full {
		if f && j != i {
			return true
		}
	}
	return false
}

// trailLogsEveryManagementEvent reports whether a trail is known to log every
// read and write management event of every region, global services
// included.
func trailLogsEveryManagementEvent(runner *lint.Runner, trail *hclext.Block) bool {
	logging := runner.Attr(trail.Body, "enable_logging", cty.Bool)
	global := runner.Attr(trail.Body, "include_global_service_events", cty.Bool)
	if !runner.Attr(trail.Body, "is_multi_region_trail", cty.Bool).IsTrue() ||
		!(logging.IsTrue() || logging.IsAbsent()) ||
		!(global.IsTrue() || global.IsAbsent()) {
		return false
	}
	c := trailManagementCoverage(runner, trail)
	return c.Read && c.Write
}

// checkManagementEvents reports selectors that leave out read or write
// management events, where no selector of the trail logs them.
func (r *AwsCloudtrailLoggingRule) checkManagementEvents(runner *lint.Runner, trail *hclext.Block, name string) error {
	c := trailManagementCoverage(runner, trail)
	if c.Read && c.Write {
		return nil
	}
	if len(c.Unknown) > 0 {
		for _, v := range c.Unknown {
			if err := runner.Unverified(r, v, whatTrailManagement); err != nil {
				return err
			}
		}
		return nil
	}
	selectors := trail.Body.Blocks.OfType("event_selector")
	for _, sel := range selectors {
		include := runner.Attr(sel.Body, "include_management_events", cty.Bool)
		if include.IsFalse() {
			if err := runner.RequireTrue(r, include, sel.DefRange, lint.DefaultPasses, whatTrailManagement, msgTrailSelectorNoManagement, name); err != nil {
				return err
			}
			continue
		}
		rw := runner.Attr(sel.Body, "read_write_type", cty.String)
		if s, ok := rw.String(); ok && s != trailReadWriteAll {
			if err := runner.Report(r, rw.Range, msgTrailSelectorReadWrite, name, s); err != nil {
				return err
			}
		}
	}
	if len(selectors) > 0 {
		return nil
	}
	advanced := trail.Body.Blocks.OfType("advanced_event_selector")
	at := trail.DefRange
	if len(advanced) > 0 {
		at = advanced[0].DefRange
	}
	return runner.Report(r, at, msgTrailAdvancedNoManagement, name)
}

// read_write_type values of an event selector.
const (
	trailReadWriteAll       = "All"
	trailReadWriteReadOnly  = "ReadOnly"
	trailReadWriteWriteOnly = "WriteOnly"
)

// trailCoverage is what management events the selectors of a trail log.
type trailCoverage struct {
	Read, Write bool
	// Unknown holds the values that could widen the coverage but cannot
	// be known at lint time.
	Unknown []lint.Value
}

func (c *trailCoverage) add(read, write bool) {
	c.Read = c.Read || read
	c.Write = c.Write || write
}

// trailManagementCoverage tells which management events a trail logs. A trail
// without selectors logs every management event; with selectors, an event
// is logged when any selector matches it.
func trailManagementCoverage(runner *lint.Runner, trail *hclext.Block) trailCoverage {
	selectors := trail.Body.Blocks.OfType("event_selector")
	advanced := trail.Body.Blocks.OfType("advanced_event_selector")
	var c trailCoverage
	if len(selectors) == 0 && len(advanced) == 0 {
		c.add(true, true)
		return c
	}
	for _, sel := range selectors {
		trailEventSelectorCoverage(runner, sel.Body, &c)
	}
	for _, sel := range advanced {
		trailAdvancedSelectorCoverage(runner, sel.Body, &c)
	}
	return c
}

// trailEventSelectorCoverage adds what a basic event selector logs:
// include_management_events defaults to true and read_write_type to "All".
func trailEventSelectorCoverage(runner *lint.Runner, body *hclext.BodyContent, c *trailCoverage) {
	include := runner.Attr(body, "include_management_events", cty.Bool)
	switch {
	case include.IsUnknown():
		c.Unknown = append(c.Unknown, include)
		return
	case include.IsFalse():
		return
	}
	rw := runner.Attr(body, "read_write_type", cty.String)
	if rw.IsAbsent() {
		c.add(true, true)
		return
	}
	if rw.IsUnknown() {
		c.Unknown = append(c.Unknown, rw)
		return
	}
	s, _ := rw.String()
	c.add(s == trailReadWriteAll || s == trailReadWriteReadOnly, s == trailReadWriteAll || s == trailReadWriteWriteOnly)
}

// trailAdvancedSelectorCoverage adds what an advanced event selector logs. A
// selector matches management events when its eventCategory equals
// "Management"; readOnly equal to "true" keeps only read events, "false"
// only write events, and no readOnly field keeps both. Excluding an event
// source (eventSource not_equals) is not counted as narrowing. Any other
// field, or any other operator, narrows the selector so that it is not
// counted.
func trailAdvancedSelectorCoverage(runner *lint.Runner, body *hclext.BodyContent, c *trailCoverage) {
	fields := map[string]*hclext.BodyContent{}
	for _, fs := range body.Blocks.OfType("field_selector") {
		field := runner.Attr(fs.Body, "field", cty.String)
		name, ok := field.String()
		if !ok {
			if field.IsUnknown() {
				c.Unknown = append(c.Unknown, field)
			}
			return
		}
		if _, seen := fields[name]; seen {
			return // a field appears once per selector; the API refuses more
		}
		fields[name] = fs.Body
	}
	category, ok := fields["eventCategory"]
	if !ok || trailSelectorUsesOtherOperators(category, "equals") {
		return
	}
	equals, present, known := trailSelectorValues(runner, category, "equals", c)
	if !known || !present || !slices.Contains(equals, "Management") {
		return
	}
	read, write := true, true
	for _, name := range slices.Sorted(maps.Keys(fields)) {
		fs := fields[name]
		switch name {
		case "eventCategory":
		case "eventSource":
			if trailSelectorUsesOtherOperators(fs, "not_equals") {
				return
			}
		case "readOnly":
			if trailSelectorUsesOtherOperators(fs, "equals", "not_equals") {
				return
			}
			for _, op := range []string{"equals", "not_equals"} {
				values, present, known := trailSelectorValues(runner, fs, op, c)
				if !known {
					return
				}
				if !present {
					continue
				}
				reads, writes := slices.Contains(values, "true"), slices.Contains(values, "false")
				if op == "not_equals" {
					reads, writes = !reads, !writes
				}
				read, write = read && reads, write && writes
			}
		default:
			return
		}
	}
	c.add(read, write)
}

// trailSelectorValues reads the values of an operator of a field selector:
// whether the operator is set, and whether its values are known (unknown
// ones are added to the coverage's unknowns).
func trailSelectorValues(runner *lint.Runner, fs *hclext.BodyContent, op string, c *trailCoverage) (values []string, present, known bool) {
	v := runner.Attr(fs, op, cty.List(cty.String))
	switch v.State {
	case lint.Unknown:
		c.Unknown = append(c.Unknown, v)
		return nil, true, false
	case lint.Absent:
		return nil, false, true
	}
	for _, e := range v.Val.AsValueSlice() {
		if e.IsKnown() && !e.IsNull() {
			values = append(values, e.AsString())
		}
	}
	return values, true, true
}

// trailSelectorUsesOtherOperators reports whether a field selector sets an operator
// other than the allowed ones.
func trailSelectorUsesOtherOperators(fs *hclext.BodyContent, allowed ...string) bool {
	for _, op := range trailSelectorOperators {
		if _, set := fs.Attributes[op]; set && !slices.Contains(allowed, op) {
			return true
		}
	}
	return false
}
