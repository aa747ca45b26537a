package aws

import (
	"encoding/json"
	"errors"
	"strconv"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/policy"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/zclconf/go-cty/cty"
)

// policyDocumentType is the data source that writes policy documents in HCL.
const policyDocumentType = lint.DataPrefix + "aws_iam_policy_document"

// policyDocumentRead is the read every rule that reads policies declares.
var policyDocumentRead = lint.Reads{
	policyDocumentType: {
		Attributes: []hclext.AttributeSchema{
			{Name: "source_policy_documents"},
			{Name: "override_policy_documents"},
			{Name: "source_json"},
			{Name: "override_json"},
		},
		Blocks: []hclext.BlockSchema{{
			Type: "statement",
			Body: &hclext.BodySchema{
				Attributes: []hclext.AttributeSchema{
					{Name: "sid"}, {Name: "effect"},
					{Name: "actions"}, {Name: "not_actions"},
					{Name: "resources"}, {Name: "not_resources"},
				},
				Blocks: []hclext.BlockSchema{
					{Type: "principals", Body: principalsSchema},
					{Type: "not_principals", Body: principalsSchema},
					{Type: "condition", Body: &hclext.BodySchema{Attributes: []hclext.AttributeSchema{
						{Name: "test"}, {Name: "variable"}, {Name: "values"},
					}}},
				},
			},
		}},
	},
}

var principalsSchema = &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "type"}, {Name: "identifiers"}}}

// withPolicyDocuments adds the policy-document read to a rule's reads.
func withPolicyDocuments(reads lint.Reads) lint.Reads {
	for ty, schema := range policyDocumentRead {
		reads[ty] = schema
	}
	return reads
}

// Document is a policy document read from an attribute.
type Document struct {
	// Doc is the document; nil when it could not be read.
	Doc *policy.Document
	// Value says whether the attribute is absent, known (Doc is set), or
	// could not be read (Why says why: unknown at lint time, or malformed).
	Value lint.Value
}

// maxDocumentDepth bounds how deep source_policy_documents may nest, so that
// a cycle of documents ends.
const maxDocumentDepth = 8

var (
	whyMalformed  = project.Text{JA: "ポリシー文書として読めません", EN: "it is not a readable policy document"}
	whyUnknownDoc = project.Text{JA: "ポリシー文書が lint 時に決まりません", EN: "the policy document is not known at lint time"}
)

// readDocument reads the policy document an attribute of body holds, in any
// of the forms Terraform code writes one: jsonencode(...), a heredoc or a
// quoted JSON string (with interpolations), a reference to an
// aws_iam_policy_document data source (source_policy_documents included),
// or file()/templatefile() and other expressions TFLint can evaluate. The
// result is shared by every rule through the runner's memo.
func readDocument(runner *lint.Runner, rule lint.Rule, body *hclext.BodyContent, name string) (Document, error) {
	attr, ok := body.Attributes[name]
	if !ok {
		return Document{Value: lint.Value{State: lint.Absent, Name: name}}, nil
	}
	return readDocumentExpr(runner, rule, attr.Expr, name)
}

func readDocumentExpr(runner *lint.Runner, rule lint.Rule, expr hcl.Expression, name string) (Document, error) {
	v, err := runner.Memo(documentKey{expr.Range()}, func() (any, error) {
		r := &documentReader{runner: runner, rule: rule}
		doc, err := r.expr(expr, 0)
		return documentResult{doc, err}, r.fatal
	})
	if err != nil {
		return Document{}, err
	}
	res := v.(documentResult)
	value := lint.Value{State: lint.Known, Expr: expr, Range: expr.Range(), Name: name}
	switch {
	case res.err == nil && res.doc == nil:
		value.State = lint.Absent
	case errors.Is(res.err, policy.ErrMalformed):
		value.State, value.Why = lint.Unknown, whyMalformed
	case res.err != nil:
		value.State, value.Why = lint.Unknown, whyUnknownDoc
	}
	return Document{Doc: res.doc, Value: value}, nil
}

type documentKey struct{ rng hcl.Range }

type documentResult struct {
	doc *policy.Document
	err error
}

// errUnknownDocument is the reason a document cannot be read at lint time.
var errUnknownDocument = policy.ErrUnknown

// documentReader reads one document; fatal holds an error of TFLint itself
// (a failed read), which stops the check, while the errors it returns are
// about the document and only make it unreadable.
type documentReader struct {
	runner *lint.Runner
	rule   lint.Rule
	fatal  error
}

