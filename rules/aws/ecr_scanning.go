package aws

import (
	"strings"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
)

// ECR registry scanning: an aws_ecr_registry_scanning_configuration holds
// rules, each scanning the repositories its filters match at a frequency.
// A filter with no * matches every repository name that contains it; with
// *, the whole name, * standing for any run of characters.

const registryScanningConfigType = "aws_ecr_registry_scanning_configuration"

// registryScanningSchema is what the rules read of a registry scanning
// configuration.
var registryScanningSchema = &hclext.BodySchema{
	Blocks: []hclext.BlockSchema{{
		Type: "rule",
		Body: &hclext.BodySchema{
			Attributes: []hclext.AttributeSchema{{Name: "scan_frequency"}},
			Blocks: []hclext.BlockSchema{{
				Type: "repository_filter",
				Body: &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "filter"}, {Name: "filter_type"}}},
			}},
		},
	}},
}

// stringAttr evaluates a string attribute of a body, in the module the body
// was read from.
type stringAttr func(body *hclext.BodyContent, name string) lint.Value

// registryScans is whether a registry scanning configuration scans a
// repository (repo is its name), or every repository (repo nil), on push or
// continuously.
func registryScans(registry *hclext.Block, repo *lint.Value, attr stringAttr) verdict {
	scans := verdictFails
	for _, rule := range registry.Body.Blocks.OfType("rule") {
		frequency := attr(rule.Body, "scan_frequency")
		switch s, _ := frequency.String(); {
		case frequency.IsUnknown():
			frequency.Name = "scan_frequency"
			scans = scans.Or(undecided(frequency).And(filtersMatch(rule, repo, attr)))
		case s == "SCAN_ON_PUSH" || s == "CONTINUOUS_SCAN":
			scans = scans.Or(filtersMatch(rule, repo, attr))
		}
	}
	return scans
}

// filtersMatch is whether one of a scanning rule's filters matches the
// repository, or every repository.
func filtersMatch(rule *hclext.Block, repo *lint.Value, attr stringAttr) verdict {
	match := verdictFails
	for _, filter := range rule.Body.Blocks.OfType("repository_filter") {
		v := attr(filter.Body, "filter")
		text, known := v.String()
		switch {
		case v.IsUnknown():
			match = match.Or(undecided(v))
		case !known:
		case strings.Trim(text, "*") == "" && text != "":
			match = match.Or(verdictHolds)
		case repo == nil:
		case repo.IsUnknown():
			match = match.Or(undecided(*repo))
		default:
			name, _ := repo.String()
			match = match.Or(verdictOf(repositoryFilterMatches(text, name)))
		}
	}
	return match
}

// repositoryFilterMatches applies an ECR repository filter to a name.
func repositoryFilterMatches(filter, name string) bool {
	if !strings.Contains(filter, "*") {
		return strings.Contains(name, filter)
	}
	return wildcardMatch(filter, name)
}
