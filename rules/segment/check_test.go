package segment

import (
	"net/netip"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
)

// The tests name every piece of evidence by a label, kept in the file name
// of its range, so that a finding's evidence reads as a list of labels:
// "vpc.m.tags" is the segment tag of vpc.m, "sub>vpc.m" the reference from
// sub to vpc.m, "dest 0.0.0.0/0" a route's destination.

func ev(label string) Evidence { return Evidence{Range: hcl.Range{Filename: label}} }

func labels(at []Evidence) []string {
	var out []string
	for _, e := range at {
		out = append(out, e.Range.Filename)
	}
	return out
}

func txt(s string) project.Text { return project.Text{JA: s, EN: s} }

// unk is something unknown, named what; it is known at evidence what and
// its reason is "why: what".
func unk(what string) *Unknown {
	return &Unknown{What: txt(what), Why: txt("why: " + what), At: ev(what)}
}

// unknownRef is a reference that cannot be followed.
func unknownRef(what string) Ref { return Ref{At: ev(what), Unknown: unk(what)} }

// ref is a reference from one node to another.
func ref(from, to string) Ref { return Ref{ID: to, At: ev(from + ">" + to)} }

// node returns a node that claims seg by its tag (none when seg is empty)
// and sits in the parents.
func node(id string, kind Kind, seg string, parents ...string) *Node {
	n := &Node{ID: id, Kind: kind, At: ev(id).Range}
	if seg != "" {
		n.Claims = []Claim{{Segment: seg, By: ByTag, At: ev(id + ".tags")}}
	}
	for _, p := range parents {
		n.In = append(n.In, ref(id, p))
	}
	return n
}

// ranged gives a node address ranges, written at id.cidr.
func ranged(n *Node, cidrs ...string) *Node {
	for _, c := range cidrs {
		n.Ranges = append(n.Ranges, netip.MustParsePrefix(c))
	}
	n.RangesAt = ev(n.ID + ".cidr")
	return n
}

func blind(n *Node, what string) *Node { n.Blind = unk(what); return n }

func maybe(n *Node, what string) *Node { n.Maybe = unk(what); return n }

func exit(n *Node, e Exit) *Node { n.Exit = e; return n }

// dests are route destinations or rule addresses, each written at
// "dest <cidr>".
func dests(cidrs ...string) []Dest {
	var out []Dest
	for _, c := range cidrs {
		out = append(out, Dest{Prefix: netip.MustParsePrefix(c), At: ev("dest " + c)})
	}
	return out
}

// route is a route of table to dests, written at table.route.
func route(table string, e Exit, via Ref, cidrs ...string) Route {
	return Route{Node: table, At: ev(table + ".route"), Dests: dests(cidrs...), Via: via, Exit: e, Target: txt("target")}
}

// rule is a security rule of group, written at group.rule.
func rule(group string, ingress bool, cidrs ...string) Rule {
	return Rule{Node: group, At: ev(group + ".rule"), Ingress: ingress, Addresses: dests(cidrs...)}
}

// expose is an exposure of a node, written at "<id>.exposure".
func expose(id string) Exposure {
	return Exposure{Node: id, What: txt("exposure of " + id), Fix: txt("fix " + id), At: ev(id + ".exposure")}
}

// join is a join of sides, written at its node.
func join(id string, sides ...string) Join {
	j := Join{Node: id, At: ev(id), What: txt("join " + id)}
	for _, s := range sides {
		j.Sides = append(j.Sides, ref(id, s))
	}
	return j
}

// withCIDRs returns the default configuration whose segments own the
// given ranges.
func withCIDRs(cidrs map[string][]string) *config.Config {
	cfg := config.Default()
	for name, list := range cidrs {
		for _, c := range list {
			cfg.Segments[name].CIDRs = append(cfg.Segments[name].CIDRs, netip.MustParsePrefix(c))
		}
	}
	return cfg
}

// The results in a comparable form.
type (
	finding struct {
		Problem              Problem
		Node, Segment, Other string
		At                   []string
	}
	notice struct {
		Problem   Problem
		Node      string
		What, Why string
		At        []string
	}
	place struct {
		Segments []string
		At       []string
		Unknown  string
	}
)

func findingsOf(r *Result) []finding {
	var out []finding
	for _, f := range r.Findings {
		out = append(out, finding{f.Problem, f.Node, f.Segment, f.Other, labels(f.At)})
	}
	return out
}

func noticesOf(r *Result) []notice {
	var out []notice
	for _, n := range r.Notices {
		out = append(out, notice{n.Problem, n.Node, n.What.EN, n.Why.EN, labels(n.At)})
	}
	return out
}

func placeOf(p Placement) place {
	out := place{Segments: p.Segments, At: labels(p.At)}
	if p.Unknown != nil {
		out.Unknown = p.Unknown.What.EN
	}
	return out
}

// undecided is the reason of a notice about a node whose segment cannot
// be decided because of what.
func undecided(what string) string {
	return "the segment cannot be decided (" + what + ": why: " + what + ")"
}

// closedNet adds a My Number network vpc.m, its subnet sub.m and route
// table rt.m, and an internet network vpc.i with its subnet sub.i and
// route table rt.i.
func closedNet(g *Graph) {
	g.Add(node("vpc.m", Network, "mynumber"))
	g.Add(node("sub.m", Subnet, "", "vpc.m"))
	g.Add(node("rt.m", RouteTable, "", "vpc.m"))
	g.Add(node("vpc.i", Network, "internet"))
	g.Add(node("sub.i", Subnet, "", "vpc.i"))
	g.Add(node("rt.i", RouteTable, "", "vpc.i"))
}

// placedM is the evidence that places rt.m, sg.m and sub.m in mynumber.
func placedM(id string) []string { return []string{id + ">vpc.m", "vpc.m.tags"} }

type checkCase struct {
	Name     string
	CIDRs    map[string][]string
	Build    func(g *Graph)
	Findings []finding
	Notices  []notice
	// Places are the placements of some nodes.
	Places map[string]place
}

