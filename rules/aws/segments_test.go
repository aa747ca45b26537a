package aws

import (
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/zclconf/go-cty/cty"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// The segment tag's own value is found where the tags write it, so that a
// finding in a called module is carried to that input alone.
func TestTagItemExpr(t *testing.T) {
	cases := []struct {
		Name, Source, Want string
	}{
		{"object", `{ Name = var.name, Segment = var.segment }`, "var.segment"},
		{"quoted key", `{ "Segment" = "mynumber" }`, `"mynumber"`},
		{"merge, the last object wins", `merge({ Segment = "lgwan" }, local.common, { Segment = var.segment })`, "var.segment"},
		{"merge of inputs only", `merge(var.tags, local.common)`, ""},
		{"other function", `tomap({ Segment = var.segment })`, ""},
		{"key not written", `{ Name = var.name }`, ""},
		{"a variable", `var.tags`, ""},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			src := []byte(tc.Source)
			expr, diags := hclsyntax.ParseExpression(src, "main.tf", hcl.InitialPos)
			if diags.HasErrors() {
				t.Fatal(diags)
			}
			// The attributes of count and for_each instances come bound.
			for _, e := range []hcl.Expression{expr, hclext.BindValue(cty.DynamicVal, expr)} {
				got := ""
				if item := tagItemExpr(e, "Segment"); item != nil {
					got = string(item.Range().SliceBytes(src))
				}
				if got != tc.Want {
					t.Errorf("%T: got %q, want %q", e, got, tc.Want)
				}
			}
		})
	}
}
