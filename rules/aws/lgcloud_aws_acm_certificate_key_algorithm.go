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

// AwsAcmCertificateKeyAlgorithmRule checks that ACM certificates use a key
// algorithm of sufficient strength by the CRYPTREC Ciphers List.
type AwsAcmCertificateKeyAlgorithmRule struct{ lint.Meta }

var _ lint.Rule = (*AwsAcmCertificateKeyAlgorithmRule)(nil)

// NewAwsAcmCertificateKeyAlgorithmRule returns the rule.
func NewAwsAcmCertificateKeyAlgorithmRule() *AwsAcmCertificateKeyAlgorithmRule {
	return &AwsAcmCertificateKeyAlgorithmRule{lint.Meta{
		RuleName: "lgcloud_aws_acm_certificate_key_algorithm",
		Level:    tflint.WARNING,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.6.1.1"},
		Summary:  project.Text{JA: "ACM 証明書の鍵アルゴリズムを CRYPTREC 暗号リストに照らして十分な強度にする", EN: "ACM certificate key algorithms are of sufficient strength by the CRYPTREC list"},
		Reads: segmentLevelReads(lint.Reads{
			"aws_acm_certificate": {Attributes: []hclext.AttributeSchema{{Name: "key_algorithm"}}},
		}),
	}}
}

var msgsAcmKeyAlgorithm = strengthMessages{
	weak: project.Text{
		JA: "ACM 証明書 %s の鍵アルゴリズム %s は、CRYPTREC 暗号リストに照らして十分な強度とはいえません（%s）。RSA_2048 以上または EC_prime256v1 以上を指定してください。",
		EN: "ACM certificate %s: key algorithm %s is not of sufficient strength by the CRYPTREC list (%s); use RSA_2048 or larger, or EC_prime256v1 or larger.",
	},
	unlisted: project.Text{
		JA: "ACM 証明書 %s の鍵アルゴリズム %s は強度表にないため、CRYPTREC 暗号リストに照らした強度を確認できません。RSA_2048 以上または EC_prime256v1 以上を指定してください。",
		EN: "ACM certificate %s: key algorithm %s is not in the strength table, so its strength by the CRYPTREC list cannot be confirmed; use RSA_2048 or larger, or EC_prime256v1 or larger.",
	},
	what: project.Text{JA: "ACM 証明書の鍵アルゴリズム", EN: "the ACM certificate key algorithm"},
}

// Check reports certificates whose key_algorithm the strength table rejects
// or does not know. Without key_algorithm, ACM requests an RSA_2048 key,
// which passes; an imported certificate brings its own key, which the code
// does not show. A certificate of the mynumber segment is an ERROR.
func (r *AwsAcmCertificateKeyAlgorithmRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	return eachAtSegmentLevel(runner, r, "aws_acm_certificate", func(cert *hclext.Block, rule lint.Rule) error {
		alg := runner.Attr(cert.Body, "key_algorithm", cty.String)
		return judgeStrength(runner, rule, alg, lint.Address(cert), lookupACMKeyAlgorithm, msgsAcmKeyAlgorithm)
	})
}

func lookupACMKeyAlgorithm(name string) (crypto.Verdict, bool) {
	k, ok := crypto.LookupACMKeyAlgorithm(name)
	if !ok {
		return crypto.Verdict{}, false
	}
	return k.Key.Judge(), true
}
