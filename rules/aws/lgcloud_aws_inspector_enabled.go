package aws

import (
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsInspectorEnabledRule checks that the account baseline scans for
// vulnerabilities: Amazon Inspector (v2) enabled for EC2 instances and for
// ECR container images, or ECR registry scanning of every repository.
type AwsInspectorEnabledRule struct{ lint.Meta }

var _ lint.Rule = (*AwsInspectorEnabledRule)(nil)

const inspectorEnablerType = "aws_inspector2_enabler"

// NewAwsInspectorEnabledRule returns the rule.
func NewAwsInspectorEnabledRule() *AwsInspectorEnabledRule {
	return &AwsInspectorEnabledRule{lint.Meta{
		RuleName: "lgcloud_aws_inspector_enabled",
		Level:    tflint.ERROR,
		Preset:   config.GovCloud,
		Provider: "aws",
		Items:    []string{"4.6.4.1"},
		Summary:  project.Text{JA: "Amazon Inspector で EC2 と ECR の脆弱性をスキャンする", EN: "Amazon Inspector scans EC2 instances and ECR images for vulnerabilities"},
		Reads: lint.Reads{
			inspectorEnablerType:       {Attributes: []hclext.AttributeSchema{{Name: "resource_types"}}},
			registryScanningConfigType: registryScanningSchema,
		},
	}}
}

var msgInspectorMissing = project.Text{
	JA: "アカウントのベースラインで Amazon Inspector が有効になっていません（aws_inspector2_enabler がありません）。技術的な脆弱性を把握できるよう、resource_types = [\"EC2\", \"ECR\"] の aws_inspector2_enabler を宣言してください。",
	EN: "The account baseline does not enable Amazon Inspector (no aws_inspector2_enabler); declare an aws_inspector2_enabler with resource_types = [\"EC2\", \"ECR\"] so that technical vulnerabilities are known.",
}

var msgInspectorNoEC2 = project.Text{
	JA: "Amazon Inspector %s が EC2 インスタンスをスキャンしません。resource_types に \"EC2\" を加えてください。",
	EN: "Amazon Inspector %s does not scan EC2 instances; add \"EC2\" to resource_types.",
}

var msgInspectorNoECR = project.Text{
	JA: "Amazon Inspector %s が ECR のコンテナイメージをスキャンせず、すべてのリポジトリをスキャンするレジストリのスキャン設定もありません。resource_types に \"ECR\" を加えるか、aws_ecr_registry_scanning_configuration で全リポジトリ（フィルター \"*\"）をプッシュ時または継続的にスキャンしてください。",
	EN: "Amazon Inspector %s does not scan ECR container images, and no registry scanning configuration scans every repository; add \"ECR\" to resource_types, or scan every repository (filter \"*\") on push or continuously with an aws_ecr_registry_scanning_configuration.",
}

var whatInspector = project.Text{JA: "Amazon Inspector の有効化", EN: "that Amazon Inspector is enabled"}

// Check reports, in the root module, an account baseline without an
// Inspector enabler, or whose enablers leave out EC2, or ECR when no
// registry scanning configuration scans every repository. It follows the
// account-baseline convention; a missing type is reported at the
// resource_types of the first enabler.
func (r *AwsInspectorEnabledRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	if root, err := isBaselineRoot(runner); err != nil || !root {
		return err
	}
	enablers, err := runner.Resources(r, inspectorEnablerType)
	if err != nil {
		return err
	}
	if len(enablers) == 0 {
		return reportBaselineGap(runner, r, baselineGap{Types: []string{inspectorEnablerType}, What: whatInspector, Msg: msgInspectorMissing})
	}
	enablers = sortedBlocks(enablers)
	ec2, ecr, unknown := verdictFails, verdictFails, verdictFails
	for _, enabler := range enablers {
		v := runner.Attr(enabler.Body, "resource_types", cty.Set(cty.String))
		if v.IsUnknown() {
			unknown = unknown.Or(undecided(v))
			continue
		}
		ec2 = ec2.Or(verdictOf(stringSetHas(v, "EC2")))
		ecr = ecr.Or(verdictOf(stringSetHas(v, "ECR")))
	}
	if ecr.Fails() {
		registries, err := runner.Resources(r, registryScanningConfigType)
		if err != nil {
			return err
		}
		ecr = registryScansAll(runner, registries)
	}
	first := enablers[0]
	at := first.DefRange
	if attr, ok := first.Body.Attributes["resource_types"]; ok {
		at = attr.Expr.Range()
	}
	for _, check := range []struct {
		scans verdict
		msg   project.Text
	}{
		{ec2, msgInspectorNoEC2},
		{ecr, msgInspectorNoECR},
	} {
		scans := check.scans.Or(unknown)
		switch {
		case scans.Holds():
			continue
		case !scans.decided:
			if err := runner.Unverified(r, scans.Unknown, whatInspector); err != nil {
				return err
			}
			continue
		}
		if err := reportBaselineGap(runner, r, baselineGap{
			Types: []string{inspectorEnablerType},
			What:  whatInspector,
			At:    at,
			Msg:   check.msg,
			Args:  []any{lint.Address(first)},
		}); err != nil {
			return err
		}
	}
	return nil
}

// stringSetHas reports whether a known set of strings holds s.
func stringSetHas(v lint.Value, s string) bool {
	if v.State != lint.Known {
		return false
	}
	for it := v.Val.ElementIterator(); it.Next(); {
		_, e := it.Element()
		if e.IsKnown() && !e.IsNull() && e.AsString() == s {
			return true
		}
	}
	return false
}

// registryScansAll is whether a registry scanning configuration scans
// every repository, on push or continuously.
func registryScansAll(runner *lint.Runner, registries []*hclext.Block) verdict {
	all := verdictFails
	for _, registry := range sortedBlocks(registries) {
		all = all.Or(registryScans(registry, nil, func(body *hclext.BodyContent, name string) lint.Value {
			return runner.Attr(body, name, cty.String)
		}))
	}
	return all
}
