package aws

import (
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsAccountSecurityContactRule checks that the account baseline registers
// a security contact with AWS: an aws_account_alternate_contact of type
// SECURITY, whom AWS notifies of security issues of the account.
type AwsAccountSecurityContactRule struct{ lint.Meta }

var _ lint.Rule = (*AwsAccountSecurityContactRule)(nil)

const alternateContactType = "aws_account_alternate_contact"

// NewAwsAccountSecurityContactRule returns the rule.
func NewAwsAccountSecurityContactRule() *AwsAccountSecurityContactRule {
	return &AwsAccountSecurityContactRule{lint.Meta{
		RuleName: "lgcloud_aws_account_security_contact",
		Level:    tflint.ERROR,
		Preset:   config.GovCloud,
		Provider: "aws",
		Items:    []string{"4.1.1.1"},
		Summary:  project.Text{JA: "AWS アカウントにセキュリティ担当の連絡先を登録する", EN: "The AWS account has a security contact"},
		Reads: lint.Reads{
			alternateContactType: {Attributes: []hclext.AttributeSchema{{Name: "alternate_contact_type"}}},
		},
	}}
}

var msgSecurityContactMissing = project.Text{
	JA: "アカウントのベースラインにセキュリティ担当の連絡先がありません。AWS からのセキュリティに関する連絡を受けられるよう、alternate_contact_type = \"SECURITY\" の aws_account_alternate_contact を宣言してください。",
	EN: "The account baseline registers no security contact; declare an aws_account_alternate_contact with alternate_contact_type = \"SECURITY\" so that AWS can reach the people in charge of security.",
}

var whatSecurityContact = project.Text{JA: "セキュリティ担当の連絡先", EN: "the security contact"}

// securityContact is the alternate_contact_type of the security contact.
const securityContact = "SECURITY"

// Check reports, in the root module, an account baseline without an
// alternate contact of type SECURITY, following the account-baseline
// convention. A contact whose type cannot be known is named in strict mode.
func (r *AwsAccountSecurityContactRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	if root, err := isBaselineRoot(runner); err != nil || !root {
		return err
	}
	contacts, err := runner.Resources(r, alternateContactType)
	if err != nil {
		return err
	}
	found := verdictFails
	for _, contact := range sortedBlocks(contacts) {
		v := runner.Attr(contact.Body, "alternate_contact_type", cty.String)
		if v.IsUnknown() {
			found = found.Or(undecided(v))
			continue
		}
		kind, _ := v.String()
		found = found.Or(verdictOf(kind == securityContact))
	}
	switch {
	case found.Holds():
		return nil
	case !found.decided:
		return runner.Unverified(r, found.Unknown, whatSecurityContact)
	}
	return reportBaselineGap(runner, r, baselineGap{
		Types: []string{alternateContactType},
		What:  whatSecurityContact,
		Msg:   msgSecurityContactMissing,
	})
}
