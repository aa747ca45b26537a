package aws

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func TestAwsDBPubliclyAccessibleRule(t *testing.T) {
	rng := func(line, start, end int) hcl.Range {
		return hcl.Range{Filename: "resource.tf", Start: hcl.Pos{Line: line, Column: start}, End: hcl.Pos{Line: line, Column: end}}
	}
	const (
		rdsPublic      = "RDS DB インスタンス aws_db_instance.main は publicly_accessible = true で、インターネットから接続できるエンドポイントを持ちます。publicly_accessible = false にしてください。 [指針 4.6.3.2 / JIS Q 27017 9.2.1, 9.2.2, 9.4.1]"
		auroraPublic   = "Aurora クラスターインスタンス aws_rds_cluster_instance.writer は publicly_accessible = true で、インターネットから接続できるエンドポイントを持ちます。publicly_accessible = false にしてください。 [指針 4.6.3.2 / JIS Q 27017 9.2.1, 9.2.2, 9.4.1]"
		redshiftPublic = "Redshift クラスター aws_redshift_cluster.dw は publicly_accessible = true で、インターネットから接続できるエンドポイントを持ちます。publicly_accessible = false にしてください。 [指針 4.6.3.2 / JIS Q 27017 9.2.1, 9.2.2, 9.4.1]"
		redshiftV5     = "Redshift クラスター aws_redshift_cluster.dw に publicly_accessible がなく、この構成が使う AWS プロバイダー（v5 以前）の既定値 true でインターネットから接続できるエンドポイントを持ちます。publicly_accessible = false を設定してください。 [指針 4.6.3.2 / JIS Q 27017 9.2.1, 9.2.2, 9.4.1]"
		strictUnknown  = "strict: データベースの公開設定を確認できません。publicly_accessible: lint 時に値が決まりません。 [指針 4.6.3.2 / JIS Q 27017 9.2.1, 9.2.2, 9.4.1]"
		strictDefault  = "strict: データベースの公開設定を確認できません。publicly_accessible: 未設定で、既定値が AWS プロバイダーのメジャーバージョン（v5 以前は true、v6 以降は false）によって異なり、required_providers がそれを一つに定めていません。 [指針 4.6.3.2 / JIS Q 27017 9.2.1, 9.2.2, 9.4.1]"
	)
	const v5 = `
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}
`
	const v6 = `
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 6.0"
    }
  }
}
`
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "RDS instance publicly accessible is reported at the value",
			Content: `
resource "aws_db_instance" "main" {
  publicly_accessible = true
}`,
			Expected: helper.Issues{{Rule: NewAwsDBPubliclyAccessibleRule(), Message: rdsPublic, Range: rng(3, 25, 29)}},
		},
		{
			Name: "RDS instance not publicly accessible passes",
			Content: `
resource "aws_db_instance" "main" {
  publicly_accessible = false
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "RDS instance without publicly_accessible takes the default false",
			Content: `
resource "aws_db_instance" "main" {
  instance_class = "db.t3.micro"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "RDS instance without publicly_accessible is no blind spot in strict mode",
			Content: `
resource "aws_db_instance" "main" {
  instance_class = "db.t3.micro"
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "Aurora cluster instance publicly accessible is reported",
			Content: `
resource "aws_rds_cluster_instance" "writer" {
  publicly_accessible = true
}`,
			Expected: helper.Issues{{Rule: NewAwsDBPubliclyAccessibleRule(), Message: auroraPublic, Range: rng(3, 25, 29)}},
		},
		{
			Name: "Aurora cluster instance without publicly_accessible passes",
			Content: `
resource "aws_rds_cluster_instance" "writer" {
  cluster_identifier = "main"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "string true is reported",
			Content: `
resource "aws_db_instance" "main" {
  publicly_accessible = "true"
}`,
			Expected: helper.Issues{{Rule: NewAwsDBPubliclyAccessibleRule(), Message: rdsPublic, Range: rng(3, 25, 31)}},
		},
		{
			Name: "true from a variable default is reported at the reference",
			Content: `
variable "public" {
  default = true
}

resource "aws_db_instance" "main" {
  publicly_accessible = var.public
}`,
			Expected: helper.Issues{{Rule: NewAwsDBPubliclyAccessibleRule(), Message: rdsPublic, Range: rng(7, 25, 35)}},
		},
		{
			Name: "false from a variable default passes",
			Content: `
variable "public" {
  default = false
}

resource "aws_db_instance" "main" {
  publicly_accessible = var.public
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "variable without default is not reported",
			Content: `
variable "public" {
  type = bool
}

resource "aws_db_instance" "main" {
  publicly_accessible = var.public
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "variable without default is named by a strict notice",
			Content: `
variable "public" {
  type = bool
}

resource "aws_db_instance" "main" {
  publicly_accessible = var.public
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{{Rule: linttest.Notice(NewAwsDBPubliclyAccessibleRule()), Message: strictUnknown, Range: rng(7, 25, 35)}},
		},
		{
			Name: "sensitive variable is not reported",
			Content: `
variable "public" {
  default   = true
  sensitive = true
}

resource "aws_db_instance" "main" {
  publicly_accessible = var.public
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "sensitive variable is named by a strict notice",
			Content: `
variable "public" {
  default   = true
  sensitive = true
}

resource "aws_db_instance" "main" {
  publicly_accessible = var.public
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(NewAwsDBPubliclyAccessibleRule()),
				Message: "strict: データベースの公開設定を確認できません。publicly_accessible: 値が sensitive または ephemeral です。 [指針 4.6.3.2 / JIS Q 27017 9.2.1, 9.2.2, 9.4.1]",
				Range:   rng(8, 25, 35),
			}},
		},
		{
			Name: "string that is not a boolean is not reported",
			Content: `
resource "aws_db_instance" "main" {
  publicly_accessible = "maybe"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "a local whose value is unknown is not reported",
			Content: `
variable "unknown_value" {}

locals {
  public = var.unknown_value
}

resource "aws_db_instance" "main" {
  publicly_accessible = local.public
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "Redshift cluster publicly accessible is reported whatever the provider version",
			Content: v6 + `
resource "aws_redshift_cluster" "dw" {
  publicly_accessible = true
}`,
			Expected: helper.Issues{{Rule: NewAwsDBPubliclyAccessibleRule(), Message: redshiftPublic, Range: rng(12, 25, 29)}},
		},
		{
			Name: "Redshift cluster not publicly accessible passes on provider v5",
			Content: v5 + `
resource "aws_redshift_cluster" "dw" {
  publicly_accessible = false
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "Redshift cluster without publicly_accessible on provider v5 takes the default true",
			Content: v5 + `
resource "aws_redshift_cluster" "dw" {
  node_type = "ra3.xlplus"
}`,
			Expected: helper.Issues{{Rule: NewAwsDBPubliclyAccessibleRule(), Message: redshiftV5, Range: hcl.Range{Filename: "resource.tf", Start: hcl.Pos{Line: 11, Column: 1}, End: hcl.Pos{Line: 11, Column: 37}}}},
		},
		{
			Name: "Redshift cluster without publicly_accessible on provider v4 takes the default true",
			Content: `
terraform {
  required_providers {
    aws = "~> 4.60"
  }
}

resource "aws_redshift_cluster" "dw" {
  node_type = "ra3.xlplus"
}`,
			Expected: helper.Issues{{Rule: NewAwsDBPubliclyAccessibleRule(), Message: redshiftV5, Range: hcl.Range{Filename: "resource.tf", Start: hcl.Pos{Line: 8, Column: 1}, End: hcl.Pos{Line: 8, Column: 37}}}},
		},
		{
			Name: "Redshift cluster without publicly_accessible on provider v6 takes the default false",
			Content: v6 + `
resource "aws_redshift_cluster" "dw" {
  node_type = "ra3.xlplus"
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "Redshift cluster without publicly_accessible and no version constraint is not reported",
			Content: `
resource "aws_redshift_cluster" "dw" {
  node_type = "ra3.xlplus"
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "Redshift cluster without publicly_accessible and no version constraint is named by a strict notice",
			Content: `
resource "aws_redshift_cluster" "dw" {
  node_type = "ra3.xlplus"
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{{Rule: linttest.Notice(NewAwsDBPubliclyAccessibleRule()), Message: strictDefault, Range: hcl.Range{Filename: "resource.tf", Start: hcl.Pos{Line: 2, Column: 1}, End: hcl.Pos{Line: 2, Column: 37}}}},
		},
		{
			Name: "Redshift cluster without publicly_accessible under a range over v5 and v6 is named by a strict notice",
			Content: `
terraform {
  required_providers {
    aws = { version = ">= 5.0, < 7.0" }
  }
}

resource "aws_redshift_cluster" "dw" {
  node_type = "ra3.xlplus"
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{{Rule: linttest.Notice(NewAwsDBPubliclyAccessibleRule()), Message: strictDefault, Range: hcl.Range{Filename: "resource.tf", Start: hcl.Pos{Line: 8, Column: 1}, End: hcl.Pos{Line: 8, Column: 37}}}},
		},
		{
			Name: "Redshift cluster with null publicly_accessible on provider v5 takes the default true",
			Content: v5 + `
resource "aws_redshift_cluster" "dw" {
  publicly_accessible = null
}`,
			Expected: helper.Issues{{Rule: NewAwsDBPubliclyAccessibleRule(), Message: redshiftV5, Range: hcl.Range{Filename: "resource.tf", Start: hcl.Pos{Line: 11, Column: 1}, End: hcl.Pos{Line: 11, Column: 37}}}},
		},
		{
			Name: "English message",
			Content: `
resource "aws_db_instance" "main" {
  publicly_accessible = true
}`,
			Config: linttest.English(),
			Expected: helper.Issues{{
				Rule:    NewAwsDBPubliclyAccessibleRule(),
				Message: "RDS DB instance aws_db_instance.main has publicly_accessible = true: its endpoint can be reached from the internet; set publicly_accessible = false. [Guideline 4.6.3.2 / JIS Q 27017 9.2.1, 9.2.2, 9.4.1]",
				Range:   rng(3, 25, 29),
			}},
		},
		{
			Name: "English message for the Redshift default",
			Content: v5 + `
resource "aws_redshift_cluster" "dw" {
  node_type = "ra3.xlplus"
}`,
			Config: linttest.English(),
			Expected: helper.Issues{{
				Rule:    NewAwsDBPubliclyAccessibleRule(),
				Message: "Redshift cluster aws_redshift_cluster.dw does not set publicly_accessible, and the default of the AWS provider this configuration uses (v5 or earlier) is true: its endpoint can be reached from the internet; set publicly_accessible = false. [Guideline 4.6.3.2 / JIS Q 27017 9.2.1, 9.2.2, 9.4.1]",
				Range:   hcl.Range{Filename: "resource.tf", Start: hcl.Pos{Line: 11, Column: 1}, End: hcl.Pos{Line: 11, Column: 37}},
			}},
		},
	}

	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsDBPubliclyAccessibleRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}

func TestAwsDBPubliclyAccessibleRule_Fix(t *testing.T) {
	cases := []struct {
		Name     string
		Content  string
		Expected map[string]string
	}{
		{
			Name: "literal true becomes false",
			Content: `
resource "aws_db_instance" "main" {
  instance_class      = "db.t3.micro"
  publicly_accessible = true
}`,
			Expected: map[string]string{"resource.tf": `
resource "aws_db_instance" "main" {
  instance_class      = "db.t3.micro"
  publicly_accessible = false
}`},
		},
		{
			Name: "string true becomes string false",
			Content: `
resource "aws_redshift_cluster" "dw" {
  publicly_accessible = "true"
}`,
			Expected: map[string]string{"resource.tf": `
resource "aws_redshift_cluster" "dw" {
  publicly_accessible = "false"
}`},
		},
		{
			Name: "true from a variable is not changed",
			Content: `
variable "public" {
  default = true
}

resource "aws_db_instance" "main" {
  publicly_accessible = var.public
}`,
			Expected: map[string]string{},
		},
		{
			Name: "absent Redshift setting is not added",
			Content: `
terraform {
  required_providers {
    aws = { version = "~> 5.0" }
  }
}

resource "aws_redshift_cluster" "dw" {
  node_type = "ra3.xlplus"
}`,
			Expected: map[string]string{},
		},
	}

	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsDBPubliclyAccessibleRule(), map[string]string{"resource.tf": tc.Content}, nil)
			helper.AssertChanges(t, tc.Expected, runner.Changes())
		})
	}
}
