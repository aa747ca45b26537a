package lint_test

import (
	"fmt"
	"github.com/hashicorp/hcl/v2"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
	"github.com/terraform-linters/tflint-plugin-sdk/terraform/addrs"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// fakeRule is a rule built in a test: its metadata, and a check given as a
// function.
type fakeRule struct {
	lint.Meta
	check func(r *fakeRule, runner *lint.Runner) error
}

var _ lint.Rule = (*fakeRule)(nil)

func (r *fakeRule) Check(tr tflint.Runner) error {
	if r.check == nil {
		return nil
	}
	return r.check(r, lint.Of(tr))
}

// newFakeRule returns a recommended ERROR rule citing 4.6.1.1 that reads the
// given resource types and attributes.
func newFakeRule(name string, reads lint.Reads) *fakeRule {
	return &fakeRule{Meta: lint.Meta{
		RuleName: name,
		Level:    tflint.ERROR,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.6.1.1"},
		Summary:  project.Text{JA: "テスト用のルール", EN: "a rule for tests"},
		Reads:    reads,
	}}
}

// attrs is the schema of a body with the given attributes.
func attrs(names ...string) *hclext.BodySchema {
	schema := &hclext.BodySchema{}
	for _, name := range names {
		schema.Attributes = append(schema.Attributes, hclext.AttributeSchema{Name: name})
	}
	return schema
}

// countingRunner counts what a lint.Runner asks of TFLint, and can pretend
// to check a called module.
type countingRunner struct {
	tflint.Runner

	module addrs.Module
	// reads counts the reads of one type alone, requests the reads of the
	// types the rules read together.
	reads       map[string]int
	requests    int
	asWritten   int // reads as written (GetModuleContent without expansion)
	options     []tflint.GetModuleContentOption
	modulePaths int
	evaluations int
	fail        map[string]error
}

func (c *countingRunner) EvaluateExpr(expr hcl.Expression, target any, opts *tflint.EvaluateExprOption) error {
	c.evaluations++
	return c.Runner.EvaluateExpr(expr, target, opts)
}

func newCountingRunner(inner tflint.Runner) *countingRunner {
	return &countingRunner{Runner: inner, module: addrs.Module{}, reads: map[string]int{}}
}

func (c *countingRunner) GetResourceContent(name string, schema *hclext.BodySchema, opts *tflint.GetModuleContentOption) (*hclext.BodyContent, error) {
	c.reads[name]++
	c.options = append(c.options, *opts)
	if err := c.fail[name]; err != nil {
		return nil, err
	}
	return c.Runner.GetResourceContent(name, schema, opts)
}

// GetModuleContent counts the reads of several types together. The listing
// of the module's types (read as written, without attributes) is not a read.
func (c *countingRunner) GetModuleContent(schema *hclext.BodySchema, opts *tflint.GetModuleContentOption) (*hclext.BodyContent, error) {
	content, err := c.Runner.GetModuleContent(schema, opts)
	if err != nil {
		return content, err
	}
	if opts == nil || opts.ExpandMode == tflint.ExpandModeNone {
		c.asWritten++
		return content, nil
	}
	for _, block := range content.Blocks {
		if err := c.fail[block.Labels[0]]; err != nil {
			return nil, err
		}
	}
	c.requests++
	c.options = append(c.options, *opts)
	return content, nil
}

func (c *countingRunner) GetModulePath() (addrs.Module, error) {
	c.modulePaths++
	return c.module, nil
}

// readsOf is the number of requests that read the type: reads of it alone
// and reads of all types together.
func (c *countingRunner) readsOf(ty string) int {
	return c.reads[ty] + c.requests
}

// totalReads is the number of reads.
func (c *countingRunner) totalReads() int {
	n := c.requests
	for _, v := range c.reads {
		n += v
	}
	return n
}

// assertIssues compares issues as helper.AssertIssues does (rule type,
// message, range), and then the severity each issue carries, which
// helper.AssertIssues does not look at.
func assertIssues(t *testing.T, want, got helper.Issues) {
	t.Helper()
	helper.AssertIssues(t, want, got)
	if diff := cmp.Diff(severities(want), severities(got)); diff != "" {
		t.Fatalf("severities of the issues (-want +got):\n%s", diff)
	}
}

func severities(issues helper.Issues) []string {
	out := make([]string, len(issues))
	for i, issue := range issues {
		out[i] = fmt.Sprintf("%s %s %s: %s", issue.Range, issue.Rule.Name(), issue.Rule.Severity(), issue.Message)
	}
	sort.Strings(out)
	return out
}

// resource returns the first resource of the type read by the rule through
// the runner.
func resource(t *testing.T, runner *lint.Runner, rule lint.Rule, resourceType string) *hclext.Block {
	t.Helper()
	blocks, err := runner.Resources(rule, resourceType)
	if err != nil {
		t.Fatalf("Resources: %s", err)
	}
	if len(blocks) == 0 {
		t.Fatalf("no %s resource", resourceType)
	}
	return blocks[0]
}
