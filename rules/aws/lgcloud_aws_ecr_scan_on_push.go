package aws

import (
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsEcrScanOnPushRule checks that the images pushed to each ECR
// repository are scanned for vulnerabilities: by the repository's scan on
// push, or by a registry scanning configuration or Amazon Inspector that
// covers it.
type AwsEcrScanOnPushRule struct{ lint.Meta }

var _ lint.Rule = (*AwsEcrScanOnPushRule)(nil)

const ecrRepositoryType = "aws_ecr_repository"

// NewAwsEcrScanOnPushRule returns the rule.
func NewAwsEcrScanOnPushRule() *AwsEcrScanOnPushRule {
	return &AwsEcrScanOnPushRule{lint.Meta{
		RuleName: "lgcloud_aws_ecr_scan_on_push",
		Level:    tflint.WARNING,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.6.4.1"},
		Summary:  project.Text{JA: "ECR リポジトリのイメージをプッシュ時にスキャンする", EN: "ECR repositories scan images on push"},
		Reads: lint.Reads{
			ecrRepositoryType: {
				Attributes: []hclext.AttributeSchema{{Name: "name"}},
				Blocks: []hclext.BlockSchema{{
					Type: "image_scanning_configuration",
					Body: &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "scan_on_push"}}},
				}},
			},
			registryScanningConfigType: registryScanningSchema,
			inspectorEnablerType:       {Attributes: []hclext.AttributeSchema{{Name: "resource_types"}}},
		},
	}}
}

var msgEcrNoScanOnPush = project.Text{
	JA: "ECR リポジトリ %s でプッシュ時のイメージスキャンが有効になっていません。コンテナイメージの脆弱性を把握できるよう、image_scanning_configuration で scan_on_push = true を設定するか、レジストリのスキャン設定（aws_ecr_registry_scanning_configuration）でこのリポジトリをスキャンしてください。",
	EN: "ECR repository %s does not scan images on push; set scan_on_push = true in image_scanning_configuration, or scan the repository with a registry scanning configuration (aws_ecr_registry_scanning_configuration), so that the vulnerabilities of its container images are known.",
}

var whatEcrScan = project.Text{JA: "ECR イメージのスキャン", EN: "ECR image scanning"}

// Check reports each repository that does not scan on push and that no
// registry-level scanning covers. The registry scanning configuration and
// the Inspector enabler are account-level: they are looked for in the
// module being checked and in the root module.
func (r *AwsEcrScanOnPushRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	repos, err := runner.Resources(r, ecrRepositoryType)
	if err != nil || len(repos) == 0 {
		return err
	}
	scanners, err := r.registryScanners(runner)
	if err != nil {
		return err
	}
	for _, repo := range sortedBlocks(repos) {
		if err := r.check(runner, repo, scanners); err != nil {
			return err
		}
	}
	return nil
}

func (r *AwsEcrScanOnPushRule) check(runner *lint.Runner, repo *hclext.Block, scanners registryScanners) error {
	address := lint.Address(repo)
	configs := repo.Body.Blocks.OfType("image_scanning_configuration")
	var v lint.Value
	at := repo.DefRange
	if len(configs) > 0 {
		v = runner.Attr(configs[0].Body, "scan_on_push", cty.Bool)
		at = configs[0].DefRange
	}
	if v.IsTrue() {
		return nil
	}
	name := runner.Attr(repo.Body, "name", cty.String)
	covered := scanners.cover(&name)
	switch {
	case covered.Holds():
		return nil
	case !covered.decided:
		return runner.Unverified(r, covered.Unknown, whatEcrScan)
	}
	return runner.RequireTrue(r, v, at, lint.DefaultFails, whatEcrScan, msgEcrNoScanOnPush, address)
}

// registryScanners are the account-level settings that may scan a
// repository: registry scanning configurations, which decide when there
// is one, else Inspector enablers, whose ECR scanning by default
// continuously scans every repository.
type registryScanners struct {
	registries []scannerBlock
	enablers   []scannerBlock
}

// scannerBlock is a block with the evaluation of its attributes in the
// module it was read from.
type scannerBlock struct {
	block *hclext.Block
	attr  stringAttr
	set   func(body *hclext.BodyContent, name string) lint.Value
}

func (r *AwsEcrScanOnPushRule) registryScanners(runner *lint.Runner) (registryScanners, error) {
	var out registryScanners
	root, err := runner.IsRoot()
	if err != nil {
		return out, err
	}
	self := scannerBlock{
		attr: func(b *hclext.BodyContent, n string) lint.Value { return runner.Attr(b, n, cty.String) },
		set:  func(b *hclext.BodyContent, n string) lint.Value { return runner.Attr(b, n, cty.Set(cty.String)) },
	}
	inRoot := scannerBlock{
		attr: func(b *hclext.BodyContent, n string) lint.Value { return runner.RootAttr(b, n, cty.String) },
		set:  func(b *hclext.BodyContent, n string) lint.Value { return runner.RootAttr(b, n, cty.Set(cty.String)) },
	}
	for _, read := range []struct {
		ty   string
		into *[]scannerBlock
	}{
		{registryScanningConfigType, &out.registries},
		{inspectorEnablerType, &out.enablers},
	} {
		blocks, err := runner.Resources(r, read.ty)
		if err != nil {
			return out, err
		}
		for _, b := range sortedBlocks(blocks) {
			s := self
			s.block = b
			*read.into = append(*read.into, s)
		}
		if root {
			continue
		}
		blocks, err = runner.RootResources(r, read.ty)
		if err != nil {
			return out, err
		}
		for _, b := range sortedBlocks(blocks) {
			s := inRoot
			s.block = b
			*read.into = append(*read.into, s)
		}
	}
	return out, nil
}

// cover is whether the account-level settings scan the named repository.
func (s registryScanners) cover(name *lint.Value) verdict {
	covered := verdictFails
	if len(s.registries) > 0 {
		for _, registry := range s.registries {
			covered = covered.Or(registryScans(registry.block, name, registry.attr))
		}
		return covered
	}
	for _, enabler := range s.enablers {
		v := enabler.set(enabler.block.Body, "resource_types")
		if v.IsUnknown() {
			covered = covered.Or(undecided(v))
			continue
		}
		covered = covered.Or(verdictOf(stringSetHas(v, "ECR")))
	}
	return covered
}
