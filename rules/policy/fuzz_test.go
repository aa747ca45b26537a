package policy_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/policy"
)

// FuzzParse reads arbitrary text as a policy document. Seeds are the files
// under testdata/fuzz/FuzzParse: real-world policies and broken ones.
func FuzzParse(f *testing.F) {
	f.Fuzz(func(t *testing.T, text string) {
		d, err := policy.Parse(text, nil)
		if err != nil {
			if !errors.Is(err, policy.ErrMalformed) {
				t.Fatalf("Parse error %v does not wrap ErrMalformed", err)
			}
			if d != nil {
				t.Fatalf("Parse returned a document with an error")
			}
			return
		}
		if d == nil {
			t.Fatalf("Parse returned neither a document nor an error")
		}
		if !json.Valid([]byte(text)) {
			t.Fatalf("Parse accepted text that is not one JSON value")
		}
		canonical := d.Canonical()
		askEverything(d)

		again, err := policy.Parse(text, nil)
		if err != nil {
			t.Fatalf("second Parse failed: %v", err)
		}
		if got := again.Canonical(); got != canonical {
			t.Fatalf("the same text reads differently:\n%s\n%s", canonical, got)
		}
	})
}

// askEverything asks every question of the document; none may panic.
func askEverything(d *policy.Document) {
	d.DeniesWithoutMFA()
	for _, s := range d.Statements {
		s.IsAllow()
		s.IsDeny()
		s.Privilege()
		s.RequiresMFA()
		s.SourceConditions()
		s.HasCondition("aws:PrincipalOrgID", "sts:ExternalId")
		s.IsPublic()
		s.OpensToPublic()
		s.Allows("iam:CreateUser")
		for _, p := range s.Principals {
			p.Kind()
		}
		for _, p := range s.NotPrincipals {
			p.Kind()
		}
	}
}

// FuzzMatch compares Match with a plain dynamic-programming matcher.
func FuzzMatch(f *testing.F) {
	for _, seed := range [][2]string{
		{"*", ""},
		{"", ""},
		{"s3:Get*", "s3:GetObject"},
		{"a*b*c", "axxbyyc"},
		{"*aab", "aaaab"},
		{"?*?", "ab"},
		{"arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket/key"},
		{"IAM:Create*", "iam:createuser"},
		{"???", "日"},
	} {
		f.Add(seed[0], seed[1])
	}
	f.Fuzz(func(t *testing.T, pattern, s string) {
		for _, fold := range []bool{false, true} {
			got := policy.Match(pattern, s, fold)
			if !strings.ContainsAny(pattern, "*?") && !policy.Match(pattern, pattern, fold) {
				t.Fatalf("Match(%q, itself, %v) = false", pattern, fold)
			}
			if !policy.Match("*", s, fold) {
				t.Fatalf("Match(\"*\", %q, %v) = false", s, fold)
			}
			if len(pattern)*len(s) > 1<<20 {
				continue
			}
			p, str := pattern, s
			if fold {
				p, str = strings.ToLower(p), strings.ToLower(str)
			}
			if want := matchDP(p, str); got != want {
				t.Fatalf("Match(%q, %q, %v) = %v, want %v", pattern, s, fold, got, want)
			}
		}
	})
}

// matchDP is the reference matcher: '*' matches any run of characters and
// '?' one character, decided by dynamic programming over prefixes.
func matchDP(patternText, text string) bool {
	pattern, s := []rune(patternText), []rune(text)
	// ok[j] says whether the pattern so far matches s[:j].
	ok := make([]bool, len(s)+1)
	ok[0] = true
	for i := 0; i < len(pattern); i++ {
		next := make([]bool, len(s)+1)
		switch pattern[i] {
		case '*':
			reached := false
			for j := 0; j <= len(s); j++ {
				reached = reached || ok[j]
				next[j] = reached
			}
		default:
			for j := 1; j <= len(s); j++ {
				next[j] = ok[j-1] && (pattern[i] == '?' || pattern[i] == s[j-1])
			}
		}
		ok = next
	}
	return ok[len(s)]
}
