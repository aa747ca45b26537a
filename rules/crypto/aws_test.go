package crypto

import "testing"

func TestKMSKeySpecs(t *testing.T) {
	want := map[string]bool{
		"SYMMETRIC_DEFAULT":     true,
		"RSA_2048":              true,
		"RSA_3072":              true,
		"RSA_4096":              true,
		"ECC_NIST_P256":         true,
		"ECC_NIST_P384":         true,
		"ECC_NIST_P521":         true,
		"ECC_NIST_EDWARDS25519": true,
		"ECC_SECG_P256K1":       false,
		"HMAC_224":              false,
		"HMAC_256":              true,
		"HMAC_384":              true,
		"HMAC_512":              true,
		"SM2":                   false,
		"ML_DSA_44":             false,
		"ML_DSA_65":             false,
		"ML_DSA_87":             false,
	}
	checkNamedKeys(t, KMSKeySpecs, want, LookupKMSKeySpec)
	if _, ok := LookupKMSKeySpec("symmetric_default"); ok {
		t.Error("KMS key specs are matched exactly, as KMS does")
	}
}

func TestACMKeyAlgorithms(t *testing.T) {
	want := map[string]bool{
		"RSA_1024":      false,
		"RSA_2048":      true,
		"RSA_3072":      true,
		"RSA_4096":      true,
		"EC_prime256v1": true,
		"EC_secp384r1":  true,
		"EC_secp521r1":  true,
	}
	checkNamedKeys(t, ACMKeyAlgorithms, want, LookupACMKeyAlgorithm)
}

func checkNamedKeys(t *testing.T, table []NamedKey, want map[string]bool, lookup func(string) (NamedKey, bool)) {
	t.Helper()
	for _, k := range table {
		t.Run(k.Name, func(t *testing.T) {
			w, ok := want[k.Name]
			if !ok {
				t.Fatalf("the test states no verdict for %s", k.Name)
			}
			v := k.Key.Judge()
			if v.OK != w {
				t.Errorf("Judge().OK = %v (%s), want %v", v.OK, v.Why.EN, w)
			}
			checkSource(t, k.Source)
			checkSource(t, v.Source)
			if got, ok := lookup(k.Name); !ok || got.Name != k.Name {
				t.Errorf("lookup(%q) = %q, %v", k.Name, got.Name, ok)
			}
		})
	}
	if len(table) != len(want) {
		t.Errorf("the table has %d entries, the test states %d", len(table), len(want))
	}
}

