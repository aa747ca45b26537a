package aws

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// The evidence-log rules (4.6.1.4) ask that a resource which serves traffic
// or holds logs has its log turned on. On AWS many logs are separate
// resources that name what they log: a flow log names its VPC (vpc_id), a
// resolver query log association its VPC (resource_id), a firewall logging
// configuration its firewall (firewall_arn), a bucket logging its bucket.
// This file holds what those rules share: which resource each log resource
// names, read by reference in the code, and what to say when a resource has
// none.
//
// A log resource names its target by reference (aws_vpc.main.id), which ties
// it to one resource of the module. When it names its target otherwise — a
// literal ID, a variable, another resource's attribute — the rule cannot tell
// which resource it logs, and a resource without a log by reference is then
// not reported (strict mode names it). The same holds when the resource is
// passed to a module call, which may declare its log out of the plugin's
// sight, and when a log resource that refers to it has a count or for_each
// that cannot be known at lint time (TFLint leaves such a resource out).

// logLink says how resources of one type (Type, e.g. aws_flow_log) name the
// resources they log (Target, e.g. aws_vpc) in one attribute (Attr, e.g.
// vpc_id). When TargetName is set, a known string in Attr equal to the
// TargetName attribute of a target also names it (a bucket by its name).
type logLink struct {
	Type, Attr, Target, TargetName string
}

// logLinks is what the log resources of a module name.
type logLinks struct {
	link logLink
	// by maps a target label to the log resources (expanded instances)
	// that name it.
	by map[string][]*hclext.Block
	// zero maps a target label to the count or for_each, known at lint time,
	// that leaves a log resource naming it without any instance.
	zero map[string]lint.Value
	// maybe maps a target label to the address of a log resource naming it
	// whose count or for_each cannot be known at lint time.
	maybe map[string]string
	// blind is the address of the first log resource whose target cannot
	// be told, and its attribute; blindAt is empty when there is none.
	blind   lint.Value
	blindAt string
}

// logLinkReads adds to reads what readLogLinks reads of a link: the log
// resource's attribute and, when the link matches names, the targets' name.
func logLinkReads(reads lint.Reads, links ...logLink) lint.Reads {
	for _, l := range links {
		addAttrs(reads, l.Type, l.Attr)
		if l.TargetName != "" {
			addAttrs(reads, l.Target, l.TargetName)
		} else {
			addAttrs(reads, l.Target)
		}
	}
	return reads
}

// addAttrs adds top-level attributes to the schema of a type in reads.
func addAttrs(reads lint.Reads, ty string, attrs ...string) {
	schema, ok := reads[ty]
	if !ok {
		schema = &hclext.BodySchema{}
		reads[ty] = schema
	}
	for _, a := range attrs {
		if !slices.ContainsFunc(schema.Attributes, func(s hclext.AttributeSchema) bool { return s.Name == a }) {
			schema.Attributes = append(schema.Attributes, hclext.AttributeSchema{Name: a})
		}
	}
}

type logLinksKey struct{ link logLink }

// readLogLinks reads, once per module, which targets the log resources of
// a link name.
func readLogLinks(runner *lint.Runner, rule lint.Rule, link logLink) (*logLinks, error) {
	v, err := runner.Memo(logLinksKey{link}, func() (any, error) {
		return buildLogLinks(runner, rule, link)
	})
	if err != nil {
		return nil, err
	}
	return v.(*logLinks), nil
}

