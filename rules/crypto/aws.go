package crypto

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
)

// NamedKey is a provider's name for a key specification, with the key it
// stands for.
type NamedKey struct {
	Name   string
	Key    Key
	Source Source
}

func kmsSpec(name string, key Key, section string) NamedKey {
	return NamedKey{Name: name, Key: key, Source: Source{Document: AWSKMS, Section: section}}
}

// KMSKeySpecs maps the key specs of AWS KMS (customer_master_key_spec) onto
// the table.
var KMSKeySpecs = []NamedKey{
	kmsSpec("SYMMETRIC_DEFAULT", Key{Kind: Symmetric, Bits: 256, Name: "AES"}, "SYMMETRIC_DEFAULT: AES-256-GCM"),
	kmsSpec("RSA_2048", Key{Kind: RSA, Bits: 2048}, "RSA key specs"),
	kmsSpec("RSA_3072", Key{Kind: RSA, Bits: 3072}, "RSA key specs"),
	kmsSpec("RSA_4096", Key{Kind: RSA, Bits: 4096}, "RSA key specs"),
	kmsSpec("ECC_NIST_P256", Key{Kind: EC, Name: "P-256"}, "Elliptic curve key specs: NIST P-256 (secp256r1)"),
	kmsSpec("ECC_NIST_P384", Key{Kind: EC, Name: "P-384"}, "Elliptic curve key specs: NIST P-384 (secp384r1)"),
	kmsSpec("ECC_NIST_P521", Key{Kind: EC, Name: "P-521"}, "Elliptic curve key specs: NIST P-521 (secp521r1)"),
	kmsSpec("ECC_NIST_EDWARDS25519", Key{Kind: EC, Name: "Ed25519"}, "Elliptic curve key specs: Ed25519"),
	kmsSpec("ECC_SECG_P256K1", Key{Kind: EC, Name: "secp256k1"}, "Elliptic curve key specs: SECG secp256k1"),
	kmsSpec("HMAC_224", Key{Kind: HMACKey, Name: "SHA-224"}, "HMAC key specs"),
	kmsSpec("HMAC_256", Key{Kind: HMACKey, Name: "SHA-256"}, "HMAC key specs"),
	kmsSpec("HMAC_384", Key{Kind: HMACKey, Name: "SHA-384"}, "HMAC key specs"),
	kmsSpec("HMAC_512", Key{Kind: HMACKey, Name: "SHA-512"}, "HMAC key specs"),
	kmsSpec("SM2", Key{Kind: OtherKey, Name: "SM2"}, "SM2 key spec (China Regions only)"),
	kmsSpec("ML_DSA_44", Key{Kind: OtherKey, Name: "ML-DSA"}, "ML-DSA key specs"),
	kmsSpec("ML_DSA_65", Key{Kind: OtherKey, Name: "ML-DSA"}, "ML-DSA key specs"),
	kmsSpec("ML_DSA_87", Key{Kind: OtherKey, Name: "ML-DSA"}, "ML-DSA key specs"),
}

func acmAlgorithm(name string, key Key) NamedKey {
	return NamedKey{Name: name, Key: key, Source: Source{Document: AWSACM, Section: "Key algorithms"}}
}

// ACMKeyAlgorithms maps the key algorithms of AWS Certificate Manager
// (key_algorithm) onto the table.
var ACMKeyAlgorithms = []NamedKey{
	acmAlgorithm("RSA_1024", Key{Kind: RSA, Bits: 1024}),
	acmAlgorithm("RSA_2048", Key{Kind: RSA, Bits: 2048}),
	acmAlgorithm("RSA_3072", Key{Kind: RSA, Bits: 3072}),
	acmAlgorithm("RSA_4096", Key{Kind: RSA, Bits: 4096}),
	acmAlgorithm("EC_prime256v1", Key{Kind: EC, Name: "P-256"}),
	acmAlgorithm("EC_secp384r1", Key{Kind: EC, Name: "P-384"}),
	acmAlgorithm("EC_secp521r1", Key{Kind: EC, Name: "P-521"}),
}

func lookupNamed(table []NamedKey, name string) (NamedKey, bool) {
	for _, k := range table {
		if k.Name == name {
			return k, true
		}
	}
	return NamedKey{}, false
}

// LookupKMSKeySpec finds a KMS key spec by its exact name.
func LookupKMSKeySpec(name string) (NamedKey, bool) { return lookupNamed(KMSKeySpecs, name) }

