package aws

import (
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func TestAwsMskClusterEncryptedRule(t *testing.T) {
	rule := NewAwsMskClusterEncryptedRule()
	clientBroker := func(value string) string {
		return "MSK クラスター aws_msk_cluster.kafka はクライアントとブローカーの間の平文の通信を受け付けます（client_broker = \"" + value + "\"）。client_broker = \"TLS\" にしてください。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]"
	}
	const inCluster = "MSK クラスター aws_msk_cluster.kafka のブローカー間の通信が暗号化されていません。in_cluster = true にしてください。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]"
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "plaintext settings are reported at their values",
			Content: `
resource "aws_msk_cluster" "kafka" {
  encryption_info {
    encryption_in_transit {
      client_broker = "PLAINTEXT"
      in_cluster    = false
    }
  }
}`,
			Expected: helper.Issues{
				encIssue(rule, clientBroker("PLAINTEXT"), 5, 23, 5, 34),
				encIssue(rule, inCluster, 6, 23, 6, 28),
			},
		},
		{
			Name: "TLS_PLAINTEXT still accepts plaintext and is reported",
			Content: `
resource "aws_msk_cluster" "kafka" {
  encryption_info {
    encryption_in_transit {
      client_broker = "TLS_PLAINTEXT"
    }
  }
}`,
			Expected: helper.Issues{encIssue(rule, clientBroker("TLS_PLAINTEXT"), 5, 23, 5, 38)},
		},
		{
			Name: "absent settings take the defaults TLS and true and pass",
			Content: `
resource "aws_msk_cluster" "kafka" {
  kafka_version = "3.6.0"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "TLS and in-cluster encryption pass",
			Content: `
resource "aws_msk_cluster" "kafka" {
  encryption_info {
    encryption_in_transit {
      client_broker = "TLS"
      in_cluster    = true
    }
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "plaintext from a variable default is reported at the reference",
			Content: `
variable "client_broker" {
  default = "PLAINTEXT"
}

resource "aws_msk_cluster" "kafka" {
  encryption_info {
    encryption_in_transit {
      client_broker = var.client_broker
    }
  }
}`,
			Expected: helper.Issues{encIssue(rule, clientBroker("PLAINTEXT"), 9, 23, 9, 40)},
		},
		{
			Name: "variables without default are not reported",
			Content: `
variable "client_broker" {
  type = string
}

resource "aws_msk_cluster" "kafka" {
  encryption_info {
    encryption_in_transit {
      client_broker = var.client_broker
    }
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "variables without default are named by strict notices",
			Content: `
variable "client_broker" {
  type = string
}

variable "in_cluster" {
  type = bool
}

resource "aws_msk_cluster" "kafka" {
  encryption_info {
    encryption_in_transit {
      client_broker = var.client_broker
      in_cluster    = var.in_cluster
    }
  }
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				encIssue(linttest.Notice(rule), "strict: MSK クラスターの通信の暗号化を確認できません。client_broker: lint 時に値が決まりません。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]", 13, 23, 13, 40),
				encIssue(linttest.Notice(rule), "strict: MSK クラスターの通信の暗号化を確認できません。in_cluster: lint 時に値が決まりません。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]", 14, 23, 14, 37),
			},
		},
		{
			Name: "English message",
			Content: `
resource "aws_msk_cluster" "kafka" {
  encryption_info {
    encryption_in_transit {
      client_broker = "PLAINTEXT"
      in_cluster    = false
    }
  }
}`,
			Config: linttest.English(),
			Expected: helper.Issues{
				encIssue(rule, "MSK cluster aws_msk_cluster.kafka accepts plaintext traffic between clients and brokers (client_broker = \"PLAINTEXT\"); set client_broker = \"TLS\". [Guideline 4.6.1.1 / JIS Q 27017 10.1.1]", 5, 23, 5, 34),
				encIssue(rule, "Traffic among the brokers of MSK cluster aws_msk_cluster.kafka is not encrypted; set in_cluster = true. [Guideline 4.6.1.1 / JIS Q 27017 10.1.1]", 6, 23, 6, 28),
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsMskClusterEncryptedRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}

func TestAwsMskClusterEncryptedRule_Fix(t *testing.T) {
	cases := []struct {
		Name     string
		Content  string
		Expected map[string]string
	}{
		{
			Name: "in_cluster false becomes true",
			Content: `
resource "aws_msk_cluster" "kafka" {
  encryption_info {
    encryption_in_transit {
      in_cluster = false
    }
  }
}`,
			Expected: map[string]string{"resource.tf": `
resource "aws_msk_cluster" "kafka" {
  encryption_info {
    encryption_in_transit {
      in_cluster = true
    }
  }
}`},
		},
		{
			Name: "client_broker is not changed: clients may rely on plaintext",
			Content: `
resource "aws_msk_cluster" "kafka" {
  encryption_info {
    encryption_in_transit {
      client_broker = "PLAINTEXT"
    }
  }
}`,
			Expected: map[string]string{},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsMskClusterEncryptedRule(), map[string]string{"resource.tf": tc.Content}, nil)
			helper.AssertChanges(t, tc.Expected, runner.Changes())
		})
	}
}
