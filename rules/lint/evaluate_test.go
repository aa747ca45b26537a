package lint_test

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
	"github.com/terraform-linters/tflint-plugin-sdk/terraform/addrs"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// TFLint binds the values of the attributes of count and for_each
// instances (hclext.BoundExpr): the runner takes them as bound, without
// asking TFLint, and an autofix sees the literal written in the file.
func TestBoundExpressions(t *testing.T) {
	parse := func(src string) hcl.Expression {
		expr, diags := hclsyntax.ParseExpression([]byte(src), "main.tf", hcl.InitialPos)
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		return expr
	}
	counter := newCountingRunner(helper.TestRunner(t, map[string]string{"main.tf": ""}))
	runner := lint.NewRunner(counter, nil, lint.Options{})
	cases := []struct {
		Name    string
		Expr    hcl.Expression
		Want    lint.Value
		Literal bool
	}{
		{
			Name:    "bound literal",
			Expr:    hclext.BindValue(cty.True, parse(`true`)),
			Want:    lint.Value{State: lint.Known, Val: cty.True},
			Literal: true,
		},
		{
			Name: "bound value of a reference to count.index",
			Expr: hclext.BindValue(cty.StringVal("10.0.1.0/24"), parse(`var.cidrs[count.index]`)),
			Want: lint.Value{State: lint.Known, Val: cty.StringVal("10.0.1.0/24")},
		},
		{
			Name: "bound unknown",
			Expr: hclext.BindValue(cty.UnknownVal(cty.Bool), parse(`var.flags[each.key]`)),
			Want: lint.Value{State: lint.Unknown},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			body := &hclext.BodyContent{Attributes: hclext.Attributes{"x": {Name: "x", Expr: tc.Expr, Range: tc.Expr.Range()}}}
			got := runner.Attr(body, "x", cty.DynamicPseudoType)
			if got.State != tc.Want.State || (got.State == lint.Known && !got.Val.RawEquals(tc.Want.Val)) {
				t.Errorf("got %d %#v (%v), want %d %#v", got.State, got.Val, got.Why, tc.Want.State, tc.Want.Val)
			}
			if got.IsLiteral() != tc.Literal {
				t.Errorf("IsLiteral() = %v, want %v", got.IsLiteral(), tc.Literal)
			}
		})
	}
	if counter.evaluations != 0 {
		t.Errorf("TFLint was asked %d times, want 0", counter.evaluations)
	}
}

// Rules read the same attributes and the same variables: a variable is
// asked of TFLint once per module, whichever rule reads it, however often
// and in whichever expression.
func TestEvaluationsAreShared(t *testing.T) {
	src := `
variable "flag" {
  default = true
}
resource "t" "a" {
  x = var.flag
  y = var.flag == true
  z = lookup({ a = var.flag }, "a", false)
}
`
	counter := newCountingRunner(helper.TestRunner(t, map[string]string{"main.tf": src}))
	rx := newFakeRule("lgcloud_aws_x", lint.Reads{"t": {Attributes: []hclext.AttributeSchema{{Name: "x"}, {Name: "y"}, {Name: "z"}}}})
	ry := newFakeRule("lgcloud_aws_y", lint.Reads{"t": {Attributes: []hclext.AttributeSchema{{Name: "x"}}}})
	runner := lint.NewRunner(counter, nil, lint.Options{Reads: lint.MergeReads([]lint.Rule{rx, ry})})
	for _, rule := range []lint.Rule{rx, ry, rx} {
		blocks, err := runner.Resources(rule, "t")
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range []string{"x", "y"} {
			if v := runner.Attr(blocks[0].Body, name, cty.Bool); !v.IsTrue() {
				t.Fatalf("%s = %#v, want true", name, v)
			}
		}
		// A function of Terraform's own: the whole expression goes to
		// TFLint (whose test runner knows no functions), once.
		runner.Attr(blocks[0].Body, "z", cty.Bool)
	}
	if counter.evaluations != 2 {
		t.Errorf("TFLint evaluated %d expressions, want 2 (var.flag once, z once)", counter.evaluations)
	}
}

// The count and for_each of a module's resources come with the list of its
// resource types, without a read of each type.
func TestMetaArgs(t *testing.T) {
	src := `
resource "t" "counted" {
  count = 2
}
resource "t" "each" {
  for_each = toset(["a"])
}
resource "t" "plain" {}
`
	counter := newCountingRunner(helper.TestRunner(t, map[string]string{"main.tf": src}))
	runner := lint.NewRunner(counter, nil, lint.Options{})
	for address, want := range map[string]string{"t.counted": "count", "t.each": "for_each", "t.plain": ""} {
		meta, err := runner.MetaArgs(address)
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		if meta != nil {
			for name := range meta.Attributes {
				got = name
			}
		}
		if got != want {
			t.Errorf("%s: meta-argument %q, want %q", address, got, want)
		}
	}
	if n := counter.totalReads(); n != 0 {
		t.Errorf("%d reads of resource types, want none", n)
	}
}

// slowEvaluations counts, for runners checking modules at the same time,
// the expressions asked of TFLint, each answer taking a while.
type slowEvaluations struct {
	tflint.Runner
	asked *atomic.Int32
}

func (s slowEvaluations) EvaluateExpr(expr hcl.Expression, target any, opts *tflint.EvaluateExprOption) error {
	s.asked.Add(1)
	time.Sleep(20 * time.Millisecond)
	return s.Runner.EvaluateExpr(expr, target, opts)
}

