package aws

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func TestAwsTransferTLSPolicyRule(t *testing.T) {
	at := func(startLine, startCol, endLine, endCol int) hcl.Range {
		return hcl.Range{Filename: "resource.tf", Start: hcl.Pos{Line: startLine, Column: startCol}, End: hcl.Pos{Line: endLine, Column: endCol}}
	}
	const cite = " [指針 4.6.1.1 / JIS Q 27017 10.1.1]"
	weak := func(policy, algorithms string) string {
		return "Transfer Family サーバー aws_transfer_server.sftp のセキュリティポリシー " + policy + " は十分な強度ではありません（運用監視暗号リストの SHA-1 を使う " + algorithms + " を受け付けます）。TransferSecurityPolicy-2024-01 以降など SHA-1 を使わないポリシーを指定してください。" + cite
	}
	server := func(policy string) string {
		return `
resource "aws_transfer_server" "sftp" {
  protocols            = ["SFTP"]
  security_policy_name = "` + policy + `"
}`
	}
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name:     "the 2018-11 policy is reported at the value",
			Content:  server("TransferSecurityPolicy-2018-11"),
			Expected: helper.Issues{{Rule: NewAwsTransferTLSPolicyRule(), Message: weak("TransferSecurityPolicy-2018-11", "diffie-hellman-group14-sha1, ssh-rsa"), Range: at(4, 26, 4, 58)}},
		},
		{
			Name:     "the 2020-06 policy allows ssh-rsa and is reported",
			Content:  server("TransferSecurityPolicy-2020-06"),
			Expected: helper.Issues{{Rule: NewAwsTransferTLSPolicyRule(), Message: weak("TransferSecurityPolicy-2020-06", "ssh-rsa"), Range: at(4, 26, 4, 58)}},
		},
		{Name: "the 2024-01 policy passes", Content: server("TransferSecurityPolicy-2024-01"), Config: linttest.Strict(), Expected: helper.Issues{}},
		{Name: "the FIPS 2024-05 policy passes", Content: server("TransferSecurityPolicy-FIPS-2024-05"), Expected: helper.Issues{}},
		{
			Name: "a server without security_policy_name gets 2018-11 and is reported at the resource",
			Content: `
resource "aws_transfer_server" "sftp" {
  protocols = ["SFTP"]
}`,
			Expected: helper.Issues{{
				Rule:    NewAwsTransferTLSPolicyRule(),
				Message: "Transfer Family サーバー aws_transfer_server.sftp に security_policy_name が指定されていません。既定の TransferSecurityPolicy-2018-11 は SHA-1 を使う鍵交換と署名（diffie-hellman-group14-sha1、ssh-rsa）を受け付けます。TransferSecurityPolicy-2024-01 以降など SHA-1 を使わないポリシーを指定してください。" + cite,
				Range:   at(2, 1, 2, 38),
			}},
		},
		{
			Name: "a server that offers FTP is reported at the protocols",
			Content: `
resource "aws_transfer_server" "sftp" {
  protocols            = ["FTP", "FTPS"]
  security_policy_name = "TransferSecurityPolicy-2024-01"
}`,
			Expected: helper.Issues{{
				Rule:    NewAwsTransferTLSPolicyRule(),
				Message: "Transfer Family サーバー aws_transfer_server.sftp は暗号化されない FTP を提供しています。protocols から \"FTP\" を除き、SFTP または FTPS を使ってください。" + cite,
				Range:   at(3, 26, 3, 41),
			}},
		},
		{Name: "a policy the table has not verified is not reported", Content: server("TransferSecurityPolicy-Restricted-2018-11"), Expected: helper.Issues{}},
		{
			Name:    "a policy the table has not verified is named by a strict notice",
			Content: server("TransferSecurityPolicy-Restricted-2018-11"),
			Config:  linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(NewAwsTransferTLSPolicyRule()),
				Message: "strict: Transfer Family サーバーのセキュリティポリシーを確認できません。security_policy_name: 値 TransferSecurityPolicy-Restricted-2018-11 は強度表にありません。" + cite,
				Range:   at(4, 26, 4, 69),
			}},
		},
		{
			Name: "the 2018-11 policy from a variable default is reported at the reference",
			Content: `
variable "policy" {
  default = "TransferSecurityPolicy-2018-11"
}

resource "aws_transfer_server" "sftp" {
  protocols            = ["SFTP"]
  security_policy_name = var.policy
}`,
			Expected: helper.Issues{{Rule: NewAwsTransferTLSPolicyRule(), Message: weak("TransferSecurityPolicy-2018-11", "diffie-hellman-group14-sha1, ssh-rsa"), Range: at(8, 26, 8, 36)}},
		},
		{
			Name: "unknown policy and protocols are not reported",
			Content: `
variable "policy" {
  type = string
}

variable "protocols" {
  type = set(string)
}

resource "aws_transfer_server" "sftp" {
  protocols            = var.protocols
  security_policy_name = var.policy
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "unknown policy and protocols are named by strict notices",
			Content: `
variable "policy" {
  type = string
}

variable "protocols" {
  type = set(string)
}

resource "aws_transfer_server" "sftp" {
  protocols            = var.protocols
  security_policy_name = var.policy
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				{
					Rule:    linttest.Notice(NewAwsTransferTLSPolicyRule()),
					Message: "strict: Transfer Family サーバーのセキュリティポリシーを確認できません。security_policy_name: lint 時に値が決まりません。" + cite,
					Range:   at(12, 26, 12, 36),
				},
				{
					Rule:    linttest.Notice(NewAwsTransferTLSPolicyRule()),
					Message: "strict: Transfer Family サーバーのプロトコルを確認できません。protocols: lint 時に値が決まりません。" + cite,
					Range:   at(11, 26, 11, 39),
				},
			},
		},
		{
			Name:    "English message",
			Content: server("TransferSecurityPolicy-2018-11"),
			Config:  linttest.English(),
			Expected: helper.Issues{{
				Rule:    NewAwsTransferTLSPolicyRule(),
				Message: "Transfer Family server aws_transfer_server.sftp: security policy TransferSecurityPolicy-2018-11 is not strong enough (it accepts diffie-hellman-group14-sha1, ssh-rsa, which use SHA-1 from the Monitored Ciphers List); use a policy without SHA-1, such as TransferSecurityPolicy-2024-01 or later. [Guideline 4.6.1.1 / JIS Q 27017 10.1.1]",
				Range:   at(4, 26, 4, 58),
			}},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsTransferTLSPolicyRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}
