package aws

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
	"github.com/terraform-linters/tflint-plugin-sdk/terraform/addrs"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

func TestParseProviderRef(t *testing.T) {
	cases := []struct {
		Name string
		Src  string
		Want providerKey
		OK   bool
	}{
		{"default configuration", `aws`, providerKey{Local: "aws"}, true},
		{"alias", `aws.virginia`, providerKey{Local: "aws", Alias: "virginia"}, true},
		{"quoted alias of Terraform 0.11", `"aws.virginia"`, providerKey{Local: "aws", Alias: "virginia"}, true},
		{"other local name", `awsjp.osaka`, providerKey{Local: "awsjp", Alias: "osaka"}, true},
		{"too many steps", `aws.a.b`, providerKey{}, false},
		{"index step", `aws[0]`, providerKey{}, false},
		{"interpolated string", `"aws.${var.x}"`, providerKey{}, false},
		{"function call", `lookup(var.p, "x")`, providerKey{}, false},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			expr, diags := hclsyntax.ParseExpression([]byte(tc.Src), "main.tf", hcl.InitialPos)
			if diags.HasErrors() {
				t.Fatal(diags)
			}
			got, ok := parseProviderRef(expr)
			if ok != tc.OK || got != tc.Want {
				t.Fatalf("parseProviderRef(%s) = %v, %v; want %v, %v", tc.Src, got, ok, tc.Want, tc.OK)
			}
		})
	}
}

func TestWithRegion(t *testing.T) {
	got := withRegion(&hclext.BodySchema{
		Attributes: []hclext.AttributeSchema{{Name: "region"}, {Name: "encrypted"}},
		Blocks:     []hclext.BlockSchema{{Type: "replica"}},
	})
	if len(got.Attributes) != 2 || got.Attributes[0].Name != "region" || got.Attributes[1].Name != "encrypted" {
		t.Errorf("attributes = %v, want region once, then encrypted", got.Attributes)
	}
	if len(got.Blocks) != 1 || got.Blocks[0].Type != "replica" {
		t.Errorf("blocks = %v, want the replica block kept", got.Blocks)
	}
	if empty := withRegion(nil); len(empty.Attributes) != 1 || empty.Attributes[0].Name != "region" {
		t.Errorf("withRegion(nil) = %v, want region only", empty.Attributes)
	}
}

func knownRegion(s string, line int) lint.Value {
	return lint.Value{State: lint.Known, Val: cty.StringVal(s), Name: "region", Range: hcl.Range{Filename: "main.tf", Start: hcl.Pos{Line: line, Column: 12}, End: hcl.Pos{Line: line, Column: 20}}}
}