// LookupACMKeyAlgorithm finds an ACM key algorithm by its exact name.
func LookupACMKeyAlgorithm(name string) (NamedKey, bool) {
	return lookupNamed(ACMKeyAlgorithms, name)
}

// Service is a service whose TLS security policies the table knows.
type Service string

// The services of the TLS policy table.
const (
	ELB        Service = "Elastic Load Balancing"
	CloudFront Service = "CloudFront"
	APIGateway Service = "API Gateway"
	OpenSearch Service = "OpenSearch Service"
)

// TLSPolicy is a predefined TLS security policy of a service.
type TLSPolicy struct {
	Service Service
	Name    string
	// Min is the oldest protocol version the policy accepts.
	Min Version
	// Shortfall says, for a policy whose protocol versions pass but that
	// the project does not accept for its service, why not.
	Shortfall project.Text
	Source    Source
	// Inferred is true for a policy the table does not list but whose
	// name states its oldest version in the service's naming scheme.
	Inferred bool
}

// Judge rates the policy.
func (p TLSPolicy) Judge() Verdict {
	if v := p.Min.Judge(); !v.OK {
		return v
	}
	if p.Shortfall.JA != "" {
		return Verdict{Why: p.Shortfall, Source: p.Source}
	}
	return Verdict{OK: true, Source: p.Source}
}

func policies(service Service, src Source, min Version, names ...string) []TLSPolicy {
	out := make([]TLSPolicy, len(names))
	for i, name := range names {
		out[i] = TLSPolicy{Service: service, Name: name, Min: min, Source: src}
	}
	return out
}

var (
	elbPolicies        = Source{Document: AWSELB, Section: "Security policies: TLS protocols"}
	cloudFrontPolicies = Source{Document: AWSCloudFront, Section: "Security policy: supported SSL/TLS protocols and ciphers"}
	apiGatewayPolicies = Source{Document: AWSAPIGateway, Section: "Supported security policies for regional, edge-optimized and private custom domain names"}
	openSearchPolicies = Source{Document: AWSOpenSearch, Section: "TLSSecurityPolicy valid values"}
)

