package aws

import (
	"strings"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/policy"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// AwsIamAdminPolicyMFARule checks that the administrator access IAM users
// and groups hold through inline and customer-managed policies requires
// MFA.
type AwsIamAdminPolicyMFARule struct{ lint.Meta }

var _ lint.Rule = (*AwsIamAdminPolicyMFARule)(nil)

// NewAwsIamAdminPolicyMFARule returns the rule.
func NewAwsIamAdminPolicyMFARule() *AwsIamAdminPolicyMFARule {
	return &AwsIamAdminPolicyMFARule{lint.Meta{
		RuleName: "lgcloud_aws_iam_admin_policy_mfa",
		Level:    tflint.ERROR,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.3.1.4", "4.6.2.2"},
		Summary:  project.Text{JA: "IAM ユーザー・グループの管理者権限に多要素認証を要求する", EN: "Administrator access of IAM users and groups requires MFA"},
		Reads:    iamGraphReads(lint.Reads{}),
	}}
}

var msgAdminPolicyNoMFA = project.Text{
	JA: "このポリシーは %s に管理者権限（%s、Resource \"*\"）を多要素認証（MFA）の条件なしで与えています。その文に Condition Bool aws:MultiFactorAuthPresent = true を加えるか、信頼ポリシーで MFA を要求するロールに管理者権限を移してください。",
	EN: "This policy gives %s administrator access (%s on Resource \"*\") without requiring MFA; add the condition Bool aws:MultiFactorAuthPresent = true to that statement, or move the access to a role whose trust policy requires MFA.",
}

var whatAdminPolicy = project.Text{JA: "IAM ユーザー・グループの管理者権限", EN: "administrator access of IAM users and groups"}

// Check reports each document that gives users or groups administrator
// access in a statement without an MFA condition, once however many hold
// it. A holder whose policies deny everything to sessions without MFA (the
// usual MFA-enforcement policy) is covered. Roles are left to
// lgcloud_aws_iam_role_trust_mfa, which checks MFA where people assume them.
func (r *AwsIamAdminPolicyMFARule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	graph, err := readIAMGraph(runner, r)
	if err != nil {
		return err
	}
	lang := runner.Config.Language
	for _, place := range grantsByPlace(graph.Grants) {
		var holders []string
		action := ""
		for _, g := range place {
			if g.To.Kind == iamRole {
				continue
			}
			if v, unknown := unknownPolicy(g); unknown {
				if err := runner.Unverified(r, v, whatAdminPolicy); err != nil {
					return err
				}
				continue
			}
			if g.Doc.Doc == nil {
				continue // an AWS managed policy: lgcloud_aws_iam_managed_admin_policy
			}
			st, admin, unknown := adminWithoutMFA(g.Doc.Doc)
			if holdsDocument(graph, g.To, (*policy.Document).DeniesAllWithoutMFA) {
				continue
			}
			if !admin {
				if unknown {
					if err := runner.Unverified(r, conditionUnknown(g), whatAdminPolicy); err != nil {
						return err
					}
				}
				continue
			}
			holders = append(holders, holderName(g, lang))
			action = adminAction(st)
		}
		if len(holders) > 0 {
			if err := runner.Report(r, place[0].At, msgAdminPolicyNoMFA, joinHolders(holders, lang), action); err != nil {
				return err
			}
		}
	}
	return nil
}

// adminWithoutMFA returns the first statement of a document that grants
// administrator access without requiring MFA. When there is none, unknown
// says whether a statement might, as a condition of it cannot be read.
func adminWithoutMFA(doc *policy.Document) (st policy.Statement, found, unknown bool) {
	for _, st := range adminStatements(doc) {
		switch {
		case st.RequiresMFA():
		case st.HasUnknownCondition() || mfaValueUnknown(st):
			unknown = true
		default:
			return st, true, false
		}
	}
	return policy.Statement{}, false, unknown
}

// mfaValueUnknown reports whether a statement tests an MFA key with a value
// that cannot be known.
func mfaValueUnknown(st policy.Statement) bool {
	for _, c := range st.Conditions {
		if !strings.EqualFold(c.Key, "aws:MultiFactorAuthPresent") && !strings.EqualFold(c.Key, "aws:MultiFactorAuthAge") {
			continue
		}
		for _, v := range c.Values {
			if !v.Known {
				return true
			}
		}
	}
	return false
}
