package aws

import (
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsS3BucketPublicAccessBlockRule checks that the S3 Block Public Access
// settings a bucket declares are all on.
type AwsS3BucketPublicAccessBlockRule struct{ lint.Meta }

var _ lint.Rule = (*AwsS3BucketPublicAccessBlockRule)(nil)

// NewAwsS3BucketPublicAccessBlockRule returns the rule.
func NewAwsS3BucketPublicAccessBlockRule() *AwsS3BucketPublicAccessBlockRule {
	return &AwsS3BucketPublicAccessBlockRule{lint.Meta{
		RuleName: "lgcloud_aws_s3_bucket_public_access_block",
		Level:    tflint.ERROR,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.6.3.2"},
		Summary:  project.Text{JA: "S3 バケットのパブリックアクセスブロックの 4 つの設定をすべて有効にする", EN: "S3 bucket Block Public Access settings are all on"},
		Reads: lint.Reads{
			"aws_s3_bucket_public_access_block": publicAccessSchema(),
		},
	}}
}

// publicAccessFlags are the four Block Public Access settings, in the
// provider's order. The provider defaults each to false, for buckets and
// for the account alike.
var publicAccessFlags = []string{"block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"}

func publicAccessSchema() *hclext.BodySchema {
	s := &hclext.BodySchema{}
	for _, flag := range publicAccessFlags {
		s.Attributes = append(s.Attributes, hclext.AttributeSchema{Name: flag})
	}
	return s
}

var msgBucketPublicAccessOff = project.Text{
	JA: "S3 バケットのパブリックアクセスブロック %s で %s が有効になっていません。設定の誤りでバケットが公開されないよう、%s = true を設定してください。",
	EN: "S3 bucket public access block %s does not turn on %s; set %s = true so that a mistaken setting cannot make the bucket public.",
}

var whatBucketPublicAccess = project.Text{JA: "S3 バケットのパブリックアクセスブロック", EN: "S3 bucket Block Public Access"}

// Check reports each of the four settings that is false or absent, once per
// setting. A bucket without a public access block is not reported: S3 turns
// all four settings on for every bucket created since April 2023.
func (r *AwsS3BucketPublicAccessBlockRule) Check(tr tflint.Runner) error {
	return requirePublicAccessBlocked(lint.Of(tr), r, "aws_s3_bucket_public_access_block", whatBucketPublicAccess, msgBucketPublicAccessOff)
}

// requirePublicAccessBlocked applies RequireTrue to the four Block Public
// Access settings of every resource of resourceType. The message's
// arguments are the resource's address and the setting's name (twice), so
// that the findings of a resource missing several settings stay distinct.
func requirePublicAccessBlocked(runner *lint.Runner, rule lint.Rule, resourceType string, what, msg project.Text) error {
	resources, err := runner.Resources(rule, resourceType)
	if err != nil {
		return err
	}
	for _, resource := range resources {
		for _, flag := range publicAccessFlags {
			v := runner.Attr(resource.Body, flag, cty.Bool)
			if err := runner.RequireTrue(rule, v, resource.DefRange, lint.DefaultFails, what, msg, lint.Address(resource), flag, flag); err != nil {
				return err
			}
		}
	}
	return nil
}
