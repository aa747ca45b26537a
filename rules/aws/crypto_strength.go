package aws

import (
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/crypto"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
)

// strengthMessages are what a rule that judges a named setting against the
// strength tables says: weak is formatted with the resource's address, the
// setting's value and why it falls short; unlisted with the address and the
// value, for a name the table does not know.
type strengthMessages struct {
	weak     project.Text
	unlisted project.Text
	what     project.Text
}

// judgeStrength reports a known string setting whose verdict is not OK
// (weak), or which lookup does not find (unlisted, unless unlisted is
// empty: then only strict mode names it). An unknown value is named in
// strict mode. at is where an absent value is reported; absent values are
// the caller's to judge and are ignored here.
func judgeStrength(runner *lint.Runner, rule lint.Rule, v lint.Value, name string, lookup func(string) (crypto.Verdict, bool), msgs strengthMessages) error {
	if v.IsUnknown() {
		return runner.Unverified(rule, v, msgs.what)
	}
	s, ok := v.String()
	if !ok {
		return nil
	}
	verdict, found := lookup(s)
	switch {
	case !found && msgs.unlisted.JA == "":
		unknown := v
		unknown.State, unknown.Why = lint.Unknown, whyNotInStrengthTable(s)
		return runner.Unverified(rule, unknown, msgs.what)
	case !found:
		return runner.Report(rule, v.Range, msgs.unlisted, name, s)
	case !verdict.OK:
		return runner.Report(rule, v.Range, msgs.weak, name, s, verdict.Why.In(runner.Config.Language))
	}
	return nil
}

func whyNotInStrengthTable(value string) project.Text {
	return project.Text{
		JA: "値 " + value + " は強度表にありません",
		EN: "the value " + value + " is not in the strength table",
	}
}

// tlsPolicyLookup judges a service's TLS security policy by its name.
func tlsPolicyLookup(service crypto.Service) func(string) (crypto.Verdict, bool) {
	return func(name string) (crypto.Verdict, bool) {
		p, ok := crypto.LookupTLSPolicy(service, name)
		if !ok {
			return crypto.Verdict{}, false
		}
		return p.Judge(), true
	}
}
