package aws

import (
	"slices"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsMskClusterEncryptedRule checks that MSK clusters encrypt data in
// transit, between clients and brokers and among brokers. MSK always
// encrypts data at rest.
type AwsMskClusterEncryptedRule struct{ lint.Meta }

var _ lint.Rule = (*AwsMskClusterEncryptedRule)(nil)

// NewAwsMskClusterEncryptedRule returns the rule.
func NewAwsMskClusterEncryptedRule() *AwsMskClusterEncryptedRule {
	return &AwsMskClusterEncryptedRule{lint.Meta{
		RuleName: "lgcloud_aws_msk_cluster_encrypted",
		Level:    tflint.WARNING,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.6.1.1"},
		Summary:  project.Text{JA: "MSK クラスターの通信を TLS で暗号化する", EN: "MSK clusters encrypt traffic in transit with TLS"},
		Reads: segmentLevelReads(lint.Reads{
			"aws_msk_cluster": {Blocks: []hclext.BlockSchema{{
				Type: "encryption_info",
				Body: &hclext.BodySchema{Blocks: []hclext.BlockSchema{{
					Type: "encryption_in_transit",
					Body: &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "client_broker"}, {Name: "in_cluster"}}},
				}}},
			}}},
		}),
	}}
}

var msgMskClientBroker = project.Text{
	JA: "MSK クラスター %s はクライアントとブローカーの間の平文の通信を受け付けます（client_broker = %q）。client_broker = \"TLS\" にしてください。",
	EN: "MSK cluster %s accepts plaintext traffic between clients and brokers (client_broker = %q); set client_broker = \"TLS\".",
}

var msgMskInCluster = project.Text{
	JA: "MSK クラスター %s のブローカー間の通信が暗号化されていません。in_cluster = true にしてください。",
	EN: "Traffic among the brokers of MSK cluster %s is not encrypted; set in_cluster = true.",
}

var whatMskTransit = project.Text{JA: "MSK クラスターの通信の暗号化", EN: "MSK cluster encryption in transit"}

// plaintextClientBroker are the client_broker values that let clients talk
// to brokers without TLS.
var plaintextClientBroker = []string{"PLAINTEXT", "TLS_PLAINTEXT"}

// Check reports client_broker values that allow plaintext and
// in_cluster = false. Absent, they take the provider's defaults, "TLS" and
// true. A cluster of the mynumber segment is an ERROR.
func (r *AwsMskClusterEncryptedRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	return eachAtSegmentLevel(runner, r, "aws_msk_cluster", func(cluster *hclext.Block, rule lint.Rule) error {
		name := lint.Address(cluster)
		for _, info := range cluster.Body.Blocks.OfType("encryption_info") {
			for _, transit := range info.Body.Blocks.OfType("encryption_in_transit") {
				clientBroker := runner.Attr(transit.Body, "client_broker", cty.String)
				if s, ok := clientBroker.String(); ok && slices.Contains(plaintextClientBroker, s) {
					if err := runner.Report(rule, clientBroker.Range, msgMskClientBroker, name, s); err != nil {
						return err
					}
				} else if err := runner.Unverified(rule, clientBroker, whatMskTransit); err != nil {
					return err
				}
				inCluster := runner.Attr(transit.Body, "in_cluster", cty.Bool)
				if err := runner.RequireTrue(rule, inCluster, transit.DefRange, lint.DefaultPasses, whatMskTransit, msgMskInCluster, name); err != nil {
					return err
				}
			}
		}
		return nil
	})
}
