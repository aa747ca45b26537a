package crypto

import "strings"

// Version is an SSL/TLS protocol version.
type Version int

// The protocol versions, oldest first; the zero Version is unknown.
const (
	SSL30 Version = iota + 1
	TLS10
	TLS11
	TLS12
	TLS13
)

// MinTLS is the oldest protocol version the table accepts.
const MinTLS = TLS12

// VersionEntry rates a protocol version.
type VersionEntry struct {
	Version    Version
	Name       string
	Acceptable bool
	Source     Source
}

var (
	tlsRecommended = Source{Document: TLSGuideline, Section: "推奨セキュリティ型の要求設定: プロトコルバージョン（TLS1.3 及び TLS1.2）"}
	tlsExceptional = Source{Document: TLSGuideline, Section: "TLS1.1 以前はセキュリティ例外型でのみ許容（推奨セキュリティ型では使用しない）"}
	sslForbidden   = Source{Document: TLSGuideline, Section: "SSL3.0 はいずれの設定基準でも使用しない"}
)

// Versions is the table of protocol versions.
var Versions = []VersionEntry{
	{Version: SSL30, Name: "SSL 3.0", Acceptable: false, Source: sslForbidden},
	{Version: TLS10, Name: "TLS 1.0", Acceptable: false, Source: tlsExceptional},
	{Version: TLS11, Name: "TLS 1.1", Acceptable: false, Source: tlsExceptional},
	{Version: TLS12, Name: "TLS 1.2", Acceptable: true, Source: tlsRecommended},
	{Version: TLS13, Name: "TLS 1.3", Acceptable: true, Source: tlsRecommended},
}

func (v Version) entry() (VersionEntry, bool) {
	for _, e := range Versions {
		if e.Version == v {
			return e, true
		}
	}
	return VersionEntry{}, false
}

// String names the version ("TLS 1.2"), or "unknown".
func (v Version) String() string {
	if e, ok := v.entry(); ok {
		return e.Name
	}
	return "unknown"
}

// Judge rates the version as the lowest one a policy accepts.
func (v Version) Judge() Verdict {
	e, ok := v.entry()
	if !ok {
		return reject(tlsRecommended, "プロトコルバージョンが不明です", "the protocol version is unknown")
	}
	if !e.Acceptable {
		return reject(e.Source, "%s を受け付けます", "it accepts %s", e.Name)
	}
	return Verdict{OK: true, Source: e.Source}
}

// Suite is a TLS cipher suite, by the algorithms it is made of.
type Suite struct {
	// Name is the suite's IANA name (TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256).
	Name string
	// OpenSSL is the name OpenSSL and s2n (and so AWS's tables) use, where
	// it differs from Name.
	OpenSSL string
	// KeyExchange is "ECDHE", "DHE" or "RSA" (RSA key transport); "" for
	// TLS 1.3 suites, whose key exchange is negotiated apart.
	KeyExchange string
	// Authentication is "RSA" or "ECDSA"; "" where the key exchange or the
	// protocol decides it.
	Authentication string
	// Cipher is the bulk cipher: "AES", "Camellia", "3DES", "RC4" or
	// "ChaCha20-Poly1305".
	Cipher string
	// Mode is "GCM", "CCM" or "CBC"; "" for a stream cipher or an AEAD.
	Mode string
	// Hash is the suite's hash: the HMAC hash of a CBC or stream suite,
	// the PRF hash of an AEAD suite ("SHA256", "SHA384", "SHA", "MD5").
	Hash   string
	Source Source
}

