package aws

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// evidenceIssue is an expected finding in resource.tf.
func evidenceIssue(rule tflint.Rule, msg string, startLine, startCol, endLine, endCol int) *helper.Issue {
	return &helper.Issue{
		Rule:    rule,
		Message: msg,
		Range: hcl.Range{
			Filename: "resource.tf",
			Start:    hcl.Pos{Line: startLine, Column: startCol},
			End:      hcl.Pos{Line: endLine, Column: endCol},
		},
	}
}

func TestLogRefLabels(t *testing.T) {
	cases := []struct {
		Name string
		Expr string
		Type string
		Want []string
	}{
		{Name: "attribute of a resource", Expr: `aws_vpc.main.id`, Type: "aws_vpc", Want: []string{"main"}},
		{Name: "instance of a counted resource", Expr: `aws_vpc.main[0].id`, Type: "aws_vpc", Want: []string{"main"}},
		{Name: "instance of a for_each resource", Expr: `aws_vpc.main["a"].id`, Type: "aws_vpc", Want: []string{"main"}},
		{Name: "inside a template", Expr: `"${aws_s3_bucket.logs.arn}/flow/"`, Type: "aws_s3_bucket", Want: []string{"logs"}},
		{Name: "inside a map", Expr: `{ bucketName = aws_s3_bucket.logs.id, prefix = "x" }`, Type: "aws_s3_bucket", Want: []string{"logs"}},
		{Name: "several resources, each once", Expr: `[aws_vpc.a.id, aws_vpc.b.id, aws_vpc.a.arn]`, Type: "aws_vpc", Want: []string{"a", "b"}},
		{Name: "another type", Expr: `aws_subnet.a.vpc_id`, Type: "aws_vpc", Want: nil},
		{Name: "a variable", Expr: `var.vpc_id`, Type: "aws_vpc", Want: nil},
		{Name: "a literal", Expr: `"vpc-0123456789abcdef0"`, Type: "aws_vpc", Want: nil},
		{Name: "the whole resource", Expr: `aws_vpc`, Type: "aws_vpc", Want: nil},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			expr, diags := hclsyntax.ParseExpression([]byte(tc.Expr), "x.tf", hcl.InitialPos)
			if diags.HasErrors() {
				t.Fatal(diags)
			}
			if diff := cmp.Diff(tc.Want, logRefLabels(expr, tc.Type)); diff != "" {
				t.Error(diff)
			}
		})
	}
	if got := logRefLabels(nil, "aws_vpc"); got != nil {
		t.Errorf("nil expression gives %v", got)
	}
}

func TestBucketNameOf(t *testing.T) {
	cases := map[string]string{
		"logs":                                               "logs",
		"arn:aws:s3:::logs":                                  "logs",
		"arn:aws:s3:::logs/flow/":                            "logs",
		"arn:aws-us-gov:s3:::logs":                           "logs",
		"logs.s3.amazonaws.com":                              "logs",
		"logs.s3.ap-northeast-1.amazonaws.com":               "logs",
		"logs.s3-ap-northeast-1.amazonaws.com":               "logs",
		"arn:aws:logs:ap-northeast-1:1:log-group":            "",
		"arn:aws:firehose:ap-northeast-1:1:deliverystream/x": "",
		"": "",
	}
	for in, want := range cases {
		if got := bucketNameOf(in); got != want {
			t.Errorf("bucketNameOf(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLinkTargets(t *testing.T) {
	cases := []struct {
		Name    string
		Attr    string
		ForEach string
		Want    []string
	}{
		{Name: "reference in the attribute", Attr: `aws_vpc.main.id`, Want: []string{"main"}},
		{Name: "reference in the attribute wins over for_each", Attr: `aws_vpc.main.id`, ForEach: `{ b = aws_vpc.b.id }`, Want: []string{"main"}},
		{Name: "each.value takes the references of the for_each", Attr: `each.value`, ForEach: `{ a = aws_vpc.a.id, b = aws_vpc.b.id }`, Want: []string{"a", "b"}},
		{Name: "each.key takes the references of the for_each", Attr: `each.key`, ForEach: `toset([aws_vpc.a.id])`, Want: []string{"a"}},
		{Name: "each.value.id over a resource's instances", Attr: `each.value.id`, ForEach: `aws_vpc.all`, Want: []string{"all"}},
		{Name: "each.value of a for_each without references", Attr: `each.value`, ForEach: `var.vpc_ids`, Want: nil},
		{Name: "a variable without for_each", Attr: `var.vpc_id`, Want: nil},
		{Name: "a variable beside a for_each is not each", Attr: `var.vpc_id`, ForEach: `{ a = aws_vpc.a.id }`, Want: nil},
	}
	parse := func(t *testing.T, src string) hcl.Expression {
		t.Helper()
		if src == "" {
			return nil
		}
		expr, diags := hclsyntax.ParseExpression([]byte(src), "x.tf", hcl.InitialPos)
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		return expr
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			got := linkTargets(parse(t, tc.Attr), parse(t, tc.ForEach), "aws_vpc")
			if diff := cmp.Diff(tc.Want, got); diff != "" {
				t.Error(diff)
			}
		})
	}
}