func buildLogLinks(runner *lint.Runner, rule lint.Rule, link logLink) (*logLinks, error) {
	out := &logLinks{link: link, by: map[string][]*hclext.Block{}, zero: map[string]lint.Value{}, maybe: map[string]string{}}
	names := map[string]string{}
	if link.TargetName != "" {
		targets, err := runner.Resources(rule, link.Target)
		if err != nil {
			return nil, err
		}
		for _, t := range targets {
			if name, ok := runner.Attr(t.Body, link.TargetName, cty.String).String(); ok && name != "" {
				names[name] = t.Labels[1]
			}
		}
	}
	// TFLint leaves out the instances of a resource whose count or
	// for_each is unknown, and a known zero count leaves none: read the
	// declarations as written, also for the for_each an attribute takes
	// each.value from.
	declared, err := runner.GetResourceContent(link.Type, &hclext.BodySchema{
		Attributes: []hclext.AttributeSchema{{Name: "count"}, {Name: "for_each"}, {Name: link.Attr}},
	}, &tflint.GetModuleContentOption{ExpandMode: tflint.ExpandModeNone})
	if err != nil {
		return nil, fmt.Errorf("failed to read %s: %w", link.Type, err)
	}
	forEach := map[string]hcl.Expression{}
	for _, decl := range declared.Blocks {
		if fe, ok := decl.Body.Attributes["for_each"]; ok {
			forEach[lint.Address(decl)] = fe.Expr
		}
	}
	resources, err := runner.Resources(rule, link.Type)
	if err != nil {
		return nil, err
	}
	for _, res := range sortedLogBlocks(resources) {
		attr, ok := res.Body.Attributes[link.Attr]
		if !ok {
			continue
		}
		labels := linkTargets(attr.Expr, forEach[lint.Address(res)], link.Target)
		if len(labels) == 0 && link.TargetName != "" {
			if name, known := runner.Attr(res.Body, link.Attr, cty.String).String(); known {
				if label, found := names[name]; found {
					labels = []string{label}
				}
			}
		}
		for _, label := range labels {
			out.by[label] = append(out.by[label], res)
		}
		if len(labels) == 0 && out.blindAt == "" {
			out.blind, out.blindAt = runner.Attr(res.Body, link.Attr, cty.DynamicPseudoType), lint.Address(res)
		}
	}
	for _, decl := range sortedLogBlocks(declared.Blocks) {
		count, unknown := instanceCount(runner, decl.Body)
		if !unknown && count.IsAbsent() {
			continue
		}
		attr, ok := decl.Body.Attributes[link.Attr]
		if !ok {
			continue
		}
		labels := linkTargets(attr.Expr, forEach[lint.Address(decl)], link.Target)
		if len(labels) == 0 && unknown && out.blindAt == "" {
			out.blind, out.blindAt = count, lint.Address(decl)
		}
		for _, label := range labels {
			switch {
			case unknown:
				if _, seen := out.maybe[label]; !seen {
					out.maybe[label] = lint.Address(decl)
				}
			default:
				if _, seen := out.zero[label]; !seen {
					out.zero[label] = count
				}
			}
		}
	}
	return out, nil
}

// linkTargets returns the labels of the targets of type ty that an
// attribute names: by reference, or through each.key or each.value, by the
// references of the resource's for_each (for_each = { a = aws_vpc.a.id },
// vpc_id = each.value).
func linkTargets(attr, forEach hcl.Expression, ty string) []string {
	if labels := logRefLabels(attr, ty); len(labels) > 0 || forEach == nil {
		return labels
	}
	for _, t := range attr.Variables() {
		if t.RootName() == "each" {
			return logRefLabels(forEach, ty)
		}
	}
	return nil
}

// instanceCount reads the count or for_each of a declaration: unknown is
// true when it cannot be known at lint time; otherwise the returned value is
// the meta-argument when it creates no instance (count = 0, an empty
// for_each), and absent when it creates some or is not written.
func instanceCount(runner *lint.Runner, body *hclext.BodyContent) (v lint.Value, unknown bool) {
	for _, meta := range []string{"count", "for_each"} {
		v := runner.Attr(body, meta, cty.DynamicPseudoType)
		switch {
		case v.IsUnknown():
			return v, true
		case v.State != lint.Known:
			continue
		case meta == "count":
			if v.Val.Type() == cty.Number && v.Val.Equals(cty.Zero).True() {
				return v, false
			}
		case v.Val.CanIterateElements() && v.Val.LengthInt() == 0:
			return v, false
		}
	}
	return lint.Value{State: lint.Absent}, false
}

