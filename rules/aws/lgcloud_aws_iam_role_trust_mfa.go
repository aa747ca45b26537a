package aws

import (
	"maps"
	"slices"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// AwsIamRoleTrustMFARule checks that people assume IAM roles only with MFA.
type AwsIamRoleTrustMFARule struct{ lint.Meta }

var _ lint.Rule = (*AwsIamRoleTrustMFARule)(nil)

// NewAwsIamRoleTrustMFARule returns the rule.
func NewAwsIamRoleTrustMFARule() *AwsIamRoleTrustMFARule {
	return &AwsIamRoleTrustMFARule{lint.Meta{
		RuleName: "lgcloud_aws_iam_role_trust_mfa",
		Level:    tflint.ERROR,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.3.1.4", "4.6.2.2"},
		Summary:  project.Text{JA: "人が引き受ける IAM ロールの信頼ポリシーで多要素認証を要求する", EN: "Trust policies of IAM roles that people assume require MFA"},
		Reads:    iamGraphReads(lint.Reads{}),
	}}
}

var msgRoleTrustNoMFA = project.Text{
	JA: "IAM ロール %s の信頼ポリシーは、人（IAM ユーザーやアカウント）が多要素認証（MFA）なしでロールを引き受けることを許しています。引き受けを許す文に Condition Bool aws:MultiFactorAuthPresent = true を加えてください。",
	EN: "The trust policy of IAM role %s lets people (IAM users, accounts) assume the role without MFA; add the condition Bool aws:MultiFactorAuthPresent = true to the statements that allow it.",
}

var whatRoleTrust = project.Text{JA: "ロールを引き受ける人の多要素認証", EN: "MFA for the people who assume the role"}

var (
	whyPrincipalUnknown = project.Text{
		JA: "信頼ポリシーのプリンシパルが lint 時に決まりません",
		EN: "a principal of the trust policy is not known at lint time",
	}
	whyFederated = project.Text{
		JA: "SAML・OIDC の ID プロバイダー経由で引き受けるロールで、多要素認証は ID プロバイダー側の設定によります",
		EN: "it is assumed through a SAML or OIDC identity provider, whose settings decide MFA",
	}
)

// Check reports roles whose trust policy lets people assume them without
// MFA: an IAM user, an account (arn:...:root, or an account ID, which lets
// that account's users in), or anyone. Services, roles named by ARN and
// third parties bound by sts:ExternalId are not people. Federated
// principals sign in at an identity provider, which enforces MFA; strict
// mode names them, and trust policies or principals that cannot be known.
func (r *AwsIamRoleTrustMFARule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	graph, err := readIAMGraph(runner, r)
	if err != nil {
		return err
	}
	for _, label := range slices.Sorted(maps.Keys(graph.Roles)) {
		role := graph.Roles[label]
		trust := TrustOf(role.Trust)
		if trust.People && !trust.MFA {
			if err := runner.Report(r, role.Trust.Value.Range, msgRoleTrustNoMFA, lint.Address(role.Block)); err != nil {
				return err
			}
		} else if v, unknown := unknownTrust(role, trust); unknown {
			if err := runner.Unverified(r, v, whatRoleTrust); err != nil {
				return err
			}
		}
		if trust.Federated {
			v := role.Trust.Value
			v.State, v.Why = lint.Unknown, whyFederated
			if err := runner.Unverified(r, v, whatRoleTrust); err != nil {
				return err
			}
		}
	}
	return nil
}

// unknownTrust returns, for a role whose trust cannot be fully read, the
// value a strict notice names: the unreadable trust policy, or the one
// with a principal that cannot be known.
func unknownTrust(r role, trust Trust) (lint.Value, bool) {
	if !trust.Unknown {
		return lint.Value{}, false
	}
	v := r.Trust.Value
	if !v.IsUnknown() {
		v.State, v.Why = lint.Unknown, whyPrincipalUnknown
	}
	return v, true
}
