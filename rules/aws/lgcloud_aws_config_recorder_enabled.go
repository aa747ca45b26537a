package aws

import (
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsConfigRecorderEnabledRule checks that the account baseline keeps the
// history of configuration changes with AWS Config: a recorder of every
// supported resource type, global types included, a delivery channel, and
// the recorder started.
type AwsConfigRecorderEnabledRule struct{ lint.Meta }

var _ lint.Rule = (*AwsConfigRecorderEnabledRule)(nil)

const (
	configRecorderType = "aws_config_configuration_recorder"
	configChannelType  = "aws_config_delivery_channel"
	configStatusType   = "aws_config_configuration_recorder_status"
)

// NewAwsConfigRecorderEnabledRule returns the rule.
func NewAwsConfigRecorderEnabledRule() *AwsConfigRecorderEnabledRule {
	return &AwsConfigRecorderEnabledRule{lint.Meta{
		RuleName: "lgcloud_aws_config_recorder_enabled",
		Level:    tflint.ERROR,
		Preset:   config.GovCloud,
		Provider: "aws",
		Items:    []string{"4.6.3.1"},
		Summary:  project.Text{JA: "AWS Config ですべてのリソースタイプ（グローバルを含む）の設定変更を記録する", EN: "AWS Config records every resource type, global types included"},
		Reads: lint.Reads{
			configRecorderType: {Blocks: []hclext.BlockSchema{{
				Type: "recording_group",
				Body: &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "all_supported"}, {Name: "include_global_resource_types"}}},
			}}},
			configChannelType: {Attributes: []hclext.AttributeSchema{{Name: "s3_bucket_name"}}},
			configStatusType:  {Attributes: []hclext.AttributeSchema{{Name: "is_enabled"}}},
		},
	}}
}

var msgConfigNotAllSupported = project.Text{
	JA: "AWS Config の記録設定 %s が、サポートされるすべてのリソースタイプを記録しません。すべての設定変更の履歴が残るよう、recording_group で all_supported = true を設定してください。",
	EN: "AWS Config recorder %s does not record every supported resource type; set all_supported = true in recording_group so that the history of every configuration change is kept.",
}

var msgConfigNoGlobalTypes = project.Text{
	JA: "AWS Config の記録設定 %s が、グローバルリソース（IAM のユーザー、グループ、ロール、ポリシー）を記録しません。recording_group で include_global_resource_types = true を設定してください。",
	EN: "AWS Config recorder %s does not record the global resource types (IAM users, groups, roles and policies); set include_global_resource_types = true in recording_group.",
}

var msgConfigStatusOff = project.Text{
	JA: "AWS Config の記録状態 %s で記録が開始されません。設定変更の履歴が残るよう、is_enabled = true を設定してください。",
	EN: "AWS Config recorder status %s does not start the recorder; set is_enabled = true so that the history of configuration changes is kept.",
}

var msgConfigMissing = project.Text{
	JA: "アカウントのベースラインに AWS Config の記録設定（aws_config_configuration_recorder）がありません。設定変更の履歴を管理できるよう、記録設定、配信チャネル（aws_config_delivery_channel）、is_enabled = true の記録状態（aws_config_configuration_recorder_status）を宣言してください。",
	EN: "The account baseline declares no AWS Config recorder (aws_config_configuration_recorder); declare a recorder, a delivery channel (aws_config_delivery_channel) and a recorder status with is_enabled = true (aws_config_configuration_recorder_status) so that the history of configuration changes is kept.",
}

var msgConfigNoChannel = project.Text{
	JA: "アカウントのベースラインに AWS Config の配信チャネル（aws_config_delivery_channel）がありません。配信チャネルがないと記録を開始できません。宣言してください。",
	EN: "The account baseline declares no AWS Config delivery channel (aws_config_delivery_channel); the recorder cannot start without one: declare it.",
}

var msgConfigNoStatus = project.Text{
	JA: "アカウントのベースラインに AWS Config の記録状態（aws_config_configuration_recorder_status）がありません。記録設定は作成しただけでは記録を開始しません。is_enabled = true の記録状態を宣言してください。",
	EN: "The account baseline declares no AWS Config recorder status (aws_config_configuration_recorder_status); a recorder does not start by being created: declare a recorder status with is_enabled = true.",
}

var (
	whatConfigRecorder = project.Text{JA: "AWS Config の記録設定", EN: "the AWS Config recorder"}
	whatConfigGlobal   = project.Text{JA: "AWS Config のグローバルリソースの記録", EN: "that AWS Config records global resource types"}
	whatConfigChannel  = project.Text{JA: "AWS Config の配信チャネル", EN: "the AWS Config delivery channel"}
	whatConfigStatus   = project.Text{JA: "AWS Config の記録の開始", EN: "that the AWS Config recorder is started"}
)

