package config_test

import (
	"errors"
	"net/netip"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
)

// content parses src as the body of the plugin block, the way TFLint hands
// it to the plugin.
func content(t *testing.T, src string) *hclext.BodyContent {
	t.Helper()
	file, diags := hclparse.NewParser().ParseHCL([]byte(src), ".tflint.hcl")
	if diags.HasErrors() {
		t.Fatalf("parse: %s", diags)
	}
	body, diags := hclext.Content(file.Body, config.Schema())
	if diags.HasErrors() {
		t.Fatalf("content: %s", diags)
	}
	return body
}

// defaultSegments returns the segments of a plugin block without segment
// blocks: each segment recognised by its own name.
func defaultSegments() map[string]*config.Segment {
	return map[string]*config.Segment{
		"mynumber": {Name: "mynumber", TagValues: []string{"mynumber"}},
		"lgwan":    {Name: "lgwan", TagValues: []string{"lgwan"}},
		"internet": {Name: "internet", TagValues: []string{"internet"}},
		"dmz":      {Name: "dmz", TagValues: []string{"dmz"}},
	}
}

var prefixComparer = cmp.Comparer(func(a, b netip.Prefix) bool { return a == b })

func TestDefault(t *testing.T) {
	want := &config.Config{
		Preset:     config.Recommended,
		Language:   project.Japanese,
		Regions:    []string{"ap-northeast-1", "ap-northeast-3"},
		SegmentTag: "Segment",
		Strict:     false,
		Segments:   defaultSegments(),
	}
	if diff := cmp.Diff(want, config.Default(), prefixComparer); diff != "" {
		t.Fatalf("Default() mismatch (-want +got):\n%s", diff)
	}
}

func TestDefaultReturnsIndependentCopies(t *testing.T) {
	a := config.Default()
	a.Regions[0] = "us-east-1"
	a.Segments["mynumber"].TagValues[0] = "changed"
	b := config.Default()
	if b.Regions[0] != "ap-northeast-1" || b.Segments["mynumber"].TagValues[0] != "mynumber" {
		t.Fatalf("changing one default configuration changed another: %v %v", b.Regions, b.Segments["mynumber"].TagValues)
	}
	if config.DefaultRegions[0] != "ap-northeast-1" {
		t.Fatalf("changing a default configuration changed DefaultRegions: %v", config.DefaultRegions)
	}
}

