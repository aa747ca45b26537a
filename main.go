// Command tflint-ruleset-lgcloud is the TFLint plugin that checks Terraform
// code against the cloud chapter of the MIC information security guideline
// for local governments.
package main

import (
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules"
	"github.com/terraform-linters/tflint-plugin-sdk/plugin"
)

func main() {
	plugin.Serve(&plugin.ServeOpts{RuleSet: rules.New()})
}
