package aws

import (
	"fmt"
	"math/big"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// The data-store table: every AWS resource type that keeps information
// assets at rest, with where each keeps its name, its encryption and key,
// and its backup settings, and what an absent setting means. The ledger
// tags rule, the information-asset ledger (tflint-ruleset-lgcloud ledger)
// and the rules on data stores read data stores through it, so that a type
// added here is seen by all of them. lgcloud_aws_data_residency and
// lgcloud_aws_customer_managed_key judge the types it marks for them
// (residency, customerKey), and the rules that name a store in their
// messages take its name from it (storeName).
//
// A setting is named by its path: "encrypted" at the top level of the
// resource, "server_side_encryption.kms_key_arn" in the first block of that
// type. A default is stated only where the provider or the service
// documents it; where it depends on things the code does not show (an
// engine version, a snapshot the store is restored from), the reading is
// unknown and says so.

// StoreKind is one data-store resource type of the table.
type StoreKind struct {
	// Type is the resource type, e.g. aws_s3_bucket.
	Type string
	// Name is what the type is called in messages and in the ledger.
	Name project.Text

	// names are the paths of the attributes that hold a store's name, the
	// first one set wins; the Name tag is the fallback.
	names []string
	// encryption says where the type declares encryption at rest.
	encryption storeEncryption
	// backups are the type's backup settings, in the ledger's order.
	backups []storeBackup
	// replicas is the path of the region of each replica the store keeps in
	// other regions (DynamoDB global tables), or "".
	replicas string
	// member reports, when set, that a resource of the type is part of a
	// store listed on its own (a cache cluster of a replication group).
	member string

	// residency is set for the types whose region
	// lgcloud_aws_data_residency judges.
	residency bool
	// customerKey says how lgcloud_aws_customer_managed_key judges the KMS
	// key named at encryption.key; nil for a type the rule does not check.
	// The rule takes the site's resource type, store name (unless the site
	// sets its own) and path from the table.
	customerKey *keySite
}

// storeEncryption says where a type declares encryption at rest.
type storeEncryption struct {
	// flag is the path of the boolean that turns encryption on; "" when the
	// service always encrypts.
	flag string
	// absent says what an absent flag means for one store; nil means the
	// store is not encrypted (lint.DefaultFails).
	absent func(c *storeCtx) (lint.Default, project.Text, error)
	// key is the path of the attribute of the type that names the KMS key,
	// where the type names one.
	key string
	// defaultKey names the key used when key is not set.
	defaultKey project.Text
	// read reads a store's encryption in place of the reading the fields
	// above make, for types that declare encryption elsewhere (S3) or in
	// their own way (DynamoDB).
	read func(c *storeCtx) (Encryption, error)
	// paths are further paths read of the type, and reads the further types
	// read (resources that configure the store).
	paths []string
	reads lint.Reads
}

// storeBackup is one backup setting of a type.
type storeBackup struct {
	// paths are the paths read of the type, and reads the further types read.
	paths []string
	reads lint.Reads
	// read reads the setting of one store.
	read func(c *storeCtx) (Reading, error)
}

// text is a project.Text, shorter to write in the table.
func text(ja, en string) project.Text { return project.Text{JA: ja, EN: en} }

// Names of the AWS managed keys the table names as defaults.
var (
	keyRDS    = text("AWS マネージドキー（aws/rds）", "AWS managed key (aws/rds)")
	keyEFS    = text("AWS マネージドキー（aws/elasticfilesystem）", "AWS managed key (aws/elasticfilesystem)")
	keyFSx    = text("AWS マネージドキー（aws/fsx）", "AWS managed key (aws/fsx)")
	keyBackup = text("AWS マネージドキー（aws/backup）", "AWS managed key (aws/backup)")
	keyEBS    = text("アカウントの EBS 既定の鍵（aws/ebs 又は aws_ebs_default_kms_key）", "the account's default EBS key (aws/ebs or aws_ebs_default_kms_key)")
	keyOwned  = text("AWS が所有・管理する鍵", "a key AWS owns and manages")
	keyDomain = text("サービスの既定の鍵（AWS が管理）", "the service's default key (managed by AWS)")
)

// storeKinds is the table, in the order the ledger lists types.
var storeKinds = []StoreKind{
	{
		Type:       "aws_s3_bucket",
		Name:       text("S3 バケット", "S3 bucket"),
		names:      []string{"bucket", "bucket_prefix"},
		encryption: storeEncryption{read: s3Encryption, key: s3InlineKeyPath, paths: []string{s3InlineAlgorithmPath}, reads: s3EncryptionReads},
		backups:    []storeBackup{s3Versioning},
		residency:  true,
		customerKey: &keySite{
			fallback: awsManagedKey("aws/s3"),
			gate:     s3Gate,
			missing:  s3InlineMissing,
		},
	},
	{
		Type: "aws_ebs_volume",
		Name: text("EBS ボリューム", "EBS volume"),
		encryption: storeEncryption{
			flag: "encrypted", absent: ebsVolumeDefault, key: "kms_key_id", defaultKey: keyEBS,
			paths: []string{"snapshot_id"}, reads: ebsByDefaultRead,
		},
		backups:     []storeBackup{fixedBackup(text("ボリュームには設定なし（AWS Backup やスナップショットの設定を確認）", "none on the volume (see AWS Backup or snapshot schedules)"))},
		residency:   true,
		customerKey: &keySite{fallback: fallbackEBS, beside: []string{"snapshot_id"}, absent: volumeKeyDefault},
	},
	{
		Type:  "aws_db_instance",
		Name:  text("RDS DB インスタンス", "RDS DB instance"),
		names: []string{"identifier", "identifier_prefix"},
		encryption: storeEncryption{
			flag: "storage_encrypted", absent: dbInstanceDefault, key: "kms_key_id", defaultKey: keyRDS,
			paths: []string{"engine", "replicate_source_db", "snapshot_identifier", "restore_to_point_in_time.source_db_instance_identifier"},
		},
		backups:   []storeBackup{retention("backup_retention_period", automatedBackups, dbInstanceRetentionDefault)},
		residency: true,
		customerKey: &keySite{
			fallback:  awsManagedKey("aws/rds"),
			inherits:  dbInstanceSources,
			readAttrs: []string{"engine"},
			applies:   notAuroraInstance,
			absent:    dbInstanceKeyDefault,
		},
	},
	{
		Type:  "aws_rds_cluster",
		Name:  text("RDS/Aurora クラスター", "RDS/Aurora cluster"),
		names: []string{"cluster_identifier", "cluster_identifier_prefix"},
		encryption: storeEncryption{
			flag: "storage_encrypted", absent: rdsClusterDefault, key: "kms_key_id", defaultKey: keyRDS,
			paths: []string{"engine_mode", "snapshot_identifier", "replication_source_identifier", "global_cluster_identifier", "restore_to_point_in_time.source_cluster_identifier"},
		},
		backups:   []storeBackup{retention("backup_retention_period", automatedBackups, knownDays(1))},
		residency: true,
		customerKey: &keySite{
			store:    text("RDS クラスター", "RDS cluster"),
			fallback: awsManagedKey("aws/rds"),
			inherits: append([]string{"replication_source_identifier", "global_cluster_identifier"}, rdsInherits...),
		},
	},
	{
		Type:        "aws_efs_file_system",
		Name:        text("EFS ファイルシステム", "EFS file system"),
		names:       []string{"creation_token"},
		encryption:  storeEncryption{flag: "encrypted", key: "kms_key_id", defaultKey: keyEFS},
		backups:     []storeBackup{efsBackupPolicy},
		residency:   true,
		customerKey: &keySite{fallback: awsManagedKey("aws/elasticfilesystem")},
	},
	{
		Type:  "aws_dynamodb_table",
		Name:  text("DynamoDB テーブル", "DynamoDB table"),
		names: []string{"name"},
		encryption: storeEncryption{
			read: dynamoDBEncryption, key: "server_side_encryption.kms_key_arn", defaultKey: text("AWS マネージドキー（aws/dynamodb）", "AWS managed key (aws/dynamodb)"),
			paths: []string{"server_side_encryption.enabled"},
		},
		backups:   []storeBackup{flagBackup("point_in_time_recovery.enabled", text("ポイントインタイムリカバリ", "point-in-time recovery"))},
		replicas:  "replica.region_name",
		residency: true,
		customerKey: &keySite{
			fallback: awsManagedKey("aws/dynamodb"),
			gate: &keyGate{
				attr:     "enabled",
				want:     []string{"true"},
				fix:      text("server_side_encryption の enabled = true", "enabled = true in server_side_encryption"),
				fallback: fallbackDynamoDB,
			},
		},
	},
	{
		Type:        "aws_dynamodb_table_replica",
		Name:        text("DynamoDB テーブルのレプリカ", "DynamoDB table replica"),
		encryption:  storeEncryption{key: "kms_key_arn", defaultKey: text("元のテーブルと同じ種類の鍵", "the same kind of key as its table")},
		backups:     []storeBackup{flagBackup("point_in_time_recovery", text("ポイントインタイムリカバリ", "point-in-time recovery"))},
		residency:   true,
		customerKey: &keySite{fallback: fallbackAWSKey},
	},
	{
		Type:       "aws_fsx_windows_file_system",
		Name:       text("FSx for Windows ファイルシステム", "FSx for Windows file system"),
		encryption: storeEncryption{key: "kms_key_id", defaultKey: keyFSx},
		backups:    []storeBackup{retention("automatic_backup_retention_days", automaticBackups, knownDays(7))},
		residency:  true,
		customerKey: &keySite{
			store:    text("FSx for Windows File Server ファイルシステム", "FSx for Windows File Server file system"),
			fallback: awsManagedKey("aws/fsx"),
		},
	},
	{
		Type:       "aws_fsx_lustre_file_system",
		Name:       text("FSx for Lustre ファイルシステム", "FSx for Lustre file system"),
		encryption: storeEncryption{key: "kms_key_id", defaultKey: keyFSx},
		backups:    []storeBackup{retention("automatic_backup_retention_days", automaticBackups, serviceDays)},
		residency:  true,
		customerKey: &keySite{
			fallback:  awsManagedKey("aws/fsx"),
			readAttrs: []string{"deployment_type"},
			applies:   persistentLustre,
			absent:    lustreKeyDefault,
		},
	},
	{
		Type:       "aws_fsx_ontap_file_system",
		Name:       text("FSx for ONTAP ファイルシステム", "FSx for ONTAP file system"),
		encryption: storeEncryption{key: "kms_key_id", defaultKey: keyFSx},
		backups:    []storeBackup{retention("automatic_backup_retention_days", automaticBackups, serviceDays)},
		residency:  true,
		customerKey: &keySite{
			store:    text("FSx for NetApp ONTAP ファイルシステム", "FSx for NetApp ONTAP file system"),
			fallback: awsManagedKey("aws/fsx"),
		},
	},
	{
		Type:        "aws_fsx_openzfs_file_system",
		Name:        text("FSx for OpenZFS ファイルシステム", "FSx for OpenZFS file system"),
		encryption:  storeEncryption{key: "kms_key_id", defaultKey: keyFSx},
		backups:     []storeBackup{retention("automatic_backup_retention_days", automaticBackups, serviceDays)},
		residency:   true,
		customerKey: &keySite{fallback: awsManagedKey("aws/fsx")},
	},
	{
		Type:       "aws_backup_vault",
		Name:       text("AWS Backup ボールト", "AWS Backup vault"),
		names:      []string{"name"},
		encryption: storeEncryption{key: "kms_key_arn", defaultKey: keyBackup},
		backups:    []storeBackup{vaultLock},
		residency:  true,
		customerKey: &keySite{
			store:    text("Backup ボールト", "Backup vault"),
			fallback: awsManagedKey("aws/backup"),
		},
	},
	{
		Type:      "aws_redshift_cluster",
		residency: true,
		Name:      text("Redshift クラスター", "Redshift cluster"),
		names:     []string{"cluster_identifier"},
		encryption: storeEncryption{
			flag: "encrypted", absent: redshiftDefault, key: "kms_key_id", defaultKey: keyDomain,
		},
		backups:     []storeBackup{retention("automated_snapshot_retention_period", automatedSnapshots, knownDays(1))},
		customerKey: &keySite{fallback: fallbackRedshift, inherits: []string{"snapshot_identifier"}},
	},
	{
		Type:        "aws_redshiftserverless_namespace",
		residency:   true,
		Name:        text("Redshift Serverless 名前空間", "Redshift Serverless namespace"),
		names:       []string{"namespace_name"},
		encryption:  storeEncryption{key: "kms_key_id", defaultKey: keyOwned},
		backups:     []storeBackup{fixedBackup(text("復旧ポイント（サービスが自動で作成）", "recovery points (created by the service)"))},
		customerKey: &keySite{fallback: fallbackAWSOwned},
	},
	{
		Type:      "aws_elasticache_replication_group",
		residency: true,
		Name:      text("ElastiCache レプリケーショングループ", "ElastiCache replication group"),
		names:     []string{"replication_group_id"},
		encryption: storeEncryption{
			flag: "at_rest_encryption_enabled", absent: engineDefault, key: "kms_key_id", defaultKey: keyDomain,
		},
		backups:     []storeBackup{retention("snapshot_retention_limit", automaticSnapshots, knownDays(0))},
		customerKey: &keySite{fallback: fallbackService, inherits: []string{"global_replication_group_id"}},
	},
	{
		Type:       "aws_elasticache_cluster",
		residency:  true,
		Name:       text("ElastiCache クラスター", "ElastiCache cluster"),
		names:      []string{"cluster_id"},
		encryption: storeEncryption{read: elastiCacheClusterEncryption},
		backups:    []storeBackup{retention("snapshot_retention_limit", automaticSnapshots, knownDays(0))},
		member:     "replication_group_id",
	},
	{
		Type:        "aws_elasticache_serverless_cache",
		residency:   true,
		Name:        text("ElastiCache サーバーレスキャッシュ", "ElastiCache serverless cache"),
		names:       []string{"name"},
		encryption:  storeEncryption{key: "kms_key_id", defaultKey: keyOwned},
		backups:     []storeBackup{retention("snapshot_retention_limit", automaticSnapshots, serviceDays)},
		customerKey: &keySite{fallback: fallbackAWSOwned},
	},
	{
		Type:        "aws_memorydb_cluster",
		residency:   true,
		Name:        text("MemoryDB クラスター", "MemoryDB cluster"),
		names:       []string{"name", "name_prefix"},
		encryption:  storeEncryption{key: "kms_key_arn", defaultKey: keyDomain},
		backups:     []storeBackup{retention("snapshot_retention_limit", automaticSnapshots, serviceDays)},
		customerKey: &keySite{fallback: fallbackAWSKey, inherits: []string{"snapshot_arns", "snapshot_name"}},
	},
	{
		Type:      "aws_docdb_cluster",
		residency: true,
		Name:      text("DocumentDB クラスター", "DocumentDB cluster"),
		names:     []string{"cluster_identifier", "cluster_identifier_prefix"},
		encryption: storeEncryption{
			flag: "storage_encrypted", absent: restoredDefault("snapshot_identifier", "global_cluster_identifier"), key: "kms_key_id", defaultKey: keyRDS,
			paths: []string{"snapshot_identifier", "global_cluster_identifier"},
		},
		backups:     []storeBackup{retention("backup_retention_period", automatedBackups, knownDays(1))},
		customerKey: &keySite{fallback: awsManagedKey("aws/rds"), inherits: append([]string{"global_cluster_identifier"}, rdsInherits...)},
	},
	{
		Type:      "aws_neptune_cluster",
		residency: true,
		Name:      text("Neptune クラスター", "Neptune cluster"),
		names:     []string{"cluster_identifier", "cluster_identifier_prefix"},
		encryption: storeEncryption{
			flag: "storage_encrypted", absent: restoredDefault("snapshot_identifier", "replication_source_identifier", "global_cluster_identifier"), key: "kms_key_arn", defaultKey: keyRDS,
			paths: []string{"snapshot_identifier", "replication_source_identifier", "global_cluster_identifier"},
		},
		backups:     []storeBackup{retention("backup_retention_period", automatedBackups, knownDays(1))},
		customerKey: &keySite{fallback: awsManagedKey("aws/rds"), inherits: []string{"snapshot_identifier", "replication_source_identifier", "global_cluster_identifier"}},
	},
	{
		Type:      "aws_opensearch_domain",
		residency: true,
		Name:      text("OpenSearch ドメイン", "OpenSearch domain"),
		names:     []string{"domain_name"},
		encryption: storeEncryption{
			flag: "encrypt_at_rest.enabled", absent: engineDefault, key: "encrypt_at_rest.kms_key_id", defaultKey: keyDomain,
		},
		backups:     []storeBackup{fixedBackup(text("自動スナップショット（サービスが取得）", "automated snapshots (taken by the service)"))},
		customerKey: searchDomainKey,
	},
	{
		Type:      "aws_elasticsearch_domain",
		residency: true,
		Name:      text("Elasticsearch ドメイン", "Elasticsearch domain"),
		names:     []string{"domain_name"},
		encryption: storeEncryption{
			flag: "encrypt_at_rest.enabled", absent: engineDefault, key: "encrypt_at_rest.kms_key_id", defaultKey: keyDomain,
		},
		backups:     []storeBackup{fixedBackup(text("自動スナップショット（サービスが取得）", "automated snapshots (taken by the service)"))},
		customerKey: searchDomainKey,
	},
}

// StoreKinds returns the table, in the order the ledger lists types.
func StoreKinds() []StoreKind { return slices.Clone(storeKinds) }

// storeName returns what the table calls a type, for the rules that name
// stores in their messages. A type the table does not list is a mistake in
// the code, which panics when the package is loaded.
func storeName(ty string) project.Text {
	for _, kind := range storeKinds {
		if kind.Type == ty {
			return kind.Name
		}
	}
	panic("aws: " + ty + " is not in the data-store table")
}

// tagsAttr and nameTag are where a store's tags and Name tag live.
const (
	tagsAttr = "tags"
	nameTag  = "Name"
)

// dataStoreTagReads returns the reads of a rule that reads the tags of
// every data store.
func dataStoreTagReads() lint.Reads {
	reads := lint.Reads{}
	for _, kind := range storeKinds {
		reads[kind.Type] = storeSchema(tagsAttr, kind.member)
	}
	return reads
}

// DataStoreReads returns what reading every setting of every data store
// reads: a rule or reader that calls Name, Region, Encryption or Backups
// declares them (a rule that reads only tags declares fewer, see
// DataStores).
func DataStoreReads() lint.Reads {
	reads := lint.Reads{}
	for _, kind := range storeKinds {
		paths := append([]string{tagsAttr, regionAttr, kind.member, kind.replicas, kind.encryption.flag, kind.encryption.key}, kind.names...)
		paths = append(paths, kind.encryption.paths...)
		addReads(reads, kind.encryption.reads)
		for _, b := range kind.backups {
			paths = append(paths, b.paths...)
			addReads(reads, b.reads)
		}
		reads[kind.Type] = storeSchema(paths...)
	}
	addReads(reads, kmsDataReads)
	return reads
}

// addReads adds the reads of further types; a type read twice keeps the
// first schema, which the table makes sure is the same.
func addReads(to, from lint.Reads) {
	for ty, schema := range from {
		if _, ok := to[ty]; !ok {
			to[ty] = schema
		}
	}
}

// storeSchema builds the schema that reads the given paths ("" is
// skipped): "a" is an attribute, "b.a" an attribute of block b.
func storeSchema(paths ...string) *hclext.BodySchema {
	schema := &hclext.BodySchema{}
	for _, path := range paths {
		if path != "" {
			addPath(schema, strings.Split(path, "."))
		}
	}
	return schema
}

func addPath(schema *hclext.BodySchema, steps []string) {
	if len(steps) == 1 {
		for _, attr := range schema.Attributes {
			if attr.Name == steps[0] {
				return
			}
		}
		schema.Attributes = append(schema.Attributes, hclext.AttributeSchema{Name: steps[0]})
		return
	}
	for i := range schema.Blocks {
		if schema.Blocks[i].Type == steps[0] {
			addPath(schema.Blocks[i].Body, steps[1:])
			return
		}
	}
	body := &hclext.BodySchema{}
	addPath(body, steps[1:])
	schema.Blocks = append(schema.Blocks, hclext.BlockSchema{Type: steps[0], Body: body})
}

// DataStore is one data store declared in the module being checked: one
// instance of a resource of the table, with count and for_each expanded.
type DataStore struct {
	// Kind is the table entry of the store's type.
	Kind *StoreKind
	// Block is the resource as read.
	Block *hclext.Block
}

// Address returns the store's address in its module: type.name.
func (s *DataStore) Address() string { return lint.Address(s.Block) }

// DataStores returns the data stores of the module being checked, by type
// in the table's order, then in the order TFLint returns them. It reads
// the types the rule declares in its Reads: DataStoreReads for every
// setting, dataStoreTagReads for tags only. A cache cluster that belongs
// to a replication group is left out: the group is the store.
func DataStores(runner *lint.Runner, rule lint.Rule) ([]*DataStore, error) {
	declared := rule.Describe().Reads
	var stores []*DataStore
	for i := range storeKinds {
		kind := &storeKinds[i]
		if _, ok := declared[kind.Type]; !ok {
			continue
		}
		blocks, err := runner.Resources(rule, kind.Type)
		if err != nil {
			return nil, err
		}
		for _, block := range blocks {
			if kind.member != "" && !runner.Attr(block.Body, kind.member, cty.DynamicPseudoType).IsAbsent() {
				continue
			}
			stores = append(stores, &DataStore{Kind: kind, Block: block})
		}
	}
	return stores, nil
}

// Reading is what the code says of one setting of a data store.
type Reading struct {
	// State is lint.Known when the setting is known: written, or absent
	// with a default the table knows; lint.Unknown when it cannot be known
	// at lint time; lint.Absent when the store has no such setting.
	State lint.State
	// On is the known outcome of an on/off setting (encryption,
	// versioning, point-in-time recovery).
	On bool
	// Text says the setting for people, in both languages.
	Text project.Text
	// Value is the attribute it was read from (its State is lint.Absent
	// when a default applies). When State is lint.Unknown, its Name, Range
	// and Why say what could not be known and why.
	Value lint.Value
}

// storeCtx is what a reader of one store's setting needs.
type storeCtx struct {
	runner *lint.Runner
	rule   lint.Rule
	store  *DataStore
}

// attr evaluates a path of the store, converting the value to ty.
func (c *storeCtx) attr(path string, ty cty.Type) lint.Value {
	return pathAttr(c.runner, c.store.Block.Body, path, ty)
}

// pathAttr evaluates the attribute at path in body: in the first block of
// each type the path names. An absent block makes the attribute absent.
func pathAttr(runner *lint.Runner, body *hclext.BodyContent, path string, ty cty.Type) lint.Value {
	steps := strings.Split(path, ".")
	for _, step := range steps[:len(steps)-1] {
		if body == nil {
			break
		}
		blocks := body.Blocks.OfType(step)
		if len(blocks) == 0 {
			body = nil
			break
		}
		body = blocks[0].Body
	}
	v := runner.Attr(body, steps[len(steps)-1], ty)
	v.Name = path
	return v
}

// Texts of readings.
var (
	textOn          = text("有効", "on")
	textOff         = text("無効", "off")
	textUnknown     = text("不明", "unknown")
	textNone        = text("—", "—")
	textAlways      = text("有効（サービスが常に暗号化）", "on (the service always encrypts)")
	whyStoreUnknown = text("lint 時に値が決まりません", "the value is not known at lint time")
	whySource       = text("未設定で、復元元・複製元の設定に従います（コードからは分かりません）", "not set: it follows the source the store is restored or replicated from, which the code does not show")
	whyEngine       = text("未設定で、既定値はエンジンとその版で決まります（コードからは分かりません）", "not set: the default depends on the engine and its version, which the code does not settle")
	whyService      = text("未設定で、既定値はサービス側で決まります（コードからは分かりません）", "not set: the service decides the default, which the code does not show")
)

// withDefault marks a text as a default the table knows: "有効（既定）",
// or "有効（SSE-S3、既定）" for a text that ends in parentheses.
func withDefault(t project.Text) project.Text {
	ja, en := t.JA+"（既定）", t.EN+" (default)"
	if s, ok := strings.CutSuffix(t.JA, "）"); ok {
		ja = s + "、既定）"
	}
	if s, ok := strings.CutSuffix(t.EN, ")"); ok {
		en = s + ", default)"
	}
	return text(ja, en)
}

// onOff returns the text of a known on/off value.
func onOff(on bool) project.Text {
	if on {
		return textOn
	}
	return textOff
}

// unknownReading returns the reading of a value that cannot be known.
func unknownReading(v lint.Value) Reading {
	if v.Why == (project.Text{}) {
		v.Why = whyStoreUnknown
	}
	v.State = lint.Unknown
	return Reading{State: lint.Unknown, Text: textUnknown, Value: v}
}

// unknownDefault returns the reading of an absent value whose default the
// code does not settle, named by name at the store's block.
func (c *storeCtx) unknownDefault(name string, why project.Text) Reading {
	return unknownReading(lint.Value{Name: name, Range: c.store.Block.DefRange, Why: why})
}

// Name returns the store's name: the first name attribute set, or its Name
// tag. A store without either has an absent reading.
func (s *DataStore) Name(runner *lint.Runner) Reading {
	for _, path := range s.Kind.names {
		v := pathAttr(runner, s.Block.Body, path, cty.String)
		switch v.State {
		case lint.Known:
			name, _ := v.String()
			return Reading{State: lint.Known, Text: text(name, name), Value: v}
		case lint.Unknown:
			if !isPrefix(path) {
				return unknownReading(v)
			}
		}
	}
	tags := ownTags(runner, s.Block)
	if item, ok := tags.items[nameTag]; ok && item.known {
		return Reading{State: lint.Known, Text: text(item.value, item.value), Value: tags.value}
	}
	return Reading{State: lint.Absent, Text: textNone}
}

// isPrefix reports whether a name path is a prefix from which the service
// makes a name (bucket_prefix): an unknown prefix leaves the name unknown
// only when nothing else names the store.
func isPrefix(path string) bool { return strings.HasSuffix(path, "_prefix") }

// Region returns the region the store is created in: its own region
// (provider v6) or the region of the provider configuration it uses.
func (s *DataStore) Region(runner *lint.Runner) (Reading, error) {
	p, err := resourceRegion(runner, s.Block)
	if err != nil {
		return Reading{}, err
	}
	if p.IsKnown() {
		return Reading{State: lint.Known, Text: text(p.Region, p.Region), Value: lint.Value{State: lint.Known, Val: cty.StringVal(p.Region), Range: p.Range, Name: regionAttr}}, nil
	}
	v := p.Unknown(s.Block)
	v.Name = regionAttr
	return unknownReading(v), nil
}

// ReplicaRegions returns the regions of the replicas the store keeps in
// other regions (DynamoDB global tables, version 2019.11.21).
func (s *DataStore) ReplicaRegions(runner *lint.Runner) []Reading {
	if s.Kind.replicas == "" {
		return nil
	}
	block, attr, _ := strings.Cut(s.Kind.replicas, ".")
	var out []Reading
	for _, replica := range s.Block.Body.Blocks.OfType(block) {
		v := runner.Attr(replica.Body, attr, cty.String)
		switch v.State {
		case lint.Known:
			region, _ := v.String()
			out = append(out, Reading{State: lint.Known, Text: text(region, region), Value: v})
		case lint.Unknown:
			out = append(out, unknownReading(v))
		}
	}
	return out
}

// Encryption is what the code says of a store's encryption at rest.
type Encryption struct {
	// At says whether the store is encrypted at rest.
	At Reading
	// Key says which key encrypts it; absent when it is not encrypted.
	Key Reading
}

// Encryption returns the store's encryption at rest and key. The rule
// must declare DataStoreReads.
func (s *DataStore) Encryption(runner *lint.Runner, rule lint.Rule) (Encryption, error) {
	c := &storeCtx{runner: runner, rule: rule, store: s}
	spec := s.Kind.encryption
	if spec.read != nil {
		return spec.read(c)
	}
	var at Reading
	if spec.flag == "" {
		at = Reading{State: lint.Known, On: true, Text: textAlways}
	} else {
		v := c.attr(spec.flag, cty.Bool)
		switch v.State {
		case lint.Known:
			at = Reading{State: lint.Known, On: v.IsTrue(), Text: onOff(v.IsTrue()), Value: v}
		case lint.Unknown:
			at = unknownReading(v)
		default:
			def, why := lint.DefaultFails, project.Text{}
			if spec.absent != nil {
				var err error
				if def, why, err = spec.absent(c); err != nil {
					return Encryption{}, err
				}
			}
			switch def {
			case lint.DefaultPasses:
				at = Reading{State: lint.Known, On: true, Text: withDefault(textOn), Value: v}
			case lint.DefaultFails:
				at = Reading{State: lint.Known, Text: withDefault(textOff), Value: v}
			default:
				at = c.unknownDefault(spec.flag, why)
			}
		}
	}
	if at.State == lint.Known && !at.On {
		return Encryption{At: at, Key: Reading{State: lint.Absent, Text: textNone}}, nil
	}
	key, err := c.key(spec.key, spec.defaultKey)
	return Encryption{At: at, Key: key}, err
}

// key reads the KMS key a store names at path, or the default key.
func (c *storeCtx) key(path string, defaultKey project.Text) (Reading, error) {
	block, attr := c.store.Block.Body, path
	if before, after, nested := strings.Cut(path, "."); nested {
		blocks := block.Blocks.OfType(before)
		if len(blocks) == 0 {
			return Reading{State: lint.Known, Text: withDefault(defaultKey)}, nil
		}
		block, attr = blocks[0].Body, after
	}
	use, err := readKey(c.runner, c.rule, block, attr, nil)
	if err != nil {
		return Reading{}, err
	}
	return keyReading(use, path, defaultKey)
}

// referenceName names what an expression refers to: the resource or data
// source (aws_kms_key.records), or the source text of anything else.
func referenceName(expr hcl.Expression) string {
	if vars := expr.Variables(); len(vars) == 1 {
		t := vars[0]
		n := 2
		if t.RootName() == "data" {
			n = 3
		}
		parts := []string{t.RootName()}
		for _, step := range t[1:] {
			if len(parts) == n {
				break
			}
			if attr, ok := step.(hcl.TraverseAttr); ok {
				parts = append(parts, attr.Name)
			}
		}
		return strings.Join(parts, ".")
	}
	return "?"
}

// ebsVolumeDefault is what an absent `encrypted` means for an EBS volume:
// encrypted when EBS encryption by default is on in the module, as its
// snapshot is when created from one.
func ebsVolumeDefault(c *storeCtx) (lint.Default, project.Text, error) {
	def, err := ebsDefault(c.runner, c.rule)
	if err != nil {
		return def, project.Text{}, err
	}
	def = volumeDefault(c.runner, c.store.Block.Body, def)
	return def, text("未設定で、スナップショットやアカウントの既定の設定に従います（コードからは分かりません）", "not set: it follows its snapshot or the account's default, which the code does not show"), nil
}

// dbInstanceDefault is what an absent `storage_encrypted` means for an RDS
// DB instance: unencrypted, unless it is an Aurora instance (its cluster
// decides) or is created from a source (replica, snapshot, point in time).
func dbInstanceDefault(c *storeCtx) (lint.Default, project.Text, error) {
	engine := c.attr("engine", cty.String)
	if name, _ := engine.String(); strings.HasPrefix(name, "aurora") {
		return lint.DefaultUnknown, text("未設定で、Aurora クラスターの設定に従います", "not set: the Aurora cluster decides"), nil
	}
	if engine.IsUnknown() || inheritsEncryption(c.runner, c.store.Block.Body, "replicate_source_db", "snapshot_identifier", "restore_to_point_in_time") {
		return lint.DefaultUnknown, whySource, nil
	}
	return lint.DefaultFails, project.Text{}, nil
}

// rdsClusterDefault is what an absent `storage_encrypted` means for an RDS
// cluster: unencrypted in the provisioned engine mode, encrypted in the
// serverless (v1) mode, and as its source for a restored or replica
// cluster.
func rdsClusterDefault(c *storeCtx) (lint.Default, project.Text, error) {
	mode := c.attr("engine_mode", cty.String)
	switch m, _ := mode.String(); {
	case m == "serverless":
		return lint.DefaultPasses, project.Text{}, nil
	case mode.IsUnknown(), inheritsEncryption(c.runner, c.store.Block.Body, "snapshot_identifier", "replication_source_identifier", "global_cluster_identifier", "restore_to_point_in_time"):
		return lint.DefaultUnknown, whySource, nil
	}
	return lint.DefaultFails, project.Text{}, nil
}

// restoredDefault is what an absent flag means for a cluster that may be
// created from a source named by one of the given paths: as its source
// then, unencrypted otherwise.
func restoredDefault(sources ...string) func(c *storeCtx) (lint.Default, project.Text, error) {
	return func(c *storeCtx) (lint.Default, project.Text, error) {
		if inheritsEncryption(c.runner, c.store.Block.Body, sources...) {
			return lint.DefaultUnknown, whySource, nil
		}
		return lint.DefaultFails, project.Text{}, nil
	}
}

// redshiftDefault is what an absent `encrypted` means for a Redshift
// cluster: provider v6 encrypts new clusters by default; under v5 the
// outcome depends on the provider and service defaults of the day.
func redshiftDefault(c *storeCtx) (lint.Default, project.Text, error) {
	majors, err := awsProviderMajors(c.runner)
	if err != nil {
		return lint.DefaultUnknown, project.Text{}, err
	}
	if majors.AtLeast(6) {
		return lint.DefaultPasses, project.Text{}, nil
	}
	return lint.DefaultUnknown, text("未設定で、既定値は AWS プロバイダーの版で異なります（v6 から暗号化が既定）", "not set: the default depends on the AWS provider version (encrypted by default from v6)"), nil
}

// engineDefault is for flags whose default depends on the engine and its
// version (ElastiCache, OpenSearch).
func engineDefault(*storeCtx) (lint.Default, project.Text, error) {
	return lint.DefaultUnknown, whyEngine, nil
}

// S3 declares default encryption in a resource of its own (provider v4
// and later) or in the bucket's legacy inline block; S3 encrypts every new
// object with SSE-S3 (AES-256) since 2023-01-05 whatever the code says.
const (
	s3SSEType             = "aws_s3_bucket_server_side_encryption_configuration"
	s3SSEDefaultPath      = "rule.apply_server_side_encryption_by_default"
	s3InlineAlgorithmPath = "server_side_encryption_configuration." + s3SSEDefaultPath + ".sse_algorithm"
	s3InlineKeyPath       = "server_side_encryption_configuration." + s3SSEDefaultPath + ".kms_master_key_id"
)

var s3EncryptionReads = lint.Reads{
	s3SSEType: storeSchema("bucket", s3SSEDefaultPath+".sse_algorithm", s3SSEDefaultPath+".kms_master_key_id"),
}

// s3Encryption reads a bucket's default encryption: the configuration
// resource that names the bucket, else the inline block, else SSE-S3.
func s3Encryption(c *storeCtx) (Encryption, error) {
	configs, err := c.linked(s3SSEType, "bucket")
	if err != nil {
		return Encryption{}, err
	}
	var body *hclext.BodyContent
	prefix := s3SSEDefaultPath
	switch {
	case len(configs) > 0:
		body = configs[0].Body
	case len(c.store.Block.Body.Blocks.OfType("server_side_encryption_configuration")) > 0:
		body = c.store.Block.Body.Blocks.OfType("server_side_encryption_configuration")[0].Body
	}
	sseS3 := Encryption{
		At:  Reading{State: lint.Known, On: true, Text: withDefault(text("有効（SSE-S3）", "on (SSE-S3)"))},
		Key: Reading{State: lint.Known, Text: withDefault(text("S3 が管理する鍵（SSE-S3）", "keys S3 manages (SSE-S3)"))},
	}
	if body == nil {
		return sseS3, nil
	}
	algorithm := pathAttr(c.runner, body, prefix+".sse_algorithm", cty.String)
	switch algorithm.State {
	case lint.Unknown:
		return Encryption{At: Reading{State: lint.Known, On: true, Text: textOn}, Key: unknownReading(algorithm)}, nil
	case lint.Absent:
		return sseS3, nil
	}
	name, _ := algorithm.String()
	at := Reading{State: lint.Known, On: true, Value: algorithm}
	switch name {
	case "AES256":
		at.Text = text("有効（SSE-S3）", "on (SSE-S3)")
		return Encryption{At: at, Key: Reading{State: lint.Known, Text: text("S3 が管理する鍵（SSE-S3）", "keys S3 manages (SSE-S3)"), Value: algorithm}}, nil
	case "aws:kms":
		at.Text = text("有効（SSE-KMS）", "on (SSE-KMS)")
	case "aws:kms:dsse":
		at.Text = text("有効（DSSE-KMS）", "on (DSSE-KMS)")
	default:
		at.Text = text("有効（"+name+"）", "on ("+name+")")
	}
	rules := body.Blocks.OfType("rule")
	inner := &hclext.BodyContent{}
	if len(rules) > 0 {
		if defaults := rules[0].Body.Blocks.OfType("apply_server_side_encryption_by_default"); len(defaults) > 0 {
			inner = defaults[0].Body
		}
	}
	use, err := readKey(c.runner, c.rule, inner, "kms_master_key_id", nil)
	if err != nil {
		return Encryption{}, err
	}
	key, err := keyReading(use, "kms_master_key_id", text("AWS マネージドキー（aws/s3）", "AWS managed key (aws/s3)"))
	return Encryption{At: at, Key: key}, err
}

// keyReading turns a judged key into a reading.
func keyReading(use keyUse, name string, defaultKey project.Text) (Reading, error) {
	use.Value.Name = name
	switch use.Verdict {
	case keyNone:
		return Reading{State: lint.Known, Text: withDefault(defaultKey), Value: use.Value}, nil
	case keyUnknown:
		return unknownReading(use.Value), nil
	case keyAWSManaged:
		return Reading{State: lint.Known, Text: text("AWS マネージドキー（"+use.Key+"）", "AWS managed key ("+use.Key+")"), Value: use.Value}, nil
	}
	ref := use.Key
	if ref == "" && use.Value.Expr != nil {
		ref = referenceName(use.Value.Expr)
	}
	return Reading{State: lint.Known, Text: text("カスタマー管理キー（"+ref+"）", "customer managed key ("+ref+")"), Value: use.Value}, nil
}

// dynamoDBEncryption reads a table's encryption: DynamoDB always encrypts,
// with a key AWS owns unless server_side_encryption is enabled, which uses
// the named KMS key or the AWS managed key aws/dynamodb.
func dynamoDBEncryption(c *storeCtx) (Encryption, error) {
	at := Reading{State: lint.Known, On: true, Text: textAlways}
	enabled := c.attr("server_side_encryption.enabled", cty.Bool)
	switch {
	case enabled.IsUnknown():
		return Encryption{At: at, Key: unknownReading(enabled)}, nil
	case !enabled.IsTrue():
		return Encryption{At: at, Key: Reading{State: lint.Known, Text: withDefault(keyOwned), Value: enabled}}, nil
	}
	spec := c.store.Kind.encryption
	key, err := c.key(spec.key, spec.defaultKey)
	return Encryption{At: at, Key: key}, err
}

// elastiCacheClusterEncryption says that a cache cluster outside a
// replication group cannot be encrypted at rest: ElastiCache encrypts data
// at rest only in replication groups and serverless caches.
func elastiCacheClusterEncryption(*storeCtx) (Encryption, error) {
	return Encryption{
		At:  Reading{State: lint.Known, Text: text("無効（単独のクラスターは保存時の暗号化に対応していません）", "off (a standalone cluster cannot be encrypted at rest)")},
		Key: Reading{State: lint.Absent, Text: textNone},
	}, nil
}

// linked returns the resources of type ty of the module whose attribute
// attr names the store: by reference (aws_s3_bucket.records.id) or by the
// store's name written as a value.
func (c *storeCtx) linked(ty, attr string) ([]*hclext.Block, error) {
	blocks, err := c.runner.Resources(c.rule, ty)
	if err != nil {
		return nil, err
	}
	name := c.store.Name(c.runner)
	var out []*hclext.Block
	for _, block := range blocks {
		a, ok := block.Body.Attributes[attr]
		if !ok {
			continue
		}
		if label, ok := referenceLabel(a.Expr, c.store.Kind.Type); ok {
			if label == c.store.Block.Labels[1] {
				out = append(out, block)
			}
			continue
		}
		if name.State != lint.Known || name.Value.Name == tagsAttr {
			continue
		}
		if v := c.runner.Attr(block.Body, attr, cty.String); v.State == lint.Known {
			if s, _ := v.String(); s == name.Text.EN {
				out = append(out, block)
			}
		}
	}
	return out, nil
}

// Backups returns the store's backup settings, in the table's order. The
// rule must declare DataStoreReads.
func (s *DataStore) Backups(runner *lint.Runner, rule lint.Rule) ([]Reading, error) {
	c := &storeCtx{runner: runner, rule: rule, store: s}
	out := make([]Reading, 0, len(s.Kind.backups))
	for _, b := range s.Kind.backups {
		r, err := b.read(c)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

// Labels of backup settings.
var (
	automatedBackups   = text("自動バックアップ", "automated backups")
	automaticBackups   = text("自動バックアップ", "automatic backups")
	automatedSnapshots = text("自動スナップショット", "automated snapshots")
	automaticSnapshots = text("自動スナップショット", "automatic snapshots")
)

// retentionDefault says what an absent retention means for one store: a
// number of days, or unknown with the reason.
type retentionDefault func(c *storeCtx) (days int, known bool, why project.Text)

// knownDays is a documented default.
func knownDays(days int) retentionDefault {
	return func(*storeCtx) (int, bool, project.Text) { return days, true, project.Text{} }
}

// serviceDays is a default the service decides and the table does not
// state.
func serviceDays(*storeCtx) (int, bool, project.Text) { return 0, false, whyService }

// dbInstanceRetentionDefault is the RDS API's default of one day, except
// for an Aurora instance (its cluster decides) and a replica or restored
// instance (it follows its source).
func dbInstanceRetentionDefault(c *storeCtx) (int, bool, project.Text) {
	engine := c.attr("engine", cty.String)
	if name, _ := engine.String(); strings.HasPrefix(name, "aurora") {
		return 0, false, text("未設定で、Aurora クラスターの設定に従います", "not set: the Aurora cluster decides")
	}
	if inheritsEncryption(c.runner, c.store.Block.Body, "replicate_source_db", "snapshot_identifier", "restore_to_point_in_time") {
		return 0, false, whySource
	}
	return 1, true, project.Text{}
}

// retention is a backup setting given as a number of days to keep them,
// where 0 turns them off.
func retention(path string, label project.Text, absent retentionDefault) storeBackup {
	return storeBackup{
		paths: []string{path},
		read: func(c *storeCtx) (Reading, error) {
			v := c.attr(path, cty.Number)
			switch v.State {
			case lint.Known:
				return daysReading(label, v.Val.AsBigFloat(), false, v), nil
			case lint.Unknown:
				return unknownReading(v), nil
			}
			days, known, why := absent(c)
			if !known {
				return c.unknownDefault(path, why), nil
			}
			return daysReading(label, new(big.Float).SetInt64(int64(days)), true, v), nil
		},
	}
}

// daysReading says how long backups are kept.
func daysReading(label project.Text, days *big.Float, byDefault bool, v lint.Value) Reading {
	n := days.Text('f', -1)
	r := Reading{State: lint.Known, On: days.Sign() > 0, Value: v}
	unit := "days"
	if n == "1" {
		unit = "day"
	}
	if r.On {
		r.Text = labelled(label, text(n+" 日保持", "kept "+n+" "+unit))
	} else {
		r.Text = labelled(label, text("なし", "none"))
	}
	if byDefault {
		r.Text = withDefault(r.Text)
	}
	return r
}

// flagBackup is a backup setting turned on by a boolean that defaults to
// false.
func flagBackup(path string, label project.Text) storeBackup {
	return storeBackup{
		paths: []string{path},
		read: func(c *storeCtx) (Reading, error) {
			v := c.attr(path, cty.Bool)
			switch v.State {
			case lint.Known:
				return Reading{State: lint.Known, On: v.IsTrue(), Text: labelled(label, onOff(v.IsTrue())), Value: v}, nil
			case lint.Unknown:
				return unknownReading(v), nil
			}
			return Reading{State: lint.Known, Text: withDefault(labelled(label, textOff)), Value: v}, nil
		},
	}
}

// fixedBackup is what the service does whatever the code says.
func fixedBackup(t project.Text) storeBackup {
	return storeBackup{read: func(*storeCtx) (Reading, error) {
		return Reading{State: lint.Known, Text: t}, nil
	}}
}

// labelled joins a setting's label and its state: "バージョニング: 有効".
func labelled(label, state project.Text) project.Text {
	return text(label.JA+": "+state.JA, label.EN+": "+state.EN)
}

// s3Versioning reads a bucket's versioning: the aws_s3_bucket_versioning
// that names it, else the legacy inline block; off by default.
var s3Versioning = storeBackup{
	paths: []string{"versioning.enabled"},
	reads: lint.Reads{"aws_s3_bucket_versioning": storeSchema("bucket", "versioning_configuration.status")},
	read: func(c *storeCtx) (Reading, error) {
		label := text("バージョニング", "versioning")
		configs, err := c.linked("aws_s3_bucket_versioning", "bucket")
		if err != nil {
			return Reading{}, err
		}
		if len(configs) > 0 {
			v := pathAttr(c.runner, configs[0].Body, "versioning_configuration.status", cty.String)
			switch v.State {
			case lint.Unknown:
				return unknownReading(v), nil
			case lint.Known:
				status, _ := v.String()
				switch status {
				case "Enabled":
					return Reading{State: lint.Known, On: true, Text: labelled(label, textOn), Value: v}, nil
				case "Suspended":
					return Reading{State: lint.Known, Text: labelled(label, text("停止", "suspended")), Value: v}, nil
				}
				return Reading{State: lint.Known, Text: labelled(label, textOff), Value: v}, nil
			}
		}
		if v := c.attr("versioning.enabled", cty.Bool); v.State != lint.Absent {
			if v.IsUnknown() {
				return unknownReading(v), nil
			}
			return Reading{State: lint.Known, On: v.IsTrue(), Text: labelled(label, onOff(v.IsTrue())), Value: v}, nil
		}
		return Reading{State: lint.Known, Text: withDefault(labelled(label, textOff))}, nil
	},
}

// efsBackupPolicy reads a file system's automatic backups: the
// aws_efs_backup_policy that names it, else the EFS API's default (off,
// but on for a One Zone file system).
var efsBackupPolicy = storeBackup{
	paths: []string{"availability_zone_name"},
	reads: lint.Reads{"aws_efs_backup_policy": storeSchema("file_system_id", "backup_policy.status")},
	read: func(c *storeCtx) (Reading, error) {
		policies, err := c.linked("aws_efs_backup_policy", "file_system_id")
		if err != nil {
			return Reading{}, err
		}
		if len(policies) > 0 {
			v := pathAttr(c.runner, policies[0].Body, "backup_policy.status", cty.String)
			switch v.State {
			case lint.Unknown:
				return unknownReading(v), nil
			case lint.Known:
				status, _ := v.String()
				on := status == "ENABLED"
				return Reading{State: lint.Known, On: on, Text: labelled(automaticBackups, onOff(on)), Value: v}, nil
			}
		}
		zone := c.attr("availability_zone_name", cty.String)
		switch zone.State {
		case lint.Unknown:
			return c.unknownDefault("aws_efs_backup_policy", text("バックアップポリシーがなく、既定値は One Zone かどうかで決まります（コードからは分かりません）", "there is no backup policy, and the default depends on whether the file system is One Zone, which the code does not settle")), nil
		case lint.Known:
			return Reading{State: lint.Known, On: true, Text: withDefault(labelled(automaticBackups, textOn))}, nil
		}
		return Reading{State: lint.Known, Text: withDefault(labelled(automaticBackups, textOff))}, nil
	},
}

// vaultLock reads whether a backup vault is locked: an
// aws_backup_vault_lock_configuration that names it.
var vaultLock = storeBackup{
	reads: lint.Reads{"aws_backup_vault_lock_configuration": storeSchema("backup_vault_name", "min_retention_days", "max_retention_days", "changeable_for_days")},
	read: func(c *storeCtx) (Reading, error) {
		label := text("ボールトロック", "vault lock")
		locks, err := c.linked("aws_backup_vault_lock_configuration", "backup_vault_name")
		if err != nil {
			return Reading{}, err
		}
		if len(locks) == 0 {
			return Reading{State: lint.Known, Text: labelled(label, text("なし", "none"))}, nil
		}
		mode := text("ガバナンスモード", "governance mode")
		if v := c.runner.Attr(locks[0].Body, "changeable_for_days", cty.Number); v.State != lint.Absent {
			mode = text("コンプライアンスモード", "compliance mode")
		}
		return Reading{State: lint.Known, On: true, Text: labelled(label, mode)}, nil
	},
}

// StoreTags are the tags a data store carries: its own tags over the
// default_tags of the provider configuration it uses.
type StoreTags struct {
	// Own is the store's tags attribute as read.
	Own lint.Value
	// Defaults is the default_tags of the provider configuration the store
	// uses: absent when that configuration sets none, unknown when it
	// cannot be known (the configuration is not in the code, or is passed
	// in a way the plugin cannot trace).
	Defaults lint.Value
	// At is where a finding on the store's tags belongs: its tags
	// expression, or the resource block when it has none.
	At hcl.Range

	own, defaults tagMap
}

// TagValue is what the code says of one tag of a store.
type TagValue struct {
	// State is lint.Absent when the store does not carry the tag,
	// lint.Known when Value holds it, lint.Unknown when it cannot be known
	// (From says which value and why).
	State lint.State
	// Value is the tag's value.
	Value string
	// Range is where the value is written when the store's own tags literal
	// sets it; At otherwise.
	Range hcl.Range
	// Default is true when the value comes from the provider's
	// default_tags.
	Default bool
	// From is the value that could not be known, for a strict-mode notice.
	From lint.Value
}

// Tag returns one tag of the store: its own tag if it sets the key, else
// the provider's default tag.
func (t StoreTags) Tag(key string) TagValue {
	if t.Own.State == lint.Unknown {
		return TagValue{State: lint.Unknown, Range: t.At, From: t.Own}
	}
	if item, ok := t.own.items[key]; ok {
		return item.tag(key, t.At, false, t.Own)
	}
	switch t.Defaults.State {
	case lint.Unknown:
		return TagValue{State: lint.Unknown, Range: t.At, From: t.Defaults}
	case lint.Known:
		if item, ok := t.defaults.items[key]; ok {
			tag := item.tag(key, t.At, true, t.Defaults)
			tag.Range = t.At
			return tag
		}
	}
	return TagValue{State: lint.Absent, Range: t.At}
}

// tagMap is a tags value read: its items by key.
type tagMap struct {
	value lint.Value
	items map[string]tagItem
}

// tagItem is one tag of a tags value.
type tagItem struct {
	value string
	known bool
	rng   hcl.Range
}

func (i tagItem) tag(key string, at hcl.Range, byDefault bool, from lint.Value) TagValue {
	rng := at
	if i.rng != (hcl.Range{}) {
		rng = i.rng
	}
	if !i.known {
		from.State, from.Range, from.Why = lint.Unknown, rng, whyStoreUnknown
		from.Name = fmt.Sprintf("%s[%q]", from.Name, key)
		return TagValue{State: lint.Unknown, Range: rng, Default: byDefault, From: from}
	}
	return TagValue{State: lint.Known, Value: i.value, Range: rng, Default: byDefault}
}

// Tags returns the tags the store carries. Its own tags win over the
// provider's default_tags, as the AWS provider merges them.
func (s *DataStore) Tags(runner *lint.Runner) (StoreTags, error) {
	return resourceTags(runner, s.Block)
}

// resourceTags returns the tags a resource of the module being checked
// carries, read with its tags attribute.
func resourceTags(runner *lint.Runner, block *hclext.Block) (StoreTags, error) {
	own := ownTags(runner, block)
	t := StoreTags{Own: own.value, own: own, At: block.DefRange}
	if own.value.Range != (hcl.Range{}) {
		t.At = own.value.Range
	}
	defaults, err := providerDefaultTags(runner, block)
	if err != nil {
		return StoreTags{}, err
	}
	t.Defaults, t.defaults = defaults.value, defaults
	return t, nil
}

// ownTags reads the tags attribute of a resource of the module being
// checked.
func ownTags(runner *lint.Runner, block *hclext.Block) tagMap {
	attr, ok := block.Body.Attributes[tagsAttr]
	if !ok {
		return tagMap{value: lint.Value{State: lint.Absent, Name: tagsAttr}}
	}
	val, err := runner.Raw(attr.Expr)
	return readTagMap(tagsAttr, attr.Expr, val, err)
}

// readTagMap reads an evaluated tags value: a map or object of strings,
// whose keys must be known (the whole value is unknown otherwise) and
// whose values may each be unknown.
func readTagMap(name string, expr hcl.Expression, val cty.Value, err error) tagMap {
	v := lint.Value{Expr: expr, Range: expr.Range(), Name: name}
	m := tagMap{items: map[string]tagItem{}}
	switch {
	case err != nil:
		v.State, v.Why = lint.Unknown, text("式を評価できません", "the expression cannot be evaluated")
	case val.IsMarked():
		v.State, v.Why = lint.Unknown, text("値が sensitive または ephemeral です", "the value is sensitive or ephemeral")
	case !val.IsKnown():
		v.State, v.Why = lint.Unknown, whyStoreUnknown
	case val.IsNull():
		v.State = lint.Absent
	case !(val.Type().IsMapType() || val.Type().IsObjectType()):
		v.State, v.Why = lint.Unknown, text("値の型が想定と異なります", "the value is not of the expected type")
	default:
		v.State, v.Val = lint.Known, val
		ranges := literalItemRanges(expr)
		for it := val.ElementIterator(); it.Next(); {
			k, elem := it.Element()
			key := k.AsString()
			item := tagItem{rng: ranges[key]}
			if elem.IsNull() {
				continue
			}
			if s, ok := tagString(elem); ok {
				item.value, item.known = s, true
			}
			m.items[key] = item
		}
	}
	m.value = v
	return m
}

// tagString converts a known tag value to a string.
func tagString(v cty.Value) (string, bool) {
	if v.IsMarked() || !v.IsWhollyKnown() {
		return "", false
	}
	s, err := convert.Convert(v, cty.String)
	if err != nil || s.IsNull() {
		return "", false
	}
	return s.AsString(), true
}

// literalItemRanges returns, for a tags value written as an object
// literal, where the value of each key is written.
func literalItemRanges(expr hcl.Expression) map[string]hcl.Range {
	out := map[string]hcl.Range{}
	obj, ok := expr.(*hclsyntax.ObjectConsExpr)
	if !ok {
		return out
	}
	for _, item := range obj.Items {
		if key, ok := literalKey(item.KeyExpr); ok {
			out[key] = item.ValueExpr.Range()
		}
	}
	return out
}

// literalKey returns the key of an object item written as a name or a
// quoted string.
func literalKey(expr hcl.Expression) (key string, ok bool) {
	defer func() {
		if recover() != nil {
			key, ok = "", false
		}
	}()
	val, diags := expr.Value(nil)
	if diags.HasErrors() || !val.IsKnown() || val.IsNull() || val.Type() != cty.String {
		return "", false
	}
	return val.AsString(), true
}

// providerTagsKey is the memo key of the default_tags of the provider
// blocks of the module being checked and of the root module.
type providerTagsKey struct{}

// providerTags are the default_tags of provider blocks, by block position.
type providerTags map[hcl.Range]tagMap

// providerDefaultTags returns the default_tags of the provider
// configuration a resource of the module being checked uses.
func providerDefaultTags(runner *lint.Runner, block *hclext.Block) (tagMap, error) {
	ctx, err := readRegionContext(runner)
	if err != nil {
		return tagMap{}, err
	}
	conf, why := ctx.configurationOf(block)
	if conf == nil {
		return tagMap{value: lint.Value{State: lint.Unknown, Name: "default_tags", Range: block.DefRange, Why: why}}, nil
	}
	v, err := runner.Memo(providerTagsKey{}, func() (any, error) { return readProviderTags(runner) })
	if err != nil {
		return tagMap{}, err
	}
	if m, ok := v.(providerTags)[conf.Block.DefRange]; ok {
		return m, nil
	}
	return tagMap{value: lint.Value{State: lint.Absent, Name: "default_tags"}}, nil
}

// configurationOf returns the provider block a resource uses, or why it
// cannot be known. It follows the resolution of place.
func (c *regionContext) configurationOf(resource *hclext.Block) (*providerConf, project.Text) {
	key, ok := c.providerOf(resource)
	if !ok {
		return nil, whyProviderArg
	}
	conf, at, _, why := c.resolve(key)
	switch {
	case conf != nil:
		return conf, project.Text{}
	case why != (project.Text{}):
		return nil, why
	}
	return nil, text(
		fmt.Sprintf("provider %s のブロックがコードになく、その default_tags は分かりません", at),
		fmt.Sprintf("there is no block for provider %s in the code, so its default_tags are not known", at),
	)
}

// readProviderTags reads the default_tags of the provider "aws" blocks of
// the module being checked and of the root module.
func readProviderTags(runner *lint.Runner) (providerTags, error) {
	out := providerTags{}
	schema := &hclext.BodySchema{Blocks: []hclext.BlockSchema{{
		Type: "default_tags",
		Body: &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: tagsAttr}}},
	}}}
	for _, ctx := range []tflint.ModuleCtxType{tflint.SelfModuleCtxType, tflint.RootModuleCtxType} {
		content, err := runner.GetProviderContent("aws", schema, &tflint.GetModuleContentOption{ModuleCtx: ctx, ExpandMode: tflint.ExpandModeNone})
		if err != nil {
			return nil, err
		}
		for _, provider := range content.Blocks {
			if _, seen := out[provider.DefRange]; seen {
				continue
			}
			m := tagMap{value: lint.Value{State: lint.Absent, Name: "default_tags"}}
			for _, defaults := range provider.Body.Blocks.OfType("default_tags") {
				attr, ok := defaults.Body.Attributes[tagsAttr]
				if !ok {
					continue
				}
				var val cty.Value
				err := runner.EvaluateExpr(attr.Expr, &val, &tflint.EvaluateExprOption{WantType: &cty.DynamicPseudoType, ModuleCtx: ctx})
				m = readTagMap("default_tags.tags", attr.Expr, val, err)
			}
			out[provider.DefRange] = m
		}
	}
	return out, nil
}
