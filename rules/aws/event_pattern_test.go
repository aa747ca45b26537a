package aws

import (
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

var guardDutyFinding = map[string]string{"source": "aws.guardduty", "detail-type": "GuardDuty Finding"}

func TestAdmits(t *testing.T) {
	cases := []struct {
		Name    string
		Pattern string
		Want    patternMatch
	}{
		{"the source listed", `{"source": ["aws.guardduty"]}`, matchYes},
		{"the source among others", `{"source": ["aws.securityhub", "aws.guardduty"]}`, matchYes},
		{"another source", `{"source": ["aws.ec2"]}`, matchNo},
		{"an empty list admits nothing", `{"source": []}`, matchNo},
		{"source and detail-type", `{"source": ["aws.guardduty"], "detail-type": ["GuardDuty Finding"]}`, matchYes},
		{"another detail-type of the source", `{"source": ["aws.guardduty"], "detail-type": ["GuardDuty Malware Protection Object Scan Result"]}`, matchNo},
		{"the detail-type alone", `{"detail-type": ["GuardDuty Finding"]}`, matchYes},
		{"fields of the detail narrow but do not exclude", `{"source": ["aws.guardduty"], "detail": {"severity": [{"numeric": [">=", 7]}]}}`, matchYes},
		{"no field admits every event", `{"account": ["111122223333"]}`, matchYes},
		{"a prefix", `{"source": [{"prefix": "aws.guard"}]}`, matchYes},
		{"a prefix that does not match", `{"source": [{"prefix": "aws.security"}]}`, matchNo},
		{"a prefix ignoring case", `{"source": [{"prefix": {"equals-ignore-case": "AWS.GUARD"}}]}`, matchYes},
		{"a suffix", `{"source": [{"suffix": "guardduty"}]}`, matchYes},
		{"equals ignoring case", `{"source": [{"equals-ignore-case": "AWS.GuardDuty"}]}`, matchYes},
		{"a wildcard", `{"source": [{"wildcard": "aws.*duty"}]}`, matchYes},
		{"a wildcard that does not match", `{"source": [{"wildcard": "aws.*hub"}]}`, matchNo},
		{"anything but another source", `{"source": [{"anything-but": ["aws.ec2"]}]}`, matchYes},
		{"anything but the source", `{"source": [{"anything-but": "aws.guardduty"}]}`, matchNo},
		{"anything but a prefix", `{"source": [{"anything-but": {"prefix": "aws."}}]}`, matchNo},
		{"exists", `{"source": [{"exists": true}]}`, matchYes},
		{"a numeric matcher on a string", `{"source": [{"numeric": [">", 0]}]}`, matchNo},
		{"an unknown matcher cannot be told", `{"source": [{"future-operator": "x"}]}`, matchUnknown},
		{"an alternative of $or", `{"$or": [{"source": ["aws.ec2"]}, {"source": ["aws.guardduty"]}]}`, matchYes},
		{"no alternative of $or", `{"$or": [{"source": ["aws.ec2"]}, {"source": ["aws.s3"]}]}`, matchNo},
		{"$or with a field beside it", `{"detail-type": ["GuardDuty Finding"], "$or": [{"source": ["aws.guardduty"]}, {"source": ["aws.ec2"]}]}`, matchYes},
		{"a nested object for a string field admits nothing", `{"source": {"name": ["aws.guardduty"]}}`, matchNo},
		{"a bare string is compared", `{"source": "aws.guardduty"}`, matchYes},
		{"a pattern that is not an object admits nothing", `["aws.guardduty"]`, matchNo},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			tree, why := parsePattern(tc.Pattern, false)
			if why != nil {
				t.Fatalf("cannot parse: %s", why.EN)
			}
			if got := admits(tree, guardDutyFinding); got != tc.Want {
				t.Errorf("admits = %d, want %d", got, tc.Want)
			}
		})
	}
}

func TestAdmitsUnknownParts(t *testing.T) {
	cases := []struct {
		Name string
		Tree any
		Want patternMatch
	}{
		{"an unknown pattern", unknownPart{}, matchUnknown},
		{"an unknown list of sources", map[string]any{"source": unknownPart{}}, matchUnknown},
		{"an unknown source beside the wanted one", map[string]any{"source": []any{unknownPart{}, "aws.guardduty"}}, matchYes},
		{"an unknown source beside another one", map[string]any{"source": []any{unknownPart{}, "aws.ec2"}}, matchUnknown},
		{"an unknown source and a detail-type that excludes", map[string]any{"source": unknownPart{}, "detail-type": []any{"EC2 Instance State-change Notification"}}, matchNo},
		{"an unknown prefix", map[string]any{"source": []any{map[string]any{"prefix": unknownPart{}}}}, matchUnknown},
		{"unknown alternatives", map[string]any{"$or": unknownPart{}}, matchUnknown},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			if got := admits(tc.Tree, guardDutyFinding); got != tc.Want {
				t.Errorf("admits = %d, want %d", got, tc.Want)
			}
		})
	}
}

