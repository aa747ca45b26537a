// Package lint is what a rule sees of a module: its metadata (name,
// severity, preset, cited guideline items, the resources it reads), a runner
// that reads each resource type once per module and shares it among rules,
// value evaluation that never reports on what cannot be known at lint time,
// and reporting with bilingual messages that end with their citation.
package lint