// wantPolicies states, for every TLS policy of the table, whether it is
// accepted and the oldest protocol version it allows.
var wantPolicies = map[Service]map[string]struct {
	OK  bool
	Min Version
}{
	ELB: {
		"ELBSecurityPolicy-TLS13-1-3-2021-06":              {true, TLS13},
		"ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04":         {true, TLS13},
		"ELBSecurityPolicy-TLS13-1-3-PQ-2025-09":           {true, TLS13},
		"ELBSecurityPolicy-TLS13-1-3-FIPS-PQ-2025-09":      {true, TLS13},
		"ELBSecurityPolicy-TLS13-1-2-2021-06":              {true, TLS12},
		"ELBSecurityPolicy-TLS13-1-2-Res-2021-06":          {true, TLS12},
		"ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06":         {true, TLS12},
		"ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06":         {true, TLS12},
		"ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04":         {true, TLS12},
		"ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-04":     {true, TLS12},
		"ELBSecurityPolicy-TLS13-1-2-Ext0-FIPS-2023-04":    {true, TLS12},
		"ELBSecurityPolicy-TLS13-1-2-Ext1-FIPS-2023-04":    {true, TLS12},
		"ELBSecurityPolicy-TLS13-1-2-Ext2-FIPS-2023-04":    {true, TLS12},
		"ELBSecurityPolicy-TLS13-1-2-PQ-2025-09":           {true, TLS12},
		"ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09":       {true, TLS12},
		"ELBSecurityPolicy-TLS13-1-2-Ext1-PQ-2025-09":      {true, TLS12},
		"ELBSecurityPolicy-TLS13-1-2-Ext2-PQ-2025-09":      {true, TLS12},
		"ELBSecurityPolicy-TLS13-1-2-FIPS-PQ-2025-09":      {true, TLS12},
		"ELBSecurityPolicy-TLS13-1-2-Res-FIPS-PQ-2025-09":  {true, TLS12},
		"ELBSecurityPolicy-TLS13-1-2-Ext0-FIPS-PQ-2025-09": {true, TLS12},
		"ELBSecurityPolicy-TLS13-1-2-Ext1-FIPS-PQ-2025-09": {true, TLS12},
		"ELBSecurityPolicy-TLS13-1-2-Ext2-FIPS-PQ-2025-09": {true, TLS12},
		"ELBSecurityPolicy-FS-1-2-Res-2020-10":             {true, TLS12},
		"ELBSecurityPolicy-FS-1-2-Res-2019-08":             {true, TLS12},
		"ELBSecurityPolicy-FS-1-2-2019-08":                 {true, TLS12},
		"ELBSecurityPolicy-TLS-1-2-Ext-2018-06":            {true, TLS12},
		"ELBSecurityPolicy-TLS-1-2-2017-01":                {true, TLS12},
		"ELBSecurityPolicy-TLS13-1-1-2021-06":              {false, TLS11},
		"ELBSecurityPolicy-TLS13-1-1-FIPS-2023-04":         {false, TLS11},
		"ELBSecurityPolicy-FS-1-1-2019-08":                 {false, TLS11},
		"ELBSecurityPolicy-TLS-1-1-2017-01":                {false, TLS11},
		"ELBSecurityPolicy-TLS13-1-0-2021-06":              {false, TLS10},
		"ELBSecurityPolicy-TLS13-1-0-FIPS-2023-04":         {false, TLS10},
		"ELBSecurityPolicy-FS-2018-06":                     {false, TLS10},
		"ELBSecurityPolicy-TLS-1-0-2015-04":                {false, TLS10},
		"ELBSecurityPolicy-2016-08":                        {false, TLS10},
		"ELBSecurityPolicy-2015-05":                        {false, TLS10},
	},
	CloudFront: {
		"SSLv3":        {false, SSL30},
		"TLSv1":        {false, TLS10},
		"TLSv1_2016":   {false, TLS10},
		"TLSv1.1_2016": {false, TLS11},
		"TLSv1.2_2018": {false, TLS12},
		"TLSv1.2_2019": {false, TLS12},
		"TLSv1.2_2021": {true, TLS12},
		"TLSv1.2_2025": {true, TLS12},
		"TLSv1.3_2025": {true, TLS13},
	},
	APIGateway: {
		"TLS_1_0":                                      {false, TLS10},
		"TLS_1_2":                                      {true, TLS12},
		"SecurityPolicy_TLS13_1_2_2021_06":             {true, TLS12},
		"SecurityPolicy_TLS13_1_2_PQ_2025_09":          {true, TLS12},
		"SecurityPolicy_TLS13_1_2_PFS_PQ_2025_09":      {true, TLS12},
		"SecurityPolicy_TLS13_1_2_FIPS_PQ_2025_09":     {true, TLS12},
		"SecurityPolicy_TLS13_1_2_FIPS_PFS_PQ_2025_09": {true, TLS12},
		"SecurityPolicy_TLS12_2018_EDGE":               {true, TLS12},
		"SecurityPolicy_TLS12_PFS_2025_EDGE":           {true, TLS12},
		"SecurityPolicy_TLS13_1_3_2025_09":             {true, TLS13},
		"SecurityPolicy_TLS13_1_3_FIPS_2025_09":        {true, TLS13},
	},
	OpenSearch: {
		"Policy-Min-TLS-1-0-2019-07":     {false, TLS10},
		"Policy-Min-TLS-1-2-2019-07":     {true, TLS12},
		"Policy-Min-TLS-1-2-PFS-2023-10": {true, TLS12},
	},
}

func TestTLSPolicies(t *testing.T) {
	count := 0
	for _, p := range TLSPolicies {
		t.Run(string(p.Service)+"/"+p.Name, func(t *testing.T) {
			w, ok := wantPolicies[p.Service][p.Name]
			if !ok {
				t.Fatalf("the test states no verdict for %s", p.Name)
			}
			count++
			if p.Min != w.Min {
				t.Errorf("oldest version = %s, want %s", p.Min, w.Min)
			}
			v := p.Judge()
			if v.OK != w.OK {
				t.Errorf("Judge().OK = %v (%s), want %v", v.OK, v.Why.EN, w.OK)
			}
			if !v.OK && (v.Why.JA == "" || v.Why.EN == "") {
				t.Error("a rejection does not say why in both languages")
			}
			if p.Inferred {
				t.Error("a table entry is marked inferred")
			}
			checkSource(t, p.Source)
			if got, ok := LookupTLSPolicy(p.Service, p.Name); !ok || got.Name != p.Name || got.Inferred {
				t.Errorf("LookupTLSPolicy(%q) = %+v, %v", p.Name, got, ok)
			}
		})
	}
	total := 0
	for _, m := range wantPolicies {
		total += len(m)
	}
	if count != total || len(TLSPolicies) != total {
		t.Errorf("the table has %d policies, the test states %d", len(TLSPolicies), total)
	}
}

