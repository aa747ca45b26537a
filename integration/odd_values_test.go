package integration

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules"
	rulelint "github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
)

// oddValues are values of the wrong type, null, unknown, sensitive, empty
// or malformed, which any attribute the rules read may hold in real code.
var oddValues = []string{
	`null`,
	`var.unknown`,
	`sensitive({ Segment = "mynumber" })`,
	`["0.0.0.0/0", null, 1, { a = "b" }]`,
	`"not a cidr/99 {\"Version\": 1}"`,
	`[var.unknown, aws_vpc.a.id, aws_vpc.a[*].id]`,
}

// TestOddValues lints, with the real TFLint, every resource and data source
// type any rule reads, each attribute and nested block set to one odd value
// after another — with count, for_each and dynamic blocks — under the
// largest preset in strict mode. A rule may report or not; the plugin must
// neither panic nor fail the run.
func TestOddValues(t *testing.T) {
	reads := rulelint.MergeReads(rules.All())
	types := make([]string, 0, len(reads))
	for ty := range reads {
		types = append(types, ty)
	}
	slices.Sort(types)
	for i, value := range oddValues {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			var src strings.Builder
			src.WriteString("variable \"unknown\" {}\n")
			src.WriteString("resource \"aws_vpc\" \"a\" {\n  cidr_block = \"10.0.0.0/16\"\n}\n")
			for n, ty := range types {
				kind, name := "resource", ty
				if dataType, ok := strings.CutPrefix(ty, rulelint.DataPrefix); ok {
					kind, name = "data", dataType
				}
				fmt.Fprintf(&src, "%s %q \"odd\" {\n", kind, name)
				switch n % 3 {
				case 1:
					src.WriteString("  count = 2\n")
				case 2:
					src.WriteString("  for_each = toset([\"a\", var.unknown])\n")
				}
				writeOdd(&src, reads[ty], value, 1, n%2 == 0)
				src.WriteString("}\n")
			}
			config := `plugin "terraform" {
  enabled = false
}
plugin "lgcloud" {
  enabled = true
  preset  = "all"
  strict  = true
  segment "lgwan" {
    cidrs = ["10.20.0.0/16"]
  }
}
`
			for name, content := range map[string]string{"main.tf": src.String(), ".tflint.hcl": config} {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			got := lintDir(t, dir)
			if len(got.Errors) > 0 {
				t.Errorf("TFLint reports errors for %s: %v", value, got.Errors)
			}
		})
	}
}

// writeOdd writes every attribute of schema with value, and each nested
// block twice, as a dynamic block when dynamic is set.
func writeOdd(b *strings.Builder, schema *hclext.BodySchema, value string, depth int, dynamic bool) {
	if schema == nil || depth > 4 {
		return
	}
	indent := strings.Repeat("  ", depth)
	for _, attr := range schema.Attributes {
		switch attr.Name {
		case "count", "for_each", "provider", "depends_on", "lifecycle":
			continue
		}
		fmt.Fprintf(b, "%s%s = %s\n", indent, attr.Name, value)
	}
	for _, block := range schema.Blocks {
		if dynamic && len(block.LabelNames) == 0 {
			fmt.Fprintf(b, "%sdynamic %q {\n%s  for_each = [1, 2]\n%s  content {\n", indent, block.Type, indent, indent)
			writeOdd(b, block.Body, value, depth+2, false)
			fmt.Fprintf(b, "%s  }\n%s}\n", indent, indent)
			continue
		}
		for range 2 {
			fmt.Fprintf(b, "%s%s ", indent, block.Type)
			for range block.LabelNames {
				b.WriteString(`"x" `)
			}
			b.WriteString("{\n")
			writeOdd(b, block.Body, value, depth+1, dynamic)
			fmt.Fprintf(b, "%s}\n", indent)
		}
	}
}
