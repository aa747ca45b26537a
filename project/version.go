package project

import "fmt"

// Version is the version of the ruleset. Release tags are "v" + Version.
const Version = "0.1.0"

// Repository is the home of the project.
const Repository = "https://github.com/lgcloud-jp/tflint-ruleset-lgcloud"

// ReferenceLink returns the link to a rule's docs page, pinned to the
// version tag so that the page matches the binary that reported the issue.
func ReferenceLink(ruleName string) string {
	return fmt.Sprintf("%s/blob/v%s/docs/rules/%s.md", Repository, Version, ruleName)
}
