package segment

import (
	"net/netip"
	"slices"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
)

// Problem is what a finding breaks.
type Problem int

const (
	// Internet is a path between a closed segment and the internet.
	Internet Problem = iota
	// Joined is two segments joined, or a resource of one segment inside
	// a network of another.
	Joined
)

// Finding is a break of the separation.
type Finding struct {
	Problem Problem
	// Node is the resource the finding is about.
	Node string
	// Segment is the segment of Node; Other, for Joined, the segment it is
	// joined with.
	Segment, Other string
	// What says what breaks the separation, Fix what to do (may be empty).
	What, Fix project.Text
	// At lists where the finding may be reported, the best place first:
	// the setting that breaks the separation, then what placed the node
	// in its segment.
	At []Evidence
}

// Notice is something that cannot be decided at lint time: strict mode
// reports it.
type Notice struct {
	Problem Problem
	Node    string
	// What names what could not be checked, Why says why.
	What, Why project.Text
	At        []Evidence
}

// Placement is the segment a node is in, and how it was decided.
type Placement struct {
	// Segments holds the node's segment; more than one when the node joins
	// segments (its own finding), none when it is in no segment.
	Segments []string
	// At is what placed the node: its own claim or an ancestor's.
	At []Evidence
	// Unknown is set when the segment cannot be decided.
	Unknown *Unknown
}

// Segment returns the node's segment when it has exactly one.
func (p Placement) Segment() (string, bool) {
	if len(p.Segments) == 1 {
		return p.Segments[0], true
	}
	return "", false
}

// Closed returns the first closed segment the node is in.
func (p Placement) Closed() (string, bool) {
	for _, s := range p.Segments {
		if Closed(s) {
			return s, true
		}
	}
	return "", false
}

// Result is what Check finds in a graph.
type Result struct {
	Findings []Finding
	Notices  []Notice
	place    map[string]*Placement
}

// Of returns the placement of a node; the zero placement (no segment)
// for a node that is not in the graph.
func (r *Result) Of(id string) Placement {
	if p, ok := r.place[id]; ok {
		return *p
	}
	return Placement{}
}

// Check places every node in its segment and finds what breaks the
// separation. Its cost is linear in the size of the graph.
func (g *Graph) Check() *Result {
	c := &checker{g: g, res: &Result{place: map[string]*Placement{}}}
	c.holdings()
	for _, id := range g.order {
		c.placeNode(id)
	}
	c.networksOfTwoSegments()
	c.indexRanges()
	for _, e := range g.exposures {
		c.exposure(e)
	}
	for _, r := range g.routes {
		c.route(r)
	}
	for _, r := range g.rules {
		c.rule(r)
	}
	for _, j := range g.joins {
		c.join(j)
	}
	c.maybeNotices()
	return c.res
}

// maybeNotices turns the findings about resources that may not be created
// into notices: whether they break the separation depends on a count or
// for_each that cannot be known.
func (c *checker) maybeNotices() {
	kept := c.res.Findings[:0]
	for _, f := range c.res.Findings {
		if m := c.maybe(f.Node); m != nil {
			c.notice(f.Problem, f.Node, whether(f.What), m.Why, f.At...)
			continue
		}
		kept = append(kept, f)
	}
	c.res.Findings = kept
}

type checker struct {
	g        *Graph
	res      *Result
	visiting map[string]bool
	// owners maps an address range (masked prefix) to the segment that
	// owns it: a configured range, or a network or subnet placed in the
	// segment.
	owners map[netip.Prefix]string
	// held maps a network to the own claims of the subnets in it.
	held map[string][]Claim
}