func TestLookupTLSPolicyInfersNewPoliciesFromTheirNames(t *testing.T) {
	cases := []struct {
		Name    string
		Service Service
		Policy  string
		Found   bool
		Min     Version
	}{
		{Name: "a future ELB TLS 1.3 policy", Service: ELB, Policy: "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2027-01", Found: true, Min: TLS12},
		{Name: "a future ELB policy that allows TLS 1.0", Service: ELB, Policy: "ELBSecurityPolicy-TLS13-1-0-PQ-2025-09", Found: true, Min: TLS10},
		{Name: "a future API Gateway TLS 1.3 policy", Service: APIGateway, Policy: "SecurityPolicy_TLS13_1_3_PQ_2026_01", Found: true, Min: TLS13},
		{Name: "a future API Gateway edge policy", Service: APIGateway, Policy: "SecurityPolicy_TLS12_2026_EDGE", Found: true, Min: TLS12},
		{Name: "a future OpenSearch policy", Service: OpenSearch, Policy: "Policy-Min-TLS-1-3-2026-01", Found: true, Min: TLS13},
		{Name: "a future CloudFront TLS 1.2 policy", Service: CloudFront, Policy: "TLSv1.2_2027", Found: true, Min: TLS12},
		{Name: "CloudFront TLS 1.2 policies before 2021 are not inferred", Service: CloudFront, Policy: "TLSv1.2_2020", Found: false},
		{Name: "a name of another service is not inferred", Service: OpenSearch, Policy: "ELBSecurityPolicy-TLS13-1-2-2021-06", Found: false},
		{Name: "a custom name is not inferred", Service: ELB, Policy: "my-policy", Found: false},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			p, ok := LookupTLSPolicy(tc.Service, tc.Policy)
			if ok != tc.Found {
				t.Fatalf("found = %v, want %v", ok, tc.Found)
			}
			if !ok {
				return
			}
			if !p.Inferred || p.Min != tc.Min {
				t.Errorf("policy = %+v, want inferred with oldest version %s", p, tc.Min)
			}
			if p.Judge().OK != (tc.Min >= MinTLS) {
				t.Errorf("Judge().OK = %v", p.Judge().OK)
			}
			checkSource(t, p.Source)
		})
	}
}

func TestTransferPolicies(t *testing.T) {
	want := map[string]bool{
		"TransferSecurityPolicy-2018-11":                          false,
		"TransferSecurityPolicy-2020-06":                          false,
		"TransferSecurityPolicy-FIPS-2020-06":                     false,
		"TransferSecurityPolicy-FIPS-2023-05":                     false,
		"TransferSecurityPolicy-FIPS-2024-01":                     false,
		"TransferSecurityPolicy-PQ-SSH-FIPS-Experimental-2023-04": false,
		"TransferSecurityPolicy-2022-03":                          true,
		"TransferSecurityPolicy-2023-05":                          true,
		"TransferSecurityPolicy-2024-01":                          true,
		"TransferSecurityPolicy-2025-03":                          true,
		"TransferSecurityPolicy-FIPS-2024-05":                     true,
		"TransferSecurityPolicy-FIPS-2025-03":                     true,
		"TransferSecurityPolicy-PQ-SSH-Experimental-2023-04":      true,
		"TransferSecurityPolicy-Restricted-2024-06":               true,
		"TransferSecurityPolicy-SshAuditCompliant-2025-02":        true,
	}
	for _, p := range TransferPolicies {
		t.Run(p.Name, func(t *testing.T) {
			w, ok := want[p.Name]
			if !ok {
				t.Fatalf("the test states no verdict for %s", p.Name)
			}
			v := p.Judge()
			if v.OK != w {
				t.Errorf("Judge().OK = %v (%s), want %v", v.OK, v.Why.EN, w)
			}
			checkSource(t, p.Source)
			checkSource(t, v.Source)
			if got, ok := LookupTransferPolicy(p.Name); !ok || got.Name != p.Name {
				t.Errorf("LookupTransferPolicy(%q) = %q, %v", p.Name, got.Name, ok)
			}
		})
	}
	if len(TransferPolicies) != len(want) {
		t.Errorf("the table has %d policies, the test states %d", len(TransferPolicies), len(want))
	}
	if _, ok := LookupTransferPolicy("TransferSecurityPolicy-Restricted-2018-11"); ok {
		t.Error("a policy whose algorithms the table has not verified is in the table")
	}
}
