package aws

import (
	"strconv"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
	"github.com/terraform-linters/tflint-plugin-sdk/terraform/addrs"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// baselineRange is a range in a file of a test.
func baselineRange(file string, startLine, startCol, endLine, endCol int) hcl.Range {
	return hcl.Range{Filename: file, Start: hcl.Pos{Line: startLine, Column: startCol}, End: hcl.Pos{Line: endLine, Column: endCol}}
}

// gapRule is a rule that requires an aws_flow_log in the account baseline
// and reports its absence with reportBaselineGap, at the first provider
// block or, with at set, there.
type gapRule struct {
	lint.Meta
	at hcl.Range
}

func newGapRule(at hcl.Range) *gapRule {
	return &gapRule{Meta: lint.Meta{
		RuleName: "lgcloud_aws_test_gap",
		Level:    tflint.ERROR,
		Preset:   config.GovCloud,
		Provider: "aws",
		Items:    []string{"4.6.3.1"},
		Reads:    lint.Reads{"aws_flow_log": {}},
	}, at: at}
}

func (r *gapRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	logs, err := runner.Resources(r, "aws_flow_log")
	if err != nil || len(logs) > 0 {
		return err
	}
	return reportBaselineGap(runner, r, baselineGap{
		Types: []string{"aws_flow_log"},
		What:  project.Text{JA: "フローログ", EN: "the flow log"},
		At:    r.at,
		Msg:   project.Text{JA: "フローログがありません。", EN: "No flow log."},
	})
}

const gapMsg = "フローログがありません。 [指針 4.6.3.1 / JIS Q 27017 12.1.2]"

func TestReportBaselineGap(t *testing.T) {
	rule := newGapRule(hcl.Range{})
	cases := []struct {
		Name     string
		Files    map[string]string
		At       hcl.Range
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "a root module with a provider aws block and nothing declared is reported at the provider block",
			Files: map[string]string{"main.tf": `
provider "aws" {
  region = "ap-northeast-1"
}`},
			Expected: helper.Issues{{Rule: rule, Message: gapMsg, Range: baselineRange("main.tf", 2, 1, 2, 15)}},
		},
		{
			Name: "the gap is reported once, at the first provider aws block by file name then line",
			Files: map[string]string{
				"b.tf": `
provider "aws" {
  region = "ap-northeast-1"
}`,
				"a.tf": `
provider "google" {
  project = "lg"
}

provider "aws" {
  alias  = "osaka"
  region = "ap-northeast-3"
}

provider "aws" {
  alias  = "virginia"
  region = "us-east-1"
}`,
			},
			Expected: helper.Issues{{Rule: rule, Message: gapMsg, Range: baselineRange("a.tf", 6, 1, 6, 15)}},
		},
		{
			Name: "a declared resource fills the gap",
			Files: map[string]string{"main.tf": `
provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_flow_log" "vpc" {
  vpc_id = "vpc-1"
}`},
			Expected: helper.Issues{},
		},
		{
			Name: "a root module without a provider aws block is not reported",
			Files: map[string]string{"main.tf": `
resource "aws_s3_bucket" "logs" {
  bucket = "logs"
}`},
			Expected: helper.Issues{},
		},
		{
			Name: "a gap in a declared resource is reported where the rule says, even without a provider block",
			Files: map[string]string{"main.tf": `
resource "aws_s3_bucket" "logs" {
  bucket = "logs"
}`},
			At:       baselineRange("main.tf", 2, 1, 2, 32),
			Expected: helper.Issues{{Rule: rule, Message: gapMsg, Range: baselineRange("main.tf", 2, 1, 2, 32)}},
		},
		{
			Name: "a root module that calls modules is not reported",
			Files: map[string]string{"main.tf": `
provider "aws" {
  region = "ap-northeast-1"
}

module "network" {
  source = "./modules/network"
}`},
			Expected: helper.Issues{},
		},
		{
			Name: "a root module that calls modules is named by a strict notice at the provider block",
			Files: map[string]string{"main.tf": `
provider "aws" {
  region = "ap-northeast-1"
}

module "network" {
  source = "./modules/network"
}`},
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(rule),
				Message: "strict: フローログを確認できません。aws_flow_log: このルートモジュールにはなく、呼び出しているモジュールが宣言しているかは確認できません。 [指針 4.6.3.1 / JIS Q 27017 12.1.2]",
				Range:   baselineRange("main.tf", 2, 1, 2, 15),
			}},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, newGapRule(tc.At), tc.Files, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}

