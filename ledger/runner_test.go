package ledger

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// writeConfig writes files (path → source) under a new directory and
// returns it.
func writeConfig(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// loadRunners reads a configuration and returns a runner per module
// instance, by module address ("" for the root module).
func loadRunners(t *testing.T, files map[string]string) map[string]*Runner {
	t.Helper()
	c, err := load(writeConfig(t, files))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*Runner{}
	for _, in := range c.instances {
		out[in.address()] = newRunner(c, in, nil)
	}
	return out
}

// localValue evaluates local.name in a runner's module, as the rules do.
func localValue(t *testing.T, r *Runner, name string) (cty.Value, error) {
	t.Helper()
	expr, diags := hclext.ParseExpression([]byte("local."+name), "test.tf", hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	var val cty.Value
	err := r.EvaluateExpr(expr, &val, nil)
	return val, err
}

func TestRunnerEvaluation(t *testing.T) {
	files := map[string]string{
		"main.tf": `
variable "region" {
  default = "ap-northeast-3"
}

variable "env" {
  type    = string
  default = "dev"
}

variable "size" {
  type = number
}

variable "password" {
  default   = "secret"
  sensitive = true
}

variable "settings" {
  type = object({
    name    = string
    retain  = optional(number, 30)
  })
  default = { name = "records" }
}

locals {
  # written before what it uses: evaluated in dependency order
  tags       = merge(local.base, { Name = upper(local.name) })
  base       = { Environment = var.env, Region = var.region }
  name       = format("%s-%s", "records", var.env)
  from_tfvar = var.size * 2
  key        = aws_kms_key.records.arn
  missing    = coalesce("", var.env)
  length     = length("記録")
  replaced   = replace("a-b-c", "/-/", "_")
  tried      = try(local.nothing.here, "fallback")
  encoded    = base64encode("x")
  secret     = var.password
  loop_a     = local.loop_b
  loop_b     = local.loop_a
  retain     = var.settings.retain
  workspace  = terraform.workspace
  module     = path.module
  starts     = startswith(var.env, "pr")
}

resource "aws_kms_key" "records" {}
`,
		"terraform.tfvars": `env = "prod"`,
		"b.auto.tfvars":    `size = 21`,
		"a.auto.tfvars":    `size = 20`,
	}
	r := loadRunners(t, files)[""]
	cases := []struct {
		Local   string
		Want    cty.Value
		WantErr error
	}{
		{Local: "tags", Want: cty.ObjectVal(map[string]cty.Value{"Environment": cty.StringVal("prod"), "Region": cty.StringVal("ap-northeast-3"), "Name": cty.StringVal("RECORDS-PROD")})},
		{Local: "from_tfvar", Want: cty.NumberIntVal(42)},
		{Local: "key", Want: cty.DynamicVal},
		{Local: "missing", Want: cty.StringVal("prod")},
		{Local: "length", Want: cty.NumberIntVal(2)},
		{Local: "replaced", Want: cty.StringVal("a_b_c")},
		{Local: "tried", Want: cty.StringVal("fallback")},
		{Local: "encoded", Want: cty.DynamicVal},
		{Local: "loop_a", Want: cty.DynamicVal},
		{Local: "retain", Want: cty.NumberIntVal(30)},
		{Local: "workspace", Want: cty.StringVal("default")},
		{Local: "module", Want: cty.StringVal(".")},
		{Local: "starts", Want: cty.True},
	}
	for _, tc := range cases {
		t.Run(tc.Local, func(t *testing.T) {
			got, err := localValue(t, r, tc.Local)
			if err != nil {
				t.Fatal(err)
			}
			if !got.RawEquals(tc.Want) {
				t.Errorf("local.%s = %#v, want %#v", tc.Local, got, tc.Want)
			}
		})
	}

	t.Run("sensitive value is marked for a cty.Value target", func(t *testing.T) {
		got, err := localValue(t, r, "secret")
		if err != nil || !got.IsMarked() {
			t.Errorf("local.secret = %#v, %v; want a marked value", got, err)
		}
	})
	t.Run("Go targets get TFLint's errors", func(t *testing.T) {
		for expr, want := range map[string]error{"local.secret": tflint.ErrSensitive, "local.key": tflint.ErrUnknownValue, "null": tflint.ErrNullValue} {
			e, _ := hclext.ParseExpression([]byte(expr), "test.tf", hcl.InitialPos)
			var s string
			if err := r.EvaluateExpr(e, &s, nil); !errors.Is(err, want) {
				t.Errorf("%s: error %v, want %v", expr, err, want)
			}
		}
	})
	t.Run("function target is called with known values and skipped otherwise", func(t *testing.T) {
		var calls []string
		for _, expr := range []string{"local.name", "local.key"} {
			e, _ := hclext.ParseExpression([]byte(expr), "test.tf", hcl.InitialPos)
			err := r.EvaluateExpr(e, func(s string) error { calls = append(calls, s); return nil }, nil)
			if err != nil {
				t.Fatal(err)
			}
		}
		if diff := cmp.Diff([]string{"records-prod"}, calls); diff != "" {
			t.Errorf("calls differ (-want +got):\n%s", diff)
		}
	})
	t.Run("undeclared variable is an error", func(t *testing.T) {
		e, _ := hclext.ParseExpression([]byte("var.nothing"), "test.tf", hcl.InitialPos)
		var val cty.Value
		if err := r.EvaluateExpr(e, &val, nil); err == nil {
			t.Errorf("var.nothing evaluated to %#v, want an error", val)
		}
	})
}

func TestRunnerExpansion(t *testing.T) {
	files := map[string]string{
		"main.tf": `
variable "unknown" {
  type = number
}

resource "aws_s3_bucket" "counted" {
  count  = 2
  bucket = "logs-${count.index}"
}

resource "aws_s3_bucket" "each" {
  for_each = { a = "alpha", b = "beta" }
  bucket   = "${each.key}-${each.value}"
}

resource "aws_s3_bucket" "set" {
  for_each = toset(["x"])
  bucket   = each.value
}

resource "aws_s3_bucket" "none" {
  count  = 0
  bucket = "none"
}

resource "aws_s3_bucket" "maybe" {
  count  = var.unknown
  bucket = "maybe-${count.index}"
}

resource "aws_dynamodb_table" "table" {
  name = "t"
  dynamic "replica" {
    for_each = ["ap-northeast-3", "ap-northeast-1"]
    content {
      region_name = replica.value
    }
  }
}

resource "aws_s3_bucket" "plain" {
  bucket = "plain"
}
`,
	}
	r := loadRunners(t, files)[""]
	schema := &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "bucket"}}}

	t.Run("count, for_each and unknown counts are expanded", func(t *testing.T) {
		content, err := r.GetResourceContent("aws_s3_bucket", schema, nil)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, b := range content.Blocks {
			key, unknown := r.InstanceKey(b)
			var val cty.Value
			if err := r.EvaluateExpr(b.Body.Attributes["bucket"].Expr, &val, nil); err != nil {
				t.Fatal(err)
			}
			shown := "(unknown)"
			if val.IsKnown() {
				shown = val.GoString()
			}
			s := b.Labels[1] + key + "=" + shown
			if unknown != nil {
				s += " (unknown " + unknown.Name + ")"
			}
			got = append(got, s)
		}
		want := []string{
			`counted[0]=cty.StringVal("logs-0")`,
			`counted[1]=cty.StringVal("logs-1")`,
			`each["a"]=cty.StringVal("a-alpha")`,
			`each["b"]=cty.StringVal("b-beta")`,
			`set["x"]=cty.StringVal("x")`,
			`maybe[?]=(unknown) (unknown count)`,
			`plain=cty.StringVal("plain")`,
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("blocks differ (-want +got):\n%s", diff)
		}
	})
	t.Run("no expansion when asked", func(t *testing.T) {
		content, err := r.GetResourceContent("aws_s3_bucket", schema, &tflint.GetModuleContentOption{ExpandMode: tflint.ExpandModeNone})
		if err != nil {
			t.Fatal(err)
		}
		if len(content.Blocks) != 6 {
			t.Errorf("got %d blocks, want the 6 declarations", len(content.Blocks))
		}
	})
	t.Run("dynamic blocks are expanded", func(t *testing.T) {
		content, err := r.GetResourceContent("aws_dynamodb_table", &hclext.BodySchema{Blocks: []hclext.BlockSchema{{
			Type: "replica", Body: &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "region_name"}}},
		}}}, nil)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, replica := range content.Blocks[0].Body.Blocks {
			var s string
			if err := r.EvaluateExpr(replica.Body.Attributes["region_name"].Expr, &s, nil); err != nil {
				t.Fatal(err)
			}
			got = append(got, s)
		}
		if diff := cmp.Diff([]string{"ap-northeast-3", "ap-northeast-1"}, got); diff != "" {
			t.Errorf("replicas differ (-want +got):\n%s", diff)
		}
	})
}

