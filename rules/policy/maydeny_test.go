package policy_test

import (
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/policy"
)

func TestMayDenyWithoutMFA(t *testing.T) {
	mfa := func(op, key string, values ...policy.Value) policy.Condition {
		return policy.Condition{Operator: op, Key: key, Values: values}
	}
	deny := func(effect string, conditions ...policy.Condition) *policy.Document {
		return &policy.Document{Statements: []policy.Statement{{
			Effect:     effect,
			NotActions: []policy.Value{policy.Known("iam:EnableMFADevice")},
			Resources:  []policy.Value{policy.Known("*")},
			Conditions: conditions,
		}}}
	}
	cases := []struct {
		Name string
		Doc  *policy.Document
		Want bool
	}{
		{
			Name: "Deny that enforces MFA",
			Doc:  deny(policy.Deny, mfa("BoolIfExists", "aws:MultiFactorAuthPresent", policy.Known("false"))),
			Want: true,
		},
		{
			Name: "Deny whose MultiFactorAuthPresent value is unknown",
			Doc:  deny(policy.Deny, mfa("BoolIfExists", "aws:MultiFactorAuthPresent", policy.Unknown)),
			Want: true,
		},
		{
			Name: "Deny whose MultiFactorAuthAge Null value is unknown",
			Doc:  deny(policy.Deny, mfa("Null", "aws:MultiFactorAuthAge", policy.Unknown)),
			Want: true,
		},
		{
			Name: "unknown effect with an enforcing condition",
			Doc:  deny("", mfa("Bool", "aws:MultiFactorAuthPresent", policy.Known("false"))),
			Want: true,
		},
		{
			Name: "Deny with a condition the reader could not read",
			Doc:  deny(policy.Deny, mfa("Unknown", "unknown")),
			Want: true,
		},
		{
			Name: "Allow with an unknown MFA value",
			Doc:  deny(policy.Allow, mfa("Bool", "aws:MultiFactorAuthPresent", policy.Unknown)),
			Want: false,
		},
		{
			Name: "Deny of sessions with MFA",
			Doc:  deny(policy.Deny, mfa("Bool", "aws:MultiFactorAuthPresent", policy.Known("true"))),
			Want: false,
		},
		{
			Name: "Deny on another key with an unknown value",
			Doc:  deny(policy.Deny, mfa("StringEquals", "aws:RequestedRegion", policy.Unknown)),
			Want: false,
		},
		{
			Name: "Deny without conditions",
			Doc:  deny(policy.Deny),
			Want: false,
		},
		{
			Name: "empty document",
			Doc:  &policy.Document{},
			Want: false,
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			if got := tc.Doc.MayDenyWithoutMFA(); got != tc.Want {
				t.Errorf("MayDenyWithoutMFA = %v, want %v", got, tc.Want)
			}
			if tc.Doc.DeniesWithoutMFA() && !tc.Doc.MayDenyWithoutMFA() {
				t.Errorf("DeniesWithoutMFA is true but MayDenyWithoutMFA is false")
			}
		})
	}
}
