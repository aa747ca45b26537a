package lint_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
	"github.com/terraform-linters/tflint-plugin-sdk/terraform/addrs"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

func TestReadsAsWritten(t *testing.T) {
	const source = `
terraform {
  required_providers {
    aws = { source = "hashicorp/aws" }
  }
}
provider "aws" {
  region = "ap-northeast-1"
  alias  = "tokyo"
}
resource "t" "a" {
  count    = 2
  provider = aws.tokyo
  x        = 1
  rule {
    p = 2
  }
}
resource "u" "b" {
  rule = 3
}
module "m" {
  source = "./m"
}
`
	asWritten := &tflint.GetModuleContentOption{ExpandMode: tflint.ExpandModeNone}
	providers := &hclext.BodySchema{Blocks: []hclext.BlockSchema{{Type: "provider", LabelNames: []string{"name"}, Body: attrs("region", "alias")}}}
	required := &hclext.BodySchema{Blocks: []hclext.BlockSchema{{Type: "terraform", Body: &hclext.BodySchema{Blocks: []hclext.BlockSchema{{Type: "required_providers", Body: &hclext.BodySchema{Mode: hclext.SchemaJustAttributesMode}}}}}}}
	resourceX := &hclext.BodySchema{Blocks: []hclext.BlockSchema{{Type: "rule", Body: attrs("p")}}}
	modules := &hclext.BodySchema{Blocks: []hclext.BlockSchema{{Type: "module", LabelNames: []string{"name"}, Body: attrs("source")}}}

	// read makes the reads through a runner and through TFLint's runner
	// alone, and compares what they return.
	read := func(t *testing.T, runner *lint.Runner, plain tflint.Runner) {
		t.Helper()
		for _, schema := range []*hclext.BodySchema{providers, required, modules} {
			got, err := runner.GetModuleContent(schema, asWritten)
			if err != nil {
				t.Fatal(err)
			}
			want, err := plain.GetModuleContent(schema, asWritten)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(describeContent(want), describeContent(got)); diff != "" {
				t.Errorf("as written (-TFLint +runner):\n%s", diff)
			}
		}
		got, err := runner.GetResourceContent("t", resourceX, asWritten)
		if err != nil {
			t.Fatal(err)
		}
		want, err := plain.GetResourceContent("t", resourceX, asWritten)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(describeContent(want), describeContent(got)); diff != "" {
			t.Errorf("resource t as written (-TFLint +runner):\n%s", diff)
		}
		got, err = runner.GetProviderContent("aws", attrs("region"), asWritten)
		if err != nil {
			t.Fatal(err)
		}
		if len(got.Blocks) != 1 || got.Blocks[0].Body.Attributes["region"] == nil || got.Blocks[0].Body.Attributes["alias"] != nil {
			t.Errorf("provider aws as written: %s", describeContent(got))
		}
	}

	t.Run("the reads of a module are answered as TFLint answers them, from one request", func(t *testing.T) {
		plain := helper.TestRunner(t, map[string]string{"main.tf": source})
		counter := newCountingRunner(plain)
		shared := lint.NewShared()
		first := lint.NewRunner(counter, nil, lint.Options{Shared: shared})
		read(t, first, plain)
		// The first module asks as it learns the schemas.
		learning := counter.asWritten
		// The next module asks for all of them at once.
		counter.asWritten = 0
		read(t, lint.NewRunner(counter, nil, lint.Options{Shared: shared}), plain)
		if counter.asWritten != 1 {
			t.Fatalf("%d requests for the second module (%d for the first), want 1", counter.asWritten, learning)
		}
	})

	t.Run("the root module is read once per pass by the checks of called modules", func(t *testing.T) {
		plain := helper.TestRunner(t, map[string]string{"main.tf": source})
		counter := newCountingRunner(plain)
		counter.module = addrs.Module{"network"}
		shared := lint.NewShared()
		rootCtx := &tflint.GetModuleContentOption{ModuleCtx: tflint.RootModuleCtxType, ExpandMode: tflint.ExpandModeNone}
		for range 3 {
			runner := lint.NewRunner(counter, nil, lint.Options{Shared: shared})
			if _, err := runner.GetModuleContent(providers, rootCtx); err != nil {
				t.Fatal(err)
			}
		}
		if counter.asWritten != 1 {
			t.Fatalf("%d requests for three module checks, want 1", counter.asWritten)
		}
		shared.NewPass()
		if _, err := lint.NewRunner(counter, nil, lint.Options{Shared: shared}).GetModuleContent(providers, rootCtx); err != nil {
			t.Fatal(err)
		}
		if counter.asWritten != 2 {
			t.Fatalf("the root module was not read again in a new pass")
		}
	})

	t.Run("a schema that clashes with the others is read alone", func(t *testing.T) {
		plain := helper.TestRunner(t, map[string]string{"main.tf": source})
		counter := newCountingRunner(plain)
		runner := lint.NewRunner(counter, nil, lint.Options{})
		if _, err := runner.GetResourceContent("t", resourceX, asWritten); err != nil {
			t.Fatal(err)
		}
		// rule is an attribute here, a block above.
		got, err := runner.GetResourceContent("u", attrs("rule"), asWritten)
		if err != nil {
			t.Fatal(err)
		}
		if len(got.Blocks) != 1 || got.Blocks[0].Body.Attributes["rule"] == nil {
			t.Fatalf("u as written: %s", describeContent(got))
		}
		if counter.asWritten != 2 {
			t.Fatalf("%d requests, want 2", counter.asWritten)
		}
	})
}

// describeContent writes what a read returned.
func describeContent(content *hclext.BodyContent) []string {
	var out []string
	for _, block := range content.Blocks {
		label := ""
		for _, l := range block.Labels {
			label += "." + l
		}
		out = append(out, block.Type+label+" "+block.DefRange.String()+": "+describeBody(block.Body))
	}
	return out
}
