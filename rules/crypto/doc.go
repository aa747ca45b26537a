// Package crypto holds the strength tables that rules judge cryptography by:
// algorithms, key sizes, TLS versions and cipher suites rated against the
// CRYPTREC Ciphers List that guideline item 4.6.1.1 cites, each entry with
// the document and section it comes from. Providers' vocabularies (AWS KMS
// key specs, ACM key algorithms, the TLS security policies of load
// balancers, CDNs, API gateways and search domains) map onto these tables,
// so that every provider's rules judge strength the same way.
package crypto
