// Package policy reads IAM-style policy documents (AWS IAM, resource and key
// policies, and the documents of other providers that use the same JSON
// grammar) into one normal form, and answers the questions rules ask of
// them: does a statement grant administration, to whom, on what, and under
// which conditions. Parts that cannot be known at lint time stay unknown,
// and a malformed document is an error value, never a panic.
package policy
