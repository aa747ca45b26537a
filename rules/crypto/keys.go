package crypto

import (
	"fmt"
	"strings"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
)

// MinRSABits is the smallest RSA modulus the table accepts. Note 1 of the
// list ties its RSA schemes to the migration policy for SHA-1 and RSA1024,
// which moves government systems from 1024-bit to 2048-bit RSA.
const MinRSABits = 2048

// rsaSource is where MinRSABits comes from.
var rsaSource = Source{Document: NISCMigration, Section: "RSA1024 から RSA2048 への移行（CRYPTREC 暗号リスト 注1 が参照）"}

// Curve is an elliptic curve of the table.
type Curve struct {
	// Name is the curve's usual name ("P-256").
	Name string
	// Aliases are the names providers and standards also use
	// ("secp256r1", "prime256v1").
	Aliases []string
	// Bits is the size of the curve's field.
	Bits   int
	Level  Level
	Source Source
}

var keyLengthECC = Source{Document: CRYPTRECKeyLength, Section: "鍵長の選択: 楕円曲線暗号（NIST 曲線 P-256・P-384・P-521）"}

// Curves is the table of elliptic curves: the NIST curves of 256 bits and
// more that ECDSA and ECDH on the list are used with, Ed25519 for EdDSA, and
// curves that cloud services offer but the table does not accept.
var Curves = []Curve{
	{Name: "P-256", Aliases: []string{"secp256r1", "prime256v1"}, Bits: 256, Level: Recommended, Source: keyLengthECC},
	{Name: "P-384", Aliases: []string{"secp384r1"}, Bits: 384, Level: Recommended, Source: keyLengthECC},
	{Name: "P-521", Aliases: []string{"secp521r1"}, Bits: 521, Level: Recommended, Source: keyLengthECC},
	{Name: "Ed25519", Aliases: []string{"edwards25519"}, Bits: 255, Level: Recommended, Source: Source{Document: CRYPTRECList2023, Section: "電子政府推奨暗号リスト 公開鍵暗号 署名 EdDSA（Ed25519）"}},
	{Name: "secp256k1", Bits: 256, Level: NotListed, Source: Source{Document: AWSKMS, Section: "ECC_SECG_P256K1: SECG の曲線 secp256k1（暗号資産向け。NIST 曲線ではない）"}},
	{Name: "SM2", Bits: 256, Level: NotListed, Source: notListed(Signature)},
}

// LookupCurve finds a curve by its name or an alias, ignoring case.
func LookupCurve(name string) (Curve, bool) {
	for _, c := range Curves {
		if strings.EqualFold(c.Name, name) {
			return c, true
		}
		for _, alias := range c.Aliases {
			if strings.EqualFold(alias, name) {
				return c, true
			}
		}
	}
	return Curve{}, false
}

// KeyKind is the kind of a key.
type KeyKind int

const (
	// Symmetric is a key of a block or stream cipher.
	Symmetric KeyKind = iota
	// RSA is an RSA key pair.
	RSA
	// EC is an elliptic-curve key pair.
	EC
	// HMACKey is a key for HMAC with a given hash function.
	HMACKey
	// OtherKey is a key of an algorithm judged by its name alone (SM2,
	// ML-DSA).
	OtherKey
)

// Key describes a key by what decides its strength.
type Key struct {
	Kind KeyKind
	// Bits is the length of a symmetric key or an RSA modulus.
	Bits int
	// Name is the cipher of a symmetric key ("AES"), the curve of an EC
	// key ("P-256"), the hash of an HMAC key ("SHA-256"), or the algorithm
	// of another key ("ML-DSA").
	Name string
}

// Verdict is the table's judgement of a key, a protocol version or a policy.
type Verdict struct {
	// OK is true when the table accepts it.
	OK bool
	// Why says, when it is not accepted, what falls short: a phrase that
	// messages quote, in both languages.
	Why project.Text
	// Source is the table entry the verdict rests on.
	Source Source
}

func reject(src Source, ja, en string, args ...any) Verdict {
	return Verdict{Source: src, Why: project.Text{JA: fmt.Sprintf(ja, args...), EN: fmt.Sprintf(en, args...)}}
}

// Judge rates a key against the table.
func (k Key) Judge() Verdict {
	switch k.Kind {
	case Symmetric:
		a, ok := LookupAlgorithm(k.Name)
		if !ok || a.Level != Recommended {
			return reject(notListed(BlockCipher128), "%s は電子政府推奨暗号リストにありません", "%s is not on the e-Government Recommended Ciphers List", k.Name)
		}
		if a.Class == BlockCipher128 && k.Bits != 128 && k.Bits != 192 && k.Bits != 256 {
			return reject(a.Source, "%s の鍵長 %d ビットは 128・192・256 ビットのいずれでもありません", "the %s key length of %d bits is none of 128, 192 and 256 bits", k.Name, k.Bits)
		}
		return Verdict{OK: true, Source: a.Source}
	case RSA:
		if k.Bits < MinRSABits {
			return reject(rsaSource, "RSA %d ビットは %d ビット未満です", "RSA with %d bits is shorter than %d bits", k.Bits, MinRSABits)
		}
		return Verdict{OK: true, Source: rsaSource}
	case EC:
		c, ok := LookupCurve(k.Name)
		if !ok {
			return reject(keyLengthECC, "楕円曲線 %s は表にありません", "the elliptic curve %s is not in the table", k.Name)
		}
		if c.Level != Recommended {
			return reject(c.Source, "楕円曲線 %s は、CRYPTREC 暗号リストに照らして認められる曲線 P-256・P-384・P-521・Ed25519 のいずれでもありません", "the elliptic curve %s is none of P-256, P-384, P-521 and Ed25519, the curves accepted against the CRYPTREC list", c.Name)
		}
		return Verdict{OK: true, Source: c.Source}
	case HMACKey:
		h, ok := LookupAlgorithm(k.Name)
		if !ok || h.Class != Hash {
			return reject(notListed(Hash), "HMAC のハッシュ関数 %s は表にありません", "the HMAC hash function %s is not in the table", k.Name)
		}
		if h.Level != Recommended {
			return reject(h.Source, "HMAC のハッシュ関数 %s は電子政府推奨暗号リストにありません", "the HMAC hash function %s is not on the e-Government Recommended Ciphers List", h.Name)
		}
		return Verdict{OK: true, Source: h.Source}
	}
	a, ok := LookupAlgorithm(k.Name)
	if !ok || a.Level != Recommended {
		src := notListed(Signature)
		if ok {
			src = a.Source
		}
		return reject(src, "%s は電子政府推奨暗号リストにありません", "%s is not on the e-Government Recommended Ciphers List", k.Name)
	}
	return Verdict{OK: true, Source: a.Source}
}
