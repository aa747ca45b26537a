package aws

import (
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsCloudtrailBucketProtectedRule checks the S3 bucket a CloudTrail trail
// delivers to: object lock or at least versioning, so that a log file
// overwritten or deleted can be recovered, and server access logging, so
// that every access to the logs leaves a record.
type AwsCloudtrailBucketProtectedRule struct{ lint.Meta }

var _ lint.Rule = (*AwsCloudtrailBucketProtectedRule)(nil)

// NewAwsCloudtrailBucketProtectedRule returns the rule.
func NewAwsCloudtrailBucketProtectedRule() *AwsCloudtrailBucketProtectedRule {
	bucketAttr := []hclext.AttributeSchema{{Name: "bucket"}}
	return &AwsCloudtrailBucketProtectedRule{lint.Meta{
		RuleName: "lgcloud_aws_cloudtrail_bucket_protected",
		Level:    tflint.ERROR,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.7.1.5"},
		Summary: project.Text{
			JA: "CloudTrail のログを保存する S3 バケットにオブジェクトロック（少なくともバージョニング）とアクセスログを設定する",
			EN: "The S3 bucket of a CloudTrail trail has object lock (at least versioning) and server access logging",
		},
		Reads: lint.Reads{
			"aws_cloudtrail": {Attributes: []hclext.AttributeSchema{{Name: "s3_bucket_name"}}},
			"aws_s3_bucket": {
				Attributes: []hclext.AttributeSchema{{Name: "bucket"}, {Name: "object_lock_enabled"}},
				Blocks: []hclext.BlockSchema{
					{Type: "versioning", Body: &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "enabled"}}}},
					{Type: "logging", Body: &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "target_bucket"}}}},
					{Type: "object_lock_configuration", Body: &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "object_lock_enabled"}}}},
				},
			},
			"aws_s3_bucket_versioning": {
				Attributes: bucketAttr,
				Blocks: []hclext.BlockSchema{{
					Type: "versioning_configuration",
					Body: &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "status"}}},
				}},
			},
			"aws_s3_bucket_object_lock_configuration": {Attributes: []hclext.AttributeSchema{{Name: "bucket"}, {Name: "object_lock_enabled"}}},
			"aws_s3_bucket_logging":                   {Attributes: bucketAttr},
			"aws_s3_bucket_policy":                    {Attributes: bucketAttr},
		},
	}}
}

var (
	msgTrailBucketUnprotected = project.Text{
		JA: "CloudTrail のログを保存する S3 バケット %s にオブジェクトロックもバージョニングも設定されていません。ログの上書きや削除に備え、aws_s3_bucket_object_lock_configuration でオブジェクトロックを設定するか、少なくとも aws_s3_bucket_versioning で status = \"Enabled\" を設定してください。",
		EN: "S3 bucket %s, which stores CloudTrail logs, has neither object lock nor versioning; to guard the logs against being overwritten or deleted, add object lock (aws_s3_bucket_object_lock_configuration) or at least versioning (aws_s3_bucket_versioning with status = \"Enabled\").",
	}
	msgTrailBucketNoAccessLog = project.Text{
		JA: "CloudTrail のログを保存する S3 バケット %s にサーバアクセスログが設定されていません。ログへのアクセスを追跡できるよう、aws_s3_bucket_logging で別のバケットにアクセスログを記録してください。",
		EN: "S3 bucket %s, which stores CloudTrail logs, has no server access logging; add an aws_s3_bucket_logging that records access to another bucket, so that access to the logs can be traced.",
	}
)

var (
	whatTrailBucket           = project.Text{JA: "CloudTrail のログバケットの保護", EN: "protection of the CloudTrail log bucket"}
	whatTrailBucketVersioning = project.Text{JA: "CloudTrail のログバケットのオブジェクトロック・バージョニング", EN: "object lock or versioning of the CloudTrail log bucket"}
	whatTrailBucketLogging    = project.Text{JA: "CloudTrail のログバケットのアクセスログ", EN: "access logging of the CloudTrail log bucket"}

	whyBucketElsewhere = project.Text{
		JA: "このモジュールで宣言された S3 バケットの名前ではありません",
		EN: "it is not the name of an S3 bucket declared in this module",
	}
)

