package aws

import (
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsNetworkfirewallLoggingRule checks that every AWS Network Firewall of a
// module sends its flow and alert logs to a destination.
type AwsNetworkfirewallLoggingRule struct{ lint.Meta }

var _ lint.Rule = (*AwsNetworkfirewallLoggingRule)(nil)

// firewallLoggingLink is how a logging configuration names its firewall.
var firewallLoggingLink = logLink{Type: "aws_networkfirewall_logging_configuration", Attr: "firewall_arn", Target: "aws_networkfirewall_firewall"}

// firewallLogTypes are the logs the rule requires: FLOW records the
// traffic the firewall sees, ALERT the traffic its rules alert on or drop.
var firewallLogTypes = []string{"FLOW", "ALERT"}

// NewAwsNetworkfirewallLoggingRule returns the rule.
func NewAwsNetworkfirewallLoggingRule() *AwsNetworkfirewallLoggingRule {
	reads := logLinkReads(lint.Reads{
		"aws_networkfirewall_logging_configuration": {Blocks: []hclext.BlockSchema{{
			Type: "logging_configuration",
			Body: &hclext.BodySchema{Blocks: []hclext.BlockSchema{{
				Type: "log_destination_config",
				Body: &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "log_type"}}},
			}}},
		}}},
	}, firewallLoggingLink)
	return &AwsNetworkfirewallLoggingRule{lint.Meta{
		RuleName: "lgcloud_aws_networkfirewall_logging",
		Level:    tflint.WARNING,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.6.1.4"},
		Summary:  project.Text{JA: "Network Firewall の FLOW と ALERT のログを記録する", EN: "Network Firewalls log FLOW and ALERT"},
		Reads:    reads,
	}}
}

var msgFirewallLoggingMissing = project.Text{
	JA: "Network Firewall %s のログが設定されていません。通信と検知の記録を監査・フォレンジックの証拠として残すため、firewall_arn でこのファイアウォールを参照する aws_networkfirewall_logging_configuration を宣言し、FLOW と ALERT のログの送信先を設定してください。",
	EN: "Network Firewall %s has no logging configuration; declare an aws_networkfirewall_logging_configuration whose firewall_arn refers to it, with destinations for the FLOW and ALERT logs, so that its traffic and alerts are kept as evidence for audit and forensics.",
}

var msgFirewallLogTypeMissing = project.Text{
	JA: "Network Firewall %s のログ設定 %s に %s ログの送信先がありません。log_type = %q の log_destination_config を追加してください。",
	EN: "Network Firewall %s: logging configuration %s sends no %s log; add a log_destination_config with log_type = %q.",
}

var whatFirewallLogging = project.Text{JA: "Network Firewall のログ", EN: "Network Firewall logging"}

// Check reports each firewall that no logging configuration names by
// reference in firewall_arn, and each of the FLOW and ALERT logs that its
// logging configurations send nowhere.
func (r *AwsNetworkfirewallLoggingRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	firewalls, err := runner.Resources(r, "aws_networkfirewall_firewall")
	if err != nil || len(firewalls) == 0 {
		return err
	}
	links, err := readLogLinks(runner, r, firewallLoggingLink)
	if err != nil {
		return err
	}
	for _, fw := range sortedLogBlocks(firewalls) {
		configs, err := requireLogged(runner, r, links, fw, whatFirewallLogging, msgFirewallLoggingMissing, lint.Address(fw))
		if err != nil {
			return err
		}
		if len(configs) > 0 {
			if err := r.checkTypes(runner, fw, configs); err != nil {
				return err
			}
		}
	}
	return nil
}

// checkTypes reports the required log types that none of the firewall's
// logging configurations sends, at the first configuration.
func (r *AwsNetworkfirewallLoggingRule) checkTypes(runner *lint.Runner, fw *hclext.Block, configs []*hclext.Block) error {
	sent := map[string]bool{}
	var unknown []lint.Value
	for _, cfg := range configs {
		dyn, err := readDynamic(runner, cfg.Labels[0], "logging_configuration", "log_destination_config")
		if err != nil {
			return err
		}
		if dyn.state[lint.Address(cfg)] == nestedMaybe {
			v := dyn.maybe[lint.Address(cfg)]
			unknown = append(unknown, lint.Value{State: lint.Unknown, Name: v.Name, Range: v.Range, Why: whyDynamicBlock})
		}
		for _, logging := range cfg.Body.Blocks.OfType("logging_configuration") {
			for _, dest := range logging.Body.Blocks.OfType("log_destination_config") {
				logType := runner.Attr(dest.Body, "log_type", cty.String)
				if s, ok := logType.String(); ok {
					sent[s] = true
				}
				if logType.IsUnknown() {
					unknown = append(unknown, logType)
				}
			}
		}
	}
	first := configs[0]
	for _, want := range firewallLogTypes {
		if sent[want] {
			continue
		}
		if len(unknown) > 0 {
			return runner.Unverified(r, unknown[0], whatFirewallLogging)
		}
		if err := runner.Report(r, first.DefRange, msgFirewallLogTypeMissing, lint.Address(fw), lint.Address(first), want, want); err != nil {
			return err
		}
	}
	return nil
}