func (r *documentReader) expr(expr hcl.Expression, depth int) (*policy.Document, error) {
	if depth > maxDocumentDepth {
		return nil, errUnknownDocument
	}
	switch e := expr.(type) {
	case *hclsyntax.TemplateWrapExpr:
		return r.expr(e.Wrapped, depth)
	case *hclsyntax.FunctionCallExpr:
		if e.Name == "jsonencode" && len(e.Args) == 1 && !e.ExpandFinal {
			return r.structured(e.Args[0])
		}
	case *hclsyntax.TemplateExpr:
		if !e.IsStringLiteral() {
			return r.template(e)
		}
	case *hclsyntax.ScopeTraversalExpr:
		if lint.RefType(e) == policyDocumentType {
			return r.dataSource(e.Traversal, depth)
		}
	}
	val, err := r.runner.Raw(expr)
	if err != nil || !val.IsWhollyKnown() || val.ContainsMarked() {
		return nil, errUnknownDocument
	}
	if val.IsNull() {
		return nil, nil
	}
	if val.Type() != cty.String {
		// A policy given as an object (some resources accept one).
		return r.structured(expr)
	}
	return policy.Parse(val.AsString(), nil)
}

// structured reads the argument of jsonencode(...): the value with its
// unknown leaves, each leaf mapped back to the expression that wrote it.
func (r *documentReader) structured(expr hcl.Expression) (*policy.Document, error) {
	val, err := r.runner.Raw(expr)
	if err != nil {
		return nil, errUnknownDocument
	}
	if !val.IsKnown() || val.IsNull() {
		return nil, errUnknownDocument
	}
	u := &policy.Unknowns{}
	tree, err := toTree(val, expr, u)
	if err != nil {
		return nil, err
	}
	return policy.FromTree(tree, u)
}

// toTree turns a cty value into the Go values policy.FromTree reads. Unknown
// and marked leaves become placeholders that remember the resource type
// their expression refers to.
func toTree(val cty.Value, expr hcl.Expression, u *policy.Unknowns) (any, error) {
	if val.IsMarked() || !val.IsKnown() {
		return u.New(lint.RefType(orNil(expr))), nil
	}
	if val.IsNull() {
		return nil, nil
	}
	ty := val.Type()
	switch {
	case ty == cty.String:
		return val.AsString(), nil
	case ty == cty.Bool:
		return val.True(), nil
	case ty == cty.Number:
		return json.Number(val.AsBigFloat().Text('f', -1)), nil
	case ty.IsObjectType() || ty.IsMapType():
		out := map[string]any{}
		for it := val.ElementIterator(); it.Next(); {
			k, v := it.Element()
			if !k.IsKnown() || k.IsMarked() {
				return nil, errUnknownDocument
			}
			child, err := toTree(v, itemExpr(expr, k.AsString()), u)
			if err != nil {
				return nil, err
			}
			out[k.AsString()] = child
		}
		return out, nil
	case ty.IsListType() || ty.IsTupleType() || ty.IsSetType():
		out := []any{}
		i := 0
		for it := val.ElementIterator(); it.Next(); i++ {
			_, v := it.Element()
			child, err := toTree(v, elementExpr(expr, i, ty.IsSetType()), u)
			if err != nil {
				return nil, err
			}
			out = append(out, child)
		}
		return out, nil
	}
	return nil, errUnknownDocument
}

func orNil(expr hcl.Expression) hcl.Expression {
	if expr == nil {
		return &hclsyntax.LiteralValueExpr{Val: cty.NullVal(cty.DynamicPseudoType)}
	}
	return expr
}

// itemExpr finds the expression of an object item written literally, so
// that an unknown leaf can be traced to what it refers to; nil if unknown.
func itemExpr(expr hcl.Expression, key string) hcl.Expression {
	obj, ok := expr.(*hclsyntax.ObjectConsExpr)
	if !ok {
		return nil
	}
	for _, item := range obj.Items {
		k, diags := item.KeyExpr.Value(nil)
		if diags.HasErrors() || !k.IsKnown() || k.IsNull() || k.Type() != cty.String {
			if name := hcl.ExprAsKeyword(item.KeyExpr); name == key {
				return item.ValueExpr
			}
			continue
		}
		if k.AsString() == key {
			return item.ValueExpr
		}
	}
	return nil
}

// elementExpr finds the expression of a tuple element written literally.
func elementExpr(expr hcl.Expression, i int, set bool) hcl.Expression {
	tuple, ok := expr.(*hclsyntax.TupleConsExpr)
	if !ok || set || i >= len(tuple.Exprs) {
		return nil
	}
	return tuple.Exprs[i]
}

