package config

import (
	"fmt"
	"net/netip"
	"regexp"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// Preset names a set of rules enabled together.
type Preset string

const (
	// Recommended enables the rules that judge single resources and segments.
	Recommended Preset = "recommended"
	// GovCloud adds the account-baseline rules, for the root module that owns
	// the account baseline.
	GovCloud Preset = "govcloud"
	// All enables every rule.
	All Preset = "all"
)

// Presets lists the presets from the smallest to the largest.
var Presets = []Preset{Recommended, GovCloud, All}

// Includes reports whether the preset p enables a rule that belongs to the
// preset rule (the smallest preset that enables it).
func (p Preset) Includes(rule Preset) bool {
	return slices.Index(Presets, rule) <= slices.Index(Presets, p)
}

// Segment names of the guideline's network domains.
const (
	SegmentMyNumber = "mynumber" // マイナンバー利用事務系
	SegmentLGWAN    = "lgwan"    // LGWAN接続系
	SegmentInternet = "internet" // インターネット接続系
	SegmentDMZ      = "dmz"      // the update relay DMZ
)

// SegmentNames lists the segments the plugin knows, in a fixed order.
var SegmentNames = []string{SegmentMyNumber, SegmentLGWAN, SegmentInternet, SegmentDMZ}

// Segment says how resources are recognised as members of a segment.
type Segment struct {
	Name string
	// TagValues are the values of the segment tag that place a resource in
	// the segment, matched case-insensitively.
	TagValues []string
	// CIDRs are address ranges that belong to the segment.
	CIDRs []netip.Prefix
}

// Config is the plugin's configuration after validation. It is read-only
// once built and shared by every check.
type Config struct {
	Preset     Preset
	Language   project.Language
	Regions    []string
	SegmentTag string
	Strict     bool
	// Segments holds every known segment, configured or default.
	Segments map[string]*Segment
}

// DefaultRegions are the data-residency regions when none are configured:
// Tokyo and Osaka.
var DefaultRegions = []string{"ap-northeast-1", "ap-northeast-3"}

// DefaultSegmentTag is the tag (label) key that names a resource's segment.
const DefaultSegmentTag = "Segment"

// Default returns the configuration of a plugin block with no attributes.
func Default() *Config {
	c := &Config{
		Preset:     Recommended,
		Language:   project.Japanese,
		Regions:    slices.Clone(DefaultRegions),
		SegmentTag: DefaultSegmentTag,
		Segments:   map[string]*Segment{},
	}
	for _, name := range SegmentNames {
		c.Segments[name] = &Segment{Name: name, TagValues: []string{name}}
	}
	return c
}

// SegmentOfTag returns the segment whose tag values include value, matched
// case-insensitively.
func (c *Config) SegmentOfTag(value string) (string, bool) {
	for _, name := range SegmentNames {
		for _, v := range c.Segments[name].TagValues {
			if strings.EqualFold(v, value) {
				return name, true
			}
		}
	}
	return "", false
}

// Schema is the schema of the plugin block.
func Schema() *hclext.BodySchema {
	return &hclext.BodySchema{
		Attributes: []hclext.AttributeSchema{
			{Name: "preset"},
			{Name: "language"},
			{Name: "regions"},
			{Name: "segment_tag"},
			{Name: "strict"},
		},
		Blocks: []hclext.BlockSchema{
			{
				Type:       "segment",
				LabelNames: []string{"name"},
				Body: &hclext.BodySchema{
					Attributes: []hclext.AttributeSchema{{Name: "tag_values"}, {Name: "cidrs"}},
				},
			},
		},
	}
}

// regionPattern accepts the region names of every provider the ruleset
// covers: ap-northeast-1 (AWS), ap-tokyo-1 (OCI), japaneast (Azure),
// asia-northeast1 (Google Cloud), tk1 or is1a (Sakura).
var regionPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// Parse builds the configuration from the content of the plugin block. The
// returned error is an *Error whose diagnostics point into the config file.
func Parse(content *hclext.BodyContent) (*Config, error) {
	c := Default()
	if content == nil {
		return c, nil
	}
	var diags hcl.Diagnostics
	attrs := content.Attributes

	if attr, ok := attrs["preset"]; ok {
		if s, d := stringValue(attr); d != nil {
			diags = append(diags, d)
		} else if !slices.Contains(Presets, Preset(s)) {
			diags = append(diags, invalid(attr, fmt.Sprintf("preset %q is unknown; use one of %q, %q, %q", s, Recommended, GovCloud, All)))
		} else {
			c.Preset = Preset(s)
		}
	}
	if attr, ok := attrs["language"]; ok {
		if s, d := stringValue(attr); d != nil {
			diags = append(diags, d)
		} else if lang := project.Language(s); lang != project.Japanese && lang != project.English {
			diags = append(diags, invalid(attr, fmt.Sprintf("language %q is unknown; use %q or %q", s, project.Japanese, project.English)))
		} else {
			c.Language = lang
		}
	}
	if attr, ok := attrs["regions"]; ok {
		if list, d := stringList(attr); d != nil {
			diags = append(diags, d)
		} else {
			for _, r := range list {
				if !regionPattern.MatchString(r) {
					diags = append(diags, invalid(attr, fmt.Sprintf("regions: %q is not a region name such as %q", r, DefaultRegions[0])))
				}
			}
			c.Regions = list
		}
	}
	if attr, ok := attrs["segment_tag"]; ok {
		if s, d := stringValue(attr); d != nil {
			diags = append(diags, d)
		} else if strings.TrimSpace(s) == "" {
			diags = append(diags, invalid(attr, "segment_tag must not be empty"))
		} else {
			c.SegmentTag = s
		}
	}
	if attr, ok := attrs["strict"]; ok {
		v, d := convertValue(attr, cty.Bool)
		if d != nil {
			diags = append(diags, d)
		} else {
			c.Strict = v.True()
		}
	}

	seen := map[string]hcl.Range{}
	for _, block := range content.Blocks {
		if block.Type != "segment" {
			continue
		}
		diags = append(diags, parseSegment(c, block, seen)...)
	}
	diags = append(diags, overlappingCIDRs(c, content)...)
	diags = append(diags, sharedTagValues(c, content)...)
	if diags.HasErrors() {
		return nil, &Error{Diags: diags}
	}
	return c, nil
}

// Error is an invalid plugin configuration. Its text names every problem
// with its file and line, for TFLint prints only the text.
type Error struct {
	Diags hcl.Diagnostics
}

func (e *Error) Error() string {
	msgs := make([]string, 0, len(e.Diags))
	for _, d := range e.Diags {
		msg := d.Summary + ": " + d.Detail
		if d.Subject != nil {
			msg = d.Subject.String() + ": " + msg
		}
		msgs = append(msgs, msg)
	}
	return strings.Join(msgs, "; ")
}

// As lets errors.As see the diagnostics as hcl.Diagnostics.
func (e *Error) As(target any) bool {
	if diags, ok := target.(*hcl.Diagnostics); ok {
		*diags = e.Diags
		return true
	}
	return false
}

func parseSegment(c *Config, block *hclext.Block, seen map[string]hcl.Range) hcl.Diagnostics {
	var diags hcl.Diagnostics
	name := block.Labels[0]
	seg, ok := c.Segments[name]
	if !ok {
		return hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Invalid lgcloud plugin configuration",
			Detail:   fmt.Sprintf("segment %q is unknown; the segments are %s", name, strings.Join(SegmentNames, ", ")),
			Subject:  block.LabelRanges[0].Ptr(),
		}}
	}
	if prev, dup := seen[name]; dup {
		return hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Invalid lgcloud plugin configuration",
			Detail:   fmt.Sprintf("segment %q is defined twice; the first definition is at %s", name, prev),
			Subject:  block.DefRange.Ptr(),
		}}
	}
	seen[name] = block.DefRange

	if attr, ok := block.Body.Attributes["tag_values"]; ok {
		if list, d := stringList(attr); d != nil {
			diags = append(diags, d)
		} else {
			seg.TagValues = list
		}
	}
	if attr, ok := block.Body.Attributes["cidrs"]; ok {
		list, d := stringList(attr)
		if d != nil {
			return append(diags, d)
		}
		for _, s := range list {
			prefix, err := netip.ParsePrefix(strings.TrimSpace(s))
			switch {
			case err != nil:
				diags = append(diags, invalid(attr, fmt.Sprintf("segment %q: %q is not a CIDR range such as \"10.10.0.0/16\"", name, s)))
			case prefix != prefix.Masked():
				diags = append(diags, invalid(attr, fmt.Sprintf("segment %q: %q has host bits set; did you mean %q?", name, s, prefix.Masked())))
			default:
				seg.CIDRs = append(seg.CIDRs, prefix)
			}
		}
	}
	return diags
}