// logRefLabels returns the labels of the resources of type ty that an
// expression refers to, in the order written (aws_vpc.main.id → "main";
// "${aws_s3_bucket.logs.arn}/flow/" → "logs").
func logRefLabels(expr hcl.Expression, ty string) []string {
	if expr == nil {
		return nil
	}
	var out []string
	for _, t := range expr.Variables() {
		if t.RootName() != ty || len(t) < 2 {
			continue
		}
		if step, ok := t[1].(hcl.TraverseAttr); ok && !slices.Contains(out, step.Name) {
			out = append(out, step.Name)
		}
	}
	return out
}

// sortedLogBlocks returns blocks in the order they are written (file name,
// then position), so that findings do not depend on TFLint's order.
func sortedLogBlocks(blocks []*hclext.Block) []*hclext.Block {
	out := slices.Clone(blocks)
	slices.SortStableFunc(out, func(a, b *hclext.Block) int {
		if c := strings.Compare(a.DefRange.Filename, b.DefRange.Filename); c != 0 {
			return c
		}
		return a.DefRange.Start.Byte - b.DefRange.Start.Byte
	})
	return out
}

// requireLogged returns the log resources that name a target. When there
// is none, it reports msg (with args) at the target, or at the count or
// for_each that leaves the log resource naming it without instance (a
// module input, so that TFLint reports it at the caller's argument); when
// the log may exist out of the rule's sight, strict mode names the target
// instead.
func requireLogged(runner *lint.Runner, rule lint.Rule, links *logLinks, target *hclext.Block, what, msg project.Text, args ...any) ([]*hclext.Block, error) {
	return requireLoggedAt(runner, rule, links, target, hcl.Range{}, what, msg, args...)
}

// requireLoggedAt is requireLogged reporting a missing log resource at at,
// unless at is the zero range: where a measure of the target's segment
// belongs in a called module (segmentFindingAt).
func requireLoggedAt(runner *lint.Runner, rule lint.Rule, links *logLinks, target *hclext.Block, at hcl.Range, what, msg project.Text, args ...any) ([]*hclext.Block, error) {
	label := target.Labels[1]
	if found := links.by[label]; len(found) > 0 {
		return found, nil
	}
	unverified := func(why project.Text) error {
		return runner.Unverified(rule, lint.Value{State: lint.Unknown, Name: lint.Address(target), Range: target.DefRange, Why: why}, what)
	}
	if address, ok := links.maybe[label]; ok {
		return nil, unverified(project.Text{
			JA: fmt.Sprintf("これを参照する %s の count または for_each が lint 時に決まりません", address),
			EN: fmt.Sprintf("the count or for_each of %s, which refers to it, is not known at lint time", address),
		})
	}
	passed, err := passedToModules(runner)
	if err != nil {
		return nil, err
	}
	if module, ok := passed[lint.Address(target)]; ok {
		return nil, unverified(project.Text{
			JA: fmt.Sprintf("モジュール %s に渡されており、そのモジュールが %s を宣言しているかはこのモジュールから確認できません", module, links.link.Type),
			EN: fmt.Sprintf("it is passed to module %s, and whether that module declares its %s cannot be seen from this module", module, links.link.Type),
		})
	}
	if links.blindAt != "" {
		return nil, unverified(project.Text{
			JA: fmt.Sprintf("%s の %s がどの %s を指すか特定できません", links.blindAt, links.link.Attr, links.link.Target),
			EN: fmt.Sprintf("which %s the %s of %s names cannot be told", links.link.Target, links.link.Attr, links.blindAt),
		})
	}
	if at != (hcl.Range{}) {
		return nil, runner.Report(rule, at, msg, args...)
	}
	if zero, ok := links.zero[label]; ok {
		return nil, runner.Report(rule, zero.Range, msg, args...)
	}
	return nil, runner.Report(rule, target.DefRange, msg, args...)
}

type moduleRefsKey struct{}