func runCheckCases(t *testing.T, cases []checkCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			g := New(withCIDRs(tc.CIDRs))
			tc.Build(g)
			res := g.Check()
			opts := cmpopts.EquateEmpty()
			if diff := cmp.Diff(tc.Findings, findingsOf(res), opts); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.Notices, noticesOf(res), opts); diff != "" {
				t.Errorf("notices (-want +got):\n%s", diff)
			}
			for id, want := range tc.Places {
				if diff := cmp.Diff(want, placeOf(res.Of(id)), opts); diff != "" {
					t.Errorf("placement of %s (-want +got):\n%s", id, diff)
				}
			}
		})
	}
}

func TestCheckPlacement(t *testing.T) {
	runCheckCases(t, []checkCase{
		{
			Name: "own tag places the node",
			Build: func(g *Graph) {
				g.Add(node("vpc.m", Network, "mynumber"))
				g.Add(node("vpc.x", Network, ""))
			},
			Places: map[string]place{
				"vpc.m": {Segments: []string{"mynumber"}, At: []string{"vpc.m.tags"}},
				"vpc.x": {},
			},
		},
		{
			Name:  "configured range places networks and subnets",
			CIDRs: map[string][]string{"mynumber": {"10.1.0.0/16", "fd00:1::/48"}, "lgwan": {"10.0.1.0/24"}},
			Build: func(g *Graph) {
				g.Add(ranged(node("vpc.m", Network, ""), "10.1.0.0/16"))
				g.Add(ranged(node("vpc.v6", Network, ""), "fd00:1:0:1::/64"))
				// A network wider than a configured range is not in it.
				g.Add(ranged(node("vpc.x", Network, ""), "10.0.0.0/16"))
				g.Add(ranged(node("sub.l", Subnet, "", "vpc.x"), "10.0.1.0/24"))
				g.Add(ranged(node("sub.x", Subnet, "", "vpc.x"), "10.0.2.0/24"))
			},
			Places: map[string]place{
				"vpc.m":  {Segments: []string{"mynumber"}, At: []string{"vpc.m.cidr"}},
				"vpc.v6": {Segments: []string{"mynumber"}, At: []string{"vpc.v6.cidr"}},
				// A network that claims nothing is in the segment its
				// subnets claim, and so is what else sits in it.
				"vpc.x": {Segments: []string{"lgwan"}, At: []string{"sub.l.cidr"}},
				"sub.l": {Segments: []string{"lgwan"}, At: []string{"sub.l.cidr"}},
				"sub.x": {Segments: []string{"lgwan"}, At: []string{"sub.x>vpc.x", "sub.l.cidr"}},
			},
		},
		{
			Name: "subnet, instance and route table inherit through In and Link",
			Build: func(g *Graph) {
				g.Add(node("vpc.l", Network, "lgwan"))
				g.Add(node("sub", Subnet, "", "vpc.l"))
				g.Add(node("i", Instance, "", "sub"))
				g.Add(node("rt", RouteTable, ""))
				g.Link("rt", ref("rt", "sub"))
				g.Link("missing", ref("missing", "sub")) // no such node: ignored
			},
			Places: map[string]place{
				"sub":     {Segments: []string{"lgwan"}, At: []string{"sub>vpc.l", "vpc.l.tags"}},
				"i":       {Segments: []string{"lgwan"}, At: []string{"i>sub", "sub>vpc.l", "vpc.l.tags"}},
				"rt":      {Segments: []string{"lgwan"}, At: []string{"rt>sub", "sub>vpc.l", "vpc.l.tags"}},
				"missing": {},
			},
		},
		{
			Name: "route table of an untagged network takes the segment of its subnets",
			Build: func(g *Graph) {
				g.Add(node("vpc.x", Network, ""))
				g.Add(node("sub.m", Subnet, "mynumber", "vpc.x"))
				g.Add(node("rt", RouteTable, "", "vpc.x"))
				g.Link("rt", ref("rt", "sub.m"))
			},
			Places: map[string]place{
				"rt": {Segments: []string{"mynumber"}, At: []string{"rt>vpc.x", "sub.m.tags"}},
			},
		},
		{
			Name: "instance with interfaces in two segments joins them",
			Build: func(g *Graph) {
				g.Add(node("vpc.a", Network, ""))
				g.Add(node("vpc.b", Network, ""))
				g.Add(node("sub.m", Subnet, "mynumber", "vpc.a"))
				g.Add(node("sub.i", Subnet, "internet", "vpc.b"))
				g.Add(node("eni.m", Interface, "", "sub.m"))
				g.Add(node("eni.i", Interface, "", "sub.i"))
				g.Add(node("i", Instance, ""))
				g.Link("i", ref("i", "eni.m"))
				g.Link("i", ref("i", "eni.i"))
			},
			Findings: []finding{{Problem: Joined, Node: "i", Segment: "mynumber", Other: "internet",
				At: []string{"i", "i>eni.m", "eni.m>sub.m", "sub.m.tags", "i>eni.i", "eni.i>sub.i", "sub.i.tags"}}},
			Places: map[string]place{
				"i": {Segments: []string{"mynumber", "internet"},
					At: []string{"i>eni.m", "eni.m>sub.m", "sub.m.tags", "i>eni.i", "eni.i>sub.i", "sub.i.tags"}},
			},
		},
		{
			Name: "instance with two interfaces of one segment joins nothing",
			Build: func(g *Graph) {
				g.Add(node("vpc.m", Network, "mynumber"))
				g.Add(node("eni.a", Interface, "", "vpc.m"))
				g.Add(node("eni.b", Interface, "", "vpc.m"))
				g.Add(node("i", Instance, "", "eni.a", "eni.b"))
			},
			Places: map[string]place{
				"i": {Segments: []string{"mynumber"}, At: []string{"i>eni.a", "eni.a>vpc.m", "vpc.m.tags"}},
			},
		},
		{
			Name:  "tag and configured range disagree",
			CIDRs: map[string][]string{"mynumber": {"10.1.0.0/16"}},
			Build: func(g *Graph) {
				g.Add(ranged(node("vpc.i", Network, "internet"), "10.1.0.0/16"))
			},
			// The range is the setting that breaks the separation.
			Findings: []finding{{Problem: Joined, Node: "vpc.i", Segment: "internet", Other: "mynumber",
				At: []string{"vpc.i.cidr", "vpc.i.tags", "vpc.i"}}},
			Places: map[string]place{
				"vpc.i": {Segments: []string{"internet"}, At: []string{"vpc.i.tags"}},
			},
		},
		{
			Name:  "tag and configured range agree",
			CIDRs: map[string][]string{"mynumber": {"10.1.0.0/16"}},
			Build: func(g *Graph) {
				g.Add(ranged(node("vpc.m", Network, "mynumber"), "10.1.0.0/16"))
			},
			Places: map[string]place{
				"vpc.m": {Segments: []string{"mynumber"}, At: []string{"vpc.m.tags"}},
			},
		},
		{
			Name: "subnet tagged with another segment than its network",
			Build: func(g *Graph) {
				g.Add(node("vpc.m", Network, "mynumber"))
				g.Add(node("sub.i", Subnet, "internet", "vpc.m"))
				g.Add(node("sub.m", Subnet, "mynumber", "vpc.m"))
			},
			// The subnet's tag breaks the separation; the network is placed,
			// so it is not also reported as holding two segments.
			Findings: []finding{{Problem: Joined, Node: "sub.i", Segment: "internet", Other: "mynumber",
				At: []string{"sub.i.tags", "sub.i>vpc.m", "vpc.m.tags", "sub.i"}}},
			Places: map[string]place{
				"sub.i": {Segments: []string{"internet"}, At: []string{"sub.i.tags"}},
			},
		},
		{
			Name: "untagged network holding subnets of two segments",
			Build: func(g *Graph) {
				g.Add(node("vpc.x", Network, ""))
				g.Add(node("sub.m", Subnet, "mynumber", "vpc.x"))
				g.Add(node("sub.l", Subnet, "lgwan", "vpc.x"))
				g.Add(node("sub.l2", Subnet, "lgwan", "vpc.x"))
				// Only subnets count: a tagged instance in the network does not.
				g.Add(node("i.i", Instance, "internet", "vpc.x"))
			},
			Findings: []finding{{Problem: Joined, Node: "vpc.x", Segment: "mynumber", Other: "lgwan",
				At: []string{"vpc.x", "sub.m.tags", "sub.l.tags"}}},
			Places: map[string]place{"vpc.x": {}},
		},
		{
			Name:  "untagged network holding subnets in two configured ranges",
			CIDRs: map[string][]string{"mynumber": {"10.1.1.0/24"}, "lgwan": {"10.1.2.0/24"}},
			Build: func(g *Graph) {
				g.Add(ranged(node("vpc.x", Network, ""), "10.1.0.0/16"))
				g.Add(ranged(node("sub.a", Subnet, "", "vpc.x"), "10.1.1.0/24"))
				g.Add(ranged(node("sub.b", Subnet, "", "vpc.x"), "10.1.2.0/24"))
			},
			Findings: []finding{{Problem: Joined, Node: "vpc.x", Segment: "mynumber", Other: "lgwan",
				At: []string{"vpc.x", "sub.a.cidr", "sub.b.cidr"}}},
		},
		{
			Name: "untagged network holding subnets of one segment",
			Build: func(g *Graph) {
				g.Add(node("vpc.x", Network, ""))
				g.Add(node("sub.a", Subnet, "lgwan", "vpc.x"))
				g.Add(node("sub.b", Subnet, "lgwan", "vpc.x"))
			},
		},
		{
			Name: "unknown parent and blind network leave the segment unknown",
			Build: func(g *Graph) {
				g.Add(&Node{ID: "sub.u", Kind: Subnet, In: []Ref{unknownRef("vpc_id = var.vpc_id")}})
				g.Add(node("i.u", Instance, "", "sub.u"))
				g.Add(blind(node("vpc.b", Network, ""), "tags of vpc.b"))
				g.Add(node("sub.b", Subnet, "", "vpc.b"))
			},
			Places: map[string]place{
				"sub.u": {Unknown: "vpc_id = var.vpc_id"},
				"i.u":   {Unknown: "vpc_id = var.vpc_id"},
				"vpc.b": {Unknown: "tags of vpc.b"},
				"sub.b": {Unknown: "tags of vpc.b"},
			},
		},
		{
			Name: "a known parent or an own claim decides over what is unknown",
			Build: func(g *Graph) {
				g.Add(node("vpc.m", Network, "mynumber"))
				g.Add(blind(node("vpc.b", Network, ""), "tags of vpc.b"))
				g.Add(node("sub.m", Subnet, "mynumber", "vpc.b"))
				i := node("i", Instance, "", "vpc.m")
				i.In = append(i.In, unknownRef("subnet_id = var.subnet"))
				g.Add(i)
				// A node whose own tag cannot be known takes its parent's segment.
				g.Add(blind(node("rt.b", RouteTable, "", "vpc.m"), "tags of rt.b"))
			},
			Places: map[string]place{
				"sub.m": {Segments: []string{"mynumber"}, At: []string{"sub.m.tags"}},
				"i":     {Segments: []string{"mynumber"}, At: []string{"i>vpc.m", "vpc.m.tags"}},
				"rt.b":  {Segments: []string{"mynumber"}, At: []string{"rt.b>vpc.m", "vpc.m.tags"}},
			},
		},
		{
			Name: "instances of one resource are merged",
			Build: func(g *Graph) {
				g.Add(node("vpc.m", Network, "mynumber"))
				g.Add(&Node{ID: "sub", Kind: Subnet})
				g.Add(node("sub", Subnet, "", "vpc.m")) // the second instance refers to the network
			},
			Places: map[string]place{
				"sub": {Segments: []string{"mynumber"}, At: []string{"sub>vpc.m", "vpc.m.tags"}},
			},
		},
	})
}

