package aws

import (
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// AwsGuardDutyEnabledRule checks that the account baseline turns on
// GuardDuty: the root module declares an aws_guardduty_detector that is not
// disabled.
type AwsGuardDutyEnabledRule struct{ lint.Meta }

var _ lint.Rule = (*AwsGuardDutyEnabledRule)(nil)

const guardDutyDetectorType = "aws_guardduty_detector"

// NewAwsGuardDutyEnabledRule returns the rule.
func NewAwsGuardDutyEnabledRule() *AwsGuardDutyEnabledRule {
	return &AwsGuardDutyEnabledRule{lint.Meta{
		RuleName: "lgcloud_aws_guardduty_enabled",
		Level:    tflint.ERROR,
		Preset:   config.GovCloud,
		Provider: "aws",
		Items:    []string{"4.1.2.1"},
		Summary:  project.Text{JA: "GuardDuty を有効にして脅威を検知する", EN: "GuardDuty is enabled to detect threats"},
		Reads: lint.Reads{
			guardDutyDetectorType: {Attributes: []hclext.AttributeSchema{{Name: "enable"}}},
		},
	}}
}

var msgGuardDutyDisabled = project.Text{
	JA: "GuardDuty の検出器 %s が無効になっています。脅威を検知してインシデントとして報告できるよう、enable = true を設定してください。",
	EN: "GuardDuty detector %s is disabled; set enable = true so that threats are detected and can be reported as incidents.",
}

var msgGuardDutyMissing = project.Text{
	JA: "アカウントのベースラインに GuardDuty の検出器（aws_guardduty_detector）がありません。脅威を検知してインシデントとして報告できるよう、宣言してください。",
	EN: "The account baseline declares no GuardDuty detector (aws_guardduty_detector); declare one so that threats are detected and can be reported as incidents.",
}

var whatGuardDuty = project.Text{JA: "GuardDuty の有効化", EN: "that GuardDuty is enabled"}

// Check reports each detector whose enable is false (the provider's
// default is true), and, in the root module, an account baseline without a
// detector, following the account-baseline convention.
func (r *AwsGuardDutyEnabledRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	if err := runner.RequireEachTrue(r, guardDutyDetectorType, "enable", func(*hclext.Block) (lint.Default, bool) {
		return lint.DefaultPasses, true
	}, whatGuardDuty, msgGuardDutyDisabled); err != nil {
		return err
	}
	detectors, err := runner.Resources(r, guardDutyDetectorType)
	if err != nil || len(detectors) > 0 {
		return err
	}
	return reportBaselineGap(runner, r, baselineGap{
		Types: []string{guardDutyDetectorType},
		What:  whatGuardDuty,
		Msg:   msgGuardDutyMissing,
	})
}