func TestRunnerModules(t *testing.T) {
	files := map[string]string{
		"main.tf": `
provider "aws" {
  region = var.region
}

variable "region" {
  default = "ap-northeast-1"
}

locals {
  prefix = "lg"
}

module "db" {
  source = "./modules/db"
  name   = "${local.prefix}-records"
}

module "per_env" {
  source   = "./modules/db"
  for_each = toset(["dev", "prod"])
  name     = each.key
}

module "remote" {
  source = "terraform-aws-modules/s3-bucket/aws"
}
`,
		"modules/db/main.tf": `
variable "name" {
  type = string
}

variable "retention" {
  type    = number
  default = 7
}

module "inner" {
  source = "../inner"
  label  = var.name
}
`,
		"modules/inner/main.tf": `
variable "label" {}
`,
		"override.tf": `
locals {
  prefix = "overridden"
}
`,
	}
	c, err := load(writeConfig(t, files))
	if err != nil {
		t.Fatal(err)
	}
	var addresses []string
	for _, in := range c.instances {
		addresses = append(addresses, in.address())
	}
	want := []string{"", "module.db", "module.db.module.inner", `module.per_env["dev"]`, `module.per_env["dev"].module.inner`, `module.per_env["prod"]`, `module.per_env["prod"].module.inner`}
	if diff := cmp.Diff(want, addresses); diff != "" {
		t.Fatalf("instances differ (-want +got):\n%s", diff)
	}
	var notes []string
	for _, n := range c.notes {
		notes = append(notes, n.Where+": "+n.What.EN)
	}
	wantNotes := []string{
		"override.tf: override files are not applied to the ledger",
		`module.remote: a module that is not local (source = "terraform-aws-modules/s3-bucket/aws") is not read`,
	}
	if diff := cmp.Diff(wantNotes, notes); diff != "" {
		t.Errorf("notes differ (-want +got):\n%s", diff)
	}

	eval := func(in *instance, src string, ctx tflint.ModuleCtxType) string {
		t.Helper()
		expr, _ := hclext.ParseExpression([]byte(src), "test.tf", hcl.InitialPos)
		var val cty.Value
		if err := newRunner(c, in, nil).EvaluateExpr(expr, &val, &tflint.EvaluateExprOption{ModuleCtx: ctx}); err != nil {
			t.Fatal(err)
		}
		return val.GoString()
	}
	byAddress := map[string]*instance{}
	for _, in := range c.instances {
		byAddress[in.address()] = in
	}
	checks := []struct {
		Name, Module, Expr string
		Ctx                tflint.ModuleCtxType
		Want               string
	}{
		{Name: "input from the caller's local", Module: "module.db", Expr: "var.name", Want: `cty.StringVal("lg-records")`},
		{Name: "default of an input not passed", Module: "module.db", Expr: "var.retention", Want: `cty.NumberIntVal(7)`},
		{Name: "input of a for_each instance", Module: `module.per_env["prod"]`, Expr: "var.name", Want: `cty.StringVal("prod")`},
		{Name: "input passed down two levels", Module: `module.per_env["dev"].module.inner`, Expr: "var.label", Want: `cty.StringVal("dev")`},
		{Name: "path.module of a called module", Module: "module.db", Expr: "path.module", Want: `cty.StringVal("modules/db")`},
		{Name: "root context from a called module", Module: "module.db", Expr: "var.region", Ctx: tflint.RootModuleCtxType, Want: `cty.StringVal("ap-northeast-1")`},
	}
	for _, tc := range checks {
		t.Run(tc.Name, func(t *testing.T) {
			if got := eval(byAddress[tc.Module], tc.Expr, tc.Ctx); got != tc.Want {
				t.Errorf("%s in %s = %s, want %s", tc.Expr, tc.Module, got, tc.Want)
			}
		})
	}

	t.Run("module path and root provider content", func(t *testing.T) {
		r := newRunner(c, byAddress["module.db.module.inner"], nil)
		path, _ := r.GetModulePath()
		if path.String() != "module.db.module.inner" {
			t.Errorf("GetModulePath() = %s", path)
		}
		providers, err := r.GetProviderContent("aws", &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "region"}}}, &tflint.GetModuleContentOption{ModuleCtx: tflint.RootModuleCtxType})
		if err != nil || len(providers.Blocks) != 1 {
			t.Fatalf("root providers = %v, %v", providers, err)
		}
		own, _ := r.GetProviderContent("aws", nil, nil)
		if len(own.Blocks) != 0 {
			t.Errorf("the inner module has %d provider blocks, want none", len(own.Blocks))
		}
	})
}

