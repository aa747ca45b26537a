package segment

import (
	"fmt"
	"net/netip"
	"os"
	"runtime"
	"runtime/debug"
	"testing"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
)

// generated is a network generated for the benchmark.
type generated struct {
	graph *Graph
	// resources counts the resources the graph stands for: its nodes, and
	// the associations, attachments and Elastic IPs that only link or
	// expose them.
	resources int
	// planted counts the breaks of the separation put in on purpose.
	planted int
}

// generateNetwork builds a module of vpcs networks of rotating segments
// (mynumber, lgwan, internet, dmz). Each network has four subnets, a
// transit gateway attachment, two route tables (associated with two
// subnets each) with three route resources each, two security groups with
// three rule resources each, and four instances with an interface each;
// the internet and dmz networks have an internet gateway, the internet
// networks a NAT gateway and Elastic IPs. Networks are peered in pairs of
// one segment, the attachments of each segment share a transit gateway
// route table, and one transit gateway joins the first network of every
// segment. One My Number network in a hundred has an internet gateway and
// a default route to it. The LGWAN networks are placed by the configured
// range 100.64.0.0/10, the others by their tags.
func generateNetwork(vpcs int) *generated {
	// The networks are /20s: 10.0.0.0/8 holds 4096 of them, 100.64.0.0/10
	// (the LGWAN networks, one in four) 1024.
	if vpcs > 4096 {
		panic("too many networks")
	}
	cfg := config.Default()
	cfg.Segments[config.SegmentLGWAN].CIDRs = []netip.Prefix{netip.MustParsePrefix("100.64.0.0/10")}
	out := &generated{graph: New(cfg)}
	g := out.graph
	line := 0
	at := func() Evidence {
		line++
		return Evidence{Range: hcl.Range{Filename: "main.tf", Start: hcl.Pos{Line: line}, End: hcl.Pos{Line: line + 1}}}
	}
	add := func(n *Node) {
		n.At = at().Range
		g.Add(n)
		out.resources++
	}
	in := func(ids ...string) []Ref {
		var refs []Ref
		for _, id := range ids {
			refs = append(refs, Ref{ID: id, At: at()})
		}
		return refs
	}
	tag := func(seg string) []Claim { return []Claim{{Segment: seg, By: ByTag, At: at()}} }
	vpcRange := func(k int) netip.Prefix {
		seg := segmentAt(k)
		base := [4]byte{10, byte(k >> 4), byte(k&15) << 4, 0}
		if seg == config.SegmentLGWAN {
			j := k / 4
			base = [4]byte{100, 64 + byte(j>>4), byte(j&15) << 4, 0}
		}
		return netip.PrefixFrom(netip.AddrFrom4(base), 20)
	}
	world := netip.MustParsePrefix("0.0.0.0/0")
	private := netip.MustParsePrefix("10.0.0.0/8")
	attachments := map[string][]Ref{}

	for k := range vpcs {
		seg := segmentAt(k)
		vpc := fmt.Sprintf("aws_vpc.v%d", k)
		cidr := vpcRange(k)
		open := !Closed(seg)
		n := &Node{ID: vpc, Kind: Network, Ranges: []netip.Prefix{cidr}, RangesAt: at()}
		if seg != config.SegmentLGWAN {
			n.Claims = tag(seg)
		}
		add(n)

		var subnets []string
		for j := range 4 {
			id := fmt.Sprintf("aws_subnet.v%d_%d", k, j)
			b := cidr.Addr().As4()
			b[2] += byte(j)
			add(&Node{ID: id, Kind: Subnet, In: in(vpc), Ranges: []netip.Prefix{netip.PrefixFrom(netip.AddrFrom4(b), 24)}, RangesAt: at()})
			subnets = append(subnets, id)
			if open {
				g.Expose(Exposure{Node: id, What: txt("map_public_ip_on_launch"), At: at()})
			}
		}

		att := fmt.Sprintf("aws_ec2_transit_gateway_vpc_attachment.v%d", k)
		add(&Node{ID: att, In: in(vpc)})
		attachments[seg] = append(attachments[seg], Ref{ID: att, At: at()})

		exitVia := Ref{ID: att, At: at()}
		exitKind := ExitPrivate
		if open {
			igw := fmt.Sprintf("aws_internet_gateway.v%d", k)
			add(&Node{ID: igw, Kind: Gateway, In: in(vpc), Exit: ExitInternet})
			g.Expose(Exposure{Node: igw, What: txt("internet gateway"), At: at()})
			exitVia, exitKind = Ref{ID: igw, At: at()}, ExitUnknown
		}
		if seg == config.SegmentInternet {
			nat := fmt.Sprintf("aws_nat_gateway.v%d", k)
			add(&Node{ID: nat, Kind: Gateway, In: in(subnets[0]), Exit: ExitInternet})
			g.Expose(Exposure{Node: nat, What: txt("public NAT gateway"), At: at()})
		}

		peer := ""
		if k%8 < 4 && k+4 < vpcs {
			peer = fmt.Sprintf("aws_vpc_peering_connection.v%d", k)
			add(&Node{ID: peer})
			g.Join(Join{Node: peer, At: at(), What: txt("peering"), Sides: in(vpc, fmt.Sprintf("aws_vpc.v%d", k+4))})
		}

		for t := range 2 {
			rt := fmt.Sprintf("aws_route_table.v%d_%d", k, t)
			add(&Node{ID: rt, Kind: RouteTable, In: in(vpc)})
			for _, s := range subnets[2*t : 2*t+2] {
				g.Link(rt, Ref{ID: s, At: at()}) // aws_route_table_association
				out.resources++
			}
			routes := []Route{
				{Dests: []Dest{{Prefix: world, At: at()}}, Via: exitVia, Exit: exitKind},
				{Dests: []Dest{{Prefix: private, At: at()}}, Via: Ref{ID: att, At: at()}, Exit: ExitPrivate},
			}
			if peer != "" {
				routes = append(routes, Route{Dests: []Dest{{Prefix: vpcRange(k + 4), At: at()}}, Via: Ref{ID: peer, At: at()}, Exit: ExitPrivate})
			} else {
				routes = append(routes, Route{Dests: []Dest{{Prefix: netip.MustParsePrefix("172.16.0.0/12"), At: at()}}, Via: Ref{ID: att, At: at()}, Exit: ExitPrivate})
			}
			for i, r := range routes {
				id := fmt.Sprintf("aws_route.v%d_%d_%d", k, t, i)
				add(&Node{ID: id, In: in(rt)})
				r.Node, r.At, r.Target = id, at(), txt("target")
				g.Route(r)
			}
		}

		var groups []string
		for s := range 2 {
			sg := fmt.Sprintf("aws_security_group.v%d_%d", k, s)
			add(&Node{ID: sg, Kind: SecurityGroup, In: in(vpc)})
			groups = append(groups, sg)
		}
		for s, sg := range groups {
			egress := private
			if open {
				egress = world
			}
			rules := []Rule{
				{Ingress: true, Addresses: []Dest{{Prefix: cidr, At: at()}}},
				{Addresses: []Dest{{Prefix: egress, At: at()}}},
				{Ingress: true, Groups: in(groups[1-s])},
			}
			for i, r := range rules {
				id := fmt.Sprintf("aws_vpc_security_group_rule.v%d_%d_%d", k, s, i)
				add(&Node{ID: id, In: in(sg)})
				r.Node, r.At = id, at()
				g.Rule(r)
			}
		}

		for j := range 4 {
			eni := fmt.Sprintf("aws_network_interface.v%d_%d", k, j)
			add(&Node{ID: eni, Kind: Interface, In: in(subnets[j], groups[j%2])})
			inst := fmt.Sprintf("aws_instance.v%d_%d", k, j)
			add(&Node{ID: inst, Kind: Instance, In: in(groups[j%2])})
			g.Link(inst, Ref{ID: eni, At: at()}) // aws_network_interface_attachment
			out.resources++
			if seg == config.SegmentInternet {
				g.Expose(Exposure{Node: inst, What: txt("Elastic IP"), At: at()}) // aws_eip
				out.resources++
			}
		}

		if k%100 == 0 { // a My Number network with a way out to the internet
			igw := fmt.Sprintf("aws_internet_gateway.v%d", k)
			add(&Node{ID: igw, Kind: Gateway, In: in(vpc), Exit: ExitInternet})
			g.Expose(Exposure{Node: igw, What: txt("internet gateway"), At: at()})
			id := fmt.Sprintf("aws_route.v%d_igw", k)
			add(&Node{ID: id, In: in(fmt.Sprintf("aws_route_table.v%d_0", k))})
			g.Route(Route{Node: id, At: at(), Dests: []Dest{{Prefix: world, At: at()}}, Via: Ref{ID: igw, At: at()}, Target: txt("igw")})
			out.planted += 2
		}
	}

	for _, seg := range config.SegmentNames {
		id := "aws_ec2_transit_gateway_route_table." + seg
		add(&Node{ID: id, Kind: RouteTable})
		g.Join(Join{Node: id, At: at(), What: txt("transit gateway route table"), Sides: attachments[seg]})
	}
	// One transit gateway joins the first network of every segment.
	add(&Node{ID: "aws_ec2_transit_gateway.shared"})
	var shared []Ref
	for _, seg := range config.SegmentNames {
		shared = append(shared, attachments[seg][0])
	}
	g.Join(Join{Node: "aws_ec2_transit_gateway.shared", At: at(), What: txt("transit gateway"), Sides: shared})
	out.planted++
	return out
}

