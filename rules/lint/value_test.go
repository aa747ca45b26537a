package lint_test

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
	"github.com/zclconf/go-cty/cty"
)

const valueSource = `
variable "flag_false" {
  default = false
}
variable "no_default" {}
variable "secret" {
  default   = true
  sensitive = true
}
variable "secret_text" {
  default   = "s3cr3t"
  sensitive = true
}
variable "null_default" {
  default = null
}
variable "text" {
  default = "hello"
}

resource "t" "r" {
  null_literal   = null
  true_literal   = true
  false_literal  = false
  string_true    = "true"
  number         = 3
  from_var       = var.flag_false
  null_var       = var.null_default
  unknown_var    = var.no_default
  partly_unknown = [true, var.no_default]
  sensitive_var  = var.secret
  sensitive_item = ["a", var.secret_text]
  sensitive_attr = { key = var.secret_text }
  wrong_type     = "yes"
  list_for_bool  = [true]
  local_ref      = local.enabled
  resource_ref   = aws_kms_key.k.arn
  missing_var    = var.undeclared
  function_call  = upper(var.text)
  tf_function    = sha256(var.text)
  conversion     = tostring(var.flag_false)
  template       = "${var.text}-x"
  conditional    = var.flag_false ? "a" : "b"

  inner {
    flag = false
  }
}
`

var valueAttrs = []string{
	"absent", "null_literal", "true_literal", "false_literal", "string_true", "number",
	"from_var", "null_var", "unknown_var", "partly_unknown", "sensitive_var", "sensitive_item", "sensitive_attr",
	"wrong_type", "list_for_bool", "local_ref", "resource_ref", "missing_var",
	"function_call", "tf_function", "conversion", "template", "conditional",
}

