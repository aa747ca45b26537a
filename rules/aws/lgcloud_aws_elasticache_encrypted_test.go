package aws

import (
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func TestAwsElasticacheEncryptedRule(t *testing.T) {
	rule := NewAwsElasticacheEncryptedRule()
	const (
		atRest    = "ElastiCache レプリケーショングループ aws_elasticache_replication_group.cache の保存データが暗号化されていません。at_rest_encryption_enabled = true を設定してください（作成後は変更できません）。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]"
		transit   = "ElastiCache レプリケーショングループ aws_elasticache_replication_group.cache の通信が暗号化されていません。transit_encryption_enabled = true を設定してください。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]"
		preferred = "ElastiCache レプリケーショングループ aws_elasticache_replication_group.cache は transit_encryption_mode = \"preferred\" で、暗号化されていない接続も受け付けます。クライアントを TLS に移行したら transit_encryption_mode = \"required\" にしてください。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]"
		memcached = "ElastiCache (Memcached) クラスター aws_elasticache_cluster.sessions の通信が暗号化されていません。transit_encryption_enabled = true を設定してください。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]"
	)
	standalone := func(engine string) string {
		return "ElastiCache クラスター aws_elasticache_cluster.sessions（engine = \"" + engine + "\"）はレプリケーショングループに属さず、保存時の暗号化を有効にできません。aws_elasticache_replication_group で at_rest_encryption_enabled = true としてください。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]"
	}
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "both flags false are reported at their values",
			Content: `
resource "aws_elasticache_replication_group" "cache" {
  at_rest_encryption_enabled = false
  transit_encryption_enabled = false
}`,
			Expected: helper.Issues{
				encIssue(rule, atRest, 3, 32, 3, 37),
				encIssue(rule, transit, 4, 32, 4, 37),
			},
		},
		{
			Name: "quoted false is reported too: the provider types the at-rest flag as a string",
			Content: `
resource "aws_elasticache_replication_group" "cache" {
  at_rest_encryption_enabled = "false"
  transit_encryption_enabled = true
}`,
			Expected: helper.Issues{encIssue(rule, atRest, 3, 32, 3, 39)},
		},
		{
			Name: "absent flags with the default engine (Redis OSS) are reported at the resource",
			Content: `
resource "aws_elasticache_replication_group" "cache" {
  description = "cache"
}`,
			Expected: helper.Issues{
				encIssue(rule, atRest, 2, 1, 2, 53),
				encIssue(rule, transit, 2, 1, 2, 53),
			},
		},
		{
			Name: "absent at-rest flag with Valkey passes: Valkey encrypts at rest by default",
			Content: `
resource "aws_elasticache_replication_group" "cache" {
  engine                     = "valkey"
  transit_encryption_enabled = true
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "both flags true pass",
			Content: `
resource "aws_elasticache_replication_group" "cache" {
  engine                     = "redis"
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
  transit_encryption_mode    = "required"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "preferred transit mode is reported at the value",
			Content: `
resource "aws_elasticache_replication_group" "cache" {
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
  transit_encryption_mode    = "preferred"
}`,
			Expected: helper.Issues{encIssue(rule, preferred, 5, 32, 5, 43)},
		},
		{
			Name: "secondary of a global datastore takes its settings from the global datastore",
			Content: `
resource "aws_elasticache_replication_group" "cache" {
  global_replication_group_id = "ldgnf-example"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "unknown engine makes the at-rest default unknown",
			Content: `
variable "engine" {
  type = string
}

resource "aws_elasticache_replication_group" "cache" {
  engine                     = var.engine
  transit_encryption_enabled = true
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{encIssue(linttest.Notice(rule), "strict: ElastiCache の保存時の暗号化を確認できません。at_rest_encryption_enabled: 未設定で、既定値が lint 時に決まりません。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]", 6, 1, 6, 53)},
		},
		{
			Name: "false from a variable default is reported at the reference",
			Content: `
variable "encrypted" {
  default = false
}

resource "aws_elasticache_replication_group" "cache" {
  at_rest_encryption_enabled = var.encrypted
  transit_encryption_enabled = true
}`,
			Expected: helper.Issues{encIssue(rule, atRest, 7, 32, 7, 45)},
		},
		{
			Name: "variable without default is not reported",
			Content: `
variable "encrypted" {
  type = bool
}

resource "aws_elasticache_replication_group" "cache" {
  at_rest_encryption_enabled = var.encrypted
  transit_encryption_enabled = var.encrypted
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "variable without default is named by strict notices",
			Content: `
variable "encrypted" {
  type = bool
}

resource "aws_elasticache_replication_group" "cache" {
  at_rest_encryption_enabled = var.encrypted
  transit_encryption_enabled = var.encrypted
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				encIssue(linttest.Notice(rule), "strict: ElastiCache の保存時の暗号化を確認できません。at_rest_encryption_enabled: lint 時に値が決まりません。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]", 7, 32, 7, 45),
				encIssue(linttest.Notice(rule), "strict: ElastiCache の通信の暗号化を確認できません。transit_encryption_enabled: lint 時に値が決まりません。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]", 8, 32, 8, 45),
			},
		},
		{
			Name: "standalone Redis OSS cluster cannot encrypt at rest and is reported at the resource",
			Content: `
resource "aws_elasticache_cluster" "sessions" {
  engine = "redis"
}`,
			Expected: helper.Issues{encIssue(rule, standalone("redis"), 2, 1, 2, 46)},
		},
		{
			Name: "standalone Valkey cluster is reported too",
			Content: `
resource "aws_elasticache_cluster" "sessions" {
  engine = "valkey"
}`,
			Expected: helper.Issues{encIssue(rule, standalone("valkey"), 2, 1, 2, 46)},
		},
		{
			Name: "member of a replication group is judged with its group",
			Content: `
resource "aws_elasticache_cluster" "sessions" {
  replication_group_id = aws_elasticache_replication_group.cache.id
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "Memcached without transit encryption is reported at the resource",
			Content: `
resource "aws_elasticache_cluster" "sessions" {
  engine = "memcached"
}`,
			Expected: helper.Issues{encIssue(rule, memcached, 2, 1, 2, 46)},
		},
		{
			Name: "Memcached with transit encryption passes",
			Content: `
resource "aws_elasticache_cluster" "sessions" {
  engine                     = "memcached"
  transit_encryption_enabled = true
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "cluster with an unknown engine is named by a strict notice",
			Content: `
variable "engine" {
  type = string
}

resource "aws_elasticache_cluster" "sessions" {
  engine = var.engine
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{encIssue(linttest.Notice(rule), "strict: ElastiCache の保存時の暗号化を確認できません。engine: lint 時に値が決まりません。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]", 7, 12, 7, 22)},
		},
		{
			Name: "English messages",
			Content: `
resource "aws_elasticache_replication_group" "cache" {
  description = "cache"
}

resource "aws_elasticache_cluster" "sessions" {
  engine = "redis"
}`,
			Config: linttest.English(),
			Expected: helper.Issues{
				encIssue(rule, "The data of ElastiCache replication group aws_elasticache_replication_group.cache is not encrypted at rest; set at_rest_encryption_enabled = true (it cannot be changed after creation). [Guideline 4.6.1.1 / JIS Q 27017 10.1.1]", 2, 1, 2, 53),
				encIssue(rule, "Traffic to ElastiCache replication group aws_elasticache_replication_group.cache is not encrypted; set transit_encryption_enabled = true. [Guideline 4.6.1.1 / JIS Q 27017 10.1.1]", 2, 1, 2, 53),
				encIssue(rule, "ElastiCache cluster aws_elasticache_cluster.sessions (engine = \"redis\") belongs to no replication group and cannot be encrypted at rest; use an aws_elasticache_replication_group with at_rest_encryption_enabled = true. [Guideline 4.6.1.1 / JIS Q 27017 10.1.1]", 6, 1, 6, 46),
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsElasticacheEncryptedRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}

func TestAwsElasticacheEncryptedRule_Fix(t *testing.T) {
	runner := linttest.Run(t, NewAwsElasticacheEncryptedRule(), map[string]string{"resource.tf": `
resource "aws_elasticache_replication_group" "cache" {
  at_rest_encryption_enabled = "false"
  transit_encryption_enabled = false
}`}, nil)
	helper.AssertChanges(t, map[string]string{"resource.tf": `
resource "aws_elasticache_replication_group" "cache" {
  at_rest_encryption_enabled = "true"
  transit_encryption_enabled = true
}`}, runner.Changes())
}
