package policy_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/policy"
)

// known returns known values.
func known(ss ...string) []policy.Value {
	out := make([]policy.Value, 0, len(ss))
	for _, s := range ss {
		out = append(out, policy.Known(s))
	}
	return out
}

// principal returns a principal with a known ID.
func principal(typ, id string) policy.Principal {
	return policy.Principal{Type: typ, ID: policy.Known(id)}
}

// doc wraps statements in a document.
func doc(sts ...policy.Statement) *policy.Document {
	return &policy.Document{Statements: sts}
}

func TestParse(t *testing.T) {
	cases := []struct {
		Name string
		Text string
		Want *policy.Document
	}{
		{
			Name: "statement written as one object",
			Text: `{"Version":"2012-10-17","Statement":{"Sid":"All","Effect":"Allow","Action":"*","Resource":"*"}}`,
			Want: doc(policy.Statement{Sid: "All", Effect: policy.Allow, Actions: known("*"), Resources: known("*")}),
		},
		{
			Name: "statement written as a list keeps the order",
			Text: `{"Statement":[
				{"Effect":"Deny","Action":"s3:DeleteBucket","Resource":"*"},
				{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}`,
			Want: doc(
				policy.Statement{Effect: policy.Deny, Actions: known("s3:DeleteBucket"), Resources: known("*")},
				policy.Statement{Effect: policy.Allow, Actions: known("s3:GetObject"), Resources: known("arn:aws:s3:::b/*")},
			),
		},
		{
			Name: "empty statement list is an empty document",
			Text: `{"Statement":[]}`,
			Want: doc(),
		},
		{
			Name: "string-or-list elements read the same way",
			Text: `{"Statement":{"Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"NotAction":"iam:*",
				"Resource":["arn:aws:s3:::a","arn:aws:s3:::b"],"NotResource":"arn:aws:s3:::c"}}`,
			Want: doc(policy.Statement{
				Effect:       policy.Allow,
				Actions:      known("s3:GetObject", "s3:PutObject"),
				NotActions:   known("iam:*"),
				Resources:    known("arn:aws:s3:::a", "arn:aws:s3:::b"),
				NotResources: known("arn:aws:s3:::c"),
			}),
		},
		{
			Name: "empty action list is an empty, not a missing, element",
			Text: `{"Statement":{"Effect":"Allow","Action":[]}}`,
			Want: doc(policy.Statement{Effect: policy.Allow, Actions: []policy.Value{}}),
		},
		{
			Name: "principal star is anyone",
			Text: `{"Statement":{"Effect":"Allow","Principal":"*","Action":"s3:GetObject"}}`,
			Want: doc(policy.Statement{Effect: policy.Allow, Principals: []policy.Principal{principal("*", "*")}, Actions: known("s3:GetObject")}),
		},
		{
			Name: "AWS principal star keeps its type",
			Text: `{"Statement":{"Effect":"Allow","Principal":{"AWS":"*"}}}`,
			Want: doc(policy.Statement{Effect: policy.Allow, Principals: []policy.Principal{principal("AWS", "*")}}),
		},
		{
			Name: "principals of several types are sorted by type, IDs keep their order",
			Text: `{"Statement":{"Effect":"Allow","Principal":{
				"Service":"ec2.amazonaws.com",
				"AWS":["arn:aws:iam::123456789012:root","123456789012"],
				"Federated":"arn:aws:iam::123456789012:saml-provider/idp"}}}`,
			Want: doc(policy.Statement{Effect: policy.Allow, Principals: []policy.Principal{
				principal("AWS", "arn:aws:iam::123456789012:root"),
				principal("AWS", "123456789012"),
				principal("Federated", "arn:aws:iam::123456789012:saml-provider/idp"),
				principal("Service", "ec2.amazonaws.com"),
			}}),
		},
		{
			Name: "NotPrincipal reads like Principal",
			Text: `{"Statement":{"Effect":"Deny","NotPrincipal":{"AWS":"arn:aws:iam::123456789012:role/admin"},"Action":"*","Resource":"*"}}`,
			Want: doc(policy.Statement{
				Effect:        policy.Deny,
				NotPrincipals: []policy.Principal{principal("AWS", "arn:aws:iam::123456789012:role/admin")},
				Actions:       known("*"),
				Resources:     known("*"),
			}),
		},
		{
			Name: "empty principal object has no principals",
			Text: `{"Statement":{"Effect":"Allow","Principal":{}}}`,
			Want: doc(policy.Statement{Effect: policy.Allow}),
		},
		{
			Name: "conditions are sorted by operator then key; values may be string, list, bool or number",
			Text: `{"Statement":{"Effect":"Allow","Condition":{
				"StringEquals":{"aws:SourceVpce":"vpce-1","aws:PrincipalOrgID":["o-1","o-2"]},
				"NumericLessThan":{"aws:MultiFactorAuthAge":3600},
				"Bool":{"aws:SecureTransport":false,"aws:MultiFactorAuthPresent":true},
				"IpAddress":{"aws:SourceIp":["10.0.0.0/8",1.5]}}}}`,
			Want: doc(policy.Statement{Effect: policy.Allow, Conditions: []policy.Condition{
				{Operator: "Bool", Key: "aws:MultiFactorAuthPresent", Values: known("true")},
				{Operator: "Bool", Key: "aws:SecureTransport", Values: known("false")},
				{Operator: "IpAddress", Key: "aws:SourceIp", Values: known("10.0.0.0/8", "1.5")},
				{Operator: "NumericLessThan", Key: "aws:MultiFactorAuthAge", Values: known("3600")},
				{Operator: "StringEquals", Key: "aws:PrincipalOrgID", Values: known("o-1", "o-2")},
				{Operator: "StringEquals", Key: "aws:SourceVpce", Values: known("vpce-1")},
			}}),
		},
		{
			Name: "null condition value is unknown",
			Text: `{"Statement":{"Effect":"Allow","Condition":{"StringEquals":{"aws:SourceVpce":null}}}}`,
			Want: doc(policy.Statement{Effect: policy.Allow, Conditions: []policy.Condition{
				{Operator: "StringEquals", Key: "aws:SourceVpce", Values: []policy.Value{policy.Unknown}},
			}}),
		},
		{
			Name: "Effect is case-insensitive",
			Text: `{"Statement":[{"Effect":"allow"},{"Effect":"DENY"}]}`,
			Want: doc(policy.Statement{Effect: policy.Allow}, policy.Statement{Effect: policy.Deny}),
		},
		{
			Name: "missing Effect reads as Allow",
			Text: `{"Statement":{"Action":"*","Resource":"*"}}`,
			Want: doc(policy.Statement{Effect: policy.Allow, Actions: known("*"), Resources: known("*")}),
		},
		{
			Name: "null Effect is unknown",
			Text: `{"Statement":{"Effect":null}}`,
			Want: doc(policy.Statement{Effect: ""}),
		},
		{
			Name: "element names are read case-insensitively",
			Text: `{"statement":{"effect":"Deny","action":"s3:*","resource":"*","condition":{"Bool":{"aws:SecureTransport":"false"}}}}`,
			Want: doc(policy.Statement{Effect: policy.Deny, Actions: known("s3:*"), Resources: known("*"), Conditions: []policy.Condition{
				{Operator: "Bool", Key: "aws:SecureTransport", Values: known("false")},
			}}),
		},
		{
			Name: "an exact element name wins over a case-folded one",
			Text: `{"Statement":{"Action":"exact","action":"folded"}}`,
			Want: doc(policy.Statement{Effect: policy.Allow, Actions: known("exact")}),
		},
		{
			Name: "element names differing only in case are read deterministically: the smallest spelling wins",
			Text: `{"Statement":{"action":"a","ACTION":"b","aCtIoN":"c","ActioN":"d"}}`,
			Want: doc(policy.Statement{Effect: policy.Allow, Actions: known("b")}),
		},
		{
			Name: "unknown elements are ignored",
			Text: `{"Version":"2012-10-17","Id":"x","Statement":{"Effect":"Allow","Extra":{"a":[1]}}}`,
			Want: doc(policy.Statement{Effect: policy.Allow}),
		},
		{
			Name: "whitespace after the document is allowed",
			Text: "{\"Statement\":[]}\n\t ",
			Want: doc(),
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			// Many rounds: a reading that depends on map order shows here.
			for range 20 {
				got, err := policy.Parse(tc.Text, nil)
				if err != nil {
					t.Fatalf("Parse: %v", err)
				}
				if diff := cmp.Diff(tc.Want, got); diff != "" {
					t.Fatalf("Parse mismatch (-want +got):\n%s", diff)
				}
			}
		})
	}
}

