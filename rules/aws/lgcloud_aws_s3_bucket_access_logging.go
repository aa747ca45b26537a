package aws

import (
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/segment"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsS3BucketAccessLoggingRule checks that the S3 buckets that receive the
// logs of other services have server access logging, so that access to the
// evidence is itself recorded; and so do the buckets that hold the data of
// the My Number segment, for which a finding is an ERROR.
type AwsS3BucketAccessLoggingRule struct{ lint.Meta }

var _ lint.Rule = (*AwsS3BucketAccessLoggingRule)(nil)

// bucketLoggingLink is how a bucket logging configuration names its bucket.
var bucketLoggingLink = logLink{Type: "aws_s3_bucket_logging", Attr: "bucket", Target: "aws_s3_bucket", TargetName: "bucket"}

// logSource is an attribute through which a service delivers logs to a
// bucket: Path are the nested blocks down to it, Attr the attribute.
type logSource struct {
	Type string
	Path []string
	Attr string
}

// logSources are the log deliveries to S3 the rule knows. The trail's
// bucket (aws_cloudtrail s3_bucket_name) is checked by
// lgcloud_aws_cloudtrail_bucket_protected and is left out here.
var logSources = []logSource{
	{Type: "aws_lb", Path: []string{"access_logs"}, Attr: "bucket"},
	{Type: "aws_alb", Path: []string{"access_logs"}, Attr: "bucket"},
	{Type: "aws_elb", Path: []string{"access_logs"}, Attr: "bucket"},
	{Type: "aws_flow_log", Attr: "log_destination"},
	{Type: "aws_cloudfront_distribution", Path: []string{"logging_config"}, Attr: "bucket"},
	{Type: "aws_cloudwatch_log_delivery_destination", Path: []string{"delivery_destination_configuration"}, Attr: "destination_resource_arn"},
	{Type: "aws_networkfirewall_logging_configuration", Path: []string{"logging_configuration", "log_destination_config"}, Attr: "log_destination"},
	{Type: "aws_route53_resolver_query_log_config", Attr: "destination_arn"},
}

// trailSource is the trail's bucket, read to leave it out.
var trailSource = logSource{Type: "aws_cloudtrail", Attr: "s3_bucket_name"}

// NewAwsS3BucketAccessLoggingRule returns the rule.
func NewAwsS3BucketAccessLoggingRule() *AwsS3BucketAccessLoggingRule {
	reads := logLinkReads(lint.Reads{
		"aws_s3_bucket": {
			Attributes: []hclext.AttributeSchema{{Name: "bucket"}},
			Blocks:     []hclext.BlockSchema{{Type: "logging", Body: &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "target_bucket"}}}}},
		},
	}, bucketLoggingLink)
	for _, s := range append(slices.Clone(logSources), trailSource) {
		addSourceRead(reads, s)
	}
	// An access_logs block of aws_lb and aws_alb delivers nothing unless
	// enabled.
	for _, ty := range []string{"aws_lb", "aws_alb", "aws_elb"} {
		reads[ty].Blocks[0].Body.Attributes = append(reads[ty].Blocks[0].Body.Attributes, hclext.AttributeSchema{Name: "enabled"})
	}
	reads = segmentLevelReads(reads, "aws_networkfirewall_logging_configuration", "aws_s3_bucket_logging")
	return &AwsS3BucketAccessLoggingRule{lint.Meta{
		RuleName: "lgcloud_aws_s3_bucket_access_logging",
		Level:    tflint.WARNING,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.6.1.4"},
		Summary:  project.Text{JA: "ログやマイナンバー利用事務系のデータを保管する S3 バケットでサーバーアクセスログを記録する", EN: "S3 buckets that hold logs or My Number segment data have server access logging"},
		Reads:    reads,
	}}
}

// addSourceRead adds to reads the attribute of a log source.
func addSourceRead(reads lint.Reads, s logSource) {
	if len(s.Path) == 0 {
		addAttrs(reads, s.Type, s.Attr)
		return
	}
	schema := &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: s.Attr}}}
	for i := len(s.Path) - 1; i >= 0; i-- {
		schema = &hclext.BodySchema{Blocks: []hclext.BlockSchema{{Type: s.Path[i], Body: schema}}}
	}
	reads[s.Type] = schema
}

