package crypto

// Document is a document the tables cite.
type Document struct {
	// ID is a short, stable name for the document, used in tests and docs.
	ID string
	// Title is the document's title and edition, as it is published.
	Title string
}

// The documents the tables cite.
var (
	// CRYPTRECList is the list guideline item 4.6.1.1 cites (footnote 4):
	// the e-Government Recommended Ciphers List, the Candidate Recommended
	// Ciphers List and the Monitored Ciphers List.
	CRYPTRECList = Document{
		ID:    "cryptrec-list-2013",
		Title: "電子政府における調達のために参照すべき暗号のリスト（CRYPTREC 暗号リスト）平成25年3月1日（令和3年4月1日最終更新）総務省・経済産業省",
	}
	// CRYPTRECList2023 is the list's revision of 2023. Footnote 4 of the
	// guideline points also to "CRYPTREC の今後の報告": the tables take from
	// it only what it adds to the e-Government Recommended Ciphers List.
	CRYPTRECList2023 = Document{
		ID:    "cryptrec-list-2023",
		Title: "電子政府における調達のために参照すべき暗号のリスト（CRYPTREC 暗号リスト）CRYPTREC LS-0001-2022, 2023年3月30日",
	}
	// NISCMigration is the migration policy that note 1 of the list refers
	// the RSA signature and encryption schemes to.
	NISCMigration = Document{
		ID:    "nisc-sha1-rsa1024",
		Title: "政府機関の情報システムにおいて使用されている暗号アルゴリズム SHA-1 及び RSA1024 に係る移行指針（平成20年4月 情報セキュリティ政策会議決定、平成24年10月 情報セキュリティ対策推進会議改定）",
	}
	// CRYPTRECKeyLength is CRYPTREC's criteria for choosing algorithms and
	// key lengths by security strength.
	CRYPTRECKeyLength = Document{
		ID:    "cryptrec-key-length",
		Title: "暗号強度要件（アルゴリズム及び鍵長選択）に関する設定基準（CRYPTREC）",
	}
	// TLSGuideline is CRYPTREC's TLS configuration guideline.
	TLSGuideline = Document{
		ID:    "cryptrec-tls-guideline",
		Title: "TLS 暗号設定ガイドライン 第3.0.1版（CRYPTREC GL-3001-3.0.1, 2020年7月, IPA・NICT）",
	}
	// AWSKMS is the AWS KMS Developer Guide.
	AWSKMS = Document{ID: "aws-kms", Title: "AWS Key Management Service Developer Guide: Key spec reference"}
	// AWSACM is the AWS Certificate Manager User Guide.
	AWSACM = Document{ID: "aws-acm", Title: "AWS Certificate Manager User Guide: Key algorithms"}
	// AWSELB is the Elastic Load Balancing User Guide.
	AWSELB = Document{ID: "aws-elb", Title: "Elastic Load Balancing User Guide: Security policies for your Application Load Balancer / Network Load Balancer"}
	// AWSCloudFront is the Amazon CloudFront Developer Guide.
	AWSCloudFront = Document{ID: "aws-cloudfront", Title: "Amazon CloudFront Developer Guide: Supported protocols and ciphers between viewers and CloudFront"}
	// AWSAPIGateway is the Amazon API Gateway Developer Guide.
	AWSAPIGateway = Document{ID: "aws-apigateway", Title: "Amazon API Gateway Developer Guide: Supported security policies"}
	// AWSOpenSearch is the Amazon OpenSearch Service API Reference.
	AWSOpenSearch = Document{ID: "aws-opensearch", Title: "Amazon OpenSearch Service API Reference: DomainEndpointOptions"}
	// AWSTransfer is the AWS Transfer Family User Guide.
	AWSTransfer = Document{ID: "aws-transfer", Title: "AWS Transfer Family User Guide: Security policies for AWS Transfer Family servers"}
)

// Documents lists every document the tables cite.
var Documents = []Document{
	CRYPTRECList, CRYPTRECList2023, NISCMigration, CRYPTRECKeyLength, TLSGuideline,
	AWSKMS, AWSACM, AWSELB, AWSCloudFront, AWSAPIGateway, AWSOpenSearch, AWSTransfer,
}

// Source says where a table entry comes from: a document and the section,
// table or note of it.
type Source struct {
	Document Document
	Section  string
}

// String formats the source for docs and test output.
func (s Source) String() string { return s.Document.Title + " — " + s.Section }
