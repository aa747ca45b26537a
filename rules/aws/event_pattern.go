package aws

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/zclconf/go-cty/cty"
)

// An EventBridge event pattern is a JSON object whose fields list the values
// an event's fields may take, as literals or as matchers ({"prefix": …},
// {"anything-but": …}, …), with "$or" for alternatives. Terraform code writes
// it with jsonencode(...), as a heredoc or quoted JSON string, or as any
// expression that yields such a string. The reader below turns it into Go
// values (map[string]any, []any, string, float64, bool, nil) in which a part
// that cannot be known at lint time is an unknownPart; the matcher answers
// whether a pattern admits an event, or that it cannot tell.

// unknownPart stands for a part of an event pattern that cannot be known at
// lint time.
type unknownPart struct{}

// eventPattern is an event pattern read from an attribute.
type eventPattern struct {
	// Tree is the pattern; nil unless Value is known.
	Tree any
	// Value says whether the attribute is absent, known (possibly with
	// unknown parts in Tree), or unreadable (Why says why).
	Value lint.Value
}

var (
	whyUnknownPattern   = project.Text{JA: "イベントパターンが lint 時に決まりません", EN: "the event pattern is not known at lint time"}
	whyMalformedPattern = project.Text{JA: "イベントパターンとして読めません", EN: "it is not a readable event pattern"}
	whyPartialPattern   = project.Text{JA: "イベントパターンの一部が lint 時に決まりません", EN: "part of the event pattern is not known at lint time"}
)

// unknownMarker stands in the text of a heredoc pattern for an interpolation
// that cannot be known; a string that contains it is an unknown part.
const unknownMarker = "@@lgcloud-unknown@@"

// readEventPattern reads the event pattern an attribute of body holds.
func readEventPattern(runner *lint.Runner, body *hclext.BodyContent, name string) eventPattern {
	attr, ok := body.Attributes[name]
	if !ok {
		return eventPattern{Value: lint.Value{State: lint.Absent, Name: name}}
	}
	v := lint.Value{State: lint.Known, Expr: attr.Expr, Range: attr.Expr.Range(), Name: name}
	tree, why := patternExpr(runner, attr.Expr)
	switch {
	case why != nil:
		v.State, v.Why = lint.Unknown, *why
	case tree == nil:
		v.State = lint.Absent
	}
	return eventPattern{Tree: tree, Value: v}
}

func patternExpr(runner *lint.Runner, expr hcl.Expression) (any, *project.Text) {
	switch e := expr.(type) {
	case *hclsyntax.TemplateWrapExpr:
		return patternExpr(runner, e.Wrapped)
	case *hclsyntax.FunctionCallExpr:
		if e.Name == "jsonencode" && len(e.Args) == 1 && !e.ExpandFinal {
			val, err := runner.Raw(e.Args[0])
			if err != nil || !val.IsKnown() {
				return nil, &whyUnknownPattern
			}
			return patternValue(val), nil
		}
	case *hclsyntax.TemplateExpr:
		if !e.IsStringLiteral() {
			return patternTemplate(runner, e)
		}
	}
	val, err := runner.Raw(expr)
	if err != nil || !val.IsWhollyKnown() || val.ContainsMarked() {
		return nil, &whyUnknownPattern
	}
	if val.IsNull() {
		return nil, nil
	}
	if val.Type() != cty.String {
		return nil, &whyMalformedPattern
	}
	return parsePattern(val.AsString(), false)
}

// patternTemplate reads a heredoc or quoted pattern with interpolations:
// what TFLint can evaluate is written in, the rest is marked unknown. When
// the text does not parse and some of it is unknown, the pattern is
// unknown rather than malformed.
func patternTemplate(runner *lint.Runner, e *hclsyntax.TemplateExpr) (any, *project.Text) {
	var text strings.Builder
	unknown := false
	for _, part := range e.Parts {
		val, err := runner.Raw(part)
		if err != nil || !val.IsWhollyKnown() || val.ContainsMarked() || val.IsNull() {
			text.WriteString(unknownMarker)
			unknown = true
			continue
		}
		switch val.Type() {
		case cty.String:
			text.WriteString(val.AsString())
		case cty.Number:
			text.WriteString(val.AsBigFloat().Text('f', -1))
		case cty.Bool:
			text.WriteString(strconv.FormatBool(val.True()))
		default:
			text.WriteString(unknownMarker)
			unknown = true
		}
	}
	return parsePattern(text.String(), unknown)
}

