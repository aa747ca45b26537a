package rules

import (
	"errors"
	"fmt"
	"reflect"

	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// readRuleConfigs reads every rule block: the `severity` override, and the
// options of rules that have some. All errors are returned together, each
// naming the rule and, where TFLint lets us find it, the file and line.
func readRuleConfigs(runner tflint.Runner, all []lint.Rule) (map[string]tflint.Severity, map[string]any, error) {
	severity := map[string]tflint.Severity{}
	options := map[string]any{}
	var errs []error
	for _, rule := range all {
		sev, opts, err := readRuleConfig(runner, rule)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if sev != nil {
			severity[rule.Name()] = *sev
		}
		if opts != nil {
			options[rule.Name()] = opts
		}
	}
	return severity, options, errors.Join(errs...)
}

const severityField = "Severity"

// blockType is the Go type the rule block of a rule decodes into: its
// severity override and, for a configurable rule, its options.
func blockType(rule lint.Rule, probe string) (reflect.Type, reflect.Type) {
	fields := []reflect.StructField{{
		Name: severityField,
		Type: reflect.TypeFor[*string](),
		Tag:  `hclext:"severity,optional"`,
	}}
	var optsType reflect.Type
	if c, ok := rule.(lint.Configurable); ok {
		optsType = reflect.TypeOf(c.NewOptions()).Elem()
		for i := range optsType.NumField() {
			fields = append(fields, optsType.Field(i))
		}
	}
	for i := range fields {
		if attributeName(fields[i]) == probe {
			// A list of maps: no value a user writes for a setting
			// converts to it, so decoding fails at the value's position.
			fields[i].Type = reflect.TypeFor[[]map[string]bool]()
		}
	}
	return reflect.StructOf(fields), optsType
}

func attributeName(f reflect.StructField) string {
	tag := f.Tag.Get("hclext")
	for i := range len(tag) {
		if tag[i] == ',' {
			return tag[:i]
		}
	}
	return tag
}

func readRuleConfig(runner tflint.Runner, rule lint.Rule) (*tflint.Severity, any, error) {
	ty, optsType := blockType(rule, "")
	block := reflect.New(ty)
	var opts reflect.Value
	if optsType != nil {
		// Start from the defaults the rule gives.
		opts = reflect.ValueOf(rule.(lint.Configurable).NewOptions())
		for i := range optsType.NumField() {
			block.Elem().Field(i + 1).Set(opts.Elem().Field(i))
		}
	}
	if err := runner.DecodeRuleConfig(rule.Name(), block.Interface()); err != nil {
		return nil, nil, fmt.Errorf("invalid rule %q configuration: %w", rule.Name(), err)
	}

	var sev *tflint.Severity
	if s := block.Elem().Field(0).Interface().(*string); s != nil {
		parsed, ok := ParseSeverity(*s)
		if !ok {
			return nil, nil, fmt.Errorf("%sinvalid rule %q configuration: severity %q is unknown; use \"error\", \"warning\" or \"notice\"",
				position(runner, rule, "severity"), rule.Name(), *s)
		}
		sev = &parsed
	}
	if optsType == nil {
		return sev, nil, nil
	}
	for i := range optsType.NumField() {
		opts.Elem().Field(i).Set(block.Elem().Field(i + 1))
	}
	if v, ok := opts.Interface().(lint.Validator); ok {
		var bad *lint.OptionError
		if err := v.Validate(); errors.As(err, &bad) {
			return nil, nil, fmt.Errorf("%sinvalid rule %q configuration: %s: %s", position(runner, rule, bad.Attribute), rule.Name(), bad.Attribute, bad.Detail)
		} else if err != nil {
			return nil, nil, fmt.Errorf("invalid rule %q configuration: %w", rule.Name(), err)
		}
	}
	return sev, opts.Interface(), nil
}

// position finds where an attribute of a rule block is written, as
// "file:line,col-col: ". TFLint hands rule configuration to plugins only as
// decoded values, so the position comes from decoding the block again with
// that attribute typed so that its value cannot convert, which fails with a
// diagnostic pointing at the value.
func position(runner tflint.Runner, rule lint.Rule, attr string) string {
	ty, _ := blockType(rule, attr)
	var diags hcl.Diagnostics
	if err := runner.DecodeRuleConfig(rule.Name(), reflect.New(ty).Interface()); errors.As(err, &diags) {
		for _, d := range diags {
			if d.Subject != nil {
				return d.Subject.String() + ": "
			}
		}
	}
	return ""
}
