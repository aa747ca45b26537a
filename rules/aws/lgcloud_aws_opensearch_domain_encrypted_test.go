package aws

import (
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func TestAwsOpensearchDomainEncryptedRule(t *testing.T) {
	rule := NewAwsOpensearchDomainEncryptedRule()
	const (
		atRest     = "OpenSearch ドメイン aws_opensearch_domain.search の保存データが暗号化されていません。encrypt_at_rest ブロックで enabled = true を設定してください。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]"
		nodeToNode = "OpenSearch ドメイン aws_opensearch_domain.search のノード間の通信が暗号化されていません。node_to_node_encryption ブロックで enabled = true を設定してください。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]"
		esAtRest   = "Elasticsearch ドメイン aws_elasticsearch_domain.legacy の保存データが暗号化されていません。encrypt_at_rest ブロックで enabled = true を設定してください。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]"
		esNode     = "Elasticsearch ドメイン aws_elasticsearch_domain.legacy のノード間の通信が暗号化されていません。node_to_node_encryption ブロックで enabled = true を設定してください。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]"
	)
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "both settings disabled are reported at their values",
			Content: `
resource "aws_opensearch_domain" "search" {
  encrypt_at_rest {
    enabled = false
  }
  node_to_node_encryption {
    enabled = false
  }
}`,
			Expected: helper.Issues{
				encIssue(rule, atRest, 4, 15, 4, 20),
				encIssue(rule, nodeToNode, 7, 15, 7, 20),
			},
		},
		{
			Name: "both settings enabled pass",
			Content: `
resource "aws_opensearch_domain" "search" {
  encrypt_at_rest {
    enabled = true
  }
  node_to_node_encryption {
    enabled = true
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "missing blocks take the default off and are reported at the resource",
			Content: `
resource "aws_opensearch_domain" "search" {
  domain_name = "search"
}`,
			Expected: helper.Issues{
				encIssue(rule, atRest, 2, 1, 2, 42),
				encIssue(rule, nodeToNode, 2, 1, 2, 42),
			},
		},
		{
			Name: "legacy Elasticsearch domains are checked the same way",
			Content: `
resource "aws_elasticsearch_domain" "legacy" {
  domain_name = "legacy"
}`,
			Expected: helper.Issues{
				encIssue(rule, esAtRest, 2, 1, 2, 45),
				encIssue(rule, esNode, 2, 1, 2, 45),
			},
		},
		{
			Name: "false from a variable default is reported at the reference",
			Content: `
variable "encrypted" {
  default = false
}

resource "aws_opensearch_domain" "search" {
  encrypt_at_rest {
    enabled = var.encrypted
  }
  node_to_node_encryption {
    enabled = true
  }
}`,
			Expected: helper.Issues{encIssue(rule, atRest, 8, 15, 8, 28)},
		},
		{
			Name: "variable without default is not reported",
			Content: `
variable "encrypted" {
  type = bool
}

resource "aws_opensearch_domain" "search" {
  encrypt_at_rest {
    enabled = var.encrypted
  }
  node_to_node_encryption {
    enabled = var.encrypted
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "variable without default is named by strict notices",
			Content: `
variable "encrypted" {
  type = bool
}

resource "aws_opensearch_domain" "search" {
  encrypt_at_rest {
    enabled = var.encrypted
  }
  node_to_node_encryption {
    enabled = var.encrypted
  }
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				encIssue(linttest.Notice(rule), "strict: OpenSearch ドメインの保存時の暗号化を確認できません。enabled: lint 時に値が決まりません。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]", 8, 15, 8, 28),
				encIssue(linttest.Notice(rule), "strict: OpenSearch ドメインのノード間の暗号化を確認できません。enabled: lint 時に値が決まりません。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]", 11, 15, 11, 28),
			},
		},
		{
			Name: "English messages",
			Content: `
resource "aws_opensearch_domain" "search" {
  domain_name = "search"
}`,
			Config: linttest.English(),
			Expected: helper.Issues{
				encIssue(rule, "The data of OpenSearch domain aws_opensearch_domain.search is not encrypted at rest; set enabled = true in an encrypt_at_rest block. [Guideline 4.6.1.1 / JIS Q 27017 10.1.1]", 2, 1, 2, 42),
				encIssue(rule, "Traffic between the nodes of OpenSearch domain aws_opensearch_domain.search is not encrypted; set enabled = true in a node_to_node_encryption block. [Guideline 4.6.1.1 / JIS Q 27017 10.1.1]", 2, 1, 2, 42),
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsOpensearchDomainEncryptedRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}

func TestAwsOpensearchDomainEncryptedRule_Fix(t *testing.T) {
	runner := linttest.Run(t, NewAwsOpensearchDomainEncryptedRule(), map[string]string{"resource.tf": `
resource "aws_opensearch_domain" "search" {
  encrypt_at_rest {
    enabled = false
  }
  node_to_node_encryption {
    enabled = false
  }
}`}, nil)
	helper.AssertChanges(t, map[string]string{"resource.tf": `
resource "aws_opensearch_domain" "search" {
  encrypt_at_rest {
    enabled = true
  }
  node_to_node_encryption {
    enabled = true
  }
}`}, runner.Changes())
}
