package aws

import (
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
)

// The AWS provider's own schema, as `terraform providers schema -json`
// prints it for hashicorp/aws 5.100.0. A rule that reads a resource type,
// attribute or block the provider does not have would silently never fire;
// this file's test is the guard against such a misspelling.
const (
	awsSchemaFile          = "testdata/aws-5.100.0.json.gz"
	awsSchemaName          = "hashicorp/aws 5.100.0"
	awsProviderAddress     = "registry.terraform.io/hashicorp/aws"
	awsSchemaResourceTypes = 1526
)

// v6ResourceAttributes are the known exceptions: attributes that provider
// v6 adds at the top level of every (regional) resource, so that the
// v5.100.0 schema lacks them. A rule may read them at the top level of a
// resource, never inside a nested block. The list holds the v6 additions and
// nothing else: a name missing from the schema for any other reason is a bug
// in the rule, not an exception.
var v6ResourceAttributes = map[string]string{
	// Provider v6 "enhanced region support": a per-resource region that
	// overrides the provider's.
	"region": "provider v6 adds a resource-level region argument",
}

// schemaBlock is a block of the provider schema: its attributes and its
// nested block types.
type schemaBlock struct {
	Attributes map[string]json.RawMessage `json:"attributes"`
	BlockTypes map[string]struct {
		Block schemaBlock `json:"block"`
	} `json:"block_types"`
}

// objectElements returns, for an attribute whose type is a list or set of
// objects, the objects' attributes as a block; false for any other type.
func objectElements(raw json.RawMessage) (schemaBlock, bool) {
	var attr struct {
		Type []json.RawMessage `json:"type"`
	}
	if json.Unmarshal(raw, &attr) != nil || len(attr.Type) != 2 {
		return schemaBlock{}, false
	}
	var kind string
	if json.Unmarshal(attr.Type[0], &kind) != nil || (kind != "list" && kind != "set") {
		return schemaBlock{}, false
	}
	var elem []json.RawMessage
	if json.Unmarshal(attr.Type[1], &elem) != nil || len(elem) != 2 {
		return schemaBlock{}, false
	}
	var fields map[string]json.RawMessage
	if json.Unmarshal(elem[1], &fields) != nil {
		return schemaBlock{}, false
	}
	return schemaBlock{Attributes: fields}, true
}

type providerSchemas struct {
	ProviderSchemas map[string]struct {
		ResourceSchemas map[string]struct {
			Block schemaBlock `json:"block"`
		} `json:"resource_schemas"`
		DataSourceSchemas map[string]struct {
			Block schemaBlock `json:"block"`
		} `json:"data_source_schemas"`
	} `json:"provider_schemas"`
}

// awsSchemas are the resource and data source schemas of the provider.
type awsSchemas struct {
	Resources   map[string]schemaBlock
	DataSources map[string]schemaBlock
}

// loadAWSSchema reads the resource and data source schemas of the AWS
// provider from the test data, once per test binary.
var loadAWSSchema = sync.OnceValues(func() (awsSchemas, error) {
	var schemas awsSchemas
	f, err := os.Open(awsSchemaFile)
	if err != nil {
		return schemas, err
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return schemas, fmt.Errorf("%s: %w", awsSchemaFile, err)
	}
	var doc providerSchemas
	if err := json.NewDecoder(gz).Decode(&doc); err != nil {
		return schemas, fmt.Errorf("%s: %w", awsSchemaFile, err)
	}
	provider, ok := doc.ProviderSchemas[awsProviderAddress]
	if !ok {
		return schemas, fmt.Errorf("%s holds no schema for %s", awsSchemaFile, awsProviderAddress)
	}
	schemas.Resources = make(map[string]schemaBlock, len(provider.ResourceSchemas))
	for ty, res := range provider.ResourceSchemas {
		schemas.Resources[ty] = res.Block
	}
	schemas.DataSources = make(map[string]schemaBlock, len(provider.DataSourceSchemas))
	for ty, data := range provider.DataSourceSchemas {
		schemas.DataSources[ty] = data.Block
	}
	return schemas, nil
})

func awsSchema(t *testing.T) awsSchemas {
	t.Helper()
	schemas, err := loadAWSSchema()
	if err != nil {
		t.Fatalf("failed to load the provider schema: %s", err)
	}
	if len(schemas.Resources) != awsSchemaResourceTypes {
		t.Fatalf("%s holds %d resource types, want the %d of %s", awsSchemaFile, len(schemas.Resources), awsSchemaResourceTypes, awsSchemaName)
	}
	if len(schemas.DataSources) == 0 {
		t.Fatalf("%s holds no data source schemas", awsSchemaFile)
	}
	return schemas
}