func TestLoadErrors(t *testing.T) {
	cases := []struct {
		Name    string
		Files   map[string]string
		WantErr string
	}{
		{Name: "syntax error names the file", Files: map[string]string{"main.tf": "resource {"}, WantErr: "main.tf:1"},
		{Name: "a directory without Terraform files", Files: map[string]string{"README.md": "#"}, WantErr: "holds no Terraform files"},
		{Name: "syntax error in a called module", Files: map[string]string{"main.tf": `module "m" { source = "./m" }`, "m/main.tf": "locals {"}, WantErr: "m/main.tf"},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			_, err := load(writeConfig(t, tc.Files))
			if err == nil || !strings.Contains(err.Error(), tc.WantErr) {
				t.Fatalf("load() error = %v, want one containing %q", err, tc.WantErr)
			}
		})
	}
	t.Run("a missing directory", func(t *testing.T) {
		if _, err := load(filepath.Join(t.TempDir(), "nothing")); err == nil {
			t.Fatal("load() of a missing directory succeeded")
		}
	})
}

func TestModuleCallingItself(t *testing.T) {
	c, err := load(writeConfig(t, map[string]string{
		"main.tf":        `module "loop" { source = "./loop" }`,
		"loop/main.tf":   `module "again" { source = "../loop" }`,
		"loop/README.md": "",
	}))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.instances) != 2 {
		t.Errorf("got %d instances, want the root and one instance of the loop", len(c.instances))
	}
	if !slices.ContainsFunc(c.notes, func(n note) bool { return strings.Contains(n.What.EN, "calls itself") }) {
		t.Errorf("notes %v do not say the module calls itself", c.notes)
	}
}

