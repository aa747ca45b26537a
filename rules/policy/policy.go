package policy

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// Value is one string of a document: an action, a resource, a principal, a
// condition value. Known is false where the code computes it from something
// that cannot be known at lint time; Ref then names, where the reader could
// tell, the resource type the value refers to (e.g. "aws_iam_user" for
// aws_iam_user.alice.arn).
type Value struct {
	S     string
	Known bool
	Ref   string
}

// Known returns a known value.
func Known(s string) Value { return Value{S: s, Known: true} }

// Unknown is a value that cannot be known at lint time.
var Unknown = Value{}

// Principal is one entry of a Principal or NotPrincipal element. Type is
// "AWS", "Service", "Federated", "CanonicalUser", or "*" for the bare
// `"Principal": "*"`.
type Principal struct {
	Type string
	ID   Value
}

// Condition is one test of a Condition element: Operator (e.g. "Bool",
// "StringEqualsIfExists"), Key (e.g. "aws:MultiFactorAuthPresent") and the
// values it compares with.
type Condition struct {
	Operator string
	Key      string
	Values   []Value
}

// Statement is one statement of a document.
type Statement struct {
	Sid string
	// Effect is "Allow" or "Deny"; "" when it cannot be known.
	Effect        string
	Actions       []Value
	NotActions    []Value
	Resources     []Value
	NotResources  []Value
	Principals    []Principal
	NotPrincipals []Principal
	Conditions    []Condition
}

// Document is a policy document in normal form.
type Document struct {
	Statements []Statement
}

// Effects.
const (
	Allow = "Allow"
	Deny  = "Deny"
)

// ErrMalformed is wrapped by every error about a document that is not a
// policy document.
var ErrMalformed = errors.New("malformed policy document")

// ErrUnknown is returned for a document whose structure (its Statement
// element, a statement) cannot be known at lint time.
var ErrUnknown = errors.New("the policy document is not known at lint time")

func malformed(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrMalformed, fmt.Sprintf(format, args...))
}

// Unknowns hands out placeholder strings that stand for values a caller
// cannot evaluate at lint time, so that a document built around them (a
// template with unknown interpolations, a value with unknown leaves) can
// still be read: a string holding a placeholder reads as an unknown Value,
// with the resource type the placeholder was made for.
type Unknowns struct {
	refs map[string]string
}

// placeholderPrefix starts every placeholder. Its NUL byte has no place in
// a policy: no IAM element holds one.
const placeholderPrefix = "\x00lgcloud-unknown-"

// New returns a fresh placeholder for a value that refers to ref (a
// resource type such as "aws_iam_user", or "").
func (u *Unknowns) New(ref string) string {
	if u.refs == nil {
		u.refs = map[string]string{}
	}
	p := fmt.Sprintf("%s%d\x00", placeholderPrefix, len(u.refs))
	u.refs[p] = ref
	return p
}

// lookup says whether s holds a placeholder, and the reference of the first.
func (u *Unknowns) lookup(s string) (string, bool) {
	if u == nil {
		return "", false
	}
	i := strings.Index(s, placeholderPrefix)
	if i < 0 {
		return "", false
	}
	rest := s[i+1:]
	end := strings.IndexByte(rest, 0)
	if end < 0 {
		return "", true
	}
	return u.refs[s[i:i+1+end+1]], true
}