// Check finds the bucket of every trail among the buckets of the module,
// and reports a bucket without object lock or versioning, and one without
// server access logging. A bucket that is not in the module cannot be
// checked: strict mode names it.
func (r *AwsCloudtrailBucketProtectedRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	trails, err := runner.Resources(r, "aws_cloudtrail")
	if err != nil || len(trails) == 0 {
		return err
	}
	m, err := readTrailBuckets(runner, r)
	if err != nil {
		return err
	}
	for _, trail := range trails {
		name := runner.Attr(trail.Body, "s3_bucket_name", cty.String)
		buckets, unresolved := m.find(runner, name)
		if unresolved != nil {
			if err := runner.Unverified(r, *unresolved, whatTrailBucket); err != nil {
				return err
			}
			continue
		}
		for _, bucket := range buckets {
			if err := r.checkVersioning(runner, m, bucket); err != nil {
				return err
			}
			if err := r.checkAccessLogging(runner, m, bucket); err != nil {
				return err
			}
		}
	}
	return nil
}

// checkVersioning reports a bucket that has neither object lock nor
// versioning, at a setting that turns versioning off when there is one.
func (r *AwsCloudtrailBucketProtectedRule) checkVersioning(runner *lint.Runner, m *trailBuckets, bucket *hclext.Block) error {
	var unknown []lint.Value
	var off *lint.Value
	note := func(v lint.Value, on bool) bool {
		switch {
		case on:
			return true
		case v.IsUnknown():
			unknown = append(unknown, v)
		case v.State == lint.Known && off == nil:
			off = &v
		}
		return false
	}

	// Object lock, on the bucket (provider v4+ and the legacy block) or in
	// its own resource, whose object_lock_enabled can only be "Enabled".
	if v := runner.Attr(bucket.Body, "object_lock_enabled", cty.Bool); v.IsTrue() {
		return nil
	} else if v.IsUnknown() {
		unknown = append(unknown, v)
	}
	for _, lock := range bucket.Body.Blocks.OfType("object_lock_configuration") {
		if v := runner.Attr(lock.Body, "object_lock_enabled", cty.String); trailBucketEnabled(v) {
			return nil
		} else if v.IsUnknown() {
			unknown = append(unknown, v)
		}
	}
	for _, lock := range m.companions(runner, bucket, m.locks, &unknown) {
		if v := runner.Attr(lock.Body, "object_lock_enabled", cty.String); v.IsAbsent() || trailBucketEnabled(v) {
			return nil
		} else if v.IsUnknown() {
			unknown = append(unknown, v)
		}
	}

	// Versioning, in the legacy block (default false) or its own resource.
	for _, block := range bucket.Body.Blocks.OfType("versioning") {
		v := runner.Attr(block.Body, "enabled", cty.Bool)
		if note(v, v.IsTrue()) {
			return nil
		}
	}
	for _, versioning := range m.companions(runner, bucket, m.versionings, &unknown) {
		for _, conf := range versioning.Body.Blocks.OfType("versioning_configuration") {
			v := runner.Attr(conf.Body, "status", cty.String)
			if note(v, trailBucketEnabled(v)) {
				return nil
			}
		}
	}

	if len(unknown) > 0 {
		for _, v := range unknown {
			if err := runner.Unverified(r, v, whatTrailBucketVersioning); err != nil {
				return err
			}
		}
		return nil
	}
	address := lint.Address(bucket)
	if off == nil {
		return runner.Report(r, bucket.DefRange, msgTrailBucketUnprotected, address)
	}
	if off.Val.Type() == cty.Bool {
		// The legacy `versioning { enabled = false }`: a literal is fixed.
		return runner.RequireTrue(r, *off, bucket.DefRange, lint.DefaultFails, whatTrailBucketVersioning, msgTrailBucketUnprotected, address)
	}
	return runner.Report(r, off.Range, msgTrailBucketUnprotected, address)
}

// checkAccessLogging reports a bucket without server access logging.
func (r *AwsCloudtrailBucketProtectedRule) checkAccessLogging(runner *lint.Runner, m *trailBuckets, bucket *hclext.Block) error {
	if len(bucket.Body.Blocks.OfType("logging")) > 0 {
		return nil
	}
	var unknown []lint.Value
	if len(m.companions(runner, bucket, m.loggings, &unknown)) > 0 {
		return nil
	}
	if len(unknown) > 0 {
		for _, v := range unknown {
			if err := runner.Unverified(r, v, whatTrailBucketLogging); err != nil {
				return err
			}
		}
		return nil
	}
	return runner.Report(r, bucket.DefRange, msgTrailBucketNoAccessLog, lint.Address(bucket))
}