// passedToModules returns, once per module, the resources (type.name) that
// the arguments of the module calls refer to, each with the first module
// that receives it. Module calls are read as written: a call whose count or
// for_each cannot be known is still a call.
func passedToModules(runner *lint.Runner) (map[string]string, error) {
	v, err := runner.Memo(moduleRefsKey{}, func() (any, error) {
		content, err := runner.GetModuleContent(&hclext.BodySchema{Blocks: []hclext.BlockSchema{{
			Type:       "module",
			LabelNames: []string{"name"},
			Body:       &hclext.BodySchema{Mode: hclext.SchemaJustAttributesMode},
		}}}, &tflint.GetModuleContentOption{ExpandMode: tflint.ExpandModeNone})
		if err != nil {
			return nil, err
		}
		out := map[string]string{}
		for _, call := range sortedLogBlocks(content.Blocks) {
			for _, attr := range call.Body.Attributes {
				for _, t := range attr.Expr.Variables() {
					if len(t) < 2 {
						continue
					}
					step, ok := t[1].(hcl.TraverseAttr)
					if !ok {
						continue
					}
					address := t.RootName() + "." + step.Name
					if _, seen := out[address]; !seen {
						out[address] = call.Labels[0]
					}
				}
			}
		}
		return out, nil
	})
	if err != nil {
		return nil, err
	}
	return v.(map[string]string), nil
}

// nestedBlock is what the declaration of a resource says of a nested block
// that expansion did not show.
type nestedBlock int

const (
	// nestedNone means no dynamic block of the type is declared.
	nestedNone nestedBlock = iota
	// nestedEmpty means a dynamic block is declared with a for_each known
	// to be empty: it creates no block.
	nestedEmpty
	// nestedMaybe means a dynamic block is declared whose for_each cannot
	// be known at lint time (TFLint then creates no block), so that the
	// block may exist when Terraform runs.
	nestedMaybe
)

type dynamicKey struct {
	resourceType, path string
}

// dynamicState is what the declarations of the resources of a type say of
// their dynamic blocks of one type, nested under path (block types from
// the resource down, the last one being the dynamic block's label).
type dynamicState struct {
	state map[string]nestedBlock
	// empty holds the for_each of an empty dynamic block, by resource
	// address.
	empty map[string]lint.Value
	// maybe holds the for_each of an unknown dynamic block, by resource
	// address.
	maybe map[string]lint.Value
}

// readDynamic reads, once per module, the dynamic blocks of the resources
// of a type at path ("access_logs", or "logging_configuration",
// "log_destination_config"), as written.
func readDynamic(runner *lint.Runner, resourceType string, path ...string) (*dynamicState, error) {
	key := dynamicKey{resourceType, strings.Join(path, "/")}
	v, err := runner.Memo(key, func() (any, error) {
		schema := &hclext.BodySchema{Blocks: []hclext.BlockSchema{{
			Type:       "dynamic",
			LabelNames: []string{"name"},
			Body:       &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "for_each"}}},
		}}}
		for i := len(path) - 2; i >= 0; i-- {
			schema = &hclext.BodySchema{Blocks: []hclext.BlockSchema{{Type: path[i], Body: schema}}}
		}
		declared, err := runner.GetResourceContent(resourceType, schema, &tflint.GetModuleContentOption{ExpandMode: tflint.ExpandModeNone})
		if err != nil {
			return nil, fmt.Errorf("failed to read %s: %w", resourceType, err)
		}
		out := &dynamicState{state: map[string]nestedBlock{}, empty: map[string]lint.Value{}, maybe: map[string]lint.Value{}}
		for _, decl := range declared.Blocks {
			address := lint.Address(decl)
			bodies := []*hclext.BodyContent{decl.Body}
			for _, step := range path[:len(path)-1] {
				var next []*hclext.BodyContent
				for _, b := range bodies {
					for _, nested := range b.Blocks.OfType(step) {
						next = append(next, nested.Body)
					}
				}
				bodies = next
			}
			for _, b := range bodies {
				for _, dyn := range b.Blocks.OfType("dynamic") {
					if len(dyn.Labels) == 0 || dyn.Labels[0] != path[len(path)-1] {
						continue
					}
					forEach := runner.Attr(dyn.Body, "for_each", cty.DynamicPseudoType)
					// A for_each known to be empty creates no block; any
					// other is either unknown (TFLint then creates none)
					// or known, in which case TFLint shows its blocks and
					// the rule does not ask. The SDK's test runner does not
					// expand dynamic blocks: there a known for_each counts
					// as one that may create blocks.
					if forEach.State == lint.Known && forEach.Val.CanIterateElements() && forEach.Val.LengthInt() == 0 {
						if out.state[address] == nestedNone {
							out.state[address] = nestedEmpty
							out.empty[address] = forEach
						}
						continue
					}
					out.state[address] = nestedMaybe
					if _, seen := out.maybe[address]; !seen {
						out.maybe[address] = forEach
					}
				}
			}
		}
		return out, nil
	})
	if err != nil {
		return nil, err
	}
	return v.(*dynamicState), nil
}

