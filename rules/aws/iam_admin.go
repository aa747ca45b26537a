package aws

import (
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/policy"
)

// This file holds what the rules on administrator access share: which
// statements and AWS managed policies grant it, where a grant is written,
// and how holders are named in messages.

// adminStatements returns the statements of a document that grant
// administrator access: every action, every action but some (NotAction),
// or every action of a service, on every resource.
func adminStatements(doc *policy.Document) []policy.Statement {
	var out []policy.Statement
	for _, st := range doc.Statements {
		if p, _ := st.Privilege(); p != policy.NotPrivileged {
			out = append(out, st)
		}
	}
	return out
}

// adminAction names what an administrator statement grants, for messages:
// Action "*", Action "s3:*" or NotAction.
func adminAction(st policy.Statement) string {
	if _, pattern := st.Privilege(); pattern != "NotAction" {
		return `Action "` + pattern + `"`
	}
	return "NotAction"
}

// adminManagedPolicies are the AWS managed policies that give administrator
// access: to everything, to everything but IAM, or to IAM (with which a
// holder can give itself everything else).
var adminManagedPolicies = map[string]bool{
	"AdministratorAccess": true,
	"PowerUserAccess":     true,
	"IAMFullAccess":       true,
}

// grantPlace is where a grant is written, and which AWS managed policy it
// names (a managed_policy_arns list names several at one place).
type grantPlace struct {
	at      hcl.Range
	managed string
}

// grantsByPlace groups grants by where they are written, in the order of
// their first grant: a document attached to several identities is one
// place, reported once.
func grantsByPlace(grants []grant) [][]grant {
	index := map[grantPlace]int{}
	var out [][]grant
	for _, g := range grants {
		key := grantPlace{g.At, g.Managed}
		i, ok := index[key]
		if !ok {
			i = len(out)
			index[key] = i
			out = append(out, nil)
		}
		out[i] = append(out[i], g)
	}
	return out
}

var whyPolicyNotHere = project.Text{
	JA: "付与するポリシーが lint 時に決まらないか、このモジュールにありません",
	EN: "the policy it attaches is not known at lint time or not in this module",
}

// unknownPolicy returns, for a grant whose policy cannot be read, the value
// a strict notice names: the unreadable document, or the resource whose
// policy_arn names no policy of the module and no AWS managed policy.
func unknownPolicy(g grant) (lint.Value, bool) {
	switch {
	case g.Doc.Doc != nil, g.Managed != "":
		return lint.Value{}, false
	case g.Doc.Value.IsUnknown():
		return g.Doc.Value, true
	}
	return lint.Value{State: lint.Unknown, Range: g.At, Name: g.Via, Why: whyPolicyNotHere}, true
}

var whyConditionUnknown = project.Text{
	JA: "管理者権限を与える文の条件が lint 時に決まりません",
	EN: "a condition of the statement that grants administrator access is not known at lint time",
}

// conditionUnknown returns the value a strict notice names for a document
// whose administrator statement has a condition that cannot be read.
func conditionUnknown(g grant) lint.Value {
	v := g.Doc.Value
	v.State, v.Why = lint.Unknown, whyConditionUnknown
	return v
}

// holdsDocument reports whether an identity holds a policy document for
// which test is true: directly, or, for a user, through its groups.
func holdsDocument(graph *iamGraph, id identity, test func(*policy.Document) bool) bool {
	return len(heldDocuments(graph, id, test)) > 0
}

// heldDocuments returns the grants of the documents an identity holds
// (directly, or for a user through its groups) for which test is true.
func heldDocuments(graph *iamGraph, id identity, test func(*policy.Document) bool) []grant {
	if !id.Known() {
		return nil
	}
	ids := []identity{id}
	if id.Kind == iamUser {
		ids = append(ids, graph.GroupsOf(id)...)
	}
	var out []grant
	for _, holder := range ids {
		for _, g := range graph.GrantsTo(holder) {
			if g.Doc.Doc != nil && test(g.Doc.Doc) {
				out = append(out, g)
			}
		}
	}
	return out
}

var identityKinds = map[string]project.Text{
	iamUser:  {JA: "IAM ユーザー", EN: "IAM user"},
	iamGroup: {JA: "IAM グループ", EN: "IAM group"},
	iamRole:  {JA: "IAM ロール", EN: "IAM role"},
}

// holderName names who holds a grant in a message: the address of its
// resource, its name when the module does not declare it ("IAM user
// alice"), or, when the code does not tell, the resource that grants it.
func holderName(g grant, lang project.Language) string {
	kind := identityKinds[g.To.Kind].In(lang)
	switch {
	case g.To.Label != "":
		return resourceTypes[g.To.Kind] + "." + g.To.Label
	case g.To.Name != "":
		return kind + " " + g.To.Name
	case lang == project.English:
		return "the " + kind + " of " + g.Via
	}
	return g.Via + " の " + kind
}

// joinHolders lists holders once each, sorted.
func joinHolders(holders []string, lang project.Language) string {
	holders = slices.Compact(slices.Sorted(slices.Values(holders)))
	sep := "、"
	if lang == project.English {
		sep = ", "
	}
	return strings.Join(holders, sep)
}
