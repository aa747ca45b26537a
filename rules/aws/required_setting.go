package aws

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
)

// settingState says whether a setting that must be given (a key, a
// destination) is given.
type settingState int

const (
	// settingMissing means the setting is absent, null or an empty string.
	settingMissing settingState = iota
	// settingGiven means the setting has a value, or refers to a resource or
	// data source that supplies one.
	settingGiven
	// settingUnknown means whether the setting is given cannot be known at
	// lint time.
	settingUnknown
)

// givenState tells whether a string setting, read with cty.String, is given.
// A reference to one resource or data source (aws_kms_key.logs.arn) is
// unknown at lint time but names something that exists once applied: it
// counts as given. Any other unknown value (a variable without a default,
// a conditional, a module output) may still be null, and stays unknown.
func givenState(v lint.Value) settingState {
	switch v.State {
	case lint.Absent:
		return settingMissing
	case lint.Known:
		if s, ok := v.String(); ok && s == "" {
			return settingMissing
		}
		return settingGiven
	}
	if v.Expr != nil && lint.RefType(v.Expr) != "" {
		return settingGiven
	}
	return settingUnknown
}

// requireGiven reports a string setting that must be given: an absent or
// null one at the enclosing block `at`, an empty string at the value, and in
// strict mode one whose presence cannot be known. what names the setting in
// the strict-mode notice.
func requireGiven(runner *lint.Runner, rule lint.Rule, v lint.Value, at hcl.Range, what, msg project.Text, args ...any) error {
	switch givenState(v) {
	case settingMissing:
		if v.IsAbsent() {
			return runner.Report(rule, at, msg, args...)
		}
		return runner.Report(rule, v.Range, msg, args...)
	case settingUnknown:
		return runner.Unverified(rule, v, what)
	}
	return nil
}
