package lint_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

func TestMergeReads(t *testing.T) {
	cases := []struct {
		Name  string
		Reads []lint.Reads
		Want  lint.Reads
	}{
		{
			Name:  "no rules read nothing",
			Reads: nil,
			Want:  lint.Reads{},
		},
		{
			Name:  "one rule's reads are kept",
			Reads: []lint.Reads{{"aws_ebs_volume": attrs("encrypted", "kms_key_id")}},
			Want:  lint.Reads{"aws_ebs_volume": attrs("encrypted", "kms_key_id")},
		},
		{
			Name: "different types are both read",
			Reads: []lint.Reads{
				{"aws_ebs_volume": attrs("encrypted")},
				{"aws_efs_file_system": attrs("encrypted")},
			},
			Want: lint.Reads{
				"aws_ebs_volume":      attrs("encrypted"),
				"aws_efs_file_system": attrs("encrypted"),
			},
		},
		{
			Name: "attributes of one type are united without duplicates",
			Reads: []lint.Reads{
				{"aws_db_instance": attrs("storage_encrypted", "kms_key_id")},
				{"aws_db_instance": attrs("kms_key_id", "publicly_accessible")},
				{"aws_db_instance": attrs("storage_encrypted")},
			},
			Want: lint.Reads{"aws_db_instance": attrs("storage_encrypted", "kms_key_id", "publicly_accessible")},
		},
		{
			Name: "nested blocks are united recursively",
			Reads: []lint.Reads{
				{"aws_instance": {
					Attributes: []hclext.AttributeSchema{{Name: "ami"}},
					Blocks: []hclext.BlockSchema{
						{Type: "root_block_device", Body: attrs("encrypted")},
						{Type: "network_interface", Body: attrs("network_interface_id")},
					},
				}},
				{"aws_instance": {
					Blocks: []hclext.BlockSchema{
						{Type: "root_block_device", Body: &hclext.BodySchema{
							Attributes: []hclext.AttributeSchema{{Name: "kms_key_id"}, {Name: "encrypted"}},
							Blocks:     []hclext.BlockSchema{{Type: "tags", Body: attrs("Segment")}},
						}},
						{Type: "ebs_block_device", Body: attrs("encrypted")},
					},
				}},
				{"aws_instance": {
					Attributes: []hclext.AttributeSchema{{Name: "subnet_id"}, {Name: "ami"}},
					Blocks: []hclext.BlockSchema{
						{Type: "root_block_device", Body: &hclext.BodySchema{
							Blocks: []hclext.BlockSchema{{Type: "tags", Body: attrs("Name", "Segment")}},
						}},
					},
				}},
			},
			Want: lint.Reads{"aws_instance": {
				Attributes: []hclext.AttributeSchema{{Name: "ami"}, {Name: "subnet_id"}},
				Blocks: []hclext.BlockSchema{
					{Type: "root_block_device", Body: &hclext.BodySchema{
						Attributes: []hclext.AttributeSchema{{Name: "encrypted"}, {Name: "kms_key_id"}},
						Blocks:     []hclext.BlockSchema{{Type: "tags", Body: attrs("Segment", "Name")}},
					}},
					{Type: "network_interface", Body: attrs("network_interface_id")},
					{Type: "ebs_block_device", Body: attrs("encrypted")},
				},
			}},
		},
		{
			Name: "block labels are kept",
			Reads: []lint.Reads{
				{"aws_x": {Blocks: []hclext.BlockSchema{{Type: "rule", LabelNames: []string{"name"}, Body: attrs("a")}}}},
				{"aws_x": {Blocks: []hclext.BlockSchema{{Type: "rule", LabelNames: []string{"name"}, Body: attrs("b")}}}},
			},
			Want: lint.Reads{"aws_x": {Blocks: []hclext.BlockSchema{{Type: "rule", LabelNames: []string{"name"}, Body: attrs("a", "b")}}}},
		},
		{
			Name: "a block read without a body is read with an empty body",
			Reads: []lint.Reads{
				{"aws_x": {Blocks: []hclext.BlockSchema{{Type: "timeouts"}}}},
			},
			Want: lint.Reads{"aws_x": {Blocks: []hclext.BlockSchema{{Type: "timeouts", Body: &hclext.BodySchema{}}}}},
		},
		{
			Name: "a type read with a nil schema is read with an empty one",
			Reads: []lint.Reads{
				{"aws_x": nil},
			},
			Want: lint.Reads{"aws_x": &hclext.BodySchema{}},
		},
		{
			Name: "a nil schema does not drop another rule's read",
			Reads: []lint.Reads{
				{"aws_x": attrs("a")},
				{"aws_x": nil},
			},
			Want: lint.Reads{"aws_x": attrs("a")},
		},
		{
			Name: "required attributes are read as optional",
			Reads: []lint.Reads{
				{"aws_x": {Attributes: []hclext.AttributeSchema{{Name: "a", Required: true}}}},
			},
			Want: lint.Reads{"aws_x": attrs("a")},
		},
	}

	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			rules := []lint.Rule{}
			for _, reads := range tc.Reads {
				rules = append(rules, newFakeRule("lgcloud_aws_fake", reads))
			}
			got := lint.MergeReads(rules)
			if diff := cmp.Diff(tc.Want, got); diff != "" {
				t.Fatalf("MergeReads mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestMergeReadsLeavesRulesAlone(t *testing.T) {
	a := newFakeRule("lgcloud_aws_a", lint.Reads{"aws_x": {
		Attributes: []hclext.AttributeSchema{{Name: "a"}},
		Blocks:     []hclext.BlockSchema{{Type: "b", Body: attrs("c")}},
	}})
	b := newFakeRule("lgcloud_aws_b", lint.Reads{"aws_x": {
		Attributes: []hclext.AttributeSchema{{Name: "d"}},
		Blocks:     []hclext.BlockSchema{{Type: "b", Body: attrs("e")}},
	}})
	merged := lint.MergeReads([]lint.Rule{a, b})
	merged["aws_x"].Blocks[0].Body.Attributes[0].Name = "changed"

	want := lint.Reads{"aws_x": {
		Attributes: []hclext.AttributeSchema{{Name: "a"}},
		Blocks:     []hclext.BlockSchema{{Type: "b", Body: attrs("c")}},
	}}
	if diff := cmp.Diff(want, a.Reads); diff != "" {
		t.Fatalf("MergeReads changed a rule's reads (-want +got):\n%s", diff)
	}
}

func TestMeta(t *testing.T) {
	rule := &fakeRule{Meta: lint.Meta{
		RuleName: "lgcloud_aws_fake_rule",
		Level:    tflint.WARNING,
		Preset:   config.GovCloud,
		Provider: "aws",
		Items:    []string{"4.6.1.1", "4.6.1.2"},
	}}
	cases := []struct {
		Name string
		Got  any
		Want any
	}{
		{"name is the rule name", rule.Name(), "lgcloud_aws_fake_rule"},
		{"severity is the level", rule.Severity(), tflint.WARNING},
		{"link is the pinned docs page", rule.Link(), project.ReferenceLink("lgcloud_aws_fake_rule")},
		{"a govcloud rule is not enabled without a preset", rule.Enabled(), false},
		{"describe returns the metadata", rule.Describe(), &rule.Meta},
		{"citation in Japanese", rule.Cite(project.Japanese), "[指針 4.6.1.1, 4.6.1.2 / JIS Q 27017 10.1.1, 10.1.2]"},
		{"citation in English", rule.Cite(project.English), "[Guideline 4.6.1.1, 4.6.1.2 / JIS Q 27017 10.1.1, 10.1.2]"},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			if diff := cmp.Diff(tc.Want, tc.Got); diff != "" {
				t.Fatalf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestMetaEnabled(t *testing.T) {
	for _, tc := range []struct {
		Preset config.Preset
		Want   bool
	}{
		{config.Recommended, true},
		{config.GovCloud, false},
		{config.All, false},
	} {
		t.Run(string(tc.Preset), func(t *testing.T) {
			meta := lint.Meta{Preset: tc.Preset}
			if got := meta.Enabled(); got != tc.Want {
				t.Fatalf("Enabled() of a %s rule = %v, want %v", tc.Preset, got, tc.Want)
			}
		})
	}
}

func TestAtSeverity(t *testing.T) {
	at := rng(1, 1, 17)
	const msg = "テスト資源 t.r が暗号化されていません。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]"
	warn := func() *fakeRule {
		r := newFakeRule("lgcloud_aws_fake", lint.Reads{"t": attrs("encrypted")})
		r.Level = tflint.WARNING
		return r
	}
	cases := []struct {
		Name     string
		Severity map[string]tflint.Severity
		Strict   bool
		Emit     func(r lint.Rule, runner *lint.Runner) error
		Want     tflint.Severity
	}{
		{
			Name: "a finding is reported at the severity given",
			Emit: func(r lint.Rule, runner *lint.Runner) error { return runner.Report(r, at, msgNotEncrypted, "t.r") },
			Want: tflint.ERROR,
		},
		{
			Name: "a fixable finding is reported at the severity given",
			Emit: func(r lint.Rule, runner *lint.Runner) error {
				return runner.ReportFix(r, at, func(tflint.Fixer) error { return nil }, msgNotEncrypted, "t.r")
			},
			Want: tflint.ERROR,
		},
		{
			Name:     "a severity set in the rule block wins",
			Severity: map[string]tflint.Severity{"lgcloud_aws_fake": tflint.WARNING},
			Emit:     func(r lint.Rule, runner *lint.Runner) error { return runner.Report(r, at, msgNotEncrypted, "t.r") },
			Want:     tflint.WARNING,
		},
		{
			Name:     "a notice set in the rule block wins",
			Severity: map[string]tflint.Severity{"lgcloud_aws_fake": tflint.NOTICE},
			Emit:     func(r lint.Rule, runner *lint.Runner) error { return runner.Report(r, at, msgNotEncrypted, "t.r") },
			Want:     tflint.NOTICE,
		},
		{
			Name:   "a strict notice stays a notice",
			Strict: true,
			Emit: func(r lint.Rule, runner *lint.Runner) error {
				return runner.Unverified(r, lint.Value{State: lint.Unknown, Name: "encrypted", Range: at, Why: project.Text{JA: "理由", EN: "reason"}}, whatEncryption)
			},
			Want: tflint.NOTICE,
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			rule := warn()
			inner := helper.TestRunner(t, map[string]string{"main.tf": "resource \"t\" \"r\" {\n  encrypted = false\n}\n"})
			cfg := config.Default()
			cfg.Strict = tc.Strict
			runner := lint.NewRunner(inner, cfg, lint.Options{Severity: tc.Severity})
			if err := tc.Emit(lint.AtSeverity(rule, tflint.ERROR), runner); err != nil {
				t.Fatal(err)
			}
			if len(inner.Issues) != 1 {
				t.Fatalf("got %d issues, want 1", len(inner.Issues))
			}
			got := inner.Issues[0].Rule
			if got.Severity() != tc.Want {
				t.Errorf("severity %s, want %s", got.Severity(), tc.Want)
			}
			if got.Name() != rule.Name() || got.Link() != rule.Link() || got.Enabled() != rule.Enabled() {
				t.Errorf("the rule is not the same rule: %s %s %v", got.Name(), got.Link(), got.Enabled())
			}
			if !tc.Strict && inner.Issues[0].Message != msg {
				t.Errorf("message %q, want %q", inner.Issues[0].Message, msg)
			}
		})
	}

	t.Run("the rule's own level returns the rule itself", func(t *testing.T) {
		rule := warn()
		if got := lint.AtSeverity(rule, tflint.WARNING); got != lint.Rule(rule) {
			t.Fatalf("got %#v, want the rule itself", got)
		}
	})
	t.Run("metadata and reads are the rule's", func(t *testing.T) {
		rule := warn()
		got := lint.AtSeverity(rule, tflint.ERROR)
		if got.Describe() != &rule.Meta || got.Severity() != tflint.ERROR || rule.Severity() != tflint.WARNING {
			t.Fatalf("Describe %p (want %p), severity %s, rule's own %s", got.Describe(), &rule.Meta, got.Severity(), rule.Severity())
		}
	})
}
