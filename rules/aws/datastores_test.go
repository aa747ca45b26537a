package aws

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// storeReaderRule reads every setting of the data-store table.
type storeReaderRule struct{ lint.Meta }

func (*storeReaderRule) Check(tflint.Runner) error { return nil }

func newStoreReader() *storeReaderRule {
	return &storeReaderRule{lint.Meta{RuleName: "lgcloud_test_store_reader", Provider: "aws", Items: []string{"4.2.1.1"}, Reads: DataStoreReads()}}
}

func TestDataStoreReadsAreInProviderSchema(t *testing.T) {
	schema := awsSchema(t)
	for name, reads := range map[string]lint.Reads{"DataStoreReads": DataStoreReads(), "dataStoreTagReads": dataStoreTagReads()} {
		t.Run(name, func(t *testing.T) {
			for _, problem := range checkReads(schema, name, reads) {
				t.Error(problem)
			}
		})
	}
}

func TestStoreKindsAreComplete(t *testing.T) {
	seen := map[string]bool{}
	for _, kind := range StoreKinds() {
		if seen[kind.Type] {
			t.Errorf("%s is in the table twice", kind.Type)
		}
		seen[kind.Type] = true
		if kind.Name.JA == "" || kind.Name.EN == "" {
			t.Errorf("%s has no name in both languages", kind.Type)
		}
		if kind.encryption.read == nil && kind.encryption.key == "" {
			t.Errorf("%s says nothing of its key", kind.Type)
		}
		if len(kind.backups) == 0 {
			t.Errorf("%s says nothing of its backups", kind.Type)
		}
		if site := kind.customerKey; site != nil {
			if kind.encryption.key == "" {
				t.Errorf("%s has a customer-key site but no key path", kind.Type)
			}
			if site.resourceType != "" || len(site.blocks) > 0 || site.attr != "" {
				t.Errorf("%s: its customer-key site sets what the table says (type, blocks, attr)", kind.Type)
			}
		}
	}
	for _, store := range residencyCopies {
		if seen[store.resourceType] {
			t.Errorf("%s is in the table and in residencyCopies", store.resourceType)
		}
	}
}

func TestStoreSchema(t *testing.T) {
	got := storeSchema("tags", "", "encrypt_at_rest.enabled", "encrypt_at_rest.kms_key_id", "tags", "a.b.c")
	want := &hclext.BodySchema{
		Attributes: []hclext.AttributeSchema{{Name: "tags"}},
		Blocks: []hclext.BlockSchema{
			{Type: "encrypt_at_rest", Body: &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "enabled"}, {Name: "kms_key_id"}}}},
			{Type: "a", Body: &hclext.BodySchema{Blocks: []hclext.BlockSchema{{Type: "b", Body: &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "c"}}}}}}},
		},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("storeSchema differs (-want +got):\n%s", diff)
	}
}

func TestWithDefault(t *testing.T) {
	cases := []struct {
		Name string
		In   project.Text
		Want project.Text
	}{
		{Name: "plain text gets the mark", In: text("無効", "off"), Want: text("無効（既定）", "off (default)")},
		{Name: "text in parentheses gets the mark inside", In: text("有効（SSE-S3）", "on (SSE-S3)"), Want: text("有効（SSE-S3、既定）", "on (SSE-S3, default)")},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			if got := withDefault(tc.In); got != tc.Want {
				t.Errorf("withDefault(%v) = %v, want %v", tc.In, got, tc.Want)
			}
		})
	}
}

// describeStores reads every store of files and says, one line each:
// address | name | region | encryption | key | backups | unknown names.
func describeStores(t *testing.T, files map[string]string) []string {
	t.Helper()
	rule := newStoreReader()
	runner := lint.NewRunner(helper.TestRunner(t, files), config.Default(), lint.Options{Reads: rule.Reads})
	stores, err := DataStores(runner, rule)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, s := range stores {
		var unknown []string
		en := func(r Reading) string {
			if r.State == lint.Unknown {
				unknown = append(unknown, r.Value.Name)
			}
			return r.Text.EN
		}
		region, err := s.Region(runner)
		if err != nil {
			t.Fatal(err)
		}
		enc, err := s.Encryption(runner, rule)
		if err != nil {
			t.Fatal(err)
		}
		backups, err := s.Backups(runner, rule)
		if err != nil {
			t.Fatal(err)
		}
		var b []string
		for _, r := range backups {
			b = append(b, en(r))
		}
		line := strings.Join([]string{s.Address(), en(s.Name(runner)), en(region), en(enc.At), en(enc.Key), strings.Join(b, "; ")}, " | ")
		for _, r := range s.ReplicaRegions(runner) {
			line += " | replica " + en(r)
		}
		if len(unknown) > 0 {
			line += " | unknown: " + strings.Join(unknown, ", ")
		}
		out = append(out, line)
	}
	return out
}

