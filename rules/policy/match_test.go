package policy_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/policy"
)

// statement parses one statement written as JSON.
func statement(t *testing.T, text string) policy.Statement {
	t.Helper()
	d, err := policy.Parse(`{"Statement":[`+text+`]}`, nil)
	if err != nil {
		t.Fatalf("Parse(%s): %v", text, err)
	}
	return d.Statements[0]
}

// document parses a list of statements written as JSON.
func document(t *testing.T, statements string) *policy.Document {
	t.Helper()
	d, err := policy.Parse(`{"Statement":[`+statements+`]}`, nil)
	if err != nil {
		t.Fatalf("Parse(%s): %v", statements, err)
	}
	return d
}

func TestMatch(t *testing.T) {
	cases := []struct {
		Name       string
		Pattern, S string
		Fold       bool
		Want       bool
	}{
		{Name: "star matches anything", Pattern: "*", S: "s3:GetObject", Want: true},
		{Name: "star matches the empty string", Pattern: "*", S: "", Want: true},
		{Name: "empty pattern matches the empty string", Pattern: "", S: "", Want: true},
		{Name: "empty pattern matches nothing else", Pattern: "", S: "a", Want: false},
		{Name: "literal does not match the empty string", Pattern: "a", S: "", Want: false},
		{Name: "literal matches itself", Pattern: "s3:GetObject", S: "s3:GetObject", Want: true},
		{Name: "literal does not match a prefix of itself", Pattern: "s3:GetObject", S: "s3:Get", Want: false},
		{Name: "literal does not match a longer string", Pattern: "s3:Get", S: "s3:GetObject", Want: false},
		{Name: "trailing star matches a prefix", Pattern: "s3:Get*", S: "s3:GetObject", Want: true},
		{Name: "trailing star matches nothing after the prefix", Pattern: "s3:Get*", S: "s3:Get", Want: true},
		{Name: "trailing star needs the prefix", Pattern: "s3:Get*", S: "s3:PutObject", Want: false},
		{Name: "leading star matches a suffix", Pattern: "*Object", S: "s3:GetObject", Want: true},
		{Name: "question mark matches one character", Pattern: "s3:?etObject", S: "s3:GetObject", Want: true},
		{Name: "question mark needs a character", Pattern: "?", S: "", Want: false},
		{Name: "question mark matches only one character", Pattern: "?", S: "ab", Want: false},
		{Name: "star then question mark needs one character", Pattern: "*?", S: "", Want: false},
		{Name: "star then question mark matches one character", Pattern: "*?", S: "a", Want: true},
		{Name: "several stars", Pattern: "s3:*Object*", S: "s3:GetObjectAcl", Want: true},
		{Name: "adjacent stars", Pattern: "**", S: "x", Want: true},
		{Name: "stars around every part backtrack", Pattern: "a*b*c", S: "axxbyyc", Want: true},
		{Name: "stars with a missing last part", Pattern: "a*b*c", S: "axxbyy", Want: false},
		{Name: "stars with parts out of order", Pattern: "a*b*c", S: "acb", Want: false},
		{Name: "star backtracks past a false start", Pattern: "a*ab", S: "aaab", Want: true},
		{Name: "leading star backtracks over repeats", Pattern: "*aab", S: "aaaab", Want: true},
		{Name: "star backtracks to the last occurrence", Pattern: "*b*c", S: "abcbc", Want: true},
		{Name: "resource ARN with star", Pattern: "arn:aws:s3:::bucket/*", S: "arn:aws:s3:::bucket/key/deep", Want: true},
		{Name: "resource ARN of another bucket", Pattern: "arn:aws:s3:::bucket/*", S: "arn:aws:s3:::bucket2/key", Want: false},
		{Name: "folding compares actions case-insensitively", Pattern: "S3:getobject", S: "s3:GetObject", Fold: true, Want: true},
		{Name: "folding applies to wildcards too", Pattern: "IAM:Create*", S: "iam:createuser", Fold: true, Want: true},
		{Name: "without folding case matters", Pattern: "S3:getobject", S: "s3:GetObject", Want: false},
		{Name: "without folding resources compare exactly", Pattern: "arn:aws:s3:::Bucket/*", S: "arn:aws:s3:::bucket/x", Want: false},
		{
			Name: "star matches a string starting with a star", Pattern: "*", S: "*x", Want: true,
		},
		{
			Name: "star in a pattern matches a star in a longer string", Pattern: "iam:*", S: "iam:*User", Want: true,
		},
		{
			Name: "question mark matches one non-ASCII character", Pattern: "b?cket", S: "bécket", Want: true,
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			if got := policy.Match(tc.Pattern, tc.S, tc.Fold); got != tc.Want {
				t.Errorf("Match(%q, %q, %v) = %v, want %v", tc.Pattern, tc.S, tc.Fold, got, tc.Want)
			}
		})
	}
}