func TestParseValid(t *testing.T) {
	cases := []struct {
		Name   string
		Source string
		Want   func(c *config.Config)
	}{
		{
			Name:   "empty plugin block gives the defaults",
			Source: ``,
			Want:   func(c *config.Config) {},
		},
		{
			Name:   "preset govcloud",
			Source: `preset = "govcloud"`,
			Want:   func(c *config.Config) { c.Preset = config.GovCloud },
		},
		{
			Name:   "preset all",
			Source: `preset = "all"`,
			Want:   func(c *config.Config) { c.Preset = config.All },
		},
		{
			Name:   "preset recommended written out",
			Source: `preset = "recommended"`,
			Want:   func(c *config.Config) {},
		},
		{
			Name:   "language en",
			Source: `language = "en"`,
			Want:   func(c *config.Config) { c.Language = project.English },
		},
		{
			Name:   "language ja written out",
			Source: `language = "ja"`,
			Want:   func(c *config.Config) {},
		},
		{
			Name:   "regions replace the default list",
			Source: `regions = ["ap-northeast-1", "us-gov-west-1"]`,
			Want:   func(c *config.Config) { c.Regions = []string{"ap-northeast-1", "us-gov-west-1"} },
		},
		{
			Name:   "regions of every supported provider",
			Source: `regions = ["ap-northeast-1", "ap-tokyo-1", "japaneast", "asia-northeast1"]`,
			Want: func(c *config.Config) {
				c.Regions = []string{"ap-northeast-1", "ap-tokyo-1", "japaneast", "asia-northeast1"}
			},
		},
		{
			Name:   "regions may be empty",
			Source: `regions = []`,
			Want:   func(c *config.Config) { c.Regions = []string{} },
		},
		{
			Name:   "segment_tag",
			Source: `segment_tag = "NetworkZone"`,
			Want:   func(c *config.Config) { c.SegmentTag = "NetworkZone" },
		},
		{
			Name:   "strict true",
			Source: `strict = true`,
			Want:   func(c *config.Config) { c.Strict = true },
		},
		{
			Name:   "strict false",
			Source: `strict = false`,
			Want:   func(c *config.Config) {},
		},
		{
			Name:   "strict as the string true converts",
			Source: `strict = "true"`,
			Want:   func(c *config.Config) { c.Strict = true },
		},
		{
			Name: "segment tag values replace the segment's name",
			Source: `segment "mynumber" {
  tag_values = ["MyNumber", "mn"]
}`,
			Want: func(c *config.Config) { c.Segments["mynumber"].TagValues = []string{"MyNumber", "mn"} },
		},
		{
			Name: "segment cidrs",
			Source: `segment "lgwan" {
  cidrs = ["10.20.0.0/16", " 10.21.0.0/16", "fd00::/8"]
}`,
			Want: func(c *config.Config) {
				c.Segments["lgwan"].CIDRs = []netip.Prefix{
					netip.MustParsePrefix("10.20.0.0/16"),
					netip.MustParsePrefix("10.21.0.0/16"),
					netip.MustParsePrefix("fd00::/8"),
				}
			},
		},
		{
			Name: "every attribute set",
			Source: `preset      = "govcloud"
language    = "en"
regions     = ["ap-northeast-1"]
segment_tag = "Zone"
strict      = true

segment "mynumber" {
  tag_values = ["mn"]
  cidrs      = ["10.10.0.0/16"]
}
segment "lgwan" {
  cidrs = ["10.20.0.0/16"]
}
segment "internet" {
  tag_values = ["inet"]
}
segment "dmz" {
  tag_values = ["relay"]
  cidrs      = ["192.168.0.0/24"]
}`,
			Want: func(c *config.Config) {
				c.Preset = config.GovCloud
				c.Language = project.English
				c.Regions = []string{"ap-northeast-1"}
				c.SegmentTag = "Zone"
				c.Strict = true
				c.Segments["mynumber"].TagValues = []string{"mn"}
				c.Segments["mynumber"].CIDRs = []netip.Prefix{netip.MustParsePrefix("10.10.0.0/16")}
				c.Segments["lgwan"].CIDRs = []netip.Prefix{netip.MustParsePrefix("10.20.0.0/16")}
				c.Segments["internet"].TagValues = []string{"inet"}
				c.Segments["dmz"].TagValues = []string{"relay"}
				c.Segments["dmz"].CIDRs = []netip.Prefix{netip.MustParsePrefix("192.168.0.0/24")}
			},
		},
		{
			Name: "adjacent ranges in two segments do not overlap",
			Source: `segment "mynumber" {
  cidrs = ["10.0.0.0/16"]
}
segment "lgwan" {
  cidrs = ["10.1.0.0/16"]
}`,
			Want: func(c *config.Config) {
				c.Segments["mynumber"].CIDRs = []netip.Prefix{netip.MustParsePrefix("10.0.0.0/16")}
				c.Segments["lgwan"].CIDRs = []netip.Prefix{netip.MustParsePrefix("10.1.0.0/16")}
			},
		},
	}

	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			got, err := config.Parse(content(t, tc.Source))
			if err != nil {
				t.Fatalf("Parse: unexpected error: %s", err)
			}
			want := config.Default()
			tc.Want(want)
			if diff := cmp.Diff(want, got, prefixComparer); diff != "" {
				t.Fatalf("Parse mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseNilContent(t *testing.T) {
	got, err := config.Parse(nil)
	if err != nil {
		t.Fatalf("Parse(nil): unexpected error: %s", err)
	}
	if diff := cmp.Diff(config.Default(), got, prefixComparer); diff != "" {
		t.Fatalf("Parse(nil) is not the default (-want +got):\n%s", diff)
	}
}

func TestParseInvalid(t *testing.T) {
	// Each wanted error is the position of the diagnostic's subject
	// (file:line,columns) and a part of its detail.
	type wantDiag struct {
		At     string
		Detail string
	}
	cases := []struct {
		Name   string
		Source string
		Want   []wantDiag
	}{
		{
			Name:   "unknown preset",
			Source: "\n\npreset = \"strictest\"",
			Want:   []wantDiag{{".tflint.hcl:3,10-21", `preset "strictest" is unknown`}},
		},
		{
			Name:   "preset is case-sensitive",
			Source: `preset = "Recommended"`,
			Want:   []wantDiag{{".tflint.hcl:1,", `preset "Recommended" is unknown`}},
		},
		{
			Name:   "preset null",
			Source: `preset = null`,
			Want:   []wantDiag{{".tflint.hcl:1,", "preset must be a string"}},
		},
		{
			Name:   "preset from a variable",
			Source: "language = \"en\"\npreset = var.preset",
			Want:   []wantDiag{{".tflint.hcl:2,", "preset: "}},
		},
		{
			Name:   "preset from a function",
			Source: `preset = lower("ALL")`,
			Want:   []wantDiag{{".tflint.hcl:1,", "preset: "}},
		},
		{
			Name:   "unknown language",
			Source: "preset = \"all\"\nlanguage = \"jp\"",
			Want:   []wantDiag{{".tflint.hcl:2,12-16", `language "jp" is unknown`}},
		},
		{
			Name:   "language not a string",
			Source: `language = ["ja"]`,
			Want:   []wantDiag{{".tflint.hcl:1,", "language must be a string"}},
		},
		{
			Name:   "strict not a bool",
			Source: "\nstrict = \"yes\"",
			Want:   []wantDiag{{".tflint.hcl:2,10-15", "strict must be a bool"}},
		},
		{
			Name:   "strict a list",
			Source: `strict = [true]`,
			Want:   []wantDiag{{".tflint.hcl:1,", "strict must be a bool"}},
		},
		{
			Name:   "strict a number",
			Source: `strict = 1`,
			Want:   []wantDiag{{".tflint.hcl:1,", "strict must be a bool"}},
		},
		{
			Name:   "regions not a list",
			Source: `regions = "ap-northeast-1"`,
			Want:   []wantDiag{{".tflint.hcl:1,11-27", "regions must be a list of string"}},
		},
		{
			Name:   "regions holding an object",
			Source: `regions = [{ name = "ap-northeast-1" }]`,
			Want:   []wantDiag{{".tflint.hcl:1,", "regions must be a list of string"}},
		},
		{
			Name:   "regions holding null",
			Source: `regions = ["ap-northeast-1", null]`,
			Want:   []wantDiag{{".tflint.hcl:1,", "regions must not contain null"}},
		},
		{
			Name:   "bad region name",
			Source: "\nregions = [\"ap-northeast-1\", \"Tokyo Region\"]",
			Want:   []wantDiag{{".tflint.hcl:2,", `regions: "Tokyo Region" is not a region name`}},
		},
		{
			Name:   "region name in upper case",
			Source: `regions = ["AP-NORTHEAST-1"]`,
			Want:   []wantDiag{{".tflint.hcl:1,", `"AP-NORTHEAST-1" is not a region name`}},
		},
		{
			Name:   "two bad region names give two errors",
			Source: `regions = ["ap_northeast_1", "Osaka"]`,
			Want: []wantDiag{
				{".tflint.hcl:1,", `"ap_northeast_1" is not a region name`},
				{".tflint.hcl:1,", `"Osaka" is not a region name`},
			},
		},
		{
			Name:   "empty segment_tag",
			Source: "\n\n\nsegment_tag = \"\"",
			Want:   []wantDiag{{".tflint.hcl:4,15-17", "segment_tag must not be empty"}},
		},
		{
			Name:   "blank segment_tag",
			Source: `segment_tag = "   "`,
			Want:   []wantDiag{{".tflint.hcl:1,", "segment_tag must not be empty"}},
		},
		{
			Name:   "unknown segment name is reported at the label",
			Source: "segment \"lgwan\" {}\nsegment \"public\" {\n  cidrs = [\"10.0.0.0/8\"]\n}",
			Want:   []wantDiag{{".tflint.hcl:2,9-17", `segment "public" is unknown`}},
		},
		{
			Name:   "segment name is case-sensitive",
			Source: `segment "LGWAN" {}`,
			Want:   []wantDiag{{".tflint.hcl:1,9-16", `segment "LGWAN" is unknown`}},
		},
		{
			Name:   "segment defined twice",
			Source: "segment \"dmz\" {}\nsegment \"dmz\" {\n  tag_values = [\"relay\"]\n}",
			Want:   []wantDiag{{".tflint.hcl:2,", `segment "dmz" is defined twice; the first definition is at .tflint.hcl:1,`}},
		},
		{
			Name:   "tag_values not a list",
			Source: "segment \"dmz\" {\n  tag_values = \"relay\"\n}",
			Want:   []wantDiag{{".tflint.hcl:2,", "tag_values must be a list of string"}},
		},
		{
			Name:   "cidrs not a list",
			Source: "segment \"dmz\" {\n  cidrs = \"10.0.0.0/8\"\n}",
			Want:   []wantDiag{{".tflint.hcl:2,", "cidrs must be a list of string"}},
		},
		{
			Name:   "bad CIDR",
			Source: "segment \"mynumber\" {\n  cidrs = [\"10.10.0.0/33\"]\n}",
			Want:   []wantDiag{{".tflint.hcl:2,11-27", `segment "mynumber": "10.10.0.0/33" is not a CIDR range`}},
		},
		{
			Name:   "address without prefix length",
			Source: "segment \"mynumber\" {\n  cidrs = [\"10.10.0.0\"]\n}",
			Want:   []wantDiag{{".tflint.hcl:2,", `"10.10.0.0" is not a CIDR range`}},
		},
		{
			Name:   "CIDR with host bits suggests the masked prefix",
			Source: "segment \"lgwan\" {\n  cidrs = [\"10.20.1.5/16\"]\n}",
			Want:   []wantDiag{{".tflint.hcl:2,", `segment "lgwan": "10.20.1.5/16" has host bits set; did you mean "10.20.0.0/16"?`}},
		},
		{
			Name:   "overlapping CIDRs across segments",
			Source: "segment \"mynumber\" {\n  cidrs = [\"10.0.0.0/8\"]\n}\nsegment \"lgwan\" {\n  cidrs = [\"10.20.0.0/16\"]\n}",
			Want:   []wantDiag{{".tflint.hcl:5,", `segment "lgwan" range 10.20.0.0/16 overlaps segment "mynumber" range 10.0.0.0/8`}},
		},
		{
			Name:   "identical CIDRs in two segments",
			Source: "segment \"internet\" {\n  cidrs = [\"172.16.0.0/12\"]\n}\nsegment \"dmz\" {\n  cidrs = [\"172.16.0.0/12\"]\n}",
			Want:   []wantDiag{{".tflint.hcl:5,", `segment "dmz" range 172.16.0.0/12 overlaps segment "internet" range 172.16.0.0/12`}},
		},
		{
			Name:   "tag value given to two segments",
			Source: "segment \"mynumber\" {\n  tag_values = [\"secure\"]\n}\nsegment \"lgwan\" {\n  tag_values = [\"Secure\"]\n}",
			Want:   []wantDiag{{".tflint.hcl:5,", `"Secure"`}},
		},
		{
			Name:   "tag value naming another segment",
			Source: "segment \"mynumber\" {\n  tag_values = [\"lgwan\"]\n}",
			Want:   []wantDiag{{".tflint.hcl:2,", `"lgwan"`}},
		},
		{
			Name: "several errors are reported at once",
			Source: `preset   = "best"
language = "fr"
strict   = "maybe"
segment "mynumber" {
  cidrs = ["10.0.0.1/8"]
}
segment "nowhere" {}`,
			Want: []wantDiag{
				{".tflint.hcl:1,", `preset "best" is unknown`},
				{".tflint.hcl:2,", `language "fr" is unknown`},
				{".tflint.hcl:3,", "strict must be a bool"},
				{".tflint.hcl:5,", `did you mean "10.0.0.0/8"?`},
				{".tflint.hcl:7,9-18", `segment "nowhere" is unknown`},
			},
		},
	}

	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			got, err := config.Parse(content(t, tc.Source))
			if err == nil {
				t.Fatalf("Parse: want an error, got %+v", got)
			}
			if got != nil {
				t.Errorf("Parse: want no configuration with an error, got %+v", got)
			}
			var diags hcl.Diagnostics
			if !errors.As(err, &diags) {
				t.Fatalf("Parse: error is %T, want hcl.Diagnostics: %s", err, err)
			}
			if len(diags) != len(tc.Want) {
				t.Fatalf("Parse: got %d diagnostics, want %d:\n%s", len(diags), len(tc.Want), diagsText(diags))
			}
			for i, want := range tc.Want {
				text := diags[i].Error()
				if diags[i].Severity != hcl.DiagError {
					t.Errorf("diagnostic %d is not an error: %s", i, text)
				}
				if !strings.HasPrefix(text, want.At) {
					t.Errorf("diagnostic %d: want it at %q, got %q", i, want.At, text)
				}
				if !strings.Contains(text, want.Detail) {
					t.Errorf("diagnostic %d: want it to contain %q, got %q", i, want.Detail, text)
				}
			}
			// TFLint shows only the error's text: it names every wrong
			// value with its file and line.
			for _, want := range tc.Want {
				if !strings.Contains(err.Error(), want.At) || !strings.Contains(err.Error(), want.Detail) {
					t.Errorf("error text %q lacks %q at %q", err.Error(), want.Detail, want.At)
				}
			}
			var cerr *config.Error
			if !errors.As(err, &cerr) || len(cerr.Diags) != len(tc.Want) {
				t.Errorf("error is not a *config.Error holding %d diagnostics: %#v", len(tc.Want), err)
			}
		})
	}
}