// segmentAt returns the segment of the k-th generated network.
func segmentAt(k int) string { return config.SegmentNames[k%len(config.SegmentNames)] }

// benchmarkSizes are the numbers of networks of the benchmark: the second
// is ten times the first.
var benchmarkSizes = []int{250, 2500}

func BenchmarkCheck(b *testing.B) {
	for _, vpcs := range benchmarkSizes {
		net := generateNetwork(vpcs)
		b.Run(fmt.Sprintf("vpcs=%d", vpcs), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				net.graph.Check()
			}
			b.ReportMetric(float64(net.resources), "resources")
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(net.resources), "ns/resource")
		})
	}
}

// TestGeneratedNetwork checks that the benchmark's network is what it is
// meant to be: large enough, placed as generated, with exactly the breaks
// put in on purpose.
func TestGeneratedNetwork(t *testing.T) {
	for _, vpcs := range benchmarkSizes {
		net := generateNetwork(vpcs)
		if min := vpcs * 20; net.resources < min {
			t.Errorf("%d networks: %d resources, want at least %d", vpcs, net.resources, min)
		}
		res := net.graph.Check()
		if len(res.Findings) != net.planted || len(res.Notices) != 0 {
			t.Errorf("%d networks: %d findings and %d notices, want %d and 0: %+v", vpcs, len(res.Findings), len(res.Notices), net.planted, res.Findings)
		}
		for k := range vpcs {
			want := segmentAt(k)
			for _, id := range []string{fmt.Sprintf("aws_instance.v%d_3", k), fmt.Sprintf("aws_route.v%d_1_2", k), fmt.Sprintf("aws_vpc_security_group_rule.v%d_1_2", k)} {
				if s, ok := res.Of(id).Segment(); !ok || s != want {
					t.Fatalf("placement of %s = %+v, want %s", id, res.Of(id), want)
				}
			}
		}
	}
}