func TestEffect(t *testing.T) {
	cases := []struct {
		Name             string
		Statement        policy.Statement
		WantAllow, WantD bool
	}{
		{Name: "allow", Statement: policy.Statement{Effect: policy.Allow}, WantAllow: true},
		{Name: "deny", Statement: policy.Statement{Effect: policy.Deny}, WantD: true},
		{Name: "unknown effect is neither", Statement: policy.Statement{}},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			if got := tc.Statement.IsAllow(); got != tc.WantAllow {
				t.Errorf("IsAllow = %v, want %v", got, tc.WantAllow)
			}
			if got := tc.Statement.IsDeny(); got != tc.WantD {
				t.Errorf("IsDeny = %v, want %v", got, tc.WantD)
			}
		})
	}
}

func TestPrivilege(t *testing.T) {
	cases := []struct {
		Name        string
		Statement   string
		Want        policy.Privilege
		WantPattern string
	}{
		{Name: "every action on every resource is full admin", Statement: `{"Effect":"Allow","Action":"*","Resource":"*"}`, Want: policy.FullAdmin, WantPattern: "*"},
		{Name: "star among other actions is full admin", Statement: `{"Effect":"Allow","Action":["s3:GetObject","iam:*","*"],"Resource":"*"}`, Want: policy.FullAdmin, WantPattern: "*"},
		{Name: "star among other resources is on every resource", Statement: `{"Effect":"Allow","Action":"*","Resource":["arn:aws:s3:::b","*"]}`, Want: policy.FullAdmin, WantPattern: "*"},
		{Name: "every action of one service is service admin", Statement: `{"Effect":"Allow","Action":"s3:*","Resource":"*"}`, Want: policy.ServiceAdmin, WantPattern: "s3:*"},
		{Name: "service admin names the first service", Statement: `{"Effect":"Allow","Action":["s3:GetObject","iam:*","ec2:*"],"Resource":"*"}`, Want: policy.ServiceAdmin, WantPattern: "iam:*"},
		{Name: "service prefix in capitals is service admin", Statement: `{"Effect":"Allow","Action":"IAM:*","Resource":"*"}`, Want: policy.ServiceAdmin, WantPattern: "IAM:*"},
		{Name: "action prefix with a star is not privileged", Statement: `{"Effect":"Allow","Action":"s3:Get*","Resource":"*"}`, Want: policy.NotPrivileged},
		{Name: "service pattern with a wildcard service is not service admin", Statement: `{"Effect":"Allow","Action":"s?:*","Resource":"*"}`, Want: policy.NotPrivileged},
		{Name: "named actions are not privileged", Statement: `{"Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":"*"}`, Want: policy.NotPrivileged},
		{Name: "NotAction on every resource is broad admin", Statement: `{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}`, Want: policy.BroadAdmin, WantPattern: "NotAction"},
		{Name: "NotAction with several actions is broad admin", Statement: `{"Effect":"Allow","NotAction":["iam:*","organizations:*"],"Resource":"*"}`, Want: policy.BroadAdmin, WantPattern: "NotAction"},
		{Name: "NotAction on a named resource is not privileged", Statement: `{"Effect":"Allow","NotAction":"iam:*","Resource":"arn:aws:s3:::b"}`, Want: policy.NotPrivileged},
		{
			Name: "NotAction of every action grants nothing", Statement: `{"Effect":"Allow","NotAction":"*","Resource":"*"}`, Want: policy.NotPrivileged,
		},
		{Name: "deny of everything is not privileged", Statement: `{"Effect":"Deny","Action":"*","Resource":"*"}`, Want: policy.NotPrivileged},
		{Name: "unknown effect is not privileged", Statement: `{"Effect":null,"Action":"*","Resource":"*"}`, Want: policy.NotPrivileged},
		{Name: "every action on a named resource is not privileged", Statement: `{"Effect":"Allow","Action":"*","Resource":"arn:aws:s3:::b/*"}`, Want: policy.NotPrivileged},
		{Name: "resource pattern other than star is not every resource", Statement: `{"Effect":"Allow","Action":"*","Resource":"arn:aws:*"}`, Want: policy.NotPrivileged},
		{Name: "NotResource is not every resource", Statement: `{"Effect":"Allow","Action":"*","NotResource":"arn:aws:s3:::b"}`, Want: policy.NotPrivileged},
		{Name: "NotResource beside Resource star is not every resource", Statement: `{"Effect":"Allow","Action":"*","Resource":"*","NotResource":"arn:aws:s3:::b"}`, Want: policy.NotPrivileged},
		{Name: "missing Resource is not every resource", Statement: `{"Effect":"Allow","Action":"*"}`, Want: policy.NotPrivileged},
		{Name: "unknown resource is not every resource", Statement: `{"Effect":"Allow","Action":"*","Resource":null}`, Want: policy.NotPrivileged},
		{Name: "unknown action is not privileged", Statement: `{"Effect":"Allow","Action":null,"Resource":"*"}`, Want: policy.NotPrivileged},
		{Name: "unknown action beside star is full admin", Statement: `{"Effect":"Allow","Action":[null,"*"],"Resource":"*"}`, Want: policy.FullAdmin, WantPattern: "*"},
		{Name: "condition does not lower the privilege", Statement: `{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}`, Want: policy.FullAdmin, WantPattern: "*"},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			got, pattern := statement(t, tc.Statement).Privilege()
			if got != tc.Want || pattern != tc.WantPattern {
				t.Errorf("Privilege = %v, %q; want %v, %q", got, pattern, tc.Want, tc.WantPattern)
			}
		})
	}
}