const storeProvider = `
provider "aws" {
  region = "ap-northeast-1"
}
`

func TestDataStoreReadings(t *testing.T) {
	cases := []struct {
		Name    string
		Content string
		Want    []string
	}{
		{
			Name: "S3 bucket without configuration is SSE-S3 and unversioned",
			Content: `
resource "aws_s3_bucket" "records" {
  bucket = "resident-records"
}`,
			Want: []string{"aws_s3_bucket.records | resident-records | ap-northeast-1 | on (SSE-S3, default) | keys S3 manages (SSE-S3, default) | versioning: off (default)"},
		},
		{
			Name: "S3 bucket with KMS encryption and versioning by reference",
			Content: `
resource "aws_kms_key" "records" {}

resource "aws_s3_bucket" "records" {
  bucket = "resident-records"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "records" {
  bucket = aws_s3_bucket.records.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.records.arn
    }
  }
}

resource "aws_s3_bucket_versioning" "records" {
  bucket = aws_s3_bucket.records.id
  versioning_configuration {
    status = "Enabled"
  }
}`,
			Want: []string{"aws_s3_bucket.records | resident-records | ap-northeast-1 | on (SSE-KMS) | customer managed key (aws_kms_key.records) | versioning: on"},
		},
		{
			Name: "S3 configuration by bucket name, with the AWS managed key",
			Content: `
resource "aws_s3_bucket" "records" {
  bucket = "resident-records"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "records" {
  bucket = "resident-records"
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}

resource "aws_s3_bucket_versioning" "other" {
  bucket = "other-bucket"
  versioning_configuration {
    status = "Enabled"
  }
}`,
			Want: []string{"aws_s3_bucket.records | resident-records | ap-northeast-1 | on (SSE-KMS) | AWS managed key (aws/s3, default) | versioning: off (default)"},
		},
		{
			Name: "EBS volume off, and on by the account default",
			Content: `
resource "aws_ebs_volume" "data" {
  availability_zone = "ap-northeast-1a"
  encrypted         = false
}

resource "aws_ebs_volume" "restored" {
  availability_zone = "ap-northeast-1a"
  snapshot_id       = "snap-0123456789abcdef0"
}`,
			Want: []string{
				"aws_ebs_volume.data | — | ap-northeast-1 | off | — | none on the volume (see AWS Backup or snapshot schedules)",
				"aws_ebs_volume.restored | — | ap-northeast-1 | unknown | the account's default EBS key (aws/ebs or aws_ebs_default_kms_key, default) | none on the volume (see AWS Backup or snapshot schedules) | unknown: encrypted",
			},
		},
		{
			Name: "RDS instance defaults, a replica, and a name from its Name tag",
			Content: `
resource "aws_db_instance" "residents" {
  identifier = "residents"
}

resource "aws_db_instance" "replica" {
  replicate_source_db = "residents"
  storage_encrypted   = true
  tags = {
    Name = "residents-replica"
  }
}`,
			Want: []string{
				"aws_db_instance.residents | residents | ap-northeast-1 | off (default) | — | automated backups: kept 1 day (default)",
				"aws_db_instance.replica | residents-replica | ap-northeast-1 | on | AWS managed key (aws/rds, default) | unknown | unknown: backup_retention_period",
			},
		},
		{
			Name: "RDS cluster serverless v1, and retention written",
			Content: `
resource "aws_rds_cluster" "records" {
  cluster_identifier      = "records"
  engine_mode             = "serverless"
  backup_retention_period = 0
}`,
			Want: []string{"aws_rds_cluster.records | records | ap-northeast-1 | on (default) | AWS managed key (aws/rds, default) | automated backups: none"},
		},
		{
			Name: "EFS backup policy and One Zone default",
			Content: `
resource "aws_efs_file_system" "shared" {
  creation_token = "shared"
  encrypted      = true
}

resource "aws_efs_backup_policy" "shared" {
  file_system_id = aws_efs_file_system.shared.id
  backup_policy {
    status = "ENABLED"
  }
}

resource "aws_efs_file_system" "zone" {
  creation_token         = "zone"
  availability_zone_name = "ap-northeast-1a"
}`,
			Want: []string{
				"aws_efs_file_system.shared | shared | ap-northeast-1 | on | AWS managed key (aws/elasticfilesystem, default) | automatic backups: on",
				"aws_efs_file_system.zone | zone | ap-northeast-1 | off (default) | — | automatic backups: on (default)",
			},
		},
		{
			Name: "DynamoDB table with replicas and point-in-time recovery",
			Content: `
resource "aws_dynamodb_table" "residents" {
  name = "residents"
  point_in_time_recovery {
    enabled = true
  }
  server_side_encryption {
    enabled = true
  }
  replica {
    region_name = "ap-northeast-3"
  }
}`,
			Want: []string{"aws_dynamodb_table.residents | residents | ap-northeast-1 | on (the service always encrypts) | AWS managed key (aws/dynamodb, default) | point-in-time recovery: on | replica ap-northeast-3"},
		},
		{
			Name: "DynamoDB table with the owned key",
			Content: `
resource "aws_dynamodb_table" "sessions" {
  name = "sessions"
}`,
			Want: []string{"aws_dynamodb_table.sessions | sessions | ap-northeast-1 | on (the service always encrypts) | a key AWS owns and manages (default) | point-in-time recovery: off (default)"},
		},
		{
			Name: "FSx defaults stated and not stated",
			Content: `
resource "aws_fsx_windows_file_system" "share" {}

resource "aws_fsx_ontap_file_system" "share" {
  automatic_backup_retention_days = 30
}

resource "aws_fsx_lustre_file_system" "scratch" {}`,
			Want: []string{
				"aws_fsx_windows_file_system.share | — | ap-northeast-1 | on (the service always encrypts) | AWS managed key (aws/fsx, default) | automatic backups: kept 7 days (default)",
				"aws_fsx_lustre_file_system.scratch | — | ap-northeast-1 | on (the service always encrypts) | AWS managed key (aws/fsx, default) | unknown | unknown: automatic_backup_retention_days",
				"aws_fsx_ontap_file_system.share | — | ap-northeast-1 | on (the service always encrypts) | AWS managed key (aws/fsx, default) | automatic backups: kept 30 days",
			},
		},
		{
			Name: "backup vault with and without a lock",
			Content: `
resource "aws_backup_vault" "main" {
  name        = "main"
  kms_key_arn = "arn:aws:kms:ap-northeast-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

resource "aws_backup_vault_lock_configuration" "main" {
  backup_vault_name   = aws_backup_vault.main.name
  changeable_for_days = 3
}

resource "aws_backup_vault" "spare" {
  name = "spare"
}`,
			Want: []string{
				"aws_backup_vault.main | main | ap-northeast-1 | on (the service always encrypts) | customer managed key (arn:aws:kms:ap-northeast-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab) | vault lock: compliance mode",
				"aws_backup_vault.spare | spare | ap-northeast-1 | on (the service always encrypts) | AWS managed key (aws/backup, default) | vault lock: none",
			},
		},
		{
			Name: "engine-dependent defaults are unknown",
			Content: `
resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id = "sessions"
}

resource "aws_opensearch_domain" "search" {
  domain_name = "search"
}`,
			Want: []string{
				"aws_elasticache_replication_group.sessions | sessions | ap-northeast-1 | unknown | the service's default key (managed by AWS, default) | automatic snapshots: none (default) | unknown: at_rest_encryption_enabled",
				"aws_opensearch_domain.search | search | ap-northeast-1 | unknown | the service's default key (managed by AWS, default) | automated snapshots (taken by the service) | unknown: encrypt_at_rest.enabled",
			},
		},
		{
			Name: "standalone cache cluster cannot be encrypted and a group member is left out",
			Content: `
resource "aws_elasticache_cluster" "cache" {
  cluster_id = "cache"
}

resource "aws_elasticache_cluster" "member" {
  cluster_id           = "member"
  replication_group_id = "sessions"
}`,
			Want: []string{"aws_elasticache_cluster.cache | cache | ap-northeast-1 | off (a standalone cluster cannot be encrypted at rest) | — | automatic snapshots: none (default)"},
		},
		{
			Name: "AWS managed key by alias and unknown values",
			Content: `
variable "encrypted" {
  type = bool
}

resource "aws_docdb_cluster" "docs" {
  cluster_identifier = "docs"
  storage_encrypted  = true
  kms_key_id         = "alias/aws/rds"
}

resource "aws_neptune_cluster" "graph" {
  cluster_identifier = "graph"
  storage_encrypted  = var.encrypted
}`,
			Want: []string{
				"aws_docdb_cluster.docs | docs | ap-northeast-1 | on | AWS managed key (alias/aws/rds) | automated backups: kept 1 day (default)",
				"aws_neptune_cluster.graph | graph | ap-northeast-1 | unknown | AWS managed key (aws/rds, default) | automated backups: kept 1 day (default) | unknown: storage_encrypted",
			},
		},
		{
			Name: "region of an aliased provider",
			Content: `
provider "aws" {
  alias  = "virginia"
  region = "us-east-1"
}

resource "aws_redshift_cluster" "dwh" {
  provider           = aws.virginia
  cluster_identifier = "dwh"
  encrypted          = true
}`,
			Want: []string{"aws_redshift_cluster.dwh | dwh | us-east-1 | on | the service's default key (managed by AWS, default) | automated snapshots: kept 1 day (default)"},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			got := describeStores(t, map[string]string{"main.tf": storeProvider + tc.Content})
			if diff := cmp.Diff(tc.Want, got); diff != "" {
				t.Errorf("readings differ (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDataStoresWithoutProviderBlock(t *testing.T) {
	got := describeStores(t, map[string]string{"main.tf": `
resource "aws_memorydb_cluster" "cache" {
  name = "cache"
}`})
	want := []string{"aws_memorydb_cluster.cache | cache | unknown | on (the service always encrypts) | the service's default key (managed by AWS, default) | unknown | unknown: snapshot_retention_limit, region"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("readings differ (-want +got):\n%s", diff)
	}
}

func TestStoreTags(t *testing.T) {
	cases := []struct {
		Name    string
		Content string
		Want    []string // key=state:value[:default]
	}{
		{
			Name: "own tags over default tags",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
  default_tags {
    tags = {
      DataClassification = "機密性2"
      Owner              = "情報政策課"
    }
  }
}

resource "aws_s3_bucket" "records" {
  tags = {
    DataClassification = "機密性3"
    Empty              = null
  }
}`,
			Want: []string{"DataClassification=known:機密性3", "Owner=known:情報政策課:default", "Empty=absent", "Missing=absent"},
		},
		{
			Name: "unknown tag value",
			Content: `
variable "owner" {
  type = string
}

provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_s3_bucket" "records" {
  tags = {
    Owner = var.owner
  }
}`,
			Want: []string{`Owner=unknown:tags["Owner"]`, "Missing=absent"},
		},
	}
	keys := []string{"DataClassification", "Owner", "Empty", "Missing"}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			rule := NewAwsLedgerTagsRule()
			runner := lint.NewRunner(helper.TestRunner(t, map[string]string{"main.tf": tc.Content}), config.Default(), lint.Options{Reads: rule.Reads})
			stores, err := DataStores(runner, rule)
			if err != nil || len(stores) != 1 {
				t.Fatalf("DataStores = %d stores, %v", len(stores), err)
			}
			tags, err := stores[0].Tags(runner)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, key := range keys {
				tag := tags.Tag(key)
				var s string
				switch tag.State {
				case lint.Known:
					s = "known:" + tag.Value
					if tag.Default {
						s += ":default"
					}
				case lint.Unknown:
					s = "unknown:" + tag.From.Name
				default:
					s = "absent"
				}
				if slices.ContainsFunc(tc.Want, func(w string) bool { return strings.HasPrefix(w, key+"=") }) {
					got = append(got, fmt.Sprintf("%s=%s", key, s))
				}
			}
			if diff := cmp.Diff(tc.Want, got); diff != "" {
				t.Errorf("tags differ (-want +got):\n%s", diff)
			}
		})
	}
}