// TestCheckCostIsLinear checks that Check's cost grows linearly: that ten
// times the network costs less than twenty times the time. On a real
// machine a network ten times larger no longer fits in the processor's
// caches, and any pass over it, however linear, then costs more per
// resource: 13 to 20 times the time for ten times the resources here. So Check
// is timed against a plain linear pass over the same graph, which looks
// every node and its references up in maps as placement does: on a linear
// Check the two grow alike, and the growth of their quotient from the small
// network to the large one is what grows faster than the graph (n log n is
// let pass, n² is not). Check and the pass are timed in turns, and the
// fastest of several runs counts, which leaves out the noise of a busy
// machine; a failing measure is taken again twice.
func TestCheckCostIsLinear(t *testing.T) {
	// A timing test takes seconds and wants a quiet machine: it runs when
	// asked for (LGCLOUD_TIMING=1, as the benchmark target does), not in
	// every test run.
	if testing.Short() || os.Getenv("LGCLOUD_TIMING") == "" {
		t.Skip("timing test; set LGCLOUD_TIMING=1 to run it")
	}
	small, large := generateNetwork(benchmarkSizes[0]), generateNetwork(benchmarkSizes[1])
	size := float64(large.resources) / float64(small.resources)
	if size < 9 {
		t.Fatalf("sizes %d and %d resources: not ten times", small.resources, large.resources)
	}
	timeOf(small, 2) // warm up
	var growth float64
	for attempt := 0; attempt < 3; attempt++ {
		cs, ws := timeOf(small, 20)
		cl, wl := timeOf(large, 5)
		// Check's time on the large network, were memory as fast there as
		// on the small one, over its time on the small one.
		growth = size * (float64(cl) / float64(wl)) / (float64(cs) / float64(ws))
		t.Logf("%d resources: Check %v, linear pass %v; %d resources: Check %v (%.1f times), linear pass %v (%.1f times); Check's growth without the memory's slowdown: %.1f times",
			small.resources, cs, ws, large.resources, cl, float64(cl)/float64(cs), wl, float64(wl)/float64(ws), growth)
		if growth < 2*size {
			return
		}
	}
	t.Errorf("%.0f times the network costs %.1f times the time of Check (the memory's slowdown taken out), want less than %.0f", size, growth, 2*size)
}

// timeOf returns the fastest of runs runs of Check and of linearPass over
// a network, run in turns. The garbage collector runs between the runs, not
// during them: its work depends on the rest of the process.
func timeOf(net *generated, runs int) (check, pass time.Duration) {
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	check, pass = time.Duration(1<<63-1), time.Duration(1<<63-1)
	for range runs {
		runtime.GC()
		start := time.Now()
		net.graph.Check()
		check = min(check, time.Since(start))
		runtime.GC()
		start = time.Now()
		linearPass(net.graph)
		pass = min(pass, time.Since(start))
	}
	return check, pass
}

// linearPass visits every node of a graph once, looking it and the nodes
// it sits in up in maps and recording a placement for it, as Check's
// placement does: the reference of a linear cost.
func linearPass(g *Graph) int {
	seen := make(map[string]*Placement)
	found := 0
	for _, id := range g.order {
		p := &Placement{}
		for _, r := range g.nodes[id].In {
			if q, ok := seen[r.ID]; ok {
				p.Segments = q.Segments
			}
			if _, ok := g.nodes[r.ID]; ok {
				found++
			}
		}
		seen[id] = p
	}
	return found + len(seen)
}
