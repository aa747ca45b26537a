package lint

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// staticCases are expressions that refer to nothing and call no function,
// with their values.
var staticCases = []struct {
	Name   string
	Source string
	Want   cty.Value
}{
	{"true", `true`, cty.True},
	{"false", `false`, cty.False},
	{"null", `null`, cty.NullVal(cty.DynamicPseudoType)},
	{"integer", `42`, cty.NumberIntVal(42)},
	{"negative number", `-1.5`, cty.NumberFloatVal(-1.5)},
	{"quoted string", `"aws:kms"`, cty.StringVal("aws:kms")},
	{"string false", `"false"`, cty.StringVal("false")},
	{"string with escapes", `"a\tb\u00e9"`, cty.StringVal("a\tb\u00e9")},
	{"escaped interpolation", `"$${var.x}"`, cty.StringVal("${var.x}")},
	{"heredoc", "<<EOT\nline one\nline two\nEOT\n", cty.StringVal("line one\nline two\n")},
	{"indented heredoc", "<<-EOT\n    indented\n    EOT\n", cty.StringVal("indented\n")},
	{"template interpolating literals", `"${"a"}-${1}"`, cty.StringVal("a-1")},
	{"empty tuple", `[]`, cty.EmptyTupleVal},
	{"tuple", `["10.0.0.0/16", 1, true]`, cty.TupleVal([]cty.Value{cty.StringVal("10.0.0.0/16"), cty.NumberIntVal(1), cty.True})},
	{"object", `{ Segment = "lgwan", "Name" = "x" }`, cty.ObjectVal(map[string]cty.Value{"Segment": cty.StringVal("lgwan"), "Name": cty.StringVal("x")})},
	{"nested object", `{ a = [{ b = false }] }`, cty.ObjectVal(map[string]cty.Value{"a": cty.TupleVal([]cty.Value{cty.ObjectVal(map[string]cty.Value{"b": cty.False})})})},
	{"conditional of literals", `true ? "aws:kms" : "AES256"`, cty.StringVal("aws:kms")},
	{"conditional with a false condition", `false ? 1 : 2`, cty.NumberIntVal(2)},
	{"negation", `!false`, cty.True},
	{"arithmetic", `1 + 2 * 3`, cty.NumberIntVal(7)},
	{"comparison", `"a" == "a"`, cty.True},
	{"logic", `true && false`, cty.False},
	{"index of a literal tuple", `["a", "b"][1]`, cty.StringVal("b")},
	{"attribute of a literal object", `{ a = 1 }.a`, cty.NumberIntVal(1)},
	{"parentheses", `(true)`, cty.True},
}

// dynamicCases are expressions that name a variable, a local, a resource or
// another object, or call a function: their value is TFLint's to give.
var dynamicCases = []struct {
	Name   string
	Source string
}{
	{"variable", `var.encrypted`},
	{"local", `local.encrypted`},
	{"resource attribute", `aws_kms_key.k.arn`},
	{"module output", `module.network.vpc_id`},
	{"data source", `data.aws_caller_identity.current.account_id`},
	{"count index", `count.index`},
	{"each key", `each.key`},
	{"self", `self.id`},
	{"path", `path.module`},
	{"workspace", `terraform.workspace`},
	{"function call", `tobool("true")`},
	{"function call without arguments", `timestamp()`},
	{"template interpolating a variable", `"${var.prefix}-bucket"`},
	{"template directive over a variable", `"%{ if var.on }on%{ endif }"`},
	{"heredoc interpolating a local", "<<EOT\n${local.x}\nEOT\n"},
	{"tuple holding a variable", `[true, var.encrypted]`},
	{"object holding a local", `{ Segment = local.segment }`},
	{"conditional on a variable", `var.on ? true : false`},
	{"conditional with a variable branch", `true ? var.on : false`},
	{"for expression", `[for s in ["a", "b"] : s]`},
	{"for expression over a variable", `{ for k, v in var.tags : k => v }`},
	{"splat of a variable", `var.list[*].id`},
	{"index by a variable", `["a", "b"][var.i]`},
	{"function inside a tuple", `[upper("a")]`},
	{"negated variable", `!var.on`},
}

func parseExpr(t *testing.T, src string) hclsyntax.Expression {
	t.Helper()
	expr, diags := hclsyntax.ParseExpression([]byte(src), "main.tf", hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatalf("parse %q: %s", src, diags)
	}
	return expr
}

