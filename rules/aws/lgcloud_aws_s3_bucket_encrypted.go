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

// AwsS3BucketEncryptedRule checks the server-side encryption that S3 buckets
// declare. S3 encrypts every new object with SSE-S3 (AES-256) since
// 2023-01-05 and this cannot be turned off, so a bucket without a declared
// configuration is encrypted with an algorithm on the CRYPTREC list and is
// not reported; a declared configuration must name an algorithm S3 applies
// with AES-256.
type AwsS3BucketEncryptedRule struct{ lint.Meta }

var _ lint.Rule = (*AwsS3BucketEncryptedRule)(nil)

// NewAwsS3BucketEncryptedRule returns the rule.
func NewAwsS3BucketEncryptedRule() *AwsS3BucketEncryptedRule {
	rule := &hclext.BodySchema{Blocks: []hclext.BlockSchema{{
		Type: "apply_server_side_encryption_by_default",
		Body: &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "sse_algorithm"}}},
	}}}
	return &AwsS3BucketEncryptedRule{lint.Meta{
		RuleName: "lgcloud_aws_s3_bucket_encrypted",
		Level:    tflint.ERROR,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.6.1.1"},
		Summary:  project.Text{JA: "S3 バケットの既定の暗号化に AES-256 の方式を使う", EN: "S3 bucket default encryption uses an AES-256 algorithm"},
		Reads: lint.Reads{
			"aws_s3_bucket_server_side_encryption_configuration": {Blocks: []hclext.BlockSchema{{Type: "rule", Body: rule}}},
			"aws_s3_bucket": {Blocks: []hclext.BlockSchema{{
				Type: "server_side_encryption_configuration",
				Body: &hclext.BodySchema{Blocks: []hclext.BlockSchema{{Type: "rule", Body: rule}}},
			}}},
		},
	}}
}

// s3Algorithms are the sse_algorithm values S3 applies with AES-256 (SSE-S3,
// SSE-KMS, DSSE-KMS); AES is on the CRYPTREC list of recommended ciphers.
var s3Algorithms = []string{"AES256", "aws:kms", "aws:kms:dsse"}

var msgS3Algorithm = project.Text{
	JA: "S3 の暗号化設定 %s の既定の暗号化方式 %q は電子政府推奨暗号リストで確認できる方式ではありません。AES256、aws:kms または aws:kms:dsse を指定してください。",
	EN: "S3 encryption settings %s declare default encryption %q, which is not an algorithm known to meet the CRYPTREC list; use AES256, aws:kms or aws:kms:dsse.",
}

var whatS3Algorithm = project.Text{JA: "S3 バケットの既定の暗号化方式", EN: "S3 default encryption algorithm"}

// Check reports declared default-encryption algorithms off the table, in
// the split resource of provider v4+ and in the legacy inline block.
func (r *AwsS3BucketEncryptedRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	configs, err := runner.Resources(r, "aws_s3_bucket_server_side_encryption_configuration")
	if err != nil {
		return err
	}
	buckets, err := runner.Resources(r, "aws_s3_bucket")
	if err != nil {
		return err
	}
	for _, cfg := range configs {
		if err := r.checkRules(runner, lint.Address(cfg), cfg.Body.Blocks.OfType("rule")); err != nil {
			return err
		}
	}
	for _, bucket := range buckets {
		for _, inline := range bucket.Body.Blocks.OfType("server_side_encryption_configuration") {
			if err := r.checkRules(runner, lint.Address(bucket), inline.Body.Blocks.OfType("rule")); err != nil {
				return err
			}
		}
	}
	return nil
}

func (r *AwsS3BucketEncryptedRule) checkRules(runner *lint.Runner, name string, rules hclext.Blocks) error {
	for _, rule := range rules {
		for _, def := range rule.Body.Blocks.OfType("apply_server_side_encryption_by_default") {
			algorithm := runner.Attr(def.Body, "sse_algorithm", cty.String)
			if s, ok := algorithm.String(); ok && !slices.Contains(s3Algorithms, s) {
				if err := runner.Report(r, algorithm.Range, msgS3Algorithm, name, s); err != nil {
					return err
				}
			}
			if err := runner.Unverified(r, algorithm, whatS3Algorithm); err != nil {
				return err
			}
		}
	}
	return nil
}
