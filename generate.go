package main

// The rules index (docs/rules/README.md) and the guideline coverage matrix
// (docs/guideline.md) are generated from the rules' metadata.
//go:generate go run ./tools/docgen
