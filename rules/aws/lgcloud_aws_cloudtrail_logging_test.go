package aws

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// auditIssue is an expected finding of the audit-log rules in resource.tf.
func auditIssue(rule tflint.Rule, msg string, startLine, startCol, endLine, endCol int) *helper.Issue {
	return &helper.Issue{
		Rule:    rule,
		Message: msg,
		Range: hcl.Range{
			Filename: "resource.tf",
			Start:    hcl.Pos{Line: startLine, Column: startCol},
			End:      hcl.Pos{Line: endLine, Column: endCol},
		},
	}
}

const trailCite = " [指針 4.7.1.2, 4.7.1.3 / JIS Q 27017 12.4.1, 12.4.3]"

func TestAwsCloudtrailLoggingRule(t *testing.T) {
	rule := NewAwsCloudtrailLoggingRule()
	var (
		loggingOff   = "CloudTrail aws_cloudtrail.main のログ記録が停止されています。enable_logging = true を設定してください。" + trailCite
		singleRegion = "CloudTrail aws_cloudtrail.main は作成したリージョンの操作しか記録しません。すべてのリージョンの操作を記録するよう、is_multi_region_trail = true を設定してください。" + trailCite
		globalOff    = "CloudTrail aws_cloudtrail.main が IAM などグローバルサービスのイベントを記録しません。include_global_service_events = true を設定してください。" + trailCite
		noManagement = "CloudTrail aws_cloudtrail.main の event_selector が管理イベントを記録しません。特権的な操作を記録するため、include_management_events = true を設定してください。" + trailCite
		advancedMiss = "CloudTrail aws_cloudtrail.main の advanced_event_selector が管理イベントの読み取りと書き込みの両方を記録しません。eventCategory が Management で readOnly を絞り込まないセレクタを加えてください。" + trailCite
	)
	readWrite := func(value string) string {
		return "CloudTrail aws_cloudtrail.main の event_selector が管理イベントの一部しか記録しません（read_write_type = \"" + value + "\"）。read_write_type = \"All\" を設定してください。" + trailCite
	}

	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "multi-region trail with the defaults logs every management event",
			Content: `
resource "aws_cloudtrail" "main" {
  name                  = "main"
  s3_bucket_name        = "trail-logs"
  is_multi_region_trail = true
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "every setting written out passes",
			Content: `
resource "aws_cloudtrail" "main" {
  name                          = "main"
  s3_bucket_name                = "trail-logs"
  enable_logging                = true
  is_multi_region_trail         = true
  include_global_service_events = true

  event_selector {
    read_write_type           = "All"
    include_management_events = true
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "absent is_multi_region_trail takes the default false and is reported at the resource",
			Content: `
resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = "trail-logs"
}`,
			Expected: helper.Issues{auditIssue(rule, singleRegion, 2, 1, 2, 33)},
		},
		{
			Name: "is_multi_region_trail false is reported at the value",
			Content: `
resource "aws_cloudtrail" "main" {
  name                  = "main"
  s3_bucket_name        = "trail-logs"
  is_multi_region_trail = false
}`,
			Expected: helper.Issues{auditIssue(rule, singleRegion, 5, 27, 5, 32)},
		},
		{
			Name: "enable_logging false is reported at the value",
			Content: `
resource "aws_cloudtrail" "main" {
  name                  = "main"
  s3_bucket_name        = "trail-logs"
  is_multi_region_trail = true
  enable_logging        = false
}`,
			Expected: helper.Issues{auditIssue(rule, loggingOff, 6, 27, 6, 32)},
		},
		{
			Name: "include_global_service_events false is reported at the value",
			Content: `
resource "aws_cloudtrail" "main" {
  name                          = "main"
  s3_bucket_name                = "trail-logs"
  is_multi_region_trail         = true
  include_global_service_events = false
}`,
			Expected: helper.Issues{auditIssue(rule, globalOff, 6, 35, 6, 40)},
		},
		{
			Name: "event selector without management events is reported at include_management_events",
			Content: `
resource "aws_cloudtrail" "main" {
  name                  = "main"
  s3_bucket_name        = "trail-logs"
  is_multi_region_trail = true

  event_selector {
    include_management_events = false

    data_resource {
      type   = "AWS::S3::Object"
      values = ["arn:aws:s3"]
    }
  }
}`,
			Expected: helper.Issues{auditIssue(rule, noManagement, 8, 33, 8, 38)},
		},
		{
			Name: "event selector logging only writes is reported at read_write_type",
			Content: `
resource "aws_cloudtrail" "main" {
  name                  = "main"
  s3_bucket_name        = "trail-logs"
  is_multi_region_trail = true

  event_selector {
    read_write_type = "WriteOnly"
  }
}`,
			Expected: helper.Issues{auditIssue(rule, readWrite("WriteOnly"), 8, 23, 8, 34)},
		},
		{
			Name: "event selector without read_write_type takes the default All",
			Content: `
resource "aws_cloudtrail" "main" {
  name                  = "main"
  s3_bucket_name        = "trail-logs"
  is_multi_region_trail = true

  event_selector {
    data_resource {
      type   = "AWS::Lambda::Function"
      values = ["arn:aws:lambda"]
    }
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "a read-only and a write-only selector together log every management event",
			Content: `
resource "aws_cloudtrail" "main" {
  name                  = "main"
  s3_bucket_name        = "trail-logs"
  is_multi_region_trail = true

  event_selector {
    read_write_type = "ReadOnly"
  }

  event_selector {
    read_write_type = "WriteOnly"
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "advanced selector for management events without readOnly passes",
			Content: `
resource "aws_cloudtrail" "main" {
  name                  = "main"
  s3_bucket_name        = "trail-logs"
  is_multi_region_trail = true

  advanced_event_selector {
    name = "management"
    field_selector {
      field  = "eventCategory"
      equals = ["Management"]
    }
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "advanced selector excluding KMS events still counts as every management event",
			Content: `
resource "aws_cloudtrail" "main" {
  name                  = "main"
  s3_bucket_name        = "trail-logs"
  is_multi_region_trail = true

  advanced_event_selector {
    field_selector {
      field  = "eventCategory"
      equals = ["Management"]
    }
    field_selector {
      field      = "eventSource"
      not_equals = ["kms.amazonaws.com"]
    }
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "advanced selector for read-only management events is reported at the selector",
			Content: `
resource "aws_cloudtrail" "main" {
  name                  = "main"
  s3_bucket_name        = "trail-logs"
  is_multi_region_trail = true

  advanced_event_selector {
    field_selector {
      field  = "eventCategory"
      equals = ["Management"]
    }
    field_selector {
      field  = "readOnly"
      equals = ["true"]
    }
  }
}`,
			Expected: helper.Issues{auditIssue(rule, advancedMiss, 7, 3, 7, 26)},
		},
		{
			Name: "advanced selectors for reads and for writes together pass",
			Content: `
resource "aws_cloudtrail" "main" {
  name                  = "main"
  s3_bucket_name        = "trail-logs"
  is_multi_region_trail = true

  advanced_event_selector {
    field_selector {
      field  = "eventCategory"
      equals = ["Management"]
    }
    field_selector {
      field  = "readOnly"
      equals = ["true"]
    }
  }

  advanced_event_selector {
    field_selector {
      field  = "eventCategory"
      equals = ["Management"]
    }
    field_selector {
      field      = "readOnly"
      not_equals = ["true"]
    }
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "advanced selectors for data events only are reported at the first selector",
			Content: `
resource "aws_cloudtrail" "main" {
  name                  = "main"
  s3_bucket_name        = "trail-logs"
  is_multi_region_trail = true

  advanced_event_selector {
    field_selector {
      field  = "eventCategory"
      equals = ["Data"]
    }
    field_selector {
      field  = "resources.type"
      equals = ["AWS::S3::Object"]
    }
  }
}`,
			Expected: helper.Issues{auditIssue(rule, advancedMiss, 7, 3, 7, 26)},
		},
		{
			Name: "advanced selector narrowed by event name does not count",
			Content: `
resource "aws_cloudtrail" "main" {
  name                  = "main"
  s3_bucket_name        = "trail-logs"
  is_multi_region_trail = true

  advanced_event_selector {
    field_selector {
      field  = "eventCategory"
      equals = ["Management"]
    }
    field_selector {
      field  = "eventName"
      equals = ["ConsoleLogin"]
    }
  }
}`,
			Expected: helper.Issues{auditIssue(rule, advancedMiss, 7, 3, 7, 26)},
		},
		{
			Name: "data-event trail beside a trail that logs every management event is not reported",
			Content: `
resource "aws_cloudtrail" "management" {
  name                  = "management"
  s3_bucket_name        = "trail-logs"
  is_multi_region_trail = true
}

resource "aws_cloudtrail" "main" {
  name           = "data"
  s3_bucket_name = "trail-logs"

  event_selector {
    include_management_events = false

    data_resource {
      type   = "AWS::S3::Object"
      values = ["arn:aws:s3:::records/"]
    }
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "data-event trail alone is reported for what it leaves out",
			Content: `
resource "aws_cloudtrail" "main" {
  name           = "data"
  s3_bucket_name = "trail-logs"

  event_selector {
    include_management_events = false
  }
}`,
			Expected: helper.Issues{
				auditIssue(rule, singleRegion, 2, 1, 2, 33),
				auditIssue(rule, noManagement, 7, 33, 7, 38),
			},
		},
		{
			Name: "a paused trail is reported even beside a trail that logs everything",
			Content: `
resource "aws_cloudtrail" "management" {
  name                  = "management"
  s3_bucket_name        = "trail-logs"
  is_multi_region_trail = true
}

resource "aws_cloudtrail" "main" {
  name           = "data"
  s3_bucket_name = "trail-logs"
  enable_logging = false
}`,
			Expected: helper.Issues{auditIssue(rule, loggingOff, 11, 20, 11, 25)},
		},
		{
			Name: "a paused trail does not cover another",
			Content: `
resource "aws_cloudtrail" "management" {
  name                  = "management"
  s3_bucket_name        = "trail-logs"
  is_multi_region_trail = true
  enable_logging        = false
}

resource "aws_cloudtrail" "main" {
  name           = "regional"
  s3_bucket_name = "trail-logs"
}`,
			Expected: helper.Issues{
				auditIssue(rule, "CloudTrail aws_cloudtrail.management のログ記録が停止されています。enable_logging = true を設定してください。"+trailCite, 6, 27, 6, 32),
				auditIssue(rule, singleRegion, 9, 1, 9, 33),
			},
		},
		{
			Name: "false from a variable default is reported at the reference",
			Content: `
variable "multi_region" {
  default = false
}

resource "aws_cloudtrail" "main" {
  name                  = "main"
  s3_bucket_name        = "trail-logs"
  is_multi_region_trail = var.multi_region
}`,
			Expected: helper.Issues{auditIssue(rule, singleRegion, 9, 27, 9, 43)},
		},
		{
			Name: "variable without default is unknown and not reported",
			Content: `
variable "multi_region" {
  type = bool
}

resource "aws_cloudtrail" "main" {
  name                  = "main"
  s3_bucket_name        = "trail-logs"
  is_multi_region_trail = var.multi_region
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "variable without default is named by a strict notice",
			Content: `
variable "multi_region" {
  type = bool
}

resource "aws_cloudtrail" "main" {
  name                  = "main"
  s3_bucket_name        = "trail-logs"
  is_multi_region_trail = var.multi_region
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				auditIssue(linttest.Notice(rule), "strict: CloudTrail の記録するリージョンを確認できません。is_multi_region_trail: lint 時に値が決まりません。"+trailCite, 9, 27, 9, 43),
			},
		},
		{
			Name: "unknown read_write_type is not reported",
			Content: `
variable "read_write_type" {
  type = string
}

resource "aws_cloudtrail" "main" {
  name                  = "main"
  s3_bucket_name        = "trail-logs"
  is_multi_region_trail = true

  event_selector {
    read_write_type = var.read_write_type
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "unknown read_write_type is named by a strict notice",
			Content: `
variable "read_write_type" {
  type = string
}

resource "aws_cloudtrail" "main" {
  name                  = "main"
  s3_bucket_name        = "trail-logs"
  is_multi_region_trail = true

  event_selector {
    read_write_type = var.read_write_type
  }
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				auditIssue(linttest.Notice(rule), "strict: CloudTrail の管理イベントの記録を確認できません。read_write_type: lint 時に値が決まりません。"+trailCite, 12, 23, 12, 42),
			},
		},
		{
			Name: "unknown readOnly values of an advanced selector are not reported",
			Content: `
variable "read_only" {
  type = list(string)
}

resource "aws_cloudtrail" "main" {
  name                  = "main"
  s3_bucket_name        = "trail-logs"
  is_multi_region_trail = true

  advanced_event_selector {
    field_selector {
      field  = "eventCategory"
      equals = ["Management"]
    }
    field_selector {
      field  = "readOnly"
      equals = var.read_only
    }
  }
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "a multi-region flag from a resource attribute is not reported",
			Content: `
resource "aws_cloudtrail" "main" {
  name                  = "main"
  s3_bucket_name        = "trail-logs"
  is_multi_region_trail = aws_cloudtrail.other.is_multi_region_trail
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "English message",
			Content: `
resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = "trail-logs"
}`,
			Config: linttest.English(),
			Expected: helper.Issues{
				auditIssue(rule, "CloudTrail aws_cloudtrail.main logs only the region it is created in; set is_multi_region_trail = true so that it logs every region. [Guideline 4.7.1.2, 4.7.1.3 / JIS Q 27017 12.4.1, 12.4.3]", 2, 1, 2, 33),
			},
		},
	}

	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsCloudtrailLoggingRule(), map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}

func TestAwsCloudtrailLoggingRule_Fix(t *testing.T) {
	cases := []struct {
		Name     string
		Content  string
		Expected map[string]string
	}{
		{
			Name: "literal false flags become true",
			Content: `
resource "aws_cloudtrail" "main" {
  name                          = "main"
  s3_bucket_name                = "trail-logs"
  enable_logging                = false
  is_multi_region_trail         = false
  include_global_service_events = false

  event_selector {
    include_management_events = false
  }
}`,
			Expected: map[string]string{"resource.tf": `
resource "aws_cloudtrail" "main" {
  name                          = "main"
  s3_bucket_name                = "trail-logs"
  enable_logging                = true
  is_multi_region_trail         = true
  include_global_service_events = true

  event_selector {
    include_management_events = true
  }
}`},
		},
		{
			Name: "read_write_type and a missing flag are not changed",
			Content: `
resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = "trail-logs"

  event_selector {
    read_write_type = "ReadOnly"
  }
}`,
			Expected: map[string]string{},
		},
		{
			Name: "false from a variable is not changed",
			Content: `
variable "enabled" {
  default = false
}

resource "aws_cloudtrail" "main" {
  name                  = "main"
  s3_bucket_name        = "trail-logs"
  is_multi_region_trail = true
  enable_logging        = var.enabled
}`,
			Expected: map[string]string{},
		},
	}

	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, NewAwsCloudtrailLoggingRule(), map[string]string{"resource.tf": tc.Content}, nil)
			helper.AssertChanges(t, tc.Expected, runner.Changes())
		})
	}
}
