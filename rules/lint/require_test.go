package lint_test

import (
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
	"github.com/zclconf/go-cty/cty"
)

var (
	msgNotEncrypted = project.Text{JA: "テスト資源 %s が暗号化されていません。", EN: "test resource %s is not encrypted."}
	whatEncryption  = project.Text{JA: "テストの暗号化", EN: "test encryption"}
)

// rng is a range in main.tf on one line, columns from start to end.
func rng(line, start, end int) hcl.Range {
	return hcl.Range{
		Filename: "main.tf",
		Start:    hcl.Pos{Line: line, Column: start},
		End:      hcl.Pos{Line: line, Column: end},
	}
}

// requireRule requires `encrypted` of every `t` resource to be true, with
// the given meaning of an absent value.
func requireRule(absent lint.Default) *fakeRule {
	rule := newFakeRule("lgcloud_aws_fake_encrypted", lint.Reads{"t": attrs("encrypted")})
	rule.check = func(r *fakeRule, runner *lint.Runner) error {
		blocks, err := runner.Resources(r, "t")
		if err != nil {
			return err
		}
		for _, block := range blocks {
			v := runner.Attr(block.Body, "encrypted", cty.Bool)
			if err := runner.RequireTrue(r, v, block.DefRange, absent, whatEncryption, msgNotEncrypted, strings.Join(block.Labels, ".")); err != nil {
				return err
			}
		}
		return nil
	}
	return rule
}