// parsePattern parses a JSON pattern; strings holding the unknown marker
// become unknown parts.
func parsePattern(text string, partial bool) (any, *project.Text) {
	var tree any
	if err := json.Unmarshal([]byte(text), &tree); err != nil {
		if partial {
			return nil, &whyUnknownPattern
		}
		return nil, &whyMalformedPattern
	}
	return markUnknown(tree), nil
}

func markUnknown(tree any) any {
	switch t := tree.(type) {
	case string:
		if strings.Contains(t, unknownMarker) {
			return unknownPart{}
		}
	case map[string]any:
		for k, v := range t {
			t[k] = markUnknown(v)
		}
	case []any:
		for i, v := range t {
			t[i] = markUnknown(v)
		}
	}
	return tree
}

// patternValue turns the value of jsonencode's argument into the Go values
// of a parsed pattern; unknown and sensitive parts become unknown parts.
func patternValue(val cty.Value) any {
	if !val.IsKnown() || val.IsMarked() {
		return unknownPart{}
	}
	if val.IsNull() {
		return nil
	}
	ty := val.Type()
	switch {
	case ty == cty.String:
		return val.AsString()
	case ty == cty.Bool:
		return val.True()
	case ty == cty.Number:
		f, _ := val.AsBigFloat().Float64()
		return f
	case ty.IsObjectType() || ty.IsMapType():
		out := map[string]any{}
		for it := val.ElementIterator(); it.Next(); {
			k, v := it.Element()
			if !k.IsKnown() || k.IsMarked() {
				return unknownPart{}
			}
			out[k.AsString()] = patternValue(v)
		}
		return out
	case ty.IsListType() || ty.IsTupleType() || ty.IsSetType():
		out := []any{}
		for it := val.ElementIterator(); it.Next(); {
			_, v := it.Element()
			out = append(out, patternValue(v))
		}
		return out
	}
	return unknownPart{}
}

// patternMatch is the answer of the matcher: the pattern admits the event,
// does not, or cannot be told.
type patternMatch int

const (
	matchNo patternMatch = iota
	matchYes
	matchUnknown
)

func (m patternMatch) and(o patternMatch) patternMatch {
	switch {
	case m == matchNo || o == matchNo:
		return matchNo
	case m == matchUnknown || o == matchUnknown:
		return matchUnknown
	}
	return matchYes
}

func (m patternMatch) or(o patternMatch) patternMatch {
	switch {
	case m == matchYes || o == matchYes:
		return matchYes
	case m == matchUnknown || o == matchUnknown:
		return matchUnknown
	}
	return matchNo
}

// admits reports whether a pattern admits every event whose top-level
// fields have the given values. The pattern's fields on other parts of the
// event (detail, account, region …) narrow which of those events it
// admits; they are taken as satisfiable: a pattern that routes only the
// high-severity findings still routes findings.
func admits(pattern any, event map[string]string) patternMatch {
	switch p := pattern.(type) {
	case unknownPart:
		return matchUnknown
	case map[string]any:
		result := matchYes
		for key, value := range p {
			switch {
			case key == "$or":
				result = result.and(admitsAny(value, event))
			default:
				field, ok := event[key]
				if !ok {
					continue
				}
				result = result.and(fieldAdmits(value, field))
			}
		}
		return result
	}
	return matchNo
}

// admitsAny is the "$or" of a pattern: one of the alternatives admits.
func admitsAny(alternatives any, event map[string]string) patternMatch {
	list, ok := alternatives.([]any)
	if !ok {
		if _, unknown := alternatives.(unknownPart); unknown {
			return matchUnknown
		}
		return matchNo
	}
	result := matchNo
	for _, alt := range list {
		result = result.or(admits(alt, event))
	}
	return result
}