// Components names the algorithms of the suite as the list names them.
func (s Suite) Components() []string {
	var out []string
	switch s.KeyExchange {
	case "ECDHE":
		out = append(out, "ECDH")
	case "DHE":
		out = append(out, "DH")
	case "RSA":
		// RSA key transport encrypts the premaster secret with
		// RSAES-PKCS1-v1_5 and needs no signature.
		out = append(out, "RSAES-PKCS1-v1_5")
	}
	if s.KeyExchange != "RSA" {
		switch s.Authentication {
		case "RSA":
			out = append(out, "RSASSA-PKCS1-v1_5")
		case "ECDSA":
			out = append(out, "ECDSA")
		}
	}
	out = append(out, s.Cipher)
	if s.Mode != "" {
		out = append(out, s.Mode)
	}
	if s.Mode == "CBC" || s.Cipher == "RC4" {
		out = append(out, "HMAC")
	}
	out = append(out, s.Hash)
	return out
}

// Level is the lowest level among the suite's algorithms.
func (s Suite) Level() Level {
	level := Recommended
	for _, name := range s.Components() {
		if l := levelOf(name); l < level {
			level = l
		}
	}
	return level
}

var (
	cloudFrontCiphers = Source{Document: AWSCloudFront, Section: "OpenSSL, s2n, and RFC cipher names"}
	elbCiphers        = Source{Document: AWSELB, Section: "Security policies: ciphers"}
)