func TestRequiresMFA(t *testing.T) {
	cases := []struct {
		Name      string
		Condition string
		Want      bool
	}{
		{Name: "Bool MultiFactorAuthPresent true", Condition: `{"Bool":{"aws:MultiFactorAuthPresent":"true"}}`, Want: true},
		{Name: "Bool with a JSON true", Condition: `{"Bool":{"aws:MultiFactorAuthPresent":true}}`, Want: true},
		{Name: "Bool with a capitalised True", Condition: `{"Bool":{"aws:MultiFactorAuthPresent":"True"}}`, Want: true},
		{Name: "condition key is case-insensitive", Condition: `{"Bool":{"AWS:multifactorauthpresent":"true"}}`, Want: true},
		{Name: "BoolIfExists true lets sessions without the key through", Condition: `{"BoolIfExists":{"aws:MultiFactorAuthPresent":"true"}}`, Want: false},
		{Name: "Bool false", Condition: `{"Bool":{"aws:MultiFactorAuthPresent":"false"}}`, Want: false},
		{Name: "Bool with an unknown value", Condition: `{"Bool":{"aws:MultiFactorAuthPresent":null}}`, Want: false},
		{
			Name: "Bool true or false matches sessions without MFA", Condition: `{"Bool":{"aws:MultiFactorAuthPresent":["true","false"]}}`, Want: false,
		},
		{Name: "MultiFactorAuthAge NumericLessThan", Condition: `{"NumericLessThan":{"aws:MultiFactorAuthAge":"3600"}}`, Want: true},
		{Name: "MultiFactorAuthAge NumericLessThanEquals", Condition: `{"NumericLessThanEquals":{"aws:MultiFactorAuthAge":3600}}`, Want: true},
		{Name: "MultiFactorAuthAge with an unknown bound", Condition: `{"NumericLessThan":{"aws:MultiFactorAuthAge":null}}`, Want: true},
		{Name: "MultiFactorAuthAge NumericLessThanIfExists", Condition: `{"NumericLessThanIfExists":{"aws:MultiFactorAuthAge":"3600"}}`, Want: false},
		{Name: "MultiFactorAuthAge NumericGreaterThan", Condition: `{"NumericGreaterThan":{"aws:MultiFactorAuthAge":"3600"}}`, Want: false},
		{Name: "other Bool key", Condition: `{"Bool":{"aws:SecureTransport":"true"}}`, Want: false},
		{Name: "no condition", Condition: `{}`, Want: false},
		{Name: "MFA among other conditions", Condition: `{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"},"Bool":{"aws:SecureTransport":"true","aws:MultiFactorAuthPresent":"true"}}`, Want: true},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			st := statement(t, `{"Effect":"Allow","Action":"*","Resource":"*","Condition":`+tc.Condition+`}`)
			if got := st.RequiresMFA(); got != tc.Want {
				t.Errorf("RequiresMFA = %v, want %v", got, tc.Want)
			}
		})
	}
}

