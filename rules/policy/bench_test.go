package policy_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/policy"
)

// largeDocument returns a policy of 40 statements of the shapes real
// policies have: named actions on ARNs, service wildcards, conditions on
// MFA, source and organisation, principals of every type.
func largeDocument() string {
	services := []string{"s3", "ec2", "iam", "kms", "rds", "lambda", "logs", "sns", "sqs", "dynamodb"}
	var statements []map[string]any
	for i := range 40 {
		svc := services[i%len(services)]
		st := map[string]any{
			"Sid":    fmt.Sprintf("Statement%02d", i),
			"Effect": []string{"Allow", "Deny"}[i%4/3],
			"Action": []string{svc + ":Get*", svc + ":List*", svc + ":Describe*", fmt.Sprintf("%s:Put%d", svc, i)},
			"Resource": []string{
				fmt.Sprintf("arn:aws:%s:ap-northeast-1:123456789012:%s-%d/*", svc, svc, i),
				fmt.Sprintf("arn:aws:%s:ap-northeast-3:123456789012:%s-%d/*", svc, svc, i),
			},
		}
		switch i % 5 {
		case 0:
			st["Condition"] = map[string]any{
				"Bool":            map[string]any{"aws:MultiFactorAuthPresent": "true", "aws:SecureTransport": true},
				"NumericLessThan": map[string]any{"aws:MultiFactorAuthAge": 3600},
			}
		case 1:
			st["Principal"] = map[string]any{
				"AWS":     []string{"arn:aws:iam::123456789012:root", "arn:aws:iam::123456789012:role/app", "210987654321"},
				"Service": "ec2.amazonaws.com",
			}
			st["Condition"] = map[string]any{"StringEquals": map[string]any{"sts:ExternalId": "example", "aws:PrincipalOrgID": []string{"o-1", "o-2"}}}
		case 2:
			st["Principal"] = "*"
			st["Condition"] = map[string]any{
				"IpAddress":              map[string]any{"aws:SourceIp": []string{"203.0.113.0/24", "198.51.100.0/24"}},
				"StringEquals":           map[string]any{"aws:SourceVpce": "vpce-1a2b3c4d"},
				"NotIpAddress":           map[string]any{"aws:SourceIp": "203.0.113.5/32"},
				"BoolIfExists":           map[string]any{"aws:MultiFactorAuthPresent": false},
				"ArnLike":                map[string]any{"aws:SourceArn": "arn:aws:sns:*:123456789012:*"},
				"ForAnyValue:StringLike": map[string]any{"s3:prefix": []string{"home/", "public/"}},
			}
		case 3:
			delete(st, "Action")
			st["NotAction"] = []string{"iam:*", "organizations:*", "account:*"}
			st["Resource"] = "*"
		case 4:
			st["Principal"] = map[string]any{"Federated": "arn:aws:iam::123456789012:saml-provider/idp"}
			st["Action"] = "sts:AssumeRoleWithSAML"
			st["Condition"] = map[string]any{"StringEquals": map[string]any{"SAML:aud": "https://signin.aws.amazon.com/saml"}}
		}
		statements = append(statements, st)
	}
	b, err := json.MarshalIndent(map[string]any{"Version": "2012-10-17", "Statement": statements}, "", "  ")
	if err != nil {
		panic(err)
	}
	return string(b)
}

func BenchmarkParse(b *testing.B) {
	text := largeDocument()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		d, err := policy.Parse(text, nil)
		if err != nil {
			b.Fatal(err)
		}
		if len(d.Statements) != 40 {
			b.Fatalf("read %d statements, want 40", len(d.Statements))
		}
	}
}
