// Command docgen writes the rules index (docs/rules/README.md), the
// guideline coverage matrix (docs/guideline.md) and the metadata rows of
// each rule page's summary table from the rules' own metadata and the
// guideline catalogue. `go generate ./...` runs it from the
// repository root; with -check it writes nothing and exits 1 when a
// committed file is stale.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules"
)

func main() {
	check := flag.Bool("check", false, "compare the committed files with the generated ones and exit 1 when they differ")
	flag.Parse()
	if err := run(*check); err != nil {
		fmt.Fprintln(os.Stderr, "docgen:", err)
		os.Exit(1)
	}
}

func run(check bool) error {
	root, err := FindRoot(".")
	if err != nil {
		return err
	}
	files, err := Render(rules.All(), project.Catalogue)
	if err != nil {
		return err
	}
	pages, err := RenderPages(root, rules.All())
	if err != nil {
		return err
	}
	files = append(files, pages...)
	if !check {
		return Write(root, files)
	}
	stale, err := Stale(root, files)
	if err != nil {
		return err
	}
	if len(stale) > 0 {
		for _, path := range stale {
			fmt.Fprintln(os.Stderr, "stale:", path)
		}
		return fmt.Errorf("docs are stale: run make generate")
	}
	return nil
}