// TestCheckCycles checks that references in a circle neither hang nor
// panic, and do not take a node's own claim away.
func TestCheckCycles(t *testing.T) {
	g := New(config.Default())
	g.Add(node("a", Subnet, "mynumber", "b"))
	g.Add(node("b", Subnet, "", "a"))
	g.Add(node("self", Instance, "", "self"))
	g.Add(node("x", Instance, "", "y"))
	g.Add(node("y", Instance, "", "z"))
	g.Add(node("z", Instance, "", "x"))
	g.Route(route("b", ExitInternet, Ref{}, "0.0.0.0/0"))
	done := make(chan *Result, 1)
	go func() { done <- g.Check() }()
	select {
	case res := <-done:
		if diff := cmp.Diff([]string{"mynumber"}, res.Of("a").Segments); diff != "" {
			t.Errorf("placement of a (-want +got):\n%s", diff)
		}
		for _, id := range []string{"self", "x", "y", "z"} {
			if p := res.Of(id); len(p.Segments) != 0 || p.Unknown != nil {
				t.Errorf("placement of %s = %+v, want none", id, p)
			}
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Check does not end on references in a circle")
	}
}

func TestCheckExposures(t *testing.T) {
	runCheckCases(t, []checkCase{
		{
			Name: "exposure in a closed segment",
			Build: func(g *Graph) {
				closedNet(g)
				g.Add(node("i", Instance, "", "sub.m"))
				g.Expose(expose("i"))
			},
			Findings: []finding{{Problem: Internet, Node: "i", Segment: "mynumber",
				At: []string{"i.exposure", "i>sub.m", "sub.m>vpc.m", "vpc.m.tags"}}},
		},
		{
			Name: "exposure in an open segment",
			Build: func(g *Graph) {
				closedNet(g)
				g.Add(exit(node("igw", Gateway, "", "vpc.i"), ExitInternet))
				g.Expose(expose("igw"))
				g.Expose(expose("sub.i"))
			},
		},
		{
			Name: "exposure of a node in no segment, or not in the graph",
			Build: func(g *Graph) {
				g.Add(node("vpc.x", Network, ""))
				g.Expose(expose("vpc.x"))
				g.Expose(expose("missing"))
			},
		},
		{
			Name: "exposure of a node whose segment is unknown",
			Build: func(g *Graph) {
				g.Add(blind(node("vpc.b", Network, ""), "tags of vpc.b"))
				g.Add(node("igw", Gateway, "", "vpc.b"))
				g.Expose(expose("igw"))
			},
			Notices: []notice{{Problem: Internet, Node: "igw", What: "whether exposure of igw",
				Why: undecided("tags of vpc.b"), At: []string{"igw.exposure"}}},
		},
		{
			Name: "exposure that cannot be known, in a closed segment",
			Build: func(g *Graph) {
				closedNet(g)
				e := expose("sub.m")
				e.Unknown = unk("map_public_ip_on_launch of sub.m")
				g.Expose(e)
			},
			Notices: []notice{{Problem: Internet, Node: "sub.m", What: "map_public_ip_on_launch of sub.m",
				Why: "why: map_public_ip_on_launch of sub.m", At: []string{"sub.m.exposure"}}},
		},
		{
			Name: "exposure that cannot be known, in an open or unknown segment",
			Build: func(g *Graph) {
				closedNet(g)
				g.Add(blind(node("vpc.b", Network, ""), "tags of vpc.b"))
				for _, id := range []string{"sub.i", "vpc.b"} {
					e := expose(id)
					e.Unknown = unk("setting of " + id)
					g.Expose(e)
				}
			},
		},
	})
}

func TestCheckRoutes(t *testing.T) {
	igw := func(g *Graph) { g.Add(exit(node("igw", Gateway, "", "vpc.m"), ExitInternet)) }
	via := func(from, to string) Ref { return ref(from+".route", to) }
	runCheckCases(t, []checkCase{
		{
			Name: "default route to the internet from a closed segment",
			Build: func(g *Graph) {
				closedNet(g)
				g.Route(route("rt.m", ExitInternet, Ref{}, "0.0.0.0/0", "::/0"))
			},
			Findings: []finding{
				{Problem: Internet, Node: "rt.m", Segment: "mynumber", At: append([]string{"dest 0.0.0.0/0", "rt.m.route"}, placedM("rt.m")...)},
				{Problem: Internet, Node: "rt.m", Segment: "mynumber", At: append([]string{"dest ::/0", "rt.m.route"}, placedM("rt.m")...)},
			},
		},
		{
			Name: "public range through an internet gateway from a closed segment",
			Build: func(g *Graph) {
				closedNet(g)
				g.Route(route("rt.m", ExitInternet, Ref{}, "203.0.113.0/24", "0.0.0.0/1"))
			},
			Findings: []finding{
				{Problem: Internet, Node: "rt.m", Segment: "mynumber", At: append([]string{"dest 203.0.113.0/24", "rt.m.route"}, placedM("rt.m")...)},
				{Problem: Internet, Node: "rt.m", Segment: "mynumber", At: append([]string{"dest 0.0.0.0/1", "rt.m.route"}, placedM("rt.m")...)},
			},
		},
		{
			Name: "private ranges through an internet gateway",
			Build: func(g *Graph) {
				closedNet(g)
				g.Route(route("rt.m", ExitInternet, Ref{}, "10.0.0.0/8", "100.64.0.0/10", "fd00::/8"))
			},
		},
		{
			Name: "default route to the internet from an open segment",
			Build: func(g *Graph) {
				closedNet(g)
				g.Route(route("rt.i", ExitInternet, Ref{}, "0.0.0.0/0"))
			},
		},
		{
			Name: "destination that cannot be known",
			Build: func(g *Graph) {
				closedNet(g)
				r := route("rt.m", ExitInternet, Ref{})
				r.Dests = []Dest{{Unknown: unk("destination_cidr_block"), At: ev("dest ?")}}
				g.Route(r)
				// Through a private exit, or in an open segment, it does not matter.
				r.Exit = ExitPrivate
				g.Route(r)
				r.Node, r.Exit = "rt.i", ExitInternet
				g.Route(r)
			},
			Notices: []notice{{Problem: Internet, Node: "rt.m", What: "the route through target", Why: "why: destination_cidr_block", At: []string{"dest ?"}}},
		},
		{
			Name: "target that cannot be known",
			Build: func(g *Graph) {
				closedNet(g)
				g.Route(route("rt.m", ExitUnknown, unknownRef("gateway_id = var.gw"), "0.0.0.0/0", "10.0.0.0/8"))
			},
			Notices: []notice{{Problem: Internet, Node: "rt.m", What: "where the route of rt.m to 0.0.0.0/0 leads",
				Why: "why: gateway_id = var.gw", At: []string{"gateway_id = var.gw"}}},
		},
		{
			Name: "exit taken from the target: public NAT gateway",
			Build: func(g *Graph) {
				closedNet(g)
				g.Add(exit(node("nat", Gateway, "", "sub.m"), ExitInternet))
				g.Route(route("rt.m", ExitUnknown, via("rt.m", "nat"), "0.0.0.0/0"))
			},
			Findings: []finding{{Problem: Internet, Node: "rt.m", Segment: "mynumber",
				At: append([]string{"dest 0.0.0.0/0", "rt.m.route"}, placedM("rt.m")...)}},
		},
		{
			Name: "exit taken from the target: private NAT gateway, or a gateway that does not tell",
			Build: func(g *Graph) {
				closedNet(g)
				g.Add(exit(node("nat", Gateway, "", "sub.m"), ExitPrivate))
				g.Add(node("gw", Gateway, "", "sub.m"))
				g.Route(route("rt.m", ExitUnknown, via("rt.m", "nat"), "0.0.0.0/0"))
				g.Route(route("rt.m", ExitUnknown, via("rt.m", "gw"), "0.0.0.0/0"))
				g.Route(route("rt.m", ExitUnknown, via("rt.m", "missing"), "0.0.0.0/0"))
			},
		},
		{
			Name: "exit written on the route wins over the target's",
			Build: func(g *Graph) {
				closedNet(g)
				igw(g)
				g.Route(route("rt.m", ExitPrivate, via("rt.m", "igw"), "0.0.0.0/0"))
			},
		},
		{
			Name:  "default route through a private exit",
			CIDRs: map[string][]string{"lgwan": {"10.2.0.0/16"}},
			Build: func(g *Graph) {
				closedNet(g)
				g.Route(route("rt.m", ExitPrivate, Ref{}, "0.0.0.0/0", "::/0"))
			},
		},
		{
			Name:  "route to another segment's configured range",
			CIDRs: map[string][]string{"lgwan": {"10.2.0.0/16"}},
			Build: func(g *Graph) {
				closedNet(g)
				g.Route(route("rt.m", ExitPrivate, Ref{}, "10.2.3.0/24", "10.3.0.0/16"))
			},
			Findings: []finding{{Problem: Joined, Node: "rt.m", Segment: "mynumber", Other: "lgwan",
				At: append([]string{"dest 10.2.3.0/24", "rt.m.route"}, placedM("rt.m")...)}},
		},
		{
			Name: "route to the range of a network placed in another segment",
			Build: func(g *Graph) {
				closedNet(g)
				g.Add(ranged(node("vpc.l", Network, "lgwan"), "10.3.0.0/16"))
				g.Route(route("rt.m", ExitPrivate, Ref{}, "10.3.0.0/16", "10.3.4.0/24"))
			},
			Findings: []finding{
				{Problem: Joined, Node: "rt.m", Segment: "mynumber", Other: "lgwan", At: append([]string{"dest 10.3.0.0/16", "rt.m.route"}, placedM("rt.m")...)},
				{Problem: Joined, Node: "rt.m", Segment: "mynumber", Other: "lgwan", At: append([]string{"dest 10.3.4.0/24", "rt.m.route"}, placedM("rt.m")...)},
			},
		},
		{
			Name:  "route to a range of its own segment",
			CIDRs: map[string][]string{"mynumber": {"10.9.0.0/16"}},
			Build: func(g *Graph) {
				g.Add(ranged(node("vpc.m", Network, "mynumber"), "10.1.0.0/16"))
				g.Add(node("rt.m", RouteTable, "", "vpc.m"))
				g.Route(route("rt.m", ExitPrivate, Ref{}, "10.1.0.0/16", "10.9.1.0/24"))
			},
		},
		{
			Name: "route whose target is in another segment",
			Build: func(g *Graph) {
				closedNet(g)
				g.Add(node("vpc.l", Network, "lgwan"))
				g.Add(node("att.l", Other, "", "vpc.l"))
				g.Add(node("att.m", Other, "", "vpc.m"))
				g.Route(route("rt.m", ExitPrivate, via("rt.m", "att.l"), "10.50.0.0/16"))
				g.Route(route("rt.m", ExitPrivate, via("rt.m", "att.m"), "10.51.0.0/16"))
			},
			Findings: []finding{{Problem: Joined, Node: "rt.m", Segment: "mynumber", Other: "lgwan",
				At: append([]string{"rt.m.route>att.l", "rt.m.route"}, placedM("rt.m")...)}},
		},
		{
			Name: "route to the internet from a route table whose segment is unknown",
			Build: func(g *Graph) {
				g.Add(&Node{ID: "rt.u", Kind: RouteTable, In: []Ref{unknownRef("vpc_id = var.vpc")}})
				g.Route(route("rt.u", ExitInternet, Ref{}, "0.0.0.0/0"))
				g.Route(route("rt.u", ExitPrivate, Ref{}, "0.0.0.0/0"))
			},
			Notices: []notice{{Problem: Internet, Node: "rt.u", What: "the route through target", Why: undecided("vpc_id = var.vpc"), At: []string{"rt.u.route"}}},
		},
	})
}

func TestCheckSecurityRules(t *testing.T) {
	sgs := func(g *Graph) {
		closedNet(g)
		g.Add(node("sg.m", SecurityGroup, "", "vpc.m"))
		g.Add(node("sg.i", SecurityGroup, "", "vpc.i"))
	}
	runCheckCases(t, []checkCase{
		{
			Name: "world address in a closed segment",
			Build: func(g *Graph) {
				sgs(g)
				g.Rule(rule("sg.m", true, "0.0.0.0/0"))
				g.Rule(rule("sg.m", false, "::/0"))
			},
			Findings: []finding{
				{Problem: Internet, Node: "sg.m", Segment: "mynumber", At: append([]string{"dest 0.0.0.0/0", "sg.m.rule"}, placedM("sg.m")...)},
				{Problem: Internet, Node: "sg.m", Segment: "mynumber", At: append([]string{"dest ::/0", "sg.m.rule"}, placedM("sg.m")...)},
			},
		},
		{
			Name: "world address in an open segment; a public range that is not the world",
			Build: func(g *Graph) {
				sgs(g)
				g.Rule(rule("sg.i", true, "0.0.0.0/0"))
				g.Rule(rule("sg.m", true, "203.0.113.0/24"))
			},
		},
		{
			Name: "world address in a group whose segment is unknown",
			Build: func(g *Graph) {
				g.Add(blind(node("sg.b", SecurityGroup, ""), "tags of sg.b"))
				g.Rule(rule("sg.b", true, "0.0.0.0/0"))
			},
			Notices: []notice{{Problem: Internet, Node: "sg.b", What: "the security rule of sg.b allowing traffic from 0.0.0.0/0",
				Why: undecided("tags of sg.b"), At: []string{"dest 0.0.0.0/0"}}},
		},
		{
			Name: "address that cannot be known",
			Build: func(g *Graph) {
				sgs(g)
				for _, id := range []string{"sg.m", "sg.i"} {
					r := rule(id, false)
					r.Addresses = []Dest{{Unknown: unk("cidr_blocks"), At: ev("dest ?")}}
					g.Rule(r)
				}
			},
			Notices: []notice{{Problem: Internet, Node: "sg.m", What: "the addresses a security rule of sg.m allows traffic to",
				Why: "why: cidr_blocks", At: []string{"dest ?"}}},
		},
		{
			Name:  "range of another segment",
			CIDRs: map[string][]string{"lgwan": {"10.2.0.0/16"}, "mynumber": {"10.1.0.0/16"}},
			Build: func(g *Graph) {
				sgs(g)
				g.Rule(rule("sg.m", true, "10.2.5.0/24", "10.1.5.0/24", "10.7.0.0/16"))
			},
			Findings: []finding{{Problem: Joined, Node: "sg.m", Segment: "mynumber", Other: "lgwan",
				At: append([]string{"dest 10.2.5.0/24", "sg.m.rule"}, placedM("sg.m")...)}},
		},
		{
			Name: "security group of another segment",
			Build: func(g *Graph) {
				sgs(g)
				g.Add(node("sg.m2", SecurityGroup, "", "vpc.m"))
				r := rule("sg.m", true)
				r.Groups = []Ref{ref("sg.m.rule", "sg.i"), ref("sg.m.rule", "sg.m2"), unknownRef("var.sg"), ref("sg.m.rule", "missing")}
				g.Rule(r)
			},
			Findings: []finding{{Problem: Joined, Node: "sg.m", Segment: "mynumber", Other: "internet",
				At: append([]string{"sg.m.rule>sg.i", "sg.m.rule"}, placedM("sg.m")...)}},
		},
	})
}

func TestCheckJoins(t *testing.T) {
	nets := func(g *Graph) {
		g.Add(node("vpc.m", Network, "mynumber"))
		g.Add(node("vpc.m2", Network, "mynumber"))
		g.Add(node("vpc.l", Network, "lgwan"))
		g.Add(node("vpc.i", Network, "internet"))
		g.Add(blind(node("vpc.b", Network, ""), "tags of vpc.b"))
	}
	runCheckCases(t, []checkCase{
		{
			Name: "peering of two segments",
			Build: func(g *Graph) {
				nets(g)
				g.Join(join("pcx", "vpc.m", "vpc.l"))
			},
			Findings: []finding{{Problem: Joined, Node: "pcx", Segment: "mynumber", Other: "lgwan",
				At: []string{"pcx", "pcx>vpc.m", "vpc.m.tags", "pcx>vpc.l", "vpc.l.tags"}}},
		},
		{
			Name: "peering within one segment",
			Build: func(g *Graph) {
				nets(g)
				g.Join(join("pcx", "vpc.m", "vpc.m2"))
			},
		},
		{
			Name: "transit gateway joining three networks",
			Build: func(g *Graph) {
				nets(g)
				g.Join(join("tgw", "vpc.m", "vpc.m2", "vpc.i"))
			},
			Findings: []finding{{Problem: Joined, Node: "tgw", Segment: "mynumber", Other: "internet",
				At: []string{"tgw", "tgw>vpc.m", "vpc.m.tags", "tgw>vpc.i", "vpc.i.tags"}}},
		},
		{
			Name: "one side unknown, the other closed",
			Build: func(g *Graph) {
				nets(g)
				j := join("pcx", "vpc.m")
				j.Sides = append(j.Sides, unknownRef("peer_vpc_id = var.peer"))
				g.Join(j)
				g.Join(join("pcx.b", "vpc.b", "vpc.l"))
			},
			Notices: []notice{
				{Problem: Joined, Node: "pcx", What: "the separation at join pcx", Why: undecided("peer_vpc_id = var.peer"), At: []string{"pcx"}},
				{Problem: Joined, Node: "pcx.b", What: "the separation at join pcx.b", Why: undecided("tags of vpc.b"), At: []string{"pcx.b"}},
			},
		},
		{
			Name: "one side unknown, the other open",
			Build: func(g *Graph) {
				nets(g)
				g.Join(join("pcx", "vpc.b", "vpc.i"))
			},
		},
	})
}

func TestCheckMaybe(t *testing.T) {
	runCheckCases(t, []checkCase{
		{
			Name: "what a resource that may not be created breaks is a notice",
			Build: func(g *Graph) {
				closedNet(g)
				g.Add(maybe(node("i", Instance, "", "sub.m"), "count of i"))
				g.Expose(expose("i"))
				g.Add(maybe(node("sub.x", Subnet, "internet", "vpc.m"), "for_each of sub.x"))
			},
			Notices: []notice{
				{Problem: Joined, Node: "sub.x", What: "whether sub.x is marked as the internet segment (internet) but sits inside a network of the My Number segment (mynumber)",
					Why: "why: for_each of sub.x", At: []string{"sub.x.tags", "sub.x>vpc.m", "vpc.m.tags", "sub.x"}},
				{Problem: Internet, Node: "i", What: "whether exposure of i", Why: "why: count of i",
					At: []string{"i.exposure", "i>sub.m", "sub.m>vpc.m", "vpc.m.tags"}},
			},
		},
		{
			Name: "a resource with an instance that is surely created is not a maybe",
			Build: func(g *Graph) {
				closedNet(g)
				g.Add(maybe(node("i", Instance, "", "sub.m"), "count of i"))
				g.Add(node("i", Instance, "", "sub.m"))
				g.Expose(expose("i"))
			},
			Findings: []finding{{Problem: Internet, Node: "i", Segment: "mynumber",
				At: []string{"i.exposure", "i>sub.m", "sub.m>vpc.m", "vpc.m.tags"}}},
		},
	})
}

// TestFindingText checks what a finding says and that it keeps the
// exposure's fix.
func TestFindingText(t *testing.T) {
	g := New(withCIDRs(map[string][]string{"lgwan": {"10.2.0.0/16"}}))
	closedNet(g)
	g.Add(node("sg.m", SecurityGroup, "", "vpc.m"))
	g.Expose(expose("sub.m"))
	r := route("rt.m", ExitInternet, Ref{}, "0.0.0.0/0", "10.2.0.0/24")
	r.Target = txt("gateway_id = aws_internet_gateway.igw")
	g.Route(r)
	g.Rule(rule("sg.m", true, "0.0.0.0/0"))
	type text struct{ What, Fix string }
	var got []text
	for _, f := range g.Check().Findings {
		got = append(got, text{f.What.EN, f.Fix.EN})
	}
	want := []text{
		{"exposure of sub.m", "fix sub.m"},
		{"the route of rt.m to 0.0.0.0/0 leads to the internet through gateway_id = aws_internet_gateway.igw", ""},
		{"a route of rt.m leads to 10.2.0.0/24, a range of the LGWAN segment (lgwan), through gateway_id = aws_internet_gateway.igw", ""},
		{"a security rule of sg.m allows traffic from 0.0.0.0/0", "Limit the rule to the segment's own address ranges and security groups."},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
}

// TestCheckRouteOfBlindTableInClosedSegment: a route table whose own tag
// cannot be known, in a network of a closed segment, takes the segment of
// its network. A route of it to the internet is a finding; it must not be
// reported a second time as a notice that its segment cannot be decided
// (exposures and security rules report one or the other, not both).
func TestCheckRouteOfBlindTableInClosedSegment(t *testing.T) {
	g := New(config.Default())
	g.Add(node("vpc.m", Network, "mynumber"))
	g.Add(blind(node("rt.b", RouteTable, "", "vpc.m"), "tags of rt.b"))
	g.Route(route("rt.b", ExitInternet, Ref{}, "0.0.0.0/0"))
	res := g.Check()
	want := []finding{{Problem: Internet, Node: "rt.b", Segment: "mynumber", At: []string{"dest 0.0.0.0/0", "rt.b.route", "rt.b>vpc.m", "vpc.m.tags"}}}
	if diff := cmp.Diff(want, findingsOf(res)); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]notice(nil), noticesOf(res)); diff != "" {
		t.Errorf("notices (-want +got):\n%s", diff)
	}
}

