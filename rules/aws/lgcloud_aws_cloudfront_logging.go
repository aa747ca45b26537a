package aws

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsCloudfrontLoggingRule checks that CloudFront distributions write
// access logs: standard logging (legacy) to a bucket, or standard logging
// v2 through a CloudWatch Logs delivery.
type AwsCloudfrontLoggingRule struct{ lint.Meta }

var _ lint.Rule = (*AwsCloudfrontLoggingRule)(nil)

// The links of standard logging v2: a delivery source names the
// distribution (resource_arn), a delivery names its source (by reference,
// or by the source's name).
var (
	cloudfrontSourceLink   = logLink{Type: "aws_cloudwatch_log_delivery_source", Attr: "resource_arn", Target: "aws_cloudfront_distribution"}
	cloudfrontDeliveryLink = logLink{Type: "aws_cloudwatch_log_delivery", Attr: "delivery_source_name", Target: "aws_cloudwatch_log_delivery_source", TargetName: "name"}
)

// NewAwsCloudfrontLoggingRule returns the rule.
func NewAwsCloudfrontLoggingRule() *AwsCloudfrontLoggingRule {
	reads := logLinkReads(lint.Reads{
		"aws_cloudfront_distribution": {Blocks: []hclext.BlockSchema{{
			Type: "logging_config",
			Body: &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "bucket"}}},
		}}},
	}, cloudfrontSourceLink, cloudfrontDeliveryLink)
	addAttrs(reads, "aws_cloudwatch_log_delivery_source", "log_type")
	return &AwsCloudfrontLoggingRule{lint.Meta{
		RuleName: "lgcloud_aws_cloudfront_logging",
		Level:    tflint.WARNING,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.6.1.4"},
		Summary:  project.Text{JA: "CloudFront ディストリビューションのアクセスログを記録する", EN: "CloudFront distributions write access logs"},
		Reads:    reads,
	}}
}

var msgCloudfrontLoggingMissing = project.Text{
	JA: "CloudFront ディストリビューション %s のアクセスログが設定されていません。リクエストの記録を監査・フォレンジックの証拠として残すため、logging_config に bucket を指定するか、CloudWatch Logs の配信（log_type = \"ACCESS_LOGS\" の aws_cloudwatch_log_delivery_source と、それを参照する aws_cloudwatch_log_delivery）を宣言してください。",
	EN: "CloudFront distribution %s has no access logs; set a bucket in logging_config, or declare a CloudWatch Logs delivery (an aws_cloudwatch_log_delivery_source with log_type = \"ACCESS_LOGS\" and an aws_cloudwatch_log_delivery that refers to it), so that its requests are kept as evidence for audit and forensics.",
}

var whatCloudfrontLogging = project.Text{JA: "CloudFront のアクセスログ", EN: "CloudFront access logs"}

// cloudfrontAccessLogs is the log type of CloudFront's standard logging v2.
const cloudfrontAccessLogs = "ACCESS_LOGS"

// Check reports each distribution that has neither a logging_config with a
// bucket nor a delivery source of its access logs with a delivery.
func (r *AwsCloudfrontLoggingRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	distributions, err := runner.Resources(r, "aws_cloudfront_distribution")
	if err != nil || len(distributions) == 0 {
		return err
	}
	for _, d := range sortedLogBlocks(distributions) {
		legacy, err := r.legacy(runner, d)
		switch {
		case err != nil:
			return err
		case legacy.IsTrue():
			continue
		case legacy.IsUnknown():
			if err := runner.Unverified(r, legacy, whatCloudfrontLogging); err != nil {
				return err
			}
			continue
		}
		if err := r.v2(runner, d, legacy.Range); err != nil {
			return err
		}
	}
	return nil
}

// legacy says, as a boolean value, whether standard logging (legacy) is
// on: a logging_config block with a bucket, written or referred to (an
// aws_s3_bucket's bucket_domain_name). The bucket decides it (in provider
// v6 it is optional, and a block without one only sets the cookie option
// of v2 logging). When it is off, the value's range is where to report:
// an empty bucket, or the resource.
func (r *AwsCloudfrontLoggingRule) legacy(runner *lint.Runner, d *hclext.Block) (lint.Value, error) {
	off := lint.Value{State: lint.Known, Val: cty.False, Range: d.DefRange}
	blocks := d.Body.Blocks.OfType("logging_config")
	if len(blocks) == 0 {
		dyn, err := readDynamic(runner, d.Labels[0], "logging_config")
		if err != nil {
			return off, err
		}
		if dyn.state[lint.Address(d)] == nestedMaybe {
			v := dyn.maybe[lint.Address(d)]
			return lint.Value{State: lint.Unknown, Name: v.Name, Range: v.Range, Why: whyDynamicBlock}, nil
		}
		return off, nil
	}
	for _, b := range blocks {
		bucket := runner.Attr(b.Body, "bucket", cty.String)
		if s, ok := bucket.String(); ok && s != "" {
			return lint.Value{State: lint.Known, Val: cty.True}, nil
		}
		// The domain name of a bucket of the configuration is never empty.
		if bucket.Expr != nil && len(logRefLabels(bucket.Expr, "aws_s3_bucket")) > 0 {
			return lint.Value{State: lint.Known, Val: cty.True}, nil
		}
		if bucket.IsUnknown() {
			return bucket, nil
		}
		if bucket.State == lint.Known {
			// An empty bucket, which may come from a module input: the
			// finding goes there.
			off.Range = bucket.Range
		}
	}
	return off, nil
}

// v2 reports, at `at`, a distribution without standard logging v2: a
// delivery source of its access logs that a delivery names.
func (r *AwsCloudfrontLoggingRule) v2(runner *lint.Runner, d *hclext.Block, at hcl.Range) error {
	sourceLinks, err := readLogLinks(runner, r, cloudfrontSourceLink)
	if err != nil {
		return err
	}
	reported := *d
	reported.DefRange = at
	sources, err := requireLogged(runner, r, sourceLinks, &reported, whatCloudfrontLogging, msgCloudfrontLoggingMissing, lint.Address(d))
	if err != nil || len(sources) == 0 {
		return err
	}
	deliveries, err := readLogLinks(runner, r, cloudfrontDeliveryLink)
	if err != nil {
		return err
	}
	var open *hclext.Block
	unknown := false
	for _, source := range sources {
		logType := runner.Attr(source.Body, "log_type", cty.String)
		if s, ok := logType.String(); ok && s != cloudfrontAccessLogs {
			continue
		}
		if logType.IsUnknown() {
			unknown = true
			if err := runner.Unverified(r, logType, whatCloudfrontLogging); err != nil {
				return err
			}
			continue
		}
		if len(deliveries.by[source.Labels[1]]) > 0 {
			return nil
		}
		if open == nil {
			open = source
		}
	}
	switch {
	case unknown && open == nil:
		return nil
	case open == nil:
		return runner.Report(r, at, msgCloudfrontLoggingMissing, lint.Address(d))
	}
	// A source of the access logs without a delivery sends them nowhere.
	_, err = requireLogged(runner, r, deliveries, open, whatCloudfrontLogging, msgCloudfrontLoggingMissing, lint.Address(d))
	return err
}
