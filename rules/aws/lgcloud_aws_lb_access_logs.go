package aws

import (
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsLbAccessLogsRule checks that load balancers write access logs.
type AwsLbAccessLogsRule struct{ lint.Meta }

var _ lint.Rule = (*AwsLbAccessLogsRule)(nil)

// lbListenerLinks are how listeners name their load balancer.
var lbListenerLinks = []logLink{
	{Type: "aws_lb_listener", Attr: "load_balancer_arn", Target: "aws_lb"},
	{Type: "aws_alb_listener", Attr: "load_balancer_arn", Target: "aws_lb"},
	{Type: "aws_lb_listener", Attr: "load_balancer_arn", Target: "aws_alb"},
	{Type: "aws_alb_listener", Attr: "load_balancer_arn", Target: "aws_alb"},
}

// NewAwsLbAccessLogsRule returns the rule.
func NewAwsLbAccessLogsRule() *AwsLbAccessLogsRule {
	logs := hclext.BlockSchema{Type: "access_logs", Body: &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "enabled"}, {Name: "bucket"}}}}
	lb := &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "load_balancer_type"}}, Blocks: []hclext.BlockSchema{logs}}
	reads := logLinkReads(lint.Reads{
		"aws_lb":  lb,
		"aws_alb": lb,
		"aws_elb": {Blocks: []hclext.BlockSchema{logs}},
	}, lbListenerLinks...)
	addAttrs(reads, "aws_lb_listener", "protocol")
	addAttrs(reads, "aws_alb_listener", "protocol")
	return &AwsLbAccessLogsRule{lint.Meta{
		RuleName: "lgcloud_aws_lb_access_logs",
		Level:    tflint.WARNING,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.6.1.4"},
		Summary:  project.Text{JA: "ロードバランサーのアクセスログを有効にする", EN: "Load balancers write access logs"},
		Reads:    reads,
	}}
}

var msgLbAccessLogsMissing = project.Text{
	JA: "ロードバランサー %s のアクセスログが設定されていません。リクエストの記録を監査・フォレンジックの証拠として残すため、access_logs ブロックに bucket と enabled = true を設定してください。",
	EN: "Load balancer %s has no access logs; add an access_logs block with a bucket and enabled = true, so that its requests are kept as evidence for audit and forensics.",
}

var msgLbAccessLogsOff = project.Text{
	JA: "ロードバランサー %s のアクセスログが無効です。access_logs に enabled = true を設定してください（aws_lb では enabled を省略すると無効です）。",
	EN: "Load balancer %s has its access logs turned off; set enabled = true in access_logs (aws_lb turns them off when enabled is not set).",
}

var whatLbAccessLogs = project.Text{JA: "ロードバランサーのアクセスログ", EN: "load balancer access logs"}

var whyLbType = project.Text{
	JA: "load_balancer_type が lint 時に決まらず、アクセスログを記録する種類か分かりません",
	EN: "load_balancer_type is not known at lint time, so whether the load balancer writes access logs cannot be told",
}

var whyLbListener = project.Text{
	JA: "Network Load Balancer のリスナーのプロトコルが lint 時に決まらず、TLS リスナー（アクセスログの対象）があるか分かりません",
	EN: "the protocol of a listener of the Network Load Balancer is not known at lint time, so whether it has a TLS listener (which access logs record) cannot be told",
}

// Check reports Application Load Balancers, Network Load Balancers with a
// TLS listener and Classic Load Balancers whose access logs are off or not
// configured. Gateway Load Balancers have no access logs, and a Network
// Load Balancer writes them only for its TLS listeners.
func (r *AwsLbAccessLogsRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	for _, ty := range []string{"aws_lb", "aws_alb", "aws_elb"} {
		lbs, err := runner.Resources(r, ty)
		if err != nil {
			return err
		}
		for _, lb := range sortedLogBlocks(lbs) {
			applies, err := r.applies(runner, lb)
			if err != nil {
				return err
			}
			if err := r.checkLogs(runner, lb, applies); err != nil {
				return err
			}
		}
	}
	return nil
}

// applies says, as a boolean value, whether the load balancer writes access
// logs: true, false (a Gateway Load Balancer, a Network Load Balancer without
// a TLS listener), or unknown with the reason.
func (r *AwsLbAccessLogsRule) applies(runner *lint.Runner, lb *hclext.Block) (lint.Value, error) {
	yes := lint.Value{State: lint.Known, Val: cty.True}
	no := lint.Value{State: lint.Known, Val: cty.False}
	if lb.Labels[0] == "aws_elb" {
		return yes, nil
	}
	kind := runner.Attr(lb.Body, "load_balancer_type", cty.String)
	if kind.IsUnknown() {
		return lint.Value{State: lint.Unknown, Name: kind.Name, Range: kind.Range, Why: whyLbType}, nil
	}
	switch s, _ := kind.String(); {
	case kind.IsAbsent() || s == "application":
		return yes, nil
	case s != "network":
		return no, nil
	}
	// A Network Load Balancer logs the connections of its TLS listeners.
	undecided := false
	for _, link := range lbListenerLinks {
		if link.Target != lb.Labels[0] {
			continue
		}
		links, err := readLogLinks(runner, r, link)
		if err != nil {
			return lint.Value{}, err
		}
		for _, listener := range links.by[lb.Labels[1]] {
			protocol := runner.Attr(listener.Body, "protocol", cty.String)
			if s, ok := protocol.String(); ok && s == "TLS" {
				return yes, nil
			}
			undecided = undecided || protocol.IsUnknown()
		}
		if _, ok := links.maybe[lb.Labels[1]]; ok {
			undecided = true
		}
	}
	if undecided {
		return lint.Value{State: lint.Unknown, Name: "protocol", Range: lb.DefRange, Why: whyLbListener}, nil
	}
	return no, nil
}

func (r *AwsLbAccessLogsRule) checkLogs(runner *lint.Runner, lb *hclext.Block, applies lint.Value) error {
	if applies.IsFalse() {
		return nil
	}
	name := lint.Address(lb)
	blocks := lb.Body.Blocks.OfType("access_logs")
	def := lint.DefaultFails
	if lb.Labels[0] == "aws_elb" {
		def = lint.DefaultPasses
	}
	if applies.IsUnknown() {
		// Only a load balancer that may write no access logs is named.
		for _, logs := range blocks {
			enabled := runner.Attr(logs.Body, "enabled", cty.Bool)
			if enabled.IsTrue() || (enabled.IsAbsent() && def == lint.DefaultPasses) {
				return nil
			}
		}
		return runner.Unverified(r, applies, whatLbAccessLogs)
	}
	present, err := requireBlock(runner, r, lb, blocks, []string{"access_logs"}, whatLbAccessLogs, msgLbAccessLogsMissing, name)
	if err != nil || !present {
		return err
	}
	for _, logs := range blocks {
		enabled := runner.Attr(logs.Body, "enabled", cty.Bool)
		if err := runner.RequireTrue(r, enabled, logs.DefRange, def, whatLbAccessLogs, msgLbAccessLogsOff, name); err != nil {
			return err
		}
	}
	return nil
}
