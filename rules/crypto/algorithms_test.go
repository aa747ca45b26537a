package crypto

import (
	"slices"
	"testing"
)

// wantLevels states, for every algorithm of the table, the level the
// CRYPTREC Ciphers List gives it.
var wantLevels = map[string]Level{
	"DSA":               Recommended,
	"ECDSA":             Recommended,
	"RSA-PSS":           Recommended,
	"RSASSA-PKCS1-v1_5": Recommended,
	"RSA-OAEP":          Recommended,
	"DH":                Recommended,
	"ECDH":              Recommended,
	"3-key Triple DES":  Recommended,
	"AES":               Recommended,
	"Camellia":          Recommended,
	"KCipher-2":         Recommended,
	"SHA-256":           Recommended,
	"SHA-384":           Recommended,
	"SHA-512":           Recommended,
	"CBC":               Recommended,
	"CFB":               Recommended,
	"CTR":               Recommended,
	"OFB":               Recommended,
	"CCM":               Recommended,
	"GCM":               Recommended,
	"CMAC":              Recommended,
	"HMAC":              Recommended,
	"ISO/IEC 9798-2":    Recommended,
	"ISO/IEC 9798-3":    Recommended,
	"EdDSA":             Recommended,
	"RSAES-PKCS1-v1_5":  Monitored,
	"128-bit RC4":       Monitored,
	"SHA-1":             Monitored,
	"MD5":               NotListed,
	"SHA-224":           NotListed,
	"DES":               NotListed,
	"ChaCha20-Poly1305": NotListed,
	"SM2":               NotListed,
	"ML-DSA":            NotListed,
}

func TestAlgorithms(t *testing.T) {
	seen := map[string]bool{}
	for _, a := range Algorithms {
		t.Run(a.Name, func(t *testing.T) {
			if seen[a.Name] {
				t.Fatalf("%s is in the table twice", a.Name)
			}
			seen[a.Name] = true
			want, ok := wantLevels[a.Name]
			if !ok {
				t.Fatalf("the test states no level for %s", a.Name)
			}
			if a.Level != want {
				t.Errorf("level = %v, want %v", a.Level, want)
			}
			checkSource(t, a.Source)
			for _, name := range append([]string{a.Name}, a.Aliases...) {
				got, ok := LookupAlgorithm(name)
				if !ok || got.Name != a.Name {
					t.Errorf("LookupAlgorithm(%q) = %q, %v; want %q", name, got.Name, ok, a.Name)
				}
			}
		})
	}
	for name := range wantLevels {
		if !seen[name] {
			t.Errorf("%s is expected but not in the table", name)
		}
	}
}

func TestRecommendedAlgorithmsComeFromTheCitedList(t *testing.T) {
	for _, a := range Algorithms {
		if a.Level == Recommended && a.Source.Document != CRYPTRECList && a.Source.Document != CRYPTRECList2023 {
			t.Errorf("%s is recommended by %s, not by a CRYPTREC list", a.Name, a.Source.Document.ID)
		}
	}
}

func TestLookupAlgorithmIgnoresCaseAndRejectsUnknownNames(t *testing.T) {
	cases := []struct {
		Name string
		Want string
		OK   bool
	}{
		{Name: "aes", Want: "AES", OK: true},
		{Name: "sha1", Want: "SHA-1", OK: true},
		{Name: "3des", Want: "3-key Triple DES", OK: true},
		{Name: "ecdhe", Want: "ECDH", OK: true},
		{Name: "Blowfish", OK: false},
		{Name: "", OK: false},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			got, ok := LookupAlgorithm(tc.Name)
			if ok != tc.OK || got.Name != tc.Want {
				t.Errorf("LookupAlgorithm(%q) = %q, %v; want %q, %v", tc.Name, got.Name, ok, tc.Want, tc.OK)
			}
		})
	}
}

// checkSource fails a test whose entry does not name a document of the
// package and a section of it.
func checkSource(t *testing.T, s Source) {
	t.Helper()
	if !slices.Contains(Documents, s.Document) {
		t.Errorf("source document %q is not in Documents", s.Document.ID)
	}
	if s.Document.Title == "" || s.Section == "" {
		t.Errorf("source %q lacks a title or a section", s.String())
	}
}
