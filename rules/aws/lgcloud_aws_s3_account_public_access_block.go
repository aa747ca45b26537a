package aws

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
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

var whyInModules = project.Text{
	JA: "このルートモジュールにはなく、呼び出しているモジュールが宣言しているかは確認できません",
	EN: "it is not in this root module, and whether a module it calls declares it cannot be seen",
}

// Check reports each of the four settings that is false or absent. In the
// root module (the one that owns the account baseline), a configuration
// that uses the AWS provider and declares no account public access block
// is reported once, at its first provider "aws" block. A called module is
// not expected to hold the account baseline.
func (r *AwsS3AccountPublicAccessBlockRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	if err := requirePublicAccessBlocked(runner, r, accountPublicAccessBlock, whatAccountPublicAccess, msgAccountPublicAccessOff); err != nil {
		return err
	}
	blocks, err := runner.Resources(r, accountPublicAccessBlock)
	if err != nil || len(blocks) > 0 {
		return err
	}
	if root, err := runner.IsRoot(); err != nil || !root {
		return err
	}
	providers, err := runner.GetProviderContent("aws", &hclext.BodySchema{}, nil)
	if err != nil {
		return err
	}
	provider := firstProvider(providers.Blocks)
	if provider == nil {
		return nil
	}
	unknown, err := r.declaredUnknown(runner)
	if err != nil {
		return err
	}
	if unknown != nil {
		return runner.Unverified(r, *unknown, whatAccountPublicAccess)
	}
	modules, err := runner.GetModuleContent(&hclext.BodySchema{Blocks: []hclext.BlockSchema{{Type: "module", LabelNames: []string{"name"}}}}, nil)
	if err != nil {
		return err
	}
	if len(modules.Blocks) > 0 {
		missing := lint.Value{State: lint.Unknown, Name: accountPublicAccessBlock, Range: provider.DefRange, Why: whyInModules}
		return runner.Unverified(r, missing, whatAccountPublicAccess)
	}
	return runner.Report(r, provider.DefRange, msgAccountPublicAccessMissing)
}

// declaredUnknown looks at the declarations of the resource when none is
// left once count and for_each are expanded: a count or for_each that
// cannot be known may still create one, and is returned; a known zero
// count or empty for_each creates none.
func (r *AwsS3AccountPublicAccessBlockRule) declaredUnknown(runner *lint.Runner) (*lint.Value, error) {
	declared, err := runner.GetResourceContent(accountPublicAccessBlock, &hclext.BodySchema{
		Attributes: []hclext.AttributeSchema{{Name: "count"}, {Name: "for_each"}},
	}, &tflint.GetModuleContentOption{ExpandMode: tflint.ExpandModeNone})
	if err != nil {
		return nil, err
	}
	for _, block := range declared.Blocks {
		for _, meta := range []string{"count", "for_each"} {
			if v := runner.Attr(block.Body, meta, cty.DynamicPseudoType); v.IsUnknown() {
				return &v, nil
			}
		}
	}
	return nil, nil
}

// firstProvider returns the provider block written first: by file name,
// then by position in the file.
func firstProvider(blocks hclext.Blocks) *hclext.Block {
	var first *hclext.Block
	for _, b := range blocks {
		if first == nil || writtenBefore(b.DefRange, first.DefRange) {
			first = b
		}
	}
	return first
}

func writtenBefore(a, b hcl.Range) bool {
	if a.Filename != b.Filename {
		return a.Filename < b.Filename
	}
	return a.Start.Byte < b.Start.Byte
}
