package aws

import (
	"math"
	"regexp"
	"strings"

	"github.com/hashicorp/go-version"
	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// providerMajors is the range of major versions of the AWS provider that the
// version constraints of a configuration allow, both ends included. Max is
// anyMajor when nothing bounds it from above.
type providerMajors struct {
	Min, Max int
}

// anyMajor is the Max of a range without an upper bound.
const anyMajor = math.MaxInt

// unconstrained is the range of a configuration that does not pin the
// provider, or whose constraints cannot be read.
var unconstrained = providerMajors{Min: 0, Max: anyMajor}

// AtMost reports whether every allowed version is of major n or lower.
func (m providerMajors) AtMost(n int) bool { return m.Max <= n }

// AtLeast reports whether every allowed version is of major n or higher.
func (m providerMajors) AtLeast(n int) bool { return m.Min >= n }

func (m providerMajors) intersect(o providerMajors) providerMajors {
	return providerMajors{Min: max(m.Min, o.Min), Max: min(m.Max, o.Max)}
}

// requiredProvidersSchema reads the provider requirements of a module: the
// entries of required_providers are named by their local names, so the block
// is read as attributes.
var requiredProvidersSchema = &hclext.BodySchema{
	Blocks: []hclext.BlockSchema{{
		Type: "terraform",
		Body: &hclext.BodySchema{Blocks: []hclext.BlockSchema{{
			Type: "required_providers",
			Body: &hclext.BodySchema{Mode: hclext.SchemaJustAttributesMode},
		}}},
	}},
}

type providerVersionKey struct{}

// awsProviderMajors returns the major versions of hashicorp/aws that the
// configuration allows, from the version constraints of `terraform {
// required_providers { aws = { version = "..." } } }` in the module being
// checked and in the root module: Terraform installs one provider version
// that meets every module's constraints. A constraint that cannot be read
// constrains nothing; constraints that no version meets are read as
// unconstrained too. The result is computed once per module.
func awsProviderMajors(runner *lint.Runner) (providerMajors, error) {
	v, err := runner.Memo(providerVersionKey{}, func() (any, error) {
		majors := unconstrained
		for _, ctx := range []tflint.ModuleCtxType{tflint.SelfModuleCtxType, tflint.RootModuleCtxType} {
			content, err := runner.GetModuleContent(requiredProvidersSchema, &tflint.GetModuleContentOption{
				ModuleCtx:  ctx,
				ExpandMode: tflint.ExpandModeNone,
			})
			if err != nil {
				return nil, err
			}
			for _, block := range content.Blocks {
				for _, req := range block.Body.Blocks.OfType("required_providers") {
					for name, attr := range req.Body.Attributes {
						if constraint, ok := awsConstraint(name, attr.Expr); ok {
							majors = majors.intersect(majorsOf(constraint))
						}
					}
				}
			}
		}
		if majors.Min > majors.Max {
			majors = unconstrained
		}
		return majors, nil
	})
	if err != nil {
		return unconstrained, err
	}
	return v.(providerMajors), nil
}

// awsConstraint returns the version constraint of a required_providers
// entry when it names hashicorp/aws: an object with source and version
// (the source defaults to hashicorp/<local name>), or the string form of
// Terraform 0.12 (`aws = "~> 5.0"`). Terraform requires these values to be
// literal, so they are read without evaluation.
func awsConstraint(name string, expr hcl.Expression) (string, bool) {
	val, ok := requirementValue(expr)
	if !ok {
		return "", false
	}
	ty := val.Type()
	switch {
	case ty == cty.String:
		return val.AsString(), name == "aws"
	case ty.IsObjectType() || ty.IsMapType():
	default:
		return "", false
	}
	source := "hashicorp/" + name
	if s, ok := stringItem(val, "source"); ok {
		source = s
	}
	if !isAWSSource(source) {
		return "", false
	}
	constraint, ok := stringItem(val, "version")
	return constraint, ok
}

// requirementValue evaluates an expression of required_providers, which
// refers to nothing.
func requirementValue(expr hcl.Expression) (val cty.Value, ok bool) {
	defer func() {
		if recover() != nil {
			val, ok = cty.NilVal, false
		}
	}()
	val, diags := expr.Value(nil)
	if diags.HasErrors() || !val.IsWhollyKnown() || val.IsNull() {
		return cty.NilVal, false
	}
	return val, true
}

func stringItem(obj cty.Value, key string) (string, bool) {
	var v cty.Value
	switch ty := obj.Type(); {
	case ty.IsObjectType() && ty.HasAttribute(key):
		v = obj.GetAttr(key)
	case ty.IsMapType() && obj.HasIndex(cty.StringVal(key)).True():
		v = obj.Index(cty.StringVal(key))
	default:
		return "", false
	}
	if v.IsNull() || v.Type() != cty.String {
		return "", false
	}
	return v.AsString(), true
}

// isAWSSource reports whether a provider source address names hashicorp/aws
// on the public registry.
func isAWSSource(source string) bool {
	s := strings.ToLower(strings.TrimSpace(source))
	s = strings.TrimPrefix(s, "registry.terraform.io/")
	return s == "hashicorp/aws"
}

// constraintPart is one comma-separated part of a version constraint.
var constraintPart = regexp.MustCompile(`^(=|!=|>=|<=|>|<|~>)?\s*(\S+)$`)

// majorsOf returns the major versions a version constraint allows, with the
// operators' meaning in Terraform: "~> 5", "~> 5.1" and "~> 5.1.2" all keep
// to major 5. A constraint that cannot be parsed allows every major.
func majorsOf(constraint string) providerMajors {
	if _, err := version.NewConstraint(constraint); err != nil {
		return unconstrained
	}
	majors := unconstrained
	for _, part := range strings.Split(constraint, ",") {
		m := constraintPart.FindStringSubmatch(strings.TrimSpace(part))
		if m == nil {
			return unconstrained
		}
		v, err := version.NewVersion(m[2])
		if err != nil {
			return unconstrained
		}
		seg := v.Segments()
		major := seg[0]
		switch m[1] {
		case "", "=", "~>":
			majors = majors.intersect(providerMajors{Min: major, Max: major})
		case ">", ">=":
			majors = majors.intersect(providerMajors{Min: major, Max: anyMajor})
		case "<=":
			majors = majors.intersect(providerMajors{Min: 0, Max: major})
		case "<":
			below := major
			if seg[1] == 0 && seg[2] == 0 && v.Prerelease() == "" {
				below = major - 1
			}
			majors = majors.intersect(providerMajors{Min: 0, Max: below})
		}
	}
	return majors
}
