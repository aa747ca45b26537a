package crypto

import "strings"

// Level is how the CRYPTREC Ciphers List rates an algorithm.
type Level int

const (
	// NotListed is an algorithm on neither the e-Government Recommended
	// Ciphers List nor the Monitored Ciphers List.
	NotListed Level = iota
	// Monitored is an algorithm on the Monitored Ciphers List
	// (運用監視暗号リスト): no longer recommended, kept only so that
	// existing systems can keep working with each other.
	Monitored
	// Recommended is an algorithm on the e-Government Recommended Ciphers
	// List (電子政府推奨暗号リスト).
	Recommended
)

// String names the level as the list does.
func (l Level) String() string {
	switch l {
	case Recommended:
		return "電子政府推奨暗号リスト"
	case Monitored:
		return "運用監視暗号リスト"
	}
	return "掲載なし"
}

// Class is the kind of algorithm, as the list sorts them.
type Class string

// The classes of the list (技術分類).
const (
	Signature         Class = "公開鍵暗号 署名"
	Confidentiality   Class = "公開鍵暗号 守秘"
	KeyAgreement      Class = "公開鍵暗号 鍵共有"
	BlockCipher64     Class = "共通鍵暗号 64ビットブロック暗号"
	BlockCipher128    Class = "共通鍵暗号 128ビットブロック暗号"
	StreamCipher      Class = "共通鍵暗号 ストリーム暗号"
	Hash              Class = "ハッシュ関数"
	Mode              Class = "暗号利用モード 秘匿モード"
	AuthenticatedMode Class = "暗号利用モード 認証付き秘匿モード"
	MAC               Class = "メッセージ認証コード"
	EntityAuth        Class = "エンティティ認証"
	// AEAD is an authenticated cipher that is neither a block cipher mode
	// nor on the list (ChaCha20-Poly1305).
	AEAD Class = "認証付き暗号"
)

// Algorithm is one algorithm of the table.
type Algorithm struct {
	// Name is the name the list gives it ("AES", "RSA-OAEP").
	Name string
	// Aliases are other names code and providers use for it ("3DES").
	Aliases []string
	Class   Class
	Level   Level
	Source  Source
}

func recommended(class Class, note string) Source {
	s := Source{Document: CRYPTRECList, Section: "電子政府推奨暗号リスト " + string(class)}
	if note != "" {
		s.Section += "（" + note + "）"
	}
	return s
}

func monitored(class Class) Source {
	return Source{Document: CRYPTRECList, Section: "運用監視暗号リスト " + string(class)}
}

// notListed is the source of an algorithm the list does not name: the
// list itself, by its absence from the e-Government Recommended and the
// Monitored Ciphers Lists.
func notListed(class Class) Source {
	return Source{Document: CRYPTRECList, Section: "電子政府推奨暗号リスト・運用監視暗号リストのいずれにも掲載なし（" + string(class) + "）"}
}

