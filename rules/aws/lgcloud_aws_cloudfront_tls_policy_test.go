package aws

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func TestAwsCloudfrontTLSPolicyRule(t *testing.T) {
	at := func(startLine, startCol, endLine, endCol int) hcl.Range {
		return hcl.Range{Filename: "resource.tf", Start: hcl.Pos{Line: startLine, Column: startCol}, End: hcl.Pos{Line: endLine, Column: endCol}}
	}
	const cite = " [指針 4.6.1.1 / JIS Q 27017 10.1.1]"
	weak := func(policy, why string) string {
		return "CloudFront ディストリビューション aws_cloudfront_distribution.portal のセキュリティポリシー " + policy + " は十分な強度ではありません（" + why + "）。minimum_protocol_version に TLSv1.2_2021 以降を指定してください。" + cite
	}
	// distribution writes a distribution with the given viewer_certificate
	// body; the certificate's first attribute is on line 6.
	distribution := func(cert string) string {
		return `
resource "aws_cloudfront_distribution" "portal" {
  enabled = true

  viewer_certificate {
` + cert + `
  }

  default_cache_behavior {
    viewer_protocol_policy = "redirect-to-https"
  }
}`
	}
	const acm = `    acm_certificate_arn      = "arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012"
    ssl_support_method       = "sni-only"
`
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name:     "TLSv1.2_2019 still offers CBC suites and is reported at the value",
			Content:  distribution(acm + `    minimum_protocol_version = "TLSv1.2_2019"`),
			Expected: helper.Issues{{Rule: NewAwsCloudfrontTLSPolicyRule(), Message: weak("TLSv1.2_2019", "TLS 1.2 以上に限りますが、CBC モードの暗号スイートも提供します"), Range: at(8, 32, 8, 46)}},
		},
		{
			Name:     "TLSv1.2_2018 is reported",
			Content:  distribution(acm + `    minimum_protocol_version = "TLSv1.2_2018"`),
			Expected: helper.Issues{{Rule: NewAwsCloudfrontTLSPolicyRule(), Message: weak("TLSv1.2_2018", "TLS 1.2 以上に限りますが、前方秘匿性のない暗号スイートと CBC モードの暗号スイートも提供します"), Range: at(8, 32, 8, 46)}},
		},
		{
			Name:     "TLSv1.1_2016 is reported",
			Content:  distribution(acm + `    minimum_protocol_version = "TLSv1.1_2016"`),
			Expected: helper.Issues{{Rule: NewAwsCloudfrontTLSPolicyRule(), Message: weak("TLSv1.1_2016", "TLS 1.1 を受け付けます"), Range: at(8, 32, 8, 46)}},
		},
		{Name: "TLSv1.2_2021 passes", Content: distribution(acm + `    minimum_protocol_version = "TLSv1.2_2021"`), Config: linttest.Strict(), Expected: helper.Issues{}},
		{Name: "TLSv1.3_2025 passes", Content: distribution(acm + `    minimum_protocol_version = "TLSv1.3_2025"`), Expected: helper.Issues{}},
		{
			Name:    "a certificate of its own without minimum_protocol_version takes TLSv1 and is reported at the block",
			Content: distribution(acm),
			Expected: helper.Issues{{
				Rule:    NewAwsCloudfrontTLSPolicyRule(),
				Message: "CloudFront ディストリビューション aws_cloudfront_distribution.portal に minimum_protocol_version が指定されていません。既定の TLSv1 は TLS 1.0 を受け付けます。TLSv1.2_2021 以降を指定してください。" + cite,
				Range:   at(5, 3, 5, 21),
			}},
		},
		{
			Name:    "the default certificate makes CloudFront accept TLS 1.0 and is reported at the flag",
			Content: distribution(`    cloudfront_default_certificate = true`),
			Expected: helper.Issues{{
				Rule:    NewAwsCloudfrontTLSPolicyRule(),
				Message: "CloudFront ディストリビューション aws_cloudfront_distribution.portal は既定の証明書（*.cloudfront.net）を使っています。この場合 CloudFront はセキュリティポリシー TLSv1 を使い、TLS 1.0 を受け付けます。独自ドメインの証明書（ACM）を使い、minimum_protocol_version に TLSv1.2_2021 以降を指定してください。" + cite,
				Range:   at(6, 38, 6, 42),
			}},
		},
		{
			Name: "a cache behavior that serves plain HTTP is reported at the value",
			Content: `
resource "aws_cloudfront_distribution" "portal" {
  enabled = true

  viewer_certificate {
    acm_certificate_arn      = "arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012"
    minimum_protocol_version = "TLSv1.2_2021"
  }

  default_cache_behavior {
    viewer_protocol_policy = "https-only"
  }

  ordered_cache_behavior {
    path_pattern           = "/public/*"
    viewer_protocol_policy = "allow-all"
  }
}`,
			Expected: helper.Issues{{
				Rule:    NewAwsCloudfrontTLSPolicyRule(),
				Message: "CloudFront ディストリビューション aws_cloudfront_distribution.portal のキャッシュ動作が HTTP での閲覧を許可しています（viewer_protocol_policy = \"allow-all\"）。\"redirect-to-https\" または \"https-only\" を指定してください。" + cite,
				Range:   at(16, 30, 16, 41),
			}},
		},
		{
			Name: "a custom origin reached over TLS 1.0 is reported at the protocols",
			Content: `
resource "aws_cloudfront_distribution" "portal" {
  enabled = true

  origin {
    domain_name = "app.example.lg.jp"
    origin_id   = "app"
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1", "TLSv1.1", "TLSv1.2"]
    }
  }

  viewer_certificate {
    acm_certificate_arn      = "arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012"
    minimum_protocol_version = "TLSv1.2_2021"
  }
}`,
			Expected: helper.Issues{{
				Rule:    NewAwsCloudfrontTLSPolicyRule(),
				Message: "CloudFront ディストリビューション aws_cloudfront_distribution.portal のオリジンへの接続に TLSv1, TLSv1.1 を許可しています。origin_ssl_protocols を [\"TLSv1.2\"] にしてください。" + cite,
				Range:   at(12, 32, 12, 63),
			}},
		},
		{
			Name: "a custom origin reached over TLS 1.2 only passes",
			Content: `
resource "aws_cloudfront_distribution" "portal" {
  enabled = true

  origin {
    domain_name = "app.example.lg.jp"
    origin_id   = "app"
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }

  viewer_certificate {
    acm_certificate_arn      = "arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012"
    minimum_protocol_version = "TLSv1.2_2021"
  }
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "TLSv1 from a variable default is reported at the reference",
			Content: `
variable "minimum" {
  default = "TLSv1"
}

resource "aws_cloudfront_distribution" "portal" {
  viewer_certificate {
    acm_certificate_arn      = "arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012"
    minimum_protocol_version = var.minimum
  }
}`,
			Expected: helper.Issues{{Rule: NewAwsCloudfrontTLSPolicyRule(), Message: weak("TLSv1", "TLS 1.0 を受け付けます"), Range: at(9, 32, 9, 43)}},
		},
		{
			Name: "a policy from a variable without default is not reported",
			Content: `
variable "minimum" {
  type = string
}

resource "aws_cloudfront_distribution" "portal" {
  viewer_certificate {
    acm_certificate_arn      = "arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012"
    minimum_protocol_version = var.minimum
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "a policy from a variable without default is named by a strict notice",
			Content: `
variable "minimum" {
  type = string
}

resource "aws_cloudfront_distribution" "portal" {
  viewer_certificate {
    acm_certificate_arn      = "arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012"
    minimum_protocol_version = var.minimum
  }
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(NewAwsCloudfrontTLSPolicyRule()),
				Message: "strict: CloudFront のセキュリティポリシーを確認できません。minimum_protocol_version: lint 時に値が決まりません。" + cite,
				Range:   at(9, 32, 9, 43),
			}},
		},
		{
			Name: "an unknown default-certificate flag is named by a strict notice",
			Content: `
variable "default_certificate" {
  type = bool
}

resource "aws_cloudfront_distribution" "portal" {
  viewer_certificate {
    cloudfront_default_certificate = var.default_certificate
  }
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(NewAwsCloudfrontTLSPolicyRule()),
				Message: "strict: CloudFront が既定の証明書を使うかどうかを確認できません。cloudfront_default_certificate: lint 時に値が決まりません。" + cite,
				Range:   at(8, 38, 8, 61),
			}},
		},
		{
			Name:    "English message",
			Content: distribution(acm + `    minimum_protocol_version = "TLSv1.2_2019"`),
			Config:  linttest.English(),
			Expected: helper.Issues{{
				Rule:    NewAwsCloudfrontTLSPolicyRule(),
				Message: "CloudFront distribution aws_cloudfront_distribution.portal: security policy TLSv1.2_2019 is not strong enough (it requires TLS 1.2 but still offers CBC-mode cipher suites); set minimum_protocol_version to TLSv1.2_2021 or later. [Guideline 4.6.1.1 / JIS Q 27017 10.1.1]",
				Range:   at(8, 32, 8, 46),
			}},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsCloudfrontTLSPolicyRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}