func TestRegionContextPlace(t *testing.T) {
	tokyo := providerConf{Region: knownRegion("ap-northeast-1", 2)}
	virginia := providerConf{Region: knownRegion("us-east-1", 6)}
	noRegion := providerConf{Region: lint.Value{State: lint.Absent, Name: "region"}}
	unknown := providerConf{Region: lint.Value{State: lint.Unknown, Name: "region", Why: project.Text{JA: "x", EN: "x"}}}
	def, alias := providerKey{Local: "aws"}, providerKey{Local: "aws", Alias: "virginia"}
	rootConfs := map[providerKey]providerConf{def: tokyo, alias: virginia}

	cases := []struct {
		Name     string
		Ctx      regionContext
		Key      providerKey
		Region   string // "" for unknown
		Why      string // English reason of an unknown region
		InModule bool
	}{
		{Name: "root default", Ctx: regionContext{root: true, local: rootConfs}, Key: def, Region: "ap-northeast-1", InModule: true},
		{Name: "root alias", Ctx: regionContext{root: true, local: rootConfs}, Key: alias, Region: "us-east-1", InModule: true},
		{Name: "root without the block", Ctx: regionContext{root: true}, Key: def, Why: "there is no block for provider aws: the region comes from the environment or the AWS config files"},
		{Name: "root block without region", Ctx: regionContext{root: true, local: map[providerKey]providerConf{def: noRegion}}, Key: def, Why: "provider aws sets no region: it comes from the environment or the AWS config files"},
		{Name: "root region unknown", Ctx: regionContext{root: true, local: map[providerKey]providerConf{def: unknown}}, Key: def, Why: "the region of provider aws: x"},
		{Name: "module inherits the root default", Ctx: regionContext{rootConfs: rootConfs, inherit: inheritsRoot}, Key: def, Region: "ap-northeast-1"},
		{Name: "module's own provider block wins", Ctx: regionContext{local: map[providerKey]providerConf{def: virginia}, rootConfs: rootConfs}, Key: def, Region: "us-east-1", InModule: true},
		{Name: "module alias comes only through a providers map", Ctx: regionContext{rootConfs: rootConfs, inherit: inheritsRoot}, Key: alias, Why: "its provider configuration is not among those the providers map of its module call passes, or that map cannot be read"},
		{Name: "module called with a providers map", Ctx: regionContext{rootConfs: rootConfs, inherit: inheritsPassed}, Key: def, Why: "its provider configuration is not among those the providers map of its module call passes, or that map cannot be read"},
		{Name: "nested module", Ctx: regionContext{rootConfs: rootConfs, inherit: inheritsNested}, Key: def, Why: "its provider configuration is inherited through nested module calls, which cannot be seen"},
		{Name: "module whose root has no block", Ctx: regionContext{inherit: inheritsRoot}, Key: def, Why: "there is no block for provider aws: the region comes from the environment or the AWS config files"},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			p := tc.Ctx.place(tc.Key)
			switch {
			case tc.Region != "" && (!p.IsKnown() || p.Region != tc.Region):
				t.Fatalf("place = %+v, want region %s", p, tc.Region)
			case tc.Region == "" && (p.IsKnown() || p.Why.EN != tc.Why):
				t.Fatalf("place = %+v, want unknown because %q", p, tc.Why)
			case p.IsKnown() && p.InModule != tc.InModule:
				t.Fatalf("InModule = %v, want %v", p.InModule, tc.InModule)
			}
		})
	}
}

func TestPlacementAt(t *testing.T) {
	resource := &hclext.Block{DefRange: hcl.Range{Filename: "main.tf", Start: hcl.Pos{Line: 10, Column: 1}}}
	expr := hcl.Range{Filename: "main.tf", Start: hcl.Pos{Line: 3, Column: 12}}
	cases := []struct {
		Name string
		P    placement
		Want hcl.Range
	}{
		{"provider region in the root is reported at the resource", placement{Range: expr, InModule: true, root: true}, resource.DefRange},
		{"resource region argument is reported at the argument", placement{Range: expr, FromResource: true, InModule: true, root: true}, expr},
		{"module's own provider region is reported at its region", placement{Range: expr, InModule: true}, expr},
		{"root provider region seen from a module is reported at the resource", placement{Range: expr}, resource.DefRange},
		{"no expression is reported at the resource", placement{}, resource.DefRange},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			if got := tc.P.At(resource); got != tc.Want {
				t.Fatalf("At = %v, want %v", got, tc.Want)
			}
		})
	}
}

// calledModule is a module called by the root module, made of two SDK test
// runners: one over the module's files, one over the root module's.
type calledModule struct {
	*helper.Runner
	root *helper.Runner
	path addrs.Module
}

// GetModulePath returns the module's path.
func (m calledModule) GetModulePath() (addrs.Module, error) { return m.path, nil }

// GetModuleContent reads the module's files, or the root module's.
func (m calledModule) GetModuleContent(schema *hclext.BodySchema, opts *tflint.GetModuleContentOption) (*hclext.BodyContent, error) {
	if opts != nil && opts.ModuleCtx == tflint.RootModuleCtxType {
		return m.root.GetModuleContent(schema, opts)
	}
	return m.Runner.GetModuleContent(schema, opts)
}