// TLSPolicies is the table of the TLS security policies of AWS services.
var TLSPolicies = concat(
	policies(ELB, elbPolicies, TLS13,
		"ELBSecurityPolicy-TLS13-1-3-2021-06",
		"ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04",
		"ELBSecurityPolicy-TLS13-1-3-PQ-2025-09",
		"ELBSecurityPolicy-TLS13-1-3-FIPS-PQ-2025-09"),
	policies(ELB, elbPolicies, TLS12,
		"ELBSecurityPolicy-TLS13-1-2-2021-06",
		"ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
		"ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06",
		"ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06",
		"ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04",
		"ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-04",
		"ELBSecurityPolicy-TLS13-1-2-Ext0-FIPS-2023-04",
		"ELBSecurityPolicy-TLS13-1-2-Ext1-FIPS-2023-04",
		"ELBSecurityPolicy-TLS13-1-2-Ext2-FIPS-2023-04",
		"ELBSecurityPolicy-TLS13-1-2-PQ-2025-09",
		"ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09",
		"ELBSecurityPolicy-TLS13-1-2-Ext1-PQ-2025-09",
		"ELBSecurityPolicy-TLS13-1-2-Ext2-PQ-2025-09",
		"ELBSecurityPolicy-TLS13-1-2-FIPS-PQ-2025-09",
		"ELBSecurityPolicy-TLS13-1-2-Res-FIPS-PQ-2025-09",
		"ELBSecurityPolicy-TLS13-1-2-Ext0-FIPS-PQ-2025-09",
		"ELBSecurityPolicy-TLS13-1-2-Ext1-FIPS-PQ-2025-09",
		"ELBSecurityPolicy-TLS13-1-2-Ext2-FIPS-PQ-2025-09",
		"ELBSecurityPolicy-FS-1-2-Res-2020-10",
		"ELBSecurityPolicy-FS-1-2-Res-2019-08",
		"ELBSecurityPolicy-FS-1-2-2019-08",
		"ELBSecurityPolicy-TLS-1-2-Ext-2018-06",
		"ELBSecurityPolicy-TLS-1-2-2017-01"),
	policies(ELB, elbPolicies, TLS11,
		"ELBSecurityPolicy-TLS13-1-1-2021-06",
		"ELBSecurityPolicy-TLS13-1-1-FIPS-2023-04",
		"ELBSecurityPolicy-FS-1-1-2019-08",
		"ELBSecurityPolicy-TLS-1-1-2017-01"),
	policies(ELB, elbPolicies, TLS10,
		"ELBSecurityPolicy-TLS13-1-0-2021-06",
		"ELBSecurityPolicy-TLS13-1-0-FIPS-2023-04",
		"ELBSecurityPolicy-FS-2018-06",
		"ELBSecurityPolicy-TLS-1-0-2015-04",
		"ELBSecurityPolicy-2016-08",
		"ELBSecurityPolicy-2015-05"),

	policies(CloudFront, cloudFrontPolicies, SSL30, "SSLv3"),
	policies(CloudFront, cloudFrontPolicies, TLS10, "TLSv1", "TLSv1_2016"),
	policies(CloudFront, cloudFrontPolicies, TLS11, "TLSv1.1_2016"),
	[]TLSPolicy{
		{Service: CloudFront, Name: "TLSv1.2_2018", Min: TLS12, Source: cloudFrontPolicies, Shortfall: project.Text{
			JA: "TLS 1.2 以上に限りますが、前方秘匿性のない暗号スイートと CBC モードの暗号スイートも提供します",
			EN: "it requires TLS 1.2 but still offers cipher suites without forward secrecy and CBC-mode suites",
		}},
		{Service: CloudFront, Name: "TLSv1.2_2019", Min: TLS12, Source: cloudFrontPolicies, Shortfall: project.Text{
			JA: "TLS 1.2 以上に限りますが、CBC モードの暗号スイートも提供します",
			EN: "it requires TLS 1.2 but still offers CBC-mode cipher suites",
		}},
	},
	policies(CloudFront, cloudFrontPolicies, TLS12, "TLSv1.2_2021", "TLSv1.2_2025"),
	policies(CloudFront, cloudFrontPolicies, TLS13, "TLSv1.3_2025"),

	policies(APIGateway, apiGatewayPolicies, TLS10, "TLS_1_0"),
	policies(APIGateway, apiGatewayPolicies, TLS12,
		"TLS_1_2",
		"SecurityPolicy_TLS13_1_2_2021_06",
		"SecurityPolicy_TLS13_1_2_PQ_2025_09",
		"SecurityPolicy_TLS13_1_2_PFS_PQ_2025_09",
		"SecurityPolicy_TLS13_1_2_FIPS_PQ_2025_09",
		"SecurityPolicy_TLS13_1_2_FIPS_PFS_PQ_2025_09",
		"SecurityPolicy_TLS12_2018_EDGE",
		"SecurityPolicy_TLS12_PFS_2025_EDGE"),
	policies(APIGateway, apiGatewayPolicies, TLS13,
		"SecurityPolicy_TLS13_1_3_2025_09",
		"SecurityPolicy_TLS13_1_3_FIPS_2025_09"),

	policies(OpenSearch, openSearchPolicies, TLS10, "Policy-Min-TLS-1-0-2019-07"),
	policies(OpenSearch, openSearchPolicies, TLS12, "Policy-Min-TLS-1-2-2019-07", "Policy-Min-TLS-1-2-PFS-2023-10"),
)

