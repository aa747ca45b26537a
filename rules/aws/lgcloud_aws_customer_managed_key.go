package aws

import (
	"fmt"
	"strings"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsCustomerManagedKeyRule checks that data stores are encrypted with a
// customer-managed KMS key, which the local government can delete to make
// the data unrecoverable (crypto-erasure). By default it checks the stores
// of the mynumber segment, at ERROR; switched on by name (or by the `all`
// preset, or all_stores = true) it checks every store, at WARNING outside
// that segment.
type AwsCustomerManagedKeyRule struct{ lint.Meta }

var (
	_ lint.Rule         = (*AwsCustomerManagedKeyRule)(nil)
	_ lint.Configurable = (*AwsCustomerManagedKeyRule)(nil)
)

// NewAwsCustomerManagedKeyRule returns the rule.
func NewAwsCustomerManagedKeyRule() *AwsCustomerManagedKeyRule {
	return &AwsCustomerManagedKeyRule{lint.Meta{
		RuleName: "lgcloud_aws_customer_managed_key",
		Level:    tflint.WARNING,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.6.1.2"},
		Summary:  project.Text{JA: "データストアを顧客管理の KMS キーで暗号化する（暗号化消去のため）", EN: "Data stores are encrypted with customer-managed KMS keys (for crypto-erasure)"},
		Reads:    segmentLevelReads(keySiteReads(keySites), s3SSEType, "aws_ebs_default_kms_key"),
	}}
}

// CustomerKeyOptions are the options of lgcloud_aws_customer_managed_key in
// its rule block.
type CustomerKeyOptions struct {
	// KeyARNs are the ARNs of the customer-managed keys (or of their
	// aliases) that stores may name by value. When set, a key written as a
	// value must be one of them; when empty, any key that is not AWS managed
	// is accepted. A key or alias created in the module is always accepted.
	KeyARNs []string `hclext:"key_arns,optional"`
	// AllStores says whether the rule checks every data store (true) or the
	// stores of the mynumber segment only (false). Unset, it checks every
	// store when the rule is switched on by name (a rule block,
	// --enable-rule, --only) or by the `all` preset, and the stores of the
	// mynumber segment when it runs through the `recommended` or `govcloud`
	// preset alone.
	AllStores *bool `hclext:"all_stores,optional"`
}

// everywhere says whether the rule checks every store of the module.
func (o *CustomerKeyOptions) everywhere(runner *lint.Runner, rule lint.Rule) bool {
	if o.AllStores != nil {
		return *o.AllStores
	}
	return runner.Config.Preset == config.All || runner.EnabledByUser(rule)
}

// NewOptions returns the defaults: no listed keys.
func (r *AwsCustomerManagedKeyRule) NewOptions() any {
	return &CustomerKeyOptions{}
}

// Validate checks that every listed ARN is that of a KMS key or of an alias
// that is not AWS managed.
func (o *CustomerKeyOptions) Validate() error {
	for _, arn := range o.KeyARNs {
		if !validKeyARN(arn) {
			return &lint.OptionError{
				Attribute: "key_arns",
				Detail:    fmt.Sprintf("%q is not the ARN of a customer-managed KMS key or alias; write one such as \"arn:aws:kms:ap-northeast-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab\"", arn),
			}
		}
	}
	return nil
}

var msgCMKNone = project.Text{
	JA: "%s %s には顧客管理の KMS キーが指定されていません（%s）。暗号化消去（鍵を削除してデータを復元できなくすること）は、地方公共団体が管理する鍵でなければ行えません。%s に aws_kms_key の鍵を指定してください。",
	EN: "%s %s names no customer-managed KMS key (%s). Crypto-erasure, deleting the key so that the data can no longer be recovered, works only with a key the local government controls; set %s to a key of aws_kms_key.",
}

var msgCMKGate = project.Text{
	JA: "%s %s は KMS キーで暗号化されていません（%s）。暗号化消去（鍵を削除してデータを復元できなくすること）は、地方公共団体が管理する鍵でなければ行えません。%s とし、%s に aws_kms_key の鍵を指定してください。",
	EN: "%s %s is not encrypted with a KMS key (%s). Crypto-erasure, deleting the key so that the data can no longer be recovered, works only with a key the local government controls; set %s, and set %s to a key of aws_kms_key.",
}

var msgCMKAWSManaged = project.Text{
	JA: "%s %s の %s は AWS マネージドキー %q です。AWS マネージドキーは削除できないため、暗号化消去（鍵を削除してデータを復元できなくすること）に使えません。地方公共団体が管理する aws_kms_key の鍵を指定してください。",
	EN: "%s %s sets %s to the AWS managed key %q, which cannot be deleted and so cannot serve crypto-erasure (deleting the key so that the data can no longer be recovered); use a key of aws_kms_key, which the local government controls.",
}

var msgCMKUnlisted = project.Text{
	JA: "%s %s の %s の鍵 %q は、このモジュールの aws_kms_key の鍵でも key_arns に挙げられた鍵でもありません。暗号化消去（鍵を削除してデータを復元できなくすること）には地方公共団体が管理する鍵が必要です。aws_kms_key の鍵を指定するか、その ARN を key_arns に加えてください。",
	EN: "%s %s sets %s to the key %q, which is neither a key of aws_kms_key in this module nor listed in key_arns. Crypto-erasure (deleting the key so that the data can no longer be recovered) needs a key the local government controls; use a key of aws_kms_key, or add its ARN to key_arns.",
}

var msgCMKS3Bucket = project.Text{
	JA: "S3 バケット %s には顧客管理の KMS キーによる既定の暗号化がありません（S3 が管理する鍵（SSE-S3）で暗号化されます）。暗号化消去（鍵を削除してデータを復元できなくすること）は、地方公共団体が管理する鍵でなければ行えません。aws_s3_bucket_server_side_encryption_configuration で sse_algorithm = \"aws:kms\" とし、kms_master_key_id に aws_kms_key の鍵を指定してください。",
	EN: "S3 bucket %s has no default encryption with a customer-managed KMS key (it is encrypted with keys S3 manages, SSE-S3). Crypto-erasure, deleting the key so that the data can no longer be recovered, works only with a key the local government controls; add an aws_s3_bucket_server_side_encryption_configuration with sse_algorithm = \"aws:kms\" and kms_master_key_id set to a key of aws_kms_key.",
}

var whatCMK = project.Text{JA: "顧客管理の KMS キーの指定", EN: "the customer-managed KMS key"}

var whyKeyDefault = project.Text{
	JA: "未設定で、既定で使われる鍵が lint 時に決まりません",
	EN: "not set, and the key used by default is not known at lint time",
}

// Check reports each key site of each store in scope that does not name a
// customer-managed key, and each S3 bucket in scope without default
// encryption: a store of the mynumber segment at ERROR, and, when the rule
// checks every store, any other at WARNING.
func (r *AwsCustomerManagedKeyRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	opts, _ := runner.Options(r).(*CustomerKeyOptions)
	if opts == nil {
		opts = &CustomerKeyOptions{}
	}
	ebs, err := ebsDefaultKey(runner, r, opts.KeyARNs)
	if err != nil {
		return err
	}
	c := &cmkCheck{runner: runner, rule: r, allowed: opts.KeyARNs, ebs: ebs, everywhere: opts.everywhere(runner, r)}
	for i := range keySites {
		site := &keySites[i]
		resources, err := runner.Resources(r, site.resourceType)
		if err != nil {
			return err
		}
		for _, resource := range resources {
			if site.applies != nil && !site.applies(c, resource) {
				continue
			}
			if err := c.inScope(resource, site.via...); err != nil {
				return err
			}
			if c.scope.skip {
				continue
			}
			if err := c.walk(site, resource, resource, 0); err != nil {
				return err
			}
		}
	}
	return c.s3Buckets()
}

// s3Buckets reports the buckets of the module that have no default
// encryption configuration at all: S3 then encrypts them with SSE-S3. A
// configuration whose bucket cannot be matched to a bucket of the module may
// be any bucket's: the buckets without one are then not reported (strict
// mode names them).
func (c *cmkCheck) s3Buckets() error {
	covered, unmatched, err := c.s3Coverage()
	if err != nil {
		return err
	}
	buckets, err := c.runner.Resources(c.rule, "aws_s3_bucket")
	if err != nil {
		return err
	}
	for _, bucket := range buckets {
		if len(bucket.Labels) < 2 || covered[bucket.Labels[1]] || len(bucket.Body.Blocks.OfType("server_side_encryption_configuration")) > 0 {
			continue
		}
		if err := c.inScope(bucket); err != nil {
			return err
		}
		if unmatched {
			missing := lint.Value{State: lint.Unknown, Name: s3SSEType, Range: bucket.DefRange, Why: whyS3Unmatched}
			if err := c.unverified(missing); err != nil {
				return err
			}
			continue
		}
		if err := c.reportf(bucket.DefRange, msgCMKS3Bucket, lint.Address(bucket)); err != nil {
			return err
		}
	}
	return nil
}

var whyS3Unmatched = project.Text{
	JA: "このモジュールに、どのバケットのものか lint 時に決まらない暗号化設定があります",
	EN: "an encryption configuration of this module names a bucket that is not known at lint time",
}

// Clauses for what encrypts a store that names no customer-managed key.
func awsManagedKey(alias string) project.Text {
	return project.Text{
		JA: "AWS マネージドキー " + alias + " で暗号化されます",
		EN: "it is encrypted with the AWS managed key " + alias,
	}
}

var (
	fallbackAWSOwned  = project.Text{JA: "AWS 所有キーで暗号化されます", EN: "it is encrypted with an AWS owned key"}
	fallbackEBS       = project.Text{JA: "アカウントの EBS の既定の鍵（aws_ebs_default_kms_key がなければ AWS マネージドキー aws/ebs）で暗号化されます", EN: "it is encrypted with the account's default EBS key, the AWS managed key aws/ebs unless aws_ebs_default_kms_key sets one"}
	fallbackService   = project.Text{JA: "サービスが管理する鍵で暗号化されます", EN: "it is encrypted with a key the service manages"}
	fallbackNone      = project.Text{JA: "保存時に暗号化されません", EN: "it is not encrypted at rest"}
	fallbackSSES3     = project.Text{JA: "S3 が管理する鍵（SSE-S3）で暗号化されます", EN: "it is encrypted with keys S3 manages, SSE-S3"}
	fallbackSSESQS    = project.Text{JA: "SQS が管理する鍵（SSE-SQS）で暗号化されます", EN: "it is encrypted with keys SQS manages, SSE-SQS"}
	fallbackECR       = project.Text{JA: "ECR が管理する鍵（AES256）で暗号化されます", EN: "it is encrypted with keys ECR manages, AES256"}
	fallbackEKS       = project.Text{JA: "Kubernetes 1.28 以降では AWS 所有キーでエンベロープ暗号化されます", EN: "from Kubernetes 1.28 its API data is envelope-encrypted with an AWS owned key"}
	fallbackAWSKey    = project.Text{JA: "AWS が所有または管理する鍵で暗号化されます", EN: "it is encrypted with a key AWS owns or manages"}
	fallbackDynamoDB  = project.Text{JA: "AWS 所有キーで暗号化されます", EN: "it is encrypted with an AWS owned key"}
	fallbackRedshift  = project.Text{JA: "AWS が所有または管理する鍵で暗号化されるか、暗号化されません", EN: "it is encrypted with a key AWS owns or manages, or not at all"}
	fallbackWorkspace = project.Text{JA: "暗号化されないか、AWS マネージドキー aws/workspaces で暗号化されます", EN: "it is not encrypted, or encrypted with the AWS managed key aws/workspaces"}
)

// rdsInherits are the settings that create an RDS or DocumentDB database
// from a source whose key it keeps.
var rdsInherits = []string{"snapshot_identifier", "restore_to_point_in_time"}

// dbInstanceSources are the settings that create an RDS DB instance from a
// source whose key it keeps.
var dbInstanceSources = append([]string{"replicate_source_db"}, rdsInherits...)

// keySites are the places where data stores name their keys: first the
// stores of the data-store table the rule checks (customerKey), then
// otherKeySites. Stores written twice (a bucket's inline block and its
// split resource) are judged at each.
var keySites = append(storeKeySites(), otherKeySites...)

// storeKeySites returns the key sites of the data-store table, each with
// the table's resource type, the table's name unless the site sets one,
// and the table's key path.
func storeKeySites() []keySite {
	var sites []keySite
	for _, kind := range storeKinds {
		if kind.customerKey == nil {
			continue
		}
		site := *kind.customerKey
		site.resourceType = kind.Type
		if site.store == (project.Text{}) {
			site.store = kind.Name
		}
		steps := strings.Split(kind.encryption.key, ".")
		site.blocks, site.attr = steps[:len(steps)-1], steps[len(steps)-1]
		sites = append(sites, site)
	}
	return sites
}

// otherKeySites are the key sites of resources that are not stores of the
// data-store table (instances, launch templates, queues, secrets, …) and
// the further sites of a store of the table (the replicas of a DynamoDB
// table).
var otherKeySites = []keySite{
	{
		resourceType: "aws_instance",
		store:        project.Text{JA: "EC2 インスタンスのルートボリューム", EN: "Root volume of EC2 instance"},
		blocks:       []string{"root_block_device"},
		attr:         "kms_key_id",
		fallback:     fallbackEBS,
		readBlocks:   []string{"launch_template"},
		missing: func(c *cmkCheck, resource *hclext.Block, _ string) (lint.Default, bool) {
			if c.ebs == lint.DefaultFails && len(resource.Body.Blocks.OfType("launch_template")) > 0 {
				return lint.DefaultUnknown, true
			}
			return c.ebs, true
		},
		absent: func(c *cmkCheck, _ *hclext.Block, _ *hclext.BodyContent) lint.Default { return c.ebs },
	},
	{
		resourceType: "aws_instance",
		store:        project.Text{JA: "EC2 インスタンスの EBS ボリューム", EN: "EBS volume of EC2 instance"},
		blocks:       []string{"ebs_block_device"},
		attr:         "kms_key_id",
		beside:       []string{"snapshot_id"},
		fallback:     fallbackEBS,
		missing:      noStore,
		absent:       volumeKeyDefault,
	},
	{
		resourceType: "aws_launch_template",
		store:        project.Text{JA: "起動テンプレートの EBS ボリューム", EN: "EBS volume of launch template"},
		blocks:       []string{"block_device_mappings", "ebs"},
		attr:         "kms_key_id",
		beside:       []string{"snapshot_id"},
		fallback:     fallbackEBS,
		missing:      noStore,
		absent:       volumeKeyDefault,
	},
	{
		resourceType: s3SSEType,
		store:        project.Text{JA: "S3 暗号化設定の対象バケット", EN: "The bucket of S3 encryption configuration"},
		blocks:       strings.Split(s3SSEDefaultPath, "."),
		attr:         "kms_master_key_id",
		fallback:     awsManagedKey("aws/s3"),
		gate:         s3Gate,
		via:          []string{"bucket"},
	},
	{
		resourceType: "aws_dynamodb_table",
		store:        project.Text{JA: "DynamoDB テーブルのレプリカ", EN: "Replica of DynamoDB table"},
		blocks:       []string{"replica"},
		attr:         "kms_key_arn",
		fallback:     fallbackAWSKey,
		missing:      noStore,
	},
	{
		resourceType: "aws_sqs_queue",
		store:        project.Text{JA: "SQS キュー", EN: "SQS queue"},
		attr:         "kms_master_key_id",
		fallback:     fallbackSSESQS,
	},
	{
		resourceType: "aws_sns_topic",
		store:        project.Text{JA: "SNS トピック", EN: "SNS topic"},
		attr:         "kms_master_key_id",
		fallback:     fallbackNone,
	},
	{
		resourceType: "aws_kinesis_stream",
		store:        project.Text{JA: "Kinesis データストリーム", EN: "Kinesis data stream"},
		attr:         "kms_key_id",
		fallback:     awsManagedKey("aws/kinesis"),
		gate: &keyGate{
			attr:     "encryption_type",
			want:     []string{"KMS"},
			fix:      project.Text{JA: `encryption_type = "KMS"`, EN: `encryption_type = "KMS"`},
			fallback: fallbackNone,
		},
	},
	{
		resourceType: "aws_workspaces_workspace",
		store:        project.Text{JA: "WorkSpaces ワークスペース", EN: "WorkSpaces workspace"},
		attr:         "volume_encryption_key",
		fallback:     fallbackWorkspace,
	},
	{
		resourceType: "aws_ecr_repository",
		store:        project.Text{JA: "ECR リポジトリ", EN: "ECR repository"},
		blocks:       []string{"encryption_configuration"},
		attr:         "kms_key",
		fallback:     awsManagedKey("aws/ecr"),
		gate: &keyGate{
			attr:     "encryption_type",
			want:     []string{"KMS", "KMS_DSSE"},
			fix:      project.Text{JA: `encryption_configuration の encryption_type = "KMS"`, EN: `encryption_type = "KMS" in encryption_configuration`},
			fallback: fallbackECR,
		},
	},
	{
		resourceType: "aws_secretsmanager_secret",
		store:        project.Text{JA: "Secrets Manager シークレット", EN: "Secrets Manager secret"},
		attr:         "kms_key_id",
		fallback:     awsManagedKey("aws/secretsmanager"),
	},
	{
		resourceType: "aws_secretsmanager_secret",
		store:        project.Text{JA: "Secrets Manager シークレットのレプリカ", EN: "Replica of Secrets Manager secret"},
		blocks:       []string{"replica"},
		attr:         "kms_key_id",
		fallback:     awsManagedKey("aws/secretsmanager"),
		missing:      noStore,
	},
	{
		resourceType: "aws_eks_cluster",
		store:        project.Text{JA: "EKS クラスター", EN: "EKS cluster"},
		blocks:       []string{"encryption_config", "provider"},
		attr:         "key_arn",
		fallback:     fallbackEKS,
	},
	{
		resourceType: "aws_msk_cluster",
		store:        project.Text{JA: "MSK クラスター", EN: "MSK cluster"},
		blocks:       []string{"encryption_info"},
		attr:         "encryption_at_rest_kms_key_arn",
		fallback:     awsManagedKey("aws/kafka"),
	},
}

// volumeKeyDefault is what an absent key means for an EBS volume (of its
// own, of an instance, of a launch template): the account's default EBS
// key, or its snapshot's key when created from one.
func volumeKeyDefault(c *cmkCheck, _ *hclext.Block, body *hclext.BodyContent) lint.Default {
	return volumeDefault(c.runner, body, c.ebs)
}

// notAuroraInstance reports whether an RDS DB instance has a key of its
// own: Aurora instances are encrypted by their cluster.
func notAuroraInstance(c *cmkCheck, resource *hclext.Block) bool {
	engine, _ := c.runner.Attr(resource.Body, "engine", cty.String).String()
	return !strings.HasPrefix(engine, "aurora")
}

// dbInstanceKeyDefault is what an absent key means for an RDS DB instance:
// unknown when its engine cannot be known (it may be Aurora's) or it is
// created from a source.
func dbInstanceKeyDefault(c *cmkCheck, resource *hclext.Block, _ *hclext.BodyContent) lint.Default {
	if c.runner.Attr(resource.Body, "engine", cty.String).IsUnknown() ||
		inheritsEncryption(c.runner, resource.Body, dbInstanceSources...) {
		return lint.DefaultUnknown
	}
	return lint.DefaultFails
}

// persistentLustre reports whether an FSx for Lustre file system may take
// a KMS key: scratch file systems (the default) take none.
func persistentLustre(c *cmkCheck, resource *hclext.Block) bool {
	v := c.runner.Attr(resource.Body, "deployment_type", cty.String)
	kind, known := v.String()
	return v.IsUnknown() || known && strings.HasPrefix(kind, "PERSISTENT")
}

// lustreKeyDefault is what an absent key means for an FSx for Lustre file
// system: unknown when its deployment type cannot be known.
func lustreKeyDefault(c *cmkCheck, resource *hclext.Block, _ *hclext.BodyContent) lint.Default {
	if c.runner.Attr(resource.Body, "deployment_type", cty.String).IsUnknown() {
		return lint.DefaultUnknown
	}
	return lint.DefaultFails
}

// s3InlineMissing is what a missing block of a bucket's inline encryption
// means: a bucket without the inline block is judged with the split
// resource (s3Buckets).
func s3InlineMissing(_ *cmkCheck, _ *hclext.Block, blockType string) (lint.Default, bool) {
	return lint.DefaultFails, blockType != "server_side_encryption_configuration"
}

// s3Gate is the algorithm of an S3 default encryption: only SSE-KMS and
// DSSE-KMS use a KMS key.
var s3Gate = &keyGate{
	attr:     "sse_algorithm",
	want:     []string{"aws:kms", "aws:kms:dsse"},
	fix:      project.Text{JA: `sse_algorithm = "aws:kms"`, EN: `sse_algorithm = "aws:kms"`},
	fallback: fallbackSSES3,
}

// searchDomainKey is the key site of an OpenSearch or Elasticsearch
// domain: encrypt_at_rest, which is off when missing.
var searchDomainKey = &keySite{
	fallback: awsManagedKey("aws/es"),
	gate: &keyGate{
		attr:     "enabled",
		want:     []string{"true"},
		fix:      project.Text{JA: "encrypt_at_rest の enabled = true", EN: "enabled = true in encrypt_at_rest"},
		fallback: fallbackNone,
	},
}