// Parse reads a policy document written as JSON text, in which the
// placeholders of u (nil for none) stand for unknown values.
func Parse(text string, u *Unknowns) (*Document, error) {
	if u != nil {
		// Placeholders written into JSON strings: escape their NUL bytes
		// as JSON requires; they decode back to the placeholder.
		text = strings.ReplaceAll(text, "\x00", `\u0000`)
	}
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	var raw any
	if err := dec.Decode(&raw); err != nil {
		return nil, malformed("%s", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, malformed("text after the document")
	}
	return FromTree(raw, u)
}

// FromTree reads a document already decoded into Go values: maps with string
// keys, slices, strings, booleans, json.Number or float64, nil. Strings
// holding a placeholder of u, and nil, are unknown.
func FromTree(raw any, u *Unknowns) (*Document, error) {
	r := reader{unknowns: u}
	if r.unknown(raw) {
		return nil, ErrUnknown
	}
	top, ok := raw.(map[string]any)
	if !ok {
		return nil, malformed("the document is not a JSON object")
	}
	stmts, ok := lookup(top, "Statement")
	if !ok {
		return nil, malformed("no Statement element")
	}
	if r.unknown(stmts) {
		return nil, ErrUnknown
	}
	var list []any
	switch s := stmts.(type) {
	case []any:
		list = s
	case map[string]any:
		list = []any{s}
	default:
		return nil, malformed("Statement is neither an object nor a list")
	}
	doc := &Document{}
	for i, item := range list {
		if r.unknown(item) {
			return nil, ErrUnknown
		}
		obj, ok := item.(map[string]any)
		if !ok {
			return nil, malformed("statement %d is not an object", i+1)
		}
		st, err := r.statement(obj)
		if err != nil {
			return nil, fmt.Errorf("statement %d: %w", i+1, err)
		}
		doc.Statements = append(doc.Statements, st)
	}
	return doc, nil
}

// lookup finds a key case-insensitively: IAM element names are
// case-sensitive, but documents written by hand vary, and reading them
// generously only makes the checks see more.
func lookup(m map[string]any, key string) (any, bool) {
	if v, ok := m[key]; ok {
		return v, true
	}
	// Of several spellings, the smallest, so that a document reads the
	// same every time.
	found, best := false, ""
	for k := range m {
		if strings.EqualFold(k, key) && (!found || k < best) {
			found, best = true, k
		}
	}
	return m[best], found
}

type reader struct{ unknowns *Unknowns }

// unknown reports whether a part of the tree stands for a value that
// cannot be known at lint time (a placeholder; a null is known, and is not
// a document).
func (r reader) unknown(v any) bool {
	s, ok := v.(string)
	if !ok {
		return false
	}
	_, placeholder := r.unknowns.lookup(s)
	return placeholder
}

func (r reader) statement(obj map[string]any) (Statement, error) {
	var st Statement
	var err error
	if v, ok := lookup(obj, "Sid"); ok {
		st.Sid = r.value(v).S
	}
	st.Effect = Allow // IAM requires Effect; a missing one is read as Allow, the stance that sees more.
	if v, ok := lookup(obj, "Effect"); ok {
		switch e := r.value(v); {
		case !e.Known:
			st.Effect = ""
		case strings.EqualFold(e.S, Allow):
			st.Effect = Allow
		case strings.EqualFold(e.S, Deny):
			st.Effect = Deny
		default:
			return st, malformed("Effect %q is neither Allow nor Deny", e.S)
		}
	}
	for _, f := range []struct {
		key string
		dst *[]Value
	}{
		{"Action", &st.Actions}, {"NotAction", &st.NotActions},
		{"Resource", &st.Resources}, {"NotResource", &st.NotResources},
	} {
		if v, ok := lookup(obj, f.key); ok {
			if *f.dst, err = r.values(v, f.key); err != nil {
				return st, err
			}
		}
	}
	if v, ok := lookup(obj, "Principal"); ok {
		if st.Principals, err = r.principals(v, "Principal"); err != nil {
			return st, err
		}
	}
	if v, ok := lookup(obj, "NotPrincipal"); ok {
		if st.NotPrincipals, err = r.principals(v, "NotPrincipal"); err != nil {
			return st, err
		}
	}
	if v, ok := lookup(obj, "Condition"); ok {
		if st.Conditions, err = r.conditions(v); err != nil {
			return st, err
		}
	}
	return st, nil
}

// value reads a scalar; numbers and booleans become their JSON text, as IAM
// compares them as strings.
func (r reader) value(v any) Value {
	switch x := v.(type) {
	case nil:
		return Unknown
	case string:
		if ref, ok := r.unknowns.lookup(x); ok {
			return Value{Ref: ref}
		}
		return Known(x)
	case bool:
		if x {
			return Known("true")
		}
		return Known("false")
	case json.Number:
		return Known(x.String())
	case float64:
		return Known(strconv.FormatFloat(x, 'g', -1, 64))
	}
	return Unknown
}

// values reads a string or a list of strings.
func (r reader) values(v any, element string) ([]Value, error) {
	switch x := v.(type) {
	case []any:
		out := make([]Value, 0, len(x))
		for _, item := range x {
			if _, nested := item.([]any); nested {
				return nil, malformed("%s holds a nested list", element)
			}
			if _, obj := item.(map[string]any); obj {
				return nil, malformed("%s holds an object", element)
			}
			out = append(out, r.value(item))
		}
		return out, nil
	case map[string]any:
		return nil, malformed("%s is an object", element)
	}
	return []Value{r.value(v)}, nil
}

func (r reader) principals(v any, element string) ([]Principal, error) {
	switch x := v.(type) {
	case map[string]any:
		types := make([]string, 0, len(x))
		for t := range x {
			types = append(types, t)
		}
		sort.Strings(types)
		var out []Principal
		for _, t := range types {
			ids, err := r.values(x[t], element+"."+t)
			if err != nil {
				return nil, err
			}
			for _, id := range ids {
				out = append(out, Principal{Type: t, ID: id})
			}
		}
		return out, nil
	case []any:
		return nil, malformed("%s is a list; it must be \"*\" or an object", element)
	}
	id := r.value(v)
	if id.Known && id.S != "*" {
		return nil, malformed("%s %q must be \"*\" or an object", element, id.S)
	}
	return []Principal{{Type: "*", ID: id}}, nil
}

// UnknownOperator is the operator of a condition that cannot be read at
// lint time; such a condition may limit the statement.
const UnknownOperator = "Unknown"

// UnknownCondition stands for a condition that cannot be read at lint time.
var UnknownCondition = Condition{Operator: UnknownOperator, Key: "unknown", Values: []Value{Unknown}}

func (r reader) conditions(v any) ([]Condition, error) {
	if v == nil || r.unknown(v) {
		// A null Condition (a module input left null) is read as one that
		// cannot be known: assuming none could report what is restricted.
		return []Condition{UnknownCondition}, nil
	}
	ops, ok := v.(map[string]any)
	if !ok {
		return nil, malformed("Condition is not an object")
	}
	opNames := make([]string, 0, len(ops))
	for op := range ops {
		opNames = append(opNames, op)
	}
	sort.Strings(opNames)
	var out []Condition
	for _, op := range opNames {
		if r.unknown(ops[op]) {
			out = append(out, Condition{Operator: op, Key: "unknown", Values: []Value{Unknown}})
			continue
		}
		keys, ok := ops[op].(map[string]any)
		if !ok {
			return nil, malformed("Condition operator %s is not an object", op)
		}
		keyNames := make([]string, 0, len(keys))
		for k := range keys {
			keyNames = append(keyNames, k)
		}
		sort.Strings(keyNames)
		for _, k := range keyNames {
			vals, err := r.values(keys[k], "Condition "+op+" "+k)
			if err != nil {
				return nil, err
			}
			out = append(out, Condition{Operator: op, Key: k, Values: vals})
		}
	}
	return out, nil
}

// Canonical writes the document as JSON in normal form, for comparisons and
// fuzzing: two documents that mean the same read the same.
func (d *Document) Canonical() string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(d)
	return b.String()
}
