package lint_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
	"github.com/terraform-linters/tflint-plugin-sdk/terraform/addrs"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

const droppedConfig = `variable "on" {
  default = false
}

locals {
  on = false
}

resource "t" "literal" {
  encrypted = false
}

resource "t" "variable" {
  encrypted = var.on
}

resource "t" "template" {
  encrypted = "${var.on}"
}

resource "t" "local" {
  encrypted = local.on
}

resource "t" "absent" {
}
`

// In a called module TFLint keeps only the findings at an expression that
// refers to an input variable; the runner does not send the others.
func TestFindingsTFLintDrops(t *testing.T) {
	rule := newFakeRule("lgcloud_aws_fake", lint.Reads{"t": attrs("encrypted")})
	notRead := rng(40, 1, 5)
	// emitAll reports at each resource's definition and at its value, and
	// at a range the runner has not read.
	emitAll := func(t *testing.T, runner *lint.Runner, report func(hcl.Range) error) {
		t.Helper()
		blocks, err := runner.Resources(rule, "t")
		if err != nil {
			t.Fatal(err)
		}
		for _, block := range blocks {
			if err := report(block.DefRange); err != nil {
				t.Fatal(err)
			}
			if attr, ok := block.Body.Attributes["encrypted"]; ok {
				if err := report(attr.Expr.Range()); err != nil {
					t.Fatal(err)
				}
			}
		}
		if err := report(notRead); err != nil {
			t.Fatal(err)
		}
	}
	cases := []struct {
		Name   string
		Module addrs.Module
		Want   []string
	}{
		{
			Name:   "root module: every finding is sent",
			Module: addrs.Module{},
			Want: []string{
				"main.tf:9,1-23", "main.tf:10,15-20",
				"main.tf:13,1-24", "main.tf:14,15-21",
				"main.tf:17,1-24", "main.tf:18,15-26",
				"main.tf:21,1-21", "main.tf:22,15-23",
				"main.tf:25,1-22",
				"main.tf:40,1-5",
			},
		},
		{
			Name:   "called module: only values that refer to a variable, and ranges not read",
			Module: addrs.Module{"sys"},
			Want:   []string{"main.tf:14,15-21", "main.tf:18,15-26", "main.tf:40,1-5"},
		},
	}
	for _, tc := range cases {
		for _, fixable := range []bool{false, true} {
			name := tc.Name
			if fixable {
				name += " (fixable)"
			}
			t.Run(name, func(t *testing.T) {
				inner := helper.TestRunner(t, map[string]string{"main.tf": droppedConfig})
				counting := newCountingRunner(inner)
				counting.module = tc.Module
				runner := lint.NewRunner(counting, nil, lint.Options{})
				fixes := 0
				emitAll(t, runner, func(at hcl.Range) error {
					if fixable {
						return runner.ReportFix(rule, at, func(tflint.Fixer) error { fixes++; return nil }, msgNotEncrypted, "t")
					}
					return runner.Report(rule, at, msgNotEncrypted, "t")
				})
				var got []string
				for _, issue := range inner.Issues {
					got = append(got, issue.Range.String())
				}
				if diff := cmp.Diff(tc.Want, got); diff != "" {
					t.Errorf("findings sent (-want +got):\n%s", diff)
				}
				if counting.modulePaths != 1 {
					t.Errorf("asked for the module path %d times, want 1", counting.modulePaths)
				}
				if root := tc.Module.IsRoot(); fixable && root != (fixes > 0) {
					t.Errorf("in the root module %t, fixes ran %d times", root, fixes)
				}
			})
		}
	}
}
