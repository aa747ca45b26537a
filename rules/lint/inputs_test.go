package lint_test

import (
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
	"github.com/terraform-linters/tflint-plugin-sdk/terraform/addrs"
	"github.com/zclconf/go-cty/cty"
)

// Variables of a module called by the root module come from the call, and
// local values from their definitions, without asking TFLint. (The SDK's
// test runner serves the root module from the same files; the integration
// tests compare every such value with TFLint's.)
func TestValuesWithoutTFLint(t *testing.T) {
	const source = `
module "child" {
  source  = "./child"
  name    = "from-call"
  size    = "5"
  nothing = null
  secret  = "s3cr3t"
}
variable "name" {
  default = "from-default"
}
variable "size" {
  type = number
}
variable "nothing" {
  type     = string
  default  = "kept"
  nullable = false
}
variable "secret" {
  type      = string
  sensitive = true
}
variable "unset" {
  type    = object({ a = string, b = optional(string, "filled") })
  default = { a = "x" }
}
variable "required" {
  type = string
}
locals {
  label  = "${var.name}-${local.suffix}"
  suffix = upper("x")
  loop_a = local.loop_b
  loop_b = local.loop_a
}
resource "t" "r" {
  name     = var.name
  size     = var.size
  nothing  = var.nothing
  secret   = var.secret
  unset    = var.unset
  required = var.required
  label    = local.label
  loop     = local.loop_a
}
`
	cases := []struct {
		attr  string
		want  cty.Value
		state lint.State
	}{
		{"name", cty.StringVal("from-call"), lint.Known},
		{"size", cty.NumberIntVal(5), lint.Known},
		{"nothing", cty.StringVal("kept"), lint.Known},
		{"secret", cty.NilVal, lint.Unknown},
		{"unset", cty.ObjectVal(map[string]cty.Value{"a": cty.StringVal("x"), "b": cty.StringVal("filled")}), lint.Known},
		{"required", cty.NilVal, lint.Unknown},
		{"label", cty.StringVal("from-call-X"), lint.Known},
	}
	counter := newCountingRunner(helper.TestRunner(t, map[string]string{"main.tf": source}))
	counter.module = addrs.Module{"child"}
	names := []string{"loop"}
	for _, c := range cases {
		names = append(names, c.attr)
	}
	runner := lint.NewRunner(counter, nil, lint.Options{})
	block := resource(t, runner, newFakeRule("lgcloud_aws_x", lint.Reads{"t": attrs(names...)}), "t")
	for _, c := range cases {
		v := runner.Attr(block.Body, c.attr, cty.DynamicPseudoType)
		if v.State != c.state || (c.state == lint.Known && !v.Val.RawEquals(c.want)) {
			t.Errorf("%s = %#v (%v), want %#v (%v)", c.attr, v.Val, v.State, c.want, c.state)
		}
	}
	if counter.evaluations != 0 {
		t.Errorf("TFLint was asked %d times, want 0", counter.evaluations)
	}
	// Local values that refer to each other go to TFLint (which reports
	// the cycle), once each.
	if v := runner.Attr(block.Body, "loop", cty.DynamicPseudoType); v.State != lint.Unknown {
		t.Errorf("loop = %#v, want unknown", v)
	}
	if counter.evaluations == 0 {
		t.Errorf("a cycle of local values was not left to TFLint")
	}
}
