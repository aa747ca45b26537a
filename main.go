// Command tflint-ruleset-lgcloud is the TFLint plugin that checks Terraform
// code against the cloud chapter of the MIC information security guideline
// for local governments. Run as `tflint-ruleset-lgcloud ledger [DIR]`, it
// prints the information-asset ledger of a configuration instead.
package main

import (
	"os"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/ledger"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules"
	"github.com/terraform-linters/tflint-plugin-sdk/plugin"
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == ledger.Command {
		os.Exit(ledger.Main(os.Args[2:], os.Stdout, os.Stderr))
	}
	plugin.Serve(&plugin.ServeOpts{RuleSet: rules.New()})
}