// EvaluateExpr evaluates in the module, or in the root module.
func (m calledModule) EvaluateExpr(expr hcl.Expression, target any, opts *tflint.EvaluateExprOption) error {
	if opts != nil && opts.ModuleCtx == tflint.RootModuleCtxType {
		return m.root.EvaluateExpr(expr, target, opts)
	}
	return m.Runner.EvaluateExpr(expr, target, opts)
}

func TestResourceRegionInCalledModule(t *testing.T) {
	const bucket = `
resource "aws_s3_bucket" "data" {
}`
	cases := []struct {
		Name   string
		Path   addrs.Module
		Root   string
		Module string
		Region string
		Why    string
	}{
		{
			Name: "module called without providers inherits the root default",
			Path: addrs.Module{"app"},
			Root: `
provider "aws" {
  region = "ap-northeast-1"
}

module "app" {
  source = "./app"
}`,
			Module: bucket,
			Region: "ap-northeast-1",
		},
		{
			Name: "module called with a providers map uses the configuration it passes",
			Path: addrs.Module{"app"},
			Root: `
provider "aws" {
  region = "ap-northeast-1"
}

provider "aws" {
  alias  = "osaka"
  region = "ap-northeast-3"
}

module "app" {
  source    = "./app"
  providers = { aws = aws.osaka }
}`,
			Module: bucket,
			Region: "ap-northeast-3",
		},
		{
			Name: "module called with a providers map gets no other configuration",
			Path: addrs.Module{"app"},
			Root: `
provider "aws" {
  region = "ap-northeast-1"
}

provider "aws" {
  alias  = "osaka"
  region = "ap-northeast-3"
}

module "app" {
  source    = "./app"
  providers = { "aws.dr" = aws.osaka }
}`,
			Module: bucket,
			Why:    "its provider configuration is not among those the providers map of its module call passes, or that map cannot be read",
		},
		{
			Name: "module called with a providers map that is not an object is not traced",
			Path: addrs.Module{"app"},
			Root: `
provider "aws" {
  region = "ap-northeast-1"
}

module "app" {
  source    = "./app"
  providers = local.providers
}`,
			Module: bucket,
			Why:    "its provider configuration is not among those the providers map of its module call passes, or that map cannot be read",
		},
		{
			Name: "nested module is not traced",
			Path: addrs.Module{"app", "store"},
			Root: `
provider "aws" {
  region = "ap-northeast-1"
}`,
			Module: bucket,
			Why:    "its provider configuration is inherited through nested module calls, which cannot be seen",
		},
		{
			Name: "module's own provider block wins over the root's",
			Path: addrs.Module{"app"},
			Root: `
provider "aws" {
  region = "ap-northeast-1"
}

module "app" {
  source = "./app"
}`,
			Module: `
provider "aws" {
  region = "us-east-1"
}
` + bucket,
			Region: "us-east-1",
		},
		{
			Name: "alias in a module without its own block is not traced",
			Path: addrs.Module{"app"},
			Root: `
provider "aws" {
  alias  = "virginia"
  region = "us-east-1"
}

module "app" {
  source = "./app"
}`,
			Module: `
resource "aws_s3_bucket" "data" {
  provider = aws.virginia
}`,
			Why: "its provider configuration is not among those the providers map of its module call passes, or that map cannot be read",
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			module := helper.TestRunner(t, map[string]string{"main.tf": tc.Module})
			root := helper.TestRunner(t, map[string]string{"main.tf": tc.Root})
			rule := NewAwsDataResidencyRule()
			runner := lint.NewRunner(calledModule{module, root, tc.Path}, nil, lint.Options{Reads: rule.Reads})
			buckets, err := runner.Resources(rule, "aws_s3_bucket")
			if err != nil || len(buckets) != 1 {
				t.Fatalf("reading the bucket: %v, %d buckets", err, len(buckets))
			}
			p, err := resourceRegion(runner, buckets[0])
			if err != nil {
				t.Fatal(err)
			}
			if tc.Region != "" && p.Region != tc.Region || tc.Region == "" && (p.IsKnown() || p.Why.EN != tc.Why) {
				t.Fatalf("placement = %+v, want region %q or reason %q", p, tc.Region, tc.Why)
			}
		})
	}
}