// placeNode decides a node's segment: its own claim when it has one,
// else what the nodes it sits in are in.
func (c *checker) placeNode(id string) *Placement {
	if p, ok := c.res.place[id]; ok {
		return p
	}
	n, ok := c.g.nodes[id]
	if !ok {
		return &Placement{}
	}
	if c.visiting == nil {
		c.visiting = map[string]bool{}
	}
	if c.visiting[id] {
		return &Placement{}
	}
	c.visiting[id] = true
	defer delete(c.visiting, id)

	p := &Placement{}
	own := c.ownClaims(n)
	if len(own) > 0 {
		first := own[0]
		p.Segments, p.At = []string{first.Segment}, []Evidence{first.At}
		for _, other := range own[1:] {
			if other.Segment != first.Segment {
				c.mixedClaims(n, first, other)
				break
			}
		}
	} else if held, ok := c.heldSegment(n); ok {
		// A network that claims nothing is in the segment its subnets
		// claim, when they agree: what else sits in it (a gateway, an
		// untagged subnet) is in that segment too.
		p.Segments, p.At = []string{held.Segment}, []Evidence{held.At}
		own = []Claim{held}
	} else if n.Blind != nil {
		p.Unknown = n.Blind
	}

	var inherited []string
	var from [][]Evidence
	var unknown *Unknown
	widest := 0 // the most segments one parent is in
	for _, ref := range n.In {
		if ref.ID == "" {
			if unknown == nil {
				unknown = ref.Unknown
			}
			continue
		}
		pp := c.placeNode(ref.ID)
		widest = max(widest, len(pp.Segments))
		if pp.Unknown != nil && unknown == nil {
			unknown = pp.Unknown
		}
		for _, s := range pp.Segments {
			if !slices.Contains(inherited, s) {
				inherited = append(inherited, s)
				from = append(from, append([]Evidence{ref.At}, pp.At...))
			}
		}
	}

	switch {
	case len(own) > 0:
		for i, s := range inherited {
			if s != p.Segments[0] {
				c.mixedIn(n, p.Segments[0], s, p.At, from[i])
			}
		}
	case len(inherited) == 1:
		p.Segments, p.At, p.Unknown = inherited, from[0], nil
	case len(inherited) > 1:
		p.Segments, p.Unknown = inherited, nil
		for _, f := range from {
			p.At = append(p.At, f...)
		}
		if widest == len(inherited) {
			break // one parent is in them all: the join is that parent's finding
		}
		c.addJoin(containment, Finding{
			Problem: Joined, Node: n.ID, Segment: inherited[0], Other: inherited[1],
			What: text(
				"%s は参照先を通じて%sと%sの両方に属しています",
				"%s belongs to both the %s and the %s through what it refers to",
				c.name(n.ID), Title(inherited[0]), Title(inherited[1])),
			At: append([]Evidence{{Range: n.At}}, p.At...),
		})
	case unknown != nil:
		// What the node sits in cannot be placed: that is the reason to
		// name, before any of its own.
		p.Unknown = unknown
	}
	c.res.place[id] = p
	return p
}

// ownClaims returns a node's claims: its tag, then the configured segments
// whose ranges hold its address ranges.
func (c *checker) ownClaims(n *Node) []Claim {
	claims := slices.Clone(n.Claims)
	for _, prefix := range n.Ranges {
		for _, name := range segmentOrder {
			for _, r := range c.g.ranges[name] {
				if within(prefix, r) {
					claims = append(claims, Claim{Segment: name, By: ByRange, At: n.RangesAt})
				}
			}
		}
	}
	return claims
}

func (c *checker) mixedClaims(n *Node, first, other Claim) {
	c.addJoin(containment, Finding{
		Problem: Joined, Node: n.ID, Segment: first.Segment, Other: other.Segment,
		What: text(
			"%s は%sとされていますが、そのアドレス範囲は%sのものです",
			"%s is marked as the %s, but its address range belongs to the %s",
			c.name(n.ID), Title(first.Segment), Title(other.Segment)),
		At: []Evidence{other.At, first.At, {Range: n.At}},
	})
}

func (c *checker) mixedIn(n *Node, own, outer string, ownAt, outerAt []Evidence) {
	c.addJoin(containment, Finding{
		Problem: Joined, Node: n.ID, Segment: own, Other: outer,
		What: text(
			"%s は%sとされていますが、%sのネットワークの中にあります",
			"%s is marked as the %s but sits inside a network of the %s",
			c.name(n.ID), Title(own), Title(outer)),
		At: append(append(slices.Clone(ownAt), outerAt...), Evidence{Range: n.At}),
	})
}

// holdings records, for each network, the own claims of its subnets.
func (c *checker) holdings() {
	c.held = map[string][]Claim{}
	for _, id := range c.g.order {
		n := c.g.nodes[id]
		if n.Kind != Subnet {
			continue
		}
		own := c.ownClaims(n)
		if len(own) == 0 {
			continue
		}
		for _, ref := range n.In {
			if net, ok := c.g.nodes[ref.ID]; ok && net.Kind == Network {
				c.held[ref.ID] = append(c.held[ref.ID], own[0])
			}
		}
	}
}

