package aws

import (
	"strconv"

	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsInstanceMetadataV2Rule checks that EC2 instances and launch templates
// require IMDSv2 (session tokens) on the instance metadata service, or turn
// the service off: IMDSv1 answers any request that reaches it, which is
// what a server-side request forgery needs to steal the instance role's
// credentials.
type AwsInstanceMetadataV2Rule struct{ lint.Meta }

var _ lint.Rule = (*AwsInstanceMetadataV2Rule)(nil)

// NewAwsInstanceMetadataV2Rule returns the rule.
func NewAwsInstanceMetadataV2Rule() *AwsInstanceMetadataV2Rule {
	metadataOptions := hclext.BlockSchema{
		Type: "metadata_options",
		Body: &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "http_tokens"}, {Name: "http_endpoint"}}},
	}
	return &AwsInstanceMetadataV2Rule{lint.Meta{
		RuleName: "lgcloud_aws_instance_metadata_v2",
		Level:    tflint.ERROR,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.6.1.5"},
		Summary:  project.Text{JA: "EC2 インスタンス・起動テンプレートのインスタンスメタデータサービスで IMDSv2 を必須にする", EN: "EC2 instances and launch templates require IMDSv2 on the instance metadata service"},
		Reads: lint.Reads{
			"aws_instance": {Blocks: []hclext.BlockSchema{
				metadataOptions,
				{Type: "launch_template", Body: &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "id"}, {Name: "name"}}}},
			}},
			"aws_launch_template": {Blocks: []hclext.BlockSchema{metadataOptions}},
			imdsDefaultsType:      {Attributes: []hclext.AttributeSchema{{Name: "http_tokens"}, {Name: "http_endpoint"}}},
		},
	}}
}

// imdsDefaultsType is the account's (and region's) default metadata options
// for new instances.
const imdsDefaultsType = "aws_ec2_instance_metadata_defaults"

// imdsResources are the resource types the rule checks, with what each is
// called in messages.
var imdsResources = []struct {
	resourceType string
	kind         project.Text
}{
	{"aws_instance", project.Text{JA: "EC2 インスタンス", EN: "EC2 instance"}},
	{"aws_launch_template", project.Text{JA: "起動テンプレート", EN: "Launch template"}},
}

var msgIMDSv1Accepted = project.Text{
	JA: "%s %s のインスタンスメタデータサービスが IMDSv1 を受け付けます（http_tokens = %q）。http_tokens = \"required\" を設定して IMDSv2 を必須にしてください。",
	EN: "%s %s accepts IMDSv1 on its instance metadata service (http_tokens = %q); set http_tokens = \"required\" so that only IMDSv2 is served.",
}

var msgIMDSv2NotSet = project.Text{
	JA: "%s %s のインスタンスメタデータサービスで IMDSv2 が必須になっていません。http_tokens が未設定のため AMI またはアカウントの既定値に従い、多くの AMI では IMDSv1 も受け付けます。metadata_options に http_tokens = \"required\" を設定してください。",
	EN: "%s %s does not require IMDSv2 on its instance metadata service: http_tokens is not set, so it follows the AMI's or the account's default, which for most AMIs also accepts IMDSv1. Set http_tokens = \"required\" in metadata_options.",
}

var whatIMDSv2 = project.Text{JA: "インスタンスメタデータサービスの IMDSv2 必須化", EN: "that IMDSv2 is required on the instance metadata service"}

var whyIMDSAccountDefault = project.Text{
	JA: "未設定で、アカウントの既定値（aws_ec2_instance_metadata_defaults）が lint 時に決まりません",
	EN: "not set, and the account's default (aws_ec2_instance_metadata_defaults) is not known at lint time",
}

var whyIMDSLaunchTemplate = project.Text{
	JA: "未設定で、このモジュールにない起動テンプレートの設定に従います",
	EN: "not set, so it follows a launch template that is not in this module",
}