func TestFunctions(t *testing.T) {
	r := loadRunners(t, map[string]string{"main.tf": `
variable "hidden" {
  type    = string
  default = "x"
  sensitive = true
}
`})[""]
	cases := []struct {
		Expr string
		Want cty.Value
	}{
		{Expr: `alltrue([true, true])`, Want: cty.True},
		{Expr: `alltrue([true, false])`, Want: cty.False},
		{Expr: `anytrue([false, true])`, Want: cty.True},
		{Expr: `anytrue([])`, Want: cty.False},
		{Expr: `endswith("records.csv", ".csv")`, Want: cty.True},
		{Expr: `strcontains("resident-records", "dent")`, Want: cty.True},
		{Expr: `coalesce(null, "", "b")`, Want: cty.StringVal("b")},
		{Expr: `length(["a", "b", "c"])`, Want: cty.NumberIntVal(3)},
		{Expr: `replace("a.b", ".", "-")`, Want: cty.StringVal("a-b")},
		{Expr: `lookup({ a = "1" }, "b", "none")`, Want: cty.StringVal("none")},
		{Expr: `tomap({ a = "1" })`, Want: cty.MapVal(map[string]cty.Value{"a": cty.StringVal("1")})},
		{Expr: `nonsensitive(var.hidden)`, Want: cty.StringVal("x")},
		{Expr: `cidrsubnet("10.0.0.0/16", 8, 1)`, Want: cty.StringVal("10.0.1.0/24")},
		{Expr: `core::upper("a")`, Want: cty.StringVal("A")},
		{Expr: `sha256("x")`, Want: cty.DynamicVal},
	}
	for _, tc := range cases {
		t.Run(tc.Expr, func(t *testing.T) {
			expr, diags := hclext.ParseExpression([]byte(tc.Expr), "test.tf", hcl.InitialPos)
			if diags.HasErrors() {
				t.Fatal(diags)
			}
			var got cty.Value
			if err := r.EvaluateExpr(expr, &got, nil); err != nil {
				t.Fatal(err)
			}
			if !got.RawEquals(tc.Want) {
				t.Errorf("%s = %#v, want %#v", tc.Expr, got, tc.Want)
			}
		})
	}
	t.Run("sensitive marks its value", func(t *testing.T) {
		expr, _ := hclext.ParseExpression([]byte(`sensitive("x")`), "test.tf", hcl.InitialPos)
		var s string
		if err := r.EvaluateExpr(expr, &s, nil); !errors.Is(err, tflint.ErrSensitive) {
			t.Errorf("error = %v, want ErrSensitive", err)
		}
	})
}

