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
// (selection_tag) or by condition, less what `not_resources` names. The
// backup rules read what a selection names to tell whether a resource of
// the module is backed up by a plan.
//
// AWS Backup selects a resource that `resources` names or that carries one
// of the selection_tag tags (either), and that meets every condition
// (condition blocks narrow what the others select; alone, they select among
// every supported resource); `not_resources` takes resources out.

const backupSelectionType = "aws_backup_selection"

// backupSelectionReads is the read of every rule that reads selections.
var backupSelectionReads = lint.Reads{
	backupSelectionType: storeSchema(append([]string{"plan_id", "resources", "not_resources",
		"selection_tag.type", "selection_tag.key", "selection_tag.value"}, conditionPaths()...)...),
}

// backupConditions are the blocks of a condition block, by the operator
// each applies.
var backupConditions = []struct {
	Block string
	Op    tagOp
}{
	{"string_equals", tagEquals},
	{"string_like", tagLike},
	{"string_not_equals", tagNotEquals},
	{"string_not_like", tagNotLike},
}

func conditionPaths() []string {
	var out []string
	for _, c := range backupConditions {
		out = append(out, "condition."+c.Block+".key", "condition."+c.Block+".value")
	}
	return out
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

	// HasResources is true when `resources` is written, and
	// UnknownResources when some of it cannot be known at lint time.
	HasResources, UnknownResources bool
	// Tags are the selection_tag blocks: a resource that carries one of
	// them is selected.
	Tags []tagTest
	// Conditions are the tests of the condition blocks: a selected
	// resource meets them all.
	Conditions []tagTest
	// NotRefs holds the addresses that `not_resources` names by reference;
	// NotOpen says why it may name others (ARNs, values unknown at lint
	// time), empty when it names no other.
	NotRefs map[string]bool
	NotOpen project.Text
}

// tagOp is how a tag test compares a tag's value.
type tagOp int

// The operators of tag tests (StringEquals … of AWS Backup).
const (
	tagEquals tagOp = iota
	tagLike
	tagNotEquals
	tagNotLike
)

// tagTest is one test on a resource's tag: a selection_tag, or a test of a
// condition block.
type tagTest struct {
	Op         tagOp
	Key, Value lint.Value
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
	whySelectionExcludesUnknown = project.Text{
		JA: "AWS Backup の選択（aws_backup_selection）の not_resources が lint 時に決まらず、このリソースを除外しているかもしれません",
		EN: "the not_resources of an AWS Backup selection (aws_backup_selection) are not known at lint time and may leave it out",
	}
	whySelectionExcludesARN = project.Text{
		JA: "AWS Backup の選択（aws_backup_selection）の not_resources に、このリソースを指しうる ARN があります",
		EN: "the not_resources of an AWS Backup selection (aws_backup_selection) hold an ARN that may name it",
	}
	whySelectionTagUnknown = project.Text{
		JA: "AWS Backup の選択（aws_backup_selection）のタグ条件の値が lint 時に決まりません",
		EN: "a tag test of an AWS Backup selection (aws_backup_selection) is not known at lint time",
	}
	whyStoreTagUnknown = project.Text{
		JA: "AWS Backup の選択（aws_backup_selection）がタグで選びますが、このリソースのタグが lint 時に決まりません",
		EN: "an AWS Backup selection (aws_backup_selection) selects by tag, and the resource's tags are not known at lint time",
	}
)

// backupServices are the data-store types AWS Backup protects, with the
// service segment of their ARNs (arn:aws:SERVICE:…). The other stores of
// the table (caches, search domains, Redshift Serverless namespaces, vaults)
// are not resources an AWS Backup selection can select.
var backupServices = map[string]string{
	"aws_s3_bucket":               "s3",
	"aws_ebs_volume":              "ec2",
	"aws_db_instance":             "rds",
	"aws_rds_cluster":             "rds",
	"aws_docdb_cluster":           "rds",
	"aws_neptune_cluster":         "rds",
	"aws_efs_file_system":         "elasticfilesystem",
	"aws_dynamodb_table":          "dynamodb",
	"aws_fsx_windows_file_system": "fsx",
	"aws_fsx_lustre_file_system":  "fsx",
	"aws_fsx_ontap_file_system":   "fsx",
	"aws_fsx_openzfs_file_system": "fsx",
	"aws_redshift_cluster":        "redshift",
}