// Algorithms is the table of algorithms: every entry of the e-Government
// Recommended Ciphers List, the entries of the Monitored Ciphers List that
// cloud services still offer, what the 2023 revision adds to the
// recommended list, and algorithms providers offer that no list names.
var Algorithms = []Algorithm{
	{Name: "DSA", Class: Signature, Level: Recommended, Source: recommended(Signature, "")},
	{Name: "ECDSA", Class: Signature, Level: Recommended, Source: recommended(Signature, "")},
	{Name: "RSA-PSS", Class: Signature, Level: Recommended, Source: recommended(Signature, "注1")},
	{Name: "RSASSA-PKCS1-v1_5", Class: Signature, Level: Recommended, Source: recommended(Signature, "注1")},
	{Name: "RSA-OAEP", Class: Confidentiality, Level: Recommended, Source: recommended(Confidentiality, "注1")},
	{Name: "DH", Aliases: []string{"DHE"}, Class: KeyAgreement, Level: Recommended, Source: recommended(KeyAgreement, "")},
	{Name: "ECDH", Aliases: []string{"ECDHE"}, Class: KeyAgreement, Level: Recommended, Source: recommended(KeyAgreement, "")},
	{Name: "3-key Triple DES", Aliases: []string{"3DES", "3DES_EDE", "DES-CBC3"}, Class: BlockCipher64, Level: Recommended, Source: recommended(BlockCipher64, "注2、注3: 当面の利用を認める")},
	{Name: "AES", Class: BlockCipher128, Level: Recommended, Source: recommended(BlockCipher128, "")},
	{Name: "Camellia", Class: BlockCipher128, Level: Recommended, Source: recommended(BlockCipher128, "")},
	{Name: "KCipher-2", Class: StreamCipher, Level: Recommended, Source: recommended(StreamCipher, "")},
	{Name: "SHA-256", Aliases: []string{"SHA256"}, Class: Hash, Level: Recommended, Source: recommended(Hash, "")},
	{Name: "SHA-384", Aliases: []string{"SHA384"}, Class: Hash, Level: Recommended, Source: recommended(Hash, "")},
	{Name: "SHA-512", Aliases: []string{"SHA512"}, Class: Hash, Level: Recommended, Source: recommended(Hash, "")},
	{Name: "CBC", Class: Mode, Level: Recommended, Source: recommended(Mode, "")},
	{Name: "CFB", Class: Mode, Level: Recommended, Source: recommended(Mode, "")},
	{Name: "CTR", Class: Mode, Level: Recommended, Source: recommended(Mode, "")},
	{Name: "OFB", Class: Mode, Level: Recommended, Source: recommended(Mode, "")},
	{Name: "CCM", Class: AuthenticatedMode, Level: Recommended, Source: recommended(AuthenticatedMode, "")},
	{Name: "GCM", Class: AuthenticatedMode, Level: Recommended, Source: recommended(AuthenticatedMode, "注4")},
	{Name: "CMAC", Class: MAC, Level: Recommended, Source: recommended(MAC, "")},
	{Name: "HMAC", Class: MAC, Level: Recommended, Source: recommended(MAC, "")},
	{Name: "ISO/IEC 9798-2", Class: EntityAuth, Level: Recommended, Source: recommended(EntityAuth, "")},
	{Name: "ISO/IEC 9798-3", Class: EntityAuth, Level: Recommended, Source: recommended(EntityAuth, "")},

	// Added to the e-Government Recommended Ciphers List by its 2023
	// revision, which footnote 4 of the guideline points to as CRYPTREC's
	// later report.
	{Name: "EdDSA", Aliases: []string{"Ed25519"}, Class: Signature, Level: Recommended, Source: Source{Document: CRYPTRECList2023, Section: "電子政府推奨暗号リスト 公開鍵暗号 署名（2023年の改定で推奨候補暗号リストから移行）"}},

	{Name: "RSAES-PKCS1-v1_5", Class: Confidentiality, Level: Monitored, Source: monitored(Confidentiality)},
	{Name: "128-bit RC4", Aliases: []string{"RC4", "RC4_128"}, Class: StreamCipher, Level: Monitored, Source: monitored(StreamCipher)},
	{Name: "SHA-1", Aliases: []string{"SHA", "SHA1"}, Class: Hash, Level: Monitored, Source: monitored(Hash)},

	{Name: "MD5", Class: Hash, Level: NotListed, Source: notListed(Hash)},
	{Name: "SHA-224", Aliases: []string{"SHA224"}, Class: Hash, Level: NotListed, Source: notListed(Hash)},
	{Name: "DES", Class: BlockCipher64, Level: NotListed, Source: notListed(BlockCipher64)},
	{Name: "ChaCha20-Poly1305", Aliases: []string{"CHACHA20_POLY1305", "CHACHA20-POLY1305"}, Class: AEAD, Level: NotListed, Source: notListed(AEAD)},
	{Name: "SM2", Class: Signature, Level: NotListed, Source: notListed(Signature)},
	{Name: "ML-DSA", Class: Signature, Level: NotListed, Source: notListed(Signature)},
}

// LookupAlgorithm finds an algorithm by its name or an alias, ignoring
// case.
func LookupAlgorithm(name string) (Algorithm, bool) {
	for _, a := range Algorithms {
		if strings.EqualFold(a.Name, name) {
			return a, true
		}
		for _, alias := range a.Aliases {
			if strings.EqualFold(alias, name) {
				return a, true
			}
		}
	}
	return Algorithm{}, false
}

// levelOf is the level of a named algorithm; a name the table does not
// know is NotListed.
func levelOf(name string) Level {
	if a, ok := LookupAlgorithm(name); ok {
		return a.Level
	}
	return NotListed
}
