package lint_test

import (
	"errors"
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// appendRule adds `added = true` to every `inner` block of every `t`
// resource, or an `inner` block holding it to a resource without one.
func appendRule() *fakeRule {
	rule := newFakeRule("lgcloud_test_append", lint.Reads{
		"t": {Blocks: []hclext.BlockSchema{{Type: "inner", Body: attrs()}}},
	})
	msg := project.Text{JA: "追加します。", EN: "adds."}
	rule.check = func(r *fakeRule, runner *lint.Runner) error {
		resources, err := runner.Resources(r, "t")
		if err != nil {
			return err
		}
		for _, resource := range resources {
			inner := resource.Body.Blocks.OfType("inner")
			if len(inner) == 0 {
				err := runner.ReportFix(r, resource.DefRange, func(f tflint.Fixer) error {
					block, src, err := runner.BlockSyntax(resource.DefRange, "resource")
					if err != nil {
						return err
					}
					if lint.HasChildBlock(block, "inner") {
						return tflint.ErrFixNotSupported
					}
					return lint.AppendToBody(f, block, src, "inner {\nadded = true\n}\n")
				}, msg)
				if err != nil {
					return err
				}
			}
			for _, b := range inner {
				err := runner.ReportFix(r, b.DefRange, func(f tflint.Fixer) error {
					block, src, err := runner.BlockSyntax(b.DefRange, "inner")
					if err != nil {
						return err
					}
					return lint.AppendToBody(f, block, src, "added = true\n")
				}, msg)
				if err != nil {
					return err
				}
			}
		}
		return nil
	}
	return rule
}

func TestAppendToBody(t *testing.T) {
	cases := []struct {
		Name     string
		Files    map[string]string
		Expected map[string]string
	}{
		{
			Name: "multi-line, single-line and empty bodies",
			Files: map[string]string{"main.tf": `
resource "t" "multi" {
  inner {
    a = 1
    # last comment
  }
}

resource "t" "single" {
  inner { a = 1 }
}

resource "t" "empty" {
  inner {}
}

resource "t" "blank" {
  inner {

  }
}
`},
			Expected: map[string]string{"main.tf": `
resource "t" "multi" {
  inner {
    a = 1
    # last comment
    added = true
  }
}

resource "t" "single" {
  inner {
    a     = 1
    added = true
  }
}

resource "t" "empty" {
  inner {
    added = true
  }
}

resource "t" "blank" {
  inner {
    added = true
  }
}
`},
		},
		{
			Name: "a block added to resources, in two files",
			Files: map[string]string{
				"a.tf": `resource "t" "a" {
  x = 1
}
`,
				"b.tf": `resource "t" "b" {}
`,
			},
			Expected: map[string]string{
				"a.tf": `resource "t" "a" {
  x = 1
  inner {
    added = true
  }
}
`,
				"b.tf": `resource "t" "b" {
  inner {
    added = true
  }
}
`,
			},
		},
		{
			Name: "a dynamic block is not edited",
			Files: map[string]string{"main.tf": `
resource "t" "dyn" {
  dynamic "inner" {
    for_each = []
    content {}
  }
}
`},
			Expected: map[string]string{},
		},
		{
			Name: "JSON is not edited",
			Files: map[string]string{"main.tf.json": `{"resource": {"t": {"j": {}}}}
`},
			Expected: map[string]string{},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, appendRule(), tc.Files, nil)
			if len(runner.Issues) == 0 {
				t.Fatal("no issue emitted")
			}
			helper.AssertChanges(t, tc.Expected, runner.Changes())
		})
	}
}

func TestBlockSyntaxNotFound(t *testing.T) {
	rule := newFakeRule("lgcloud_test_find", lint.Reads{"t": attrs()})
	var got error
	rule.check = func(r *fakeRule, runner *lint.Runner) error {
		resources, err := runner.Resources(r, "t")
		if err != nil {
			return err
		}
		_, _, got = runner.BlockSyntax(resources[0].DefRange, "inner")
		return nil
	}
	linttest.Run(t, rule, map[string]string{"main.tf": `resource "t" "a" {}`}, nil)
	if !errors.Is(got, tflint.ErrFixNotSupported) {
		t.Errorf("BlockSyntax of a block of another type returned %v, want ErrFixNotSupported", got)
	}
}
