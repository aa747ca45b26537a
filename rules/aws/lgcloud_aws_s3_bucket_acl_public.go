package aws

import (
	"slices"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsS3BucketACLPublicRule checks that no S3 bucket ACL grants access to
// everyone or to every AWS account.
type AwsS3BucketACLPublicRule struct{ lint.Meta }

var _ lint.Rule = (*AwsS3BucketACLPublicRule)(nil)

// NewAwsS3BucketACLPublicRule returns the rule.
func NewAwsS3BucketACLPublicRule() *AwsS3BucketACLPublicRule {
	uri := &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "uri"}}}
	return &AwsS3BucketACLPublicRule{lint.Meta{
		RuleName: "lgcloud_aws_s3_bucket_acl_public",
		Level:    tflint.ERROR,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.6.3.2"},
		Summary:  project.Text{JA: "S3 バケットの ACL で不特定の相手にアクセスを許可しない", EN: "S3 bucket ACLs grant nothing to everyone or to every AWS account"},
		Reads: lint.Reads{
			"aws_s3_bucket_acl": {
				Attributes: []hclext.AttributeSchema{{Name: "acl"}},
				Blocks: []hclext.BlockSchema{{
					Type: "access_control_policy",
					Body: &hclext.BodySchema{Blocks: []hclext.BlockSchema{{
						Type: "grant",
						Body: &hclext.BodySchema{Blocks: []hclext.BlockSchema{{Type: "grantee", Body: uri}}},
					}}},
				}},
			},
			// The legacy arguments of provider v3, still in the v4 and v5
			// schemas (deprecated).
			"aws_s3_bucket": {
				Attributes: []hclext.AttributeSchema{{Name: "acl"}},
				Blocks:     []hclext.BlockSchema{{Type: "grant", Body: uri}},
			},
		},
	}}
}

// publicCannedACLs are the canned ACLs that grant access beyond the
// account: public-read and public-read-write to the AllUsers group (anyone,
// unauthenticated), authenticated-read to the AuthenticatedUsers group
// (anyone with an AWS account).
var publicCannedACLs = []string{"public-read", "public-read-write", "authenticated-read"}

// publicGroups are the grantee URIs of the predefined groups that stand for
// everyone and for every AWS account, with the names messages give them.
var publicGroups = map[string]string{
	"http://acs.amazonaws.com/groups/global/AllUsers":           "AllUsers",
	"http://acs.amazonaws.com/groups/global/AuthenticatedUsers": "AuthenticatedUsers",
}

var msgPublicCannedACL = project.Text{
	JA: "S3 の ACL 設定 %s の %q はアカウント外の不特定の相手にアクセスを許可します。ACL を private にし（または ACL を無効にし）、必要な相手にだけバケットポリシーで許可してください。",
	EN: "S3 ACL settings %s use the canned ACL %q, which grants access to anyone outside the account; use private (or disable ACLs) and allow only the principals that need access in a bucket policy.",
}

var msgPublicGrant = project.Text{
	JA: "S3 の ACL 設定 %s のグラントが %s グループに権限を付与しています。このグラントを削除し、必要な相手にだけバケットポリシーで許可してください。",
	EN: "S3 ACL settings %s grant permissions to the %s group; remove the grant and allow only the principals that need access in a bucket policy.",
}

var whatS3ACL = project.Text{JA: "S3 バケットの ACL の公開範囲", EN: "who an S3 bucket ACL lets in"}

// Check reports public canned ACLs and grants to the AllUsers or
// AuthenticatedUsers group, at the value, in aws_s3_bucket_acl and in the
// legacy acl argument and grant blocks of aws_s3_bucket.
func (r *AwsS3BucketACLPublicRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	acls, err := runner.Resources(r, "aws_s3_bucket_acl")
	if err != nil {
		return err
	}
	buckets, err := runner.Resources(r, "aws_s3_bucket")
	if err != nil {
		return err
	}
	for _, acl := range acls {
		name := lint.Address(acl)
		if err := r.checkCanned(runner, acl.Body, name); err != nil {
			return err
		}
		for _, policy := range acl.Body.Blocks.OfType("access_control_policy") {
			for _, grant := range policy.Body.Blocks.OfType("grant") {
				for _, grantee := range grant.Body.Blocks.OfType("grantee") {
					if err := r.checkGrantee(runner, grantee.Body, name); err != nil {
						return err
					}
				}
			}
		}
	}
	for _, bucket := range buckets {
		name := lint.Address(bucket)
		if err := r.checkCanned(runner, bucket.Body, name); err != nil {
			return err
		}
		for _, grant := range bucket.Body.Blocks.OfType("grant") {
			if err := r.checkGrantee(runner, grant.Body, name); err != nil {
				return err
			}
		}
	}
	return nil
}

func (r *AwsS3BucketACLPublicRule) checkCanned(runner *lint.Runner, body *hclext.BodyContent, name string) error {
	acl := runner.Attr(body, "acl", cty.String)
	if s, ok := acl.String(); ok && slices.Contains(publicCannedACLs, s) {
		return runner.Report(r, acl.Range, msgPublicCannedACL, name, s)
	}
	return runner.Unverified(r, acl, whatS3ACL)
}

func (r *AwsS3BucketACLPublicRule) checkGrantee(runner *lint.Runner, body *hclext.BodyContent, name string) error {
	uri := runner.Attr(body, "uri", cty.String)
	if s, ok := uri.String(); ok {
		if group, public := publicGroups[s]; public {
			return runner.Report(r, uri.Range, msgPublicGrant, name, group)
		}
	}
	return runner.Unverified(r, uri, whatS3ACL)
}
