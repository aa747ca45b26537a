package policy_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/policy"
)

// enforcementDoc parses a list of statements written as JSON.
func enforcementDoc(t *testing.T, statements string) *policy.Document {
	t.Helper()
	d, err := policy.Parse(`{"Statement":[`+statements+`]}`, nil)
	if err != nil {
		t.Fatalf("Parse(%s): %v", statements, err)
	}
	return d
}

// forceMFA is the usual policy that blocks all but setting up MFA until the
// user signs in with MFA.
const forceMFA = `{"Effect":"Allow","Action":["iam:ListMFADevices"],"Resource":"*"},
{"Effect":"Deny","NotAction":["iam:CreateVirtualMFADevice","iam:EnableMFADevice","iam:ListMFADevices","iam:ListVirtualMFADevices","iam:ResyncMFADevice","sts:GetSessionToken"],"Resource":"*",
 "Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}}`

func TestDeniesAllWithoutMFA(t *testing.T) {
	cases := []struct {
		Name       string
		Statements string
		Want       bool
	}{
		{Name: "deny of all but MFA set-up without MFA", Statements: forceMFA, Want: true},
		{Name: "deny of every action without MFA", Statements: `{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}}`, Want: true},
		{Name: "deny when the MFA age is missing", Statements: `{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"Null":{"aws:MultiFactorAuthAge":"true"}}}`, Want: true},
		{Name: "Bool false lets access keys through", Statements: `{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"false"}}}`, Want: false},
		{Name: "deny of one service is not enforcement", Statements: `{"Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}}`, Want: false},
		{Name: "NotAction leaving a whole service out is not enforcement", Statements: `{"Effect":"Deny","NotAction":["iam:*"],"Resource":"*","Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}}`, Want: false},
		{Name: "NotAction star denies nothing", Statements: `{"Effect":"Deny","NotAction":"*","Resource":"*","Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}}`, Want: false},
		{Name: "deny on named resources is not enforcement", Statements: `{"Effect":"Deny","Action":"*","Resource":"arn:aws:s3:::x","Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}}`, Want: false},
		{Name: "another condition narrows the deny", Statements: `{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"},"StringEquals":{"aws:RequestedRegion":"us-east-1"}}}`, Want: false},
		{Name: "deny without condition is no MFA enforcement", Statements: `{"Effect":"Deny","Action":"*","Resource":"*"}`, Want: false},
		{Name: "allow with the MFA condition is not a deny", Statements: `{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}}`, Want: false},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			if got := enforcementDoc(t, tc.Statements).DeniesAllWithoutMFA(); got != tc.Want {
				t.Errorf("DeniesAllWithoutMFA() = %v, want %v", got, tc.Want)
			}
		})
	}
}

func TestSourceDenials(t *testing.T) {
	ip := func(op string, values ...string) policy.Condition {
		c := policy.Condition{Operator: op, Key: "aws:SourceIp"}
		for _, v := range values {
			c.Values = append(c.Values, policy.Known(v))
		}
		return c
	}
	cases := []struct {
		Name       string
		Statements string
		Want       []policy.Condition
	}{
		{
			Name:       "deny of every action from elsewhere",
			Statements: `{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"NotIpAddress":{"aws:SourceIp":["203.0.113.0/24"]}}}`,
			Want:       []policy.Condition{ip("NotIpAddress", "203.0.113.0/24")},
		},
		{
			Name:       "calls made by AWS services may be exempt",
			Statements: `{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"NotIpAddress":{"aws:SourceIp":"203.0.113.0/24"},"Bool":{"aws:ViaAWSService":"false"}}}`,
			Want:       []policy.Condition{ip("NotIpAddress", "203.0.113.0/24")},
		},
		{
			Name:       "IfExists form also denies requests without the key",
			Statements: `{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"NotIpAddressIfExists":{"aws:SourceIp":"203.0.113.0/24"}}}`,
			Want:       []policy.Condition{ip("NotIpAddressIfExists", "203.0.113.0/24")},
		},
		{
			Name:       "deny from outside a VPC endpoint",
			Statements: `{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"StringNotEquals":{"aws:SourceVpce":"vpce-1a2b3c4d"}}}`,
			Want:       []policy.Condition{{Operator: "StringNotEquals", Key: "aws:SourceVpce", Values: []policy.Value{policy.Known("vpce-1a2b3c4d")}}},
		},
		{
			Name:       "positive test in a deny denies the permitted site",
			Statements: `{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}}`,
		},
		{
			Name:       "another condition narrows the deny",
			Statements: `{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"NotIpAddress":{"aws:SourceIp":"203.0.113.0/24"},"StringEquals":{"aws:RequestedRegion":"us-east-1"}}}`,
		},
		{
			Name:       "deny of one service is no restriction",
			Statements: `{"Effect":"Deny","Action":"ec2:*","Resource":"*","Condition":{"NotIpAddress":{"aws:SourceIp":"203.0.113.0/24"}}}`,
		},
		{
			Name:       "allow with a negated test is not a deny",
			Statements: `{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"NotIpAddress":{"aws:SourceIp":"203.0.113.0/24"}}}`,
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			got := enforcementDoc(t, tc.Statements).SourceDenials()
			if diff := cmp.Diff(tc.Want, got); diff != "" {
				t.Errorf("SourceDenials() (-want +got):\n%s", diff)
			}
		})
	}
}

func TestHasUnknownCondition(t *testing.T) {
	u := &policy.Unknowns{}
	unknownKey := u.New("")
	cases := []struct {
		Name      string
		Statement string
		Want      bool
	}{
		{Name: "no condition", Statement: `{"Effect":"Allow","Action":"*","Resource":"*"}`, Want: false},
		{Name: "known keys", Statement: `{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}`, Want: false},
		{Name: "key from a placeholder", Statement: `{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Bool":{"` + unknownKey + `":"true"}}}`, Want: true},
		{Name: "operator from a placeholder", Statement: `{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"` + unknownKey + `":{"aws:SourceIp":"203.0.113.0/24"}}}`, Want: true},
		{Name: "key without a service", Statement: `{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Unknown":{"unknown":[]}}}`, Want: true},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			d, err := policy.Parse(`{"Statement":[`+tc.Statement+`]}`, u)
			if err != nil {
				t.Fatal(err)
			}
			if got := d.Statements[0].HasUnknownCondition(); got != tc.Want {
				t.Errorf("HasUnknownCondition() = %v, want %v", got, tc.Want)
			}
		})
	}
}
