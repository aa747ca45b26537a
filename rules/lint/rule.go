package lint

import (
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// Rule is a rule of this ruleset: a TFLint rule that also describes itself.
type Rule interface {
	tflint.Rule
	Describe() *Meta
}

// Reads maps the resource types a rule reads to the schema it reads of each.
type Reads map[string]*hclext.BodySchema

// Meta is what a rule declares of itself. Rules embed it, so that a rule file
// holds only its metadata and its Check.
type Meta struct {
	tflint.DefaultRule

	// RuleName is lgcloud_<provider>_<subject>_<requirement>.
	RuleName string
	// Level is the severity before any override in the rule block: ERROR
	// where the guideline says "shall", WARNING where it recommends, NOTICE
	// for hints.
	Level tflint.Severity
	// Preset is the smallest preset that enables the rule.
	Preset config.Preset
	// Provider is the Terraform provider whose resources the rule reads.
	Provider string
	// Items are the guideline items the rule enforces, cited in every message.
	Items []string
	// Summary says in one line what the rule checks (docs index).
	Summary project.Text
	// Reads are the resource types and attributes the rule reads.
	Reads Reads
}

// Name returns the rule name.
func (m *Meta) Name() string { return m.RuleName }

// Enabled returns whether the rule is enabled when no preset is configured.
func (m *Meta) Enabled() bool { return m.Preset == config.Recommended }

// Severity returns the rule's default severity.
func (m *Meta) Severity() tflint.Severity { return m.Level }

// Link returns the rule's docs page, pinned to the released version.
func (m *Meta) Link() string { return project.ReferenceLink(m.RuleName) }

// Describe returns the metadata itself.
func (m *Meta) Describe() *Meta { return m }

// Cite returns the citation of the rule's items in the given language.
func (m *Meta) Cite(lang project.Language) string { return project.Cite(lang, m.Items...) }

// MergeReads returns the union of the reads of the given rules, so that one
// read of a resource type serves every rule.
func MergeReads(rules []Rule) Reads {
	merged := Reads{}
	for _, rule := range rules {
		for ty, schema := range rule.Describe().Reads {
			merged[ty] = MergeSchema(merged[ty], schema)
		}
	}
	return merged
}

// MergeSchema returns the union of two schemas.
func MergeSchema(a, b *hclext.BodySchema) *hclext.BodySchema {
	if a == nil {
		a = &hclext.BodySchema{}
	}
	if b == nil {
		return a
	}
	out := &hclext.BodySchema{Mode: a.Mode}
	if len(a.Attributes) == 0 && len(a.Blocks) == 0 {
		out.Mode = b.Mode
	}
	attrs := map[string]bool{}
	for _, s := range []*hclext.BodySchema{a, b} {
		for _, attr := range s.Attributes {
			if !attrs[attr.Name] {
				attrs[attr.Name] = true
				out.Attributes = append(out.Attributes, hclext.AttributeSchema{Name: attr.Name})
			}
		}
	}
	blocks := map[string]int{}
	for _, s := range []*hclext.BodySchema{a, b} {
		for _, block := range s.Blocks {
			if i, ok := blocks[block.Type]; ok {
				out.Blocks[i].Body = MergeSchema(out.Blocks[i].Body, block.Body)
				continue
			}
			blocks[block.Type] = len(out.Blocks)
			out.Blocks = append(out.Blocks, hclext.BlockSchema{
				Type:       block.Type,
				LabelNames: block.LabelNames,
				Body:       MergeSchema(nil, block.Body),
			})
		}
	}
	return out
}

// Configurable is a rule with options of its own in its rule block, beside
// `enabled` and `severity`.
type Configurable interface {
	Rule
	// NewOptions returns a pointer to a struct holding the defaults of the
	// rule's options; its exported fields carry hclext tags
	// (`hclext:"minimum_length,optional"`). The ruleset decodes the rule
	// block into it once per run.
	NewOptions() any
}

// Validator is implemented by options that check their decoded values.
type Validator interface {
	// Validate returns an *OptionError naming the attribute at fault.
	Validate() error
}

// OptionError is an invalid rule option.
type OptionError struct {
	Attribute string
	Detail    string
}

func (e *OptionError) Error() string { return e.Attribute + ": " + e.Detail }

// AtSeverity returns the rule as it reports one finding with another
// severity than its level: an ERROR for a resource of the My Number segment
// where the rule otherwise warns. A severity set in the rule block still
// wins. The rule's name, metadata and reads are unchanged.
func AtSeverity(rule Rule, severity tflint.Severity) Rule {
	if rule.Severity() == severity {
		return rule
	}
	return atSeverity{rule, severity}
}

type atSeverity struct {
	Rule
	severity tflint.Severity
}

func (a atSeverity) Severity() tflint.Severity { return a.severity }