// selectsStore says whether the selection selects a data store whose ARN
// has the service segment service and whose tags are tags, and when it may,
// why. local is true when the store is declared in the selection's module
// (only then can the selection name it by reference).
func (s backupSelection) selectsStore(address, service string, tags StoreTags, local bool) (coverage, project.Text) {
	if local && s.NotRefs[address] {
		return notCovered, project.Text{}
	}
	// What `resources` names.
	byResources, why := notCovered, project.Text{}
	switch {
	case s.All, local && s.Refs[address]:
		byResources = covered
	case s.UnknownResources:
		byResources, why = mayBeCovered, whySelectionUnknown
	}
	if byResources == notCovered {
		for _, arn := range s.Literals {
			if !strings.HasPrefix(arn, "arn:") || strings.Contains(arn, ":"+service+":") {
				byResources, why = mayBeCovered, whySelectionARN
				break
			}
		}
	}
	// Or what selection_tag selects.
	c := byResources
	for _, t := range s.Tags {
		m, whyM := t.match(tags)
		c, why = anyOf(c, why, m, whyM)
	}
	if !s.HasResources && len(s.Tags) == 0 {
		// Conditions alone (or nothing) select among every resource.
		c, why = covered, project.Text{}
	}
	// And every condition.
	for _, t := range s.Conditions {
		m, whyM := t.match(tags)
		c, why = allOf(c, why, m, whyM)
	}
	if c == covered && s.NotOpen != (project.Text{}) {
		return mayBeCovered, s.NotOpen
	}
	return c, why
}

// anyOf is the coverage of either of two selections.
func anyOf(a coverage, whyA project.Text, b coverage, whyB project.Text) (coverage, project.Text) {
	switch {
	case a == covered || b == covered:
		return covered, project.Text{}
	case a == mayBeCovered:
		return a, whyA
	case b == mayBeCovered:
		return b, whyB
	}
	return notCovered, project.Text{}
}

// allOf is the coverage of both of two selections.
func allOf(a coverage, whyA project.Text, b coverage, whyB project.Text) (coverage, project.Text) {
	switch {
	case a == notCovered || b == notCovered:
		return notCovered, project.Text{}
	case a == mayBeCovered:
		return a, whyA
	case b == mayBeCovered:
		return b, whyB
	}
	return covered, project.Text{}
}

// tagKeyPrefix is the prefix of a tag key in a condition block
// (aws:ResourceTag/Segment); a selection_tag names the key alone.
const tagKeyPrefix = "aws:ResourceTag/"

// match says whether a resource with the given tags passes the test.
// Tag values are compared case-sensitively, as AWS Backup does; a tag the
// resource does not carry fails StringEquals and StringLike and passes
// their negations.
func (t tagTest) match(tags StoreTags) (coverage, project.Text) {
	key, okKey := t.Key.String()
	want, okValue := t.Value.String()
	if !okKey || !okValue {
		return mayBeCovered, whySelectionTagUnknown
	}
	tag := tags.Tag(strings.TrimPrefix(key, tagKeyPrefix))
	if tag.State == lint.Unknown {
		return mayBeCovered, whyStoreTagUnknown
	}
	var hit bool
	switch t.Op {
	case tagEquals, tagNotEquals:
		hit = tag.State == lint.Known && tag.Value == want
	default:
		hit = tag.State == lint.Known && tagLikeMatch(want, tag.Value)
	}
	if t.Op == tagNotEquals || t.Op == tagNotLike {
		hit = !hit
	}
	if hit {
		return covered, project.Text{}
	}
	return notCovered, project.Text{}
}

// tagLikeMatch reports whether s matches pattern, in which * stands for
// any run of characters and ? for any one character (StringLike).
func tagLikeMatch(pattern, s string) bool {
	p, str := []rune(pattern), []rune(s)
	pi, si, star, mark := 0, 0, -1, 0
	for si < len(str) {
		switch {
		case pi < len(p) && (p[pi] == '?' || p[pi] == str[si]):
			pi++
			si++
		case pi < len(p) && p[pi] == '*':
			star, mark = pi, si
			pi++
		case star >= 0:
			pi, mark = star+1, mark+1
			si = mark
		default:
			return false
		}
	}
	for pi < len(p) && p[pi] == '*' {
		pi++
	}
	return pi == len(p)
}

type backupSelectionsKey struct{ root bool }

// readBackupSelections returns the backup selections of the module being
// checked, read once per module.
func readBackupSelections(runner *lint.Runner, rule lint.Rule) ([]backupSelection, error) {
	return readSelectionsOf(runner, rule, false)
}

// readRootBackupSelections returns the backup selections of the root
// module, for a called module whose resources they may select by tag.
func readRootBackupSelections(runner *lint.Runner, rule lint.Rule) ([]backupSelection, error) {
	return readSelectionsOf(runner, rule, true)
}

