package crypto

import "testing"

func TestCurves(t *testing.T) {
	want := map[string]Level{
		"P-256":     Recommended,
		"P-384":     Recommended,
		"P-521":     Recommended,
		"Ed25519":   Recommended,
		"secp256k1": NotListed,
		"SM2":       NotListed,
	}
	for _, c := range Curves {
		t.Run(c.Name, func(t *testing.T) {
			w, ok := want[c.Name]
			if !ok {
				t.Fatalf("the test states no level for %s", c.Name)
			}
			if c.Level != w {
				t.Errorf("level = %v, want %v", c.Level, w)
			}
			checkSource(t, c.Source)
			for _, name := range append([]string{c.Name}, c.Aliases...) {
				if got, ok := LookupCurve(name); !ok || got.Name != c.Name {
					t.Errorf("LookupCurve(%q) = %q, %v", name, got.Name, ok)
				}
			}
		})
	}
	if len(Curves) != len(want) {
		t.Errorf("the table has %d curves, the test states %d", len(Curves), len(want))
	}
}

func TestKeyJudge(t *testing.T) {
	cases := []struct {
		Name   string
		Key    Key
		OK     bool
		WhyEN  string
		Source Document
	}{
		{Name: "AES-256 passes", Key: Key{Kind: Symmetric, Bits: 256, Name: "AES"}, OK: true, Source: CRYPTRECList},
		{Name: "AES-128 passes", Key: Key{Kind: Symmetric, Bits: 128, Name: "AES"}, OK: true, Source: CRYPTRECList},
		{Name: "Camellia-192 passes", Key: Key{Kind: Symmetric, Bits: 192, Name: "Camellia"}, OK: true, Source: CRYPTRECList},
		{Name: "AES with a 64-bit key fails", Key: Key{Kind: Symmetric, Bits: 64, Name: "AES"}, WhyEN: "the AES key length of 64 bits is none of 128, 192 and 256 bits", Source: CRYPTRECList},
		{Name: "DES fails", Key: Key{Kind: Symmetric, Bits: 56, Name: "DES"}, WhyEN: "DES is not on the e-Government Recommended Ciphers List", Source: CRYPTRECList},
		{Name: "RSA 2048 passes", Key: Key{Kind: RSA, Bits: 2048}, OK: true, Source: NISCMigration},
		{Name: "RSA 4096 passes", Key: Key{Kind: RSA, Bits: 4096}, OK: true, Source: NISCMigration},
		{Name: "RSA 1024 fails", Key: Key{Kind: RSA, Bits: 1024}, WhyEN: "RSA with 1024 bits is shorter than 2048 bits", Source: NISCMigration},
		{Name: "P-256 passes", Key: Key{Kind: EC, Name: "P-256"}, OK: true, Source: CRYPTRECKeyLength},
		{Name: "prime256v1 is P-256", Key: Key{Kind: EC, Name: "prime256v1"}, OK: true, Source: CRYPTRECKeyLength},
		{Name: "Ed25519 passes by the 2023 list", Key: Key{Kind: EC, Name: "Ed25519"}, OK: true, Source: CRYPTRECList2023},
		{Name: "secp256k1 fails", Key: Key{Kind: EC, Name: "secp256k1"}, WhyEN: "the elliptic curve secp256k1 is none of P-256, P-384, P-521 and Ed25519, the curves accepted against the CRYPTREC list", Source: AWSKMS},
		{Name: "an unknown curve fails", Key: Key{Kind: EC, Name: "brainpoolP256r1"}, WhyEN: "the elliptic curve brainpoolP256r1 is not in the table", Source: CRYPTRECKeyLength},
		{Name: "HMAC with SHA-256 passes", Key: Key{Kind: HMACKey, Name: "SHA-256"}, OK: true, Source: CRYPTRECList},
		{Name: "HMAC with SHA-224 fails", Key: Key{Kind: HMACKey, Name: "SHA-224"}, WhyEN: "the HMAC hash function SHA-224 is not on the e-Government Recommended Ciphers List", Source: CRYPTRECList},
		{Name: "HMAC with SHA-1 fails", Key: Key{Kind: HMACKey, Name: "SHA-1"}, WhyEN: "the HMAC hash function SHA-1 is not on the e-Government Recommended Ciphers List", Source: CRYPTRECList},
		{Name: "HMAC with a cipher for hash fails", Key: Key{Kind: HMACKey, Name: "AES"}, WhyEN: "the HMAC hash function AES is not in the table", Source: CRYPTRECList},
		{Name: "ML-DSA fails", Key: Key{Kind: OtherKey, Name: "ML-DSA"}, WhyEN: "ML-DSA is not on the e-Government Recommended Ciphers List", Source: CRYPTRECList},
		{Name: "an unknown algorithm fails", Key: Key{Kind: OtherKey, Name: "GOST"}, WhyEN: "GOST is not on the e-Government Recommended Ciphers List", Source: CRYPTRECList},
		{Name: "EdDSA by name passes", Key: Key{Kind: OtherKey, Name: "EdDSA"}, OK: true, Source: CRYPTRECList2023},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			v := tc.Key.Judge()
			if v.OK != tc.OK || v.Why.EN != tc.WhyEN {
				t.Errorf("Judge() = %v %q, want %v %q", v.OK, v.Why.EN, tc.OK, tc.WhyEN)
			}
			if !v.OK && v.Why.JA == "" {
				t.Error("a rejection says nothing in Japanese")
			}
			if v.Source.Document != tc.Source {
				t.Errorf("source = %s, want %s", v.Source.Document.ID, tc.Source.ID)
			}
		})
	}
}
