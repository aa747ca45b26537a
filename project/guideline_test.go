package project

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// documentOrder is the ID column of the guideline catalogue table
// (shared/guideline/items.md), top to bottom. The table follows chapter 4 of
// the policy, where each 【ガバメントクラウド個別事項】 follows the bullet it
// concerns.
var documentOrder = []string{
	"4.1.1.1",
	"4.1.2.1", "4.1.2.GC1",
	"4.2.1.1", "4.2.1.2", "4.2.1.3",
	"4.3.1.1", "4.3.1.2", "4.3.1.GC1", "4.3.1.3", "4.3.1.GC2", "4.3.1.4", "4.3.1.GC3",
	"4.4.1.1",
	"4.5.1.1", "4.5.1.2",
	"4.6.1.1", "4.6.1.2", "4.6.1.3", "4.6.1.4", "4.6.1.GC1", "4.6.1.5",
	"4.6.2.1", "4.6.2.2", "4.6.2.GC1", "4.6.2.3", "4.6.2.4",
	"4.6.3.1", "4.6.3.2", "4.6.3.3", "4.6.3.4",
	"4.6.4.1",
	"4.7.1.1", "4.7.1.2", "4.7.1.3", "4.7.1.4", "4.7.1.5", "4.7.1.6", "4.7.1.7",
	"4.7.2.1",
	"4.7.3.1",
	"4.8.1.1", "4.8.1.2", "4.8.1.3",
	"4.9.1.1", "4.9.1.2",
}

var idPattern = regexp.MustCompile(`^4\.[1-9]\.[1-9]\.([1-9]|GC[1-9])$`)

func catalogueIDs() []string {
	ids := make([]string, len(Catalogue))
	for i, item := range Catalogue {
		ids[i] = item.ID
	}
	return ids
}

// subsection returns the "4.<section>.<subsection>" part of an ID and its
// last part, e.g. "4.3.1" and "GC2" for "4.3.1.GC2".
func subsection(id string) (string, string) {
	i := strings.LastIndex(id, ".")
	return id[:i], id[i+1:]
}

func TestCatalogueIDs(t *testing.T) {
	if got, want := len(Catalogue), 46; got != want {
		t.Fatalf("len(Catalogue) = %d, want %d", got, want)
	}
	seen := map[string]bool{}
	for _, item := range Catalogue {
		if seen[item.ID] {
			t.Errorf("duplicate ID %q", item.ID)
		}
		seen[item.ID] = true
		if !idPattern.MatchString(item.ID) {
			t.Errorf("ID %q does not match %s", item.ID, idPattern)
		}
	}
	if got := catalogueIDs(); !slices.Equal(got, documentOrder) {
		t.Errorf("catalogue IDs are not the table's IDs in document order:\ngot  %q\nwant %q", got, documentOrder)
	}
}

// TestCatalogueNumbering checks that, within each subsection, the numbered
// bullets run 1, 2, 3, … and the Government Cloud items GC1, GC2, … in
// catalogue order, and that each subsection is one contiguous run.
func TestCatalogueNumbering(t *testing.T) {
	done := map[string]bool{}
	current := ""
	var bullets, gcs int
	for _, id := range catalogueIDs() {
		sub, last := subsection(id)
		if sub != current {
			if done[sub] {
				t.Errorf("%s: subsection %s appears again after other subsections", id, sub)
			}
			done[current] = true
			current, bullets, gcs = sub, 0, 0
		}
		if strings.HasPrefix(last, "GC") {
			gcs++
			if want := fmt.Sprintf("GC%d", gcs); last != want {
				t.Errorf("%s: want %s.%s here", id, sub, want)
			}
		} else {
			bullets++
			if want := fmt.Sprint(bullets); last != want {
				t.Errorf("%s: want %s.%s here", id, sub, want)
			}
		}
	}
}

