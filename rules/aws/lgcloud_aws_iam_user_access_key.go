package aws

import (
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsIamUserAccessKeyRule checks that the code issues no long-lived access
// keys to IAM users.
type AwsIamUserAccessKeyRule struct{ lint.Meta }

var _ lint.Rule = (*AwsIamUserAccessKeyRule)(nil)

// NewAwsIamUserAccessKeyRule returns the rule.
func NewAwsIamUserAccessKeyRule() *AwsIamUserAccessKeyRule {
	return &AwsIamUserAccessKeyRule{lint.Meta{
		RuleName: "lgcloud_aws_iam_user_access_key",
		Level:    tflint.WARNING,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.6.2.3"},
		Summary:  project.Text{JA: "IAM ユーザーに長期間有効なアクセスキーを発行しない", EN: "No long-lived access keys are issued to IAM users"},
		Reads: lint.Reads{
			"aws_iam_access_key": {Attributes: []hclext.AttributeSchema{{Name: "status"}}},
		},
	}}
}

var msgAccessKey = project.Text{
	JA: "%s は IAM ユーザーに長期間有効なアクセスキーを発行します。ロールと一時的な認証情報（AssumeRole、IAM Identity Center）を使ってください。",
	EN: "%s issues a long-lived access key to an IAM user; use roles and temporary credentials (AssumeRole, IAM Identity Center) instead.",
}

var whatAccessKey = project.Text{JA: "アクセスキーの状態", EN: "the access key status"}

// accessKeyActive is the status of a key that signs requests, and the
// provider's default; the other status is "Inactive".
const accessKeyActive = "Active"

// Check reports every access key that is active: at its status when it is
// "Active" (so that a status passed into a module is reported where the
// module is called), at the resource when status is not set. An inactive
// key cannot sign requests and is not reported.
func (r *AwsIamUserAccessKeyRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	keys, err := runner.Resources(r, "aws_iam_access_key")
	if err != nil {
		return err
	}
	for _, key := range keys {
		status := runner.Attr(key.Body, "status", cty.String)
		switch s, _ := status.String(); {
		case status.IsUnknown():
			err = runner.Unverified(r, status, whatAccessKey)
		case status.IsAbsent():
			err = runner.Report(r, key.DefRange, msgAccessKey, lint.Address(key))
		case s == accessKeyActive:
			err = runner.Report(r, status.Range, msgAccessKey, lint.Address(key))
		}
		if err != nil {
			return err
		}
	}
	return nil
}