// TestCheckJoinedOnce: a node that joins two segments is reported once.
// What sits in it (a route of a route table associated with subnets of two
// segments, a database in a subnet group spanning two segments) inherits
// both segments, but is not reported again for the same join.
func TestCheckJoinedOnce(t *testing.T) {
	g := New(config.Default())
	g.Add(node("vpc.x", Network, ""))
	g.Add(node("vpc.y", Network, ""))
	g.Add(node("sub.m", Subnet, "mynumber", "vpc.x"))
	g.Add(node("sub.i", Subnet, "internet", "vpc.y"))
	g.Add(node("rt", RouteTable, ""))
	g.Link("rt", ref("rt", "sub.m"))
	g.Link("rt", ref("rt", "sub.i"))
	g.Add(node("route", Other, "", "rt"))
	g.Add(node("dbsg", Other, "", "sub.m", "sub.i"))
	g.Add(node("db", Service, "", "dbsg"))
	g.Add(node("db.replica", Service, "", "db"))
	res := g.Check()
	var got []string
	for _, f := range res.Findings {
		got = append(got, f.Node)
	}
	if diff := cmp.Diff([]string{"rt", "dbsg"}, got); diff != "" {
		t.Errorf("nodes of the findings (-want +got):\n%s", diff)
	}
	for _, id := range []string{"route", "db", "db.replica"} {
		if diff := cmp.Diff([]string{"mynumber", "internet"}, res.Of(id).Segments); diff != "" {
			t.Errorf("placement of %s (-want +got):\n%s", id, diff)
		}
	}
}