// TestCatalogueOrderAgreesWithSortIDs checks the catalogue order against
// SortIDs. The document places each Government Cloud item right after the
// bullet it concerns (4.3.1.2, 4.3.1.GC1, 4.3.1.3, …), while SortIDs puts the
// GC items of a subsection after all its numbered bullets. So SortIDs on the
// catalogue's IDs must give the catalogue order with, in each subsection, the
// GC items moved behind the numbered bullets, and nothing else moved.
func TestCatalogueOrderAgreesWithSortIDs(t *testing.T) {
	ids := catalogueIDs()
	var want, gcs []string
	current := ""
	for _, id := range ids {
		sub, last := subsection(id)
		if sub != current {
			want, gcs = append(want, gcs...), nil
			current = sub
		}
		if strings.HasPrefix(last, "GC") {
			gcs = append(gcs, id)
		} else {
			want = append(want, id)
		}
	}
	want = append(want, gcs...)

	got := slices.Clone(ids)
	SortIDs(got)
	if !slices.Equal(got, want) {
		t.Errorf("SortIDs(catalogue IDs):\ngot  %q\nwant %q", got, want)
	}
	// Sorting the sorted list again changes nothing.
	again := slices.Clone(got)
	SortIDs(again)
	if !slices.Equal(again, got) {
		t.Errorf("SortIDs is not idempotent:\ngot  %q\nwant %q", again, got)
	}
}

func TestCatalogueFields(t *testing.T) {
	for _, item := range Catalogue {
		t.Run(item.ID, func(t *testing.T) {
			if item.TitleJA == "" || item.TitleEN == "" || item.Summary == "" {
				t.Errorf("empty title or summary: %+v", item)
			}
			if n := len(strings.Fields(item.TitleEN)); n < 3 || n > 8 {
				t.Errorf("TitleEN %q has %d words, want 3 to 8", item.TitleEN, n)
			}
			_, last := subsection(item.ID)
			gc := strings.HasPrefix(last, "GC")
			if got := strings.HasPrefix(item.TitleJA, "(GC) "); got != gc {
				t.Errorf("TitleJA %q: has (GC) prefix = %t, want %t", item.TitleJA, got, gc)
			}
			if got := strings.HasPrefix(item.TitleEN, "(GC) "); got != gc {
				t.Errorf("TitleEN %q: has (GC) prefix = %t, want %t", item.TitleEN, got, gc)
			}
			for _, c := range item.Controls {
				if c == "" || strings.TrimSpace(c) != c || strings.Contains(c, ",") {
					t.Errorf("malformed control %q in %q", c, item.Controls)
				}
			}
			switch item.IaC {
			case IaCYes:
				if item.ReasonJA != "" || item.ReasonEN != "" {
					t.Errorf("IaC yes item has a reason: %q / %q", item.ReasonJA, item.ReasonEN)
				}
			case IaCPartly, IaCNo:
				if item.ReasonJA == "" || item.ReasonEN == "" {
					t.Errorf("IaC %s item needs a reason in both languages: %q / %q", item.IaC, item.ReasonJA, item.ReasonEN)
				}
				if item.ReasonJA != "" && !strings.HasSuffix(item.ReasonJA, "。") {
					t.Errorf("ReasonJA does not end with 。: %q", item.ReasonJA)
				}
				if item.ReasonEN != "" && !strings.HasSuffix(item.ReasonEN, ".") {
					t.Errorf("ReasonEN does not end with a full stop: %q", item.ReasonEN)
				}
			default:
				t.Errorf("IaC = %q, want one of %q, %q, %q", item.IaC, IaCYes, IaCPartly, IaCNo)
			}
		})
	}
}

