package aws

import (
	"net/netip"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/segment"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsDmzEgressInspectedRule checks that the workloads of the update DMZ
// reach the internet only through an inspection point: no route table of
// the DMZ that workload subnets use sends a default route (0.0.0.0/0,
// ::/0) straight to an internet, egress-only or carrier gateway, or to a
// public NAT gateway whose own subnet does. The route tables of the
// inspection path itself — those of the firewall's subnets, of Gateway
// Load Balancer endpoints' subnets, of public NAT gateways' subnets, and
// the gateway (edge) route tables — are not workload route tables.
type AwsDmzEgressInspectedRule struct{ lint.Meta }

var _ lint.Rule = (*AwsDmzEgressInspectedRule)(nil)

// NewAwsDmzEgressInspectedRule returns the rule.
func NewAwsDmzEgressInspectedRule() *AwsDmzEgressInspectedRule {
	reads := segmentReads()
	for ty, schema := range (lint.Reads{
		"aws_route_table":              storeSchema("route.destination_prefix_list_id"),
		"aws_default_route_table":      storeSchema("route.destination_prefix_list_id"),
		"aws_route":                    storeSchema("destination_prefix_list_id"),
		"aws_route_table_association":  storeSchema("gateway_id"),
		"aws_networkfirewall_firewall": networkFirewallReads,
		"aws_vpc_endpoint":             storeSchema("vpc_endpoint_type", "subnet_ids", "subnet_configuration.subnet_id"),
	}) {
		reads[ty] = lint.MergeSchema(reads[ty], schema)
	}
	return &AwsDmzEgressInspectedRule{lint.Meta{
		RuleName: "lgcloud_aws_dmz_egress_inspected",
		Level:    tflint.ERROR,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.3.1.3"},
		Summary:  project.Text{JA: "更新用 DMZ のワークロードからインターネットへの通信をファイアウォールに通す", EN: "The update DMZ's workloads reach the internet only through a firewall"},
		Reads:    reads,
	}}
}

var msgDmzEgressUninspected = project.Text{
	JA: "更新用 DMZ のルートテーブル %[1]s の %[2]s へのルートが、ファイアウォールを通らずに %[3]s からインターネットへ出ます。DMZ の通信は FQDN のホワイトリストとファイアウォールによるアウトバウンド通信の制御を通す必要があります。既定ルートの行き先を Network Firewall のエンドポイント（vpc_endpoint_id）か、検査用ネットワークへの Transit Gateway（transit_gateway_id）にしてください。",
	EN: "Route table %[1]s of the update DMZ sends traffic to %[2]s out to the internet through %[3]s without passing a firewall; the DMZ's traffic must pass an FQDN allowlist and a firewall that controls outbound traffic. Point the default route at the Network Firewall endpoint (vpc_endpoint_id) or at a transit gateway to an inspection network (transit_gateway_id).",
}

// Check reports the default routes of the DMZ's workload route tables that
// lead to the internet without passing an inspection point.
func (r *AwsDmzEgressInspectedRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	n, err := readDmzRouting(runner, r)
	if err != nil {
		return err
	}
	root, err := runner.IsRoot()
	if err != nil {
		return err
	}
	for _, route := range n.routes {
		if err := r.checkRoute(runner, n, route, root); err != nil {
			return err
		}
	}
	if runner.Config.Strict {
		return r.checkDynamicRoutes(runner, n, root)
	}
	return nil
}

// checkRoute reports one route when the table it belongs to is a workload
// route table of the DMZ and it sends a default route to the internet
// without inspection; in strict mode, when what it needs to decide cannot
// be known, it names the first thing that cannot.
func (r *AwsDmzEgressInspectedRule) checkRoute(runner *lint.Runner, n *dmzRouting, route *dmzRoute, root bool) error {
	place := n.placement(route)
	if !maybeInDMZ(place) {
		return nil
	}
	world, destBlind := n.dests(route)
	if len(world) == 0 && destBlind == nil {
		return nil
	}
	out := n.egress(route.body, 0)
	if out.kind == egressNone {
		return nil
	}
	role := n.role(route.table)
	if role.kind == roleInfra {
		return nil
	}
	table := route.table
	if table == "" {
		table = route.owner
	}
	dest := project.Text{JA: "インターネット", EN: "the internet"}
	if len(world) > 0 {
		s, _ := world[0].String()
		dest = project.Text{JA: s, EN: s}
	}
	var blind *lint.Value
	switch {
	case !inDMZ(place):
		blind = &lint.Value{State: lint.Unknown, Name: place.Unknown.What.In(runner.Config.Language), Range: place.Unknown.At.Range,
			Why: project.Textf("ルートテーブルが更新用 DMZ にあるか決められません（%s）", "whether the route table is in the update DMZ cannot be decided (%s)", place.Unknown.Why)}
	case route.maybe != nil:
		blind = route.maybe
	case role.kind == roleUnknown:
		blind = &lint.Value{State: lint.Unknown, Name: role.name, Range: route.at, Why: role.why}
	case len(world) == 0:
		blind = destBlind
	case out.kind == egressUnknown:
		blind = &lint.Value{State: lint.Unknown, Name: out.name, Expr: out.expr, Range: out.at, Why: out.why}
	}
	if blind != nil {
		if !runner.Config.Strict {
			return nil
		}
		first := exprEvidence(blind.Expr, blind.Range)
		if !inDMZ(place) {
			first = place.Unknown.At
		}
		at, ok := pickEvidence(append([]segment.Evidence{first, {Range: route.at}}, place.At...), root)
		if !ok {
			return nil
		}
		v := *blind
		v.Range = at
		return runner.Unverified(r, v, project.Textf(
			"ルートテーブル %s の %s へのルートがファイアウォールを通ること",
			"that the route to %[2]s of route table %[1]s passes a firewall", table, dest))
	}
	evidence := []segment.Evidence{exprEvidence(out.expr, out.at), exprEvidence(world[0].Expr, world[0].Range), {Range: route.at}}
	at, ok := pickEvidence(append(evidence, place.At...), root)
	if !ok {
		return nil
	}
	return runner.Report(r, at, msgDmzEgressUninspected, table, dest, out.describe())
}

// checkDynamicRoutes names, in strict mode, the DMZ route tables whose
// routes a dynamic block with a for_each unknown at lint time creates.
func (r *AwsDmzEgressInspectedRule) checkDynamicRoutes(runner *lint.Runner, n *dmzRouting, root bool) error {
	for _, ty := range []string{"aws_route_table", "aws_default_route_table"} {
		dyn, err := readDynamic(runner, ty, "route")
		if err != nil {
			return err
		}
		for _, addr := range n.order {
			t := n.tables[addr]
			if t.block.Labels[0] != ty || dyn.state[addr] != nestedMaybe {
				continue
			}
			place := n.view.Of(addr)
			if !maybeInDMZ(place) {
				continue
			}
			if n.role(addr).kind == roleInfra {
				continue
			}
			v := dyn.maybe[addr]
			at, ok := pickEvidence(append([]segment.Evidence{exprEvidence(v.Expr, v.Range)}, place.At...), root)
			if !ok {
				continue
			}
			v = lint.Value{State: lint.Unknown, Name: v.Name, Range: at, Expr: v.Expr, Why: whyDynamicBlock}
			if err := runner.Unverified(r, v, project.Textf(
				"ルートテーブル %s のルートがファイアウォールを通ること",
				"that the routes of route table %s pass a firewall", addr)); err != nil {
				return err
			}
		}
	}
	return nil
}

// dmzRouting is what the rule reads of the routing of a module: its route
// tables and their routes, which subnets use which table, and which
// subnets hold the inspection path (firewalls, Gateway Load Balancer
// endpoints, public NAT gateways).
type dmzRouting struct {
	runner *lint.Runner
	rule   lint.Rule
	view   *segmentView

	tables map[string]*dmzTable
	order  []string
	routes []*dmzRoute
	nats   map[string]*hclext.Block

	// subnetVPC maps a subnet to its VPC; vpcSubnets lists a VPC's
	// subnets in the order written.
	subnetVPC  map[string]string
	vpcSubnets map[string][]string
	// explicit maps a subnet to the route tables associated with it;
	// mains maps a VPC to its main route tables.
	explicit, mains map[string][]string
	// unsure holds the subnets of associations that do not tell which of
	// their route tables goes with which subnet.
	unsure map[string]bool
	// infra maps a subnet of the inspection path to what it holds.
	infra map[string]string
	// blindFirewall is the first firewall one of whose subnets cannot be
	// told: any subnet may then be one of its.
	blindFirewall string
	// inspection is true when the module declares a firewall or a Gateway
	// Load Balancer endpoint.
	inspection bool
	// passed maps the resources passed to module calls to the first
	// module that receives them.
	passed map[string]string
}

// dmzTable is a route table.
type dmzTable struct {
	block *hclext.Block
	// main is true for the main route table of its VPCs.
	main bool
	vpcs []string
	// edge is true for a table associated with a gateway (ingress
	// routing).
	edge bool
	// subnets are the subnets associated with it explicitly.
	subnets []string
	// blind is an association of it whose subnet cannot be told.
	blind  string
	routes []*dmzRoute
}

// dmzRoute is one route: an inline route block or an aws_route.
type dmzRoute struct {
	// table is the route table, "" when route_table_id names none of the
	// module's.
	table string
	// owner is the resource declaring the route.
	owner string
	at    hcl.Range
	body  *hclext.BodyContent
	// destAttrs are the attributes of its destination ranges.
	destAttrs []string
	// maybe is set when the route may not be created (its count or
	// for_each is not known at lint time).
	maybe *lint.Value
}

func readDmzRouting(runner *lint.Runner, rule lint.Rule) (*dmzRouting, error) {
	view, err := segmentResult(runner, rule)
	if err != nil {
		return nil, err
	}
	passed, err := passedToModules(runner)
	if err != nil {
		return nil, err
	}
	n := &dmzRouting{
		runner: runner, rule: rule, view: view, passed: passed,
		tables: map[string]*dmzTable{}, nats: map[string]*hclext.Block{},
		subnetVPC: map[string]string{}, vpcSubnets: map[string][]string{},
		explicit: map[string][]string{}, unsure: map[string]bool{}, infra: map[string]string{},
	}
	for _, read := range []func() error{n.readSubnets, n.readTables, n.readRoutes, n.readMainAssociations, n.readAssociations, n.readInspectionPath} {
		if err := read(); err != nil {
			return nil, err
		}
	}
	n.mains = map[string][]string{}
	for _, addr := range n.order {
		if t := n.tables[addr]; t.main {
			for _, vpc := range t.vpcs {
				n.mains[vpc] = append(n.mains[vpc], addr)
			}
		}
	}
	return n, nil
}

// refsOf returns the addresses of the resources of the given types that an
// attribute refers to.
func refsOf(body *hclext.BodyContent, name string, forEach hcl.Expression, types ...string) []string {
	attr, ok := body.Attributes[name]
	if !ok {
		return nil
	}
	if isNullExpr(attr.Expr) {
		return nil
	}
	var out []string
	for _, ty := range types {
		out = append(out, addresses(ty, linkTargets(attr.Expr, forEach, ty))...)
	}
	return out
}

func (n *dmzRouting) readSubnets() error {
	subnets, err := n.runner.Resources(n.rule, "aws_subnet")
	if err != nil {
		return err
	}
	for _, s := range sortedLogBlocks(subnets) {
		addr := lint.Address(s)
		if _, seen := n.subnetVPC[addr]; seen {
			continue
		}
		if vpcs := refsOf(s.Body, "vpc_id", nil, "aws_vpc"); len(vpcs) > 0 {
			n.subnetVPC[addr] = vpcs[0]
			n.vpcSubnets[vpcs[0]] = append(n.vpcSubnets[vpcs[0]], addr)
		}
	}
	return nil
}

// routeTableTypes are the resource types of route tables.
var routeTableTypes = []string{"aws_route_table", "aws_default_route_table"}

// readTables reads the route tables and their inline routes; in strict
// mode also those whose count or for_each is unknown, whose routes may
// then not exist.
func (n *dmzRouting) readTables() error {
	for _, ty := range routeTableTypes {
		blocks, err := n.runner.Resources(n.rule, ty)
		if err != nil {
			return err
		}
		for _, b := range sortedLogBlocks(blocks) {
			n.addTable(b, nil)
		}
		if err := n.readUncounted(ty, blocks, n.addTable); err != nil {
			return err
		}
	}
	return nil
}

func (n *dmzRouting) addTable(b *hclext.Block, maybe *lint.Value) {
	addr := lint.Address(b)
	t, ok := n.tables[addr]
	if !ok {
		t = &dmzTable{block: b}
		n.tables[addr] = t
		n.order = append(n.order, addr)
	}
	if b.Labels[0] == "aws_default_route_table" {
		t.main = true
		for _, vpc := range refsOf(b.Body, "default_route_table_id", nil, "aws_vpc") {
			if !slices.Contains(t.vpcs, vpc) {
				t.vpcs = append(t.vpcs, vpc)
			}
		}
	}
	for _, rb := range b.Body.Blocks.OfType("route") {
		n.addRoute(&dmzRoute{table: addr, owner: addr, at: rb.DefRange, body: rb.Body, destAttrs: inlineDests, maybe: maybe})
	}
}

func (n *dmzRouting) addRoute(route *dmzRoute) {
	n.routes = append(n.routes, route)
	if t, ok := n.tables[route.table]; ok {
		t.routes = append(t.routes, route)
	}
}

func (n *dmzRouting) readRoutes() error {
	blocks, err := n.runner.Resources(n.rule, "aws_route")
	if err != nil {
		return err
	}
	add := func(b *hclext.Block, maybe *lint.Value) {
		route := &dmzRoute{owner: lint.Address(b), at: b.DefRange, body: b.Body, destAttrs: resourceDests, maybe: maybe}
		if tables := refsOf(b.Body, "route_table_id", nil, routeTableTypes...); len(tables) == 1 {
			route.table = tables[0]
		}
		n.addRoute(route)
	}
	for _, b := range sortedLogBlocks(blocks) {
		add(b, nil)
	}
	return n.readUncounted("aws_route", blocks, add)
}

// readUncounted passes to add, in strict mode, the resources of a type
// that TFLint leaves out because their count or for_each cannot be known,
// with that count or for_each.
func (n *dmzRouting) readUncounted(ty string, expanded []*hclext.Block, add func(*hclext.Block, *lint.Value)) error {
	if !n.runner.Config.Strict {
		return nil
	}
	declared, err := n.runner.Declared(n.rule, ty)
	if err != nil {
		return err
	}
	present := map[string]bool{}
	for _, b := range expanded {
		present[lint.Address(b)] = true
	}
	for _, b := range sortedLogBlocks(declared) {
		if present[lint.Address(b)] {
			continue
		}
		if v, unknown := instanceCount(n.runner, b.Body); unknown {
			v.Why = project.Textf("%s が作られるかどうか lint 時に決まりません", "whether %s is created is not known at lint time", lint.Address(b))
			add(b, &v)
		}
	}
	return nil
}

func (n *dmzRouting) readMainAssociations() error {
	blocks, err := n.runner.Resources(n.rule, "aws_main_route_table_association")
	if err != nil {
		return err
	}
	for _, b := range blocks {
		vpcs := refsOf(b.Body, "vpc_id", nil, "aws_vpc")
		for _, addr := range refsOf(b.Body, "route_table_id", nil, routeTableTypes...) {
			if t, ok := n.tables[addr]; ok {
				t.main = true
				for _, vpc := range vpcs {
					if !slices.Contains(t.vpcs, vpc) {
						t.vpcs = append(t.vpcs, vpc)
					}
				}
			}
		}
	}
	return nil
}

// readAssociations reads the route table associations as written: which
// table goes with which subnet does not depend on count or for_each, and
// one whose count cannot be known may yet be created.
func (n *dmzRouting) readAssociations() error {
	blocks, err := n.runner.Declared(n.rule, "aws_route_table_association")
	if err != nil {
		return err
	}
	for _, b := range sortedLogBlocks(blocks) {
		if count, unknown := instanceCount(n.runner, b.Body); !unknown && count.State == lint.Known {
			continue // creates no association
		}
		var forEach hcl.Expression
		if attr, ok := b.Body.Attributes["for_each"]; ok {
			forEach = attr.Expr
		}
		tables := refsOf(b.Body, "route_table_id", forEach, routeTableTypes...)
		if attr, ok := b.Body.Attributes["gateway_id"]; ok && !isNullExpr(attr.Expr) {
			for _, addr := range tables {
				if t, ok := n.tables[addr]; ok {
					t.edge = true
				}
			}
			continue
		}
		subnets := refsOf(b.Body, "subnet_id", forEach, "aws_subnet")
		// An association that names several tables chooses among them:
		// which subnet goes with which table cannot be told.
		ambiguous := len(tables) > 1
		for _, addr := range tables {
			t, ok := n.tables[addr]
			if !ok {
				continue
			}
			if len(subnets) == 0 || ambiguous {
				if t.blind == "" {
					t.blind = lint.Address(b)
				}
				continue
			}
			for _, s := range subnets {
				if !slices.Contains(t.subnets, s) {
					t.subnets = append(t.subnets, s)
				}
				if !slices.Contains(n.explicit[s], addr) {
					n.explicit[s] = append(n.explicit[s], addr)
				}
			}
		}
		if ambiguous {
			for _, s := range subnets {
				n.unsure[s] = true
			}
		}
	}
	return nil
}

// readInspectionPath reads the subnets that hold the inspection path: the
// subnets of Network Firewalls and of Gateway Load Balancer endpoints,
// and those of public NAT gateways.
func (n *dmzRouting) readInspectionPath() error {
	firewalls, err := readNetworkFirewalls(n.runner)
	if err != nil {
		return err
	}
	for _, fw := range firewalls {
		n.inspection = true
		for _, s := range fw.Subnets {
			n.markInfra(s, fw.Address())
		}
		if fw.BlindSubnet != nil && n.blindFirewall == "" {
			n.blindFirewall = fw.Address()
		}
	}
	endpoints, err := n.runner.Resources(n.rule, "aws_vpc_endpoint")
	if err != nil {
		return err
	}
	for _, ep := range sortedLogBlocks(endpoints) {
		if s, _ := n.runner.Attr(ep.Body, "vpc_endpoint_type", cty.String).String(); s != "GatewayLoadBalancer" {
			continue
		}
		n.inspection = true
		subnets := refsOf(ep.Body, "subnet_ids", nil, "aws_subnet")
		for _, c := range ep.Body.Blocks.OfType("subnet_configuration") {
			subnets = append(subnets, refsOf(c.Body, "subnet_id", nil, "aws_subnet")...)
		}
		for _, s := range subnets {
			n.markInfra(s, lint.Address(ep))
		}
	}
	nats, err := n.runner.Resources(n.rule, "aws_nat_gateway")
	if err != nil {
		return err
	}
	for _, nat := range sortedLogBlocks(nats) {
		addr := lint.Address(nat)
		if _, seen := n.nats[addr]; !seen {
			n.nats[addr] = nat
		}
		if s, _ := n.runner.Attr(nat.Body, "connectivity_type", cty.String).String(); s == "private" {
			continue
		}
		for _, s := range refsOf(nat.Body, "subnet_id", nil, "aws_subnet") {
			n.markInfra(s, addr)
		}
	}
	return nil
}

func (n *dmzRouting) markInfra(subnet, holder string) {
	if _, ok := n.infra[subnet]; !ok {
		n.infra[subnet] = holder
	}
}

// placement returns the segment of a route: its table's.
func (n *dmzRouting) placement(route *dmzRoute) segment.Placement {
	if route.table != "" {
		return n.view.Of(route.table)
	}
	return n.view.Of(route.owner)
}

// dests returns a route's default destinations (0.0.0.0/0, ::/0), and the
// first destination that cannot be known.
func (n *dmzRouting) dests(route *dmzRoute) (world []lint.Value, blind *lint.Value) {
	for _, name := range route.destAttrs {
		v := n.runner.Attr(route.body, name, cty.String)
		switch v.State {
		case lint.Known:
			s, _ := v.String()
			if p, err := netip.ParsePrefix(strings.TrimSpace(s)); err == nil && segment.IsWorld(p) {
				world = append(world, v)
			}
		case lint.Unknown:
			if blind == nil {
				blind = &v
			}
		}
	}
	if attr, ok := route.body.Attributes["destination_prefix_list_id"]; ok && blind == nil {
		if !isNullExpr(attr.Expr) {
			blind = &lint.Value{State: lint.Unknown, Name: "destination_prefix_list_id", Expr: attr.Expr, Range: attr.Expr.Range(),
				Why: project.Text{JA: "宛先がプレフィックスリストで、その範囲を lint 時に確認できません", EN: "the destination is a prefix list, whose ranges cannot be seen at lint time"}}
		}
	}
	return world, blind
}

// egressKind says where a route's target takes traffic.
type egressKind int

const (
	// egressNone: to an inspection point (a firewall or Gateway Load
	// Balancer endpoint, a transit gateway to an inspection network) or
	// to a private network — not straight to the internet.
	egressNone egressKind = iota
	// egressDirect: straight to the internet.
	egressDirect
	// egressUnknown: the code does not tell.
	egressUnknown
)

// egress is where a route's target takes traffic.
type egress struct {
	kind egressKind
	// name is the target attribute, expr its expression, at its range.
	name string
	expr hcl.Expression
	at   hcl.Range
	// via describes the public NAT gateway the traffic leaves through.
	via *project.Text
	// why says why an unknown target cannot be told.
	why project.Text
}

// describe names the target for messages.
func (e egress) describe() project.Text {
	if e.via != nil {
		return *e.via
	}
	s := e.name + " = " + describeExpr(e.expr)
	return project.Text{JA: s, EN: s}
}

var (
	whyTargetUnknown = project.Text{JA: "行き先がファイアウォールかインターネットへの出口かをコードから特定できません", EN: "whether the target is a firewall or a way out to the internet cannot be told from the code"}
	whyTargetDevice  = project.Text{JA: "インスタンスやネットワークインターフェースが通信を検査するかはコードから分かりません", EN: "whether an instance or network interface inspects the traffic cannot be told from the code"}
)

// egress tells where a route's target takes traffic. A public NAT gateway
// of the module takes it where the route tables of its subnet do; depth
// counts the NAT gateways followed.
func (n *dmzRouting) egress(body *hclext.BodyContent, depth int) egress {
	for _, t := range routeTargets {
		attr, ok := body.Attributes[t.Attr]
		if !ok {
			continue
		}
		if isNullExpr(attr.Expr) {
			continue
		}
		e := egress{name: t.Attr, expr: attr.Expr, at: attr.Expr.Range()}
		switch t.Attr {
		case "egress_only_gateway_id", "carrier_gateway_id":
			e.kind = egressDirect
		case "gateway_id", "nat_gateway_id":
			if nats := logRefLabels(attr.Expr, "aws_nat_gateway"); len(nats) > 0 {
				return n.throughNAT(e, "aws_nat_gateway."+nats[0], depth)
			}
			switch exitOf(n.runner, attr.Expr) {
			case segment.ExitInternet:
				e.kind = egressDirect
			case segment.ExitPrivate:
				e.kind = egressNone
			default:
				e.kind, e.why = egressUnknown, whyTargetUnknown
			}
		case "network_interface_id", "instance_id":
			e.kind, e.why = egressUnknown, whyTargetDevice
		default:
			e.kind = egressNone
		}
		return e
	}
	return egress{kind: egressNone}
}

// throughNAT follows a route to a NAT gateway of the module: a private NAT
// gateway leads to a private network; a public one leads where the
// default routes of its subnet's route tables do.
func (n *dmzRouting) throughNAT(e egress, nat string, depth int) egress {
	unknown := func(why project.Text) egress {
		e.kind, e.why = egressUnknown, why
		return e
	}
	block, ok := n.nats[nat]
	if !ok {
		return unknown(project.Textf("NAT ゲートウェイ %s がモジュールにあるか lint 時に分かりません", "whether NAT gateway %s exists is not known at lint time", nat))
	}
	ct := n.runner.Attr(block.Body, "connectivity_type", cty.String)
	if s, _ := ct.String(); s == "private" {
		e.kind = egressNone
		return e
	}
	if ct.IsUnknown() {
		return unknown(project.Textf("NAT ゲートウェイ %s の connectivity_type: %s", "connectivity_type of NAT gateway %s: %s", nat, ct.Why))
	}
	if depth > 0 {
		return unknown(project.Textf("NAT ゲートウェイ %s の先がさらに NAT ゲートウェイです", "NAT gateway %s leads to another NAT gateway", nat))
	}
	subnets := refsOf(block.Body, "subnet_id", nil, "aws_subnet")
	if len(subnets) != 1 || n.unsure[subnets[0]] {
		return unknown(project.Textf("NAT ゲートウェイ %s のサブネットとそのルートテーブルを特定できません", "the subnet of NAT gateway %s and its route table cannot be told", nat))
	}
	subnet := subnets[0]
	tables := n.tablesOf(subnet)
	if len(tables) == 0 {
		return unknown(project.Textf("NAT ゲートウェイ %s のサブネット %s に関連付けられたルートテーブルがモジュールにありません", "no route table of the module is associated with subnet %[2]s of NAT gateway %[1]s", nat, subnet))
	}
	var blind *egress
	for _, table := range tables {
		for _, route := range n.tables[table].routes {
			world, _ := n.dests(route)
			if len(world) == 0 {
				continue
			}
			next := n.egress(route.body, depth+1)
			switch next.kind {
			case egressDirect:
				via := project.Textf("NAT ゲートウェイ %s を経て、そのサブネット %s のルートテーブル %s の %s",
					"NAT gateway %[1]s and then %[4]s (route table %[3]s of its subnet %[2]s)", nat, subnet, table, next.describe())
				e.kind, e.via = egressDirect, &via
				return e
			case egressUnknown:
				if blind == nil {
					blind = &next
				}
			}
		}
	}
	if blind != nil {
		return unknown(project.Textf("NAT ゲートウェイ %s のサブネットのルート %s: %s", "route %[2]s of the subnet of NAT gateway %[1]s: %[3]s", nat, blind.describe(), blind.why))
	}
	e.kind = egressNone
	return e
}

// tablesOf returns the route tables a subnet uses: those associated with
// it, else the main route tables of its VPC.
func (n *dmzRouting) tablesOf(subnet string) []string {
	if tables := n.explicit[subnet]; len(tables) > 0 {
		return tables
	}
	if vpc, ok := n.subnetVPC[subnet]; ok {
		return n.mains[vpc]
	}
	return nil
}

// roleKind says whether a route table carries workload traffic.
type roleKind int

const (
	// roleWorkload: a subnet that holds no part of the inspection path
	// uses the table.
	roleWorkload roleKind = iota
	// roleInfra: the table is a gateway route table, or only subnets of
	// the inspection path use it.
	roleInfra
	// roleUnknown: which subnets use it cannot be told.
	roleUnknown
)

type tableRole struct {
	kind roleKind
	// name and why say, for roleUnknown, what cannot be told and why.
	name string
	why  project.Text
}

// role tells whether a route table is a workload route table: one that a
// subnet uses (by association, or as its VPC's main table when it has no
// association) which holds no firewall, Gateway Load Balancer endpoint or
// public NAT gateway.
func (n *dmzRouting) role(addr string) tableRole {
	t, ok := n.tables[addr]
	if !ok {
		return tableRole{kind: roleUnknown, name: "route_table_id",
			why: project.Text{JA: "モジュールのルートテーブルを指していないため、どのサブネットが使うか分かりません", EN: "it names no route table of the module, so which subnets use it cannot be told"}}
	}
	if t.edge {
		return tableRole{kind: roleInfra}
	}
	var unsure *tableRole
	users := n.users(t)
	for _, s := range users {
		if _, ok := n.infra[s]; ok {
			continue
		}
		// A module that declares no firewall of its own may pass a
		// subnet to the module that declares it.
		if module, ok := n.passed[s]; ok && !n.inspection {
			if unsure == nil {
				unsure = &tableRole{kind: roleUnknown, name: s, why: project.Textf(
					"モジュール %s に渡されており、そこで宣言されたファイアウォールのサブネットかもしれません",
					"it is passed to module %s and may be a subnet of a firewall declared there", module)}
			}
			continue
		}
		if n.blindFirewall != "" {
			if unsure == nil {
				unsure = &tableRole{kind: roleUnknown, name: s, why: project.Textf(
					"ファイアウォール %s のサブネットを特定できず、これがそのサブネットかもしれません",
					"the subnets of firewall %s cannot be told, and this may be one of them", n.blindFirewall)}
			}
			continue
		}
		return tableRole{kind: roleWorkload}
	}
	switch {
	case t.blind != "":
		return tableRole{kind: roleUnknown, name: t.blind, why: project.Text{
			JA: "どのサブネットをどのルートテーブルに関連付けるか特定できません",
			EN: "which subnet it associates with which route table cannot be told"}}
	case unsure != nil:
		return *unsure
	case len(users) == 0:
		return tableRole{kind: roleUnknown, name: addr, why: project.Text{
			JA: "このルートテーブルを使うサブネットがモジュールになく、ワークロードのサブネットが使うか分かりません",
			EN: "no subnet of the module uses it, so whether workload subnets do cannot be told"}}
	}
	return tableRole{kind: roleInfra}
}

// users returns the subnets that use a route table: those associated with
// it and, for a main route table, the subnets of its VPCs that have no
// association of their own.
func (n *dmzRouting) users(t *dmzTable) []string {
	out := slices.Clone(t.subnets)
	if t.main {
		for _, vpc := range t.vpcs {
			for _, s := range n.vpcSubnets[vpc] {
				if len(n.explicit[s]) == 0 && !n.unsure[s] && !slices.Contains(out, s) {
					out = append(out, s)
				}
			}
		}
	}
	return out
}