// heldSegment returns the claim of the subnets of a network that claims
// no segment of its own, when they all claim the same segment.
func (c *checker) heldSegment(n *Node) (Claim, bool) {
	claims := c.held[n.ID]
	if n.Kind != Network || len(claims) == 0 {
		return Claim{}, false
	}
	for _, other := range claims[1:] {
		if other.Segment != claims[0].Segment {
			return Claim{}, false
		}
	}
	return claims[0], true
}

// networksOfTwoSegments finds networks that claim no segment themselves
// but hold subnets that claim two.
func (c *checker) networksOfTwoSegments() {
	for _, id := range c.g.order {
		claims := c.held[id]
		if len(claims) < 2 || len(c.res.place[id].Segments) > 0 {
			continue
		}
		for _, other := range claims[1:] {
			if other.Segment == claims[0].Segment {
				continue
			}
			n := c.g.nodes[id]
			c.addJoin(containment, Finding{
				Problem: Joined, Node: id, Segment: claims[0].Segment, Other: other.Segment,
				What: text(
					"ネットワーク %s が%sと%sのサブネットを収容しています",
					"network %s holds subnets of both the %s and the %s",
					c.name(id), Title(claims[0].Segment), Title(other.Segment)),
				At: []Evidence{{Range: n.At}, claims[0].At, other.At},
			})
			break
		}
	}
}

// indexRanges records which segment owns which address range.
func (c *checker) indexRanges() {
	c.owners = map[netip.Prefix]string{}
	for _, name := range segmentOrder {
		for _, r := range c.g.ranges[name] {
			c.owners[r.Masked()] = name
		}
	}
	for _, id := range c.g.order {
		seg, ok := c.res.place[id].Segment()
		if !ok {
			continue
		}
		for _, r := range c.g.nodes[id].Ranges {
			if _, taken := c.owners[r.Masked()]; !taken {
				c.owners[r.Masked()] = seg
			}
		}
	}
}

// ownerOf returns the segment owning a range that holds p, looking at
// p's enclosing prefixes only: at most 129 lookups.
func (c *checker) ownerOf(p netip.Prefix) (string, bool) {
	for bits := p.Bits(); bits >= 0; bits-- {
		q, err := p.Addr().Prefix(bits)
		if err != nil {
			return "", false
		}
		if seg, ok := c.owners[q]; ok {
			return seg, true
		}
	}
	return "", false
}

func (c *checker) placed(id string) *Placement {
	if p, ok := c.res.place[id]; ok {
		return p
	}
	return &Placement{}
}

// name returns how messages name a node.
func (c *checker) name(id string) string {
	if n, ok := c.g.nodes[id]; ok && n.Name != "" {
		return n.Name
	}
	return id
}

// maybe returns why a node may not exist, or nil.
func (c *checker) maybe(id string) *Unknown {
	if n, ok := c.g.nodes[id]; ok {
		return n.Maybe
	}
	return nil
}

func (c *checker) notice(problem Problem, id string, what, why project.Text, at ...Evidence) {
	c.res.Notices = append(c.res.Notices, Notice{Problem: problem, Node: id, What: what, Why: why, At: at})
}

func (c *checker) exposure(e Exposure) {
	p := c.placed(e.Node)
	seg, closed := p.Closed()
	switch {
	case closed && e.Unknown != nil:
		c.notice(Internet, e.Node, e.Unknown.What, e.Unknown.Why, e.At)
	case closed:
		c.res.Findings = append(c.res.Findings, Finding{
			Problem: Internet, Node: e.Node, Segment: seg, What: e.What, Fix: e.Fix,
			At: append([]Evidence{e.At}, p.At...),
		})
	case p.Unknown != nil && e.Unknown == nil:
		c.notice(Internet, e.Node, whether(e.What), Undecided(p.Unknown), e.At)
	}
}