// checkReads returns one message for each resource type, data source type
// ("data." prefix), attribute and nested block that the reads name and the
// schema lacks, in a stable order.
func checkReads(schema awsSchemas, rule string, reads lint.Reads) []string {
	types := make([]string, 0, len(reads))
	for ty := range reads {
		types = append(types, ty)
	}
	sort.Strings(types)

	var problems []string
	for _, ty := range types {
		if dataType, isData := strings.CutPrefix(ty, lint.DataPrefix); isData {
			block, ok := schema.DataSources[dataType]
			if !ok {
				problems = append(problems, fmt.Sprintf("%s: data source type %q is not in the %s schema", rule, dataType, awsSchemaName))
				continue
			}
			problems = append(problems, checkBody(block, rule, ty, reads[ty], true)...)
			continue
		}
		block, ok := schema.Resources[ty]
		if !ok {
			problems = append(problems, fmt.Sprintf("%s: resource type %q is not in the %s schema", rule, ty, awsSchemaName))
			continue
		}
		problems = append(problems, checkBody(block, rule, ty, reads[ty], true)...)
	}
	return problems
}

// checkBody checks what a rule reads of one block (path names it, e.g.
// aws_instance.root_block_device) against the block's schema, recursively.
func checkBody(block schemaBlock, rule, path string, body *hclext.BodySchema, resourceLevel bool) []string {
	if body == nil {
		return nil
	}
	var problems []string
	for _, attr := range body.Attributes {
		if _, ok := block.Attributes[attr.Name]; ok {
			continue
		}
		if _, ok := v6ResourceAttributes[attr.Name]; ok && resourceLevel {
			continue
		}
		if _, ok := block.BlockTypes[attr.Name]; ok {
			problems = append(problems, fmt.Sprintf("%s: %s has %q as a block, not an attribute, in the %s schema", rule, path, attr.Name, awsSchemaName))
			continue
		}
		problems = append(problems, fmt.Sprintf("%s: %s has no attribute %q in the %s schema", rule, path, attr.Name, awsSchemaName))
	}
	for _, nested := range body.Blocks {
		inner, ok := block.BlockTypes[nested.Type]
		if !ok {
			if raw, isAttr := block.Attributes[nested.Type]; isAttr {
				// Attributes as blocks: a list or set of objects that the
				// code writes in block syntax (route, ingress).
				if elem, ok := objectElements(raw); ok {
					problems = append(problems, checkBody(elem, rule, path+"."+nested.Type, nested.Body, false)...)
					continue
				}
				problems = append(problems, fmt.Sprintf("%s: %s has %q as an attribute, not a block, in the %s schema", rule, path, nested.Type, awsSchemaName))
				continue
			}
			problems = append(problems, fmt.Sprintf("%s: %s has no block %q in the %s schema", rule, path, nested.Type, awsSchemaName))
			continue
		}
		problems = append(problems, checkBody(inner.Block, rule, path+"."+nested.Type, nested.Body, false)...)
	}
	return problems
}

func TestRulesReadProviderSchemaNames(t *testing.T) {
	schema := awsSchema(t)
	for _, rule := range Rules() {
		t.Run(rule.Name(), func(t *testing.T) {
			meta := rule.Describe()
			if len(meta.Reads) == 0 {
				t.Fatalf("%s declares no reads", rule.Name())
			}
			for _, problem := range checkReads(schema, rule.Name(), meta.Reads) {
				t.Error(problem)
			}
		})
	}
}