var msgLogBucketAccessLogging = project.Text{
	JA: "S3 バケット %s は %s のログを保管していますが、サーバーアクセスログが設定されていません。証拠となるログへのアクセスを記録するため、aws_s3_bucket_logging でこのバケットのアクセスログを別のバケットに記録してください。",
	EN: "S3 bucket %s holds the logs of %s but has no server access logging; add an aws_s3_bucket_logging that records access to it in another bucket, so that access to the evidence is recorded.",
}

var msgSegmentBucketAccessLogging = project.Text{
	JA: "S3 バケット %s は%sのデータを保管していますが、サーバーアクセスログが設定されていません。データへのアクセスを監査・フォレンジックの証拠として残すため、aws_s3_bucket_logging でこのバケットのアクセスログを別のバケットに記録してください。",
	EN: "S3 bucket %s holds data of the %s but has no server access logging; add an aws_s3_bucket_logging that records access to it in another bucket, so that access to the data is kept as evidence for audit and forensics.",
}

var (
	whatLogBucketLogging     = project.Text{JA: "ログバケットのサーバーアクセスログ", EN: "server access logging of a log bucket"}
	whatSegmentBucketLogging = project.Text{JA: "マイナンバー利用事務系のデータを保管しうる S3 バケットのサーバーアクセスログ", EN: "server access logging of a bucket that may hold My Number segment data"}
)

// Check finds the buckets of the module that receive logs from the
// sources above, by reference or by name, and the buckets placed in the
// mynumber segment (their Segment tag, or their provider's default_tags),
// and reports each that has no server access logging: neither a legacy
// logging block nor an aws_s3_bucket_logging that names it. A finding on a
// bucket of the mynumber segment is an ERROR. A bucket that receives no
// logs and whose segment cannot be decided is named in strict mode when
// it has no logging.
func (r *AwsS3BucketAccessLoggingRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	buckets, err := runner.Resources(r, "aws_s3_bucket")
	if err != nil || len(buckets) == 0 {
		return err
	}
	names := map[string]string{}
	for _, b := range buckets {
		if name, ok := runner.Attr(b.Body, "bucket", cty.String).String(); ok && name != "" {
			names[name] = b.Labels[1]
		}
	}
	receives := map[string][]string{}
	for _, s := range logSources {
		if err := r.readSource(runner, s, names, func(label, from string) {
			if !slices.Contains(receives[label], from) {
				receives[label] = append(receives[label], from)
			}
		}); err != nil {
			return err
		}
	}
	trailBuckets := map[string]bool{}
	if err := r.readSource(runner, trailSource, names, func(label, _ string) { trailBuckets[label] = true }); err != nil {
		return err
	}
	links, err := readLogLinks(runner, r, bucketLoggingLink)
	if err != nil {
		return err
	}
	for _, bucket := range sortedLogBlocks(buckets) {
		if err := r.checkBucket(runner, bucket, receives[bucket.Labels[1]], trailBuckets[bucket.Labels[1]], links); err != nil {
			return err
		}
	}
	return nil
}

