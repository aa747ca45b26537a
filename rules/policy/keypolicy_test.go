package policy_test

import (
	"slices"
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/policy"
)

func TestExposureWithKeyPolicyRestrictingKeys(t *testing.T) {
	cases := []struct {
		Name      string
		Statement string
		Expected  policy.Exposure
	}{
		{
			Name:      "kms:ViaService alone leaves a key policy statement public",
			Statement: `{"Effect":"Allow","Principal":"*","Action":"kms:Decrypt","Resource":"*","Condition":{"StringEquals":{"kms:ViaService":"s3.ap-northeast-1.amazonaws.com"}}}`,
			Expected:  policy.Public,
		},
		{
			Name:      "kms:CallerAccount limits it",
			Statement: `{"Effect":"Allow","Principal":"*","Action":"kms:Decrypt","Resource":"*","Condition":{"StringEquals":{"kms:CallerAccount":"123456789012","kms:ViaService":"s3.ap-northeast-1.amazonaws.com"}}}`,
			Expected:  policy.NotPublic,
		},
		{
			Name:      "aws:PrincipalOrgID limits it",
			Statement: `{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"kms:*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-1"}}}`,
			Expected:  policy.NotPublic,
		},
		{
			Name:      "a VPC endpoint condition limits it",
			Statement: `{"Effect":"Allow","Principal":"*","Action":"kms:Decrypt","Resource":"*","Condition":{"StringEquals":{"aws:SourceVpce":"vpce-1"}}}`,
			Expected:  policy.NotPublic,
		},
		{
			Name:      "an IfExists test of the caller account does not limit it",
			Statement: `{"Effect":"Allow","Principal":"*","Action":"kms:Decrypt","Resource":"*","Condition":{"StringEqualsIfExists":{"kms:CallerAccount":"123456789012"}}}`,
			Expected:  policy.Public,
		},
		{
			Name:      "a Deny opens nothing",
			Statement: `{"Effect":"Deny","Principal":"*","Action":"kms:*","Resource":"*"}`,
			Expected:  policy.NotPublic,
		},
		{
			Name:      "the account root is not public",
			Statement: `{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"kms:*","Resource":"*"}`,
			Expected:  policy.NotPublic,
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			d, err := policy.Parse(`{"Statement":[`+tc.Statement+`]}`, nil)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if got := d.Statements[0].ExposureWith(policy.KeyPolicyRestrictingKeys...); got != tc.Expected {
				t.Errorf("ExposureWith() = %d, want %d", got, tc.Expected)
			}
		})
	}
}

func TestExposureWithAllRestrictingKeysIsExposure(t *testing.T) {
	for _, text := range []string{
		`{"Effect":"Allow","Principal":"*","Action":"kms:Decrypt","Resource":"*","Condition":{"StringEquals":{"kms:ViaService":"s3.ap-northeast-1.amazonaws.com"}}}`,
		`{"Effect":"Allow","Principal":"*","Action":"sqs:SendMessage","Resource":"*"}`,
		`{"Effect":"Allow","Principal":{"Service":"sns.amazonaws.com"},"Action":"sqs:SendMessage","Resource":"*"}`,
	} {
		d, err := policy.Parse(`{"Statement":[`+text+`]}`, nil)
		if err != nil {
			t.Fatalf("Parse: %v", err)
		}
		st := d.Statements[0]
		if st.ExposureWith(policy.RestrictingKeys...) != st.Exposure() {
			t.Errorf("ExposureWith(RestrictingKeys...) differs from Exposure() for %s", text)
		}
	}
}

func TestKeyPolicyRestrictingKeysLackOnlyViaService(t *testing.T) {
	if slices.Contains(policy.KeyPolicyRestrictingKeys, "kms:ViaService") {
		t.Error("kms:ViaService restricts a key policy statement")
	}
	if len(policy.KeyPolicyRestrictingKeys) != len(policy.RestrictingKeys)-1 {
		t.Errorf("KeyPolicyRestrictingKeys has %d keys, want %d", len(policy.KeyPolicyRestrictingKeys), len(policy.RestrictingKeys)-1)
	}
}