// TestCatalogueSpotChecks compares some items with the catalogue table
// (shared/guideline/items.md), which is not read here because it may be
// absent where the tests run.
func TestCatalogueSpotChecks(t *testing.T) {
	tests := []struct {
		id       string
		titleJA  string
		controls []string
		iac      Coverage
	}{
		{"4.1.1.1", "組織体制", []string{"6.1.1", "CLD.6.3.1", "6.1.3"}, IaCPartly},
		{"4.1.2.GC1", "(GC) インシデント報告", []string{"16.1.2"}, IaCNo},
		{"4.2.1.2", "ライフサイクル・終了時の返却/削除", []string{"CLD.8.1.5"}, IaCPartly},
		{"4.3.1.1", "マイナンバー利用事務系の分離", []string{"13.1.3", "CLD.9.5.1"}, IaCYes},
		{"4.3.1.GC1", "(GC) インターネット接続不可", []string{"13.1.3"}, IaCYes},
		{"4.3.1.3", "更新用DMZと通信制限", []string{"13.1.3", "12.6.1", "12.2.1"}, IaCYes},
		{"4.3.1.4", "管理コンソールへのアクセス", []string{"9.2.3", "9.4.2", "9.4.1", "12.4.3"}, IaCYes},
		{"4.3.1.GC3", "(GC) 同上", nil, IaCNo},
		{"4.4.1.1", "資源のセキュリティを保った処分", []string{"11.2.7"}, IaCNo},
		{"4.6.1.1", "マイナンバー利用事務系の暗号化", []string{"10.1.1"}, IaCYes},
		{"4.6.1.2", "機密情報の暗号化と暗号化消去", []string{"10.1.1", "10.1.2"}, IaCYes},
		{"4.6.1.GC1", "(GC) アクセスログ提供", nil, IaCNo},
		{"4.6.2.GC1", "(GC) テンプレートによる多要素認証", []string{"9.4.2"}, IaCNo},
		{"4.6.4.1", "技術的ぜい弱性の管理", []string{"12.6.1"}, IaCPartly},
		{"4.7.1.5", "ログの保護（改ざん防止）", []string{"12.4.2"}, IaCYes},
		{"4.7.1.6", "重要な操作の文書化", []string{"CLD.12.1.5"}, IaCPartly},
		{"4.7.2.1", "障害時の対応", []string{"16.1.1", "17.1.1"}, IaCNo},
		{"4.8.1.1", "役割・責任の合意（SLA）", []string{"15.1.2", "CLD.6.3.1"}, IaCNo},
		{"4.9.1.1", "遵守の証拠", []string{"18.2.1", "18.1.1"}, IaCNo},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			item, ok := Lookup(tt.id)
			if !ok {
				t.Fatalf("Lookup(%q) found nothing", tt.id)
			}
			if item.TitleJA != tt.titleJA {
				t.Errorf("TitleJA = %q, want %q", item.TitleJA, tt.titleJA)
			}
			if !slices.Equal(item.Controls, tt.controls) || (item.Controls == nil) != (tt.controls == nil) {
				t.Errorf("Controls = %#v, want %#v", item.Controls, tt.controls)
			}
			if item.IaC != tt.iac {
				t.Errorf("IaC = %q, want %q", item.IaC, tt.iac)
			}
		})
	}
}

