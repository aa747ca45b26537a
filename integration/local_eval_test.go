package integration

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The plugin evaluates itself the expressions that refer only to variables,
// local values and resources and call only functions TFLint takes from
// cty's standard library, cidrsubnet and the type conversions
// (rules/lint/local_eval.go). Every integration run
// has the plugin also ask TFLint for each such expression and fails on a
// difference (lintDir); this test gives it the forms that matter, in a root
// module with a tfvars file and in a called module.
var localExpressions = slices.Concat([]string{
	`var.name`,
	`var.secret`,
	`var.unset`,
	`var.nullable`,
	`var.not_nullable`,
	`var.object`,
	`var.object.optional`,
	`var.list[1]`,
	`var.map["b"]`,
	`local.tags`,
	`local.chained`,
	`local.from_function`,
	`merge(local.tags, { Segment = var.segment })`,
	`merge(var.map, { c = var.secret })`,
	`jsonencode({ a = var.list, b = aws_vpc.other.id })`,
	`format("%s-%d", var.name, length(var.list))`,
	`upper(var.name)`,
	`"${var.name}-${aws_vpc.other.id}"`,
	`[for s in var.list : upper(s)]`,
	`{ for k, v in var.map : k => "${v}!" }`,
	`aws_vpc.other[*].id`,
	`data.aws_region.current.name`,
	`module.child.out`,
	`var.flag ? "yes" : "no"`,
	`var.unset == null ? "null" : "set"`,
	`try(var.object.missing, "fallback")`,
	`can(regex("^x", var.name))`,
	`coalescelist([], var.list)`,
	`concat(var.list, [var.secret])`,
	`join(",", sort(keys(var.map)))`,
	`lookup(var.map, "a", "none")`,
	`cidrsubnet("10.0.0.0/16", 8, 1)`,
	`cidrsubnet(var.cidr, 4, var.number - 26)`,
	`cidrsubnet("fd00:fd12:3456:7890::/56", 16, 162)`,
	`cidrsubnet(var.secret_cidr, 8, 1)`,
	`cidrsubnet(var.unknown, 8, 1)`,
	`cidrsubnet("010.0.0.0/16", 8, 1)`,
	`var.number + 1`,
	`aws_vpc.other.tags["Name"] == var.name`,
	`path.module`,
	`upper(var.list)`,
	`tobool("maybe")`,
}, conversions)

// conversions are the expressions of localExpressions that call Terraform's
// type conversions: the plugin must have evaluated each, in both modules.
var conversions = []string{
	`tostring(var.number)`,
	`toset(var.list)`,
	`toset(["b", "a", "b"])`,
	`toset([1, "a", var.name])`,
	`toset([var.secret])`,
	`toset(var.unknown_list)`,
	`toset(concat(var.list, [var.unknown]))`,
	`tolist(toset(var.list))`,
	`tomap({ a = 1, b = var.name })`,
	`tomap(var.map)`,
	`tostring(true)`,
	`tostring(null)`,
	`tonumber("42")`,
	`tonumber(var.unknown)`,
	`tobool("true")`,
	`core::tolist(var.unset_list)`,
	`tostring(var.secret_unknown)`,
}

func TestLocalEvaluationAgreesWithTFLint(t *testing.T) {
	const variables = `
variable "name" {
  type    = string
  default = "records"
}
variable "segment" {
  type    = string
  default = "mynumber"
}
variable "secret" {
  type      = string
  default   = "s3cr3t"
  sensitive = true
}
variable "unset" {
  type    = string
  default = null
}
variable "nullable" {
  type    = string
  default = "default"
}
variable "not_nullable" {
  type     = string
  default  = "default"
  nullable = false
}
variable "object" {
  type = object({
    required = string
    optional = optional(string, "filled")
  })
  default = { required = "r" }
}
variable "list" {
  type    = list(string)
  default = ["a", "b"]
}
variable "map" {
  type    = map(string)
  default = { a = "1", b = "2" }
}
variable "flag" {
  type    = bool
  default = true
}
variable "number" {
  type    = number
  default = 41
}
variable "unknown" {
  type = string
}
variable "unknown_list" {
  type = list(string)
}
variable "secret_unknown" {
  type      = string
  sensitive = true
}
variable "unset_list" {
  type    = list(string)
  default = null
}
variable "cidr" {
  type    = string
  default = "10.16.0.0/12"
}
variable "secret_cidr" {
  type      = string
  default   = "10.200.0.0/16"
  sensitive = true
}
locals {
  tags          = { System = var.name, Owner = var.unknown }
  chained       = "${local.tags.System}-${var.segment}"
  from_function = cidrsubnet("10.0.0.0/16", 8, 2)
}
resource "aws_vpc" "other" {
  cidr_block = "10.1.0.0/16"
}
data "aws_region" "current" {}
`
	var vpcs strings.Builder
	for i, expr := range localExpressions {
		fmt.Fprintf(&vpcs, "resource \"aws_vpc\" \"e%d\" {\n  cidr_block = \"10.%d.0.0/16\"\n  tags = { v = %s }\n}\n", i, 100+i, expr)
	}
	dir := t.TempDir()
	files := map[string]string{
		"main.tf": variables + vpcs.String() + `
module "child" {
  source         = "./child"
  name           = "called"
  secret         = "from-caller"
  unset          = null
  nullable       = null
  not_nullable   = null
  object         = { required = "x" }
  list           = [var.name, aws_vpc.other.id]
  map            = { a = var.segment }
  flag           = var.unknown == "x"
  number         = 1
  unknown        = var.unknown
  unknown_list   = [var.unknown]
  secret_unknown = var.secret_unknown
}
`,
		"terraform.tfvars": "name = \"from-tfvars\"\n",
		"child/main.tf":    variables + vpcs.String() + "output \"out\" {\n  value = var.name\n}\nmodule \"child\" {\n  source = \"../leaf\"\n}\n",
		"leaf/main.tf":     "output \"out\" {\n  value = 1\n}\n",
		".tflint.hcl":      "plugin \"terraform\" {\n  enabled = false\n}\nplugin \"lgcloud\" {\n  enabled = true\n  preset  = \"all\"\n}\n",
	}
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, compared := lintComparing(t, dir)
	if len(got.Errors) > 0 {
		t.Fatalf("TFLint reports errors: %v", got.Errors)
	}
	// Both modules; the expressions left to TFLint are not compared.
	if len(compared) < len(localExpressions) {
		t.Fatalf("%d expressions compared, want at least %d", len(compared), len(localExpressions))
	}
	lines := strings.Split(files["main.tf"], "\n")
	for _, expr := range conversions {
		line := slices.Index(lines, "  tags = { v = "+expr+" }") + 1
		for _, file := range []string{"main.tf", "child/main.tf"} {
			at := fmt.Sprintf("%s:%d,", file, line)
			if !slices.ContainsFunc(compared, func(r string) bool { return strings.HasPrefix(r, at) }) {
				t.Errorf("%s in %s was not evaluated by the plugin", expr, file)
			}
		}
	}
	t.Logf("%d expressions evaluated by the plugin and by TFLint alike", len(compared))
}
