package aws

import (
	"fmt"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/policy"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// AwsS3BucketPolicyPublicRule checks that no S3 bucket policy lets anyone
// in: an Allow statement with Principal "*" must be limited by a condition
// on the caller's organisation, account, network or source.
type AwsS3BucketPolicyPublicRule struct{ lint.Meta }

var _ lint.Rule = (*AwsS3BucketPolicyPublicRule)(nil)

// NewAwsS3BucketPolicyPublicRule returns the rule.
func NewAwsS3BucketPolicyPublicRule() *AwsS3BucketPolicyPublicRule {
	policyAttr := &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "policy"}}}
	return &AwsS3BucketPolicyPublicRule{lint.Meta{
		RuleName: "lgcloud_aws_s3_bucket_policy_public",
		Level:    tflint.ERROR,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.6.3.2"},
		Summary:  project.Text{JA: "S3 バケットポリシーで誰にでもアクセスを許可しない", EN: "S3 bucket policies do not let anyone in"},
		Reads: withPolicyDocuments(lint.Reads{
			"aws_s3_bucket_policy": policyAttr,
			// The legacy argument of provider v3, still in the v4 and v5
			// schemas (deprecated).
			"aws_s3_bucket": policyAttr,
		}),
	}}
}

var msgPublicBucketPolicy = project.Text{
	JA: "S3 バケットポリシー %s の文 %s は誰にでも（Principal \"*\"）アクセスを許可しています。必要な相手だけをプリンシパルに指定するか、aws:SourceVpce や aws:PrincipalOrgID などの条件で制限してください。",
	EN: "S3 bucket policy %s: statement %s lets anyone in (Principal \"*\"); name only the principals that need access, or restrict it with a condition such as aws:SourceVpce or aws:PrincipalOrgID.",
}

var whyStatementUnknown = project.Text{
	JA: "文 %s の効果、プリンシパルまたは条件が lint 時に決まりません",
	EN: "the effect, principal or condition of statement %s is not known at lint time",
}

var whatBucketPolicy = project.Text{JA: "S3 バケットポリシーの公開範囲", EN: "who an S3 bucket policy lets in"}

// Check reports, at the policy expression, each statement of a bucket
// policy that opens the bucket to the public. A document that cannot be
// read, and a statement that may open it once its unknown parts are known,
// are named in strict mode only.
func (r *AwsS3BucketPolicyPublicRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	for _, ty := range []string{"aws_s3_bucket_policy", "aws_s3_bucket"} {
		resources, err := runner.Resources(r, ty)
		if err != nil {
			return err
		}
		for _, resource := range resources {
			doc, err := readDocument(runner, r, resource.Body, "policy")
			if err != nil {
				return err
			}
			if err := r.checkDocument(runner, doc, lint.Address(resource)); err != nil {
				return err
			}
		}
	}
	return nil
}

func (r *AwsS3BucketPolicyPublicRule) checkDocument(runner *lint.Runner, doc Document, name string) error {
	if doc.Doc == nil {
		return runner.Unverified(r, doc.Value, whatBucketPolicy)
	}
	for i, st := range doc.Doc.Statements {
		label := statementLabel(st, i)
		switch st.Exposure() {
		case policy.Public:
			if err := runner.Report(r, doc.Value.Range, msgPublicBucketPolicy, name, label); err != nil {
				return err
			}
		case policy.MaybePublic:
			unknown := doc.Value
			unknown.State = lint.Unknown
			unknown.Why = project.Text{
				JA: fmt.Sprintf(whyStatementUnknown.JA, label),
				EN: fmt.Sprintf(whyStatementUnknown.EN, label),
			}
			if err := runner.Unverified(r, unknown, whatBucketPolicy); err != nil {
				return err
			}
		}
	}
	return nil
}
