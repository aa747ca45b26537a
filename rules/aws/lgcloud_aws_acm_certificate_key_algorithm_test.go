package aws

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func TestAwsAcmCertificateKeyAlgorithmRule(t *testing.T) {
	at := func(startLine, startCol, endLine, endCol int) hcl.Range {
		return hcl.Range{Filename: "resource.tf", Start: hcl.Pos{Line: startLine, Column: startCol}, End: hcl.Pos{Line: endLine, Column: endCol}}
	}
	cert := func(alg string) string {
		return `
resource "aws_acm_certificate" "portal" {
  domain_name       = "portal.example.lg.jp"
  validation_method = "DNS"
  key_algorithm     = "` + alg + `"
}`
	}
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name:    "RSA_1024 is reported at the value",
			Content: cert("RSA_1024"),
			Expected: helper.Issues{{
				Rule:    NewAwsAcmCertificateKeyAlgorithmRule(),
				Message: "ACM 証明書 aws_acm_certificate.portal の鍵アルゴリズム RSA_1024 は、CRYPTREC 暗号リストに照らして十分な強度とはいえません（RSA 1024 ビットは 2048 ビット未満です）。RSA_2048 以上または EC_prime256v1 以上を指定してください。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
				Range:   at(5, 23, 5, 33),
			}},
		},
		{Name: "RSA_2048 passes", Content: cert("RSA_2048"), Expected: helper.Issues{}},
		{Name: "RSA_4096 passes", Content: cert("RSA_4096"), Expected: helper.Issues{}},
		{Name: "EC_prime256v1 passes", Content: cert("EC_prime256v1"), Expected: helper.Issues{}},
		{Name: "EC_secp384r1 passes", Content: cert("EC_secp384r1"), Expected: helper.Issues{}},
		{
			Name: "absent key_algorithm is RSA_2048 and passes",
			Content: `
resource "aws_acm_certificate" "portal" {
  domain_name       = "portal.example.lg.jp"
  validation_method = "DNS"
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "an imported certificate without key_algorithm is not reported",
			Content: `
resource "aws_acm_certificate" "imported" {
  private_key      = file("key.pem")
  certificate_body = file("cert.pem")
}`,
			Expected: helper.Issues{},
		},
		{
			Name:    "an algorithm unknown to the table is reported",
			Content: cert("EC_brainpool256"),
			Expected: helper.Issues{{
				Rule:    NewAwsAcmCertificateKeyAlgorithmRule(),
				Message: "ACM 証明書 aws_acm_certificate.portal の鍵アルゴリズム EC_brainpool256 は強度表にないため、CRYPTREC 暗号リストに照らした強度を確認できません。RSA_2048 以上または EC_prime256v1 以上を指定してください。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
				Range:   at(5, 23, 5, 40),
			}},
		},
		{
			Name: "RSA_1024 from a variable default is reported at the reference",
			Content: `
variable "key_algorithm" {
  default = "RSA_1024"
}

resource "aws_acm_certificate" "portal" {
  domain_name   = "portal.example.lg.jp"
  key_algorithm = var.key_algorithm
}`,
			Expected: helper.Issues{{
				Rule:    NewAwsAcmCertificateKeyAlgorithmRule(),
				Message: "ACM 証明書 aws_acm_certificate.portal の鍵アルゴリズム RSA_1024 は、CRYPTREC 暗号リストに照らして十分な強度とはいえません（RSA 1024 ビットは 2048 ビット未満です）。RSA_2048 以上または EC_prime256v1 以上を指定してください。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
				Range:   at(8, 19, 8, 36),
			}},
		},
		{
			Name: "variable without default is not reported",
			Content: `
variable "key_algorithm" {
  type = string
}

resource "aws_acm_certificate" "portal" {
  domain_name   = "portal.example.lg.jp"
  key_algorithm = var.key_algorithm
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "variable without default is named by a strict notice",
			Content: `
variable "key_algorithm" {
  type = string
}

resource "aws_acm_certificate" "portal" {
  domain_name   = "portal.example.lg.jp"
  key_algorithm = var.key_algorithm
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(NewAwsAcmCertificateKeyAlgorithmRule()),
				Message: "strict: ACM 証明書の鍵アルゴリズムを確認できません。key_algorithm: lint 時に値が決まりません。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
				Range:   at(8, 19, 8, 36),
			}},
		},
		{
			Name:    "English message",
			Content: cert("RSA_1024"),
			Config:  linttest.English(),
			Expected: helper.Issues{{
				Rule:    NewAwsAcmCertificateKeyAlgorithmRule(),
				Message: "ACM certificate aws_acm_certificate.portal: key algorithm RSA_1024 is not of sufficient strength by the CRYPTREC list (RSA with 1024 bits is shorter than 2048 bits); use RSA_2048 or larger, or EC_prime256v1 or larger. [Guideline 4.6.1.1 / JIS Q 27017 10.1.1]",
				Range:   at(5, 23, 5, 33),
			}},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsAcmCertificateKeyAlgorithmRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}
