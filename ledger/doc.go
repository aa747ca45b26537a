// Package ledger prints the information-asset ledger (情報資産台帳) of a
// Terraform configuration: one row for every data store that the root
// module and the local modules it calls declare, with its address, type,
// name, region, classification tags, encryption and key, and backup
// settings, as CSV or Markdown.
//
// It reads the configuration with the code the rules use: a Runner over
// the parsed files implements TFLint's runner interface (module content,
// provider content, expression evaluation with variables, locals and
// Terraform's common functions), so that the ruleset's own runner and the
// data-store table of rules/aws run on it unchanged. What it cannot
// evaluate is unknown, and the ledger says so.
package ledger
