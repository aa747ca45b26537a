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

// AwsCloudwatchPrivilegedAlarmsRule checks that the account baseline
// raises an alarm on each privileged operation the CIS AWS Foundations
// Benchmark monitors: a CloudWatch Logs metric filter whose pattern names
// the operation, with a metric alarm on the filter's metric.
type AwsCloudwatchPrivilegedAlarmsRule struct{ lint.Meta }

var _ lint.Rule = (*AwsCloudwatchPrivilegedAlarmsRule)(nil)

const (
	metricFilterType = "aws_cloudwatch_log_metric_filter"
	metricAlarmType  = "aws_cloudwatch_metric_alarm"
)

// NewAwsCloudwatchPrivilegedAlarmsRule returns the rule.
func NewAwsCloudwatchPrivilegedAlarmsRule() *AwsCloudwatchPrivilegedAlarmsRule {
	metric := &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "metric_name"}, {Name: "namespace"}}}
	return &AwsCloudwatchPrivilegedAlarmsRule{lint.Meta{
		RuleName: "lgcloud_aws_cloudwatch_privileged_alarms",
		Level:    tflint.WARNING,
		Preset:   config.GovCloud,
		Provider: "aws",
		Items:    []string{"4.7.1.3"},
		Summary:  project.Text{JA: "特権的な操作（ルートの使用、IAM・CloudTrail・ネットワークの変更、MFA なしのサインイン）にアラームを設定する", EN: "Privileged operations (root use, IAM, CloudTrail and network changes, sign-in without MFA) raise alarms"},
		Reads: lint.Reads{
			metricFilterType: {
				Attributes: []hclext.AttributeSchema{{Name: "pattern"}},
				Blocks: []hclext.BlockSchema{{
					Type: "metric_transformation",
					Body: &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "name"}, {Name: "namespace"}}},
				}},
			},
			metricAlarmType: {
				Attributes: []hclext.AttributeSchema{{Name: "metric_name"}, {Name: "namespace"}},
				Blocks: []hclext.BlockSchema{{
					Type: "metric_query",
					Body: &hclext.BodySchema{Blocks: []hclext.BlockSchema{{Type: "metric", Body: metric}}},
				}},
			},
		},
	}}
}

// privilegedOperation is an operation to watch: the words a filter pattern
// must hold to catch it (event names, or the fields that single it out).
type privilegedOperation struct {
	Name  project.Text
	Words []string
	// Hint says, in the message, what the filter pattern names.
	Hint string
}

// privilegedOperations are the monitoring items of the CIS AWS Foundations
// Benchmark that watch privileged operations.
var privilegedOperations = []privilegedOperation{
	{
		Name:  project.Text{JA: "ルートユーザーの使用", EN: "use of the root user"},
		Words: []string{"userIdentity", "type", "Root"},
		Hint:  `$.userIdentity.type = "Root"`,
	},
	{
		Name: project.Text{JA: "IAM ポリシーの変更", EN: "IAM policy changes"},
		Words: []string{
			"DeleteGroupPolicy", "DeleteRolePolicy", "DeleteUserPolicy",
			"PutGroupPolicy", "PutRolePolicy", "PutUserPolicy",
			"CreatePolicy", "DeletePolicy", "CreatePolicyVersion", "DeletePolicyVersion",
			"AttachRolePolicy", "DetachRolePolicy", "AttachUserPolicy", "DetachUserPolicy",
			"AttachGroupPolicy", "DetachGroupPolicy",
		},
	},
	{
		Name:  project.Text{JA: "CloudTrail の設定変更", EN: "CloudTrail configuration changes"},
		Words: []string{"CreateTrail", "UpdateTrail", "DeleteTrail", "StartLogging", "StopLogging"},
	},
	{
		Name: project.Text{JA: "セキュリティグループの変更", EN: "security group changes"},
		Words: []string{
			"AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress",
			"RevokeSecurityGroupIngress", "RevokeSecurityGroupEgress",
			"CreateSecurityGroup", "DeleteSecurityGroup",
		},
	},
	{
		Name: project.Text{JA: "ネットワーク ACL の変更", EN: "network ACL changes"},
		Words: []string{
			"CreateNetworkAcl", "CreateNetworkAclEntry", "DeleteNetworkAcl",
			"DeleteNetworkAclEntry", "ReplaceNetworkAclEntry", "ReplaceNetworkAclAssociation",
		},
	},
	{
		Name:  project.Text{JA: "MFA を使わないコンソールへのサインイン", EN: "console sign-in without MFA"},
		Words: []string{"ConsoleLogin", "MFAUsed"},
		Hint:  `$.eventName = "ConsoleLogin" && $.additionalEventData.MFAUsed != "Yes"`,
	},
}

// hint is what the message says the filter pattern must name.
func (op privilegedOperation) hint() string {
	if op.Hint != "" {
		return op.Hint
	}
	return strings.Join(op.Words, ", ")
}

