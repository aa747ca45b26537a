package rules

import (
	"runtime"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// TFLint checks all module calls at once, each in its own request to the
// plugin. Every check holds what it read of its module until its last rule
// returns, so a configuration of hundreds of module calls would be held in
// memory whole. The gate lets a few checks run at a time: enough to keep
// the cores busy while others wait for TFLint's answers. The first module
// check runs alone: it teaches the runners what to read in one request
// (lint.Shared), which the checks that start with it would otherwise each
// read in many.

// gateWidth is the number of module checks run at once: one per core. A
// check spends part of its time waiting for TFLint's answers, but TFLint
// answers on the same cores, and each check in progress holds its reads in
// both processes. On the benchmark of docs/performance.md, measured
// interleaved (7 runs each), 1 per core took as long as 2 per core with
// 9 MB less; half a check per core took 7% longer.
func gateWidth() int { return runtime.GOMAXPROCS(0) }

// gate holds one slot per module check in progress.
type gate chan struct{}

// enter waits for a slot, or for all of them when alone, and returns the
// function that frees them.
func (g gate) enter(alone bool) func() {
	n := 1
	if alone {
		n = cap(g)
	}
	for range n {
		g <- struct{}{}
	}
	return func() {
		for range n {
			<-g
		}
	}
}

// gated is an enabled rule as the ruleset runs it: the check of a module
// leaves the gate after its last rule, or after a rule that fails, which
// ends the check.
type gated struct {
	lint.Rule
	last bool
}

func (g gated) Check(runner tflint.Runner) error {
	err := g.Rule.Check(runner)
	if err != nil || g.last {
		if r, ok := runner.(*lint.Runner); ok {
			r.Leave()
		}
	}
	return err
}