func TestCite(t *testing.T) {
	tests := []struct {
		name string
		lang Language
		ids  []string
		want string
	}{
		{"one item ja", Japanese, []string{"4.6.1.1"}, "[指針 4.6.1.1 / JIS Q 27017 10.1.1]"},
		{"one item en", English, []string{"4.6.1.1"}, "[Guideline 4.6.1.1 / JIS Q 27017 10.1.1]"},
		{"overlapping controls ja", Japanese, []string{"4.3.1.1", "4.3.1.GC1"},
			"[指針 4.3.1.1, 4.3.1.GC1 / JIS Q 27017 13.1.3, CLD.9.5.1]"},
		{"overlapping controls en", English, []string{"4.6.1.1", "4.6.1.2"},
			"[Guideline 4.6.1.1, 4.6.1.2 / JIS Q 27017 10.1.1, 10.1.2]"},
		{"controls in the order the items name them", Japanese, []string{"4.3.1.GC1", "4.3.1.3", "4.3.1.1"},
			"[指針 4.3.1.GC1, 4.3.1.3, 4.3.1.1 / JIS Q 27017 13.1.3, 12.6.1, 12.2.1, CLD.9.5.1]"},
		{"no controls ja", Japanese, []string{"4.3.1.GC3"}, "[指針 4.3.1.GC3]"},
		{"no controls en", English, []string{"4.6.1.GC1"}, "[Guideline 4.6.1.GC1]"},
		{"with and without controls", English, []string{"4.6.1.4", "4.6.1.GC1"},
			"[Guideline 4.6.1.4, 4.6.1.GC1 / JIS Q 27017 12.4.1, 16.1.7]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Cite(tt.lang, tt.ids...); got != tt.want {
				t.Errorf("Cite(%q, %q) = %q, want %q", tt.lang, tt.ids, got, tt.want)
			}
		})
	}
}

func TestCiteUnknownIDPanics(t *testing.T) {
	tests := [][]string{
		{"4.9.9.9"},
		{"4.6.1.1", "4.6.1.99"},
		{""},
	}
	for _, ids := range tests {
		t.Run(strings.Join(ids, ","), func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Errorf("Cite(Japanese, %q) did not panic", ids)
				}
			}()
			got := Cite(Japanese, ids...)
			t.Errorf("Cite(Japanese, %q) = %q, want a panic", ids, got)
		})
	}
}

func TestSortIDs(t *testing.T) {
	tests := []struct {
		in, want []string
	}{
		{
			[]string{"4.6.1.GC1", "4.6.1.10", "4.6.1.2", "4.3.1.GC3", "4.3.1.4"},
			[]string{"4.3.1.4", "4.3.1.GC3", "4.6.1.2", "4.6.1.10", "4.6.1.GC1"},
		},
		{
			[]string{"4.3.1.GC2", "4.3.1.GC10", "4.3.1.GC1"},
			[]string{"4.3.1.GC1", "4.3.1.GC2", "4.3.1.GC10"},
		},
		{
			[]string{"4.3.1.GC1", "4.3.1.3", "4.3.1.2"},
			[]string{"4.3.1.2", "4.3.1.3", "4.3.1.GC1"},
		},
		{
			[]string{"4.10.1.1", "4.9.1.2", "4.9.1.1"},
			[]string{"4.9.1.1", "4.9.1.2", "4.10.1.1"},
		},
		{[]string{"4.7.1.3"}, []string{"4.7.1.3"}},
		{[]string{}, []string{}},
	}
	for _, tt := range tests {
		got := slices.Clone(tt.in)
		SortIDs(got)
		if !slices.Equal(got, tt.want) {
			t.Errorf("SortIDs(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLookup(t *testing.T) {
	item, ok := Lookup("4.6.1.2")
	if !ok {
		t.Fatal(`Lookup("4.6.1.2") found nothing`)
	}
	if item.ID != "4.6.1.2" || item.TitleJA != "機密情報の暗号化と暗号化消去" {
		t.Errorf(`Lookup("4.6.1.2") = %+v`, item)
	}
	if i := slices.IndexFunc(Catalogue, func(it Item) bool { return it.ID == "4.6.1.2" }); item != &Catalogue[i] {
		t.Errorf(`Lookup("4.6.1.2") does not point into Catalogue`)
	}
	for _, id := range []string{"4.6.1.99", "4.6.1.GC9", "4.10.1.1", "4.6.1", ""} {
		if item, ok := Lookup(id); ok || item != nil {
			t.Errorf("Lookup(%q) = %v, %t, want nil, false", id, item, ok)
		}
	}
	for _, id := range documentOrder {
		if _, ok := Lookup(id); !ok {
			t.Errorf("Lookup(%q) found nothing", id)
		}
	}
}
