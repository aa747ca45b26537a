package aws

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
)

// oddValues are values of the wrong type, null, unknown, empty or
// sensitive, which every attribute a rule reads may hold in real code.
var oddValues = []string{
	`null`,
	`var.unknown`,
	`sensitive("x")`,
	`["0.0.0.0/0", null]`,
	`{ a = 1, Segment = "mynumber" }`,
	`"true"`,
	`-1`,
	`"0.0.0.0/0"`,
	`""`,
	`[]`,
	`"not a cidr/99"`,
	`[var.unknown]`,
	`{ Segment = var.unknown }`,
	`1.5`,
	`aws_vpc.a.id`,
	`aws_vpc.a[*].id`,
}

// TestRulesSurviveOddValues runs every rule over resources of every type it
// reads, each attribute (nested blocks included) set to one odd value after
// another, in strict mode: a rule may report or not, but never fails or
// panics.
func TestRulesSurviveOddValues(t *testing.T) {
	for _, rule := range Rules() {
		t.Run(rule.Name(), func(t *testing.T) {
			types := make([]string, 0, len(rule.Describe().Reads))
			for ty := range rule.Describe().Reads {
				types = append(types, ty)
			}
			slices.Sort(types)
			for i, value := range oddValues {
				var src strings.Builder
				src.WriteString("variable \"unknown\" {}\n")
				src.WriteString("resource \"aws_vpc\" \"a\" {\n  cidr_block = \"10.0.0.0/16\"\n}\n")
				for _, ty := range types {
					schema := rule.Describe().Reads[ty]
					kind, name := "resource", ty
					if dataType, ok := strings.CutPrefix(ty, lint.DataPrefix); ok {
						kind, name = "data", dataType
					}
					fmt.Fprintf(&src, "%s %q \"odd\" {\n", kind, name)
					writeOddBody(&src, schema, value, 1)
					src.WriteString("}\n")
				}
				cfg := config.Default()
				cfg.Strict = true
				cfg.Segments[config.SegmentLGWAN].CIDRs = mustPrefixes(t, "10.20.0.0/16")
				func() {
					defer func() {
						if p := recover(); p != nil {
							t.Fatalf("value %d (%s) panics: %v\n%s", i, value, p, src.String())
						}
					}()
					linttest.Run(t, rule, map[string]string{"main.tf": src.String()}, cfg)
				}()
			}
		})
	}
}

// writeOddBody writes every attribute of schema with value, and each of
// its nested blocks twice.
func writeOddBody(b *strings.Builder, schema *hclext.BodySchema, value string, depth int) {
	if schema == nil || depth > 4 {
		return
	}
	indent := strings.Repeat("  ", depth)
	for _, attr := range schema.Attributes {
		if attr.Name == "count" || attr.Name == "for_each" || attr.Name == "provider" {
			continue
		}
		fmt.Fprintf(b, "%s%s = %s\n", indent, attr.Name, value)
	}
	for _, block := range schema.Blocks {
		for range 2 {
			fmt.Fprintf(b, "%s%s ", indent, block.Type)
			for range block.LabelNames {
				b.WriteString(`"x" `)
			}
			b.WriteString("{\n")
			writeOddBody(b, block.Body, value, depth+1)
			fmt.Fprintf(b, "%s}\n", indent)
		}
	}
}
