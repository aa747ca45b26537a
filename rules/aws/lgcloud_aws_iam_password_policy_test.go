package aws

import (
	"errors"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

// passwordAt is a range on one line of resource.tf.
func passwordAt(line, start, end int) hcl.Range {
	return hcl.Range{Filename: "resource.tf", Start: hcl.Pos{Line: line, Column: start}, End: hcl.Pos{Line: line, Column: end}}
}

const passwordCite = " [指針 4.6.2.3 / JIS Q 27017 9.2.4]"

func passwordLow(attr, value, min string) string {
	return "IAM パスワードポリシー aws_iam_account_password_policy.strict の " + attr + " が " + value + " です。" + attr + " = " + min + " 以上を設定してください。" + passwordCite
}

func passwordAbsent(attr, def, min string) string {
	return "IAM パスワードポリシー aws_iam_account_password_policy.strict に " + attr + " が設定されていません（既定値は " + def + "）。" + attr + " = " + min + " 以上を設定してください。" + passwordCite
}

func passwordFlag(attr string) string {
	return "IAM パスワードポリシー aws_iam_account_password_policy.strict の " + attr + " が true ではありません（既定値は false）。" + attr + " = true を設定してください。" + passwordCite
}

// strongPolicy meets the default options.
const strongPolicy = `
resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length      = 14
  password_reuse_prevention    = 24
  require_lowercase_characters = true
  require_uppercase_characters = true
  require_numbers              = true
  require_symbols              = true
}`

func TestAwsIamPasswordPolicyRule(t *testing.T) {
	rule := NewAwsIamPasswordPolicyRule()
	block := passwordAt(2, 1, 52) // resource "aws_iam_account_password_policy" "strict"
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Options  *PasswordPolicyOptions
		Expected helper.Issues
	}{
		{
			Name:     "policy meeting the defaults passes",
			Content:  strongPolicy,
			Expected: helper.Issues{},
		},
		{
			Name: "longer length and more remembered passwords pass",
			Content: `
resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length      = 32
  password_reuse_prevention    = 24
  require_lowercase_characters = true
  require_uppercase_characters = true
  require_numbers              = true
  require_symbols              = true
  max_password_age             = 3650
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "weak literals are reported at each attribute",
			Content: `
resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length      = 8
  password_reuse_prevention    = 5
  require_lowercase_characters = true
  require_uppercase_characters = true
  require_numbers              = false
  require_symbols              = true
}`,
			Expected: helper.Issues{
				{Rule: rule, Message: passwordLow("minimum_password_length", "8", "14"), Range: passwordAt(3, 34, 35)},
				{Rule: rule, Message: passwordLow("password_reuse_prevention", "5", "24"), Range: passwordAt(4, 34, 35)},
				{Rule: rule, Message: passwordFlag("require_numbers"), Range: passwordAt(7, 34, 39)},
			},
		},
		{
			Name: "empty policy takes the provider defaults and is reported once per attribute at the resource",
			Content: `
resource "aws_iam_account_password_policy" "strict" {
}`,
			Expected: helper.Issues{
				{Rule: rule, Message: passwordAbsent("minimum_password_length", "6", "14"), Range: block},
				{Rule: rule, Message: passwordAbsent("password_reuse_prevention", "0", "24"), Range: block},
				{Rule: rule, Message: passwordFlag("require_lowercase_characters"), Range: block},
				{Rule: rule, Message: passwordFlag("require_uppercase_characters"), Range: block},
				{Rule: rule, Message: passwordFlag("require_numbers"), Range: block},
				{Rule: rule, Message: passwordFlag("require_symbols"), Range: block},
			},
		},
		{
			Name: "null values are the defaults",
			Content: `
resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length      = null
  password_reuse_prevention    = 24
  require_lowercase_characters = true
  require_uppercase_characters = true
  require_numbers              = true
  require_symbols              = null
}`,
			Expected: helper.Issues{
				{Rule: rule, Message: passwordAbsent("minimum_password_length", "6", "14"), Range: block},
				{Rule: rule, Message: passwordFlag("require_symbols"), Range: block},
			},
		},
		{
			Name: "reuse prevention 0 is no prevention",
			Content: `
resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length      = 14
  password_reuse_prevention    = 0
  require_lowercase_characters = true
  require_uppercase_characters = true
  require_numbers              = true
  require_symbols              = true
}`,
			Expected: helper.Issues{
				{Rule: rule, Message: passwordLow("password_reuse_prevention", "0", "24"), Range: passwordAt(4, 34, 35)},
			},
		},
		{
			Name: "length written as a string is read as a number",
			Content: `
resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length      = "12"
  password_reuse_prevention    = 24
  require_lowercase_characters = true
  require_uppercase_characters = true
  require_numbers              = true
  require_symbols              = true
}`,
			Expected: helper.Issues{
				{Rule: rule, Message: passwordLow("minimum_password_length", "12", "14"), Range: passwordAt(3, 34, 38)},
			},
		},
		{
			Name: "weak values from variable defaults are reported at the references",
			Content: `
variable "length" {
  default = 10
}

variable "symbols" {
  default = false
}

resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length      = var.length
  password_reuse_prevention    = 24
  require_lowercase_characters = true
  require_uppercase_characters = true
  require_numbers              = true
  require_symbols              = var.symbols
}`,
			Expected: helper.Issues{
				{Rule: rule, Message: passwordLow("minimum_password_length", "10", "14"), Range: passwordAt(11, 34, 44)},
				{Rule: rule, Message: passwordFlag("require_symbols"), Range: passwordAt(16, 34, 45)},
			},
		},
		{
			Name: "strong values from variable defaults pass",
			Content: `
variable "length" {
  default = 16
}

resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length      = var.length
  password_reuse_prevention    = 24
  require_lowercase_characters = true
  require_uppercase_characters = true
  require_numbers              = true
  require_symbols              = true
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "variables without default are unknown and not reported",
			Content: `
variable "length" {
  type = number
}

variable "symbols" {
  type = bool
}

resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length      = var.length
  password_reuse_prevention    = 24
  require_lowercase_characters = true
  require_uppercase_characters = true
  require_numbers              = true
  require_symbols              = var.symbols
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "variables without default are named by strict notices",
			Content: `
variable "length" {
  type = number
}

variable "symbols" {
  type = bool
}

resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length      = var.length
  password_reuse_prevention    = 24
  require_lowercase_characters = true
  require_uppercase_characters = true
  require_numbers              = true
  require_symbols              = var.symbols
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				{
					Rule:    linttest.Notice(rule),
					Message: "strict: IAM パスワードポリシーの minimum_password_length の値を確認できません。minimum_password_length: lint 時に値が決まりません。" + passwordCite,
					Range:   passwordAt(11, 34, 44),
				},
				{
					Rule:    linttest.Notice(rule),
					Message: "strict: IAM パスワードポリシーの require_symbols の値を確認できません。require_symbols: lint 時に値が決まりません。" + passwordCite,
					Range:   passwordAt(16, 34, 45),
				},
			},
		},
		{
			Name: "sensitive variable is not reported",
			Content: `
variable "length" {
  default   = 8
  sensitive = true
}

resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length      = var.length
  password_reuse_prevention    = 24
  require_lowercase_characters = true
  require_uppercase_characters = true
  require_numbers              = true
  require_symbols              = true
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "a local whose value is unknown is not reported",
			Content: `
variable "unknown_value" {}

locals {
  length = var.unknown_value
}

resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length      = local.length
  password_reuse_prevention    = 24
  require_lowercase_characters = true
  require_uppercase_characters = true
  require_numbers              = true
  require_symbols              = true
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "value of the wrong type is not reported",
			Content: `
resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length      = "long"
  password_reuse_prevention    = 24
  require_lowercase_characters = true
  require_uppercase_characters = true
  require_numbers              = true
  require_symbols              = true
}`,
			Expected: helper.Issues{},
		},
		{
			Name:    "a longer minimum from the options",
			Content: strongPolicy,
			Options: &PasswordPolicyOptions{MinimumPasswordLength: 20, PasswordReusePrevention: 24, RequireLowercaseCharacters: true, RequireUppercaseCharacters: true, RequireNumbers: true, RequireSymbols: true},
			Expected: helper.Issues{
				{Rule: rule, Message: passwordLow("minimum_password_length", "14", "20"), Range: passwordAt(3, 34, 36)},
			},
		},
		{
			Name: "character classes and reuse prevention turned off in the options are not checked",
			Content: `
resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length = 8
}`,
			Options:  &PasswordPolicyOptions{MinimumPasswordLength: 8},
			Expected: helper.Issues{},
		},
		{
			Name: "max_password_age from the options: absent is reported at the resource",
			Content: `
resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length = 14
}`,
			Options: &PasswordPolicyOptions{MinimumPasswordLength: 14, MaxPasswordAge: 90},
			Expected: helper.Issues{
				{
					Rule:    rule,
					Message: "IAM パスワードポリシー aws_iam_account_password_policy.strict に max_password_age が設定されていません（パスワードが失効しません）。max_password_age を 1 以上 90 以下に設定してください。" + passwordCite,
					Range:   block,
				},
			},
		},
		{
			Name: "max_password_age from the options: longer or 0 is reported at the value",
			Content: `
resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length = 14
  max_password_age        = 180
}

resource "aws_iam_account_password_policy" "never" {
  minimum_password_length = 14
  max_password_age        = 0
}`,
			Options: &PasswordPolicyOptions{MinimumPasswordLength: 14, MaxPasswordAge: 90},
			Expected: helper.Issues{
				{
					Rule:    rule,
					Message: "IAM パスワードポリシー aws_iam_account_password_policy.strict の max_password_age が 180 です。max_password_age を 1 以上 90 以下に設定してください。" + passwordCite,
					Range:   passwordAt(4, 29, 32),
				},
				{
					Rule:    rule,
					Message: "IAM パスワードポリシー aws_iam_account_password_policy.never の max_password_age が 0 です。max_password_age を 1 以上 90 以下に設定してください。" + passwordCite,
					Range:   passwordAt(9, 29, 30),
				},
			},
		},
		{
			Name: "max_password_age within the option passes",
			Content: `
resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length = 14
  max_password_age        = 90
}`,
			Options:  &PasswordPolicyOptions{MinimumPasswordLength: 14, MaxPasswordAge: 90},
			Expected: helper.Issues{},
		},
		{
			Name: "max_password_age is not checked by default",
			Content: `
resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length      = 14
  password_reuse_prevention    = 24
  require_lowercase_characters = true
  require_uppercase_characters = true
  require_numbers              = true
  require_symbols              = true
  max_password_age             = 0
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "English messages",
			Content: `
resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length      = 8
  require_lowercase_characters = true
  require_uppercase_characters = true
  require_numbers              = true
  require_symbols              = true
  max_password_age             = 365
}`,
			Config:  linttest.English(),
			Options: &PasswordPolicyOptions{MinimumPasswordLength: 14, PasswordReusePrevention: 24, RequireLowercaseCharacters: true, RequireUppercaseCharacters: true, RequireNumbers: true, RequireSymbols: true, MaxPasswordAge: 90},
			Expected: helper.Issues{
				{
					Rule:    rule,
					Message: "IAM password policy aws_iam_account_password_policy.strict has minimum_password_length = 8; set minimum_password_length = 14 or more. [Guideline 4.6.2.3 / JIS Q 27017 9.2.4]",
					Range:   passwordAt(3, 34, 35),
				},
				{
					Rule:    rule,
					Message: "IAM password policy aws_iam_account_password_policy.strict does not set password_reuse_prevention (the default is 0); set password_reuse_prevention = 24 or more. [Guideline 4.6.2.3 / JIS Q 27017 9.2.4]",
					Range:   block,
				},
				{
					Rule:    rule,
					Message: "IAM password policy aws_iam_account_password_policy.strict has max_password_age = 365; set max_password_age between 1 and 90. [Guideline 4.6.2.3 / JIS Q 27017 9.2.4]",
					Range:   passwordAt(8, 34, 37),
				},
			},
		},
	}

	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			var opts any
			if tc.Options != nil {
				opts = tc.Options
			}
			runner := linttest.RunWith(t, NewAwsIamPasswordPolicyRule(), map[string]string{"resource.tf": tc.Content}, tc.Config, opts)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}

func TestAwsIamPasswordPolicyRule_Fix(t *testing.T) {
	cases := []struct {
		Name     string
		Content  string
		Expected map[string]string
	}{
		{
			Name: "literals below the minimums are raised and false flags become true",
			Content: `
resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length      = 8
  password_reuse_prevention    = 5
  require_lowercase_characters = false
  require_uppercase_characters = true
  require_numbers              = true
  require_symbols              = "false"
}`,
			Expected: map[string]string{"resource.tf": `
resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length      = 14
  password_reuse_prevention    = 24
  require_lowercase_characters = true
  require_uppercase_characters = true
  require_numbers              = true
  require_symbols              = "true"
}`},
		},
		{
			Name: "a length written as a string stays a string",
			Content: `
resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length      = "8"
  password_reuse_prevention    = 24
  require_lowercase_characters = true
  require_uppercase_characters = true
  require_numbers              = true
  require_symbols              = true
}`,
			Expected: map[string]string{"resource.tf": `
resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length      = "14"
  password_reuse_prevention    = 24
  require_lowercase_characters = true
  require_uppercase_characters = true
  require_numbers              = true
  require_symbols              = true
}`},
		},
		{
			Name: "values from variables and missing attributes are not changed",
			Content: `
variable "length" {
  default = 8
}

resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length = var.length
}`,
			Expected: map[string]string{},
		},
		{
			Name: "max_password_age is not changed",
			Content: `
resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length      = 14
  password_reuse_prevention    = 24
  require_lowercase_characters = true
  require_uppercase_characters = true
  require_numbers              = true
  require_symbols              = true
  max_password_age             = 365
}`,
			Expected: map[string]string{},
		},
	}

	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			opts := &PasswordPolicyOptions{MinimumPasswordLength: 14, PasswordReusePrevention: 24, RequireLowercaseCharacters: true, RequireUppercaseCharacters: true, RequireNumbers: true, RequireSymbols: true, MaxPasswordAge: 90}
			runner := linttest.RunWith(t, NewAwsIamPasswordPolicyRule(), map[string]string{"resource.tf": tc.Content}, nil, opts)
			helper.AssertChanges(t, tc.Expected, runner.Changes())
		})
	}
}

func TestPasswordPolicyOptionsValidate(t *testing.T) {
	valid := func(edit func(o *PasswordPolicyOptions)) *PasswordPolicyOptions {
		o := NewAwsIamPasswordPolicyRule().NewOptions().(*PasswordPolicyOptions)
		edit(o)
		return o
	}
	cases := []struct {
		Name      string
		Options   *PasswordPolicyOptions
		Attribute string
	}{
		{Name: "defaults are valid", Options: valid(func(*PasswordPolicyOptions) {})},
		{Name: "length 8 is the shortest allowed", Options: valid(func(o *PasswordPolicyOptions) { o.MinimumPasswordLength = 8 })},
		{Name: "length 128 is the longest allowed", Options: valid(func(o *PasswordPolicyOptions) { o.MinimumPasswordLength = 128 })},
		{Name: "length below 8", Options: valid(func(o *PasswordPolicyOptions) { o.MinimumPasswordLength = 4 }), Attribute: "minimum_password_length"},
		{Name: "length above 128", Options: valid(func(o *PasswordPolicyOptions) { o.MinimumPasswordLength = 129 }), Attribute: "minimum_password_length"},
		{Name: "reuse 0 turns the check off", Options: valid(func(o *PasswordPolicyOptions) { o.PasswordReusePrevention = 0 })},
		{Name: "reuse above 24", Options: valid(func(o *PasswordPolicyOptions) { o.PasswordReusePrevention = 25 }), Attribute: "password_reuse_prevention"},
		{Name: "negative reuse", Options: valid(func(o *PasswordPolicyOptions) { o.PasswordReusePrevention = -1 }), Attribute: "password_reuse_prevention"},
		{Name: "age 1095 is the longest allowed", Options: valid(func(o *PasswordPolicyOptions) { o.MaxPasswordAge = 1095 })},
		{Name: "age above 1095", Options: valid(func(o *PasswordPolicyOptions) { o.MaxPasswordAge = 1096 }), Attribute: "max_password_age"},
		{Name: "negative age", Options: valid(func(o *PasswordPolicyOptions) { o.MaxPasswordAge = -30 }), Attribute: "max_password_age"},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			err := tc.Options.Validate()
			if tc.Attribute == "" {
				if err != nil {
					t.Fatalf("Validate() = %v, want nil", err)
				}
				return
			}
			var bad *lint.OptionError
			if !errors.As(err, &bad) {
				t.Fatalf("Validate() = %v, want an *lint.OptionError", err)
			}
			if bad.Attribute != tc.Attribute {
				t.Errorf("OptionError.Attribute = %q, want %q", bad.Attribute, tc.Attribute)
			}
		})
	}
}
