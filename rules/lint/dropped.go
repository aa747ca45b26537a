package lint

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// In a called module, TFLint keeps a finding only when the expression at its
// range refers to an input variable of the module, and reports it at the
// argument of the module call that sets the variable (tflint/runner.go,
// Runner.EmitIssue). A finding at a block's definition (resource "x" "y",
// which is not an expression) or at an expression that refers to no
// variable (a literal, a reference to a resource) is dropped there. Most findings in
// called modules are of that kind, a setting left out or written as a
// literal, and each would cost a round trip to TFLint.
//
// The runner notes, in a called module, the ranges of the blocks and of the
// attribute values it reads from the module's own files that TFLint would
// drop a finding at, and does not send findings at those ranges. A finding
// at any other range is sent.

// fetch is TFLint's GetModuleContent; it notes where findings are dropped.
// The caller holds r.mu.
func (r *Runner) fetch(schema *hclext.BodySchema, opts *tflint.GetModuleContentOption) (*hclext.BodyContent, error) {
	content, err := r.Runner.GetModuleContent(schema, opts)
	if err == nil {
		r.noteDropped(content, opts.ModuleCtx)
	}
	return content, err
}

// noteDropped notes the ranges of content read in the module context ctx
// at which TFLint would drop a finding. The caller holds r.mu.
func (r *Runner) noteDropped(content *hclext.BodyContent, ctx tflint.ModuleCtxType) {
	if content == nil || ctx != tflint.SelfModuleCtxType {
		return
	}
	if path, err := r.modulePathLocked(); err != nil || path == "" {
		return
	}
	if r.dropped == nil {
		r.dropped = map[hcl.Range]bool{}
	}
	noteBody(r.dropped, content)
}

func noteBody(dropped map[hcl.Range]bool, body *hclext.BodyContent) {
	for _, attr := range body.Attributes {
		if attr.Expr != nil && nativeSyntax(attr.Expr.Range()) && !UsesInput(attr.Expr) {
			dropped[attr.Expr.Range()] = true
		}
	}
	for _, block := range body.Blocks {
		if nativeSyntax(block.DefRange) {
			dropped[block.DefRange] = true
		}
		if block.Body != nil {
			noteBody(dropped, block.Body)
		}
	}
}

// nativeSyntax reports whether a range is in a file of HCL native syntax,
// where TFLint parses the text at a finding's range as above. Ranges in
// JSON files are left to TFLint.
func nativeSyntax(rng hcl.Range) bool {
	return strings.HasSuffix(rng.Filename, ".tf")
}

// UsesInput reports whether an expression refers to an input variable of
// its module (var.anything): in a called module, the findings TFLint keeps.
func UsesInput(expr hcl.Expression) bool {
	for _, t := range expr.Variables() {
		if t.RootName() == "var" {
			return true
		}
	}
	return false
}

// droppedByTFLint reports whether TFLint would drop a finding at rng.
func (r *Runner) droppedByTFLint(rng hcl.Range) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.dropped[rng]
}