func TestCheckReadsCatchesMisspellings(t *testing.T) {
	schema := awsSchema(t)
	encrypted := &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "encrypted"}}}
	cases := []struct {
		Name     string
		Reads    lint.Reads
		Expected []string
	}{
		{
			Name: "correct names pass",
			Reads: lint.Reads{
				"aws_instance": {
					Attributes: []hclext.AttributeSchema{{Name: "instance_type"}},
					Blocks:     []hclext.BlockSchema{{Type: "root_block_device", Body: encrypted}},
				},
				"aws_launch_template": {Blocks: []hclext.BlockSchema{{
					Type: "block_device_mappings",
					Body: &hclext.BodySchema{Blocks: []hclext.BlockSchema{{Type: "ebs", Body: encrypted}}},
				}}},
			},
		},
		{
			Name:     "misspelt resource type",
			Reads:    lint.Reads{"aws_instanse": encrypted},
			Expected: []string{`fabricated: resource type "aws_instanse" is not in the hashicorp/aws 5.100.0 schema`},
		},
		{
			Name:     "misspelt attribute",
			Reads:    lint.Reads{"aws_ebs_volume": {Attributes: []hclext.AttributeSchema{{Name: "encypted"}}}},
			Expected: []string{`fabricated: aws_ebs_volume has no attribute "encypted" in the hashicorp/aws 5.100.0 schema`},
		},
		{
			Name: "misspelt attribute in a nested block",
			Reads: lint.Reads{"aws_instance": {Blocks: []hclext.BlockSchema{{
				Type: "root_block_device",
				Body: &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "encypted"}}},
			}}}},
			Expected: []string{`fabricated: aws_instance.root_block_device has no attribute "encypted" in the hashicorp/aws 5.100.0 schema`},
		},
		{
			Name:     "misspelt block",
			Reads:    lint.Reads{"aws_instance": {Blocks: []hclext.BlockSchema{{Type: "root_block_devise", Body: encrypted}}}},
			Expected: []string{`fabricated: aws_instance has no block "root_block_devise" in the hashicorp/aws 5.100.0 schema`},
		},
		{
			Name: "misspelt block two levels down",
			Reads: lint.Reads{"aws_launch_template": {Blocks: []hclext.BlockSchema{{
				Type: "block_device_mappings",
				Body: &hclext.BodySchema{Blocks: []hclext.BlockSchema{{Type: "ebz", Body: encrypted}}},
			}}}},
			Expected: []string{`fabricated: aws_launch_template.block_device_mappings has no block "ebz" in the hashicorp/aws 5.100.0 schema`},
		},
		{
			Name:     "block read as an attribute",
			Reads:    lint.Reads{"aws_instance": {Attributes: []hclext.AttributeSchema{{Name: "root_block_device"}}}},
			Expected: []string{`fabricated: aws_instance has "root_block_device" as a block, not an attribute, in the hashicorp/aws 5.100.0 schema`},
		},
		{
			Name:     "attribute read as a block",
			Reads:    lint.Reads{"aws_ebs_volume": {Blocks: []hclext.BlockSchema{{Type: "encrypted", Body: &hclext.BodySchema{}}}}},
			Expected: []string{`fabricated: aws_ebs_volume has "encrypted" as an attribute, not a block, in the hashicorp/aws 5.100.0 schema`},
		},
		{
			Name: "data source names are looked up among data sources",
			Reads: lint.Reads{
				"data.aws_iam_policy": {Attributes: []hclext.AttributeSchema{{Name: "name"}, {Name: "arn"}}},
				"data.aws_iam_policy_document": {Blocks: []hclext.BlockSchema{{
					Type: "statement",
					Body: &hclext.BodySchema{Blocks: []hclext.BlockSchema{{Type: "principals", Body: &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "identifiers"}}}}}},
				}}},
			},
		},
		{
			Name:     "misspelt data source attribute",
			Reads:    lint.Reads{"data.aws_iam_policy": {Attributes: []hclext.AttributeSchema{{Name: "nmae"}}}},
			Expected: []string{`fabricated: data.aws_iam_policy has no attribute "nmae" in the hashicorp/aws 5.100.0 schema`},
		},
		{
			Name:     "misspelt data source type",
			Reads:    lint.Reads{"data.aws_iam_polcy": {Attributes: []hclext.AttributeSchema{{Name: "name"}}}},
			Expected: []string{`fabricated: data source type "aws_iam_polcy" is not in the hashicorp/aws 5.100.0 schema`},
		},
		{
			Name:     "a resource type is no data source",
			Reads:    lint.Reads{"data.aws_iam_user_policy_attachment": {Attributes: []hclext.AttributeSchema{{Name: "user"}}}},
			Expected: []string{`fabricated: data source type "aws_iam_user_policy_attachment" is not in the hashicorp/aws 5.100.0 schema`},
		},
		{
			Name:  "resource-level region of provider v6 is a known exception",
			Reads: lint.Reads{"aws_ebs_volume": {Attributes: []hclext.AttributeSchema{{Name: "region"}}}},
		},
		{
			Name: "region inside a nested block is no exception",
			Reads: lint.Reads{"aws_instance": {Blocks: []hclext.BlockSchema{{
				Type: "root_block_device",
				Body: &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "region"}}},
			}}}},
			Expected: []string{`fabricated: aws_instance.root_block_device has no attribute "region" in the hashicorp/aws 5.100.0 schema`},
		},
		{
			Name: "every problem of one read is reported",
			Reads: lint.Reads{
				"aws_instance": {
					Attributes: []hclext.AttributeSchema{{Name: "instance_typo"}},
					Blocks: []hclext.BlockSchema{
						{Type: "root_block_device", Body: &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "encypted"}}}},
						{Type: "ebs_block_devise", Body: encrypted},
					},
				},
				"aws_instanse": encrypted,
			},
			Expected: []string{
				`fabricated: aws_instance has no attribute "instance_typo" in the hashicorp/aws 5.100.0 schema`,
				`fabricated: aws_instance.root_block_device has no attribute "encypted" in the hashicorp/aws 5.100.0 schema`,
				`fabricated: aws_instance has no block "ebs_block_devise" in the hashicorp/aws 5.100.0 schema`,
				`fabricated: resource type "aws_instanse" is not in the hashicorp/aws 5.100.0 schema`,
			},
		},
	}

	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			got := checkReads(schema, "fabricated", tc.Reads)
			if !slices.Equal(got, tc.Expected) {
				t.Fatalf("checkReads found:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(tc.Expected, "\n  "))
			}
		})
	}
}

func TestSchemaExceptionsExcuseSomething(t *testing.T) {
	schema := awsSchema(t)
	// An exception that every resource type of v5.100.0 already has excuses
	// nothing: it is stale and must go.
	for name := range v6ResourceAttributes {
		lacking := 0
		for _, block := range schema.Resources {
			if _, ok := block.Attributes[name]; !ok {
				lacking++
			}
		}
		if lacking == 0 {
			t.Errorf("exception %q is in the %s schema of every resource type; remove it", name, awsSchemaName)
		}
	}
}
