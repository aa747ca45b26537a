package aws

import (
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsOpensearchDomainEncryptedRule checks that OpenSearch (and legacy
// Elasticsearch) domains encrypt their data at rest and between nodes.
type AwsOpensearchDomainEncryptedRule struct{ lint.Meta }

var _ lint.Rule = (*AwsOpensearchDomainEncryptedRule)(nil)

// NewAwsOpensearchDomainEncryptedRule returns the rule.
func NewAwsOpensearchDomainEncryptedRule() *AwsOpensearchDomainEncryptedRule {
	enabled := &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "enabled"}}}
	domain := &hclext.BodySchema{Blocks: []hclext.BlockSchema{
		{Type: "encrypt_at_rest", Body: enabled},
		{Type: "node_to_node_encryption", Body: enabled},
	}}
	return &AwsOpensearchDomainEncryptedRule{lint.Meta{
		RuleName: "lgcloud_aws_opensearch_domain_encrypted",
		Level:    tflint.WARNING,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.6.1.1"},
		Summary:  project.Text{JA: "OpenSearch ドメインの保存データとノード間通信を暗号化する", EN: "OpenSearch domains encrypt data at rest and between nodes"},
		Reads: segmentLevelReads(lint.Reads{
			"aws_opensearch_domain":    domain,
			"aws_elasticsearch_domain": domain,
		}),
	}}
}

// searchDomains are the resource types the rule reads, with what each is
// called in messages.
var searchDomains = []struct {
	resourceType string
	kind         project.Text
}{
	{"aws_opensearch_domain", storeName("aws_opensearch_domain")},
	{"aws_elasticsearch_domain", storeName("aws_elasticsearch_domain")},
}

var msgSearchAtRest = project.Text{
	JA: "%s %s の保存データが暗号化されていません。encrypt_at_rest ブロックで enabled = true を設定してください。",
	EN: "The data of %s %s is not encrypted at rest; set enabled = true in an encrypt_at_rest block.",
}

var msgSearchNodeToNode = project.Text{
	JA: "%s %s のノード間の通信が暗号化されていません。node_to_node_encryption ブロックで enabled = true を設定してください。",
	EN: "Traffic between the nodes of %s %s is not encrypted; set enabled = true in a node_to_node_encryption block.",
}

var (
	whatSearchAtRest     = project.Text{JA: "OpenSearch ドメインの保存時の暗号化", EN: "OpenSearch domain encryption at rest"}
	whatSearchNodeToNode = project.Text{JA: "OpenSearch ドメインのノード間の暗号化", EN: "OpenSearch domain node-to-node encryption"}
)

// Check reports domains whose encrypt_at_rest or node_to_node_encryption is
// missing (the provider's default is off for both) or has enabled = false.
// A domain of the mynumber segment is an ERROR.
func (r *AwsOpensearchDomainEncryptedRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	for _, ty := range searchDomains {
		kind := ty.kind.In(runner.Config.Language)
		err := eachAtSegmentLevel(runner, r, ty.resourceType, func(domain *hclext.Block, rule lint.Rule) error {
			for _, setting := range []struct {
				block string
				what  project.Text
				msg   project.Text
			}{
				{"encrypt_at_rest", whatSearchAtRest, msgSearchAtRest},
				{"node_to_node_encryption", whatSearchNodeToNode, msgSearchNodeToNode},
			} {
				if err := requireEnabledBlock(runner, rule, domain, setting.block, setting.what, setting.msg, kind, lint.Address(domain)); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// requireEnabledBlock requires a nested block whose `enabled` must be true:
// a missing block is reported at the resource, each block's enabled with
// RequireTrue.
func requireEnabledBlock(runner *lint.Runner, rule lint.Rule, resource *hclext.Block, blockType string, what, msg project.Text, args ...any) error {
	blocks := resource.Body.Blocks.OfType(blockType)
	if len(blocks) == 0 {
		return runner.Report(rule, resource.DefRange, msg, args...)
	}
	for _, block := range blocks {
		enabled := runner.Attr(block.Body, "enabled", cty.Bool)
		if err := runner.RequireTrue(rule, enabled, block.DefRange, lint.DefaultFails, what, msg, args...); err != nil {
			return err
		}
	}
	return nil
}