func TestDeniesWithoutMFA(t *testing.T) {
	cases := []struct {
		Name       string
		Statements string
		Want       bool
	}{
		{
			Name:       "Deny with BoolIfExists false",
			Statements: `{"Effect":"Deny","NotAction":["iam:ChangePassword"],"Resource":"*","Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}}`,
			Want:       true,
		},
		{
			Name:       "Deny with Bool false",
			Statements: `{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":false}}}`,
			Want:       true,
		},
		{
			Name:       "Deny with Null MultiFactorAuthAge true",
			Statements: `{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"Null":{"aws:MultiFactorAuthAge":"true"}}}`,
			Want:       true,
		},
		{
			Name:       "Deny with key and operator in other cases",
			Statements: `{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"boolifexists":{"AWS:MultiFactorAuthPresent":"FALSE"}}}`,
			Want:       true,
		},
		{
			Name:       "Deny as the second statement",
			Statements: `{"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}}`,
			Want:       true,
		},
		{
			Name:       "Allow with BoolIfExists false does not deny",
			Statements: `{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}}`,
			Want:       false,
		},
		{
			Name:       "unknown effect does not deny",
			Statements: `{"Effect":null,"Action":"*","Resource":"*","Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}}`,
			Want:       false,
		},
		{
			Name:       "Deny with MFA present true denies sessions with MFA",
			Statements: `{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"true"}}}`,
			Want:       false,
		},
		{
			Name:       "Deny with Null MultiFactorAuthAge false",
			Statements: `{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"Null":{"aws:MultiFactorAuthAge":"false"}}}`,
			Want:       false,
		},
		{
			Name:       "Deny with Null on another key",
			Statements: `{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"Null":{"aws:MultiFactorAuthPresent":"true"}}}`,
			Want:       false,
		},
		{
			Name:       "Deny without condition",
			Statements: `{"Effect":"Deny","Action":"s3:DeleteBucket","Resource":"*"}`,
			Want:       false,
		},
		{
			Name:       "empty document",
			Statements: ``,
			Want:       false,
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			if got := document(t, tc.Statements).DeniesWithoutMFA(); got != tc.Want {
				t.Errorf("DeniesWithoutMFA = %v, want %v", got, tc.Want)
			}
		})
	}
}

