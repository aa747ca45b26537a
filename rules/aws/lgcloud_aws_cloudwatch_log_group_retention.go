package aws

import (
	"fmt"
	"math/big"
	"slices"
	"strconv"
	"strings"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsCloudwatchLogGroupRetentionRule checks that CloudWatch log groups keep
// their events at least as long as the event-log policy requires.
type AwsCloudwatchLogGroupRetentionRule struct{ lint.Meta }

var (
	_ lint.Rule         = (*AwsCloudwatchLogGroupRetentionRule)(nil)
	_ lint.Configurable = (*AwsCloudwatchLogGroupRetentionRule)(nil)
)

// NewAwsCloudwatchLogGroupRetentionRule returns the rule.
func NewAwsCloudwatchLogGroupRetentionRule() *AwsCloudwatchLogGroupRetentionRule {
	return &AwsCloudwatchLogGroupRetentionRule{lint.Meta{
		RuleName: "lgcloud_aws_cloudwatch_log_group_retention",
		Level:    tflint.ERROR,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.7.1.2"},
		Summary: project.Text{
			JA: "CloudWatch ロググループのログを定めた期間以上保持する",
			EN: "CloudWatch log groups keep their events at least for the required period",
		},
		Reads: lint.Reads{
			"aws_cloudwatch_log_group": {Attributes: []hclext.AttributeSchema{
				{Name: "retention_in_days"},
				{Name: "log_group_class"},
			}},
		},
	}}
}

// LogGroupRetentionOptions are the options of
// lgcloud_aws_cloudwatch_log_group_retention in its rule block.
type LogGroupRetentionOptions struct {
	// MinimumRetentionDays is the shortest retention_in_days accepted; it
	// must be a retention CloudWatch Logs accepts.
	MinimumRetentionDays int `hclext:"minimum_retention_days,optional"`
}

// defaultMinimumRetentionDays is one year: the default of the AWS Config
// managed rule cw-loggroup-retention-period-check, and the audit-log
// history PCI DSS v4.0 requirement 10.5.1 asks for.
const defaultMinimumRetentionDays = 365

// cloudwatchRetentionDays are the retentions CloudWatch Logs accepts
// (PutRetentionPolicy), in days. 0 in Terraform means no retention policy:
// events never expire.
var cloudwatchRetentionDays = []int{1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653}

// NewOptions returns the defaults: a minimum of 365 days.
func (r *AwsCloudwatchLogGroupRetentionRule) NewOptions() any {
	return &LogGroupRetentionOptions{MinimumRetentionDays: defaultMinimumRetentionDays}
}

// Validate checks that the minimum is a retention CloudWatch Logs accepts,
// so that a log group can meet it exactly.
func (o *LogGroupRetentionOptions) Validate() error {
	if slices.Contains(cloudwatchRetentionDays, o.MinimumRetentionDays) {
		return nil
	}
	days := make([]string, len(cloudwatchRetentionDays))
	for i, d := range cloudwatchRetentionDays {
		days[i] = strconv.Itoa(d)
	}
	return &lint.OptionError{
		Attribute: "minimum_retention_days",
		Detail:    fmt.Sprintf("%d is not a retention CloudWatch Logs accepts; use one of %s", o.MinimumRetentionDays, strings.Join(days, ", ")),
	}
}

var msgLogGroupRetentionShort = project.Text{
	JA: "CloudWatch ロググループ %s のログの保持期間が %s 日です。イベントログの取得方針に沿って、retention_in_days = %d 以上（または 0 で無期限）を設定してください。",
	EN: "CloudWatch log group %s keeps its events for %s days; set retention_in_days = %d or more (or 0, never expire), as the event-log policy requires.",
}

var (
	whatLogGroupRetention = project.Text{JA: "CloudWatch ロググループの保持期間", EN: "CloudWatch log group retention"}
	whatLogGroupClass     = project.Text{JA: "CloudWatch ロググループのログクラス", EN: "CloudWatch log group class"}
)

// logGroupClassDelivery is the log class whose events CloudWatch Logs keeps
// for one day only, on their way to S3 or Firehose.
const logGroupClassDelivery = "DELIVERY"

// Check reports every log group whose retention_in_days is below the
// minimum. An absent retention_in_days, or 0, keeps events forever and
// meets any minimum. Log groups of the DELIVERY class are not checked: their
// events are kept where they are delivered.
func (r *AwsCloudwatchLogGroupRetentionRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	minimum := runner.Options(r).(*LogGroupRetentionOptions).MinimumRetentionDays
	groups, err := runner.Resources(r, "aws_cloudwatch_log_group")
	if err != nil {
		return err
	}
	for _, group := range groups {
		if class, ok := runner.Attr(group.Body, "log_group_class", cty.String).String(); ok && strings.EqualFold(class, logGroupClassDelivery) {
			continue
		}
		v := runner.Attr(group.Body, "retention_in_days", cty.Number)
		if v.IsUnknown() {
			if err := runner.Unverified(r, v, whatLogGroupRetention); err != nil {
				return err
			}
			continue
		}
		if v.State != lint.Known {
			continue
		}
		days := v.Val.AsBigFloat()
		if days.Sign() == 0 || days.Cmp(big.NewFloat(float64(minimum))) >= 0 {
			continue
		}
		skip, err := r.deliveryClass(runner, group)
		if err != nil {
			return err
		}
		if skip {
			continue
		}
		text := days.Text('f', -1)
		if v.IsLiteral() {
			err = runner.ReportFix(r, v.Range, func(f tflint.Fixer) error {
				return f.ReplaceText(v.Range, strconv.Itoa(minimum))
			}, msgLogGroupRetentionShort, lint.Address(group), text, minimum)
		} else {
			err = runner.Report(r, v.Range, msgLogGroupRetentionShort, lint.Address(group), text, minimum)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// deliveryClass reports whether a log group is known to be of the DELIVERY
// class; an unknown class is named in strict mode and skips the group.
func (r *AwsCloudwatchLogGroupRetentionRule) deliveryClass(runner *lint.Runner, group *hclext.Block) (bool, error) {
	class := runner.Attr(group.Body, "log_group_class", cty.String)
	if class.IsUnknown() {
		return true, runner.Unverified(r, class, whatLogGroupClass)
	}
	s, ok := class.String()
	return ok && strings.EqualFold(s, logGroupClassDelivery), nil
}