func readSelectionsOf(runner *lint.Runner, rule lint.Rule, root bool) ([]backupSelection, error) {
	v, err := runner.Memo(backupSelectionsKey{root}, func() (any, error) {
		read, attr := runner.Resources, runner.Attr
		if root {
			read, attr = runner.RootResources, runner.RootAttr
		}
		blocks, err := read(rule, backupSelectionType)
		if err != nil {
			return nil, err
		}
		selections := make([]backupSelection, 0, len(blocks))
		for _, block := range sortedBlocks(blocks) {
			selections = append(selections, readBackupSelection(attr, block))
		}
		return selections, nil
	})
	if err != nil {
		return nil, err
	}
	return v.([]backupSelection), nil
}

// attrReader evaluates an attribute in the module a block is declared in.
type attrReader func(body *hclext.BodyContent, name string, ty cty.Type) lint.Value

func readBackupSelection(attr attrReader, block *hclext.Block) backupSelection {
	s := backupSelection{Block: block, Refs: map[string]bool{}, NotRefs: map[string]bool{}}
	if a, ok := block.Body.Attributes["plan_id"]; ok {
		s.PlanID = a.Expr
		s.Plan, _ = referenceLabel(a.Expr, "aws_backup_plan")
	}
	for _, tag := range block.Body.Blocks.OfType("selection_tag") {
		s.Tags = append(s.Tags, tagTest{Op: tagEquals, Key: attr(tag.Body, "key", cty.String), Value: attr(tag.Body, "value", cty.String)})
	}
	for _, cond := range block.Body.Blocks.OfType("condition") {
		for _, c := range backupConditions {
			for _, test := range cond.Body.Blocks.OfType(c.Block) {
				s.Conditions = append(s.Conditions, tagTest{Op: c.Op, Key: attr(test.Body, "key", cty.String), Value: attr(test.Body, "value", cty.String)})
			}
		}
	}
	if len(block.Body.Blocks.OfType("selection_tag")) > 0 || len(block.Body.Blocks.OfType("condition")) > 0 {
		s.Open = whySelectionTags
	}
	s.readNotResources(attr)
	a, ok := block.Body.Attributes["resources"]
	if !ok {
		return s
	}
	s.HasResources = true
	for _, elem := range listElems(a.Expr) {
		if ty := lint.RefType(elem); ty != "" && !strings.HasPrefix(ty, lint.DataPrefix) {
			if name, ok := referenceLabel(elem, ty); ok {
				s.Refs[ty+"."+name] = true
				continue
			}
		}
		body := &hclext.BodyContent{Attributes: hclext.Attributes{"resources": {Name: "resources", Expr: elem}}}
		v := attr(body, "resources", cty.DynamicPseudoType)
		if v.State != lint.Known {
			if v.State == lint.Unknown {
				s.UnknownResources = true
				if s.Open == (project.Text{}) {
					s.Open = whySelectionUnknown
				}
			}
			continue
		}
		s.addStrings(v.Val)
	}
	return s
}

// readNotResources reads what `not_resources` takes out of the selection.
func (s *backupSelection) readNotResources(attr attrReader) {
	a, ok := s.Block.Body.Attributes["not_resources"]
	if !ok {
		return
	}
	for _, elem := range listElems(a.Expr) {
		if ty := lint.RefType(elem); ty != "" && !strings.HasPrefix(ty, lint.DataPrefix) {
			if name, ok := referenceLabel(elem, ty); ok {
				s.NotRefs[ty+"."+name] = true
				continue
			}
		}
		body := &hclext.BodyContent{Attributes: hclext.Attributes{"not_resources": {Name: "not_resources", Expr: elem}}}
		switch v := attr(body, "not_resources", cty.DynamicPseudoType); {
		case v.State == lint.Unknown:
			s.NotOpen = whySelectionExcludesUnknown
		case v.State == lint.Known && s.NotOpen == (project.Text{}):
			var strs []string
			walkStrings(v.Val, func(str string) { strs = append(strs, str) })
			if len(strs) > 0 {
				s.NotOpen = whySelectionExcludesARN
			}
		}
	}
}

// listElems returns the elements of a list written as a tuple, or the
// expression itself.
func listElems(expr hcl.Expression) []hcl.Expression {
	tuple, ok := expr.(*hclsyntax.TupleConsExpr)
	if !ok {
		return []hcl.Expression{expr}
	}
	out := make([]hcl.Expression, len(tuple.Exprs))
	for i, e := range tuple.Exprs {
		out[i] = e
	}
	return out
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
