package rules

import (
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/aws"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
)

// All returns every rule of the ruleset, provider by provider.
func All() []lint.Rule {
	return append([]lint.Rule{}, aws.Rules()...)
}