func TestWildcardMatch(t *testing.T) {
	cases := []struct {
		Pattern, S string
		Want       bool
	}{
		{"*", "anything", true},
		{"*", "", true},
		{"aws.*", "aws.guardduty", true},
		{"*.guardduty", "aws.guardduty", true},
		{"aws.*duty", "aws.guardduty", true},
		{"a*b*c", "abc", true},
		{"a*b*c", "axxbyyc", true},
		{"a*b*c", "acb", false},
		{"prod*repo", "prod-repo", true},
		{"prod*repo", "repo-prod", false},
		{"ab*ba", "aba", false},
		{`a\*b`, "a*b", true},
		{`a\*b`, "axb", false},
		{"exact", "exact", true},
		{"exact", "exactly", false},
	}
	for _, tc := range cases {
		if got := wildcardMatch(tc.Pattern, tc.S); got != tc.Want {
			t.Errorf("wildcardMatch(%q, %q) = %v, want %v", tc.Pattern, tc.S, got, tc.Want)
		}
	}
}

func TestReadEventPattern(t *testing.T) {
	cases := []struct {
		Name    string
		Content string
		State   lint.State
		Want    patternMatch // when known
	}{
		{
			Name: "jsonencode of an object",
			Content: `
resource "aws_cloudwatch_event_rule" "r" {
  event_pattern = jsonencode({
    source      = ["aws.guardduty"]
    detail-type = ["GuardDuty Finding"]
  })
}`,
			State: lint.Known, Want: matchYes,
		},
		{
			Name: "jsonencode with a variable default",
			Content: `
variable "sources" {
  default = ["aws.guardduty"]
}

resource "aws_cloudwatch_event_rule" "r" {
  event_pattern = jsonencode({ source = var.sources })
}`,
			State: lint.Known, Want: matchYes,
		},
		{
			Name: "jsonencode with an unknown part",
			Content: `
variable "sources" {
  type = list(string)
}

resource "aws_cloudwatch_event_rule" "r" {
  event_pattern = jsonencode({ source = var.sources })
}`,
			State: lint.Known, Want: matchUnknown,
		},
		{
			Name: "a heredoc",
			Content: `
resource "aws_cloudwatch_event_rule" "r" {
  event_pattern = <<-EOT
    {
      "source": ["aws.securityhub", "aws.guardduty"]
    }
  EOT
}`,
			State: lint.Known, Want: matchYes,
		},
		{
			Name: "a heredoc with an interpolation that is known",
			Content: `
variable "source" {
  default = "aws.guardduty"
}

resource "aws_cloudwatch_event_rule" "r" {
  event_pattern = <<-EOT
    {"source": ["${var.source}"]}
  EOT
}`,
			State: lint.Known, Want: matchYes,
		},
		{
			Name: "a heredoc with an unknown interpolation inside a string",
			Content: `
variable "source" {
  type = string
}

resource "aws_cloudwatch_event_rule" "r" {
  event_pattern = <<-EOT
    {"source": ["${var.source}"]}
  EOT
}`,
			State: lint.Known, Want: matchUnknown,
		},
		{
			Name: "a heredoc with an unknown interpolation outside a string is unknown",
			Content: `
variable "sources" {
  type = string
}

resource "aws_cloudwatch_event_rule" "r" {
  event_pattern = <<-EOT
    {"source": ${var.sources}}
  EOT
}`,
			State: lint.Unknown,
		},
		{
			Name: "a quoted JSON string",
			Content: `
resource "aws_cloudwatch_event_rule" "r" {
  event_pattern = "{\"source\": [\"aws.ec2\"]}"
}`,
			State: lint.Known, Want: matchNo,
		},
		{
			Name: "malformed JSON is unknown",
			Content: `
resource "aws_cloudwatch_event_rule" "r" {
  event_pattern = "{\"source\": "
}`,
			State: lint.Unknown,
		},
		{
			Name: "a variable without default is unknown",
			Content: `
variable "pattern" {
  type = string
}

resource "aws_cloudwatch_event_rule" "r" {
  event_pattern = var.pattern
}`,
			State: lint.Unknown,
		},
		{
			Name: "no pattern is absent",
			Content: `
resource "aws_cloudwatch_event_rule" "r" {
  schedule_expression = "rate(1 day)"
}`,
			State: lint.Absent,
		},
		{
			Name: "a null pattern is absent",
			Content: `
resource "aws_cloudwatch_event_rule" "r" {
  event_pattern = null
}`,
			State: lint.Absent,
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			inner := helper.TestRunner(t, map[string]string{"main.tf": tc.Content})
			runner := lint.NewRunner(inner, nil, lint.Options{})
			content, err := runner.GetResourceContent("aws_cloudwatch_event_rule", &hclext.BodySchema{
				Attributes: []hclext.AttributeSchema{{Name: "event_pattern"}},
			}, nil)
			if err != nil {
				t.Fatal(err)
			}
			pattern := readEventPattern(runner, content.Blocks[0].Body, "event_pattern")
			if pattern.Value.State != tc.State {
				t.Fatalf("state = %d, want %d (%s)", pattern.Value.State, tc.State, pattern.Value.Why.EN)
			}
			if tc.State == lint.Known {
				if got := admits(pattern.Tree, guardDutyFinding); got != tc.Want {
					t.Errorf("admits = %d, want %d", got, tc.Want)
				}
			}
		})
	}
}
