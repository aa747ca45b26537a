package aws

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/segment"
)

// What a security rule or a network ACL entry opens, in ports: the remote
// administration ports that must not be open to the world, and whether a
// protocol and port range is "everything". The rules on security groups
// and network ACLs read their rules elsewhere (securityRulesOf, the ACL
// rule's own reader) and judge them here.

// adminPort is a TCP port of a remote administration service.
type adminPort struct {
	Port    int
	Service string
}

// adminPorts are the TCP ports of remote administration: a shell or a
// desktop of the server to whoever reaches them.
var adminPorts = []adminPort{
	{22, "SSH"},
	{23, "Telnet"},
	{3389, "RDP"},
	{5985, "WinRM HTTP"},
	{5986, "WinRM HTTPS"},
}

// ipProtocol is a protocol of a rule, as far as ports go.
type ipProtocol int

const (
	// protoOther is any other protocol (ICMP, whose from_port and to_port
	// are a type and a code; ESP…): its ports are not judged.
	protoOther ipProtocol = iota
	// protoAll is every protocol ("-1", "all").
	protoAll
	protoTCP
	protoUDP
)

// protocolOf reads a protocol as AWS accepts it: a name or a number, any
// case.
func protocolOf(s string) ipProtocol {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "-1", "all":
		return protoAll
	case "tcp", "6":
		return protoTCP
	case "udp", "17":
		return protoUDP
	}
	return protoOther
}

// protocolName names TCP and UDP for messages.
func protocolName(p ipProtocol) string {
	if p == protoUDP {
		return "UDP"
	}
	return "TCP"
}

// portRange is a range of ports, both ends included.
type portRange struct{ From, To int }

// allPorts is every port.
var allPorts = portRange{0, 65535}

// IsAll reports whether the range holds every port: 0–65535, or 1–65535
// (port 0 is reserved).
func (p portRange) IsAll() bool { return p.From <= 1 && p.To >= 65535 }

// Covers reports whether the range holds a port.
func (p portRange) Covers(port int) bool { return p.From <= port && port <= p.To }

// String writes the range as a message shows it: 22, or 1024-65535.
func (p portRange) String() string {
	if p.From == p.To {
		return fmt.Sprint(p.From)
	}
	return fmt.Sprintf("%d-%d", p.From, p.To)
}

// AdminPorts returns the administration ports the range holds.
func (p portRange) AdminPorts() []adminPort {
	var out []adminPort
	for _, a := range adminPorts {
		if p.Covers(a.Port) {
			out = append(out, a)
		}
	}
	return out
}

// describeAdminPorts names ports for messages: "22 (SSH), 3389 (RDP)".
func describeAdminPorts(ports []adminPort) string {
	parts := make([]string, len(ports))
	for i, a := range ports {
		parts[i] = fmt.Sprintf("%d (%s)", a.Port, a.Service)
	}
	return strings.Join(parts, ", ")
}

// opening is what a rule opens, by protocol and ports.
type opening struct {
	// Known is false when the protocol or a port cannot be known;
	// Unknown is then that value.
	Known   bool
	Unknown lint.Value
	// Protocol is the protocol; Ports its port range (every port for
	// protoAll). Neither matters for protoOther.
	Protocol ipProtocol
	Ports    portRange
	// ProtocolText is the protocol as written, for messages.
	ProtocolText string
}

// Everything reports whether the rule opens every protocol, or every port
// of TCP or UDP.
func (o opening) Everything() bool {
	switch o.Protocol {
	case protoAll:
		return true
	case protoTCP, protoUDP:
		return o.Ports.IsAll()
	}
	return false
}

// AdminPorts returns the administration ports the rule opens.
func (o opening) AdminPorts() []adminPort {
	switch o.Protocol {
	case protoAll, protoTCP:
		return o.Ports.AdminPorts()
	}
	return nil
}