// The module checks of a pass run together and all read the root module's
// values: each is asked of TFLint once, the other checks waiting for it.
func TestRootValuesAreAskedOncePerPass(t *testing.T) {
	src := map[string]string{"main.tf": `
variable "flag" {
  default = true
}
resource "t" "a" {
  x = !var.flag
}
`}
	rule := newFakeRule("lgcloud_aws_x", lint.Reads{"t": attrs("x")})
	shared := lint.NewShared()
	var asked atomic.Int32
	var wg sync.WaitGroup
	for range 8 {
		counter := newCountingRunner(helper.TestRunner(t, src))
		counter.module = addrs.Module{"child"}
		runner := lint.NewRunner(slowEvaluations{counter, &asked}, nil, lint.Options{Shared: shared})
		wg.Go(func() {
			blocks, err := runner.RootResources(rule, "t")
			if err != nil || len(blocks) != 1 {
				t.Errorf("RootResources: %v, %d blocks", err, len(blocks))
				return
			}
			if v := runner.RootAttr(blocks[0].Body, "x", cty.Bool); v.State != lint.Known || v.IsTrue() {
				t.Errorf("x = %#v, want false", v)
			}
		})
	}
	wg.Wait()
	if got := asked.Load(); got != 1 {
		t.Errorf("TFLint was asked %d times for var.flag, want 1", got)
	}
	// The next pass asks again: a fix may have changed the root module.
	shared.NewPass()
	counter := newCountingRunner(helper.TestRunner(t, src))
	counter.module = addrs.Module{"child"}
	runner := lint.NewRunner(slowEvaluations{counter, &asked}, nil, lint.Options{Shared: shared})
	blocks, err := runner.RootResources(rule, "t")
	if err != nil {
		t.Fatal(err)
	}
	runner.RootAttr(blocks[0].Body, "x", cty.Bool)
	if got := asked.Load(); got != 2 {
		t.Errorf("TFLint was asked %d times after a new pass, want 2", got)
	}
}

// Terraform's type conversions are evaluated in the plugin; a conversion
// cty refuses goes to TFLint, whose test runner knows no function and
// leaves it unknown. integration/local_eval_test.go compares the values
// with TFLint's own, unknown and sensitive ones included.
func TestConversions(t *testing.T) {
	strs := func(ss ...string) []cty.Value {
		var vals []cty.Value
		for _, s := range ss {
			vals = append(vals, cty.StringVal(s))
		}
		return vals
	}
	cases := []struct {
		Expr  string
		Want  cty.Value // cty.NilVal when the value is not known here
		Asked int       // expressions asked of TFLint
	}{
		{`toset(var.names)`, cty.SetVal(strs("a", "b")), 1},
		{`toset(["b", "a", "b"])`, cty.SetVal(strs("a", "b")), 0},
		{`toset([1, "a"])`, cty.SetVal(strs("1", "a")), 0},
		{`core::toset(["a"])`, cty.SetVal(strs("a")), 0},
		{`tolist(toset(["b", "a"]))`, cty.ListVal(strs("a", "b")), 0},
		{`tolist(var.names)`, cty.ListVal(strs("b", "a", "b")), 1},
		{`tomap({ a = 1, b = "x" })`, cty.MapVal(map[string]cty.Value{"a": cty.StringVal("1"), "b": cty.StringVal("x")}), 0},
		{`tostring(5)`, cty.StringVal("5"), 0},
		{`tostring(var.on)`, cty.StringVal("true"), 1},
		{`tonumber("42")`, cty.NumberIntVal(42), 0},
		{`tobool("true")`, cty.True, 0},
		{`toset(var.unset)`, cty.NilVal, 1},    // unknown: the runner says so
		{`toset([var.secret])`, cty.NilVal, 1}, // sensitive: the runner says so
		{`tobool("maybe")`, cty.NilVal, 1},     // refused: TFLint's error
		{`tonumber("x")`, cty.NilVal, 1},
		{`tolist("a")`, cty.NilVal, 1},
		{`tomap(["a"])`, cty.NilVal, 1},
	}
	for _, tc := range cases {
		t.Run(tc.Expr, func(t *testing.T) {
			src := `
variable "names" {
  default = ["b", "a", "b"]
}
variable "on" {
  default = true
}
variable "unset" {
  type = list(string)
}
variable "secret" {
  default   = "s"
  sensitive = true
}
resource "t" "r" {
  v = ` + tc.Expr + `
}
`
			counter := newCountingRunner(helper.TestRunner(t, map[string]string{"main.tf": src}))
			runner := lint.NewRunner(counter, nil, lint.Options{})
			block := resource(t, runner, newFakeRule("lgcloud_aws_x", lint.Reads{"t": attrs("v")}), "t")
			v := runner.Attr(block.Body, "v", cty.DynamicPseudoType)
			if tc.Want != cty.NilVal && (v.State != lint.Known || !v.Val.RawEquals(tc.Want)) {
				t.Errorf("%s = %#v, want %#v", tc.Expr, v.Val, tc.Want)
			}
			if tc.Want == cty.NilVal && v.State == lint.Known {
				t.Errorf("%s = %#v, want it not known", tc.Expr, v.Val)
			}
			if counter.evaluations != tc.Asked {
				t.Errorf("TFLint was asked %d times, want %d", counter.evaluations, tc.Asked)
			}
		})
	}
}