func TestRequireTrue(t *testing.T) {
	const (
		cite   = " [指針 4.6.1.1 / JIS Q 27017 10.1.1]"
		citeEN = " [Guideline 4.6.1.1 / JIS Q 27017 10.1.1]"
		errJA  = "テスト資源 t.r が暗号化されていません。" + cite
	)
	block := rng(1, 1, 17) // resource "t" "r"

	cases := []struct {
		Name    string
		Source  string
		Default lint.Default
		Config  *config.Config
		Want    func(rule *fakeRule) helper.Issues
		Changes map[string]string
	}{
		{
			Name:    "false literal is reported with a fix to true",
			Source:  "resource \"t\" \"r\" {\n  encrypted = false\n}\n",
			Default: lint.DefaultFails,
			Want: func(rule *fakeRule) helper.Issues {
				return helper.Issues{{Rule: rule, Message: errJA, Range: rng(2, 15, 20)}}
			},
			Changes: map[string]string{"main.tf": "resource \"t\" \"r\" {\n  encrypted = true\n}\n"},
		},
		{
			Name:    "quoted false literal is fixed to a quoted true",
			Source:  "resource \"t\" \"r\" {\n  encrypted = \"false\"\n}\n",
			Default: lint.DefaultPasses,
			Want: func(rule *fakeRule) helper.Issues {
				return helper.Issues{{Rule: rule, Message: errJA, Range: rng(2, 15, 22)}}
			},
			Changes: map[string]string{"main.tf": "resource \"t\" \"r\" {\n  encrypted = \"true\"\n}\n"},
		},
		{
			Name:    "false from a variable is reported without a fix",
			Source:  "variable \"off\" {\n  default = false\n}\nresource \"t\" \"r\" {\n  encrypted = var.off\n}\n",
			Default: lint.DefaultFails,
			Want: func(rule *fakeRule) helper.Issues {
				return helper.Issues{{Rule: rule, Message: errJA, Range: rng(5, 15, 22)}}
			},
			Changes: map[string]string{},
		},
		{
			Name:    "false from a conditional of literals is reported without a fix",
			Source:  "resource \"t\" \"r\" {\n  encrypted = true ? false : true\n}\n",
			Default: lint.DefaultFails,
			Want: func(rule *fakeRule) helper.Issues {
				return helper.Issues{{Rule: rule, Message: errJA, Range: rng(2, 15, 34)}}
			},
			Changes: map[string]string{},
		},
		{
			Name:    "false literal in strict mode is an error, not a notice",
			Source:  "resource \"t\" \"r\" {\n  encrypted = false\n}\n",
			Default: lint.DefaultFails,
			Config:  linttest.Strict(),
			Want: func(rule *fakeRule) helper.Issues {
				return helper.Issues{{Rule: rule, Message: errJA, Range: rng(2, 15, 20)}}
			},
			Changes: map[string]string{"main.tf": "resource \"t\" \"r\" {\n  encrypted = true\n}\n"},
		},
		{
			Name:    "true passes",
			Source:  "resource \"t\" \"r\" {\n  encrypted = true\n}\n",
			Default: lint.DefaultFails,
			Config:  linttest.Strict(),
			Want:    func(*fakeRule) helper.Issues { return helper.Issues{} },
			Changes: map[string]string{},
		},
		{
			Name:    "true from a variable passes",
			Source:  "variable \"on\" {\n  default = true\n}\nresource \"t\" \"r\" {\n  encrypted = var.on\n}\n",
			Default: lint.DefaultFails,
			Want:    func(*fakeRule) helper.Issues { return helper.Issues{} },
			Changes: map[string]string{},
		},
		{
			Name:    "absent whose default fails is reported at the block",
			Source:  "resource \"t\" \"r\" {\n}\n",
			Default: lint.DefaultFails,
			Want: func(rule *fakeRule) helper.Issues {
				return helper.Issues{{Rule: rule, Message: errJA, Range: block}}
			},
			Changes: map[string]string{},
		},
		{
			Name:    "null whose default fails is reported at the block",
			Source:  "resource \"t\" \"r\" {\n  encrypted = null\n}\n",
			Default: lint.DefaultFails,
			Want: func(rule *fakeRule) helper.Issues {
				return helper.Issues{{Rule: rule, Message: errJA, Range: block}}
			},
			Changes: map[string]string{},
		},
		{
			Name:    "absent whose default passes passes",
			Source:  "resource \"t\" \"r\" {\n}\n",
			Default: lint.DefaultPasses,
			Want:    func(*fakeRule) helper.Issues { return helper.Issues{} },
			Changes: map[string]string{},
		},
		{
			Name:    "absent whose default passes passes in strict mode",
			Source:  "resource \"t\" \"r\" {\n}\n",
			Default: lint.DefaultPasses,
			Config:  linttest.Strict(),
			Want:    func(*fakeRule) helper.Issues { return helper.Issues{} },
			Changes: map[string]string{},
		},
		{
			Name:    "absent whose default is unknown is silent outside strict mode",
			Source:  "resource \"t\" \"r\" {\n}\n",
			Default: lint.DefaultUnknown,
			Want:    func(*fakeRule) helper.Issues { return helper.Issues{} },
			Changes: map[string]string{},
		},
		{
			Name:    "absent whose default is unknown is a notice at the block in strict mode",
			Source:  "resource \"t\" \"r\" {\n}\n",
			Default: lint.DefaultUnknown,
			Config:  linttest.Strict(),
			Want: func(rule *fakeRule) helper.Issues {
				return helper.Issues{{
					Rule:    linttest.Notice(rule),
					Message: "strict: テストの暗号化を確認できません。encrypted: 未設定で、既定値が lint 時に決まりません。" + cite,
					Range:   block,
				}}
			},
			Changes: map[string]string{},
		},
		{
			Name:    "unknown is silent outside strict mode",
			Source:  "variable \"flag\" {}\nresource \"t\" \"r\" {\n  encrypted = var.flag\n}\n",
			Default: lint.DefaultFails,
			Want:    func(*fakeRule) helper.Issues { return helper.Issues{} },
			Changes: map[string]string{},
		},
		{
			Name:    "unknown is a notice at the value in strict mode",
			Source:  "variable \"flag\" {}\nresource \"t\" \"r\" {\n  encrypted = var.flag\n}\n",
			Default: lint.DefaultFails,
			Config:  linttest.Strict(),
			Want: func(rule *fakeRule) helper.Issues {
				return helper.Issues{{
					Rule:    linttest.Notice(rule),
					Message: "strict: テストの暗号化を確認できません。encrypted: lint 時に値が決まりません。" + cite,
					Range:   rng(3, 15, 23),
				}}
			},
			Changes: map[string]string{},
		},
		{
			Name:    "unknown is a notice in English",
			Source:  "variable \"flag\" {}\nresource \"t\" \"r\" {\n  encrypted = var.flag\n}\n",
			Default: lint.DefaultPasses,
			Config: func() *config.Config {
				c := linttest.Strict()
				c.Language = project.English
				return c
			}(),
			Want: func(rule *fakeRule) helper.Issues {
				return helper.Issues{{
					Rule:    linttest.Notice(rule),
					Message: "strict: cannot verify test encryption; encrypted: the value is not known at lint time." + citeEN,
					Range:   rng(3, 15, 23),
				}}
			},
			Changes: map[string]string{},
		},
		{
			Name:    "sensitive is a notice in strict mode",
			Source:  "variable \"flag\" {\n  default   = false\n  sensitive = true\n}\nresource \"t\" \"r\" {\n  encrypted = var.flag\n}\n",
			Default: lint.DefaultFails,
			Config:  linttest.Strict(),
			Want: func(rule *fakeRule) helper.Issues {
				return helper.Issues{{
					Rule:    linttest.Notice(rule),
					Message: "strict: テストの暗号化を確認できません。encrypted: 値が sensitive または ephemeral です。" + cite,
					Range:   rng(6, 15, 23),
				}}
			},
			Changes: map[string]string{},
		},
		{
			Name:    "sensitive false is not reported outside strict mode",
			Source:  "variable \"flag\" {\n  default   = false\n  sensitive = true\n}\nresource \"t\" \"r\" {\n  encrypted = var.flag\n}\n",
			Default: lint.DefaultFails,
			Want:    func(*fakeRule) helper.Issues { return helper.Issues{} },
			Changes: map[string]string{},
		},
		{
			Name:    "wrongly typed value is a notice in strict mode",
			Source:  "resource \"t\" \"r\" {\n  encrypted = \"yes\"\n}\n",
			Default: lint.DefaultFails,
			Config:  linttest.Strict(),
			Want: func(rule *fakeRule) helper.Issues {
				return helper.Issues{{
					Rule:    linttest.Notice(rule),
					Message: "strict: テストの暗号化を確認できません。encrypted: 値の型が想定と異なります。" + cite,
					Range:   rng(2, 15, 20),
				}}
			},
			Changes: map[string]string{},
		},
		{
			Name:    "value that cannot be evaluated is a notice in strict mode",
			Source:  "resource \"t\" \"r\" {\n  encrypted = local.on\n}\n",
			Default: lint.DefaultFails,
			Config:  linttest.Strict(),
			Want: func(rule *fakeRule) helper.Issues {
				return helper.Issues{{
					Rule:    linttest.Notice(rule),
					Message: "strict: テストの暗号化を確認できません。encrypted: 式を評価できません。" + cite,
					Range:   rng(2, 15, 23),
				}}
			},
			Changes: map[string]string{},
		},
		{
			Name:    "each resource is judged on its own",
			Source:  "resource \"t\" \"r\" {\n  encrypted = false\n}\nresource \"t\" \"s\" {\n}\nresource \"t\" \"u\" {\n  encrypted = true\n}\n",
			Default: lint.DefaultFails,
			Want: func(rule *fakeRule) helper.Issues {
				return helper.Issues{
					{Rule: rule, Message: errJA, Range: rng(2, 15, 20)},
					{Rule: rule, Message: "テスト資源 t.s が暗号化されていません。" + cite, Range: rng(4, 1, 17)},
				}
			},
			Changes: map[string]string{"main.tf": "resource \"t\" \"r\" {\n  encrypted = true\n}\nresource \"t\" \"s\" {\n}\nresource \"t\" \"u\" {\n  encrypted = true\n}\n"},
		},
	}

	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			rule := requireRule(tc.Default)
			runner := linttest.Run(t, rule, map[string]string{"main.tf": tc.Source}, tc.Config)
			assertIssues(t, tc.Want(rule), runner.Issues)
			helper.AssertChanges(t, tc.Changes, runner.Changes())
		})
	}
}
