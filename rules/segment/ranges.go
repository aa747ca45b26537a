package segment

import "net/netip"

// private are the ranges that never lead to the internet: RFC 1918, shared
// address space (RFC 6598), loopback, link-local, and IPv6 unique-local and
// link-local addresses.
var private = []netip.Prefix{
	netip.MustParsePrefix("10.0.0.0/8"),
	netip.MustParsePrefix("172.16.0.0/12"),
	netip.MustParsePrefix("192.168.0.0/16"),
	netip.MustParsePrefix("100.64.0.0/10"),
	netip.MustParsePrefix("127.0.0.0/8"),
	netip.MustParsePrefix("169.254.0.0/16"),
	netip.MustParsePrefix("fc00::/7"),
	netip.MustParsePrefix("fe80::/10"),
	netip.MustParsePrefix("::1/128"),
}

// isPublic reports whether a destination range reaches internet addresses:
// the default routes, and any range not wholly private.
func isPublic(p netip.Prefix) bool {
	for _, r := range private {
		if within(p, r) {
			return false
		}
	}
	return true
}

// IsWorld reports whether a range is the whole address space: 0.0.0.0/0 or
// ::/0.
func IsWorld(p netip.Prefix) bool { return p.IsValid() && p.Bits() == 0 }