// TestCheckMixedTagsMessage: the instances of one resource (for_each over
// segments) are merged into one node with two tag claims. The finding must
// not say that an address range belongs to the other segment: no range is
// involved.
// The instances of one resource (for_each over segments) are separate
// resources of different segments, not one mixed resource: what refers to
// the resource cannot be placed, and nothing is reported.
func TestCheckInstancesOfTwoSegments(t *testing.T) {
	g := New(config.Default())
	g.Add(node("vpc", Network, "mynumber"))
	g.Add(node("vpc", Network, "internet"))
	sub := node("sub", Subnet, "")
	sub.In = []Ref{{ID: "vpc"}}
	g.Add(sub)
	g.Expose(Exposure{Node: "sub", What: text("public", "public")})
	res := g.Check()
	if len(res.Findings) != 0 {
		t.Fatalf("findings = %+v, want none", res.Findings)
	}
	for _, id := range []string{"vpc", "sub"} {
		if p := res.Of(id); len(p.Segments) != 0 || p.Unknown == nil {
			t.Errorf("%s placed %+v, want an unknown segment", id, p)
		}
	}
	if len(res.Notices) != 1 {
		t.Errorf("notices = %+v, want one for the exposure", res.Notices)
	}
}

func TestTitle(t *testing.T) {
	cases := []struct {
		Segment string
		Want    project.Text
	}{
		{"mynumber", project.Text{JA: "マイナンバー利用事務系（mynumber）", EN: "My Number segment (mynumber)"}},
		{"lgwan", project.Text{JA: "LGWAN接続系（lgwan）", EN: "LGWAN segment (lgwan)"}},
		{"internet", project.Text{JA: "インターネット接続系（internet）", EN: "internet segment (internet)"}},
		{"dmz", project.Text{JA: "更新用 DMZ（dmz）", EN: "update DMZ (dmz)"}},
		{"lab", project.Text{JA: "lab", EN: "lab"}},
	}
	for _, tc := range cases {
		if diff := cmp.Diff(tc.Want, Title(tc.Segment)); diff != "" {
			t.Errorf("Title(%q) (-want +got):\n%s", tc.Segment, diff)
		}
	}
	// Every segment the configuration knows has a title of its own.
	for _, name := range config.SegmentNames {
		if Title(name).EN == name {
			t.Errorf("Title(%q) has no title", name)
		}
	}
}

