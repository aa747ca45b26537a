package aws

import (
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsKmsKeyRotationRule checks that symmetric KMS keys rotate their key
// material every year.
type AwsKmsKeyRotationRule struct{ lint.Meta }

var _ lint.Rule = (*AwsKmsKeyRotationRule)(nil)

// NewAwsKmsKeyRotationRule returns the rule.
func NewAwsKmsKeyRotationRule() *AwsKmsKeyRotationRule {
	return &AwsKmsKeyRotationRule{lint.Meta{
		RuleName: "lgcloud_aws_kms_key_rotation",
		Level:    tflint.WARNING,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.6.1.2"},
		Summary:  project.Text{JA: "対称 KMS キーの自動ローテーションを有効にする", EN: "Symmetric KMS keys rotate their key material"},
		Reads: lint.Reads{
			"aws_kms_key": {Attributes: []hclext.AttributeSchema{
				{Name: "enable_key_rotation"},
				{Name: "customer_master_key_spec"},
				{Name: "custom_key_store_id"},
				{Name: "xks_key_id"},
			}},
		},
	}}
}

var msgKmsKeyNotRotated = project.Text{
	JA: "KMS キー %s の鍵の自動ローテーションが有効ではありません。enable_key_rotation = true を設定してください。",
	EN: "KMS key %s does not rotate its key material; set enable_key_rotation = true.",
}

var (
	whatKmsRotation = project.Text{JA: "KMS キーの自動ローテーション", EN: "KMS key rotation"}
	whatKmsSpec     = project.Text{JA: "KMS キーが対称鍵かどうか", EN: "whether the KMS key is symmetric"}
)

// Check reports symmetric keys whose rotation is off or not written (the
// provider's default is off). Asymmetric and HMAC keys cannot rotate
// automatically, nor can keys in a custom key store: they are not
// reported. A key whose spec cannot be known is named in strict mode,
// unless it rotates.
func (r *AwsKmsKeyRotationRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	keys, err := runner.Resources(r, "aws_kms_key")
	if err != nil {
		return err
	}
	for _, key := range keys {
		if !runner.Attr(key.Body, "custom_key_store_id", cty.String).IsAbsent() || !runner.Attr(key.Body, "xks_key_id", cty.String).IsAbsent() {
			continue
		}
		rotation := runner.Attr(key.Body, "enable_key_rotation", cty.Bool)
		spec := runner.Attr(key.Body, "customer_master_key_spec", cty.String)
		if spec.IsUnknown() {
			if rotation.IsTrue() {
				continue
			}
			if err := runner.Unverified(r, spec, whatKmsSpec); err != nil {
				return err
			}
			continue
		}
		if s, ok := spec.String(); ok && s != "SYMMETRIC_DEFAULT" {
			continue
		}
		if err := runner.RequireTrue(r, rotation, key.DefRange, lint.DefaultFails, whatKmsRotation, msgKmsKeyNotRotated, lint.Address(key)); err != nil {
			return err
		}
	}
	return nil
}
