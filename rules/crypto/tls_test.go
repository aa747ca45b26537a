package crypto

import "testing"

func TestVersions(t *testing.T) {
	want := map[Version]bool{SSL30: false, TLS10: false, TLS11: false, TLS12: true, TLS13: true}
	for _, e := range Versions {
		t.Run(e.Name, func(t *testing.T) {
			if e.Acceptable != want[e.Version] {
				t.Errorf("acceptable = %v, want %v", e.Acceptable, want[e.Version])
			}
			if got := e.Version.Judge().OK; got != want[e.Version] {
				t.Errorf("Judge().OK = %v, want %v", got, want[e.Version])
			}
			if e.Version.String() != e.Name {
				t.Errorf("String() = %q, want %q", e.Version.String(), e.Name)
			}
			if e.Source.Document != TLSGuideline {
				t.Errorf("source = %s, want the TLS guideline", e.Source.Document.ID)
			}
			checkSource(t, e.Source)
		})
	}
	if len(Versions) != len(want) {
		t.Errorf("the table has %d versions, the test states %d", len(Versions), len(want))
	}
}

func TestVersionJudgeNamesTheVersion(t *testing.T) {
	cases := []struct {
		Name    string
		Version Version
		WantEN  string
	}{
		{Name: "TLS 1.0 is named", Version: TLS10, WantEN: "it accepts TLS 1.0"},
		{Name: "SSL 3.0 is named", Version: SSL30, WantEN: "it accepts SSL 3.0"},
		{Name: "the zero version is unknown", Version: 0, WantEN: "the protocol version is unknown"},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			v := tc.Version.Judge()
			if v.OK || v.Why.EN != tc.WantEN || v.Why.JA == "" {
				t.Errorf("Judge() = %v %q (ja %q), want a rejection %q", v.OK, v.Why.EN, v.Why.JA, tc.WantEN)
			}
		})
	}
	if MinTLS.String() != "TLS 1.2" {
		t.Errorf("MinTLS = %s, want TLS 1.2", MinTLS)
	}
}

// wantSuites states the level of every cipher suite of the table, by the
// weakest of its algorithms.
var wantSuites = map[string]Level{
	"TLS_AES_128_GCM_SHA256":                        Recommended,
	"TLS_AES_256_GCM_SHA384":                        Recommended,
	"TLS_CHACHA20_POLY1305_SHA256":                  NotListed,
	"TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256":       Recommended,
	"TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384":       Recommended,
	"TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256":       Recommended,
	"TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384":       Recommended,
	"TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA":          Monitored,
	"TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA":          Monitored,
	"TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256": NotListed,
	"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256":         Recommended,
	"TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384":         Recommended,
	"TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256":         Recommended,
	"TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384":         Recommended,
	"TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA":            Monitored,
	"TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA":            Monitored,
	"TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256":   NotListed,
	"TLS_RSA_WITH_AES_128_GCM_SHA256":               Monitored,
	"TLS_RSA_WITH_AES_256_GCM_SHA384":               Monitored,
	"TLS_RSA_WITH_AES_128_CBC_SHA256":               Monitored,
	"TLS_RSA_WITH_AES_256_CBC_SHA256":               Monitored,
	"TLS_RSA_WITH_AES_128_CBC_SHA":                  Monitored,
	"TLS_RSA_WITH_AES_256_CBC_SHA":                  Monitored,
	"TLS_RSA_WITH_3DES_EDE_CBC_SHA":                 Monitored,
	"TLS_RSA_WITH_RC4_128_MD5":                      NotListed,
}

func TestSuites(t *testing.T) {
	for _, s := range Suites {
		t.Run(s.Name, func(t *testing.T) {
			want, ok := wantSuites[s.Name]
			if !ok {
				t.Fatalf("the test states no level for %s", s.Name)
			}
			if got := s.Level(); got != want {
				t.Errorf("level = %v (components %v), want %v", got, s.Components(), want)
			}
			for _, c := range s.Components() {
				if _, ok := LookupAlgorithm(c); !ok {
					t.Errorf("component %q is not in the algorithm table", c)
				}
			}
			checkSource(t, s.Source)
			for _, name := range []string{s.Name, s.OpenSSL} {
				if name == "" {
					continue
				}
				if got, ok := LookupSuite(name); !ok || got.Name != s.Name {
					t.Errorf("LookupSuite(%q) = %q, %v", name, got.Name, ok)
				}
			}
		})
	}
	if len(Suites) != len(wantSuites) {
		t.Errorf("the table has %d suites, the test states %d", len(Suites), len(wantSuites))
	}
	if _, ok := LookupSuite("TLS_NULL_WITH_NULL_NULL"); ok {
		t.Error("LookupSuite found a suite the table does not hold")
	}
}

func TestSuiteComponents(t *testing.T) {
	cases := []struct {
		Name  string
		Suite string
		Want  []string
	}{
		{Name: "RSA key transport uses RSAES-PKCS1-v1_5 and no signature", Suite: "AES128-GCM-SHA256", Want: []string{"RSAES-PKCS1-v1_5", "AES", "GCM", "SHA256"}},
		{Name: "a CBC suite authenticates with HMAC", Suite: "ECDHE-RSA-AES128-SHA", Want: []string{"ECDH", "RSASSA-PKCS1-v1_5", "AES", "CBC", "HMAC", "SHA"}},
		{Name: "a TLS 1.3 suite names its AEAD and hash only", Suite: "TLS_AES_256_GCM_SHA384", Want: []string{"AES", "GCM", "SHA384"}},
		{Name: "RC4 authenticates with HMAC", Suite: "RC4-MD5", Want: []string{"RSAES-PKCS1-v1_5", "RC4", "HMAC", "MD5"}},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			s, ok := LookupSuite(tc.Suite)
			if !ok {
				t.Fatalf("%s is not in the table", tc.Suite)
			}
			got := s.Components()
			if len(got) != len(tc.Want) {
				t.Fatalf("components = %v, want %v", got, tc.Want)
			}
			for i := range got {
				if got[i] != tc.Want[i] {
					t.Fatalf("components = %v, want %v", got, tc.Want)
				}
			}
		})
	}
}