func diagsText(diags hcl.Diagnostics) string {
	lines := make([]string, len(diags))
	for i, d := range diags {
		lines[i] = "  " + d.Error()
	}
	return strings.Join(lines, "\n")
}

func TestSegmentOfTag(t *testing.T) {
	configured, err := config.Parse(content(t, `segment "mynumber" {
  tag_values = ["MyNumber-Zone", "mn"]
}
segment "dmz" {
  tag_values = ["Relay"]
}`))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		Name    string
		Config  *config.Config
		Value   string
		Segment string
		Found   bool
	}{
		{"default value is the segment name", config.Default(), "lgwan", "lgwan", true},
		{"default value in upper case", config.Default(), "LGWAN", "lgwan", true},
		{"default value in mixed case", config.Default(), "MyNumber", "mynumber", true},
		{"internet segment", config.Default(), "Internet", "internet", true},
		{"dmz segment", config.Default(), "DMZ", "dmz", true},
		{"unknown value", config.Default(), "public", "", false},
		{"empty value", config.Default(), "", "", false},
		{"value with spaces is not trimmed", config.Default(), " lgwan", "", false},
		{"configured value", configured, "mn", "mynumber", true},
		{"configured value in other case", configured, "mynumber-zone", "mynumber", true},
		{"configured value replaces the segment name", configured, "mynumber", "", false},
		{"configured value of dmz in upper case", configured, "RELAY", "dmz", true},
		{"unconfigured segment keeps its name", configured, "Lgwan", "lgwan", true},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			segment, found := tc.Config.SegmentOfTag(tc.Value)
			if segment != tc.Segment || found != tc.Found {
				t.Fatalf("SegmentOfTag(%q) = %q, %v; want %q, %v", tc.Value, segment, found, tc.Segment, tc.Found)
			}
		})
	}
}

