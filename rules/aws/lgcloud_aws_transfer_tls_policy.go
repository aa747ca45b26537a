package aws

import (
	"strings"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/crypto"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsTransferTLSPolicyRule checks that AWS Transfer Family servers use a
// security policy without SHA-1 and do not offer unencrypted FTP.
type AwsTransferTLSPolicyRule struct{ lint.Meta }

var _ lint.Rule = (*AwsTransferTLSPolicyRule)(nil)

// defaultTransferPolicy is the security policy the provider sets when
// security_policy_name is not written.
const defaultTransferPolicy = "TransferSecurityPolicy-2018-11"

// NewAwsTransferTLSPolicyRule returns the rule.
func NewAwsTransferTLSPolicyRule() *AwsTransferTLSPolicyRule {
	return &AwsTransferTLSPolicyRule{lint.Meta{
		RuleName: "lgcloud_aws_transfer_tls_policy",
		Level:    tflint.WARNING,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.6.1.1"},
		Summary:  project.Text{JA: "Transfer Family サーバーで SHA-1 を使わないセキュリティポリシーを使い、FTP を提供しない", EN: "Transfer Family servers use a security policy without SHA-1 and offer no plain FTP"},
		Reads: segmentLevelReads(lint.Reads{
			"aws_transfer_server": {Attributes: []hclext.AttributeSchema{{Name: "security_policy_name"}, {Name: "protocols"}}},
		}),
	}}
}

var msgsTransferPolicy = strengthMessages{
	weak: project.Text{
		JA: "Transfer Family サーバー %s のセキュリティポリシー %s は十分な強度ではありません（%s）。TransferSecurityPolicy-2024-01 以降など SHA-1 を使わないポリシーを指定してください。",
		EN: "Transfer Family server %s: security policy %s is not strong enough (%s); use a policy without SHA-1, such as TransferSecurityPolicy-2024-01 or later.",
	},
	what: project.Text{JA: "Transfer Family サーバーのセキュリティポリシー", EN: "the Transfer Family server's security policy"},
}

var (
	msgTransferPolicyDefault = project.Text{
		JA: "Transfer Family サーバー %s に security_policy_name が指定されていません。既定の %s は SHA-1 を使う鍵交換と署名（diffie-hellman-group14-sha1、ssh-rsa）を受け付けます。TransferSecurityPolicy-2024-01 以降など SHA-1 を使わないポリシーを指定してください。",
		EN: "Transfer Family server %s sets no security_policy_name: the default %s accepts key exchange and signatures with SHA-1 (diffie-hellman-group14-sha1, ssh-rsa); use a policy without SHA-1, such as TransferSecurityPolicy-2024-01 or later.",
	}
	msgTransferFTP = project.Text{
		JA: "Transfer Family サーバー %s は暗号化されない FTP を提供しています。protocols から \"FTP\" を除き、SFTP または FTPS を使ってください。",
		EN: "Transfer Family server %s offers unencrypted FTP; remove \"FTP\" from protocols and use SFTP or FTPS.",
	}
	whatTransferProtocols = project.Text{JA: "Transfer Family サーバーのプロトコル", EN: "the Transfer Family server's protocols"}
)

// Check reports servers whose security policy accepts SHA-1 (the default,
// TransferSecurityPolicy-2018-11, does), and servers that offer FTP. A
// policy the strength table has not verified is named in strict mode. A
// server of the mynumber segment is an ERROR.
func (r *AwsTransferTLSPolicyRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	return eachAtSegmentLevel(runner, r, "aws_transfer_server", func(server *hclext.Block, rule lint.Rule) error {
		name := lint.Address(server)
		policy := runner.Attr(server.Body, "security_policy_name", cty.String)
		var err error
		if policy.IsAbsent() {
			err = runner.Report(rule, server.DefRange, msgTransferPolicyDefault, name, defaultTransferPolicy)
		} else {
			err = judgeStrength(runner, rule, policy, name, lookupTransferPolicy, msgsTransferPolicy)
		}
		if err != nil {
			return err
		}
		protocols := runner.Attr(server.Body, "protocols", cty.Set(cty.String))
		if protocols.State != lint.Known {
			return runner.Unverified(rule, protocols, whatTransferProtocols)
		}
		for it := protocols.Val.ElementIterator(); it.Next(); {
			_, v := it.Element()
			if v.IsKnown() && !v.IsNull() && strings.EqualFold(v.AsString(), "FTP") {
				return runner.Report(rule, protocols.Range, msgTransferFTP, name)
			}
		}
		return nil
	})
}

func lookupTransferPolicy(name string) (crypto.Verdict, bool) {
	p, ok := crypto.LookupTransferPolicy(name)
	if !ok {
		return crypto.Verdict{}, false
	}
	return p.Judge(), true
}
