package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// The issue asks for at least 200 module calls and 10,000 resources at 1×;
// 10× must hold ten times the resources in as many calls.
func TestSizes(t *testing.T) {
	one, err := newPlan(200, 1).resources()
	if err != nil {
		t.Fatal(err)
	}
	ten, err := newPlan(200, 10).resources()
	if err != nil {
		t.Fatal(err)
	}
	if one < 10000 {
		t.Errorf("1×: %d resources, want at least 10,000", one)
	}
	if ten < 10*one-100 || ten > 10*one {
		t.Errorf("10×: %d resources, want about ten times %d", ten, one)
	}
	kinds := map[string]int{}
	for _, s := range newPlan(200, 1).systems {
		kinds[s.segment]++
	}
	for _, segment := range []string{"mynumber", "lgwan", "internet", "dmz"} {
		if kinds[segment] == 0 {
			t.Errorf("no system in the %s segment", segment)
		}
	}
}

// Every file written parses, and the copies of a module's resources have
// names of their own.
func TestWrittenFilesParse(t *testing.T) {
	dir := t.TempDir()
	if err := write(dir, newPlan(16, 3)); err != nil {
		t.Fatal(err)
	}
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".tf") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		file, diags := hclsyntax.ParseConfig(src, path, hcl.InitialPos)
		if diags.HasErrors() {
			t.Errorf("%s: %s", path, diags)
			return nil
		}
		seen := map[string]bool{}
		for _, block := range file.Body.(*hclsyntax.Body).Blocks {
			if block.Type != "resource" && block.Type != "data" && block.Type != "module" {
				continue
			}
			addr := block.Type + "." + strings.Join(block.Labels, ".")
			if seen[addr] {
				t.Errorf("%s: %s declared twice", path, addr)
			}
			seen[addr] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
