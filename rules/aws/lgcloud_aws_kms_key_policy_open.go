package aws

import (
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/policy"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// AwsKmsKeyPolicyOpenRule checks that KMS key policies do not let anyone
// use the key: an Allow statement with Principal "*" must be limited to the
// key owner's organisation, account or network by a condition.
type AwsKmsKeyPolicyOpenRule struct{ lint.Meta }

var _ lint.Rule = (*AwsKmsKeyPolicyOpenRule)(nil)

// kmsKeyPolicyTypes are the resource types whose `policy` argument is a KMS
// key policy.
var kmsKeyPolicyTypes = []string{
	"aws_kms_key",
	"aws_kms_key_policy",
	"aws_kms_replica_key",
	"aws_kms_external_key",
	"aws_kms_replica_external_key",
}

// NewAwsKmsKeyPolicyOpenRule returns the rule.
func NewAwsKmsKeyPolicyOpenRule() *AwsKmsKeyPolicyOpenRule {
	reads := lint.Reads{}
	for _, ty := range kmsKeyPolicyTypes {
		reads[ty] = &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "policy"}}}
	}
	return &AwsKmsKeyPolicyOpenRule{lint.Meta{
		RuleName: "lgcloud_aws_kms_key_policy_open",
		Level:    tflint.ERROR,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.6.1.2", "4.6.3.2"},
		Summary:  project.Text{JA: "KMS キーポリシーで誰にでもキーの利用を許可しない", EN: "KMS key policies do not let anyone use the key"},
		Reads:    withPolicyDocuments(reads),
	}}
}

var msgKeyPolicyOpenDecrypt = project.Text{
	JA: "KMS キー %s のキーポリシーの文 %s は、誰にでも（Principal \"*\"）キーによる復号またはキーの管理を許可しています。このキーで暗号化したデータを誰でも復号できるおそれがあります。必要なプリンシパルだけを指定するか、kms:CallerAccount や aws:PrincipalOrgID などの条件で自組織に限ってください。",
	EN: "KMS key %s key policy: statement %s lets anyone (Principal \"*\") decrypt with or manage the key, so anyone may read the data it protects; name only the principals that need it, or limit the statement to your organisation with a condition such as kms:CallerAccount or aws:PrincipalOrgID.",
}

var msgKeyPolicyOpen = project.Text{
	JA: "KMS キー %s のキーポリシーの文 %s は、誰にでも（Principal \"*\"）キーの利用を許可しています。必要なプリンシパルだけを指定するか、kms:CallerAccount や aws:PrincipalOrgID などの条件で自組織に限ってください。",
	EN: "KMS key %s key policy: statement %s lets anyone (Principal \"*\") use the key; name only the principals that need it, or limit the statement to your organisation with a condition such as kms:CallerAccount or aws:PrincipalOrgID.",
}

var whatKeyPolicy = project.Text{JA: "KMS キーポリシーの公開範囲", EN: "who the KMS key policy lets in"}

// kmsDecryptActions are the actions that let a caller read what the key
// protects, or take the key over: decrypting, re-encrypting under a key of
// its own, granting itself those rights, or rewriting the key policy.
var kmsDecryptActions = []string{"kms:Decrypt", "kms:ReEncryptFrom", "kms:CreateGrant", "kms:PutKeyPolicy"}

// Check reports, at the policy expression, each statement of a key policy
// that lets any principal use the key. A key without a policy has the
// default key policy, which trusts only the key's own account.
func (r *AwsKmsKeyPolicyOpenRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	for _, ty := range kmsKeyPolicyTypes {
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

func (r *AwsKmsKeyPolicyOpenRule) checkDocument(runner *lint.Runner, doc Document, name string) error {
	if doc.Doc == nil {
		return runner.Unverified(r, doc.Value, whatKeyPolicy)
	}
	for i, st := range doc.Doc.Statements {
		label := statementLabel(st, i)
		switch st.ExposureWith(policy.KeyPolicyRestrictingKeys...) {
		case policy.Public:
			msg := msgKeyPolicyOpen
			for _, action := range kmsDecryptActions {
				if st.Allows(action) {
					msg = msgKeyPolicyOpenDecrypt
					break
				}
			}
			if err := runner.Report(r, doc.Value.Range, msg, name, label); err != nil {
				return err
			}
		case policy.MaybePublic:
			unknown := doc.Value
			unknown.State = lint.Unknown
			unknown.Why = statementUnknown(label)
			if err := runner.Unverified(r, unknown, whatKeyPolicy); err != nil {
				return err
			}
		}
	}
	return nil
}