// template reads a heredoc or quoted JSON document with interpolations:
// each interpolation TFLint can evaluate is written in, the others become
// placeholders, then the text is parsed. A placeholder outside a JSON
// string makes the text unreadable: the document is then unknown rather
// than malformed.
func (r *documentReader) template(e *hclsyntax.TemplateExpr) (*policy.Document, error) {
	u := &policy.Unknowns{}
	unknown := false
	var text []byte
	for _, part := range e.Parts {
		if lit, ok := part.(*hclsyntax.LiteralValueExpr); ok && lit.Val.Type() == cty.String && lit.Val.IsKnown() {
			text = append(text, lit.Val.AsString()...)
			continue
		}
		val, err := r.runner.Raw(part)
		if err != nil || !val.IsWhollyKnown() || val.ContainsMarked() || val.IsNull() {
			text = append(text, u.New(lint.RefType(part))...)
			unknown = true
			continue
		}
		switch val.Type() {
		case cty.String:
			text = append(text, val.AsString()...)
		case cty.Number:
			text = append(text, val.AsBigFloat().Text('f', -1)...)
		case cty.Bool:
			if val.True() {
				text = append(text, "true"...)
			} else {
				text = append(text, "false"...)
			}
		default:
			text = append(text, u.New("")...)
			unknown = true
		}
	}
	doc, err := policy.Parse(string(text), u)
	if err != nil && unknown {
		return nil, errUnknownDocument
	}
	return doc, err
}

// dataSource reads data.aws_iam_policy_document.NAME: every instance of it
// (count and for_each are expanded), with the statements of its source and
// override documents.
func (r *documentReader) dataSource(t hcl.Traversal, depth int) (*policy.Document, error) {
	if len(t) < 3 {
		return nil, errUnknownDocument
	}
	name, ok := t[2].(hcl.TraverseAttr)
	if !ok {
		return nil, errUnknownDocument
	}
	blocks, err := r.runner.Resources(r.rule, policyDocumentType)
	if err != nil {
		r.fatal = err
		return nil, err
	}
	doc := &policy.Document{}
	found := false
	for _, block := range blocks {
		if block.Labels[1] != name.Name {
			continue
		}
		found = true
		part, err := r.dataBlock(block.Body, depth)
		if err != nil {
			return nil, err
		}
		doc.Statements = append(doc.Statements, part.Statements...)
	}
	if !found {
		// Declared in another module, or its count is unknown.
		return nil, errUnknownDocument
	}
	return doc, nil
}

func (r *documentReader) dataBlock(body *hclext.BodyContent, depth int) (*policy.Document, error) {
	doc := &policy.Document{}
	// Source documents come first; this document's statements and the
	// overrides follow. Replacing statements by Sid is not modelled: the
	// union is what the checks read.
	for _, attr := range []string{"source_json", "source_policy_documents"} {
		if err := r.merge(doc, body, attr, depth); err != nil {
			return nil, err
		}
	}
	for _, block := range body.Blocks.OfType("statement") {
		st, err := r.statement(block.Body)
		if err != nil {
			return nil, err
		}
		doc.Statements = append(doc.Statements, st)
	}
	for _, attr := range []string{"override_json", "override_policy_documents"} {
		if err := r.merge(doc, body, attr, depth); err != nil {
			return nil, err
		}
	}
	return doc, nil
}

// merge adds the statements of the documents an attribute names: one JSON
// document, or a list of them.
func (r *documentReader) merge(doc *policy.Document, body *hclext.BodyContent, name string, depth int) error {
	attr, ok := body.Attributes[name]
	if !ok {
		return nil
	}
	var exprs []hcl.Expression
	if tuple, isTuple := attr.Expr.(*hclsyntax.TupleConsExpr); isTuple {
		for _, e := range tuple.Exprs {
			exprs = append(exprs, e)
		}
	} else if name == "source_json" || name == "override_json" {
		exprs = []hcl.Expression{attr.Expr}
	} else {
		// A list computed elsewhere: read it whole.
		val, err := r.runner.Raw(attr.Expr)
		if err != nil || !val.IsWhollyKnown() || val.ContainsMarked() {
			return errUnknownDocument
		}
		if val.IsNull() {
			return nil
		}
		for it := val.ElementIterator(); it.Next(); {
			_, v := it.Element()
			if v.IsNull() || v.Type() != cty.String {
				continue
			}
			part, err := policy.Parse(v.AsString(), nil)
			if err != nil {
				return err
			}
			doc.Statements = append(doc.Statements, part.Statements...)
		}
		return nil
	}
	for _, e := range exprs {
		part, err := r.expr(e, depth+1)
		if err != nil {
			return err
		}
		if part != nil {
			doc.Statements = append(doc.Statements, part.Statements...)
		}
	}
	return nil
}

