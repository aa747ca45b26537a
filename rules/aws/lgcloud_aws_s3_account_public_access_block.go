package aws

import (
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// AwsS3AccountPublicAccessBlockRule checks that the account baseline turns
// on S3 Block Public Access for the whole account: the root module declares
// an aws_s3_account_public_access_block with its four settings on.
type AwsS3AccountPublicAccessBlockRule struct{ lint.Meta }

var _ lint.Rule = (*AwsS3AccountPublicAccessBlockRule)(nil)

const accountPublicAccessBlock = "aws_s3_account_public_access_block"

// NewAwsS3AccountPublicAccessBlockRule returns the rule.
func NewAwsS3AccountPublicAccessBlockRule() *AwsS3AccountPublicAccessBlockRule {
	return &AwsS3AccountPublicAccessBlockRule{lint.Meta{
		RuleName: "lgcloud_aws_s3_account_public_access_block",
		Level:    tflint.ERROR,
		Preset:   config.GovCloud,
		Provider: "aws",
		Items:    []string{"4.6.3.2"},
		Summary:  project.Text{JA: "S3 のパブリックアクセスブロックをアカウント全体で有効にする", EN: "S3 Block Public Access is on for the whole account"},
		Reads: lint.Reads{
			accountPublicAccessBlock: publicAccessSchema(),
		},
	}}
}

var msgAccountPublicAccessOff = project.Text{
	JA: "S3 アカウントのパブリックアクセスブロック %s で %s が有効になっていません。設定の誤りでアカウント内のバケットが公開されないよう、%s = true を設定してください。",
	EN: "S3 account public access block %s does not turn on %s; set %s = true so that a mistaken setting cannot make a bucket of the account public.",
}

var msgAccountPublicAccessMissing = project.Text{
	JA: "アカウントのベースラインに S3 のパブリックアクセスブロック（aws_s3_account_public_access_block）がありません。4 つの設定をすべて true にして宣言してください。",
	EN: "The account baseline declares no S3 account public access block (aws_s3_account_public_access_block); declare one with all four settings set to true.",
}

var whatAccountPublicAccess = project.Text{JA: "S3 アカウントのパブリックアクセスブロック", EN: "S3 account Block Public Access"}

// Check reports each of the four settings that is false or absent. In the
// root module (the one that owns the account baseline), a configuration
// that uses the AWS provider and declares no account public access block
// is reported once, at its first provider "aws" block, following the
// account-baseline convention (reportBaselineGap). A called module is not
// expected to hold the account baseline.
func (r *AwsS3AccountPublicAccessBlockRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	if err := requirePublicAccessBlocked(runner, r, accountPublicAccessBlock, whatAccountPublicAccess, msgAccountPublicAccessOff); err != nil {
		return err
	}
	blocks, err := runner.Resources(r, accountPublicAccessBlock)
	if err != nil || len(blocks) > 0 {
		return err
	}
	return reportBaselineGap(runner, r, baselineGap{
		Types: []string{accountPublicAccessBlock},
		What:  whatAccountPublicAccess,
		Msg:   msgAccountPublicAccessMissing,
	})
}