func TestRunnerFilesAndRuleConfig(t *testing.T) {
	c, err := load(writeConfig(t, map[string]string{
		"main.tf":   `resource "aws_s3_bucket" "a" { bucket = upper("a") }`,
		"b.tf.json": `{"locals": {"x": "y"}}`,
	}))
	if err != nil {
		t.Fatal(err)
	}
	ruleBody, _ := hclparseBody(t, `required_tags = { Owner = [] }`)
	r := newRunner(c, c.instances[0], map[string]hcl.Body{"lgcloud_aws_ledger_tags": ruleBody})

	if wd, _ := r.GetOriginalwd(); wd != c.root {
		t.Errorf("GetOriginalwd() = %q, want %q", wd, c.root)
	}
	files, _ := r.GetFiles()
	var names []string
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	if diff := cmp.Diff([]string{"b.tf.json", "main.tf"}, names); diff != "" {
		t.Errorf("files differ (-want +got):\n%s", diff)
	}
	if f, _ := r.GetFile("main.tf"); f == nil {
		t.Error("GetFile(main.tf) = nil")
	}

	var calls []string
	diags := r.WalkExpressions(tflint.ExprWalkFunc(func(expr hcl.Expression) hcl.Diagnostics {
		calls = append(calls, string(expr.Range().SliceBytes(files[expr.Range().Filename].Bytes)))
		return nil
	}))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if !slices.Contains(calls, `upper("a")`) || !slices.Contains(calls, `"a"`) || !slices.Contains(calls, `{"x": "y"}`) {
		t.Errorf("walked %q, want the nested native expressions and the JSON attributes", calls)
	}

	var opts struct {
		RequiredTags map[string][]string `hclext:"required_tags,optional"`
	}
	if err := r.DecodeRuleConfig("lgcloud_aws_ledger_tags", &opts); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(map[string][]string{"Owner": {}}, opts.RequiredTags); diff != "" {
		t.Errorf("decoded options differ (-want +got):\n%s", diff)
	}
	if err := r.DecodeRuleConfig("lgcloud_other", &opts); err != nil {
		t.Errorf("a rule without a block: %v", err)
	}
	if err := r.EnsureNoError(nil, func() error { return nil }); err != nil {
		t.Error(err)
	}
}

// hclparseBody parses an HCL body from source.
func hclparseBody(t *testing.T, src string) (hcl.Body, hcl.Diagnostics) {
	t.Helper()
	file, diags := hclparse.NewParser().ParseHCL([]byte(src), "rule.hcl")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return file.Body, diags
}
