package aws

import "testing"

// TestRepositoryFilterMatches pins ECR's filter semantics: without a
// wildcard a filter matches the names that contain it; with one, the whole
// name.
func TestRepositoryFilterMatches(t *testing.T) {
	names := []string{"prod", "repo-prod", "prod-repo", "repo-prod-repo", "prodrepo"}
	cases := []struct {
		Filter string
		Want   []bool // for each of names
	}{
		{"prod", []bool{true, true, true, true, true}},
		{"*prod", []bool{true, true, false, false, false}},
		{"prod*", []bool{true, false, true, false, true}},
		{"*prod*", []bool{true, true, true, true, true}},
		{"prod*repo", []bool{false, false, true, false, true}},
		{"*", []bool{true, true, true, true, true}},
		{"tax", []bool{false, false, false, false, false}},
	}
	for _, tc := range cases {
		for i, name := range names {
			if got := repositoryFilterMatches(tc.Filter, name); got != tc.Want[i] {
				t.Errorf("filter %q on %q = %v, want %v", tc.Filter, name, got, tc.Want[i])
			}
		}
	}
}
