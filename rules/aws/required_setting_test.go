package aws

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/zclconf/go-cty/cty"
)

func TestGivenState(t *testing.T) {
	expr := func(src string) hcl.Expression {
		e, diags := hclsyntax.ParseExpression([]byte(src), "test.tf", hcl.InitialPos)
		if diags.HasErrors() {
			t.Fatalf("cannot parse %q: %s", src, diags)
		}
		return e
	}
	cases := []struct {
		Name  string
		Value lint.Value
		Want  settingState
	}{
		{Name: "absent is missing", Value: lint.Value{State: lint.Absent}, Want: settingMissing},
		{Name: "an empty string is missing", Value: lint.Value{State: lint.Known, Val: cty.StringVal("")}, Want: settingMissing},
		{Name: "a known string is given", Value: lint.Value{State: lint.Known, Val: cty.StringVal("arn:aws:kms:ap-northeast-1:111122223333:key/x")}, Want: settingGiven},
		{Name: "a reference to a resource is given", Value: lint.Value{State: lint.Unknown, Expr: expr("aws_kms_key.logs.arn")}, Want: settingGiven},
		{Name: "a reference to a data source is given", Value: lint.Value{State: lint.Unknown, Expr: expr("data.aws_kms_key.logs.arn")}, Want: settingGiven},
		{Name: "a template around one resource reference is given", Value: lint.Value{State: lint.Unknown, Expr: expr(`"${aws_cloudwatch_log_group.trail.arn}:*"`)}, Want: settingGiven},
		{Name: "a variable is unknown", Value: lint.Value{State: lint.Unknown, Expr: expr("var.key")}, Want: settingUnknown},
		{Name: "a module output is unknown", Value: lint.Value{State: lint.Unknown, Expr: expr("module.keys.arn")}, Want: settingUnknown},
		{Name: "a conditional is unknown", Value: lint.Value{State: lint.Unknown, Expr: expr("var.on ? aws_kms_key.logs.arn : null")}, Want: settingUnknown},
		{Name: "an unknown value without expression is unknown", Value: lint.Value{State: lint.Unknown}, Want: settingUnknown},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			if got := givenState(tc.Value); got != tc.Want {
				t.Errorf("givenState() = %d, want %d", got, tc.Want)
			}
		})
	}
}