// Suites is the table of the cipher suites AWS's TLS security policies
// offer, each rated by its algorithms (Level).
var Suites = []Suite{
	{Name: "TLS_AES_128_GCM_SHA256", Cipher: "AES", Mode: "GCM", Hash: "SHA256", Source: cloudFrontCiphers},
	{Name: "TLS_AES_256_GCM_SHA384", Cipher: "AES", Mode: "GCM", Hash: "SHA384", Source: cloudFrontCiphers},
	{Name: "TLS_CHACHA20_POLY1305_SHA256", Cipher: "ChaCha20-Poly1305", Hash: "SHA256", Source: cloudFrontCiphers},

	{Name: "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", OpenSSL: "ECDHE-ECDSA-AES128-GCM-SHA256", KeyExchange: "ECDHE", Authentication: "ECDSA", Cipher: "AES", Mode: "GCM", Hash: "SHA256", Source: cloudFrontCiphers},
	{Name: "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", OpenSSL: "ECDHE-ECDSA-AES256-GCM-SHA384", KeyExchange: "ECDHE", Authentication: "ECDSA", Cipher: "AES", Mode: "GCM", Hash: "SHA384", Source: cloudFrontCiphers},
	{Name: "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256", OpenSSL: "ECDHE-ECDSA-AES128-SHA256", KeyExchange: "ECDHE", Authentication: "ECDSA", Cipher: "AES", Mode: "CBC", Hash: "SHA256", Source: cloudFrontCiphers},
	{Name: "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384", OpenSSL: "ECDHE-ECDSA-AES256-SHA384", KeyExchange: "ECDHE", Authentication: "ECDSA", Cipher: "AES", Mode: "CBC", Hash: "SHA384", Source: cloudFrontCiphers},
	{Name: "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", OpenSSL: "ECDHE-ECDSA-AES128-SHA", KeyExchange: "ECDHE", Authentication: "ECDSA", Cipher: "AES", Mode: "CBC", Hash: "SHA", Source: cloudFrontCiphers},
	{Name: "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA", OpenSSL: "ECDHE-ECDSA-AES256-SHA", KeyExchange: "ECDHE", Authentication: "ECDSA", Cipher: "AES", Mode: "CBC", Hash: "SHA", Source: cloudFrontCiphers},
	{Name: "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", OpenSSL: "ECDHE-ECDSA-CHACHA20-POLY1305", KeyExchange: "ECDHE", Authentication: "ECDSA", Cipher: "ChaCha20-Poly1305", Hash: "SHA256", Source: cloudFrontCiphers},

	{Name: "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", OpenSSL: "ECDHE-RSA-AES128-GCM-SHA256", KeyExchange: "ECDHE", Authentication: "RSA", Cipher: "AES", Mode: "GCM", Hash: "SHA256", Source: cloudFrontCiphers},
	{Name: "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", OpenSSL: "ECDHE-RSA-AES256-GCM-SHA384", KeyExchange: "ECDHE", Authentication: "RSA", Cipher: "AES", Mode: "GCM", Hash: "SHA384", Source: cloudFrontCiphers},
	{Name: "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256", OpenSSL: "ECDHE-RSA-AES128-SHA256", KeyExchange: "ECDHE", Authentication: "RSA", Cipher: "AES", Mode: "CBC", Hash: "SHA256", Source: cloudFrontCiphers},
	{Name: "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384", OpenSSL: "ECDHE-RSA-AES256-SHA384", KeyExchange: "ECDHE", Authentication: "RSA", Cipher: "AES", Mode: "CBC", Hash: "SHA384", Source: cloudFrontCiphers},
	{Name: "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", OpenSSL: "ECDHE-RSA-AES128-SHA", KeyExchange: "ECDHE", Authentication: "RSA", Cipher: "AES", Mode: "CBC", Hash: "SHA", Source: cloudFrontCiphers},
	{Name: "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA", OpenSSL: "ECDHE-RSA-AES256-SHA", KeyExchange: "ECDHE", Authentication: "RSA", Cipher: "AES", Mode: "CBC", Hash: "SHA", Source: cloudFrontCiphers},
	{Name: "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", OpenSSL: "ECDHE-RSA-CHACHA20-POLY1305", KeyExchange: "ECDHE", Authentication: "RSA", Cipher: "ChaCha20-Poly1305", Hash: "SHA256", Source: cloudFrontCiphers},

	{Name: "TLS_RSA_WITH_AES_128_GCM_SHA256", OpenSSL: "AES128-GCM-SHA256", KeyExchange: "RSA", Cipher: "AES", Mode: "GCM", Hash: "SHA256", Source: elbCiphers},
	{Name: "TLS_RSA_WITH_AES_256_GCM_SHA384", OpenSSL: "AES256-GCM-SHA384", KeyExchange: "RSA", Cipher: "AES", Mode: "GCM", Hash: "SHA384", Source: elbCiphers},
	{Name: "TLS_RSA_WITH_AES_128_CBC_SHA256", OpenSSL: "AES128-SHA256", KeyExchange: "RSA", Cipher: "AES", Mode: "CBC", Hash: "SHA256", Source: elbCiphers},
	{Name: "TLS_RSA_WITH_AES_256_CBC_SHA256", OpenSSL: "AES256-SHA256", KeyExchange: "RSA", Cipher: "AES", Mode: "CBC", Hash: "SHA256", Source: elbCiphers},
	{Name: "TLS_RSA_WITH_AES_128_CBC_SHA", OpenSSL: "AES128-SHA", KeyExchange: "RSA", Cipher: "AES", Mode: "CBC", Hash: "SHA", Source: cloudFrontCiphers},
	{Name: "TLS_RSA_WITH_AES_256_CBC_SHA", OpenSSL: "AES256-SHA", KeyExchange: "RSA", Cipher: "AES", Mode: "CBC", Hash: "SHA", Source: cloudFrontCiphers},
	{Name: "TLS_RSA_WITH_3DES_EDE_CBC_SHA", OpenSSL: "DES-CBC3-SHA", KeyExchange: "RSA", Cipher: "3DES", Mode: "CBC", Hash: "SHA", Source: cloudFrontCiphers},
	{Name: "TLS_RSA_WITH_RC4_128_MD5", OpenSSL: "RC4-MD5", KeyExchange: "RSA", Cipher: "RC4", Hash: "MD5", Source: cloudFrontCiphers},
}

// LookupSuite finds a suite by its IANA or OpenSSL name, ignoring case.
func LookupSuite(name string) (Suite, bool) {
	for _, s := range Suites {
		if strings.EqualFold(s.Name, name) || (s.OpenSSL != "" && strings.EqualFold(s.OpenSSL, name)) {
			return s, true
		}
	}
	return Suite{}, false
}