func TestParseMalformed(t *testing.T) {
	cases := []struct {
		Name string
		Text string
	}{
		{Name: "empty text", Text: ``},
		{Name: "not JSON", Text: `Statement: Allow`},
		{Name: "truncated JSON", Text: `{"Statement":[{"Effect":"Allow"`},
		{Name: "trailing text after the document", Text: `{"Statement":[]} x`},
		{Name: "second document after the first", Text: `{"Statement":[]} {"Statement":[]}`},
		{
			Name: "trailing close bracket after the document",
			Text: `{"Statement":[]} ]`,
		},
		{
			Name: "trailing close brace after the document",
			Text: `{"Statement":[]}}`,
		},
		{Name: "document is a list", Text: `[{"Statement":[]}]`},
		{Name: "document is a string", Text: `"policy"`},
		{Name: "document is null", Text: `null`},
		{Name: "Statement missing", Text: `{"Version":"2012-10-17"}`},
		{Name: "Statement a string", Text: `{"Statement":"Allow everything"}`},
		{Name: "Statement null", Text: `{"Statement":null}`},
		{Name: "statement not an object", Text: `{"Statement":[{"Effect":"Allow"},"Deny"]}`},
		{Name: "statement a nested list", Text: `{"Statement":[[{"Effect":"Allow"}]]}`},
		{Name: "bad Effect", Text: `{"Statement":{"Effect":"Permit"}}`},
		{Name: "numeric Effect", Text: `{"Statement":{"Effect":1}}`},
		{Name: "Action an object", Text: `{"Statement":{"Action":{"s3":"*"}}}`},
		{Name: "Action holds an object", Text: `{"Statement":{"Action":["s3:*",{"a":1}]}}`},
		{Name: "Action a nested list", Text: `{"Statement":{"Action":["s3:*",["iam:*"]]}}`},
		{Name: "NotResource an object", Text: `{"Statement":{"NotResource":{}}}`},
		{Name: "Principal a list", Text: `{"Statement":{"Principal":["*"]}}`},
		{Name: "Principal a non-star string", Text: `{"Statement":{"Principal":"arn:aws:iam::123456789012:root"}}`},
		{Name: "Principal a number", Text: `{"Statement":{"Principal":123456789012}}`},
		{Name: "Principal ID an object", Text: `{"Statement":{"Principal":{"AWS":{"id":"1"}}}}`},
		{Name: "NotPrincipal a list", Text: `{"Statement":{"NotPrincipal":["*"]}}`},
		{Name: "Condition not an object", Text: `{"Statement":{"Condition":["Bool"]}}`},
		{Name: "Condition a string", Text: `{"Statement":{"Condition":"aws:SecureTransport"}}`},
		{Name: "operator value not an object", Text: `{"Statement":{"Condition":{"Bool":"aws:SecureTransport"}}}`},
		{Name: "operator value a list", Text: `{"Statement":{"Condition":{"Bool":[{"aws:SecureTransport":"true"}]}}}`},
		{Name: "condition value an object", Text: `{"Statement":{"Condition":{"Bool":{"aws:SecureTransport":{"v":true}}}}}`},
		{Name: "condition value a nested list", Text: `{"Statement":{"Condition":{"StringEquals":{"k":[["a"]]}}}}`},
		{Name: "error in a later statement", Text: `{"Statement":[{"Effect":"Allow"},{"Effect":"Allow"},{"Action":{}}]}`},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			got, err := policy.Parse(tc.Text, nil)
			if !errors.Is(err, policy.ErrMalformed) {
				t.Fatalf("Parse error = %v, want one wrapping ErrMalformed", err)
			}
			if got != nil {
				t.Errorf("Parse returned a document with an error: %s", got.Canonical())
			}
		})
	}
}

