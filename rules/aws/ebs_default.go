package aws

import (
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/zclconf/go-cty/cty"
)

// ebsByDefaultRead is the read every EBS rule declares: an
// aws_ebs_encryption_by_default resource turns encryption on for every new
// volume of the account and region.
var ebsByDefaultRead = lint.Reads{
	"aws_ebs_encryption_by_default": {Attributes: []hclext.AttributeSchema{{Name: "enabled"}}},
}

// withEBSByDefault adds the EBS encryption-by-default read to a rule's reads.
func withEBSByDefault(reads lint.Reads) lint.Reads {
	for ty, schema := range ebsByDefaultRead {
		reads[ty] = schema
	}
	return reads
}

// volumeDefault is what an absent `encrypted` means for one EBS volume: a
// volume created from a snapshot (snapshot_id) is encrypted when the
// snapshot is, which the code does not show.
func volumeDefault(runner *lint.Runner, body *hclext.BodyContent, account lint.Default) lint.Default {
	if account == lint.DefaultFails && inheritsEncryption(runner, body, "snapshot_id") {
		return lint.DefaultUnknown
	}
	return account
}

// ebsDefault says what an absent `encrypted` means for a new EBS volume of
// the module being checked: it fails unless an aws_ebs_encryption_by_default
// in the module turns encryption on ("enabled" defaults to true); such a
// resource whose flag cannot be known makes the default unknown. The root
// module's setting is not read for a called module: a finding on an absent
// attribute inside a called module is not kept by TFLint anyway, and a
// module linted on its own (--recursive) cannot rely on its callers.
func ebsDefault(runner *lint.Runner, rule lint.Rule) (lint.Default, error) {
	resources, err := runner.Resources(rule, "aws_ebs_encryption_by_default")
	if err != nil {
		return lint.DefaultFails, err
	}
	outcome := lint.DefaultFails
	for _, res := range resources {
		enabled := runner.Attr(res.Body, "enabled", cty.Bool)
		switch {
		case enabled.IsAbsent() || enabled.IsTrue():
			return lint.DefaultPasses, nil
		case enabled.IsUnknown():
			outcome = lint.DefaultUnknown
		}
	}
	return outcome, nil
}
