package aws

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// encIssue is an issue of the encryption rules in resource.tf.
func encIssue(rule tflint.Rule, msg string, startLine, startCol, endLine, endCol int) *helper.Issue {
	return &helper.Issue{
		Rule:    rule,
		Message: msg,
		Range: hcl.Range{
			Filename: "resource.tf",
			Start:    hcl.Pos{Line: startLine, Column: startCol},
			End:      hcl.Pos{Line: endLine, Column: endCol},
		},
	}
}

const (
	testKeyARN   = "arn:aws:kms:ap-northeast-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
	testKeyID    = "1234abcd-12ab-34cd-56ef-1234567890ab"
	testAliasARN = "arn:aws:kms:ap-northeast-1:111122223333:alias/resident-data"
)

func TestJudgeKeyValue(t *testing.T) {
	known := func(s string) lint.Value {
		return lint.Value{State: lint.Known, Val: cty.StringVal(s), Name: "kms_key_id"}
	}
	cases := []struct {
		Name    string
		Value   lint.Value
		Allowed []string
		Want    keyVerdict
	}{
		{Name: "absent key is none", Value: lint.Value{State: lint.Absent}, Want: keyNone},
		{Name: "unknown key is unknown", Value: lint.Value{State: lint.Unknown}, Want: keyUnknown},
		{Name: "empty string is none", Value: known(""), Want: keyNone},
		{Name: "blank string is none", Value: known("  "), Want: keyNone},
		{Name: "AWS managed alias name", Value: known("alias/aws/ebs"), Want: keyAWSManaged},
		{Name: "AWS managed alias ARN", Value: known("arn:aws:kms:ap-northeast-1:111122223333:alias/aws/rds"), Want: keyAWSManaged},
		{Name: "AWS managed alias ARN in another partition", Value: known("arn:aws-us-gov:kms:us-gov-west-1:111122223333:alias/aws/s3"), Want: keyAWSManaged},
		{Name: "key ARN with no list is a customer key", Value: known(testKeyARN), Want: keyCustomer},
		{Name: "key ID with no list is a customer key", Value: known(testKeyID), Want: keyCustomer},
		{Name: "customer alias with no list is a customer key", Value: known("alias/resident-data"), Want: keyCustomer},
		{Name: "alias named like aws but not under alias/aws/ is a customer key", Value: known("alias/aws-backup-key"), Want: keyCustomer},
		{Name: "listed key ARN", Value: known(testKeyARN), Allowed: []string{testKeyARN}, Want: keyCustomer},
		{Name: "key ID of a listed key ARN", Value: known(testKeyID), Allowed: []string{testKeyARN}, Want: keyCustomer},
		{Name: "alias name of a listed alias ARN", Value: known("alias/resident-data"), Allowed: []string{testAliasARN}, Want: keyCustomer},
		{Name: "unlisted key ARN", Value: known("arn:aws:kms:ap-northeast-1:111122223333:key/ffffffff-12ab-34cd-56ef-1234567890ab"), Allowed: []string{testKeyARN}, Want: keyUnlisted},
		{Name: "unlisted key ID", Value: known("ffffffff-12ab-34cd-56ef-1234567890ab"), Allowed: []string{testKeyARN}, Want: keyUnlisted},
		{Name: "AWS managed alias stays AWS managed with a list", Value: known("alias/aws/ebs"), Allowed: []string{testKeyARN}, Want: keyAWSManaged},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			if got := judgeKeyValue(tc.Value, tc.Allowed).Verdict; got != tc.Want {
				t.Errorf("verdict = %d, want %d", got, tc.Want)
			}
		})
	}
}

func TestValidKeyARN(t *testing.T) {
	cases := []struct {
		Name string
		ARN  string
		Want bool
	}{
		{Name: "key ARN", ARN: testKeyARN, Want: true},
		{Name: "multi-region key ARN", ARN: "arn:aws:kms:ap-northeast-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab", Want: true},
		{Name: "customer alias ARN", ARN: testAliasARN, Want: true},
		{Name: "GovCloud partition", ARN: "arn:aws-us-gov:kms:us-gov-west-1:111122223333:key/" + testKeyID, Want: true},
		{Name: "AWS managed alias ARN", ARN: "arn:aws:kms:ap-northeast-1:111122223333:alias/aws/ebs", Want: false},
		{Name: "key ID alone", ARN: testKeyID, Want: false},
		{Name: "alias name alone", ARN: "alias/resident-data", Want: false},
		{Name: "ARN of another service", ARN: "arn:aws:s3:::bucket", Want: false},
		{Name: "short account", ARN: "arn:aws:kms:ap-northeast-1:1111:key/" + testKeyID, Want: false},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			if got := validKeyARN(tc.ARN); got != tc.Want {
				t.Errorf("validKeyARN(%q) = %v, want %v", tc.ARN, got, tc.Want)
			}
		})
	}
}

func TestCustomerKeyOptionsValidate(t *testing.T) {
	cases := []struct {
		Name    string
		Options CustomerKeyOptions
		WantErr string
	}{
		{Name: "no keys", Options: CustomerKeyOptions{}},
		{Name: "key and alias ARNs", Options: CustomerKeyOptions{KeyARNs: []string{testKeyARN, testAliasARN}}},
		{Name: "AWS managed alias is refused", Options: CustomerKeyOptions{KeyARNs: []string{"arn:aws:kms:ap-northeast-1:111122223333:alias/aws/s3"}}, WantErr: `key_arns: "arn:aws:kms:ap-northeast-1:111122223333:alias/aws/s3" is not the ARN of a customer-managed KMS key or alias`},
		{Name: "key ID is refused", Options: CustomerKeyOptions{KeyARNs: []string{testKeyID}}, WantErr: `key_arns: "` + testKeyID + `" is not the ARN`},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			err := tc.Options.Validate()
			switch {
			case tc.WantErr == "" && err != nil:
				t.Fatalf("unexpected error: %s", err)
			case tc.WantErr != "" && (err == nil || len(err.Error()) < len(tc.WantErr) || err.Error()[:len(tc.WantErr)] != tc.WantErr):
				t.Fatalf("error = %v, want one starting with %q", err, tc.WantErr)
			}
		})
	}
}