func (c *checker) route(r Route) {
	if r.Exit == ExitUnknown && r.Via.ID != "" {
		if n, ok := c.g.nodes[r.Via.ID]; ok {
			r.Exit = n.Exit
		}
	}
	p := c.placed(r.Node)
	if p.Unknown != nil && r.Exit == ExitInternet {
		c.notice(Internet, r.Node, routeThrough(r.Target), Undecided(p.Unknown), r.At)
	}
	closed, isClosed := p.Closed()
	// reached holds the segments whose ranges the route leads to: its
	// target's segment is then not reported again.
	reached := map[string]bool{}
	for _, d := range r.Dests {
		if d.Unknown != nil {
			if isClosed && r.Exit == ExitInternet {
				c.notice(Internet, r.Node, routeThrough(r.Target), d.Unknown.Why, d.At)
			}
			continue
		}
		public := isPublic(d.Prefix)
		if isClosed && public {
			switch {
			case r.Exit == ExitInternet:
				c.res.Findings = append(c.res.Findings, Finding{
					Problem: Internet, Node: r.Node, Segment: closed,
					What: text("%s の %s へのルートが %s を通じてインターネットへ出ます", "the route of %s to %s leads to the internet through %s", c.name(r.Node), d.Prefix, r.Target),
					At:   append([]Evidence{d.At, r.At}, p.At...),
				})
			case r.Exit == ExitUnknown && r.Via.Unknown != nil:
				c.notice(Internet, r.Node, text("%s の %s へのルートの行き先", "where the route of %s to %s leads", c.name(r.Node), d.Prefix), r.Via.Unknown.Why, r.Via.At)
			}
		}
		if owner, ok := c.ownerOf(d.Prefix); ok && d.Prefix.Bits() > 0 {
			for _, s := range p.Segments {
				if s != owner {
					reached[owner] = true
					c.addJoin(link, Finding{
						Problem: Joined, Node: r.Node, Segment: s, Other: owner,
						What: text("%[4]s のルートが %[3]s を通じて%[1]sのアドレス範囲 %[2]s へ通じています", "a route of %[4]s leads to %[2]s, a range of the %[1]s, through %[3]s", Title(owner), d.Prefix, r.Target, c.name(r.Node)),
						At:   append([]Evidence{d.At, r.At}, p.At...),
					})
				}
			}
		}
	}
	if r.Via.ID != "" {
		if target, ok := c.placed(r.Via.ID).Segment(); ok && !reached[target] {
			for _, s := range p.Segments {
				if s != target {
					c.addJoin(link, Finding{
						Problem: Joined, Node: r.Node, Segment: s, Other: target,
						What: text("%s のルートの行き先 %s は%sにあります", "the target of a route of %s, %s, is in the %s", c.name(r.Node), r.Target, Title(target)),
						At:   append([]Evidence{r.Via.At, r.At}, p.At...),
					})
				}
			}
		}
	}
}

func (c *checker) rule(r Rule) {
	p := c.placed(r.Node)
	closed, isClosed := p.Closed()
	dir := text("送信先", "to")
	if r.Ingress {
		dir = text("送信元", "from")
	}
	fix := text("ルールの許可範囲を、セグメント内のアドレス範囲とセキュリティグループに限ってください。", "Limit the rule to the segment's own address ranges and security groups.")
	for _, d := range r.Addresses {
		if d.Unknown != nil {
			if isClosed {
				c.notice(Internet, r.Node, text("%s のセキュリティルールが許可する%sアドレス", "the addresses a security rule of %s allows traffic %s", c.name(r.Node), dir), d.Unknown.Why, d.At)
			}
			continue
		}
		if IsWorld(d.Prefix) {
			switch {
			case isClosed:
				c.res.Findings = append(c.res.Findings, Finding{
					Problem: Internet, Node: r.Node, Segment: closed, Fix: fix,
					What: text("%s のセキュリティルールが%sとして %s を許可しています", "a security rule of %s allows traffic %s %s", c.name(r.Node), dir, d.Prefix),
					At:   append([]Evidence{d.At, r.At}, p.At...),
				})
			case p.Unknown != nil:
				c.notice(Internet, r.Node, text("%s の、%sとして %s を許可するセキュリティルール", "the security rule of %s allowing traffic %s %s", c.name(r.Node), dir, d.Prefix), Undecided(p.Unknown), d.At)
			}
			continue
		}
		if owner, ok := c.ownerOf(d.Prefix); ok {
			for _, s := range p.Segments {
				if s != owner {
					c.addJoin(link, Finding{
						Problem: Joined, Node: r.Node, Segment: s, Other: owner, Fix: fix,
						What: text("%[1]s のセキュリティルールが%[2]sとして%[4]sのアドレス範囲 %[3]s を許可しています", "a security rule of %[1]s allows traffic %[2]s %[3]s, a range of the %[4]s", c.name(r.Node), dir, d.Prefix, Title(owner)),
						At:   append([]Evidence{d.At, r.At}, p.At...),
					})
				}
			}
		}
	}
	for _, g := range r.Groups {
		if g.ID == "" {
			continue
		}
		other, ok := c.placed(g.ID).Segment()
		if !ok {
			continue
		}
		for _, s := range p.Segments {
			if s != other {
				c.addJoin(link, Finding{
					Problem: Joined, Node: r.Node, Segment: s, Other: other, Fix: fix,
					What: text("%[1]s のセキュリティルールが%[2]sとして%[3]sのセキュリティグループ %[4]s を許可しています", "a security rule of %[1]s allows traffic %[2]s security group %[4]s of the %[3]s", c.name(r.Node), dir, Title(other), c.name(g.ID)),
					At:   append([]Evidence{g.At, r.At}, p.At...),
				})
			}
		}
	}
}

