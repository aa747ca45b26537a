// Package project holds what identifies the ruleset: its version, the links
// to its docs, the message languages, and the catalogue of guideline items
// that every rule cites.
package project
