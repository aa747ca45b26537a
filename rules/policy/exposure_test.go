package policy_test

import (
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/policy"
)

func TestExposure(t *testing.T) {
	cases := []struct {
		Name      string
		Statement func(u *policy.Unknowns) string
		Expected  policy.Exposure
	}{
		{
			Name:      "an Allow to Principal star is public",
			Statement: knownStatement(`{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"}`),
			Expected:  policy.Public,
		},
		{
			Name:      "an Allow to the AWS principal star is public",
			Statement: knownStatement(`{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::123456789012:root","*"]},"Action":"s3:GetObject","Resource":"*"}`),
			Expected:  policy.Public,
		},
		{
			Name:      "a condition that does not limit the caller leaves it public",
			Statement: knownStatement(`{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*","Condition":{"StringLike":{"aws:Referer":"https://example.lg.jp/*"}}}`),
			Expected:  policy.Public,
		},
		{
			Name:      "a Deny to Principal star opens nothing",
			Statement: knownStatement(`{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}`),
			Expected:  policy.NotPublic,
		},
		{
			Name:      "a VPC endpoint condition limits it",
			Statement: knownStatement(`{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:SourceVpce":"vpce-1"}}}`),
			Expected:  policy.NotPublic,
		},
		{
			Name:      "an organisation condition limits it",
			Statement: knownStatement(`{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-1"}}}`),
			Expected:  policy.NotPublic,
		},
		{
			Name:      "an IfExists restricting condition does not limit it",
			Statement: knownStatement(`{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*","Condition":{"StringEqualsIfExists":{"aws:SourceVpce":"vpce-1"}}}`),
			Expected:  policy.Public,
		},
		{
			Name: "a restricting condition with an unknown value still limits it",
			Statement: func(u *policy.Unknowns) string {
				return `{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:SourceVpce":"` + u.New("") + `"}}}`
			},
			Expected: policy.NotPublic,
		},
		{
			Name:      "named principals are not public",
			Statement: knownStatement(`{"Effect":"Allow","Principal":{"Service":"cloudfront.amazonaws.com"},"Action":"s3:GetObject","Resource":"*"}`),
			Expected:  policy.NotPublic,
		},
		{
			Name: "an unknown effect with Principal star may be public",
			Statement: func(u *policy.Unknowns) string {
				return `{"Effect":"` + u.New("") + `","Principal":"*","Action":"s3:GetObject","Resource":"*"}`
			},
			Expected: policy.MaybePublic,
		},
		{
			Name: "an unknown principal written without a resource reference may be public",
			Statement: func(u *policy.Unknowns) string {
				return `{"Effect":"Allow","Principal":{"AWS":"` + u.New("") + `"},"Action":"s3:GetObject","Resource":"*"}`
			},
			Expected: policy.MaybePublic,
		},
		{
			Name: "an unknown principal that refers to a role is not public",
			Statement: func(u *policy.Unknowns) string {
				return `{"Effect":"Allow","Principal":{"AWS":"` + u.New("aws_iam_role") + `"},"Action":"s3:GetObject","Resource":"*"}`
			},
			Expected: policy.NotPublic,
		},
		{
			Name: "an unknown service principal is not public",
			Statement: func(u *policy.Unknowns) string {
				return `{"Effect":"Allow","Principal":{"Service":"` + u.New("") + `"},"Action":"s3:GetObject","Resource":"*"}`
			},
			Expected: policy.NotPublic,
		},
		{
			Name: "a condition whose key cannot be read may limit it",
			Statement: func(u *policy.Unknowns) string {
				return `{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"` + u.New("") + `":"vpce-1"}}}`
			},
			Expected: policy.MaybePublic,
		},
		{
			Name: "an unknown Resource leaves Principal star public",
			Statement: func(u *policy.Unknowns) string {
				return `{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"` + u.New("aws_s3_bucket") + `/*"}`
			},
			Expected: policy.Public,
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			u := &policy.Unknowns{}
			text := tc.Statement(u)
			d, err := policy.Parse(`{"Statement":[`+text+`]}`, u)
			if err != nil {
				t.Fatalf("Parse(%s): %v", text, err)
			}
			got := d.Statements[0].Exposure()
			if got != tc.Expected {
				t.Errorf("Exposure() = %d, want %d", got, tc.Expected)
			}
			if got == policy.Public && !d.Statements[0].OpensToPublic() {
				t.Errorf("a Public statement does not open to the public")
			}
		})
	}
}

func TestExposureOfUnreadableDataSourceCondition(t *testing.T) {
	// The data-source reader writes a condition whose test or variable
	// cannot be known with the operator "Unknown".
	st := policy.Statement{
		Effect:     policy.Allow,
		Principals: []policy.Principal{{Type: "*", ID: policy.Known("*")}},
		Conditions: []policy.Condition{{Operator: "Unknown", Key: "unknown"}},
	}
	if got := st.Exposure(); got != policy.MaybePublic {
		t.Errorf("Exposure() = %d, want MaybePublic", got)
	}
}

// knownStatement returns a statement written without unknown values.
func knownStatement(text string) func(*policy.Unknowns) string {
	return func(*policy.Unknowns) string { return text }
}