func TestAttr(t *testing.T) {
	const (
		whyUnknown   = "the value is not known at lint time"
		whySensitive = "the value is sensitive or ephemeral"
		whyType      = "the value is not of the expected type"
		whyEval      = "the expression cannot be evaluated"
	)
	cases := []struct {
		Name  string
		Attr  string
		Type  cty.Type
		State lint.State
		Val   cty.Value
		Why   string
	}{
		{"attribute not written is absent", "absent", cty.Bool, lint.Absent, cty.NilVal, ""},
		{"null literal is absent", "null_literal", cty.Bool, lint.Absent, cty.NilVal, ""},
		{"variable whose default is null is absent", "null_var", cty.Bool, lint.Absent, cty.NilVal, ""},
		{"true literal is known", "true_literal", cty.Bool, lint.Known, cty.True, ""},
		{"false literal is known", "false_literal", cty.Bool, lint.Known, cty.False, ""},
		{"string true converts to bool", "string_true", cty.Bool, lint.Known, cty.True, ""},
		{"string true without conversion stays a string", "string_true", cty.DynamicPseudoType, lint.Known, cty.StringVal("true"), ""},
		{"number is known", "number", cty.Number, lint.Known, cty.NumberIntVal(3), ""},
		{"number converts to string", "number", cty.String, lint.Known, cty.StringVal("3"), ""},
		{"variable default is known", "from_var", cty.Bool, lint.Known, cty.False, ""},
		{"template of a variable default is known", "template", cty.String, lint.Known, cty.StringVal("hello-x"), ""},
		{"conditional on a variable default is known", "conditional", cty.String, lint.Known, cty.StringVal("b"), ""},
		{"tuple without conversion is known", "list_for_bool", cty.DynamicPseudoType, lint.Known, cty.TupleVal([]cty.Value{cty.True}), ""},
		{"tuple converts to a list", "list_for_bool", cty.List(cty.Bool), lint.Known, cty.ListVal([]cty.Value{cty.True}), ""},
		{"variable without default is unknown", "unknown_var", cty.Bool, lint.Unknown, cty.NilVal, whyUnknown},
		{"partly unknown value is unknown", "partly_unknown", cty.DynamicPseudoType, lint.Unknown, cty.NilVal, whyUnknown},
		{"sensitive variable is unknown", "sensitive_var", cty.Bool, lint.Unknown, cty.NilVal, whySensitive},
		{"list holding a sensitive variable is unknown", "sensitive_item", cty.List(cty.String), lint.Unknown, cty.NilVal, whySensitive},
		{"object holding a sensitive variable is unknown", "sensitive_attr", cty.DynamicPseudoType, lint.Unknown, cty.NilVal, whySensitive},
		{"string that is no bool is of the wrong type", "wrong_type", cty.Bool, lint.Unknown, cty.NilVal, whyType},
		{"list where a bool is wanted is of the wrong type", "list_for_bool", cty.Bool, lint.Unknown, cty.NilVal, whyType},
		{"local the runner cannot evaluate is unknown", "local_ref", cty.Bool, lint.Unknown, cty.NilVal, whyEval},
		// TFLint knows no attribute of a resource.
		{"resource attribute is unknown", "resource_ref", cty.String, lint.Unknown, cty.NilVal, whyUnknown},
		{"undeclared variable is unknown", "missing_var", cty.Bool, lint.Unknown, cty.NilVal, whyEval},
		// A function TFLint takes from cty's standard library is
		// evaluated here; the SDK's test runner knows no functions.
		{"function of cty's standard library", "function_call", cty.String, lint.Known, cty.StringVal("HELLO"), ""},
		{"function the runner cannot call is unknown", "tf_function", cty.String, lint.Unknown, cty.NilVal, whyEval},
		{"type conversion of Terraform is evaluated here", "conversion", cty.String, lint.Known, cty.StringVal("false"), ""},
	}

	rule := newFakeRule("lgcloud_aws_fake", lint.Reads{"t": {
		Attributes: attrs(valueAttrs...).Attributes,
		Blocks:     []hclext.BlockSchema{{Type: "inner", Body: attrs("flag")}},
	}})
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := lint.NewRunner(helper.TestRunner(t, map[string]string{"main.tf": valueSource}), nil, lint.Options{})
			block := resource(t, runner, rule, "t")
			v := runner.Attr(block.Body, tc.Attr, tc.Type)

			if v.State != tc.State {
				t.Fatalf("State = %d, want %d (value %#v, why %q)", v.State, tc.State, v.Val, v.Why.EN)
			}
			if v.Name != tc.Attr {
				t.Errorf("Name = %q, want %q", v.Name, tc.Attr)
			}
			if tc.State == lint.Known && !v.Val.RawEquals(tc.Val) {
				t.Errorf("Val = %#v, want %#v", v.Val, tc.Val)
			}
			if tc.State != lint.Known && v.Val != cty.NilVal {
				t.Errorf("Val = %#v, want none when the value is not known", v.Val)
			}
			if v.Why.EN != tc.Why {
				t.Errorf("Why = %q, want %q", v.Why.EN, tc.Why)
			}
			if tc.Why != "" && v.Why.JA == "" {
				t.Errorf("Why has no Japanese text")
			}
			attr, written := block.Body.Attributes[tc.Attr]
			switch {
			case !written && v.Expr != nil:
				t.Errorf("absent attribute: want no expression, got %v", v.Expr)
			case written && v.Expr != attr.Expr:
				t.Errorf("Expr is not the attribute's expression")
			case written && v.Range != attr.Expr.Range():
				t.Errorf("Range = %s, want the expression's %s", v.Range, attr.Expr.Range())
			}
			if got := v.IsAbsent(); got != (tc.State == lint.Absent) {
				t.Errorf("IsAbsent() = %v", got)
			}
			if got := v.IsUnknown(); got != (tc.State == lint.Unknown) {
				t.Errorf("IsUnknown() = %v", got)
			}
		})
	}

	t.Run("attribute of a nested block", func(t *testing.T) {
		runner := lint.NewRunner(helper.TestRunner(t, map[string]string{"main.tf": valueSource}), nil, lint.Options{})
		block := resource(t, runner, rule, "t")
		v := runner.Attr(block.Body.Blocks.OfType("inner")[0].Body, "flag", cty.Bool)
		if !v.IsFalse() {
			t.Fatalf("want a known false, got state %d value %#v", v.State, v.Val)
		}
	})
	t.Run("nil body is absent", func(t *testing.T) {
		runner := lint.NewRunner(helper.TestRunner(t, map[string]string{"main.tf": valueSource}), nil, lint.Options{})
		if v := runner.Attr(nil, "encrypted", cty.Bool); v.State != lint.Absent || v.Name != "encrypted" {
			t.Fatalf("want absent encrypted, got %+v", v)
		}
	})
	t.Run("root attribute in the root module", func(t *testing.T) {
		runner := lint.NewRunner(helper.TestRunner(t, map[string]string{"main.tf": valueSource}), nil, lint.Options{})
		blocks, err := runner.RootResources(rule, "t")
		if err != nil {
			t.Fatal(err)
		}
		if v := runner.RootAttr(blocks[0].Body, "from_var", cty.Bool); !v.IsFalse() {
			t.Fatalf("want a known false, got %+v", v)
		}
	})
}