// checkBucket judges one bucket, which receives the logs of the sources
// named in logsOf (none when empty). A bucket that receives a trail's logs
// (trail) is left to lgcloud_aws_cloudtrail_bucket_protected.
func (r *AwsS3BucketAccessLoggingRule) checkBucket(runner *lint.Runner, bucket *hclext.Block, logsOf []string, trail bool, links *logLinks) error {
	if trail {
		return nil
	}
	p, err := segmentOf(runner, r, bucket)
	if err != nil {
		return err
	}
	mine := placedInMyNumber(p)
	logBucket := len(logsOf) > 0
	if !logBucket && mine == notInSegments {
		return nil
	}
	if len(bucket.Body.Blocks.OfType("logging")) > 0 {
		return nil
	}
	dyn, err := readDynamic(runner, "aws_s3_bucket", "logging")
	if err != nil {
		return err
	}
	if dyn.state[lint.Address(bucket)] == nestedMaybe {
		v := dyn.maybe[lint.Address(bucket)]
		what := whatLogBucketLogging
		if !logBucket {
			what = whatSegmentBucketLogging
		}
		return runner.Unverified(r, lint.Value{State: lint.Unknown, Name: v.Name, Range: v.Range, Why: whyDynamicBlock}, what)
	}
	if !logBucket && mine == segmentUndecided {
		// Logging is required only if the bucket is of the mynumber
		// segment, which cannot be decided.
		if len(links.by[bucket.Labels[1]]) > 0 {
			return nil
		}
		return runner.Unverified(r, undecidedSegment(bucket, p), whatSegmentBucketLogging)
	}
	var rule lint.Rule = r
	var at hcl.Range // the bucket, or the count that leaves its logging without instance
	msg, what, args := msgLogBucketAccessLogging, whatLogBucketLogging, []any{lint.Address(bucket), strings.Join(logsOf, ", ")}
	if mine == isInSegments {
		rule = lint.AtSeverity(r, tflint.ERROR)
		if at, _, err = segmentInput(runner, p, nil); err != nil {
			return err
		}
		if !logBucket {
			msg, what, args = msgSegmentBucketAccessLogging, whatSegmentBucketLogging, []any{lint.Address(bucket), segment.Title(config.SegmentMyNumber)}
		}
	}
	_, err = requireLoggedAt(runner, rule, links, bucket, at, what, msg, args...)
	return err
}

// readSource calls found with the label of each bucket of the module that a
// log source delivers to, and the source's address.
func (r *AwsS3BucketAccessLoggingRule) readSource(runner *lint.Runner, s logSource, names map[string]string, found func(label, from string)) error {
	resources, err := runner.Resources(r, s.Type)
	if err != nil {
		return err
	}
	for _, res := range sortedLogBlocks(resources) {
		bodies := []*hclext.BodyContent{res.Body}
		for _, step := range s.Path {
			var next []*hclext.BodyContent
			for _, b := range bodies {
				for _, nested := range b.Blocks.OfType(step) {
					if step == "access_logs" && !r.delivers(runner, res.Labels[0], nested.Body) {
						continue
					}
					next = append(next, nested.Body)
				}
			}
			bodies = next
		}
		for _, body := range bodies {
			attr, ok := body.Attributes[s.Attr]
			if !ok {
				continue
			}
			for _, label := range r.bucketsOf(runner, attr, names) {
				found(label, lint.Address(res))
			}
		}
	}
	return nil
}

// delivers says whether an access_logs block may deliver logs: aws_lb and
// aws_alb deliver none unless enabled is true, aws_elb unless it is false.
func (r *AwsS3BucketAccessLoggingRule) delivers(runner *lint.Runner, resourceType string, body *hclext.BodyContent) bool {
	enabled := runner.Attr(body, "enabled", cty.Bool)
	if resourceType == "aws_elb" {
		return !enabled.IsFalse()
	}
	return enabled.IsTrue()
}

// bucketsOf returns the labels of the buckets of the module that a log
// destination names: by reference, or by a known string that names the
// bucket (its name, ARN or domain name), also inside a map or list.
func (r *AwsS3BucketAccessLoggingRule) bucketsOf(runner *lint.Runner, attr *hclext.Attribute, names map[string]string) []string {
	labels := logRefLabels(attr.Expr, "aws_s3_bucket")
	if len(labels) > 0 {
		return labels
	}
	val, err := runner.Raw(attr.Expr)
	if err != nil {
		return nil
	}
	var out []string
	walkStrings(val, func(s string) {
		if label, ok := names[bucketNameOf(s)]; ok && !slices.Contains(out, label) {
			out = append(out, label)
		}
	})
	return out
}

// walkStrings calls f with each known, unmarked string in a value.
func walkStrings(val cty.Value, f func(string)) {
	switch {
	case !val.IsKnown() || val.IsNull() || val.IsMarked():
	case val.Type() == cty.String:
		f(val.AsString())
	case val.CanIterateElements():
		for it := val.ElementIterator(); it.Next(); {
			_, e := it.Element()
			walkStrings(e, f)
		}
	}
}