func TestPresetIncludes(t *testing.T) {
	cases := []struct {
		Preset config.Preset
		Rule   config.Preset
		Want   bool
	}{
		{config.Recommended, config.Recommended, true},
		{config.Recommended, config.GovCloud, false},
		{config.Recommended, config.All, false},
		{config.GovCloud, config.Recommended, true},
		{config.GovCloud, config.GovCloud, true},
		{config.GovCloud, config.All, false},
		{config.All, config.Recommended, true},
		{config.All, config.GovCloud, true},
		{config.All, config.All, true},
	}
	for _, tc := range cases {
		t.Run(string(tc.Preset)+" includes "+string(tc.Rule), func(t *testing.T) {
			if got := tc.Preset.Includes(tc.Rule); got != tc.Want {
				t.Fatalf("%s.Includes(%s) = %v, want %v", tc.Preset, tc.Rule, got, tc.Want)
			}
		})
	}
}

func TestSchemaMatchesParse(t *testing.T) {
	// Every attribute of the schema is one Parse reads: a value set for
	// each changes the configuration.
	schema := config.Schema()
	names := []string{}
	for _, attr := range schema.Attributes {
		names = append(names, attr.Name)
	}
	want := []string{"preset", "language", "regions", "segment_tag", "strict"}
	if diff := cmp.Diff(want, names); diff != "" {
		t.Fatalf("schema attributes (-want +got):\n%s", diff)
	}
	if len(schema.Blocks) != 1 || schema.Blocks[0].Type != "segment" || len(schema.Blocks[0].LabelNames) != 1 {
		t.Fatalf("schema blocks: want one segment block with one label, got %+v", schema.Blocks)
	}
}