func TestStaticValue(t *testing.T) {
	for _, tc := range staticCases {
		t.Run("static "+tc.Name, func(t *testing.T) {
			got, ok := StaticValue(parseExpr(t, tc.Source))
			if !ok {
				t.Fatalf("StaticValue(%s): not evaluated locally", tc.Source)
			}
			if !got.RawEquals(tc.Want) {
				t.Fatalf("StaticValue(%s) = %#v, want %#v", tc.Source, got, tc.Want)
			}
		})
	}
	for _, tc := range dynamicCases {
		t.Run("dynamic "+tc.Name, func(t *testing.T) {
			if got, ok := StaticValue(parseExpr(t, tc.Source)); ok {
				t.Fatalf("StaticValue(%s) evaluated locally to %#v; it must be left to TFLint", tc.Source, got)
			}
		})
	}
	t.Run("expression that fails is left to TFLint", func(t *testing.T) {
		if got, ok := StaticValue(parseExpr(t, `1 + "a"`)); ok {
			t.Fatalf("StaticValue evaluated a failing expression to %#v", got)
		}
	})
	t.Run("expression that is not native syntax is left to TFLint", func(t *testing.T) {
		if got, ok := StaticValue(hcl.StaticExpr(cty.True, hcl.Range{})); ok {
			t.Fatalf("StaticValue evaluated a non-native expression to %#v", got)
		}
	})
}

// TestStaticValueMatchesRunner proves that evaluating a static expression
// locally gives what the SDK's runner gives for it.
func TestStaticValueMatchesRunner(t *testing.T) {
	var src strings.Builder
	src.WriteString("resource \"t\" \"r\" {\n")
	schema := &hclext.BodySchema{}
	for i, tc := range staticCases {
		name := fmt.Sprintf("e%d", i)
		schema.Attributes = append(schema.Attributes, hclext.AttributeSchema{Name: name})
		source := tc.Source
		if strings.HasPrefix(source, "<<") {
			source = strings.TrimSuffix(source, "\n")
		}
		fmt.Fprintf(&src, "  %s = %s\n", name, source)
	}
	src.WriteString("}\n")

	runner := helper.TestRunner(t, map[string]string{"main.tf": src.String()})
	content, err := runner.GetResourceContent("t", schema, nil)
	if err != nil {
		t.Fatal(err)
	}
	body := content.Blocks[0].Body
	for i, tc := range staticCases {
		t.Run(tc.Name, func(t *testing.T) {
			attr := body.Attributes[fmt.Sprintf("e%d", i)]
			local, ok := StaticValue(attr.Expr)
			if !ok {
				t.Fatalf("%s: not evaluated locally", tc.Source)
			}
			var remote cty.Value
			if err := runner.EvaluateExpr(attr.Expr, &remote, &tflint.EvaluateExprOption{WantType: &cty.DynamicPseudoType}); err != nil {
				t.Fatalf("EvaluateExpr(%s): %s", tc.Source, err)
			}
			if !local.RawEquals(remote) {
				t.Fatalf("%s: local %#v, runner %#v", tc.Source, local, remote)
			}
		})
	}
}

// evalCounter counts the expressions a Runner hands to TFLint.
type evalCounter struct {
	tflint.Runner
	evaluated int
}

func (c *evalCounter) EvaluateExpr(expr hcl.Expression, target any, opts *tflint.EvaluateExprOption) error {
	c.evaluated++
	return c.Runner.EvaluateExpr(expr, target, opts)
}

func TestAttrEvaluatesStaticExpressionsLocally(t *testing.T) {
	cases := []struct {
		Name      string
		Source    string
		Evaluated int
	}{
		{"literal", `true`, 0},
		{"string", `"aws:kms"`, 0},
		{"object of literals", `{ a = "b" }`, 0},
		{"conditional of literals", `true ? false : true`, 0},
		{"for expression", `[for s in ["a"] : s]`, 0},
		// Variables and local values are asked of TFLint once each; the
		// rest is evaluated here.
		{"variable", `var.on`, 1},
		{"function of cty's standard library", `merge({ a = var.on }, { b = var.on })`, 1},
		{"resource attribute", `aws_kms_key.k.arn`, 0},
		// A function of Terraform's own goes to TFLint, but for the type
		// conversions (local_eval.go).
		{"function of Terraform", `lookup({ a = true }, "a", false)`, 1},
		{"conversion of Terraform", `tobool(var.on)`, 1},
		{"conversion of Terraform that fails", `tobool("maybe")`, 1},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			inner := helper.TestRunner(t, map[string]string{
				"main.tf": "variable \"on\" {\n  default = true\n}\nresource \"t\" \"r\" {\n  a = " + tc.Source + "\n}\n",
			})
			counter := &evalCounter{Runner: inner}
			runner := NewRunner(counter, nil, Options{})
			content, err := inner.GetResourceContent("t", &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "a"}}}, nil)
			if err != nil {
				t.Fatal(err)
			}
			runner.Attr(content.Blocks[0].Body, "a", cty.DynamicPseudoType)
			if counter.evaluated != tc.Evaluated {
				t.Fatalf("%s: TFLint evaluated %d expressions, want %d", tc.Source, counter.evaluated, tc.Evaluated)
			}
		})
	}
}