// imdsDefaults is what an absent http_tokens means in the module: whether
// the account's default requires tokens, and whether it turns the service
// off (which matters only where the instance leaves http_endpoint unset).
type imdsDefaults struct {
	tokens, endpointOff lint.Default
}

// Check reports, on every instance and launch template, an http_tokens
// other than "required" (with an autofix where it is a literal) and an
// absent one that the account's default does not make "required" (with an
// autofix that adds it). A metadata service turned off (http_endpoint =
// "disabled") passes.
func (r *AwsInstanceMetadataV2Rule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	defaults, err := r.readDefaults(runner)
	if err != nil {
		return err
	}
	for _, res := range imdsResources {
		resources, err := runner.Resources(r, res.resourceType)
		if err != nil {
			return err
		}
		for _, resource := range resources {
			kind := res.kind.In(runner.Config.Language)
			options := resource.Body.Blocks.OfType("metadata_options")
			if len(options) == 0 {
				absent := lint.Value{State: lint.Absent, Name: "http_endpoint"}
				if err := r.checkAbsent(runner, resource, nil, absent, defaults, kind); err != nil {
					return err
				}
			}
			for _, block := range options {
				if err := r.checkOptions(runner, resource, block, defaults, kind); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// checkOptions judges a metadata_options block.
func (r *AwsInstanceMetadataV2Rule) checkOptions(runner *lint.Runner, resource, block *hclext.Block, defaults imdsDefaults, kind string) error {
	endpoint := runner.Attr(block.Body, "http_endpoint", cty.String)
	if isIMDSValue(endpoint, "disabled") {
		return nil
	}
	tokens := runner.Attr(block.Body, "http_tokens", cty.String)
	switch {
	case tokens.IsUnknown():
		return runner.Unverified(r, tokens, whatIMDSv2)
	case tokens.IsAbsent():
		return r.checkAbsent(runner, resource, block, endpoint, defaults, kind)
	case isIMDSValue(tokens, "required"):
		return nil
	case endpoint.IsUnknown():
		// The service may be off.
		return runner.Unverified(r, endpoint, whatIMDSv2)
	}
	value, _ := tokens.String()
	if tokens.IsLiteral() {
		return runner.ReportFix(r, tokens.Range, func(f tflint.Fixer) error {
			return f.ReplaceText(tokens.Range, strconv.Quote("required"))
		}, msgIMDSv1Accepted, kind, lint.Address(resource), value)
	}
	return runner.Report(r, tokens.Range, msgIMDSv1Accepted, kind, lint.Address(resource), value)
}

// checkAbsent judges an http_tokens that is not set, in the block given
// (nil when the resource has no metadata_options block), whose http_endpoint
// is endpoint.
func (r *AwsInstanceMetadataV2Rule) checkAbsent(runner *lint.Runner, resource, block *hclext.Block, endpoint lint.Value, defaults imdsDefaults, kind string) error {
	at := resource.DefRange
	if block != nil {
		at = block.DefRange
	}
	why := whyIMDSAccountDefault
	def := defaults.tokens
	if endpoint.IsAbsent() {
		def = eitherIMDSDefault(def, defaults.endpointOff)
	}
	if template, uses := imdsLaunchTemplate(resource); uses {
		// An instance launched from a template takes the template's
		// setting; the template is checked on its own where it is declared.
		if template {
			return nil
		}
		def, why = lint.DefaultUnknown, whyIMDSLaunchTemplate
	}
	switch {
	case def == lint.DefaultPasses:
		return nil
	case endpoint.IsUnknown():
		return runner.Unverified(r, endpoint, whatIMDSv2)
	case def == lint.DefaultUnknown:
		return runner.Unverified(r, lint.Value{State: lint.Unknown, Name: "http_tokens", Range: at, Why: why}, whatIMDSv2)
	}
	return runner.ReportFix(r, at, func(f tflint.Fixer) error {
		return addIMDSTokensRequired(runner, f, resource.DefRange, block)
	}, msgIMDSv2NotSet, kind, lint.Address(resource))
}

// addIMDSTokensRequired writes http_tokens = "required" into the metadata_options
// block, or a metadata_options block holding it into the resource when it
// has none. A block that a dynamic block generates is not edited.
func addIMDSTokensRequired(runner *lint.Runner, f tflint.Fixer, resourceDef hcl.Range, block *hclext.Block) error {
	if block != nil {
		syntax, src, err := runner.BlockSyntax(block.DefRange, "metadata_options")
		if err != nil {
			return err
		}
		return lint.AppendToBody(f, syntax, src, "http_tokens = \"required\"\n")
	}
	syntax, src, err := runner.BlockSyntax(resourceDef, "resource")
	if err != nil {
		return err
	}
	if lint.HasChildBlock(syntax, "metadata_options") {
		// A dynamic block that generates none.
		return tflint.ErrFixNotSupported
	}
	text := "metadata_options {\nhttp_tokens = \"required\"\n}\n"
	if len(syntax.Body.Attributes) > 0 || len(syntax.Body.Blocks) > 0 {
		text = "\n" + text
	}
	return lint.AppendToBody(f, syntax, src, text)
}

// imdsLaunchTemplate says whether an instance is launched from a launch
// template (uses), and whether that template is an aws_launch_template of
// the module, named by its id or name.
func imdsLaunchTemplate(resource *hclext.Block) (inModule, uses bool) {
	if resource.Type != "resource" || resource.Labels[0] != "aws_instance" {
		return false, false
	}
	for _, lt := range resource.Body.Blocks.OfType("launch_template") {
		uses = true
		for _, attr := range []string{"id", "name"} {
			if a, ok := lt.Body.Attributes[attr]; ok {
				if _, ok := refersTo(a.Expr, "aws_launch_template"); ok {
					return true, true
				}
			}
		}
	}
	return false, uses
}

// readDefaults reads the module's aws_ec2_instance_metadata_defaults: a
// default http_tokens = "required" makes an absent setting pass, and so
// does a default http_endpoint = "disabled" where the instance leaves its
// own unset. "no-preference" and an absent argument leave the AWS default,
// which accepts IMDSv1 unless the AMI says otherwise. As for EBS encryption
// by default, only the module's own setting is read.
func (r *AwsInstanceMetadataV2Rule) readDefaults(runner *lint.Runner) (imdsDefaults, error) {
	out := imdsDefaults{tokens: lint.DefaultFails, endpointOff: lint.DefaultFails}
	resources, err := runner.Resources(r, imdsDefaultsType)
	if err != nil {
		return out, err
	}
	for _, res := range resources {
		out.tokens = eitherIMDSDefault(out.tokens, imdsValueDefault(runner.Attr(res.Body, "http_tokens", cty.String), "required"))
		out.endpointOff = eitherIMDSDefault(out.endpointOff, imdsValueDefault(runner.Attr(res.Body, "http_endpoint", cty.String), "disabled"))
	}
	return out, nil
}

// imdsValueDefault is DefaultPasses when v is want, DefaultUnknown when v cannot
// be known, and DefaultFails otherwise.
func imdsValueDefault(v lint.Value, want string) lint.Default {
	switch {
	case isIMDSValue(v, want):
		return lint.DefaultPasses
	case v.IsUnknown():
		return lint.DefaultUnknown
	}
	return lint.DefaultFails
}

// eitherIMDSDefault is the default that holds when a or b does: it passes when one
// passes, and is unknown when one is unknown.
func eitherIMDSDefault(a, b lint.Default) lint.Default {
	switch {
	case a == lint.DefaultPasses || b == lint.DefaultPasses:
		return lint.DefaultPasses
	case a == lint.DefaultUnknown || b == lint.DefaultUnknown:
		return lint.DefaultUnknown
	}
	return lint.DefaultFails
}

// isIMDSValue reports whether v is the known string want (the provider
// accepts these values in lower case only).
func isIMDSValue(v lint.Value, want string) bool {
	s, ok := v.String()
	return ok && s == want
}
