package aws

import (
	"strconv"

	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/segment"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsS3BucketVersioningRule checks that the S3 buckets that hold the data of
// the My Number segment keep versions of their objects, so that an object
// overwritten or deleted by mistake or by an attack can be restored.
type AwsS3BucketVersioningRule struct{ lint.Meta }

var _ lint.Rule = (*AwsS3BucketVersioningRule)(nil)

// bucketVersioningLink is how a versioning configuration (provider v4 and
// later) names its bucket: by reference, or by the bucket's name.
var bucketVersioningLink = logLink{Type: "aws_s3_bucket_versioning", Attr: "bucket", Target: "aws_s3_bucket", TargetName: "bucket"}

// NewAwsS3BucketVersioningRule returns the rule.
func NewAwsS3BucketVersioningRule() *AwsS3BucketVersioningRule {
	reads := logLinkReads(lint.Reads{
		"aws_s3_bucket":            storeSchema("versioning.enabled"),
		"aws_s3_bucket_versioning": storeSchema("versioning_configuration.status"),
	}, bucketVersioningLink)
	return &AwsS3BucketVersioningRule{lint.Meta{
		RuleName: "lgcloud_aws_s3_bucket_versioning",
		Level:    tflint.ERROR,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.6.1.3"},
		Summary:  project.Text{JA: "マイナンバー利用事務系のデータを保管する S3 バケットでバージョニングを有効にする", EN: "S3 buckets that hold My Number segment data have versioning enabled"},
		Reads:    segmentLevelReads(reads, "aws_s3_bucket_versioning"),
	}}
}

var msgBucketVersioningMissing = project.Text{
	JA: "S3 バケット %s は%sのデータを保管していますが、バージョニングが有効になっていません。誤って、または攻撃によって上書き・削除されたオブジェクトを復元できるよう、aws_s3_bucket_versioning を宣言して versioning_configuration の status = \"Enabled\" を設定してください。",
	EN: "S3 bucket %s holds data of the %s but does not have versioning enabled; declare an aws_s3_bucket_versioning with status = \"Enabled\" in its versioning_configuration, so that objects overwritten or deleted by mistake or by an attack can be restored.",
}

var msgBucketVersioningOff = project.Text{
	JA: "S3 バケット %s は%sのデータを保管していますが、%s がバージョニングを %q にしています。誤って、または攻撃によって上書き・削除されたオブジェクトを復元できるよう、status = \"Enabled\" を設定してください。",
	EN: "S3 bucket %s holds data of the %s but %s sets its versioning to %q; set status = \"Enabled\", so that objects overwritten or deleted by mistake or by an attack can be restored.",
}

var msgBucketInlineVersioningOff = project.Text{
	JA: "S3 バケット %s は%sのデータを保管していますが、versioning ブロックでバージョニングが有効になっていません。enabled = true を設定してください（AWS プロバイダー v4 以降では aws_s3_bucket_versioning で設定します）。",
	EN: "S3 bucket %s holds data of the %s but its versioning block does not enable versioning; set enabled = true (with AWS provider v4 and later, use aws_s3_bucket_versioning).",
}

var whatBucketVersioning = project.Text{JA: "マイナンバー利用事務系のデータを保管しうる S3 バケットのバージョニング", EN: "versioning of an S3 bucket that may hold My Number segment data"}

// versioningEnabled is the status that turns versioning on; "Suspended"
// and "Disabled" (only when the bucket is created) leave it off.
const versioningEnabled = "Enabled"

// Check reports each bucket placed in the mynumber segment (by its Segment
// tag, or its provider's default_tags) whose versioning is not enabled: no
// aws_s3_bucket_versioning names it (by reference or by name) and it has no
// legacy versioning block, or the one that sets it leaves it off (with an
// autofix where the value is a literal). A bucket whose segment cannot be
// decided is named in strict mode when its versioning is not enabled.
func (r *AwsS3BucketVersioningRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	buckets, err := runner.Resources(r, "aws_s3_bucket")
	if err != nil || len(buckets) == 0 {
		return err
	}
	links, err := readLogLinks(runner, r, bucketVersioningLink)
	if err != nil {
		return err
	}
	for _, bucket := range sortedLogBlocks(buckets) {
		p, err := segmentOf(runner, r, bucket)
		if err != nil {
			return err
		}
		mine := placedInMyNumber(p)
		if mine == notInSegments {
			continue
		}
		c := &versioningCheck{rule: r, runner: runner, bucket: bucket, p: p, undecided: mine == segmentUndecided}
		if err := c.run(links); err != nil {
			return err
		}
	}
	return nil
}

// versioningCheck judges the versioning of one bucket of the mynumber
// segment, or whose segment cannot be decided (undecided), where every
// finding becomes a strict-mode notice that the segment cannot be decided.
type versioningCheck struct {
	rule      *AwsS3BucketVersioningRule
	runner    *lint.Runner
	bucket    *hclext.Block
	p         segment.Placement
	undecided bool
}

func (c *versioningCheck) run(links *logLinks) error {
	if configs := links.by[c.bucket.Labels[1]]; len(configs) > 0 {
		// The provider applies the separate resource over the legacy
		// block.
		for _, cfg := range configs {
			if err := c.config(cfg); err != nil {
				return err
			}
		}
		return nil
	}
	if blocks := c.bucket.Body.Blocks.OfType("versioning"); len(blocks) > 0 {
		for _, block := range blocks {
			if err := c.inline(block); err != nil {
				return err
			}
		}
		return nil
	}
	dyn, err := readDynamic(c.runner, "aws_s3_bucket", "versioning")
	if err != nil {
		return err
	}
	address := lint.Address(c.bucket)
	if dyn.state[address] == nestedMaybe {
		v := dyn.maybe[address]
		return c.unknown(lint.Value{State: lint.Unknown, Name: v.Name, Range: v.Range, Why: whyDynamicBlock})
	}
	if c.undecided {
		return c.unknown(lint.Value{})
	}
	at, _, err := segmentInput(c.runner, c.p, nil)
	if err != nil {
		return err
	}
	_, err = requireLoggedAt(c.runner, c.rule, links, c.bucket, at, whatBucketVersioning, msgBucketVersioningMissing, address, c.segment())
	return err
}

// config judges an aws_s3_bucket_versioning that names the bucket.
func (c *versioningCheck) config(cfg *hclext.Block) error {
	status := pathAttr(c.runner, cfg.Body, "versioning_configuration.status", cty.String)
	s, known := status.String()
	switch {
	case known && s == versioningEnabled:
		return nil
	case status.IsUnknown():
		return c.unknown(status)
	case c.undecided:
		return c.unknown(lint.Value{})
	case !known:
		// No versioning_configuration (a dynamic block that creates none):
		// versioning stays as it is, off for a new bucket.
		at, err := segmentFindingAt(c.runner, c.p, cfg.DefRange, nil)
		if err != nil {
			return err
		}
		return c.runner.Report(c.rule, at, msgBucketVersioningMissing, lint.Address(c.bucket), c.segment())
	}
	args := []any{lint.Address(c.bucket), c.segment(), lint.Address(cfg), s}
	at, err := segmentFindingAt(c.runner, c.p, status.Range, status.Expr)
	if err != nil {
		return err
	}
	if at == status.Range && status.IsLiteral() {
		return c.runner.ReportFix(c.rule, at, func(f tflint.Fixer) error {
			return f.ReplaceText(status.Range, strconv.Quote(versioningEnabled))
		}, msgBucketVersioningOff, args...)
	}
	return c.runner.Report(c.rule, at, msgBucketVersioningOff, args...)
}

// inline judges a legacy versioning block of the bucket (provider v3),
// whose enabled defaults to false.
func (c *versioningCheck) inline(block *hclext.Block) error {
	enabled := c.runner.Attr(block.Body, "enabled", cty.Bool)
	switch {
	case enabled.IsTrue():
		return nil
	case enabled.IsUnknown():
		return c.unknown(enabled)
	case c.undecided:
		return c.unknown(lint.Value{})
	}
	args := []any{lint.Address(c.bucket), c.segment()}
	if enabled.IsAbsent() {
		at, err := segmentFindingAt(c.runner, c.p, block.DefRange, nil)
		if err != nil {
			return err
		}
		if at != block.DefRange {
			return c.runner.Report(c.rule, at, msgBucketInlineVersioningOff, args...)
		}
		return c.runner.ReportFix(c.rule, at, func(f tflint.Fixer) error {
			syntax, src, err := c.runner.BlockSyntax(block.DefRange, "versioning")
			if err != nil {
				return err
			}
			return lint.AppendToBody(f, syntax, src, "enabled = true\n")
		}, msgBucketInlineVersioningOff, args...)
	}
	at, err := segmentFindingAt(c.runner, c.p, enabled.Range, enabled.Expr)
	if err != nil {
		return err
	}
	if at == enabled.Range && enabled.IsLiteral() {
		return c.runner.ReportFix(c.rule, at, func(f tflint.Fixer) error {
			return f.ReplaceText(enabled.Range, lint.BoolLike(enabled.Expr, true))
		}, msgBucketInlineVersioningOff, args...)
	}
	return c.runner.Report(c.rule, at, msgBucketInlineVersioningOff, args...)
}

// unknown names in strict mode what could not be known: v, or, when v is
// the zero value, the bucket's segment.
func (c *versioningCheck) unknown(v lint.Value) error {
	if v.Range == (hcl.Range{}) {
		v = undecidedSegment(c.bucket, c.p)
	}
	return c.runner.Unverified(c.rule, v, whatBucketVersioning)
}

// segment is the title of the bucket's segment, for messages.
func (c *versioningCheck) segment() project.Text {
	return segment.Title(config.SegmentMyNumber)
}
