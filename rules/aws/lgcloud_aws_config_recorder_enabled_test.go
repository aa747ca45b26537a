package aws

import (
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

const (
	configCite          = " [指針 4.6.3.1 / JIS Q 27017 12.1.2]"
	configMissingMsg    = "アカウントのベースラインに AWS Config の記録設定（aws_config_configuration_recorder）がありません。設定変更の履歴を管理できるよう、記録設定、配信チャネル（aws_config_delivery_channel）、is_enabled = true の記録状態（aws_config_configuration_recorder_status）を宣言してください。" + configCite
	configNoChannelMsg  = "アカウントのベースラインに AWS Config の配信チャネル（aws_config_delivery_channel）がありません。配信チャネルがないと記録を開始できません。宣言してください。" + configCite
	configNoStatusMsg   = "アカウントのベースラインに AWS Config の記録状態（aws_config_configuration_recorder_status）がありません。記録設定は作成しただけでは記録を開始しません。is_enabled = true の記録状態を宣言してください。" + configCite
	configProvider      = "provider \"aws\" {\n  region = \"ap-northeast-1\"\n}\n"
	configChannelStatus = `
resource "aws_config_delivery_channel" "main" {
  s3_bucket_name = "lg-config-history"
  depends_on     = [aws_config_configuration_recorder.main]
}

resource "aws_config_configuration_recorder_status" "main" {
  name       = aws_config_configuration_recorder.main.name
  is_enabled = true
  depends_on = [aws_config_delivery_channel.main]
}
`
)

func configNotAllMsg(address string) string {
	return "AWS Config の記録設定 " + address + " が、サポートされるすべてのリソースタイプを記録しません。すべての設定変更の履歴が残るよう、recording_group で all_supported = true を設定してください。" + configCite
}

func configNoGlobalMsg(address string) string {
	return "AWS Config の記録設定 " + address + " が、グローバルリソース（IAM のユーザー、グループ、ロール、ポリシー）を記録しません。recording_group で include_global_resource_types = true を設定してください。" + configCite
}

func configStatusOffMsg(address string) string {
	return "AWS Config の記録状態 " + address + " で記録が開始されません。設定変更の履歴が残るよう、is_enabled = true を設定してください。" + configCite
}

func TestAwsConfigRecorderEnabledRule(t *testing.T) {
	rule := NewAwsConfigRecorderEnabledRule()
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "a recorder of all types with global types, a channel and an enabled status pass",
			Content: configProvider + `
resource "aws_config_configuration_recorder" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::111122223333:role/config"

  recording_group {
    all_supported                 = true
    include_global_resource_types = true
  }
}
` + configChannelStatus,
			Expected: helper.Issues{},
		},
		{
			Name: "all_supported left to the provider default true passes",
			Content: configProvider + `
resource "aws_config_configuration_recorder" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::111122223333:role/config"

  recording_group {
    include_global_resource_types = true
  }
}
` + configChannelStatus,
			Expected: helper.Issues{},
		},
		{
			Name: "a recorder without a recording group leaves out the global types and is reported at the recorder",
			Content: configProvider + `
resource "aws_config_configuration_recorder" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::111122223333:role/config"
}
` + configChannelStatus,
			Expected: helper.Issues{{Rule: rule, Message: configNoGlobalMsg("aws_config_configuration_recorder.main"), Range: baselineRange("resource.tf", 5, 1, 5, 52)}},
		},
		{
			Name: "include_global_resource_types false is reported at the value",
			Content: configProvider + `
resource "aws_config_configuration_recorder" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::111122223333:role/config"

  recording_group {
    all_supported                 = true
    include_global_resource_types = false
  }
}
` + configChannelStatus,
			Expected: helper.Issues{{Rule: rule, Message: configNoGlobalMsg("aws_config_configuration_recorder.main"), Range: baselineRange("resource.tf", 11, 37, 11, 42)}},
		},
		{
			Name: "a list of resource types is reported at all_supported, and the global types at the recorder",
			Content: configProvider + `
resource "aws_config_configuration_recorder" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::111122223333:role/config"

  recording_group {
    all_supported  = false
    resource_types = ["AWS::EC2::Instance"]
  }
}
` + configChannelStatus,
			Expected: helper.Issues{
				{Rule: rule, Message: configNotAllMsg("aws_config_configuration_recorder.main"), Range: baselineRange("resource.tf", 10, 22, 10, 27)},
				{Rule: rule, Message: configNoGlobalMsg("aws_config_configuration_recorder.main"), Range: baselineRange("resource.tf", 5, 1, 5, 52)},
			},
		},
		{
			Name: "one recorder of several recording the global types suffices",
			Content: configProvider + `
resource "aws_config_configuration_recorder" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::111122223333:role/config"

  recording_group {
    include_global_resource_types = true
  }
}

resource "aws_config_configuration_recorder" "osaka" {
  provider = aws.osaka
  name     = "main"
  role_arn = "arn:aws:iam::111122223333:role/config"
}
` + configChannelStatus,
			Expected: helper.Issues{},
		},
		{
			Name: "a recorder status that is not enabled is reported at the value",
			Content: configProvider + `
resource "aws_config_configuration_recorder" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::111122223333:role/config"

  recording_group {
    include_global_resource_types = true
  }
}

resource "aws_config_delivery_channel" "main" {
  s3_bucket_name = "lg-config-history"
}

resource "aws_config_configuration_recorder_status" "main" {
  name       = "main"
  is_enabled = false
}`,
			Expected: helper.Issues{{Rule: rule, Message: configStatusOffMsg("aws_config_configuration_recorder_status.main"), Range: baselineRange("resource.tf", 20, 16, 20, 21)}},
		},
		{
			Name: "no recorder is reported once at the provider block",
			Content: configProvider + `
resource "aws_config_delivery_channel" "main" {
  s3_bucket_name = "lg-config-history"
}`,
			Expected: helper.Issues{{Rule: rule, Message: configMissingMsg, Range: baselineRange("resource.tf", 1, 1, 1, 15)}},
		},
		{
			Name: "a recorder without a delivery channel and a status is reported for each at the provider block",
			Content: configProvider + `
resource "aws_config_configuration_recorder" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::111122223333:role/config"

  recording_group {
    include_global_resource_types = true
  }
}`,
			Expected: helper.Issues{
				{Rule: rule, Message: configNoChannelMsg, Range: baselineRange("resource.tf", 1, 1, 1, 15)},
				{Rule: rule, Message: configNoStatusMsg, Range: baselineRange("resource.tf", 1, 1, 1, 15)},
			},
		},
		{
			Name: "global types from a variable without default are not reported",
			Content: configProvider + `
variable "global" {
  type = bool
}

resource "aws_config_configuration_recorder" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::111122223333:role/config"

  recording_group {
    include_global_resource_types = var.global
  }
}
` + configChannelStatus,
			Expected: helper.Issues{},
		},
		{
			Name: "global types from a variable without default are named by a strict notice",
			Content: configProvider + `
variable "global" {
  type = bool
}

resource "aws_config_configuration_recorder" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::111122223333:role/config"

  recording_group {
    include_global_resource_types = var.global
  }
}
` + configChannelStatus,
			Config: linttest.Strict(),
			Expected: helper.Issues{{
				Rule:    linttest.Notice(rule),
				Message: "strict: AWS Config のグローバルリソースの記録を確認できません。include_global_resource_types: lint 時に値が決まりません。" + configCite,
				Range:   baselineRange("resource.tf", 14, 37, 14, 47),
			}},
		},
		{
			Name: "a root module that calls modules is named by a strict notice for each missing part",
			Content: configProvider + `
resource "aws_config_configuration_recorder" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::111122223333:role/config"

  recording_group {
    include_global_resource_types = true
  }
}

module "config" {
  source = "./modules/config"
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				{
					Rule:    linttest.Notice(rule),
					Message: "strict: AWS Config の配信チャネルを確認できません。aws_config_delivery_channel: このルートモジュールにはなく、呼び出しているモジュールが宣言しているかは確認できません。" + configCite,
					Range:   baselineRange("resource.tf", 1, 1, 1, 15),
				},
				{
					Rule:    linttest.Notice(rule),
					Message: "strict: AWS Config の記録の開始を確認できません。aws_config_configuration_recorder_status: このルートモジュールにはなく、呼び出しているモジュールが宣言しているかは確認できません。" + configCite,
					Range:   baselineRange("resource.tf", 1, 1, 1, 15),
				},
			},
		},
		{
			Name: "English messages",
			Content: configProvider + `
resource "aws_config_configuration_recorder" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::111122223333:role/config"

  recording_group {
    all_supported = false
  }
}`,
			Config: linttest.English(),
			Expected: helper.Issues{
				{Rule: rule, Message: "AWS Config recorder aws_config_configuration_recorder.main does not record every supported resource type; set all_supported = true in recording_group so that the history of every configuration change is kept. [Guideline 4.6.3.1 / JIS Q 27017 12.1.2]", Range: baselineRange("resource.tf", 10, 21, 10, 26)},
				{Rule: rule, Message: "AWS Config recorder aws_config_configuration_recorder.main does not record the global resource types (IAM users, groups, roles and policies); set include_global_resource_types = true in recording_group. [Guideline 4.6.3.1 / JIS Q 27017 12.1.2]", Range: baselineRange("resource.tf", 5, 1, 5, 52)},
				{Rule: rule, Message: "The account baseline declares no AWS Config delivery channel (aws_config_delivery_channel); the recorder cannot start without one: declare it. [Guideline 4.6.3.1 / JIS Q 27017 12.1.2]", Range: baselineRange("resource.tf", 1, 1, 1, 15)},
				{Rule: rule, Message: "The account baseline declares no AWS Config recorder status (aws_config_configuration_recorder_status); a recorder does not start by being created: declare a recorder status with is_enabled = true. [Guideline 4.6.3.1 / JIS Q 27017 12.1.2]", Range: baselineRange("resource.tf", 1, 1, 1, 15)},
			},
		},
		{
			Name:    "English message for no recorder",
			Content: configProvider,
			Config:  linttest.English(),
			Expected: helper.Issues{
				{Rule: rule, Message: "The account baseline declares no AWS Config recorder (aws_config_configuration_recorder); declare a recorder, a delivery channel (aws_config_delivery_channel) and a recorder status with is_enabled = true (aws_config_configuration_recorder_status) so that the history of configuration changes is kept. [Guideline 4.6.3.1 / JIS Q 27017 12.1.2]", Range: baselineRange("resource.tf", 1, 1, 1, 15)},
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsConfigRecorderEnabledRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}

func TestAwsConfigRecorderEnabledRule_CalledModule(t *testing.T) {
	rule := NewAwsConfigRecorderEnabledRule()
	cases := []struct {
		Name     string
		Content  string
		Expected helper.Issues
	}{
		{
			Name:     "a called module without a recorder is not reported",
			Content:  configProvider,
			Expected: helper.Issues{},
		},
		{
			// At a value that refers to a variable, which TFLint keeps.
			Name: "the settings of a recorder in a called module are still checked",
			Content: `
variable "global" {
  default = false
}

resource "aws_config_configuration_recorder" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::111122223333:role/config"

  recording_group {
    include_global_resource_types = var.global
  }
}`,
			Expected: helper.Issues{{Rule: rule, Message: configNoGlobalMsg("aws_config_configuration_recorder.main"), Range: baselineRange("main.tf", 11, 37, 11, 47)}},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			inner := runInCalledModule(t, NewAwsConfigRecorderEnabledRule(), tc.Content)
			helper.AssertIssues(t, tc.Expected, inner.Issues)
		})
	}
}

func TestAwsConfigRecorderEnabledRule_Fix(t *testing.T) {
	cases := []struct {
		Name     string
		Content  string
		Expected map[string]string
	}{
		{
			Name: "literal false global types become true",
			Content: `