// The SDK's test runner does not expand count and for_each, so a
// declaration with an unknown count is still seen there; declaredUnknown is
// tested on its own, and the integration cases cover the whole path.
func TestDeclaredUnknown(t *testing.T) {
	cases := []struct {
		Name    string
		Content string
		Want    string // the unknown attribute's name and line, "" for none
	}{
		{
			Name: "an unknown count is returned",
			Content: `
variable "enabled" {
  type = bool
}

resource "aws_flow_log" "vpc" {
  count  = var.enabled ? 1 : 0
  vpc_id = "vpc-1"
}`,
			Want: "count:7",
		},
		{
			Name: "an unknown for_each is returned",
			Content: `
variable "vpcs" {
  type = set(string)
}

resource "aws_flow_log" "vpc" {
  for_each = var.vpcs
  vpc_id   = each.value
}`,
			Want: "for_each:7",
		},
		{
			Name: "a known zero count creates nothing and is not returned",
			Content: `
resource "aws_flow_log" "vpc" {
  count  = 0
  vpc_id = "vpc-1"
}`,
		},
		{
			Name: "a count from a variable default is known",
			Content: `
variable "enabled" {
  default = false
}

resource "aws_flow_log" "vpc" {
  count  = var.enabled ? 1 : 0
  vpc_id = "vpc-1"
}`,
		},
		{
			Name: "a declaration without count or for_each is not returned",
			Content: `
resource "aws_flow_log" "vpc" {
  vpc_id = "vpc-1"
}`,
		},
		{
			Name: "the first unknown declaration by position is returned",
			Content: `
variable "a" {
  type = bool
}

resource "aws_flow_log" "first" {
  count  = var.a ? 1 : 0
  vpc_id = "vpc-1"
}

resource "aws_flow_log" "second" {
  for_each = var.a ? toset(["x"]) : toset([])
  vpc_id   = "vpc-2"
}`,
			Want: "count:7",
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			inner := helper.TestRunner(t, map[string]string{"main.tf": tc.Content})
			v, err := declaredUnknown(lint.NewRunner(inner, nil, lint.Options{}), "aws_flow_log")
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			if v.IsUnknown() {
				got = v.Name + ":" + strconv.Itoa(v.Range.Start.Line)
			}
			if got != tc.Want {
				t.Errorf("declaredUnknown = %q, want %q", got, tc.Want)
			}
		})
	}
}

// calledModuleRunner is the SDK's test runner checking a called module.
type calledModuleRunner struct{ *helper.Runner }

func (calledModuleRunner) GetModulePath() (addrs.Module, error) {
	return addrs.Module{"baseline"}, nil
}

// runInCalledModule checks main.tf with the rule as a called module
// ("module.baseline") and returns the test runner.
func runInCalledModule(t *testing.T, rule lint.Rule, content string) *helper.Runner {
	t.Helper()
	inner := helper.TestRunner(t, map[string]string{"main.tf": content})
	runner := lint.NewRunner(calledModuleRunner{inner}, linttest.Strict(), lint.Options{Reads: lint.MergeReads([]lint.Rule{rule})})
	if err := rule.Check(runner); err != nil {
		t.Fatal(err)
	}
	return inner
}

func TestReportBaselineGap_CalledModule(t *testing.T) {
	cases := []struct {
		Name string
		At   hcl.Range
	}{
		{Name: "a called module is not reported, even in strict mode"},
		{Name: "a called module is not reported at a range the rule gives", At: baselineRange("main.tf", 2, 1, 2, 15)},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			inner := runInCalledModule(t, newGapRule(tc.At), `
provider "aws" {
  region = "ap-northeast-1"
}

module "nested" {
  source = "./nested"
}`)
			helper.AssertIssues(t, helper.Issues{}, inner.Issues)
		})
	}
}

func TestVerdict(t *testing.T) {
	unknown := undecided(lint.Value{State: lint.Unknown, Name: "x"})
	name := func(v verdict) string {
		switch {
		case v.Holds():
			return "holds"
		case v.Fails():
			return "fails"
		}
		return "undecided"
	}
	cases := []struct {
		Name    string
		A, B    verdict
		And, Or string
	}{
		{"holds and holds", verdictHolds, verdictHolds, "holds", "holds"},
		{"holds and fails", verdictHolds, verdictFails, "fails", "holds"},
		{"fails and holds", verdictFails, verdictHolds, "fails", "holds"},
		{"fails and fails", verdictFails, verdictFails, "fails", "fails"},
		{"holds and undecided", verdictHolds, unknown, "undecided", "holds"},
		{"undecided and holds", unknown, verdictHolds, "undecided", "holds"},
		{"fails and undecided", verdictFails, unknown, "fails", "undecided"},
		{"undecided and fails", unknown, verdictFails, "fails", "undecided"},
		{"undecided and undecided", unknown, unknown, "undecided", "undecided"},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			if got := name(tc.A.And(tc.B)); got != tc.And {
				t.Errorf("And = %s, want %s", got, tc.And)
			}
			if got := name(tc.A.Or(tc.B)); got != tc.Or {
				t.Errorf("Or = %s, want %s", got, tc.Or)
			}
		})
	}
	if got := unknown.Or(verdictFails).Unknown.Name; got != "x" {
		t.Errorf("an undecided verdict loses the value it names: %q", got)
	}
}

func TestRefersTo(t *testing.T) {
	cases := []struct {
		Name   string
		Expr   string
		Type   string
		Want   string
		WantOK bool
	}{
		{"an attribute of the resource", `aws_sns_topic.alerts.arn`, "aws_sns_topic", "alerts", true},
		{"an instance of the resource", `aws_sns_topic.alerts[0].arn`, "aws_sns_topic", "alerts", true},
		{"an interpolation of the resource", `"${aws_sns_topic.alerts.arn}"`, "aws_sns_topic", "alerts", true},
		{"another resource type", `aws_lambda_function.notify.arn`, "aws_sns_topic", "", false},
		{"a variable", `var.topic_arn`, "aws_sns_topic", "", false},
		{"two references", `"${aws_sns_topic.a.arn}${aws_sns_topic.b.arn}"`, "aws_sns_topic", "", false},
		{"a literal", `"arn:aws:sns:ap-northeast-1:111122223333:alerts"`, "aws_sns_topic", "", false},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			expr, diags := hclsyntax.ParseExpression([]byte(tc.Expr), "test.tf", hcl.InitialPos)
			if diags.HasErrors() {
				t.Fatal(diags)
			}
			got, ok := refersTo(expr, tc.Type)
			if got != tc.Want || ok != tc.WantOK {
				t.Errorf("refersTo(%s) = %q, %v; want %q, %v", tc.Expr, got, ok, tc.Want, tc.WantOK)
			}
		})
	}
}
