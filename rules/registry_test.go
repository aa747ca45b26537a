package rules

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

var ruleNamePattern = regexp.MustCompile(`^lgcloud_(aws|azurerm|google|oci|sakura)_[a-z0-9_]+$`)

func TestRegistry(t *testing.T) {
	all := All()
	if len(all) == 0 {
		t.Fatal("the registry holds no rules")
	}
	names := map[string]bool{}
	for _, rule := range all {
		meta := rule.Describe()
		name := rule.Name()
		if names[name] {
			t.Errorf("rule %s is registered twice", name)
		}
		names[name] = true

		t.Run(name, func(t *testing.T) {
			cases := []struct {
				Name  string
				Check func() string
			}{
				{"name follows lgcloud_<provider>_<subject>_<requirement>", func() string {
					if !ruleNamePattern.MatchString(name) {
						return "name does not match " + ruleNamePattern.String()
					}
					return ""
				}},
				{"name starts with the rule's provider", func() string {
					if meta.Provider == "" || !strings.HasPrefix(name, "lgcloud_"+meta.Provider+"_") {
						return "name does not start with lgcloud_" + meta.Provider + "_"
					}
					return ""
				}},
				{"name is the metadata's", func() string {
					if meta.RuleName != name {
						return "Name() " + name + " differs from RuleName " + meta.RuleName
					}
					return ""
				}},
				{"source file is named after the rule", func() string {
					path := filepath.Join(meta.Provider, name+".go")
					if _, err := os.Stat(path); err != nil {
						return "rules/" + path + ": " + err.Error()
					}
					return ""
				}},
				{"cites items of the catalogue", func() string {
					if len(meta.Items) == 0 {
						return "cites no guideline item"
					}
					for _, id := range meta.Items {
						item, ok := project.Lookup(id)
						if !ok {
							return "item " + id + " is not in the catalogue"
						}
						if item.IaC == project.IaCNo {
							return "item " + id + " is one the catalogue says no rule can check"
						}
					}
					return ""
				}},
				{"cites each item once", func() string {
					seen := map[string]bool{}
					for _, id := range meta.Items {
						if seen[id] {
							return "item " + id + " is cited twice"
						}
						seen[id] = true
					}
					return ""
				}},
				{"summary in both languages", func() string {
					if strings.TrimSpace(meta.Summary.JA) == "" || strings.TrimSpace(meta.Summary.EN) == "" {
						return "summary lacks a language: " + meta.Summary.JA + " / " + meta.Summary.EN
					}
					return ""
				}},
				{"link is the pinned docs page", func() string {
					if rule.Link() != project.ReferenceLink(name) {
						return "link " + rule.Link() + ", want " + project.ReferenceLink(name)
					}
					return ""
				}},
				{"reads some resource types", func() string {
					if len(meta.Reads) == 0 {
						return "declares no reads"
					}
					for ty, schema := range meta.Reads {
						if ty == "" || schema == nil {
							return "declares an empty read of " + ty
						}
					}
					return ""
				}},
				{"level is error, warning or notice", func() string {
					if !slices.Contains([]tflint.Severity{tflint.ERROR, tflint.WARNING, tflint.NOTICE}, meta.Level) {
						return "level " + meta.Level.String() + " is not error, warning or notice"
					}
					if rule.Severity() != meta.Level {
						return "Severity() differs from the level"
					}
					return ""
				}},
				{"preset is known", func() string {
					if !slices.Contains(config.Presets, meta.Preset) {
						return "preset " + string(meta.Preset) + " is unknown"
					}
					return ""
				}},
				{"enabled by default exactly when recommended", func() string {
					if rule.Enabled() != (meta.Preset == config.Recommended) {
						return "Enabled() disagrees with preset " + string(meta.Preset)
					}
					return ""
				}},
			}
			for _, tc := range cases {
				if msg := tc.Check(); msg != "" {
					t.Errorf("%s: %s", tc.Name, msg)
				}
			}
		})
	}
}

func TestNewHoldsEveryRule(t *testing.T) {
	rs := New()
	want := []string{}
	for _, rule := range All() {
		want = append(want, rule.Name())
	}
	if got := rs.RuleNames(); !slices.Equal(got, want) {
		t.Fatalf("New() holds %v, want %v", got, want)
	}
	// Without configuration, the enabled rules are the recommended ones.
	enabled := []string{}
	for _, rule := range rs.EnabledRules {
		enabled = append(enabled, rule.Name())
	}
	recommended := []string{}
	for _, rule := range All() {
		if rule.Describe().Preset == config.Recommended {
			recommended = append(recommended, rule.Name())
		}
	}
	if !slices.Equal(enabled, recommended) {
		t.Fatalf("enabled by default %v, want the recommended rules %v", enabled, recommended)
	}
}
