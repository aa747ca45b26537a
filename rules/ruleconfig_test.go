package rules

import (
	"strings"
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/aws"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

// passwordRuleBlock is a rule block of the password policy rule with the
// given options, one a line, starting on line 3.
func passwordRuleBlock(options ...string) string {
	return "rule \"lgcloud_aws_iam_password_policy\" {\n  enabled = true\n" + strings.Join(options, "\n") + "\n}\n"
}

const weakPasswordPolicy = `
resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length      = 16
  password_reuse_prevention    = 24
  require_lowercase_characters = true
  require_uppercase_characters = true
  require_numbers              = true
  require_symbols              = true
}`

func TestRuleOptionErrors(t *testing.T) {
	cases := []struct {
		Name   string
		Config string
		Want   []string
	}{
		{
			Name:   "value below the allowed range names the file, line and option",
			Config: passwordRuleBlock("  minimum_password_length = 4"),
			Want:   []string{".tflint.hcl:3,", "lgcloud_aws_iam_password_policy", "minimum_password_length", "from 8 to 128"},
		},
		{
			Name:   "value above the allowed range on a later line",
			Config: passwordRuleBlock("  require_symbols = false", "  password_reuse_prevention = 30"),
			Want:   []string{".tflint.hcl:4,", "lgcloud_aws_iam_password_policy", "password_reuse_prevention", "from 0 to 24"},
		},
		{
			Name:   "negative max_password_age",
			Config: passwordRuleBlock("  max_password_age = -1"),
			Want:   []string{".tflint.hcl:3,", "max_password_age"},
		},
		{
			Name:   "value of the wrong type",
			Config: passwordRuleBlock(`  minimum_password_length = "long"`),
			Want:   []string{".tflint.hcl:3,", "lgcloud_aws_iam_password_policy"},
		},
		{
			Name:   "misspelt option",
			Config: passwordRuleBlock("  minimum_length = 20"),
			Want:   []string{".tflint.hcl:3,", "lgcloud_aws_iam_password_policy", "minimum_length"},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			rs := newRuleSet([]lint.Rule{aws.NewAwsIamPasswordPolicyRule()})
			inner := helper.TestRunner(t, map[string]string{".tflint.hcl": tc.Config, "main.tf": weakPasswordPolicy})
			runner, err := rs.NewRunner(inner)
			if err == nil {
				t.Fatalf("NewRunner: want an error, got a runner %T", runner)
			}
			for _, part := range tc.Want {
				if !strings.Contains(err.Error(), part) {
					t.Errorf("error %q does not contain %q", err, part)
				}
			}
		})
	}
}

func TestRuleOptionsReachTheRule(t *testing.T) {
	cases := []struct {
		Name   string
		Config string
		Want   []string
	}{
		{
			Name:   "without a rule block the defaults apply",
			Config: "",
			Want:   []string{},
		},
		{
			Name:   "a longer minimum from the rule block",
			Config: passwordRuleBlock("  minimum_password_length = 20"),
			Want:   []string{"IAM パスワードポリシー aws_iam_account_password_policy.strict の minimum_password_length が 16 です。minimum_password_length = 20 以上を設定してください。 [指針 4.6.2.3 / JIS Q 27017 9.2.4]"},
		},
		{
			Name:   "options left out keep their defaults",
			Config: passwordRuleBlock("  max_password_age = 90"),
			Want:   []string{"IAM パスワードポリシー aws_iam_account_password_policy.strict に max_password_age が設定されていません（パスワードが失効しません）。max_password_age を 1 以上 90 以下に設定してください。 [指針 4.6.2.3 / JIS Q 27017 9.2.4]"},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			rule := aws.NewAwsIamPasswordPolicyRule()
			rs := newRuleSet([]lint.Rule{rule})
			files := map[string]string{"main.tf": weakPasswordPolicy}
			if tc.Config != "" {
				files[".tflint.hcl"] = tc.Config
			}
			inner := helper.TestRunner(t, files)
			runner, err := rs.NewRunner(inner)
			if err != nil {
				t.Fatal(err)
			}
			if err := rule.Check(runner); err != nil {
				t.Fatal(err)
			}
			got := []string{}
			for _, issue := range inner.Issues {
				got = append(got, issue.Message)
			}
			if strings.Join(got, "\n") != strings.Join(tc.Want, "\n") {
				t.Fatalf("messages:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.Want, "\n"))
			}
		})
	}
}
