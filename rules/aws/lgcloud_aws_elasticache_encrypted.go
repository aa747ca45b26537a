package aws

import (
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsElasticacheEncryptedRule checks that ElastiCache caches encrypt their
// data at rest and in transit.
type AwsElasticacheEncryptedRule struct{ lint.Meta }

var _ lint.Rule = (*AwsElasticacheEncryptedRule)(nil)

// NewAwsElasticacheEncryptedRule returns the rule.
func NewAwsElasticacheEncryptedRule() *AwsElasticacheEncryptedRule {
	return &AwsElasticacheEncryptedRule{lint.Meta{
		RuleName: "lgcloud_aws_elasticache_encrypted",
		Level:    tflint.WARNING,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.6.1.1"},
		Summary:  project.Text{JA: "ElastiCache のデータを保存時と通信時に暗号化する", EN: "ElastiCache data is encrypted at rest and in transit"},
		Reads: segmentLevelReads(lint.Reads{
			"aws_elasticache_replication_group": {Attributes: []hclext.AttributeSchema{
				{Name: "at_rest_encryption_enabled"},
				{Name: "transit_encryption_enabled"},
				{Name: "transit_encryption_mode"},
				{Name: "engine"},
				{Name: "global_replication_group_id"},
			}},
			"aws_elasticache_cluster": {Attributes: []hclext.AttributeSchema{
				{Name: "engine"},
				{Name: "replication_group_id"},
				{Name: "transit_encryption_enabled"},
			}},
		}),
	}}
}

var msgCacheAtRest = project.Text{
	JA: "ElastiCache レプリケーショングループ %s の保存データが暗号化されていません。at_rest_encryption_enabled = true を設定してください（作成後は変更できません）。",
	EN: "The data of ElastiCache replication group %s is not encrypted at rest; set at_rest_encryption_enabled = true (it cannot be changed after creation).",
}

var msgCacheTransit = project.Text{
	JA: "ElastiCache レプリケーショングループ %s の通信が暗号化されていません。transit_encryption_enabled = true を設定してください。",
	EN: "Traffic to ElastiCache replication group %s is not encrypted; set transit_encryption_enabled = true.",
}

var msgCacheTransitPreferred = project.Text{
	JA: "ElastiCache レプリケーショングループ %s は transit_encryption_mode = \"preferred\" で、暗号化されていない接続も受け付けます。クライアントを TLS に移行したら transit_encryption_mode = \"required\" にしてください。",
	EN: "ElastiCache replication group %s has transit_encryption_mode = \"preferred\" and also accepts unencrypted connections; once clients use TLS, set transit_encryption_mode = \"required\".",
}

var msgCacheStandalone = project.Text{
	JA: "ElastiCache クラスター %s（engine = %q）はレプリケーショングループに属さず、保存時の暗号化を有効にできません。aws_elasticache_replication_group で at_rest_encryption_enabled = true としてください。",
	EN: "ElastiCache cluster %s (engine = %q) belongs to no replication group and cannot be encrypted at rest; use an aws_elasticache_replication_group with at_rest_encryption_enabled = true.",
}

var msgCacheMemcachedTransit = project.Text{
	JA: "ElastiCache (Memcached) クラスター %s の通信が暗号化されていません。transit_encryption_enabled = true を設定してください。",
	EN: "Traffic to ElastiCache (Memcached) cluster %s is not encrypted; set transit_encryption_enabled = true.",
}

var (
	whatCacheAtRest  = project.Text{JA: "ElastiCache の保存時の暗号化", EN: "ElastiCache encryption at rest"}
	whatCacheTransit = project.Text{JA: "ElastiCache の通信の暗号化", EN: "ElastiCache encryption in transit"}
)

// Check reports replication groups that do not encrypt at rest or in
// transit, or accept unencrypted connections beside encrypted ones, and
// cache clusters outside a replication group that cannot encrypt at rest
// (Redis OSS, Valkey) or do not encrypt in transit (Memcached). A group or
// cluster of the mynumber segment is an ERROR.
func (r *AwsElasticacheEncryptedRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	if err := eachAtSegmentLevel(runner, r, "aws_elasticache_replication_group", func(group *hclext.Block, rule lint.Rule) error {
		return checkCacheGroup(runner, rule, group)
	}); err != nil {
		return err
	}
	return eachAtSegmentLevel(runner, r, "aws_elasticache_cluster", func(cluster *hclext.Block, rule lint.Rule) error {
		return checkCacheCluster(runner, rule, cluster)
	})
}

// checkCacheGroup judges a replication group. An absent at_rest_encryption_enabled
// defaults to true for Valkey and false for Redis OSS (the engine's default);
// an absent transit_encryption_enabled to false. A secondary of a global
// datastore takes both from the global datastore.
func checkCacheGroup(runner *lint.Runner, r lint.Rule, group *hclext.Block) error {
	name := lint.Address(group)
	atRest, transit := lint.DefaultFails, lint.DefaultFails
	engine := runner.Attr(group.Body, "engine", cty.String)
	switch e, _ := engine.String(); {
	case inheritsEncryption(runner, group.Body, "global_replication_group_id"):
		atRest, transit = lint.DefaultUnknown, lint.DefaultUnknown
	case engine.IsUnknown():
		atRest = lint.DefaultUnknown
	case e == "valkey":
		atRest = lint.DefaultPasses
	}
	v := runner.Attr(group.Body, "at_rest_encryption_enabled", cty.Bool)
	if err := runner.RequireTrue(r, v, group.DefRange, atRest, whatCacheAtRest, msgCacheAtRest, name); err != nil {
		return err
	}
	v = runner.Attr(group.Body, "transit_encryption_enabled", cty.Bool)
	if err := runner.RequireTrue(r, v, group.DefRange, transit, whatCacheTransit, msgCacheTransit, name); err != nil {
		return err
	}
	if v.IsFalse() || v.IsAbsent() && transit == lint.DefaultFails {
		return nil
	}
	mode := runner.Attr(group.Body, "transit_encryption_mode", cty.String)
	if m, ok := mode.String(); ok && m == "preferred" {
		return runner.Report(r, mode.Range, msgCacheTransitPreferred, name)
	}
	return runner.Unverified(r, mode, whatCacheTransit)
}

// checkCacheCluster judges a cache cluster: a member of a replication group is
// judged with its group; Redis OSS and Valkey alone cannot encrypt at rest;
// Memcached does not encrypt in transit unless asked.
func checkCacheCluster(runner *lint.Runner, r lint.Rule, cluster *hclext.Block) error {
	if !runner.Attr(cluster.Body, "replication_group_id", cty.DynamicPseudoType).IsAbsent() {
		return nil
	}
	name := lint.Address(cluster)
	engine := runner.Attr(cluster.Body, "engine", cty.String)
	switch e, _ := engine.String(); e {
	case "redis", "valkey":
		return runner.Report(r, cluster.DefRange, msgCacheStandalone, name, e)
	case "memcached":
		v := runner.Attr(cluster.Body, "transit_encryption_enabled", cty.Bool)
		return runner.RequireTrue(r, v, cluster.DefRange, lint.DefaultFails, whatCacheTransit, msgCacheMemcachedTransit, name)
	}
	return runner.Unverified(r, engine, whatCacheAtRest)
}