func TestParseErrorNamesStatement(t *testing.T) {
	_, err := policy.Parse(`{"Statement":[{"Effect":"Allow"},{"Action":{}}]}`, nil)
	if err == nil || !strings.Contains(err.Error(), "statement 2") {
		t.Errorf("error %v does not name statement 2", err)
	}
}

func TestUnknowns(t *testing.T) {
	cases := []struct {
		Name string
		// Build returns the tree to read, made around placeholders of u.
		Build func(u *policy.Unknowns) map[string]any
		Want  *policy.Document
	}{
		{
			Name: "placeholder resource reads as unknown with its reference",
			Build: func(u *policy.Unknowns) map[string]any {
				return map[string]any{"Statement": map[string]any{
					"Effect": "Allow", "Action": "s3:*", "Resource": u.New("aws_s3_bucket"),
				}}
			},
			Want: doc(policy.Statement{Effect: policy.Allow, Actions: known("s3:*"), Resources: []policy.Value{{Ref: "aws_s3_bucket"}}}),
		},
		{
			Name: "placeholder inside a longer string makes it unknown",
			Build: func(u *policy.Unknowns) map[string]any {
				return map[string]any{"Statement": map[string]any{
					"Effect": "Allow", "Resource": u.New("aws_s3_bucket") + "/*",
				}}
			},
			Want: doc(policy.Statement{Effect: policy.Allow, Resources: []policy.Value{{Ref: "aws_s3_bucket"}}}),
		},
		{
			Name: "placeholder principals keep user and role references apart",
			Build: func(u *policy.Unknowns) map[string]any {
				return map[string]any{"Statement": map[string]any{
					"Effect":    "Allow",
					"Principal": map[string]any{"AWS": []any{u.New("aws_iam_user"), u.New("aws_iam_role"), u.New("")}},
				}}
			},
			Want: doc(policy.Statement{Effect: policy.Allow, Principals: []policy.Principal{
				{Type: "AWS", ID: policy.Value{Ref: "aws_iam_user"}},
				{Type: "AWS", ID: policy.Value{Ref: "aws_iam_role"}},
				{Type: "AWS", ID: policy.Unknown},
			}}),
		},
		{
			Name: "placeholder Effect is unknown",
			Build: func(u *policy.Unknowns) map[string]any {
				return map[string]any{"Statement": map[string]any{"Effect": u.New("")}}
			},
			Want: doc(policy.Statement{Effect: ""}),
		},
		{
			Name: "placeholder principal in place of star is an unknown anyone",
			Build: func(u *policy.Unknowns) map[string]any {
				return map[string]any{"Statement": map[string]any{"Principal": u.New("")}}
			},
			Want: doc(policy.Statement{Effect: policy.Allow, Principals: []policy.Principal{{Type: "*", ID: policy.Unknown}}}),
		},
		{
			Name: "placeholder condition value is unknown",
			Build: func(u *policy.Unknowns) map[string]any {
				return map[string]any{"Statement": map[string]any{"Condition": map[string]any{
					"StringEquals": map[string]any{"aws:SourceVpce": u.New("aws_vpc_endpoint")},
				}}}
			},
			Want: doc(policy.Statement{Effect: policy.Allow, Conditions: []policy.Condition{
				{Operator: "StringEquals", Key: "aws:SourceVpce", Values: []policy.Value{{Ref: "aws_vpc_endpoint"}}},
			}}),
		},
		{
			Name: "string holding two placeholders takes the reference of the first",
			Build: func(u *policy.Unknowns) map[string]any {
				return map[string]any{"Statement": map[string]any{
					"Resource": u.New("aws_s3_bucket") + "/" + u.New("aws_iam_user"),
				}}
			},
			Want: doc(policy.Statement{Effect: policy.Allow, Resources: []policy.Value{{Ref: "aws_s3_bucket"}}}),
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			// Many rounds: a reading that depends on map order shows here.
			for range 50 {
				u := &policy.Unknowns{}
				tree := tc.Build(u)
				got, err := policy.FromTree(tree, u)
				if err != nil {
					t.Fatalf("FromTree: %v", err)
				}
				if diff := cmp.Diff(tc.Want, got); diff != "" {
					t.Fatalf("FromTree mismatch (-want +got):\n%s", diff)
				}
				// The same tree written as JSON text reads the same.
				text, err := json.Marshal(tree)
				if err != nil {
					t.Fatal(err)
				}
				got, err = policy.Parse(string(text), u)
				if err != nil {
					t.Fatalf("Parse: %v", err)
				}
				if diff := cmp.Diff(tc.Want, got); diff != "" {
					t.Fatalf("Parse mismatch (-want +got):\n%s", diff)
				}
			}
		})
	}
}