func TestSourceConditions(t *testing.T) {
	cases := []struct {
		Name      string
		Condition string
		Want      []policy.Condition
	}{
		{
			Name:      "IpAddress on SourceIp",
			Condition: `{"IpAddress":{"aws:SourceIp":["203.0.113.0/24","198.51.100.0/24"]}}`,
			Want:      []policy.Condition{{Operator: "IpAddress", Key: "aws:SourceIp", Values: known("203.0.113.0/24", "198.51.100.0/24")}},
		},
		{
			Name:      "StringEquals on SourceVpce",
			Condition: `{"StringEquals":{"aws:SourceVpce":"vpce-1a2b3c4d"}}`,
			Want:      []policy.Condition{{Operator: "StringEquals", Key: "aws:SourceVpce", Values: known("vpce-1a2b3c4d")}},
		},
		{
			Name:      "StringLike on SourceVpc",
			Condition: `{"StringLike":{"aws:SourceVpc":"vpc-*"}}`,
			Want:      []policy.Condition{{Operator: "StringLike", Key: "aws:SourceVpc", Values: known("vpc-*")}},
		},
		{
			Name:      "key is case-insensitive",
			Condition: `{"IpAddress":{"AWS:SOURCEIP":"10.0.0.0/8"}}`,
			Want:      []policy.Condition{{Operator: "IpAddress", Key: "AWS:SOURCEIP", Values: known("10.0.0.0/8")}},
		},
		{
			Name:      "several source conditions in condition order",
			Condition: `{"StringEquals":{"aws:SourceVpce":"vpce-1"},"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}`,
			Want: []policy.Condition{
				{Operator: "IpAddress", Key: "aws:SourceIp", Values: known("10.0.0.0/8")},
				{Operator: "StringEquals", Key: "aws:SourceVpce", Values: known("vpce-1")},
			},
		},
		{
			Name:      "unknown value still restricts",
			Condition: `{"StringEquals":{"aws:SourceVpce":null}}`,
			Want:      []policy.Condition{{Operator: "StringEquals", Key: "aws:SourceVpce", Values: []policy.Value{policy.Unknown}}},
		},
		{Name: "NotIpAddress is not a positive test", Condition: `{"NotIpAddress":{"aws:SourceIp":"10.0.0.0/8"}}`},
		{Name: "StringNotEquals is not a positive test", Condition: `{"StringNotEquals":{"aws:SourceVpce":"vpce-1"}}`},
		{Name: "IpAddressIfExists lets requests without the key through", Condition: `{"IpAddressIfExists":{"aws:SourceIp":"10.0.0.0/8"}}`},
		{Name: "StringEqualsIfExists lets requests without the key through", Condition: `{"StringEqualsIfExists":{"aws:SourceVpce":"vpce-1"}}`},
		{Name: "other keys are not source conditions", Condition: `{"StringEquals":{"aws:PrincipalOrgID":"o-1"},"Bool":{"aws:SecureTransport":"true"}}`},
		{Name: "no condition", Condition: `{}`},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			st := statement(t, `{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":`+tc.Condition+`}`)
			if diff := cmp.Diff(tc.Want, st.SourceConditions()); diff != "" {
				t.Errorf("SourceConditions mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestHasCondition(t *testing.T) {
	cases := []struct {
		Name      string
		Condition string
		Keys      []string
		Want      bool
	}{
		{Name: "StringEquals on the key", Condition: `{"StringEquals":{"aws:PrincipalOrgID":"o-1"}}`, Keys: []string{"aws:PrincipalOrgID"}, Want: true},
		{Name: "key is case-insensitive", Condition: `{"StringEquals":{"aws:principalorgid":"o-1"}}`, Keys: []string{"aws:PrincipalOrgID"}, Want: true},
		{Name: "one of several keys", Condition: `{"StringLike":{"sts:ExternalId":"x"}}`, Keys: []string{"aws:PrincipalOrgID", "sts:ExternalId"}, Want: true},
		{Name: "IfExists form is skipped", Condition: `{"StringEqualsIfExists":{"aws:PrincipalOrgID":"o-1"}}`, Keys: []string{"aws:PrincipalOrgID"}, Want: false},
		{Name: "IfExists in other case is skipped", Condition: `{"stringequalsIFEXISTS":{"aws:PrincipalOrgID":"o-1"}}`, Keys: []string{"aws:PrincipalOrgID"}, Want: false},
		{Name: "Null is skipped", Condition: `{"Null":{"aws:PrincipalOrgID":"false"}}`, Keys: []string{"aws:PrincipalOrgID"}, Want: false},
		{Name: "other key", Condition: `{"StringEquals":{"aws:SourceAccount":"123456789012"}}`, Keys: []string{"aws:PrincipalOrgID"}, Want: false},
		{Name: "skipped form beside a counted one", Condition: `{"Null":{"k":"false"},"StringEquals":{"k":"v"}}`, Keys: []string{"k"}, Want: true},
		{Name: "no keys asked", Condition: `{"StringEquals":{"k":"v"}}`, Want: false},
		{Name: "no condition", Condition: `{}`, Keys: []string{"k"}, Want: false},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			st := statement(t, `{"Effect":"Allow","Condition":`+tc.Condition+`}`)
			if got := st.HasCondition(tc.Keys...); got != tc.Want {
				t.Errorf("HasCondition(%q) = %v, want %v", tc.Keys, got, tc.Want)
			}
		})
	}
}

func TestIsPublic(t *testing.T) {
	cases := []struct {
		Name      string
		Statement policy.Statement
		Want      bool
	}{
		{Name: "principal star", Statement: policy.Statement{Principals: []policy.Principal{principal("*", "*")}}, Want: true},
		{Name: "AWS principal star", Statement: policy.Statement{Principals: []policy.Principal{principal("AWS", "*")}}, Want: true},
		{Name: "star among accounts", Statement: policy.Statement{Principals: []policy.Principal{principal("AWS", "123456789012"), principal("AWS", "*")}}, Want: true},
		{Name: "account", Statement: policy.Statement{Principals: []policy.Principal{principal("AWS", "123456789012")}}, Want: false},
		{Name: "service", Statement: policy.Statement{Principals: []policy.Principal{principal("Service", "cloudtrail.amazonaws.com")}}, Want: false},
		{Name: "unknown principal", Statement: policy.Statement{Principals: []policy.Principal{{Type: "*", ID: policy.Unknown}}}, Want: false},
		{Name: "unknown AWS principal", Statement: policy.Statement{Principals: []policy.Principal{{Type: "AWS", ID: policy.Value{Ref: "aws_iam_user"}}}}, Want: false},
		{Name: "NotPrincipal star is not a public principal", Statement: policy.Statement{NotPrincipals: []policy.Principal{principal("*", "*")}}, Want: false},
		{Name: "no principal", Statement: policy.Statement{}, Want: false},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			if got := tc.Statement.IsPublic(); got != tc.Want {
				t.Errorf("IsPublic = %v, want %v", got, tc.Want)
			}
		})
	}
}