// overlappingCIDRs reports ranges given to two segments: an address must
// belong to one segment only.
func overlappingCIDRs(c *Config, content *hclext.BodyContent) hcl.Diagnostics {
	var diags hcl.Diagnostics
	for i, a := range SegmentNames {
		for _, b := range SegmentNames[i+1:] {
			for _, pa := range c.Segments[a].CIDRs {
				for _, pb := range c.Segments[b].CIDRs {
					if !pa.Overlaps(pb) {
						continue
					}
					rng := segmentAttrRange(content, b, "cidrs")
					diags = append(diags, &hcl.Diagnostic{
						Severity: hcl.DiagError,
						Summary:  "Invalid lgcloud plugin configuration",
						Detail:   fmt.Sprintf("segment %q range %s overlaps segment %q range %s; an address belongs to one segment only", b, pb, a, pa),
						Subject:  &rng,
					})
				}
			}
		}
	}
	return diags
}

// sharedTagValues reports a tag value given to two segments: a resource
// tagged with it would belong to both.
func sharedTagValues(c *Config, content *hclext.BodyContent) hcl.Diagnostics {
	var diags hcl.Diagnostics
	owner := map[string]string{}
	for _, name := range SegmentNames {
		for _, v := range c.Segments[name].TagValues {
			key := strings.ToLower(v)
			if first, ok := owner[key]; ok && first != name {
				rng := segmentAttrRange(content, name, "tag_values")
				if rng == (hcl.Range{}) {
					rng = segmentAttrRange(content, first, "tag_values")
				}
				diags = append(diags, &hcl.Diagnostic{
					Severity: hcl.DiagError,
					Summary:  "Invalid lgcloud plugin configuration",
					Detail:   fmt.Sprintf("tag value %q names both segment %q and segment %q; a resource belongs to one segment only", v, first, name),
					Subject:  &rng,
				})
				continue
			}
			owner[key] = name
		}
	}
	return diags
}