func TestUnknownsInTemplateText(t *testing.T) {
	// A template with an unknown interpolation is read by pasting the
	// placeholder into the text, as-is.
	u := &policy.Unknowns{}
	text := `{"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"` + u.New("aws_s3_bucket") + `/*"}}`
	got, err := policy.Parse(text, u)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	want := doc(policy.Statement{Effect: policy.Allow, Actions: known("s3:*"), Resources: []policy.Value{{Ref: "aws_s3_bucket"}}})
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Parse mismatch (-want +got):\n%s", diff)
	}
}

func TestPlaceholderTextWithoutUnknowns(t *testing.T) {
	// Without Unknowns, a string that looks like a placeholder is just a
	// string.
	u := &policy.Unknowns{}
	p := u.New("aws_iam_user")
	got, err := policy.FromTree(map[string]any{"Statement": map[string]any{"Resource": p}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if r := got.Statements[0].Resources[0]; !r.Known || r.S != p {
		t.Errorf("resource = %+v, want the known string", r)
	}
}

func TestUnknownStructure(t *testing.T) {
	// Where a whole element that must be an object or a list is unknown, the
	// document cannot be read, but it is not malformed either.
	cases := []struct {
		Name  string
		Build func(u *policy.Unknowns) map[string]any
	}{
		{
			Name:  "unknown Statement",
			Build: func(u *policy.Unknowns) map[string]any { return map[string]any{"Statement": u.New("")} },
		},
		{
			Name:  "unknown statement in the list",
			Build: func(u *policy.Unknowns) map[string]any { return map[string]any{"Statement": []any{u.New("")}} },
		},
		{
			Name: "unknown Condition",
			Build: func(u *policy.Unknowns) map[string]any {
				return map[string]any{"Statement": map[string]any{"Condition": u.New("")}}
			},
		},
		{
			Name: "unknown Condition operator block",
			Build: func(u *policy.Unknowns) map[string]any {
				return map[string]any{"Statement": map[string]any{"Condition": map[string]any{"Bool": u.New("")}}}
			},
		},
		{
			Name: "null Condition",
			Build: func(u *policy.Unknowns) map[string]any {
				return map[string]any{"Statement": map[string]any{"Condition": nil}}
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			u := &policy.Unknowns{}
			_, err := policy.FromTree(tc.Build(u), u)
			if errors.Is(err, policy.ErrMalformed) {
				t.Errorf("FromTree error %v wraps ErrMalformed", err)
			}
		})
	}
}

func TestFromTree(t *testing.T) {
	cases := []struct {
		Name string
		Tree any
		Want *policy.Document
	}{
		{
			Name: "json.Number values keep their text",
			Tree: map[string]any{"Statement": []any{map[string]any{
				"Effect":    "Allow",
				"Condition": map[string]any{"NumericLessThan": map[string]any{"aws:MultiFactorAuthAge": json.Number("3600")}},
				"Action":    []any{"s3:GetObject", json.Number("1.50")},
			}}},
			Want: doc(policy.Statement{Effect: policy.Allow, Actions: known("s3:GetObject", "1.50"), Conditions: []policy.Condition{
				{Operator: "NumericLessThan", Key: "aws:MultiFactorAuthAge", Values: known("3600")},
			}}),
		},
		{
			Name: "float64 values read as their shortest JSON text",
			Tree: map[string]any{"Statement": map[string]any{
				"Condition": map[string]any{"NumericLessThan": map[string]any{
					"aws:MultiFactorAuthAge": float64(3600),
					"k":                      []any{0.5, 1e21},
				}},
			}},
			Want: doc(policy.Statement{Effect: policy.Allow, Conditions: []policy.Condition{
				{Operator: "NumericLessThan", Key: "aws:MultiFactorAuthAge", Values: known("3600")},
				{Operator: "NumericLessThan", Key: "k", Values: known("0.5", "1e+21")},
			}}),
		},
		{
			Name: "booleans read as true and false",
			Tree: map[string]any{"Statement": map[string]any{
				"Condition": map[string]any{"Bool": map[string]any{"aws:SecureTransport": []any{true, false}}},
			}},
			Want: doc(policy.Statement{Effect: policy.Allow, Conditions: []policy.Condition{
				{Operator: "Bool", Key: "aws:SecureTransport", Values: known("true", "false")},
			}}),
		},
		{
			Name: "nil leaves are unknown",
			Tree: map[string]any{"Statement": map[string]any{
				"Action": nil, "Resource": []any{"*", nil}, "Principal": map[string]any{"AWS": nil},
			}},
			Want: doc(policy.Statement{
				Effect:     policy.Allow,
				Actions:    []policy.Value{policy.Unknown},
				Resources:  []policy.Value{policy.Known("*"), policy.Unknown},
				Principals: []policy.Principal{{Type: "AWS", ID: policy.Unknown}},
			}),
		},
		{
			Name: "tree parsed from JSON text reads as Parse does",
			Tree: func() any {
				var v any
				if err := json.Unmarshal([]byte(`{"Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"NumericLessThan":{"aws:MultiFactorAuthAge":300}}}}`), &v); err != nil {
					panic(err)
				}
				return v
			}(),
			Want: doc(policy.Statement{Effect: policy.Allow, Actions: known("*"), Resources: known("*"), Conditions: []policy.Condition{
				{Operator: "NumericLessThan", Key: "aws:MultiFactorAuthAge", Values: known("300")},
			}}),
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			got, err := policy.FromTree(tc.Tree, nil)
			if err != nil {
				t.Fatalf("FromTree: %v", err)
			}
			if diff := cmp.Diff(tc.Want, got); diff != "" {
				t.Errorf("FromTree mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestFromTreeMalformed(t *testing.T) {
	cases := []struct {
		Name string
		Tree any
	}{
		{Name: "nil tree", Tree: nil},
		{Name: "tree is a list", Tree: []any{}},
		{Name: "tree is a typed map", Tree: map[string]string{"Statement": "x"}},
		{Name: "Statement a string", Tree: map[string]any{"Statement": "x"}},
		{Name: "statement a typed map", Tree: map[string]any{"Statement": []any{map[string]string{"Effect": "Allow"}}}},
		{Name: "bad Effect", Tree: map[string]any{"Statement": map[string]any{"Effect": "maybe"}}},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			_, err := policy.FromTree(tc.Tree, nil)
			if !errors.Is(err, policy.ErrMalformed) {
				t.Errorf("FromTree error = %v, want one wrapping ErrMalformed", err)
			}
		})
	}
}

func TestCanonical(t *testing.T) {
	cases := []struct {
		Name string
		A, B string
	}{
		{
			Name: "key order of statements does not matter",
			A:    `{"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*","Sid":"S"}}`,
			B:    `{"Statement":{"Sid":"S","Resource":"*","Action":"s3:*","Effect":"Allow"}}`,
		},
		{
			Name: "key order of principals does not matter",
			A:    `{"Statement":{"Principal":{"AWS":"111111111111","Service":"ec2.amazonaws.com","Federated":"f"}}}`,
			B:    `{"Statement":{"Principal":{"Federated":"f","Service":"ec2.amazonaws.com","AWS":"111111111111"}}}`,
		},
		{
			Name: "key order of conditions does not matter",
			A:    `{"Statement":{"Condition":{"Bool":{"b":"true","a":"false"},"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}}}`,
			B:    `{"Statement":{"Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"},"Bool":{"a":"false","b":"true"}}}}`,
		},
		{
			Name: "statement object and list of one read the same",
			A:    `{"Statement":{"Effect":"Allow","Action":"*"}}`,
			B:    `{"Statement":[{"Effect":"Allow","Action":"*"}]}`,
		},
		{
			Name: "string and list of one read the same",
			A:    `{"Statement":{"Action":"s3:GetObject","Resource":"*"}}`,
			B:    `{"Statement":{"Action":["s3:GetObject"],"Resource":["*"]}}`,
		},
		{
			Name: "effect spelling and whitespace do not matter",
			A:    `{"Statement":{"Effect":"deny"}}`,
			B:    "{ \"Statement\" : { \"Effect\" : \"Deny\" } }\n",
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			a1, err := policy.Parse(tc.A, nil)
			if err != nil {
				t.Fatal(err)
			}
			a2, err := policy.Parse(tc.A, nil)
			if err != nil {
				t.Fatal(err)
			}
			b, err := policy.Parse(tc.B, nil)
			if err != nil {
				t.Fatal(err)
			}
			if a1.Canonical() != a2.Canonical() {
				t.Errorf("the same text reads differently:\n%s\n%s", a1.Canonical(), a2.Canonical())
			}
			if diff := cmp.Diff(a1.Canonical(), b.Canonical()); diff != "" {
				t.Errorf("Canonical differs (-A +B):\n%s", diff)
			}
		})
	}
}

func TestCanonicalDistinguishes(t *testing.T) {
	a, err := policy.Parse(`{"Statement":{"Effect":"Allow","Action":"s3:GetObject"}}`, nil)
	if err != nil {
		t.Fatal(err)
	}
	b, err := policy.Parse(`{"Statement":{"Effect":"Deny","Action":"s3:GetObject"}}`, nil)
	if err != nil {
		t.Fatal(err)
	}
	if a.Canonical() == b.Canonical() {
		t.Errorf("Allow and Deny read the same: %s", a.Canonical())
	}
}
