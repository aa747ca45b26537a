package lint_test

import (
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func TestBatchReads(t *testing.T) {
	const source = `
resource "t" "a" {
  x = 1
  z = 2
  rule {
    p = 3
    q = 4
  }
}
resource "u" "b" {
  z = 5
  rule {
    q = 6
  }
}
resource "v" "c" {
  rule = 7
}
data "d" "e" {
  x = 8
}
resource "w" "absent_from_reads" {
  x = 9
}
`
	ruleBlock := func(names ...string) *hclext.BodySchema {
		return &hclext.BodySchema{Blocks: []hclext.BlockSchema{{Type: "rule", Body: attrs(names...)}}}
	}
	reads := lint.Reads{
		"t":      lint.MergeSchema(attrs("x"), ruleBlock("p")),
		"u":      lint.MergeSchema(attrs("z"), ruleBlock("q")),
		"v":      attrs("rule"), // an attribute where t and u have a block
		"data.d": attrs("x"),
	}
	rule := newFakeRule("lgcloud_aws_x", reads)

	// The resources in JSON, the data source in native syntax. v.c has no
	// rule: TFLint cannot read "rule": 7 with t's schema in JSON at all.
	const jsonSource = `{
  "resource": {
    "t": {"a": {"x": 1, "z": 2, "rule": {"p": 3, "q": 4}}},
    "u": {"b": {"z": 5, "rule": {"q": 6}}},
    "v": {"c": {}},
    "w": {"absent_from_reads": {"x": 9}}
  }
}`
	files := map[string]map[string]string{
		"native": {"main.tf": source},
		"json":   {"main.tf.json": jsonSource, "data.tf": "data \"d\" \"e\" {\n  x = 8\n}\n"},
	}

	read := func(t *testing.T, syntax string, opts lint.Options) (*countingRunner, map[string][]*hclext.Block) {
		t.Helper()
		counter := newCountingRunner(helper.TestRunner(t, files[syntax]))
		opts.Reads = reads
		runner := lint.NewRunner(counter, nil, opts)
		got := map[string][]*hclext.Block{}
		for _, ty := range []string{"t", "u", "v", "data.d"} {
			blocks, err := runner.Resources(rule, ty)
			if err != nil {
				t.Fatal(err)
			}
			got[ty] = blocks
		}
		return counter, got
	}

	// v reads as an attribute the name t and u read as a block: in JSON a
	// property of that name would be read as the attribute, so v is read
	// apart there; native syntax tells them apart.
	for syntax, requests := range map[string]int{"native": 1, "json": 2} {
		t.Run("each type gets what a read of it alone returns, "+syntax, func(t *testing.T) {
			counter, got := read(t, syntax, lint.Options{})
			want := map[string]string{
				"t":      "t.a: rule{p} x",
				"u":      "u.b: rule{q} z",
				"v":      "v.c: rule",
				"data.d": "d.e: x",
			}
			if syntax == "json" {
				want["v"] = "v.c: "
			}
			for ty, blocks := range got {
				if len(blocks) != 1 {
					t.Fatalf("%s: %d blocks, want 1", ty, len(blocks))
				}
				if diff := cmp.Diff(want[ty], describe(blocks[0])); diff != "" {
					t.Errorf("%s (-want +got):\n%s", ty, diff)
				}
			}
			if counter.requests != requests {
				t.Errorf("%d requests, want %d", counter.requests, requests)
			}
			if len(counter.reads) != 0 {
				t.Errorf("types read alone: %v, want none", counter.reads)
			}
		})
	}

	t.Run("only the types the enabled rules read are read together", func(t *testing.T) {
		counter, got := read(t, "native", lint.Options{Batch: map[string]bool{"t": true, "data.d": true}})
		if len(got["u"]) != 1 || len(got["v"]) != 1 {
			t.Fatalf("u and v: %d and %d blocks, want 1 and 1", len(got["u"]), len(got["v"]))
		}
		// t with d; u and v each alone.
		if counter.requests != 1 || len(counter.reads) != 2 || counter.reads["u"] != 1 || counter.reads["v"] != 1 {
			t.Errorf("%d requests together, reads %v; want 1 together, u and v once each", counter.requests, counter.reads)
		}
	})
}

// describe writes a block's address and what was read of it.
func describe(block *hclext.Block) string {
	return block.Labels[0] + "." + block.Labels[1] + ": " + describeBody(block.Body)
}

func describeBody(body *hclext.BodyContent) string {
	var parts []string
	for name := range body.Attributes {
		parts = append(parts, name)
	}
	for _, b := range body.Blocks {
		parts = append(parts, b.Type+"{"+describeBody(b.Body)+"}")
	}
	sort.Strings(parts)
	out := ""
	for i, p := range parts {
		if i > 0 {
			out += " "
		}
		out += p
	}
	return out
}
