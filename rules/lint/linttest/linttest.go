// Package linttest runs a rule of this ruleset over Terraform sources held in
// memory, through the SDK's test runner wrapped in the ruleset's runner, so
// that unit tests see what TFLint would: configuration, citations, strict
// notices and fixes.
package linttest

import (
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// Run checks files (name → source) with the rule under cfg (nil for the
// defaults) and returns the test runner, whose Issues and Changes() hold the
// result. It fails the test if the check returns an error.
func Run(t *testing.T, rule lint.Rule, files map[string]string, cfg *config.Config) *helper.Runner {
	t.Helper()
	return RunWith(t, rule, files, cfg, nil)
}

// RunWith is Run with the rule's options as decoded from its rule block (a
// pointer of the type the rule's NewOptions returns); nil for the defaults.
func RunWith(t *testing.T, rule lint.Rule, files map[string]string, cfg *config.Config, options any) *helper.Runner {
	t.Helper()
	inner := helper.TestRunner(t, files)
	opts := lint.Options{Reads: lint.MergeReads([]lint.Rule{rule}), Fix: true}
	if options != nil {
		opts.RuleOptions = map[string]any{rule.Name(): options}
	}
	runner := lint.NewRunner(inner, cfg, opts)
	if err := rule.Check(runner); err != nil {
		t.Fatalf("check failed: %s", err)
	}
	return inner
}

// Strict returns the default configuration with strict mode on.
func Strict() *config.Config {
	cfg := config.Default()
	cfg.Strict = true
	return cfg
}

// English returns the default configuration with English messages.
func English() *config.Config {
	cfg := config.Default()
	cfg.Language = "en"
	return cfg
}

// Notice is the rule as it appears in a strict-mode NOTICE.
func Notice(rule tflint.Rule) tflint.Rule {
	return lint.WithSeverity(rule, tflint.NOTICE)
}