func (c *checker) join(j Join) {
	var segs []string
	var at []Evidence
	var unknown *Unknown
	for _, side := range j.Sides {
		if side.ID == "" {
			if unknown == nil {
				unknown = side.Unknown
			}
			continue
		}
		p := c.placed(side.ID)
		if p.Unknown != nil && unknown == nil {
			unknown = p.Unknown
		}
		for _, s := range p.Segments {
			if !slices.Contains(segs, s) {
				segs = append(segs, s)
				at = append(at, side.At)
				at = append(at, p.At...)
			}
		}
	}
	for i, a := range segs {
		for _, b := range segs[i+1:] {
			if separated(link, a, b) {
				c.res.Findings = append(c.res.Findings, Finding{
					Problem: Joined, Node: j.Node, Segment: a, Other: b,
					What: text("%s が%sと%sをつないでいます", "%s joins the %s and the %s", j.What, Title(a), Title(b)),
					At:   append([]Evidence{j.At}, at...),
				})
				return
			}
		}
	}
	if unknown != nil && len(segs) == 1 && Closed(segs[0]) {
		c.notice(Joined, j.Node, text("%s による分離", "the separation at %s", j.What), Undecided(unknown), j.At)
	}
}

// joinKind says how two segments meet.
type joinKind int

const (
	// containment is a resource of one segment inside another's network,
	// or one resource in two segments.
	containment joinKind = iota
	// link is a path between networks: peering, a transit gateway route
	// table, a route or a security rule.
	link
)

// separated reports whether two segments that meet break the separation.
// The guideline separates the closed segments (mynumber, lgwan) from every
// other area (4.3.1.1, 4.3.1.2), and puts the update DMZ in a network of
// its own (4.3.1.3), which the closed segments reach, with limited traffic,
// for their patches and pattern files: a link between a closed segment and
// the DMZ is that limited path, a DMZ inside a closed network is not.
// Neither the internet segment nor the DMZ is closed: what joins only those
// two is not a matter of 4.3.1.1 or 4.3.1.2.
func separated(kind joinKind, a, b string) bool {
	if a == b || (!Closed(a) && !Closed(b)) {
		return false
	}
	if kind == link && (a == config.SegmentDMZ || b == config.SegmentDMZ) {
		return false
	}
	return true
}

// addJoin records a finding of two segments that meet, when they break the
// separation.
func (c *checker) addJoin(kind joinKind, f Finding) {
	if separated(kind, f.Segment, f.Other) {
		c.res.Findings = append(c.res.Findings, f)
	}
}

// whether turns a statement into what a notice could not check.
func whether(t project.Text) project.Text {
	return text("「%s」かどうか", "whether %s", t)
}

// routeThrough names where a route leads, for a notice.
func routeThrough(target project.Text) project.Text {
	return text("%s を通るルート", "the route through %s", target)
}

// Undecided says that a segment cannot be decided, and why.
func Undecided(u *Unknown) project.Text {
	return text("セグメントを決められません（%s: %s）", "the segment cannot be decided (%s: %s)", u.What, u.Why)
}

// segmentOrder is the order in which segments are tried.
var segmentOrder = config.SegmentNames

// within reports whether prefix p lies inside prefix r.
func within(p, r netip.Prefix) bool {
	return p.Addr().Is4() == r.Addr().Is4() && r.Bits() <= p.Bits() && r.Contains(p.Addr())
}

// text formats a message in both languages.
var text = project.Textf
