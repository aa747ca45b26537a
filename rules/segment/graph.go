package segment

import (
	"net/netip"

	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
)

// Closed reports whether a segment must have no path to the internet: the
// My Number and LGWAN segments (4.3.1.1, 4.3.1.2, 4.3.1.GC1).
func Closed(segment string) bool {
	return segment == config.SegmentMyNumber || segment == config.SegmentLGWAN
}

// Title returns a segment's name as the guideline writes it, for messages.
func Title(segment string) project.Text {
	switch segment {
	case config.SegmentMyNumber:
		return project.Text{JA: "マイナンバー利用事務系（mynumber）", EN: "My Number segment (mynumber)"}
	case config.SegmentLGWAN:
		return project.Text{JA: "LGWAN接続系（lgwan）", EN: "LGWAN segment (lgwan)"}
	case config.SegmentInternet:
		return project.Text{JA: "インターネット接続系（internet）", EN: "internet segment (internet)"}
	case config.SegmentDMZ:
		return project.Text{JA: "更新用 DMZ（dmz）", EN: "update DMZ (dmz)"}
	}
	return project.Text{JA: segment, EN: segment}
}

// Kind says what a node is in the network.
type Kind int

// The kinds of node. Resolution treats them alike; the checks of networks
// holding subnets of two segments look at Network and Subnet.
const (
	Other Kind = iota
	Network
	Subnet
	RouteTable
	Gateway
	Interface
	Instance
	SecurityGroup
	Service
)

// Exit says where a gateway or a route target leads.
type Exit int

const (
	// ExitUnknown means the code does not tell where the target leads.
	ExitUnknown Exit = iota
	// ExitPrivate leads to a private network: a transit gateway, a
	// virtual private gateway (a dedicated line), a peering, an endpoint,
	// a private NAT.
	ExitPrivate
	// ExitInternet leads to the internet: an internet gateway, an
	// egress-only gateway, a public NAT gateway.
	ExitInternet
)

// Evidence is an expression, or a block, that a finding rests on.
type Evidence struct {
	Range hcl.Range
	// Input is true when the expression uses an input of the module
	// (var.*): a finding emitted on it inside a called module is reported
	// by TFLint at the module call's argument.
	Input bool
}

// Source says how a node claims its segment.
type Source int

// The sources of a claim.
const (
	ByTag Source = iota
	ByDefaultTag
	ByRange
)

// Claim is what a node says of its own segment.
type Claim struct {
	Segment string
	By      Source
	At      Evidence
}

// Unknown says why something about a node cannot be known at lint time.
type Unknown struct {
	// What names what cannot be known ("tags of aws_vpc.main").
	What project.Text
	// Why says why.
	Why project.Text
	At  Evidence
}

// Ref is a reference from a node to another. ID is empty when the
// reference cannot be followed (a module input, another module's output);
// Unknown then says why.
type Ref struct {
	ID      string
	At      Evidence
	Unknown *Unknown
}

// Node is one resource of the network.
type Node struct {
	// ID names the node: the resource's address in its module, with the
	// instance key when the resource has count or for_each
	// (aws_subnet.app[0], aws_vpc.this["mynumber"]).
	ID string
	// Name names the node in messages: the resource's address, shared by
	// its instances so that a finding on their one expression is one
	// finding. Empty means ID.
	Name string
	Kind Kind
	// At is the resource block.
	At hcl.Range
	// Claims are what the node says of its own segment: its tags. The
	// address ranges in Ranges add claims of the configured segments.
	Claims []Claim
	// Blind is set when the node's own claim cannot be known (unknown tags).
	Blind *Unknown
	// In are the nodes the node sits in and inherits its segment from
	// when it claims none: a subnet's network, an instance's subnet.
	In []Ref
	// Ranges are the address ranges of a network or subnet.
	Ranges []netip.Prefix
	// RangesAt is where Ranges are written.
	RangesAt Evidence
	// Exit is where a gateway leads.
	Exit Exit
	// Maybe is set when the resource may or may not be created (a count or
	// for_each not known at lint time): what it breaks is then a blind spot.
	Maybe *Unknown
	// split is set when the resource's instances claim different segments.
	split bool
}

// differentClaims reports whether two lists of tag claims name different
// segments.
func differentClaims(a, b []Claim) bool {
	for _, x := range a {
		for _, y := range b {
			if x.Segment != y.Segment {
				return true
			}
		}
	}
	return false
}