func TestPrincipalKind(t *testing.T) {
	cases := []struct {
		Name      string
		Principal policy.Principal
		Want      policy.PrincipalKind
	}{
		{Name: "account ID is a person", Principal: principal("AWS", "123456789012"), Want: policy.Person},
		{Name: "account root ARN is a person", Principal: principal("AWS", "arn:aws:iam::123456789012:root"), Want: policy.Person},
		{Name: "root ARN of another partition is a person", Principal: principal("AWS", "arn:aws-us-gov:iam::123456789012:root"), Want: policy.Person},
		{Name: "user ARN is a person", Principal: principal("AWS", "arn:aws:iam::123456789012:user/alice"), Want: policy.Person},
		{Name: "user ARN with a path is a person", Principal: principal("AWS", "arn:aws:iam::123456789012:user/staff/alice"), Want: policy.Person},
		{Name: "AWS star is a person", Principal: principal("AWS", "*"), Want: policy.Person},
		{Name: "bare star is a person", Principal: principal("*", "*"), Want: policy.Person},
		{Name: "role ARN is a machine", Principal: principal("AWS", "arn:aws:iam::123456789012:role/app"), Want: policy.Machine},
		{Name: "assumed-role ARN is a machine", Principal: principal("AWS", "arn:aws:sts::123456789012:assumed-role/app/session"), Want: policy.Machine},
		{Name: "eleven digits are not an account", Principal: principal("AWS", "12345678901"), Want: policy.Machine},
		{Name: "service is a machine", Principal: principal("Service", "ec2.amazonaws.com"), Want: policy.Machine},
		{Name: "unknown service is a machine", Principal: policy.Principal{Type: "Service", ID: policy.Unknown}, Want: policy.Machine},
		{Name: "SAML provider is federated", Principal: principal("Federated", "arn:aws:iam::123456789012:saml-provider/idp"), Want: policy.Federated},
		{Name: "web identity provider is federated", Principal: principal("Federated", "cognito-identity.amazonaws.com"), Want: policy.Federated},
		{Name: "unknown federated principal is federated", Principal: policy.Principal{Type: "Federated", ID: policy.Unknown}, Want: policy.Federated},
		{Name: "unknown AWS principal from a user is a person", Principal: policy.Principal{Type: "AWS", ID: policy.Value{Ref: "aws_iam_user"}}, Want: policy.Person},
		{Name: "unknown AWS principal from a role is a machine", Principal: policy.Principal{Type: "AWS", ID: policy.Value{Ref: "aws_iam_role"}}, Want: policy.Machine},
		{Name: "unknown AWS principal from elsewhere is unknown", Principal: policy.Principal{Type: "AWS", ID: policy.Value{Ref: "aws_iam_group"}}, Want: policy.UnknownKind},
		{Name: "unknown AWS principal without reference is unknown", Principal: policy.Principal{Type: "AWS", ID: policy.Unknown}, Want: policy.UnknownKind},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			if got := tc.Principal.Kind(); got != tc.Want {
				t.Errorf("Kind(%+v) = %v, want %v", tc.Principal, got, tc.Want)
			}
		})
	}
}

