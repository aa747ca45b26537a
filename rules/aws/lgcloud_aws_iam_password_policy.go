package aws

import (
	"fmt"
	"math/big"
	"strconv"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsIamPasswordPolicyRule checks that the account password policy is at
// least as strong as the rule's options require.
type AwsIamPasswordPolicyRule struct{ lint.Meta }

var (
	_ lint.Rule         = (*AwsIamPasswordPolicyRule)(nil)
	_ lint.Configurable = (*AwsIamPasswordPolicyRule)(nil)
)

// NewAwsIamPasswordPolicyRule returns the rule.
func NewAwsIamPasswordPolicyRule() *AwsIamPasswordPolicyRule {
	attrs := []hclext.AttributeSchema{}
	for _, name := range []string{"minimum_password_length", "password_reuse_prevention", "max_password_age"} {
		attrs = append(attrs, hclext.AttributeSchema{Name: name})
	}
	for _, flag := range passwordFlags {
		attrs = append(attrs, hclext.AttributeSchema{Name: flag})
	}
	return &AwsIamPasswordPolicyRule{lint.Meta{
		RuleName: "lgcloud_aws_iam_password_policy",
		Level:    tflint.ERROR,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.6.2.3"},
		Summary:  project.Text{JA: "IAM アカウントのパスワードポリシーを十分な強度にする", EN: "The IAM account password policy is strong enough"},
		Reads: lint.Reads{
			"aws_iam_account_password_policy": {Attributes: attrs},
		},
	}}
}

// PasswordPolicyOptions are the options of lgcloud_aws_iam_password_policy
// in its rule block.
type PasswordPolicyOptions struct {
	// MinimumPasswordLength is the shortest minimum_password_length allowed.
	MinimumPasswordLength int `hclext:"minimum_password_length,optional"`
	// PasswordReusePrevention is the fewest previous passwords a policy must
	// keep users from reusing; 0 does not check it.
	PasswordReusePrevention int `hclext:"password_reuse_prevention,optional"`
	// RequireLowercaseCharacters requires require_lowercase_characters.
	RequireLowercaseCharacters bool `hclext:"require_lowercase_characters,optional"`
	// RequireUppercaseCharacters requires require_uppercase_characters.
	RequireUppercaseCharacters bool `hclext:"require_uppercase_characters,optional"`
	// RequireNumbers requires require_numbers.
	RequireNumbers bool `hclext:"require_numbers,optional"`
	// RequireSymbols requires require_symbols.
	RequireSymbols bool `hclext:"require_symbols,optional"`
	// MaxPasswordAge is the longest max_password_age allowed, in days; 0
	// does not check it.
	MaxPasswordAge int `hclext:"max_password_age,optional"`
}

// Limits of the options: the IAM API's own bounds, with a minimum length
// no option may set below 8.
const (
	minPasswordLengthFloor = 8
	maxPasswordLength      = 128
	maxPasswordReuse       = 24
	maxPasswordAgeDays     = 1095
)

// NewOptions returns the defaults: the CIS AWS Foundations Benchmark's
// length (14) and reuse prevention (24), every character class required,
// and no forced expiry (NIST SP 800-63B advises against periodic changes).
func (r *AwsIamPasswordPolicyRule) NewOptions() any {
	return &PasswordPolicyOptions{
		MinimumPasswordLength:      14,
		PasswordReusePrevention:    24,
		RequireLowercaseCharacters: true,
		RequireUppercaseCharacters: true,
		RequireNumbers:             true,
		RequireSymbols:             true,
	}
}

// Validate checks the options against the bounds the IAM API accepts.
func (o *PasswordPolicyOptions) Validate() error {
	for _, bound := range []struct {
		attr          string
		value, lo, hi int
	}{
		{"minimum_password_length", o.MinimumPasswordLength, minPasswordLengthFloor, maxPasswordLength},
		{"password_reuse_prevention", o.PasswordReusePrevention, 0, maxPasswordReuse},
		{"max_password_age", o.MaxPasswordAge, 0, maxPasswordAgeDays},
	} {
		if bound.value < bound.lo || bound.value > bound.hi {
			return &lint.OptionError{
				Attribute: bound.attr,
				Detail:    fmt.Sprintf("%d is out of range; use a value from %d to %d", bound.value, bound.lo, bound.hi),
			}
		}
	}
	return nil
}

// passwordFlags are the character classes a policy can require, in the
// order they are checked.
var passwordFlags = []string{
	"require_lowercase_characters",
	"require_uppercase_characters",
	"require_numbers",
	"require_symbols",
}

var msgPasswordTooLow = project.Text{
	JA: "IAM パスワードポリシー %s の %s が %s です。%s = %d 以上を設定してください。",
	EN: "IAM password policy %s has %s = %s; set %s = %d or more.",
}

var msgPasswordMinAbsent = project.Text{
	JA: "IAM パスワードポリシー %s に %s が設定されていません（既定値は %s）。%s = %d 以上を設定してください。",
	EN: "IAM password policy %s does not set %s (the default is %s); set %s = %d or more.",
}

var msgPasswordFlag = project.Text{
	JA: "IAM パスワードポリシー %s の %s が true ではありません（既定値は false）。%s = true を設定してください。",
	EN: "IAM password policy %s does not set %s = true (the default is false); set %s = true.",
}

var msgPasswordAgeTooLong = project.Text{
	JA: "IAM パスワードポリシー %s の max_password_age が %s です。max_password_age を 1 以上 %d 以下に設定してください。",
	EN: "IAM password policy %s has max_password_age = %s; set max_password_age between 1 and %d.",
}

var msgPasswordAgeAbsent = project.Text{
	JA: "IAM パスワードポリシー %s に max_password_age が設定されていません（パスワードが失効しません）。max_password_age を 1 以上 %d 以下に設定してください。",
	EN: "IAM password policy %s does not set max_password_age (passwords never expire); set max_password_age between 1 and %d.",
}

// Provider defaults of an absent attribute: the provider sends no value and
// the IAM API applies its own (minimum length 6, no reuse prevention).
const (
	defaultPasswordLength = "6"
	defaultPasswordReuse  = "0"
)

func whatPassword(attr string) project.Text {
	return project.Text{JA: "IAM パスワードポリシーの " + attr + " の値", EN: "the IAM password policy's " + attr}
}

// Check reports each attribute of each account password policy that is
// weaker than the options require, at the attribute, or at the resource
// when the attribute is absent and the provider's default is weaker.
func (r *AwsIamPasswordPolicyRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	opts, _ := runner.Options(r).(*PasswordPolicyOptions)
	if opts == nil {
		opts = r.NewOptions().(*PasswordPolicyOptions)
	}
	policies, err := runner.Resources(r, "aws_iam_account_password_policy")
	if err != nil {
		return err
	}
	for _, resource := range policies {
		name := lint.Address(resource)
		if err := r.atLeast(runner, resource, "minimum_password_length", opts.MinimumPasswordLength, defaultPasswordLength); err != nil {
			return err
		}
		if opts.PasswordReusePrevention > 0 {
			if err := r.atLeast(runner, resource, "password_reuse_prevention", opts.PasswordReusePrevention, defaultPasswordReuse); err != nil {
				return err
			}
		}
		for _, flag := range passwordFlags {
			if !opts.requires(flag) {
				continue
			}
			v := runner.Attr(resource.Body, flag, cty.Bool)
			if err := runner.RequireTrue(r, v, resource.DefRange, lint.DefaultFails, whatPassword(flag), msgPasswordFlag, name, flag, flag); err != nil {
				return err
			}
		}
		if opts.MaxPasswordAge > 0 {
			if err := r.maxAge(runner, resource, opts.MaxPasswordAge); err != nil {
				return err
			}
		}
	}
	return nil
}

func (o *PasswordPolicyOptions) requires(flag string) bool {
	switch flag {
	case "require_lowercase_characters":
		return o.RequireLowercaseCharacters
	case "require_uppercase_characters":
		return o.RequireUppercaseCharacters
	case "require_numbers":
		return o.RequireNumbers
	case "require_symbols":
		return o.RequireSymbols
	}
	return false
}

// atLeast reports a number attribute below min. Both defaults the rule
// reads (length 6, no reuse prevention) are below any min the options
// allow, so an absent attribute is always reported. A literal below min is
// raised to it by the autofix.
func (r *AwsIamPasswordPolicyRule) atLeast(runner *lint.Runner, resource *hclext.Block, attr string, min int, def string) error {
	name := lint.Address(resource)
	v := runner.Attr(resource.Body, attr, cty.Number)
	switch {
	case v.IsAbsent():
		return runner.Report(r, resource.DefRange, msgPasswordMinAbsent, name, attr, def, attr, min)
	case v.IsUnknown():
		return runner.Unverified(r, v, whatPassword(attr))
	case v.Val.AsBigFloat().Cmp(big.NewFloat(float64(min))) >= 0:
		return nil
	case v.IsLiteral():
		return runner.ReportFix(r, v.Range, func(f tflint.Fixer) error {
			return f.ReplaceText(v.Range, numberLike(v.Expr, min))
		}, msgPasswordTooLow, name, attr, numberText(v.Val), attr, min)
	}
	return runner.Report(r, v.Range, msgPasswordTooLow, name, attr, numberText(v.Val), attr, min)
}

// maxAge reports a max_password_age that is absent or 0 (passwords never
// expire) or longer than max days.
func (r *AwsIamPasswordPolicyRule) maxAge(runner *lint.Runner, resource *hclext.Block, max int) error {
	name := lint.Address(resource)
	v := runner.Attr(resource.Body, "max_password_age", cty.Number)
	switch {
	case v.IsAbsent():
		return runner.Report(r, resource.DefRange, msgPasswordAgeAbsent, name, max)
	case v.IsUnknown():
		return runner.Unverified(r, v, whatPassword("max_password_age"))
	}
	age := v.Val.AsBigFloat()
	if age.Sign() > 0 && age.Cmp(big.NewFloat(float64(max))) <= 0 {
		return nil
	}
	return runner.Report(r, v.Range, msgPasswordAgeTooLong, name, numberText(v.Val), max)
}

func numberText(v cty.Value) string {
	return v.AsBigFloat().Text('f', -1)
}

// numberLike writes n the way the literal it replaces was written: as a
// number, or as a quoted string.
func numberLike(expr hcl.Expression, n int) string {
	if _, ok := expr.(*hclsyntax.TemplateExpr); ok {
		return strconv.Quote(strconv.Itoa(n))
	}
	return strconv.Itoa(n)
}
