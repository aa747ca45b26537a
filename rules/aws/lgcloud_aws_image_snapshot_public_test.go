package aws

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func TestAwsImageSnapshotPublicRule(t *testing.T) {
	rng := func(line, start, end int) hcl.Range {
		return hcl.Range{Filename: "resource.tf", Start: hcl.Pos{Line: line, Column: start}, End: hcl.Pos{Line: line, Column: end}}
	}
	const cite = " [指針 4.6.3.2 / JIS Q 27017 9.2.1, 9.2.2, 9.4.1]"
	publicAMI := func(name string) string {
		return "AMI の起動許可 " + name + " は group = \"all\" で、AMI をすべての AWS アカウントに公開しています。account_id、organization_arn または organizational_unit_arn で共有先を限定してください。" + cite
	}
	publicSnapshot := func(name string) string {
		return "RDS スナップショット " + name + " の shared_accounts に \"all\" があり、スナップショットをすべての AWS アカウントに公開しています。\"all\" を外し、共有先のアカウント ID を指定してください。" + cite
	}
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "AMI launch permission for all is reported at the group",
			Content: `
resource "aws_ami_launch_permission" "golden" {
  image_id = "ami-0123456789abcdef0"
  group    = "all"
}`,
			Expected: helper.Issues{{Rule: NewAwsImageSnapshotPublicRule(), Message: publicAMI("aws_ami_launch_permission.golden"), Range: rng(4, 14, 19)}},
		},
		{
			Name: "AMI launch permission for an account passes",
			Content: `
resource "aws_ami_launch_permission" "golden" {
  image_id   = "ami-0123456789abcdef0"
  account_id = "123456789012"
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "AMI launch permission for an organization passes",
			Content: `
resource "aws_ami_launch_permission" "golden" {
  image_id         = "ami-0123456789abcdef0"
  organization_arn = "arn:aws:organizations::123456789012:organization/o-abcdefghij"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "AMI launch permission group from a variable default is reported at the reference",
			Content: `
variable "group" {
  default = "all"
}

resource "aws_ami_launch_permission" "golden" {
  image_id = "ami-0123456789abcdef0"
  group    = var.group
}`,
			Expected: helper.Issues{{Rule: NewAwsImageSnapshotPublicRule(), Message: publicAMI("aws_ami_launch_permission.golden"), Range: rng(8, 14, 23)}},
		},
		{
			Name: "AMI launch permission group from a variable without default is not reported",
			Content: `
variable "group" {
  type = string
}

resource "aws_ami_launch_permission" "golden" {
  image_id = "ami-0123456789abcdef0"
  group    = var.group
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "AMI launch permission group from a variable without default is named by a strict notice",
			Content: `
variable "group" {
  type = string
}

resource "aws_ami_launch_permission" "golden" {
  image_id = "ami-0123456789abcdef0"
  group    = var.group
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(NewAwsImageSnapshotPublicRule()),
				Message: "strict: AMI の起動許可の共有先を確認できません。group: lint 時に値が決まりません。" + cite,
				Range:   rng(8, 14, 23),
			}},
		},
		{
			Name: "RDS snapshot shared with all is reported at the list",
			Content: `
resource "aws_db_snapshot" "nightly" {
  db_instance_identifier = "main"
  db_snapshot_identifier = "nightly"
  shared_accounts        = ["all"]
}`,
			Expected: helper.Issues{{Rule: NewAwsImageSnapshotPublicRule(), Message: publicSnapshot("aws_db_snapshot.nightly"), Range: rng(5, 28, 35)}},
		},
		{
			Name: "RDS snapshot shared with accounts passes",
			Content: `
resource "aws_db_snapshot" "nightly" {
  db_instance_identifier = "main"
  db_snapshot_identifier = "nightly"
  shared_accounts        = ["123456789012"]
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "RDS snapshot not shared passes",
			Content: `
resource "aws_db_snapshot" "nightly" {
  db_instance_identifier = "main"
  db_snapshot_identifier = "nightly"
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "RDS snapshot copy shared with all is reported",
			Content: `
resource "aws_db_snapshot_copy" "dr" {
  shared_accounts = ["123456789012", "all"]
}`,
			Expected: helper.Issues{{Rule: NewAwsImageSnapshotPublicRule(), Message: publicSnapshot("aws_db_snapshot_copy.dr"), Range: rng(3, 21, 44)}},
		},
		{
			Name: "Aurora cluster snapshot shared with all is reported",
			Content: `
resource "aws_db_cluster_snapshot" "nightly" {
  shared_accounts = ["all"]
}`,
			Expected: helper.Issues{{Rule: NewAwsImageSnapshotPublicRule(), Message: publicSnapshot("aws_db_cluster_snapshot.nightly"), Range: rng(3, 21, 28)}},
		},
		{
			Name: "Aurora cluster snapshot copy shared with all is reported",
			Content: `
resource "aws_rds_cluster_snapshot_copy" "dr" {
  shared_accounts = ["all"]
}`,
			Expected: helper.Issues{{Rule: NewAwsImageSnapshotPublicRule(), Message: publicSnapshot("aws_rds_cluster_snapshot_copy.dr"), Range: rng(3, 21, 28)}},
		},
		{
			Name: "all beside an account that cannot be known is reported",
			Content: `
variable "account" {
  type = string
}

resource "aws_db_snapshot" "nightly" {
  shared_accounts = [var.account, "all"]
}`,
			Expected: helper.Issues{{Rule: NewAwsImageSnapshotPublicRule(), Message: publicSnapshot("aws_db_snapshot.nightly"), Range: rng(7, 21, 41)}},
		},
		{
			Name: "accounts from a variable without default are not reported",
			Content: `
variable "accounts" {
  type = list(string)
}

resource "aws_db_snapshot" "nightly" {
  shared_accounts = var.accounts
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "an account that cannot be known is named by a strict notice",
			Content: `
variable "account" {
  type = string
}

resource "aws_db_snapshot" "nightly" {
  shared_accounts = ["123456789012", var.account]
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(NewAwsImageSnapshotPublicRule()),
				Message: "strict: RDS スナップショットの共有先を確認できません。shared_accounts: lint 時に値が決まりません。" + cite,
				Range:   rng(7, 21, 50),
			}},
		},
		{
			Name: "accounts from a variable default holding all are reported",
			Content: `
variable "accounts" {
  default = ["all"]
}

resource "aws_db_snapshot" "nightly" {
  shared_accounts = var.accounts
}`,
			Expected: helper.Issues{{Rule: NewAwsImageSnapshotPublicRule(), Message: publicSnapshot("aws_db_snapshot.nightly"), Range: rng(7, 21, 33)}},
		},
		{
			Name: "EBS snapshot volume permission grants one account and is not read",
			Content: `
resource "aws_snapshot_create_volume_permission" "share" {
  snapshot_id = "snap-0123456789abcdef0"
  account_id  = "123456789012"
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "English messages",
			Content: `
resource "aws_ami_launch_permission" "golden" {
  image_id = "ami-0123456789abcdef0"
  group    = "all"
}

resource "aws_db_snapshot" "nightly" {
  shared_accounts = ["all"]
}`,
			Config: linttest.English(),
			Expected: helper.Issues{
				{
					Rule:    NewAwsImageSnapshotPublicRule(),
					Message: "AMI launch permission aws_ami_launch_permission.golden has group = \"all\": it makes the AMI public to every AWS account; share it with an account_id, organization_arn or organizational_unit_arn instead. [Guideline 4.6.3.2 / JIS Q 27017 9.2.1, 9.2.2, 9.4.1]",
					Range:   rng(4, 14, 19),
				},
				{
					Rule:    NewAwsImageSnapshotPublicRule(),
					Message: "RDS snapshot aws_db_snapshot.nightly lists \"all\" in shared_accounts: it makes the snapshot public to every AWS account; remove \"all\" and name the accounts to share it with. [Guideline 4.6.3.2 / JIS Q 27017 9.2.1, 9.2.2, 9.4.1]",
					Range:   rng(8, 21, 28),
				},
			},
		},
	}

	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsImageSnapshotPublicRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}