// fieldAdmits reports whether the values a pattern lists for a field admit
// the string s: one of them is s or a matcher that s meets.
func fieldAdmits(values any, s string) patternMatch {
	switch v := values.(type) {
	case unknownPart:
		return matchUnknown
	case []any:
		result := matchNo
		for _, value := range v {
			result = result.or(valueAdmits(value, s))
		}
		return result
	case map[string]any:
		// A nested pattern: the field is an object in the event, not a
		// string.
		return matchNo
	}
	return valueAdmits(values, s)
}

// valueAdmits reports whether one value of a pattern's list admits s.
func valueAdmits(value any, s string) patternMatch {
	switch v := value.(type) {
	case unknownPart:
		return matchUnknown
	case string:
		return matchOf(v == s)
	case map[string]any:
		if len(v) != 1 {
			return matchUnknown
		}
		for op, arg := range v {
			return matcherAdmits(op, arg, s)
		}
	}
	return matchNo
}

// matcherAdmits applies a content-filter matcher to s.
func matcherAdmits(op string, arg any, s string) patternMatch {
	if _, unknown := arg.(unknownPart); unknown {
		return matchUnknown
	}
	switch op {
	case "prefix", "suffix":
		text, fold, ok := matcherText(arg)
		if !ok {
			return matchUnknown
		}
		subject := s
		if fold {
			subject, text = strings.ToLower(s), strings.ToLower(text)
		}
		if op == "prefix" {
			return matchOf(strings.HasPrefix(subject, text))
		}
		return matchOf(strings.HasSuffix(subject, text))
	case "equals-ignore-case":
		text, ok := arg.(string)
		if !ok {
			return matchUnknown
		}
		return matchOf(strings.EqualFold(text, s))
	case "wildcard":
		text, ok := arg.(string)
		if !ok {
			return matchUnknown
		}
		return matchOf(wildcardMatch(text, s))
	case "exists":
		b, ok := arg.(bool)
		if !ok {
			return matchUnknown
		}
		return matchOf(b)
	case "anything-but":
		return anythingBut(arg, s)
	case "numeric", "cidr":
		return matchNo
	}
	return matchUnknown
}

// matcherText reads the argument of prefix and suffix: a string, or
// {"equals-ignore-case": string}.
func matcherText(arg any) (text string, fold, ok bool) {
	switch a := arg.(type) {
	case string:
		return a, false, true
	case map[string]any:
		if t, isString := a["equals-ignore-case"].(string); isString && len(a) == 1 {
			return t, true, true
		}
	}
	return "", false, false
}

// anythingBut admits s unless the argument (a value, a list of values, or
// a matcher) admits it.
func anythingBut(arg any, s string) patternMatch {
	var excluded patternMatch
	switch a := arg.(type) {
	case []any:
		excluded = fieldAdmits(a, s)
	case map[string]any:
		excluded = valueAdmits(a, s)
	default:
		excluded = valueAdmits(a, s)
	}
	switch excluded {
	case matchYes:
		return matchNo
	case matchNo:
		return matchYes
	}
	return matchUnknown
}

// wildcardMatch matches s against a pattern in which * stands for any run
// of characters and \* for a star.
func wildcardMatch(pattern, s string) bool {
	var parts []string
	var cur strings.Builder
	for i := 0; i < len(pattern); i++ {
		switch {
		case pattern[i] == '\\' && i+1 < len(pattern) && pattern[i+1] == '*':
			cur.WriteByte('*')
			i++
		case pattern[i] == '*':
			parts = append(parts, cur.String())
			cur.Reset()
		default:
			cur.WriteByte(pattern[i])
		}
	}
	parts = append(parts, cur.String())
	if len(parts) == 1 {
		return s == parts[0]
	}
	if !strings.HasPrefix(s, parts[0]) {
		return false
	}
	s = s[len(parts[0]):]
	last := parts[len(parts)-1]
	for _, part := range parts[1 : len(parts)-1] {
		i := strings.Index(s, part)
		if i < 0 {
			return false
		}
		s = s[i+len(part):]
	}
	return strings.HasSuffix(s, last)
}

func matchOf(b bool) patternMatch {
	if b {
		return matchYes
	}
	return matchNo
}
