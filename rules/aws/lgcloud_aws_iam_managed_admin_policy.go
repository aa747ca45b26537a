package aws

import (
	"strings"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/policy"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// AwsIamManagedAdminPolicyRule checks that the AWS managed administrator
// policies are given only to roles that people assume with MFA.
type AwsIamManagedAdminPolicyRule struct{ lint.Meta }

var _ lint.Rule = (*AwsIamManagedAdminPolicyRule)(nil)

// NewAwsIamManagedAdminPolicyRule returns the rule.
func NewAwsIamManagedAdminPolicyRule() *AwsIamManagedAdminPolicyRule {
	return &AwsIamManagedAdminPolicyRule{lint.Meta{
		RuleName: "lgcloud_aws_iam_managed_admin_policy",
		Level:    tflint.ERROR,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.3.1.4", "4.6.2.2"},
		Summary:  project.Text{JA: "AWS 管理の管理者ポリシーは MFA を要求するロールにだけ付与する", EN: "AWS managed administrator policies go only to roles that require MFA"},
		Reads:    iamGraphReads(lint.Reads{}),
	}}
}

var msgManagedAdminPolicy = project.Text{
	JA: "%s に AWS 管理ポリシー %s が付与されています。必要最小限の権限に絞ったポリシーに置き換えてください。管理者権限が必要な場合は、信頼ポリシーで多要素認証（MFA）を要求するロールにだけ付与してください。",
	EN: "%s holds the AWS managed policy %s; replace it with a policy limited to what is needed, and where administrator access is needed, give it only to a role whose trust policy requires MFA.",
}

var whatManagedAdmin = project.Text{JA: "管理者ポリシーを付与されたロールの信頼ポリシー", EN: "the trust policy of a role given an administrator policy"}

var whyRoleNotHere = project.Text{
	JA: "付与先のロールが lint 時に決まらないか、このモジュールにありません",
	EN: "the role it attaches to is not known at lint time or not in this module",
}

// Check reports AdministratorAccess, PowerUserAccess and IAMFullAccess
// attached to users and groups, and to roles unless only people with MFA
// (or through a SAML identity provider, which enforces MFA) may assume
// them: a service, a workload or a third party holding them has more than
// it needs. A role outside the module, or whose trust cannot be read, is
// named in strict mode.
func (r *AwsIamManagedAdminPolicyRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	graph, err := readIAMGraph(runner, r)
	if err != nil {
		return err
	}
	lang := runner.Config.Language
	for _, place := range grantsByPlace(graph.Grants) {
		if !adminManagedPolicies[place[0].Managed] {
			continue
		}
		var holders []string
		for _, g := range place {
			if g.To.Kind == iamRole {
				safe, v, unknown := breakGlassRole(graph, g)
				if safe {
					continue
				}
				if unknown {
					if err := runner.Unverified(r, v, whatManagedAdmin); err != nil {
						return err
					}
					continue
				}
			}
			holders = append(holders, holderName(g, lang))
		}
		if len(holders) > 0 {
			if err := runner.Report(r, place[0].At, msgManagedAdminPolicy, joinHolders(holders, lang), place[0].Managed); err != nil {
				return err
			}
		}
	}
	return nil
}

// breakGlassRole says whether the role a grant goes to may hold
// administrator access: only people with MFA, or people signing in through
// a SAML identity provider, may assume it. When that cannot be told, it
// returns the value a strict notice names.
func breakGlassRole(graph *iamGraph, g grant) (safe bool, v lint.Value, unknown bool) {
	r, ok := graph.roleOf(g.To)
	if !ok {
		return false, lint.Value{State: lint.Unknown, Range: g.At, Name: g.Via, Why: whyRoleNotHere}, true
	}
	trust := TrustOf(r.Trust)
	who := audienceOf(r.Trust)
	if who.Machine || who.Workload || (trust.People && !trust.MFA) {
		return false, lint.Value{}, false
	}
	if v, unknown := unknownTrust(r, trust); unknown {
		return false, v, true
	}
	if who.UnknownProvider {
		v := r.Trust.Value
		v.State, v.Why = lint.Unknown, whyPrincipalUnknown
		return false, v, true
	}
	return true, lint.Value{}, false
}

// audience is who besides people may assume a role.
type audience struct {
	// Machine: a service, a role named by ARN, or a third party bound by
	// sts:ExternalId.
	Machine bool
	// Workload: an OIDC provider (a CI pipeline, a cluster, a web
	// identity), which proves who runs a job, not that a person used MFA.
	Workload bool
	// UnknownProvider: a federated principal that cannot be told.
	UnknownProvider bool
}

// audienceOf reads the principals of the statements of a trust policy
// that let them assume the role. SAML providers stand for people signing
// in at an identity provider and are none of the above.
func audienceOf(trust Document) audience {
	var a audience
	if trust.Doc == nil {
		return a
	}
	for _, st := range trust.Doc.Statements {
		if !assumes(st) {
			continue
		}
		external := st.HasCondition("sts:ExternalId")
		for _, p := range st.Principals {
			switch p.Kind() {
			case policy.Machine:
				a.Machine = true
			case policy.Person:
				a.Machine = a.Machine || external
			case policy.Federated:
				switch {
				case p.ID.Known && strings.Contains(p.ID.S, ":saml-provider/"):
				case p.ID.Known:
					a.Workload = true
				case p.ID.Ref == "aws_iam_saml_provider":
				case p.ID.Ref == "aws_iam_openid_connect_provider":
					a.Workload = true
				default:
					a.UnknownProvider = true
				}
			}
		}
	}
	return a
}
