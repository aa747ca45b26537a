package aws

import (
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsCloudtrailCloudwatchRule checks that CloudTrail trails deliver their
// events to CloudWatch Logs, where metric filters and alarms can watch
// privileged operations.
type AwsCloudtrailCloudwatchRule struct{ lint.Meta }

var _ lint.Rule = (*AwsCloudtrailCloudwatchRule)(nil)

// NewAwsCloudtrailCloudwatchRule returns the rule.
func NewAwsCloudtrailCloudwatchRule() *AwsCloudtrailCloudwatchRule {
	schema := trailScopeSchema()
	schema.Attributes = append(schema.Attributes, hclext.AttributeSchema{Name: "cloud_watch_logs_group_arn"})
	return &AwsCloudtrailCloudwatchRule{lint.Meta{
		RuleName: "lgcloud_aws_cloudtrail_cloudwatch",
		Level:    tflint.WARNING,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.7.1.3"},
		Summary: project.Text{
			JA: "CloudTrail の証跡のイベントを CloudWatch Logs に送り、監視できるようにする",
			EN: "CloudTrail trails deliver their events to CloudWatch Logs for monitoring",
		},
		Reads: lint.Reads{"aws_cloudtrail": schema},
	}}
}

var msgTrailNoCloudWatch = project.Text{
	JA: "CloudTrail %s のイベントが CloudWatch Logs に送られていません。特権的な操作をメトリクスフィルタとアラームで監視できるよう、cloud_watch_logs_group_arn と cloud_watch_logs_role_arn を設定してください。",
	EN: "CloudTrail %s does not deliver its events to CloudWatch Logs; set cloud_watch_logs_group_arn and cloud_watch_logs_role_arn so that privileged operations can be watched with metric filters and alarms.",
}

var whatTrailCloudWatch = project.Text{JA: "CloudTrail の CloudWatch Logs への配信", EN: "CloudTrail delivery to CloudWatch Logs"}

// Check reports every trail without a log group to deliver to, unless
// another trail of the module logs every management event of every region
// and delivers them to CloudWatch Logs.
func (r *AwsCloudtrailCloudwatchRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	trails, err := runner.Resources(r, "aws_cloudtrail")
	if err != nil {
		return err
	}
	groups := make([]lint.Value, len(trails))
	watched := make([]bool, len(trails))
	for i, trail := range trails {
		groups[i] = runner.Attr(trail.Body, "cloud_watch_logs_group_arn", cty.String)
		watched[i] = givenState(groups[i]) == settingGiven && trailLogsEveryManagementEvent(runner, trail)
	}
	for i, trail := range trails {
		if trailCoveredByAnother(watched, i) {
			continue
		}
		if err := requireGiven(runner, r, groups[i], trail.DefRange, whatTrailCloudWatch, msgTrailNoCloudWatch, lint.Address(trail)); err != nil {
			return err
		}
	}
	return nil
}