// segmentAttrRange is where a segment block sets an attribute, or the block
// itself when it does not; zero when the segment has no block.
func segmentAttrRange(content *hclext.BodyContent, name, attrName string) hcl.Range {
	for _, block := range content.Blocks {
		if block.Type == "segment" && block.Labels[0] == name {
			if attr, ok := block.Body.Attributes[attrName]; ok {
				return attr.Expr.Range()
			}
			return block.DefRange
		}
	}
	return hcl.Range{}
}

func invalid(attr *hclext.Attribute, detail string) *hcl.Diagnostic {
	return &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  "Invalid lgcloud plugin configuration",
		Detail:   detail,
		Subject:  attr.Expr.Range().Ptr(),
	}
}

// convertValue evaluates a configuration attribute, which may use neither
// variables nor functions, and converts it to the wanted type.
func convertValue(attr *hclext.Attribute, ty cty.Type) (cty.Value, *hcl.Diagnostic) {
	val, diags := attr.Expr.Value(nil)
	if diags.HasErrors() {
		return cty.NilVal, invalid(attr, fmt.Sprintf("%s: %s", attr.Name, diags[0].Detail))
	}
	val, err := convert.Convert(val, ty)
	if err != nil || val.IsNull() || !val.IsWhollyKnown() {
		return cty.NilVal, invalid(attr, fmt.Sprintf("%s must be a %s", attr.Name, ty.FriendlyName()))
	}
	return val, nil
}

func stringValue(attr *hclext.Attribute) (string, *hcl.Diagnostic) {
	val, d := convertValue(attr, cty.String)
	if d != nil {
		return "", d
	}
	return val.AsString(), nil
}

func stringList(attr *hclext.Attribute) ([]string, *hcl.Diagnostic) {
	val, d := convertValue(attr, cty.List(cty.String))
	if d != nil {
		return nil, d
	}
	list := []string{}
	for _, v := range val.AsValueSlice() {
		if v.IsNull() {
			return nil, invalid(attr, fmt.Sprintf("%s must not contain null", attr.Name))
		}
		list = append(list, v.AsString())
	}
	return list, nil
}