// statement reads a statement block of aws_iam_policy_document. Its effect
// defaults to Allow.
func (r *documentReader) statement(body *hclext.BodyContent) (policy.Statement, error) {
	st := policy.Statement{Effect: policy.Allow}
	if sid := r.strings(body, "sid"); len(sid) == 1 {
		st.Sid = sid[0].S
	}
	if effect := r.strings(body, "effect"); len(effect) == 1 {
		switch {
		case !effect[0].Known:
			st.Effect = ""
		case effect[0].S == policy.Deny:
			st.Effect = policy.Deny
		case effect[0].S != policy.Allow:
			return st, errors.Join(policy.ErrMalformed, errors.New("effect is neither Allow nor Deny"))
		}
	}
	st.Actions = r.strings(body, "actions")
	st.NotActions = r.strings(body, "not_actions")
	st.Resources = r.strings(body, "resources")
	st.NotResources = r.strings(body, "not_resources")
	st.Principals = r.principals(body, "principals")
	st.NotPrincipals = r.principals(body, "not_principals")
	for _, block := range body.Blocks.OfType("condition") {
		test, variable := r.strings(block.Body, "test"), r.strings(block.Body, "variable")
		if len(test) != 1 || len(variable) != 1 || !test[0].Known || !variable[0].Known {
			// A condition that cannot be read still limits the statement.
			st.Conditions = append(st.Conditions, policy.UnknownCondition)
			continue
		}
		st.Conditions = append(st.Conditions, policy.Condition{
			Operator: test[0].S,
			Key:      variable[0].S,
			Values:   r.strings(block.Body, "values"),
		})
	}
	return st, nil
}

func (r *documentReader) principals(body *hclext.BodyContent, blockType string) []policy.Principal {
	var out []policy.Principal
	for _, block := range body.Blocks.OfType(blockType) {
		ty := r.strings(block.Body, "type")
		kind := ""
		if len(ty) == 1 && ty[0].Known {
			kind = ty[0].S
		}
		for _, id := range r.strings(block.Body, "identifiers") {
			if kind == "AWS" && id.Known && id.S == "*" {
				out = append(out, policy.Principal{Type: "AWS", ID: id})
				continue
			}
			out = append(out, policy.Principal{Type: kind, ID: id})
		}
	}
	return out
}

// strings reads a string or a list of strings element by element, so that
// one unknown element leaves the others known.
func (r *documentReader) strings(body *hclext.BodyContent, name string) []policy.Value {
	attr, ok := body.Attributes[name]
	if !ok {
		return nil
	}
	val, err := r.runner.Raw(attr.Expr)
	if err != nil {
		return []policy.Value{{Ref: lint.RefType(attr.Expr)}}
	}
	return flatten(val, attr.Expr)
}

func flatten(val cty.Value, expr hcl.Expression) []policy.Value {
	switch {
	case val.IsMarked() || !val.IsKnown():
		return []policy.Value{{Ref: lint.RefType(orNil(expr))}}
	case val.IsNull():
		return nil
	case val.Type() == cty.String:
		return []policy.Value{policy.Known(val.AsString())}
	case val.Type() == cty.Number:
		return []policy.Value{policy.Known(val.AsBigFloat().Text('f', -1))}
	case val.Type() == cty.Bool:
		if val.True() {
			return []policy.Value{policy.Known("true")}
		}
		return []policy.Value{policy.Known("false")}
	case val.Type().IsListType() || val.Type().IsTupleType() || val.Type().IsSetType():
		var out []policy.Value
		i := 0
		for it := val.ElementIterator(); it.Next(); i++ {
			_, v := it.Element()
			out = append(out, flatten(v, elementExpr(expr, i, val.Type().IsSetType()))...)
		}
		return out
	}
	return []policy.Value{{}}
}

// statementLabel names a statement in messages: its Sid in quotes, or #n
// for the n-th statement.
func statementLabel(st policy.Statement, i int) string {
	if st.Sid != "" {
		return strconv.Quote(st.Sid)
	}
	return "#" + strconv.Itoa(i+1)
}
