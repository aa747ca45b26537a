package aws

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func TestAwsKmsKeySpecRule(t *testing.T) {
	at := func(startLine, startCol, endLine, endCol int) hcl.Range {
		return hcl.Range{Filename: "resource.tf", Start: hcl.Pos{Line: startLine, Column: startCol}, End: hcl.Pos{Line: endLine, Column: endCol}}
	}
	const use = "SYMMETRIC_DEFAULT、RSA_2048 以上、ECC_NIST_P256 以上または HMAC_256 以上を指定してください。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]"
	weak := func(name, spec, why string) string {
		return "KMS キー " + name + " の鍵仕様 " + spec + " は、CRYPTREC 暗号リストに照らして十分な強度とはいえません（" + why + "）。" + use
	}
	key := func(spec string) string {
		return `
resource "aws_kms_key" "signing" {
  customer_master_key_spec = "` + spec + `"
}`
	}
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name:     "absent spec is SYMMETRIC_DEFAULT and passes",
			Content:  "\nresource \"aws_kms_key\" \"records\" {\n  description = \"records\"\n}",
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{Name: "SYMMETRIC_DEFAULT passes", Content: key("SYMMETRIC_DEFAULT"), Expected: helper.Issues{}},
		{Name: "RSA_2048 passes", Content: key("RSA_2048"), Expected: helper.Issues{}},
		{Name: "RSA_4096 passes", Content: key("RSA_4096"), Expected: helper.Issues{}},
		{Name: "ECC_NIST_P256 passes", Content: key("ECC_NIST_P256"), Expected: helper.Issues{}},
		{Name: "ECC_NIST_P521 passes", Content: key("ECC_NIST_P521"), Expected: helper.Issues{}},
		{Name: "HMAC_256 passes", Content: key("HMAC_256"), Expected: helper.Issues{}},
		{Name: "HMAC_512 passes", Content: key("HMAC_512"), Expected: helper.Issues{}},
		{
			Name:     "ECC_SECG_P256K1 is reported at the value",
			Content:  key("ECC_SECG_P256K1"),
			Expected: helper.Issues{{Rule: NewAwsKmsKeySpecRule(), Message: weak("aws_kms_key.signing", "ECC_SECG_P256K1", "楕円曲線 secp256k1 は、CRYPTREC 暗号リストに照らして認められる曲線 P-256・P-384・P-521・Ed25519 のいずれでもありません"), Range: at(3, 30, 3, 47)}},
		},
		{
			Name:     "HMAC_224 is reported",
			Content:  key("HMAC_224"),
			Expected: helper.Issues{{Rule: NewAwsKmsKeySpecRule(), Message: weak("aws_kms_key.signing", "HMAC_224", "HMAC のハッシュ関数 SHA-224 は電子政府推奨暗号リストにありません"), Range: at(3, 30, 3, 40)}},
		},
		{
			Name:     "ML_DSA_65 is reported",
			Content:  key("ML_DSA_65"),
			Expected: helper.Issues{{Rule: NewAwsKmsKeySpecRule(), Message: weak("aws_kms_key.signing", "ML_DSA_65", "ML-DSA は電子政府推奨暗号リストにありません"), Range: at(3, 30, 3, 41)}},
		},
		{
			Name:    "a spec unknown to the table is reported",
			Content: key("RSA_1024"),
			Expected: helper.Issues{{
				Rule:    NewAwsKmsKeySpecRule(),
				Message: "KMS キー aws_kms_key.signing の鍵仕様 RSA_1024 は強度表にないため、CRYPTREC 暗号リストに照らした強度を確認できません。" + use,
				Range:   at(3, 30, 3, 40),
			}},
		},
		{
			Name: "a weak spec from a variable default is reported at the reference",
			Content: `
variable "spec" {
  default = "SM2"
}

resource "aws_kms_key" "signing" {
  customer_master_key_spec = var.spec
}`,
			Expected: helper.Issues{{Rule: NewAwsKmsKeySpecRule(), Message: weak("aws_kms_key.signing", "SM2", "SM2 は電子政府推奨暗号リストにありません"), Range: at(7, 30, 7, 38)}},
		},
		{
			Name: "variable without default is not reported",
			Content: `
variable "spec" {
  type = string
}

resource "aws_kms_key" "signing" {
  customer_master_key_spec = var.spec
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "variable without default is named by a strict notice",
			Content: `
variable "spec" {
  type = string
}

resource "aws_kms_key" "signing" {
  customer_master_key_spec = var.spec
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(NewAwsKmsKeySpecRule()),
				Message: "strict: KMS キーの鍵仕様を確認できません。customer_master_key_spec: lint 時に値が決まりません。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]",
				Range:   at(7, 30, 7, 38),
			}},
		},
		{
			Name:    "English message",
			Content: key("ECC_SECG_P256K1"),
			Config:  linttest.English(),
			Expected: helper.Issues{{
				Rule:    NewAwsKmsKeySpecRule(),
				Message: "KMS key aws_kms_key.signing: key spec ECC_SECG_P256K1 is not of sufficient strength by the CRYPTREC list (the elliptic curve secp256k1 is none of P-256, P-384, P-521 and Ed25519, the curves accepted against the CRYPTREC list); use SYMMETRIC_DEFAULT, RSA_2048 or larger, ECC_NIST_P256 or larger, or HMAC_256 or larger. [Guideline 4.6.1.1 / JIS Q 27017 10.1.1]",
				Range:   at(3, 30, 3, 47),
			}},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsKmsKeySpecRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}
