package aws

import (
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsSecurityHubEnabledRule checks that the account baseline turns on
// Security Hub with at least one security standard: an
// aws_securityhub_account, and a standards subscription or the default
// standards.
type AwsSecurityHubEnabledRule struct{ lint.Meta }

var _ lint.Rule = (*AwsSecurityHubEnabledRule)(nil)

const (
	securityHubAccountType      = "aws_securityhub_account"
	securityHubSubscriptionType = "aws_securityhub_standards_subscription"
)

// NewAwsSecurityHubEnabledRule returns the rule.
func NewAwsSecurityHubEnabledRule() *AwsSecurityHubEnabledRule {
	return &AwsSecurityHubEnabledRule{lint.Meta{
		RuleName: "lgcloud_aws_securityhub_enabled",
		Level:    tflint.ERROR,
		Preset:   config.GovCloud,
		Provider: "aws",
		Items:    []string{"4.7.1.7"},
		Summary:  project.Text{JA: "Security Hub を有効にし、セキュリティ標準を 1 つ以上有効にする", EN: "Security Hub is enabled with at least one security standard"},
		Reads: lint.Reads{
			securityHubAccountType:      {Attributes: []hclext.AttributeSchema{{Name: "enable_default_standards"}}},
			securityHubSubscriptionType: {Attributes: []hclext.AttributeSchema{{Name: "standards_arn"}}},
		},
	}}
}

var msgSecurityHubMissing = project.Text{
	JA: "アカウントのベースラインで Security Hub が有効になっていません（aws_securityhub_account がありません）。クラウドサービスの監視機能でアカウントの状態を確認できるよう、aws_securityhub_account と、セキュリティ標準を有効にする aws_securityhub_standards_subscription を宣言してください。",
	EN: "The account baseline does not enable Security Hub (no aws_securityhub_account); declare an aws_securityhub_account and an aws_securityhub_standards_subscription for a security standard, so that the service's monitoring checks the account.",
}

var msgSecurityHubNoStandard = project.Text{
	JA: "Security Hub %s ではセキュリティ標準が 1 つも有効になりません（enable_default_standards = false で、aws_securityhub_standards_subscription がありません）。aws_securityhub_standards_subscription でセキュリティ標準（例: AWS Foundational Security Best Practices）を有効にしてください。",
	EN: "Security Hub %s subscribes to no security standard (enable_default_standards = false, and no aws_securityhub_standards_subscription); subscribe to one (for example AWS Foundational Security Best Practices) with an aws_securityhub_standards_subscription.",
}

var whatSecurityHub = project.Text{JA: "Security Hub とセキュリティ標準の有効化", EN: "that Security Hub is enabled with a security standard"}

// Check reports, in the root module, an account baseline without Security
// Hub, or whose Security Hub has no standard: no subscription, and the
// default standards turned off (enable_default_standards defaults to true,
// which subscribes to the standards AWS enables by default). It follows the
// account-baseline convention.
func (r *AwsSecurityHubEnabledRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	if root, err := isBaselineRoot(runner); err != nil || !root {
		return err
	}
	accounts, err := runner.Resources(r, securityHubAccountType)
	if err != nil {
		return err
	}
	if len(accounts) == 0 {
		return reportBaselineGap(runner, r, baselineGap{
			Types: []string{securityHubAccountType},
			What:  whatSecurityHub,
			Msg:   msgSecurityHubMissing,
		})
	}
	subscriptions, err := runner.Resources(r, securityHubSubscriptionType)
	if err != nil || len(subscriptions) > 0 {
		return err
	}
	standards := verdictFails
	var off *lint.Value
	var offAccount *hclext.Block
	for _, account := range sortedBlocks(accounts) {
		v := runner.Attr(account.Body, "enable_default_standards", cty.Bool)
		switch {
		case v.IsUnknown():
			standards = standards.Or(undecided(v))
		case v.IsFalse():
			if off == nil {
				off, offAccount = &v, account
			}
		default:
			standards = standards.Or(verdictHolds)
		}
	}
	switch {
	case standards.Holds():
		return nil
	case !standards.decided:
		return runner.Unverified(r, standards.Unknown, whatSecurityHub)
	}
	return reportBaselineGap(runner, r, baselineGap{
		Types: []string{securityHubSubscriptionType},
		What:  whatSecurityHub,
		At:    off.Range,
		Msg:   msgSecurityHubNoStandard,
		Args:  []any{lint.Address(offAccount)},
	})
}
