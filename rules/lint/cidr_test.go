package lint_test

import (
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
	"github.com/zclconf/go-cty/cty"
)

// cidrsubnet is evaluated in the plugin (the first three cases are the
// examples of Terraform's documentation); what Go's address parser or
// go-cidr refuses goes to TFLint, whose test runner knows no function and
// leaves it unknown.
func TestCidrSubnet(t *testing.T) {
	cases := []struct {
		Expr  string
		Want  string // "" when the expression goes to TFLint
		Asked int    // expressions asked of TFLint
	}{
		{`cidrsubnet("172.16.0.0/12", 4, 2)`, "172.18.0.0/16", 0},
		{`cidrsubnet("10.1.2.0/24", 4, 15)`, "10.1.2.240/28", 0},
		{`cidrsubnet("fd00:fd12:3456:7890::/56", 16, 162)`, "fd00:fd12:3456:7800:a200::/72", 0},
		{`core::cidrsubnet("10.0.0.0/16", 8, 255)`, "10.0.255.0/24", 0},
		{`cidrsubnet(var.cidr, 8, var.index)`, "10.1.3.0/24", 2}, // the two variables
		{`cidrsubnet("010.0.0.0/16", 8, 1)`, "", 1},              // leading zeros
		{`cidrsubnet("10.0.0.0/24", 2, 4)`, "", 1},               // no subnet 4 in 2 bits
		{`cidrsubnet("10.0.0.0/30", 4, 0)`, "", 1},               // not enough bits
		{`cidrsubnet("10.0.0.0/16", 1.5, 0)`, "", 1},             // newbits not whole
		{`cidrsubnet("10.0.0.0", 8, 0)`, "", 1},                  // no prefix length
	}
	for _, tc := range cases {
		t.Run(tc.Expr, func(t *testing.T) {
			src := `
variable "cidr" {
  default = "10.1.0.0/16"
}
variable "index" {
  default = 3
}
resource "t" "r" {
  v = ` + tc.Expr + `
}
`
			counter := newCountingRunner(helper.TestRunner(t, map[string]string{"main.tf": src}))
			runner := lint.NewRunner(counter, nil, lint.Options{})
			block := resource(t, runner, newFakeRule("lgcloud_aws_x", lint.Reads{"t": attrs("v")}), "t")
			v := runner.Attr(block.Body, "v", cty.String)
			if tc.Want != "" && (v.State != lint.Known || !v.Val.RawEquals(cty.StringVal(tc.Want))) {
				t.Errorf("%s = %#v, want %q", tc.Expr, v, tc.Want)
			}
			if tc.Want == "" && v.State == lint.Known {
				t.Errorf("%s = %#v, want it left to TFLint", tc.Expr, v.Val)
			}
			if counter.evaluations != tc.Asked {
				t.Errorf("TFLint was asked %d times, want %d", counter.evaluations, tc.Asked)
			}
		})
	}
}