func concat[T any](parts ...[]T) []T {
	var out []T
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// policySources are the documents of each service's policies.
var policySources = map[Service]Source{
	ELB:        elbPolicies,
	CloudFront: cloudFrontPolicies,
	APIGateway: apiGatewayPolicies,
	OpenSearch: openSearchPolicies,
}

// namingSchemes state the oldest protocol version in the names of each
// service's policies, so that a policy newer than the table is still
// judged: the first submatch is the TLS 1.x minor version.
var namingSchemes = map[Service][]*regexp.Regexp{
	ELB:        {regexp.MustCompile(`^ELBSecurityPolicy-(?:TLS13|TLS|FS)-1-([0-3])-`)},
	APIGateway: {regexp.MustCompile(`^SecurityPolicy_TLS13_1_([23])_`), regexp.MustCompile(`^SecurityPolicy_TLS1(2)_`)},
	OpenSearch: {regexp.MustCompile(`^Policy-Min-TLS-1-([0-3])-`)},
	CloudFront: {regexp.MustCompile(`^TLSv1\.(3)_20[0-9][0-9]$`), regexp.MustCompile(`^TLSv1\.(2)_20(?:2[1-9]|[3-9][0-9])$`)},
}

// LookupTLSPolicy finds a service's policy by its exact name, or infers a
// policy newer than the table from the service's naming scheme.
func LookupTLSPolicy(service Service, name string) (TLSPolicy, bool) {
	for _, p := range TLSPolicies {
		if p.Service == service && p.Name == name {
			return p, true
		}
	}
	for _, re := range namingSchemes[service] {
		m := re.FindStringSubmatch(name)
		if m == nil {
			continue
		}
		minor, _ := strconv.Atoi(m[1])
		src := Source{Document: policySources[service].Document, Section: "oldest version inferred from the policy name (" + re.String() + ")"}
		return TLSPolicy{Service: service, Name: name, Min: TLS10 + Version(minor), Source: src, Inferred: true}, true
	}
	return TLSPolicy{}, false
}

// TransferPolicy is a security policy of AWS Transfer Family servers (SFTP
// over SSH, FTPS over TLS 1.2).
type TransferPolicy struct {
	Name string
	// SHA1 lists the algorithms of the policy that use SHA-1 for a
	// signature or a key-exchange hash: SHA-1 is on the Monitored Ciphers
	// List, and the migration policy of note 1 moves signatures off it.
	SHA1   []string
	Source Source
}

// Judge rates the policy.
func (p TransferPolicy) Judge() Verdict {
	if len(p.SHA1) > 0 {
		return reject(Source{Document: CRYPTRECList, Section: "運用監視暗号リスト ハッシュ関数 SHA-1"},
			"運用監視暗号リストの SHA-1 を使う %s を受け付けます",
			"it accepts %s, which use SHA-1 from the Monitored Ciphers List",
			strings.Join(p.SHA1, ", "))
	}
	return Verdict{OK: true, Source: p.Source}
}

var transferPolicies = Source{Document: AWSTransfer, Section: "Cryptographic algorithms (host key algorithms, KEXs)"}

// TransferPolicies is the table of Transfer Family server security
// policies. Policies whose algorithms the table has not verified are left
// out: a rule names them only in strict mode.
var TransferPolicies = []TransferPolicy{
	{Name: "TransferSecurityPolicy-2018-11", SHA1: []string{"diffie-hellman-group14-sha1", "ssh-rsa"}, Source: transferPolicies},
	{Name: "TransferSecurityPolicy-2020-06", SHA1: []string{"ssh-rsa"}, Source: transferPolicies},
	{Name: "TransferSecurityPolicy-FIPS-2020-06", SHA1: []string{"ssh-rsa"}, Source: transferPolicies},
	{Name: "TransferSecurityPolicy-FIPS-2023-05", SHA1: []string{"ssh-rsa"}, Source: transferPolicies},
	{Name: "TransferSecurityPolicy-FIPS-2024-01", SHA1: []string{"ssh-rsa"}, Source: transferPolicies},
	{Name: "TransferSecurityPolicy-PQ-SSH-FIPS-Experimental-2023-04", SHA1: []string{"ssh-rsa"}, Source: transferPolicies},
	{Name: "TransferSecurityPolicy-2022-03", Source: transferPolicies},
	{Name: "TransferSecurityPolicy-2023-05", Source: transferPolicies},
	{Name: "TransferSecurityPolicy-2024-01", Source: transferPolicies},
	{Name: "TransferSecurityPolicy-2025-03", Source: transferPolicies},
	{Name: "TransferSecurityPolicy-FIPS-2024-05", Source: transferPolicies},
	{Name: "TransferSecurityPolicy-FIPS-2025-03", Source: transferPolicies},
	{Name: "TransferSecurityPolicy-PQ-SSH-Experimental-2023-04", Source: transferPolicies},
	{Name: "TransferSecurityPolicy-Restricted-2024-06", Source: transferPolicies},
	{Name: "TransferSecurityPolicy-SshAuditCompliant-2025-02", Source: transferPolicies},
}

// LookupTransferPolicy finds a Transfer Family policy by its exact name.
func LookupTransferPolicy(name string) (TransferPolicy, bool) {
	for _, p := range TransferPolicies {
		if p.Name == name {
			return p, true
		}
	}
	return TransferPolicy{}, false
}
