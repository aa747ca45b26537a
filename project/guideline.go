package project

import (
	"fmt"
	"sort"
	"strings"
)

// Coverage says whether Terraform code can show that an item is met.
type Coverage string

const (
	// IaCYes means Terraform code can show the measure.
	IaCYes Coverage = "yes"
	// IaCPartly means Terraform code can show part of the measure.
	IaCPartly Coverage = "partly"
	// IaCNo means the measure is organisational; no rule can check it.
	IaCNo Coverage = "no"
)

// Item is one measure of chapter 4 of the guideline policy.
type Item struct {
	// ID is the project's stable identifier, e.g. "4.6.1.2" or "4.3.1.GC1".
	ID string
	// TitleJA is the Japanese title of the item.
	TitleJA string
	// TitleEN is the English title of the item.
	TitleEN string
	// Summary is what the item asks, in English.
	Summary string
	// Controls are the JIS Q 27017 (ISO/IEC 27017) controls behind the item.
	Controls []string
	// IaC says whether Terraform code can show the measure.
	IaC Coverage
	// ReasonJA and ReasonEN say, for "no" and "partly", why no rule (or only
	// part of one) can check the item.
	ReasonJA string
	ReasonEN string
}

var index = func() map[string]*Item {
	m := make(map[string]*Item, len(Catalogue))
	for i := range Catalogue {
		m[Catalogue[i].ID] = &Catalogue[i]
	}
	return m
}()

// Lookup returns the item with the given ID.
func Lookup(id string) (*Item, bool) {
	item, ok := index[id]
	return item, ok
}

// Cite formats the citation of the given items for a message, e.g.
// "[指針 4.6.1.1 / JIS Q 27017 10.1.1]" or "[Guideline 4.6.1.1 / JIS Q 27017 10.1.1]".
// Controls are listed once each, in the order the items name them. It panics
// on an ID missing from the catalogue: rule metadata is code, and a test over
// every rule keeps it valid.
func Cite(lang Language, ids ...string) string {
	controls := []string{}
	seen := map[string]bool{}
	for _, id := range ids {
		item, ok := Lookup(id)
		if !ok {
			panic(fmt.Sprintf("guideline item %q is not in the catalogue", id))
		}
		for _, c := range item.Controls {
			if !seen[c] {
				seen[c] = true
				controls = append(controls, c)
			}
		}
	}
	label := "指針"
	if lang == English {
		label = "Guideline"
	}
	cite := label + " " + strings.Join(ids, ", ")
	if len(controls) > 0 {
		cite += " / JIS Q 27017 " + strings.Join(controls, ", ")
	}
	return "[" + cite + "]"
}

// SortIDs sorts item IDs numerically (4.3.1.2 before 4.3.1.10), with the
// Government Cloud items of a subsection after its numbered bullets. The
// catalogue itself keeps the document's order, where each GC item follows
// the bullet it concerns.
func SortIDs(ids []string) {
	sort.SliceStable(ids, func(i, j int) bool { return lessID(ids[i], ids[j]) })
}

func lessID(a, b string) bool {
	pa, pb := strings.Split(a, "."), strings.Split(b, ".")
	for k := 0; k < len(pa) && k < len(pb); k++ {
		if pa[k] == pb[k] {
			continue
		}
		ka, kb := idKey(pa[k]), idKey(pb[k])
		if ka != kb {
			return ka < kb
		}
		return pa[k] < pb[k]
	}
	return len(pa) < len(pb)
}

// idKey orders a numbered part before a GC part: "3" → 3, "GC1" → 1001.
func idKey(part string) int {
	n, gc := 0, strings.HasPrefix(part, "GC")
	for _, r := range strings.TrimPrefix(part, "GC") {
		if r < '0' || r > '9' {
			return 1 << 30
		}
		n = n*10 + int(r-'0')
	}
	if gc {
		n += 1000
	}
	return n
}