func TestPrincipalKindFromTrustPolicy(t *testing.T) {
	st := statement(t, `{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{
		"Service":"lambda.amazonaws.com",
		"AWS":["arn:aws:iam::123456789012:user/alice","arn:aws:iam::123456789012:role/ci"],
		"Federated":"arn:aws:iam::123456789012:saml-provider/idp"}}`)
	var got []policy.PrincipalKind
	for _, p := range st.Principals {
		got = append(got, p.Kind())
	}
	want := []policy.PrincipalKind{policy.Person, policy.Machine, policy.Federated, policy.Machine}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("kinds mismatch (-want +got):\n%s", diff)
	}
}

func TestAllows(t *testing.T) {
	cases := []struct {
		Name      string
		Statement policy.Statement
		Action    string
		Want      bool
	}{
		{Name: "named action", Statement: policy.Statement{Effect: policy.Allow, Actions: known("iam:CreateUser")}, Action: "iam:CreateUser", Want: true},
		{Name: "action compares case-insensitively", Statement: policy.Statement{Effect: policy.Allow, Actions: known("IAM:createuser")}, Action: "iam:CreateUser", Want: true},
		{Name: "service wildcard", Statement: policy.Statement{Effect: policy.Allow, Actions: known("s3:GetObject", "iam:*")}, Action: "iam:CreateUser", Want: true},
		{Name: "prefix wildcard", Statement: policy.Statement{Effect: policy.Allow, Actions: known("iam:Create*")}, Action: "iam:CreateUser", Want: true},
		{Name: "star", Statement: policy.Statement{Effect: policy.Allow, Actions: known("*")}, Action: "iam:CreateUser", Want: true},
		{Name: "other service", Statement: policy.Statement{Effect: policy.Allow, Actions: known("s3:*")}, Action: "iam:CreateUser", Want: false},
		{Name: "unknown action is not certain", Statement: policy.Statement{Effect: policy.Allow, Actions: []policy.Value{policy.Unknown}}, Action: "iam:CreateUser", Want: false},
		{Name: "unknown beside a match", Statement: policy.Statement{Effect: policy.Allow, Actions: []policy.Value{policy.Unknown, policy.Known("iam:*")}}, Action: "iam:CreateUser", Want: true},
		{Name: "deny does not allow", Statement: policy.Statement{Effect: policy.Deny, Actions: known("*")}, Action: "iam:CreateUser", Want: false},
		{Name: "unknown effect does not certainly allow", Statement: policy.Statement{Actions: known("*")}, Action: "iam:CreateUser", Want: false},
		{Name: "no actions", Statement: policy.Statement{Effect: policy.Allow}, Action: "iam:CreateUser", Want: false},
		{Name: "NotAction of another service", Statement: policy.Statement{Effect: policy.Allow, NotActions: known("s3:*")}, Action: "iam:CreateUser", Want: true},
		{Name: "NotAction of the action", Statement: policy.Statement{Effect: policy.Allow, NotActions: known("s3:*", "iam:*")}, Action: "iam:CreateUser", Want: false},
		{Name: "NotAction compares case-insensitively", Statement: policy.Statement{Effect: policy.Allow, NotActions: known("IAM:CREATEUSER")}, Action: "iam:CreateUser", Want: false},
		{Name: "unknown NotAction may exclude the action", Statement: policy.Statement{Effect: policy.Allow, NotActions: []policy.Value{policy.Known("s3:*"), policy.Unknown}}, Action: "iam:CreateUser", Want: false},
		{Name: "NotAction in a deny does not allow", Statement: policy.Statement{Effect: policy.Deny, NotActions: known("s3:*")}, Action: "iam:CreateUser", Want: false},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			if got := tc.Statement.Allows(tc.Action); got != tc.Want {
				t.Errorf("Allows(%q) = %v, want %v", tc.Action, got, tc.Want)
			}
		})
	}
}