// Exposure is a setting that opens a node to the internet: an internet
// gateway in a network, a public IP address, an internet-facing load
// balancer.
type Exposure struct {
	Node string
	// What says what opens the node, Fix what to do.
	What, Fix project.Text
	At        Evidence
	// Unknown is set when the setting cannot be known at lint time: in a
	// closed segment it is a blind spot.
	Unknown *Unknown
}

// Dest is an address range a route leads to or a security rule allows.
type Dest struct {
	Prefix netip.Prefix
	// Unknown is set when the range cannot be known.
	Unknown *Unknown
	At      Evidence
}

// Route is a route of a route table.
type Route struct {
	// Node is the route table (or the route resource in it).
	Node string
	At   Evidence
	// Dests are where the route leads.
	Dests []Dest
	// Via is the target by reference, when written as one.
	Via Ref
	// Exit is where the target leads when the attribute naming it tells
	// (nat_gateway_id leads to a NAT gateway); ExitUnknown defers to the
	// node Via refers to.
	Exit Exit
	// Target names the target for messages ("gateway_id = aws_internet_gateway.igw").
	Target project.Text
}

// Rule is one security rule: traffic a security group allows.
type Rule struct {
	// Node is the security group the rule belongs to, or the rule
	// resource that names its group.
	Node    string
	At      Evidence
	Ingress bool
	// Addresses are the ranges the rule allows traffic from (ingress) or
	// to (egress).
	Addresses []Dest
	// Groups are the security groups the rule allows traffic from or to.
	Groups []Ref
}

// Join is a resource that connects networks: a peering connection, a
// transit gateway route table shared by its attachments.
type Join struct {
	// Node is the joining resource.
	Node string
	At   Evidence
	// What names the join for messages.
	What project.Text
	// Sides are the nodes joined.
	Sides []Ref
}

// Graph is the network of one module, as an adapter describes it.
type Graph struct {
	ranges    map[string][]netip.Prefix
	nodes     map[string]*Node
	order     []string
	exposures []Exposure
	routes    []Route
	rules     []Rule
	joins     []Join
}

// New returns an empty graph for a configuration whose segments own the
// given address ranges.
func New(cfg *config.Config) *Graph {
	g := &Graph{ranges: map[string][]netip.Prefix{}, nodes: map[string]*Node{}}
	for _, name := range config.SegmentNames {
		if seg, ok := cfg.Segments[name]; ok {
			g.ranges[name] = seg.CIDRs
		}
	}
	return g
}

// Add adds a node. The instances of one resource (count, for_each) share
// its address: their claims, references and ranges are merged.
func (g *Graph) Add(n *Node) {
	old, ok := g.nodes[n.ID]
	if !ok {
		g.nodes[n.ID] = n
		g.order = append(g.order, n.ID)
		return
	}
	switch {
	case old.split:
	case differentClaims(old.Claims, n.Claims):
		// The instances (count, for_each) of one resource in different
		// segments: the references in the code name the resource, not
		// an instance, so what sits in it cannot be placed.
		old.split, old.Claims = true, nil
		old.Blind = &Unknown{
			What: text("%s のセグメント", "the segment of %s", n.ID),
			Why:  text("インスタンス（count・for_each）ごとにセグメントが異なります", "its instances (count, for_each) are in different segments"),
			At:   Evidence{Range: n.At},
		}
	default:
		old.Claims = append(old.Claims, n.Claims...)
	}
	old.In = append(old.In, n.In...)
	old.Ranges = append(old.Ranges, n.Ranges...)
	if old.Blind == nil && !old.split {
		old.Blind = n.Blind
	}
	if old.Exit == ExitUnknown {
		old.Exit = n.Exit
	}
	if old.Maybe != nil && n.Maybe == nil {
		old.Maybe = nil
	}
}

// Link adds to a node a reference to a node it sits in, when the code
// says so from the other side (a route table association).
func (g *Graph) Link(id string, in Ref) {
	if n, ok := g.nodes[id]; ok {
		n.In = append(n.In, in)
	}
}

// Node returns a node by ID.
func (g *Graph) Node(id string) (*Node, bool) {
	n, ok := g.nodes[id]
	return n, ok
}

// Expose records an exposure.
func (g *Graph) Expose(e Exposure) { g.exposures = append(g.exposures, e) }

// Route records a route.
func (g *Graph) Route(r Route) { g.routes = append(g.routes, r) }

// Rule records a security rule.
func (g *Graph) Rule(r Rule) { g.rules = append(g.rules, r) }

// Join records a join.
func (g *Graph) Join(j Join) { g.joins = append(g.joins, j) }
