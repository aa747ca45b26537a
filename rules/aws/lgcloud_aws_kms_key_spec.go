package aws

import (
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/crypto"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsKmsKeySpecRule checks that KMS keys use a key spec of sufficient
// strength by the CRYPTREC Ciphers List.
type AwsKmsKeySpecRule struct{ lint.Meta }

var _ lint.Rule = (*AwsKmsKeySpecRule)(nil)

// NewAwsKmsKeySpecRule returns the rule.
func NewAwsKmsKeySpecRule() *AwsKmsKeySpecRule {
	return &AwsKmsKeySpecRule{lint.Meta{
		RuleName: "lgcloud_aws_kms_key_spec",
		Level:    tflint.WARNING,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.6.1.1"},
		Summary:  project.Text{JA: "KMS キーの鍵仕様を CRYPTREC 暗号リストに照らして十分な強度にする", EN: "KMS key specs are of sufficient strength by the CRYPTREC list"},
		Reads: segmentLevelReads(lint.Reads{
			"aws_kms_key": {Attributes: []hclext.AttributeSchema{{Name: "customer_master_key_spec"}}},
		}),
	}}
}

var msgsKmsKeySpec = strengthMessages{
	weak: project.Text{
		JA: "KMS キー %s の鍵仕様 %s は、CRYPTREC 暗号リストに照らして十分な強度とはいえません（%s）。SYMMETRIC_DEFAULT、RSA_2048 以上、ECC_NIST_P256 以上または HMAC_256 以上を指定してください。",
		EN: "KMS key %s: key spec %s is not of sufficient strength by the CRYPTREC list (%s); use SYMMETRIC_DEFAULT, RSA_2048 or larger, ECC_NIST_P256 or larger, or HMAC_256 or larger.",
	},
	unlisted: project.Text{
		JA: "KMS キー %s の鍵仕様 %s は強度表にないため、CRYPTREC 暗号リストに照らした強度を確認できません。SYMMETRIC_DEFAULT、RSA_2048 以上、ECC_NIST_P256 以上または HMAC_256 以上を指定してください。",
		EN: "KMS key %s: key spec %s is not in the strength table, so its strength by the CRYPTREC list cannot be confirmed; use SYMMETRIC_DEFAULT, RSA_2048 or larger, ECC_NIST_P256 or larger, or HMAC_256 or larger.",
	},
	what: project.Text{JA: "KMS キーの鍵仕様", EN: "the KMS key spec"},
}

// Check reports keys whose customer_master_key_spec the strength table
// rejects or does not know. A key without one is SYMMETRIC_DEFAULT
// (AES-256-GCM), which passes. A key of the mynumber segment is an ERROR.
func (r *AwsKmsKeySpecRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	return eachAtSegmentLevel(runner, r, "aws_kms_key", func(key *hclext.Block, rule lint.Rule) error {
		spec := runner.Attr(key.Body, "customer_master_key_spec", cty.String)
		return judgeStrength(runner, rule, spec, lint.Address(key), lookupKMSKeySpec, msgsKmsKeySpec)
	})
}

func lookupKMSKeySpec(name string) (crypto.Verdict, bool) {
	k, ok := crypto.LookupKMSKeySpec(name)
	if !ok {
		return crypto.Verdict{}, false
	}
	return k.Key.Judge(), true
}