func TestClosed(t *testing.T) {
	want := map[string]bool{"mynumber": true, "lgwan": true, "internet": false, "dmz": false, "": false, "MyNumber": false}
	for seg, closed := range want {
		if got := Closed(seg); got != closed {
			t.Errorf("Closed(%q) = %v, want %v", seg, got, closed)
		}
	}
}

func TestPlacementAccessors(t *testing.T) {
	cases := []struct {
		Name      string
		P         Placement
		Segment   string
		One       bool
		Closed    string
		AnyClosed bool
	}{
		{Name: "none", P: Placement{}},
		{Name: "open", P: Placement{Segments: []string{"internet"}}, Segment: "internet", One: true},
		{Name: "closed", P: Placement{Segments: []string{"lgwan"}}, Segment: "lgwan", One: true, Closed: "lgwan", AnyClosed: true},
		{Name: "joined", P: Placement{Segments: []string{"internet", "mynumber", "lgwan"}}, Closed: "mynumber", AnyClosed: true},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			if s, ok := tc.P.Segment(); s != tc.Segment || ok != tc.One {
				t.Errorf("Segment() = %q, %v, want %q, %v", s, ok, tc.Segment, tc.One)
			}
			if s, ok := tc.P.Closed(); s != tc.Closed || ok != tc.AnyClosed {
				t.Errorf("Closed() = %q, %v, want %q, %v", s, ok, tc.Closed, tc.AnyClosed)
			}
		})
	}
	var r Result
	if diff := cmp.Diff(Placement{}, r.Of("missing"), cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("Of a node not in the graph (-want +got):\n%s", diff)
	}
}

