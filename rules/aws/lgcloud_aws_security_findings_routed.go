package aws

import (
	"strings"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsSecurityFindingsRoutedRule checks that the account baseline sends the
// findings of GuardDuty or Security Hub to people: an EventBridge rule whose
// pattern matches them, with a target that is an SNS topic.
type AwsSecurityFindingsRoutedRule struct{ lint.Meta }

var _ lint.Rule = (*AwsSecurityFindingsRoutedRule)(nil)

const (
	eventRuleType     = "aws_cloudwatch_event_rule"
	eventTargetType   = "aws_cloudwatch_event_target"
	findingsTopicType = "aws_sns_topic"
	findingsBusType   = "aws_cloudwatch_event_bus"
)

// NewAwsSecurityFindingsRoutedRule returns the rule.
func NewAwsSecurityFindingsRoutedRule() *AwsSecurityFindingsRoutedRule {
	return &AwsSecurityFindingsRoutedRule{lint.Meta{
		RuleName: "lgcloud_aws_security_findings_routed",
		Level:    tflint.ERROR,
		Preset:   config.GovCloud,
		Provider: "aws",
		Items:    []string{"4.1.2.1"},
		Summary:  project.Text{JA: "GuardDuty / Security Hub の検出結果を EventBridge から SNS トピックで担当者に通知する", EN: "GuardDuty / Security Hub findings are sent to people through EventBridge and an SNS topic"},
		Reads: lint.Reads{
			eventRuleType: {Attributes: []hclext.AttributeSchema{
				{Name: "name"}, {Name: "event_pattern"}, {Name: "event_bus_name"}, {Name: "state"}, {Name: "is_enabled"},
			}},
			eventTargetType: {Attributes: []hclext.AttributeSchema{{Name: "rule"}, {Name: "arn"}}},
		},
	}}
}

var msgFindingsNotRouted = project.Text{
	JA: "GuardDuty や Security Hub の検出結果を担当者に届ける仕組みがありません。source が aws.guardduty または aws.securityhub の検出結果に一致する event_pattern を持つ aws_cloudwatch_event_rule と、arn が aws_sns_topic を指す aws_cloudwatch_event_target を宣言してください。",
	EN: "Nothing sends GuardDuty or Security Hub findings to people; declare an aws_cloudwatch_event_rule whose event_pattern matches findings of source aws.guardduty or aws.securityhub, with an aws_cloudwatch_event_target whose arn is an aws_sns_topic.",
}

var whatFindingsRouted = project.Text{JA: "検出結果の通知経路", EN: "the route of security findings to people"}

// findingEvents are the events that carry the findings of each service:
// their source and detail-type.
var findingEvents = []map[string]string{
	{"source": "aws.guardduty", "detail-type": "GuardDuty Finding"},
	{"source": "aws.securityhub", "detail-type": "Security Hub Findings - Imported"},
}

// Check looks, in the root module, for a route from GuardDuty or Security
// Hub findings to an SNS topic, and reports its absence following the
// account-baseline convention.
func (r *AwsSecurityFindingsRoutedRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	if root, err := isBaselineRoot(runner); err != nil || !root {
		return err
	}
	rules, err := runner.Resources(r, eventRuleType)
	if err != nil {
		return err
	}
	targets, err := runner.Resources(r, eventTargetType)
	if err != nil {
		return err
	}
	routed := verdictFails
	for _, target := range sortedBlocks(targets) {
		routed = routed.Or(r.route(runner, target, rules))
		if routed.Holds() {
			return nil
		}
	}
	if !routed.decided {
		return runner.Unverified(r, routed.Unknown, whatFindingsRouted)
	}
	return reportBaselineGap(runner, r, baselineGap{
		Types: []string{eventRuleType, eventTargetType},
		What:  whatFindingsRouted,
		Msg:   msgFindingsNotRouted,
	})
}

// route is whether a target sends findings to an SNS topic: its arn is a
// topic and one of the rules it belongs to passes findings.
func (r *AwsSecurityFindingsRoutedRule) route(runner *lint.Runner, target *hclext.Block, rules []*hclext.Block) verdict {
	topic := snsTarget(runner, target)
	if topic.Fails() {
		return verdictFails
	}
	passes := verdictFails
	ref := target.Body.Attributes["rule"]
	if ref == nil {
		return verdictFails
	}
	if name, ok := refersTo(ref.Expr, eventRuleType); ok {
		for _, rule := range sortedBlocks(rules) {
			if rule.Labels[1] == name {
				passes = passes.Or(passesFindings(runner, rule))
			}
		}
		return topic.And(passes)
	}
	v := runner.Attr(target.Body, "rule", cty.String)
	want, known := v.String()
	if !known {
		return undecided(v)
	}
	for _, rule := range sortedBlocks(rules) {
		name := runner.Attr(rule.Body, "name", cty.String)
		got, ok := name.String()
		switch {
		case ok && got == want:
			passes = passes.Or(passesFindings(runner, rule))
		case name.IsUnknown():
			passes = passes.Or(undecided(name).And(passesFindings(runner, rule)))
		}
	}
	return topic.And(passes)
}

// snsTarget is whether a target's arn is an SNS topic.
func snsTarget(runner *lint.Runner, target *hclext.Block) verdict {
	attr := target.Body.Attributes["arn"]
	if attr == nil {
		return verdictFails
	}
	if _, ok := refersTo(attr.Expr, findingsTopicType); ok {
		return verdictHolds
	}
	if ty := lint.RefType(attr.Expr); ty != "" {
		// Another resource's attribute: a function, a queue, a stream.
		return verdictFails
	}
	v := runner.Attr(target.Body, "arn", cty.String)
	arn, ok := v.String()
	if !ok {
		if v.IsUnknown() {
			return undecided(v)
		}
		return verdictFails
	}
	return verdictOf(strings.HasPrefix(arn, "arn:") && strings.Contains(arn, ":sns:"))
}

// passesFindings is whether an EventBridge rule is enabled, on the default
// event bus (where AWS services send their events), and has a pattern that
// admits GuardDuty or Security Hub findings.
func passesFindings(runner *lint.Runner, rule *hclext.Block) verdict {
	return ruleEnabled(runner, rule).And(onDefaultBus(runner, rule)).And(matchesFindings(runner, rule))
}

func matchesFindings(runner *lint.Runner, rule *hclext.Block) verdict {
	pattern := readEventPattern(runner, rule.Body, "event_pattern")
	switch pattern.Value.State {
	case lint.Absent:
		return verdictFails
	case lint.Unknown:
		return undecided(pattern.Value)
	}
	match := matchNo
	for _, event := range findingEvents {
		match = match.or(admits(pattern.Tree, event))
	}
	switch match {
	case matchYes:
		return verdictHolds
	case matchUnknown:
		v := pattern.Value
		v.State, v.Why = lint.Unknown, whyPartialPattern
		return undecided(v)
	}
	return verdictFails
}

func ruleEnabled(runner *lint.Runner, rule *hclext.Block) verdict {
	state := runner.Attr(rule.Body, "state", cty.String)
	if state.IsUnknown() {
		return undecided(state)
	}
	if s, ok := state.String(); ok && s == "DISABLED" {
		return verdictFails
	}
	enabled := runner.Attr(rule.Body, "is_enabled", cty.Bool)
	switch {
	case enabled.IsUnknown():
		return undecided(enabled)
	case enabled.IsFalse():
		return verdictFails
	}
	return verdictHolds
}

// onDefaultBus is whether a rule is on the account's default event bus,
// the only one AWS services send their events to.
func onDefaultBus(runner *lint.Runner, rule *hclext.Block) verdict {
	attr := rule.Body.Attributes["event_bus_name"]
	if attr == nil {
		return verdictHolds
	}
	if _, ok := refersTo(attr.Expr, findingsBusType); ok {
		return verdictFails
	}
	v := runner.Attr(rule.Body, "event_bus_name", cty.String)
	bus, ok := v.String()
	switch {
	case v.IsUnknown():
		return undecided(v)
	case !ok:
		return verdictHolds
	}
	return verdictOf(bus == "default" || strings.HasSuffix(bus, ":event-bus/default"))
}