resource "aws_config_configuration_recorder" "main" {
  role_arn = "arn:aws:iam::111122223333:role/config"

  recording_group {
    include_global_resource_types = false
  }
}`,
			Expected: map[string]string{"resource.tf": `
resource "aws_config_configuration_recorder" "main" {
  role_arn = "arn:aws:iam::111122223333:role/config"

  recording_group {
    include_global_resource_types = true
  }
}`},
		},
		{
			Name: "global types are not turned on when all_supported is false",
			Content: `
resource "aws_config_configuration_recorder" "main" {
  role_arn = "arn:aws:iam::111122223333:role/config"

  recording_group {
    all_supported                 = false
    include_global_resource_types = false
    resource_types                = ["AWS::EC2::Instance"]
  }
}`,
			Expected: map[string]string{},
		},
		{
			Name: "literal false recorder status becomes true",
			Content: `
resource "aws_config_configuration_recorder_status" "main" {
  name       = "main"
  is_enabled = false
}`,
			Expected: map[string]string{"resource.tf": `
resource "aws_config_configuration_recorder_status" "main" {
  name       = "main"
  is_enabled = true
}`},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsConfigRecorderEnabledRule(), map[string]string{"resource.tf": tc.Content}, nil)
			helper.AssertChanges(t, tc.Expected, runner.Changes())
		})
	}
}