// Check reports recorders that record less than every supported type, a
// module whose recorders all leave out the global types, and recorder
// statuses that do not start the recorder; in the root module, it reports
// a missing recorder, delivery channel or status following the
// account-baseline convention.
func (r *AwsConfigRecorderEnabledRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	recorders, err := runner.Resources(r, configRecorderType)
	if err != nil {
		return err
	}
	recorders = sortedBlocks(recorders)
	for _, recorder := range recorders {
		if err := r.allSupported(runner, recorder); err != nil {
			return err
		}
	}
	if err := r.globalTypes(runner, recorders); err != nil {
		return err
	}
	if err := runner.RequireEachTrue(r, configStatusType, "is_enabled", func(*hclext.Block) (lint.Default, bool) {
		return lint.DefaultFails, true
	}, whatConfigStatus, msgConfigStatusOff); err != nil {
		return err
	}

	if len(recorders) == 0 {
		return reportBaselineGap(runner, r, baselineGap{Types: []string{configRecorderType}, What: whatConfigRecorder, Msg: msgConfigMissing})
	}
	for _, part := range []struct {
		ty   string
		what project.Text
		msg  project.Text
	}{
		{configChannelType, whatConfigChannel, msgConfigNoChannel},
		{configStatusType, whatConfigStatus, msgConfigNoStatus},
	} {
		blocks, err := runner.Resources(r, part.ty)
		if err != nil {
			return err
		}
		if len(blocks) > 0 {
			continue
		}
		if err := reportBaselineGap(runner, r, baselineGap{Types: []string{part.ty}, What: part.what, Msg: part.msg}); err != nil {
			return err
		}
	}
	return nil
}

// allSupported reports a recorder whose recording group sets all_supported
// to false. Without a recording group AWS Config records every supported
// regional type, and the provider's default for all_supported is true.
// There is no autofix: a recorder that lists resource_types needs them
// removed too.
func (r *AwsConfigRecorderEnabledRule) allSupported(runner *lint.Runner, recorder *hclext.Block) error {
	for _, group := range recorder.Body.Blocks.OfType("recording_group") {
		v := runner.Attr(group.Body, "all_supported", cty.Bool)
		if v.IsFalse() {
			if err := runner.Report(r, v.Range, msgConfigNotAllSupported, lint.Address(recorder)); err != nil {
				return err
			}
			continue
		}
		if err := runner.Unverified(r, v, whatConfigRecorder); err != nil {
			return err
		}
	}
	return nil
}

// globalTypes reports, when no recorder of the module records the global
// resource types, the first recorder: at include_global_resource_types
// when it is written false (fixed to true where it is a literal and
// all_supported is not false, which the setting requires), else at the
// recorder. The setting has no default (false), and AWS Config leaves the
// global types out unless asked. One recorder with it suffices: AWS
// advises recording the global types in one region only.
func (r *AwsConfigRecorderEnabledRule) globalTypes(runner *lint.Runner, recorders []*hclext.Block) error {
	if len(recorders) == 0 {
		return nil
	}
	recorded := verdictFails
	for _, recorder := range recorders {
		for _, group := range recorder.Body.Blocks.OfType("recording_group") {
			v := runner.Attr(group.Body, "include_global_resource_types", cty.Bool)
			switch {
			case v.IsTrue():
				recorded = recorded.Or(verdictHolds)
			case v.IsUnknown():
				recorded = recorded.Or(undecided(v))
			}
		}
	}
	switch {
	case recorded.Holds():
		return nil
	case !recorded.decided:
		return runner.Unverified(r, recorded.Unknown, whatConfigGlobal)
	}
	first := recorders[0]
	address := lint.Address(first)
	for _, group := range first.Body.Blocks.OfType("recording_group") {
		v := runner.Attr(group.Body, "include_global_resource_types", cty.Bool)
		if !v.IsFalse() {
			continue
		}
		all := runner.Attr(group.Body, "all_supported", cty.Bool)
		if v.IsLiteral() && !all.IsFalse() {
			return runner.ReportFix(r, v.Range, func(f tflint.Fixer) error {
				return f.ReplaceText(v.Range, "true")
			}, msgConfigNoGlobalTypes, address)
		}
		return runner.Report(r, v.Range, msgConfigNoGlobalTypes, address)
	}
	return runner.Report(r, first.DefRange, msgConfigNoGlobalTypes, address)
}