// openingOf reads what a rule opens from its protocol and port range
// (from_port and to_port are read only for TCP and UDP; every other
// protocol has no ports, or ICMP types in their place). An absent protocol
// or port opens nothing: the provider rejects the rule.
func openingOf(protocol, from, to lint.Value) (opening, bool) {
	if protocol.IsUnknown() {
		return opening{Unknown: protocol}, true
	}
	s, ok := protocol.String()
	if !ok {
		return opening{}, false
	}
	o := opening{Known: true, Protocol: protocolOf(s), ProtocolText: s}
	switch o.Protocol {
	case protoAll:
		o.Ports = allPorts
	case protoTCP, protoUDP:
		for _, v := range []lint.Value{from, to} {
			if v.IsUnknown() {
				return opening{Unknown: v}, true
			}
		}
		f, ok1 := portOf(from)
		t, ok2 := portOf(to)
		if !ok1 || !ok2 {
			return opening{}, false
		}
		o.Ports = portRange{f, t}
	}
	return o, true
}

// openingOfRule reads what a security rule opens.
func openingOfRule(r securityRule) (opening, bool) {
	return openingOf(r.Protocol, r.FromPort, r.ToPort)
}

// worldAddresses returns the addresses of a security rule that are the
// whole internet (0.0.0.0/0, ::/0), and the first address that cannot be
// known (nil when all are known).
func worldAddresses(r securityRule) (world []ruleAddress, unknown *ruleAddress) {
	for i, a := range r.Addresses {
		switch {
		case a.Unknown != nil:
			if unknown == nil {
				unknown = &r.Addresses[i]
			}
		case segment.IsWorld(a.Prefix):
			world = append(world, a)
		}
	}
	return world, unknown
}

// describeWorld names the world ranges of a rule for messages:
// "0.0.0.0/0, ::/0".
func describeWorld(world []ruleAddress) string {
	var parts []string
	for _, a := range world {
		if s := a.Prefix.String(); !slices.Contains(parts, s) {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ", ")
}

// unknownAddress is an address of a rule that cannot be known, as a value
// for a strict-mode notice.
func unknownAddress(a ruleAddress) lint.Value {
	return lint.Value{State: lint.Unknown, Name: a.Name, Expr: a.Expr, Range: a.Expr.Range(), Why: *a.Unknown}
}

// findingRange chooses where to report a finding on a rule: in the root
// module the first expression; in a called module the first that uses a
// module input, so that TFLint carries the finding to the module call's
// argument (else the first, which TFLint drops: lint the module itself).
// fallback is used when no expression is written.
func findingRange(root bool, fallback hcl.Range, exprs ...hcl.Expression) hcl.Range {
	first := hcl.Range{}
	for _, e := range exprs {
		if e == nil {
			continue
		}
		if root || lint.UsesInput(e) {
			return e.Range()
		}
		if first == (hcl.Range{}) {
			first = e.Range()
		}
	}
	if first == (hcl.Range{}) {
		return fallback
	}
	return first
}

// worldRule is a security rule that allows traffic to or from the world,
// or whose addresses cannot be known, with its group's placement.
type worldRule struct {
	securityRule
	// World are its addresses 0.0.0.0/0 and ::/0; Unknown the first of its
	// addresses that cannot be known, when it has no world address.
	World   []ruleAddress
	Unknown *ruleAddress
	Placed  segment.Placement
}

// eachWorldRule calls check for each security rule of the module, in any of
// the four forms, in one direction, that allows traffic to or from the
// world (or may), outside the closed segments: in those,
// lgcloud_aws_segment_internet_isolation reports every such rule.
func eachWorldRule(runner *lint.Runner, r lint.Rule, ingress bool, check func(w worldRule) error) error {
	for _, ty := range securityRuleTypes {
		blocks, err := runner.Resources(r, ty)
		if err != nil {
			return err
		}
		for _, block := range blocks {
			for _, rule := range securityRulesOf(runner, block) {
				if rule.Ingress != ingress {
					continue
				}
				world, unknown := worldAddresses(rule)
				if len(world) == 0 && unknown == nil {
					continue
				}
				placed, err := segmentOf(runner, r, rule.Block)
				if err != nil {
					return err
				}
				if _, closed := placed.Closed(); closed {
					continue
				}
				if err := check(worldRule{securityRule: rule, World: world, Unknown: unknown, Placed: placed}); err != nil {
					return err
				}
			}
		}
	}
	return nil
}