var msgPrivilegedAlarmMissing = project.Text{
	JA: "特権的な操作（%s）を検知するアラームがありません。CloudTrail のロググループに、フィルターパターンで %s を捉えるメトリクスフィルター（aws_cloudwatch_log_metric_filter）と、そのメトリクスのアラーム（aws_cloudwatch_metric_alarm）を宣言してください。",
	EN: "No alarm watches a privileged operation (%s); declare a metric filter (aws_cloudwatch_log_metric_filter) on the CloudTrail log group whose pattern catches %s, and an alarm (aws_cloudwatch_metric_alarm) on its metric.",
}

var whatPrivilegedAlarms = project.Text{JA: "特権的な操作のアラーム", EN: "the alarms on privileged operations"}

// Check reports, in the root module, each privileged operation that no
// filter and alarm watch, once, following the account-baseline convention.
func (r *AwsCloudwatchPrivilegedAlarmsRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	if root, err := isBaselineRoot(runner); err != nil || !root {
		return err
	}
	filters, err := runner.Resources(r, metricFilterType)
	if err != nil {
		return err
	}
	alarms, err := runner.Resources(r, metricAlarmType)
	if err != nil {
		return err
	}
	filters, alarms = sortedBlocks(filters), sortedBlocks(alarms)
	lang := runner.Config.Language
	for _, op := range privilegedOperations {
		watched := verdictFails
		for _, filter := range filters {
			catches := r.catches(runner, filter, op)
			if catches.Fails() {
				continue
			}
			alarmed := verdictFails
			for _, alarm := range alarms {
				alarmed = alarmed.Or(r.watches(runner, alarm, filter))
			}
			watched = watched.Or(catches.And(alarmed))
		}
		switch {
		case watched.Holds():
			continue
		case !watched.decided:
			if err := runner.Unverified(r, watched.Unknown, whatPrivilegedAlarms); err != nil {
				return err
			}
			continue
		}
		if err := reportBaselineGap(runner, r, baselineGap{
			Types: []string{metricFilterType, metricAlarmType},
			Name:  metricAlarmType,
			What: project.Text{
				JA: whatPrivilegedAlarms.JA + "（" + op.Name.JA + "）",
				EN: whatPrivilegedAlarms.EN + " (" + op.Name.EN + ")",
			},
			Msg:  msgPrivilegedAlarmMissing,
			Args: []any{op.Name.In(lang), op.hint()},
		}); err != nil {
			return err
		}
	}
	return nil
}

// catches is whether a filter's pattern names every word of the operation.
// Patterns are matched by the words they hold, not by their exact text.
func (r *AwsCloudwatchPrivilegedAlarmsRule) catches(runner *lint.Runner, filter *hclext.Block, op privilegedOperation) verdict {
	v := runner.Attr(filter.Body, "pattern", cty.String)
	if v.IsUnknown() {
		return undecided(v)
	}
	pattern, ok := v.String()
	if !ok {
		return verdictFails
	}
	words := map[string]bool{}
	for _, w := range strings.FieldsFunc(pattern, func(c rune) bool {
		return !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')
	}) {
		words[w] = true
	}
	for _, w := range op.Words {
		if !words[w] {
			return verdictFails
		}
	}
	return verdictHolds
}

// watches is whether an alarm is on the metric a filter publishes: its
// metric_name (or that of one of its metric queries) and namespace name the
// filter's metric, by reference or by value.
func (r *AwsCloudwatchPrivilegedAlarmsRule) watches(runner *lint.Runner, alarm, filter *hclext.Block) verdict {
	transforms := filter.Body.Blocks.OfType("metric_transformation")
	if len(transforms) == 0 {
		return verdictFails
	}
	transform := transforms[0].Body
	metrics := []*hclext.BodyContent{alarm.Body}
	for _, query := range alarm.Body.Blocks.OfType("metric_query") {
		for _, metric := range query.Body.Blocks.OfType("metric") {
			metrics = append(metrics, metric.Body)
		}
	}
	watched := verdictFails
	for _, metric := range metrics {
		if _, ok := metric.Attributes["metric_name"]; !ok {
			continue
		}
		name := sameMetric(runner, metric, "metric_name", filter, transform, "name")
		namespace := sameMetric(runner, metric, "namespace", filter, transform, "namespace")
		watched = watched.Or(name.And(namespace))
	}
	return watched
}

// sameMetric compares an attribute of an alarm's metric with one of a
// filter's metric_transformation: a reference to the filter holds, a
// reference to another filter fails, values are compared when known. An
// absent attribute is not compared.
func sameMetric(runner *lint.Runner, metric *hclext.BodyContent, attr string, filter *hclext.Block, transform *hclext.BodyContent, field string) verdict {
	expr, ok := metric.Attributes[attr]
	if !ok {
		return verdictHolds
	}
	if name, ok := refersTo(expr.Expr, metricFilterType); ok {
		return verdictOf(name == filter.Labels[1])
	}
	if lint.RefType(expr.Expr) != "" {
		return verdictFails
	}
	got := runner.Attr(metric, attr, cty.String)
	want := runner.Attr(transform, field, cty.String)
	switch {
	case got.IsUnknown():
		return undecided(got)
	case want.IsUnknown():
		return undecided(want)
	}
	g, gok := got.String()
	w, wok := want.String()
	if !gok || !wok {
		return verdictHolds
	}
	return verdictOf(g == w)
}
