package aws

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsDBPubliclyAccessibleRule checks that RDS instances, Aurora cluster
// instances and Redshift clusters are not reachable from the internet.
type AwsDBPubliclyAccessibleRule struct{ lint.Meta }

var _ lint.Rule = (*AwsDBPubliclyAccessibleRule)(nil)

// NewAwsDBPubliclyAccessibleRule returns the rule.
func NewAwsDBPubliclyAccessibleRule() *AwsDBPubliclyAccessibleRule {
	public := &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "publicly_accessible"}}}
	return &AwsDBPubliclyAccessibleRule{lint.Meta{
		RuleName: "lgcloud_aws_db_publicly_accessible",
		Level:    tflint.ERROR,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.6.3.2"},
		Summary:  project.Text{JA: "データベース（RDS・Aurora・Redshift）をインターネットに公開しない", EN: "Databases (RDS, Aurora, Redshift) are not publicly accessible"},
		Reads: mergeReads(segmentReads(), lint.Reads{
			"aws_db_instance":          public,
			"aws_rds_cluster_instance": public,
			"aws_redshift_cluster":     public,
		}),
	}}
}

// publicDatabases are the resource types the rule reads, with what each is
// called in messages.
var publicDatabases = []struct {
	resourceType string
	kind         project.Text
}{
	{"aws_db_instance", storeName("aws_db_instance")},
	{"aws_rds_cluster_instance", project.Text{JA: "Aurora クラスターインスタンス", EN: "Aurora cluster instance"}},
	{"aws_redshift_cluster", storeName("aws_redshift_cluster")},
}

var msgDBPublic = project.Text{
	JA: "%s %s は publicly_accessible = true で、インターネットから接続できるエンドポイントを持ちます。publicly_accessible = false にしてください。",
	EN: "%s %s has publicly_accessible = true: its endpoint can be reached from the internet; set publicly_accessible = false.",
}

var msgRedshiftDefaultPublic = project.Text{
	JA: "%s %s に publicly_accessible がなく、この構成が使う AWS プロバイダー（v5 以前）の既定値 true でインターネットから接続できるエンドポイントを持ちます。publicly_accessible = false を設定してください。",
	EN: "%s %s does not set publicly_accessible, and the default of the AWS provider this configuration uses (v5 or earlier) is true: its endpoint can be reached from the internet; set publicly_accessible = false.",
}

var whatDBPublic = project.Text{JA: "データベースの公開設定", EN: "whether a database is publicly accessible"}

var whyRedshiftDefault = project.Text{
	JA: "未設定で、既定値が AWS プロバイダーのメジャーバージョン（v5 以前は true、v6 以降は false）によって異なり、required_providers がそれを一つに定めていません",
	EN: "not set, and its default depends on the AWS provider's major version (true up to v5, false from v6), which required_providers does not pin",
}

// Check reports publicly_accessible = true, with an autofix to false where
// it is written as a literal, on databases outside the closed segments
// (mynumber, lgwan): lgcloud_aws_segment_internet_isolation reports those
// in the closed segments.
//
// publicly_accessible = true, with an autofix to false where
// it is written as a literal. An absent publicly_accessible is the API's
// false for RDS and Aurora. For Redshift it is true up to provider v5 and
// false from v6: it is reported when the configuration's version
// constraints keep the provider at v5 or earlier, and named in strict mode
// when they do not pin the major version.
func (r *AwsDBPubliclyAccessibleRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	for _, db := range publicDatabases {
		resources, err := runner.Resources(r, db.resourceType)
		if err != nil {
			return err
		}
		for _, resource := range resources {
			placed, err := segmentOf(runner, r, resource)
			if err != nil {
				return err
			}
			if _, closed := placed.Closed(); closed {
				continue
			}
			v := runner.Attr(resource.Body, "publicly_accessible", cty.Bool)
			kind, name := db.kind.In(runner.Config.Language), lint.Address(resource)
			if v.IsAbsent() && db.resourceType == "aws_redshift_cluster" {
				if err := r.redshiftDefault(runner, resource.DefRange, v, kind, name); err != nil {
					return err
				}
				continue
			}
			if err := runner.RequireBool(r, v, false, resource.DefRange, lint.DefaultPasses, whatDBPublic, msgDBPublic, kind, name); err != nil {
				return err
			}
		}
	}
	return nil
}

// redshiftDefault judges a Redshift cluster without publicly_accessible by
// the provider's major version.
func (r *AwsDBPubliclyAccessibleRule) redshiftDefault(runner *lint.Runner, at hcl.Range, v lint.Value, kind, name string) error {
	majors, err := awsProviderMajors(runner)
	if err != nil {
		return err
	}
	switch {
	case majors.AtMost(5):
		return runner.Report(r, at, msgRedshiftDefaultPublic, kind, name)
	case majors.AtLeast(6):
		return nil
	}
	return runner.Unverified(r, lint.Value{State: lint.Unknown, Name: v.Name, Range: at, Why: whyRedshiftDefault}, whatDBPublic)
}
