package aws

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/zclconf/go-cty/cty"
)

// An AWS Backup selection (aws_backup_selection) assigns resources to a
// backup plan: by ARN in `resources` (references such as
// aws_efs_file_system.shared.arn, literal ARNs with wildcards, "*"), by tag
// (selection_tag) or by condition. The backup rules read what a selection
// names to tell whether a resource of the module is backed up by a plan.

const backupSelectionType = "aws_backup_selection"

// backupSelectionReads is the read of every rule that reads selections.
var backupSelectionReads = lint.Reads{
	backupSelectionType: {
		Attributes: []hclext.AttributeSchema{{Name: "plan_id"}, {Name: "resources"}},
		Blocks: []hclext.BlockSchema{
			{Type: "selection_tag", Body: &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "key"}}}},
			{Type: "condition", Body: &hclext.BodySchema{}},
		},
	},
}

// withBackupSelections adds the selection read to a rule's reads.
func withBackupSelections(reads lint.Reads) lint.Reads {
	for ty, schema := range backupSelectionReads {
		reads[ty] = schema
	}
	return reads
}

// backupSelection is what one aws_backup_selection names.
type backupSelection struct {
	Block *hclext.Block
	// Plan is the name of the aws_backup_plan of the module that plan_id
	// refers to; "" when plan_id refers to no plan of the module.
	Plan string
	// PlanID is plan_id as written.
	PlanID hcl.Expression
	// Refs holds the addresses (type.name) of the resources that
	// `resources` names by reference.
	Refs map[string]bool
	// All is true when `resources` holds "*", every supported resource.
	All bool
	// Literals are the other strings of `resources`: ARNs, possibly with
	// wildcards.
	Literals []string
	// Open is the reason the selection may select resources the code does
	// not name (tags, conditions, values unknown at lint time); empty when
	// it selects only what Refs, All and Literals say.
	Open project.Text
}

// coverage says whether a backup selection covers a resource.
type coverage int

const (
	// notCovered means no selection covers the resource.
	notCovered coverage = iota
	// covered means a selection names the resource.
	covered
	// mayBeCovered means a selection may select the resource, by tag,
	// condition, an ARN or a value the plugin cannot match to it.
	mayBeCovered
)

// Covers says whether the selection covers the resource of type
// resourceType named name, whose ARNs have the service segment service
// (arn:aws:SERVICE:...), and when it may, why.
func (s backupSelection) Covers(resourceType, name, service string) (coverage, project.Text) {
	if s.All || s.Refs[resourceType+"."+name] {
		return covered, project.Text{}
	}
	for _, arn := range s.Literals {
		if !strings.HasPrefix(arn, "arn:") || strings.Contains(arn, ":"+service+":") {
			return mayBeCovered, whySelectionARN
		}
	}
	if s.Open != (project.Text{}) {
		return mayBeCovered, s.Open
	}
	return notCovered, project.Text{}
}

// coversAnyOf says whether the selection may cover a resource of type
// resourceType that the code does not name: one it names by reference may
// be it.
func (s backupSelection) coversAnyOf(resourceType, service string) (coverage, project.Text) {
	if s.All {
		return covered, project.Text{}
	}
	for ref := range s.Refs {
		if strings.HasPrefix(ref, resourceType+".") {
			return mayBeCovered, whySelectionARN
		}
	}
	return s.Covers(resourceType, "", service)
}

// Reasons a selection may select resources the code does not name.
var (
	whySelectionARN = project.Text{
		JA: "AWS Backup の選択（aws_backup_selection）の resources に、このリソースを指しうる ARN があります",
		EN: "the resources of an AWS Backup selection (aws_backup_selection) hold an ARN that may name it",
	}
	whySelectionTags = project.Text{
		JA: "AWS Backup の選択（aws_backup_selection）がタグまたは条件でリソースを選びます",
		EN: "an AWS Backup selection (aws_backup_selection) selects resources by tag or condition",
	}
	whySelectionUnknown = project.Text{
		JA: "AWS Backup の選択（aws_backup_selection）の resources が lint 時に決まりません",
		EN: "the resources of an AWS Backup selection (aws_backup_selection) are not known at lint time",
	}
)

type backupSelectionsKey struct{}

// readBackupSelections returns the backup selections of the module being
// checked, read once per module.
func readBackupSelections(runner *lint.Runner, rule lint.Rule) ([]backupSelection, error) {
	v, err := runner.Memo(backupSelectionsKey{}, func() (any, error) {
		blocks, err := runner.Resources(rule, backupSelectionType)
		if err != nil {
			return nil, err
		}
		selections := make([]backupSelection, 0, len(blocks))
		for _, block := range blocks {
			selections = append(selections, readBackupSelection(runner, block))
		}
		return selections, nil
	})
	if err != nil {
		return nil, err
	}
	return v.([]backupSelection), nil
}

func readBackupSelection(runner *lint.Runner, block *hclext.Block) backupSelection {
	s := backupSelection{Block: block, Refs: map[string]bool{}}
	if attr, ok := block.Body.Attributes["plan_id"]; ok {
		s.PlanID = attr.Expr
		s.Plan, _ = referenceLabel(attr.Expr, "aws_backup_plan")
	}
	if len(block.Body.Blocks.OfType("selection_tag")) > 0 || len(block.Body.Blocks.OfType("condition")) > 0 {
		s.Open = whySelectionTags
	}
	attr, ok := block.Body.Attributes["resources"]
	if !ok {
		return s
	}
	elems := []hcl.Expression{attr.Expr}
	if tuple, isTuple := attr.Expr.(*hclsyntax.TupleConsExpr); isTuple {
		elems = elems[:0]
		for _, e := range tuple.Exprs {
			elems = append(elems, e)
		}
	}
	for _, elem := range elems {
		if ty := lint.RefType(elem); ty != "" && !strings.HasPrefix(ty, lint.DataPrefix) {
			if name, ok := referenceLabel(elem, ty); ok {
				s.Refs[ty+"."+name] = true
				continue
			}
		}
		body := &hclext.BodyContent{Attributes: hclext.Attributes{"resources": {Name: "resources", Expr: elem}}}
		v := runner.Attr(body, "resources", cty.DynamicPseudoType)
		if v.State != lint.Known {
			if v.State == lint.Unknown && s.Open == (project.Text{}) {
				s.Open = whySelectionUnknown
			}
			continue
		}
		s.addStrings(v.Val)
	}
	return s
}

// addStrings records the strings of a known value of `resources`: one
// string, or a list or set of them.
func (s *backupSelection) addStrings(val cty.Value) {
	ty := val.Type()
	switch {
	case ty == cty.String:
		if arn := strings.TrimSpace(val.AsString()); arn == "*" {
			s.All = true
		} else if arn != "" {
			s.Literals = append(s.Literals, arn)
		}
	case ty.IsListType() || ty.IsSetType() || ty.IsTupleType():
		for it := val.ElementIterator(); it.Next(); {
			_, elem := it.Element()
			if !elem.IsNull() {
				s.addStrings(elem)
			}
		}
	}
}