func TestValueAccessors(t *testing.T) {
	cases := []struct {
		Name   string
		Value  lint.Value
		True   bool
		False  bool
		String string
		IsStr  bool
	}{
		{"known true", lint.Value{State: lint.Known, Val: cty.True}, true, false, "", false},
		{"known false", lint.Value{State: lint.Known, Val: cty.False}, false, true, "", false},
		{"known string", lint.Value{State: lint.Known, Val: cty.StringVal("aws:kms")}, false, false, "aws:kms", true},
		{"string false is not a bool", lint.Value{State: lint.Known, Val: cty.StringVal("false")}, false, false, "false", true},
		{"number is neither", lint.Value{State: lint.Known, Val: cty.NumberIntVal(0)}, false, false, "", false},
		{"absent is neither", lint.Value{State: lint.Absent}, false, false, "", false},
		{"unknown is neither", lint.Value{State: lint.Unknown}, false, false, "", false},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			if got := tc.Value.IsTrue(); got != tc.True {
				t.Errorf("IsTrue() = %v, want %v", got, tc.True)
			}
			if got := tc.Value.IsFalse(); got != tc.False {
				t.Errorf("IsFalse() = %v, want %v", got, tc.False)
			}
			s, ok := tc.Value.String()
			if s != tc.String || ok != tc.IsStr {
				t.Errorf("String() = %q, %v; want %q, %v", s, ok, tc.String, tc.IsStr)
			}
		})
	}
}

func TestIsLiteral(t *testing.T) {
	cases := []struct {
		Name    string
		Source  string
		Literal bool
	}{
		{"true", `true`, true},
		{"false", `false`, true},
		{"number", `5`, true},
		{"null", `null`, true},
		{"quoted string", `"aws:kms"`, true},
		{"quoted false", `"false"`, true},
		{"heredoc without interpolation", "<<EOT\nplain\nEOT\n", true},
		{"empty string", `""`, true},
		{"template with interpolation", `"a-${"b"}"`, false},
		{"interpolation only", `"${true}"`, false},
		{"variable", `var.encrypted`, false},
		{"local", `local.encrypted`, false},
		{"negation", `!true`, false},
		{"conditional of literals", `true ? false : true`, false},
		{"tuple", `[false]`, false},
		{"object", `{ a = false }`, false},
		{"function call", `tobool("false")`, false},
		{"parenthesised literal", `(false)`, false},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			expr, diags := hclsyntax.ParseExpression([]byte(tc.Source), "main.tf", hcl.InitialPos)
			if diags.HasErrors() {
				t.Fatal(diags)
			}
			if got := (lint.Value{Expr: expr}).IsLiteral(); got != tc.Literal {
				t.Fatalf("IsLiteral(%s) = %v, want %v (%T)", tc.Source, got, tc.Literal, expr)
			}
		})
	}
	t.Run("no expression", func(t *testing.T) {
		if (lint.Value{State: lint.Absent}).IsLiteral() {
			t.Fatal("an absent value is no literal")
		}
	})
	t.Run("JSON value", func(t *testing.T) {
		runner := lint.NewRunner(helper.TestRunner(t, map[string]string{
			"main.tf.json": `{"resource": {"t": {"r": {"flag": false}}}}`,
		}), nil, lint.Options{})
		rule := newFakeRule("lgcloud_aws_fake", lint.Reads{"t": attrs("flag")})
		v := runner.Attr(resource(t, runner, rule, "t").Body, "flag", cty.Bool)
		if !v.IsFalse() {
			t.Fatalf("want a known false, got %+v", v)
		}
		if v.IsLiteral() {
			t.Fatal("a JSON value is not rewritten by an autofix, so it is no literal")
		}
	})
}