// requireBlock reports a resource that lacks a nested block the rule
// requires (blocks is what expansion shows of it): at the for_each of a
// dynamic block known to create none (a module input, so that TFLint reports
// it at the caller's argument), or at the resource. A dynamic block whose
// for_each cannot be known may create it: strict mode names it instead. It
// returns whether the block is there.
func requireBlock(runner *lint.Runner, rule lint.Rule, resource *hclext.Block, blocks hclext.Blocks, path []string, what, msg project.Text, args ...any) (bool, error) {
	if len(blocks) > 0 {
		return true, nil
	}
	dyn, err := readDynamic(runner, resource.Labels[0], path...)
	if err != nil {
		return false, err
	}
	address := lint.Address(resource)
	switch dyn.state[address] {
	case nestedMaybe:
		v := dyn.maybe[address]
		if v.State != lint.Unknown {
			v = lint.Value{State: lint.Unknown, Name: v.Name, Range: v.Range, Expr: v.Expr, Why: whyDynamicBlock}
		}
		return false, runner.Unverified(rule, v, what)
	case nestedEmpty:
		return false, runner.Report(rule, dyn.empty[address].Range, msg, args...)
	}
	return false, runner.Report(rule, resource.DefRange, msg, args...)
}

var whyDynamicBlock = project.Text{
	JA: "dynamic ブロックが作るブロックを lint 時に確認できません",
	EN: "the blocks a dynamic block creates cannot be seen at lint time",
}

// stringElems reads an attribute that holds a set or list of strings. It
// returns the known strings, and an unknown value when some element (or the
// whole value) cannot be known at lint time; v is absent when the attribute
// is not written or null.
func stringElems(runner *lint.Runner, body *hclext.BodyContent, name string) (elems []string, v lint.Value) {
	v = runner.Attr(body, name, cty.List(cty.String))
	switch v.State {
	case lint.Absent:
		return nil, v
	case lint.Known:
		for it := v.Val.ElementIterator(); it.Next(); {
			_, e := it.Element()
			if !e.IsNull() {
				elems = append(elems, e.AsString())
			}
		}
		return elems, v
	}
	// Unknown as a whole: read the elements that are known, so that a list
	// with one unknown element still shows the others.
	raw, err := runner.Raw(v.Expr)
	if err != nil || raw.IsMarked() || !raw.IsKnown() || raw.IsNull() || !raw.CanIterateElements() {
		return nil, v
	}
	for it := raw.ElementIterator(); it.Next(); {
		_, e := it.Element()
		if e.IsKnown() && !e.IsNull() && !e.IsMarked() && e.Type() == cty.String {
			elems = append(elems, e.AsString())
		}
	}
	return elems, v
}

// bucketNameOf returns the bucket name a log destination names: a bucket
// name, an S3 ARN (arn:aws:s3:::name/prefix) or a bucket domain name
// (name.s3.amazonaws.com, name.s3.region.amazonaws.com); "" for anything
// else (a log group ARN, a stream).
func bucketNameOf(s string) string {
	if rest, isARN := strings.CutPrefix(s, "arn:"); isARN {
		parts := strings.SplitN(rest, ":", 5)
		if len(parts) < 5 || parts[1] != "s3" {
			return ""
		}
		name, _, _ := strings.Cut(parts[4], "/")
		return name
	}
	if i := strings.Index(s, ".s3."); i > 0 && strings.HasSuffix(s, ".amazonaws.com") {
		return s[:i]
	}
	if i := strings.Index(s, ".s3-"); i > 0 && strings.HasSuffix(s, ".amazonaws.com") {
		return s[:i]
	}
	if strings.ContainsAny(s, ":/") {
		return ""
	}
	return s
}
