package aws

import (
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func eksLogsMissing(cluster, types string) string {
	return "EKS クラスター " + cluster + " のコントロールプレーンログ " + types + " が有効になっていません。クラスターへの特権的な操作と認証の記録を残すため、enabled_cluster_log_types に追加してください。 [指針 4.6.1.4, 4.7.1.3 / JIS Q 27017 12.4.1, 16.1.7, 12.4.3]"
}

func TestAwsEksControlPlaneLoggingRule(t *testing.T) {
	rule := NewAwsEksControlPlaneLoggingRule()
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "cluster without log types is reported at the resource",
			Content: `
resource "aws_eks_cluster" "main" {
  name = "main"
}`,
			Expected: helper.Issues{evidenceIssue(rule, eksLogsMissing("aws_eks_cluster.main", `"api", "audit", "authenticator"`), 2, 1, 2, 34)},
		},
		{
			Name: "cluster with api, audit and authenticator passes",
			Content: `
resource "aws_eks_cluster" "main" {
  name                      = "main"
  enabled_cluster_log_types = ["api", "audit", "authenticator", "scheduler"]
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "cluster missing authenticator is reported at the value, naming it",
			Content: `
resource "aws_eks_cluster" "main" {
  name                      = "main"
  enabled_cluster_log_types = ["api", "audit"]
}`,
			Expected: helper.Issues{evidenceIssue(rule, eksLogsMissing("aws_eks_cluster.main", `"authenticator"`), 4, 31, 4, 47)},
		},
		{
			Name: "empty log types are reported at the value",
			Content: `
resource "aws_eks_cluster" "main" {
  name                      = "main"
  enabled_cluster_log_types = []
}`,
			Expected: helper.Issues{evidenceIssue(rule, eksLogsMissing("aws_eks_cluster.main", `"api", "audit", "authenticator"`), 4, 31, 4, 33)},
		},
		{
			Name: "log types from a variable default are reported at the reference",
			Content: `
variable "log_types" {
  default = ["audit"]
}

resource "aws_eks_cluster" "main" {
  name                      = "main"
  enabled_cluster_log_types = var.log_types
}`,
			Expected: helper.Issues{evidenceIssue(rule, eksLogsMissing("aws_eks_cluster.main", `"api", "authenticator"`), 8, 31, 8, 44)},
		},
		{
			Name: "unknown log types are not reported",
			Content: `
variable "log_types" {
  type = list(string)
}

resource "aws_eks_cluster" "main" {
  name                      = "main"
  enabled_cluster_log_types = var.log_types
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "unknown log types are named by a strict notice",
			Content: `
variable "log_types" {
  type = list(string)
}

resource "aws_eks_cluster" "main" {
  name                      = "main"
  enabled_cluster_log_types = var.log_types
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{evidenceIssue(linttest.Notice(rule), "strict: EKS のコントロールプレーンログを確認できません。enabled_cluster_log_types: lint 時に値が決まりません。 [指針 4.6.1.4, 4.7.1.3 / JIS Q 27017 12.4.1, 16.1.7, 12.4.3]", 8, 31, 8, 44)},
		},
		{
			Name: "required types beside an unknown element pass in strict mode",
			Content: `
variable "extra" {
  type = string
}

resource "aws_eks_cluster" "main" {
  name                      = "main"
  enabled_cluster_log_types = ["api", "audit", "authenticator", var.extra]
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "English message",
			Content: `
resource "aws_eks_cluster" "main" {
  name                      = "main"
  enabled_cluster_log_types = ["api"]
}`,
			Config:   linttest.English(),
			Expected: helper.Issues{evidenceIssue(rule, `EKS cluster aws_eks_cluster.main does not enable the control plane logs "audit", "authenticator"; add them to enabled_cluster_log_types so that privileged operations on the cluster and authentications are recorded. [Guideline 4.6.1.4, 4.7.1.3 / JIS Q 27017 12.4.1, 16.1.7, 12.4.3]`, 4, 31, 4, 38)},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsEksControlPlaneLoggingRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}