// trailBucketEnabled reports whether a status string is the known "Enabled".
func trailBucketEnabled(v lint.Value) bool {
	s, ok := v.String()
	return ok && s == "Enabled"
}

// trailBuckets holds the S3 buckets of a module and the resources that
// configure them.
type trailBuckets struct {
	buckets, policies            []*hclext.Block
	versionings, locks, loggings []*hclext.Block
}

func readTrailBuckets(runner *lint.Runner, rule lint.Rule) (*trailBuckets, error) {
	m := &trailBuckets{}
	for ty, into := range map[string]*[]*hclext.Block{
		"aws_s3_bucket":                           &m.buckets,
		"aws_s3_bucket_policy":                    &m.policies,
		"aws_s3_bucket_versioning":                &m.versionings,
		"aws_s3_bucket_object_lock_configuration": &m.locks,
		"aws_s3_bucket_logging":                   &m.loggings,
	} {
		blocks, err := runner.Resources(rule, ty)
		if err != nil {
			return nil, err
		}
		*into = blocks
	}
	return m, nil
}

// find returns the buckets of the module that a trail's s3_bucket_name
// names: by reference to the bucket (aws_s3_bucket.logs.id), through a
// bucket policy (aws_s3_bucket_policy.logs.bucket, which makes the trail
// wait for its policy), or by the bucket's name. When it names no bucket of
// the module, or cannot be known, it returns the value to name in strict
// mode instead.
func (m *trailBuckets) find(runner *lint.Runner, name lint.Value) ([]*hclext.Block, *lint.Value) {
	if name.IsAbsent() {
		return nil, nil
	}
	expr := name.Expr
	if label, ok := referenceLabel(expr, "aws_s3_bucket_policy"); ok {
		for _, policy := range m.policies {
			if policy.Labels[1] == label {
				if attr, ok := policy.Body.Attributes["bucket"]; ok {
					expr = attr.Expr
				}
				break
			}
		}
	}
	if label, ok := referenceLabel(expr, "aws_s3_bucket"); ok {
		var out []*hclext.Block
		for _, bucket := range m.buckets {
			if bucket.Labels[1] == label {
				out = append(out, bucket)
			}
		}
		return out, nil
	}
	v := name
	if expr != name.Expr {
		v = runner.Attr(&hclext.BodyContent{Attributes: hclext.Attributes{name.Name: {Name: name.Name, Expr: expr}}}, name.Name, cty.String)
		v.Range = name.Range
	}
	s, ok := v.String()
	if !ok {
		if v.IsUnknown() {
			return nil, &v
		}
		return nil, nil
	}
	var out []*hclext.Block
	for _, bucket := range m.buckets {
		if b, ok := runner.Attr(bucket.Body, "bucket", cty.String).String(); ok && b == s {
			out = append(out, bucket)
		}
	}
	if len(out) == 0 {
		return nil, &lint.Value{State: lint.Unknown, Name: name.Name, Range: name.Range, Why: whyBucketElsewhere}
	}
	return out, nil
}

// companions returns the resources among candidates whose `bucket` is the
// given bucket, by reference or by name. A candidate whose bucket cannot be
// known may configure it: its value is added to unknown.
func (m *trailBuckets) companions(runner *lint.Runner, bucket *hclext.Block, candidates []*hclext.Block, unknown *[]lint.Value) []*hclext.Block {
	name, named := runner.Attr(bucket.Body, "bucket", cty.String).String()
	var out []*hclext.Block
	for _, c := range candidates {
		attr, ok := c.Body.Attributes["bucket"]
		if !ok {
			continue
		}
		if lint.RefType(attr.Expr) == "aws_s3_bucket" {
			if label, ok := referenceLabel(attr.Expr, "aws_s3_bucket"); ok && label == bucket.Labels[1] {
				out = append(out, c)
			}
			continue
		}
		v := runner.Attr(c.Body, "bucket", cty.String)
		if s, ok := v.String(); ok {
			if named && s == name {
				out = append(out, c)
			}
			continue
		}
		if v.IsUnknown() {
			*unknown = append(*unknown, v)
		}
	}
	return out
}