func TestIsWorld(t *testing.T) {
	cases := map[string]bool{
		"0.0.0.0/0":  true,
		"::/0":       true,
		"0.0.0.0/1":  false,
		"10.0.0.0/8": false,
		"8.8.8.8/32": false,
		"2000::/3":   false,
		"1.2.3.4/0":  true, // an unmasked default route is still the world
	}
	for s, want := range cases {
		if got := IsWorld(netip.MustParsePrefix(s)); got != want {
			t.Errorf("IsWorld(%s) = %v, want %v", s, got, want)
		}
	}
	if IsWorld(netip.Prefix{}) {
		t.Error("IsWorld(zero prefix) = true, want false")
	}
}

func TestIsPublic(t *testing.T) {
	cases := map[string]bool{
		"0.0.0.0/0":          true,
		"0.0.0.0/1":          true,
		"8.8.8.0/24":         true,
		"203.0.113.7/32":     true,
		"10.0.0.0/7":         true, // wider than 10/8: holds public addresses
		"10.0.0.0/8":         false,
		"10.1.0.0/16":        false,
		"172.16.0.0/12":      false,
		"172.32.0.0/16":      true,
		"192.168.10.0/24":    false,
		"100.64.0.0/10":      false,
		"100.64.5.0/24":      false,
		"100.128.0.0/16":     true,
		"127.0.0.1/32":       false,
		"169.254.169.254/32": false,
		"::/0":               true,
		"2001:db8::/32":      true,
		"2000::/3":           true,
		"fd00:1::/48":        false,
		"fc00::/7":           false,
		"fe80::/64":          false,
		"::1/128":            false,
	}
	for s, want := range cases {
		if got := isPublic(netip.MustParsePrefix(s)); got != want {
			t.Errorf("isPublic(%s) = %v, want %v", s, got, want)
		}
	}
}

// TestSeparated pins which meetings of two segments break the separation:
// any with a closed segment, but a link (peering, route, rule) between a
// closed segment and the update DMZ, which is their limited update path.
func TestSeparated(t *testing.T) {
	cases := []struct {
		Kind joinKind
		A, B string
		Want bool
	}{
		{link, "mynumber", "lgwan", true},
		{link, "mynumber", "internet", true},
		{link, "lgwan", "internet", true},
		{link, "mynumber", "dmz", false},
		{link, "lgwan", "dmz", false},
		{link, "internet", "dmz", false},
		{link, "mynumber", "mynumber", false},
		{containment, "mynumber", "dmz", true},
		{containment, "dmz", "lgwan", true},
		{containment, "internet", "dmz", false},
		{containment, "lgwan", "internet", true},
	}
	for _, tc := range cases {
		if got := separated(tc.Kind, tc.A, tc.B); got != tc.Want {
			t.Errorf("separated(%d, %s, %s) = %v, want %v", tc.Kind, tc.A, tc.B, got, tc.Want)
		}
	}
}
