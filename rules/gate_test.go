package rules

import (
	"errors"
	"runtime"
	"testing"
	"time"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
	"github.com/terraform-linters/tflint-plugin-sdk/terraform/addrs"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// check runs a module check as the SDK does: a runner, then every enabled
// rule until one fails.
func check(rs *RuleSet, inner tflint.Runner) error {
	runner, err := rs.NewRunner(inner)
	if err != nil {
		return err
	}
	for _, rule := range rs.EnabledRules {
		if err := rule.Check(runner); err != nil {
			return err
		}
	}
	return nil
}

// entered reports whether a check can start within a short while.
func entered(rs *RuleSet, inner tflint.Runner) bool {
	done := make(chan struct{})
	go func() {
		if runner, err := rs.NewRunner(inner); err == nil {
			runner.(*lint.Runner).Leave()
		}
		close(done)
	}()
	select {
	case <-done:
		return true
	case <-time.After(200 * time.Millisecond):
		return false
	}
}

func TestGate(t *testing.T) {
	inner := func() tflint.Runner { return helper.TestRunner(t, map[string]string{"main.tf": fakeSource}) }

	t.Run("a check leaves the gate after its last rule", func(t *testing.T) {
		rs := newRuleSet(fakeRules())
		rs.gate = make(gate, 1)
		for range 3 {
			if err := check(rs, inner()); err != nil {
				t.Fatal(err)
			}
		}
		if !entered(rs, inner()) {
			t.Fatal("the gate stays shut after complete checks")
		}
	})

	t.Run("a check waits while the gate is full", func(t *testing.T) {
		rs := newRuleSet(fakeRules())
		rs.gate = make(gate, 1)
		runner, err := rs.NewRunner(inner())
		if err != nil {
			t.Fatal(err)
		}
		if entered(rs, inner()) {
			t.Fatal("a second check entered a gate of one")
		}
		for _, rule := range rs.EnabledRules {
			if err := rule.Check(runner); err != nil {
				t.Fatal(err)
			}
		}
		if !entered(rs, inner()) {
			t.Fatal("the waiting check did not enter after the first ended")
		}
	})

	t.Run("a failing rule ends the check and leaves the gate", func(t *testing.T) {
		rules := fakeRules()
		rules[0].(*fakeRule).err = errors.New("boom")
		rs := newRuleSet(rules)
		rs.gate = make(gate, 1)
		if err := check(rs, inner()); err == nil {
			t.Fatal("want the rule's error")
		}
		if !entered(rs, inner()) {
			t.Fatal("the gate stays shut after a failed check")
		}
	})

	t.Run("without enabled rules no check enters", func(t *testing.T) {
		rs := newRuleSet(nil)
		rs.gate = make(gate, 1)
		for range 3 {
			if _, err := rs.NewRunner(inner()); err != nil {
				t.Fatal(err)
			}
		}
	})

	t.Run("the first module check runs alone, the next ones together", func(t *testing.T) {
		module := func() tflint.Runner { return moduleRunner{inner(), addrs.Module{"network"}} }
		rs := newRuleSet(fakeRules())
		rs.gate = make(gate, 2)
		first, err := rs.NewRunner(module())
		if err != nil {
			t.Fatal(err)
		}
		if entered(rs, module()) {
			t.Fatal("a check entered beside the first module check")
		}
		first.(*lint.Runner).Leave()
		second, err := rs.NewRunner(module())
		if err != nil {
			t.Fatal(err)
		}
		if !entered(rs, module()) {
			t.Fatal("the checks after the first do not run together")
		}
		second.(*lint.Runner).Leave()
	})

	t.Run("the plugin's ruleset has a gate as wide as one check per core", func(t *testing.T) {
		if got := cap(New().gate); got != gateWidth() || got != runtime.GOMAXPROCS(0) {
			t.Fatalf("gate of %d, want %d", got, gateWidth())
		}
	})
}
