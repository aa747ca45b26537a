// Package rules is the ruleset: the registry of every rule, the presets that
// enable them, the plugin configuration and the per-rule severity override,
// and the runner each check receives.
package rules
