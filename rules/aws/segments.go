package aws

import (
	"fmt"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"math/big"
	"net/netip"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/segment"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/zclconf/go-cty/cty"
)

// The AWS adapter of the segment model. It describes the network resources
// of one module to the provider-neutral engine (rules/segment): which are
// networks (aws_vpc), subnets, route tables, gateways, interfaces,
// instances, services and security groups; how they refer to each other
// (vpc_id, subnet_id, security groups, associations); and which routes,
// security rules, exposures (public IPs, internet gateways, internet-facing
// load balancers, public databases) and joins (peering, transit gateway
// route tables) they declare. The graph is built once per module from one
// read of each resource type and shared by every rule that asks for
// placements (segmentResult).
//
// A reference is followed when it is written as one to a resource of the
// module (aws_vpc.main.id, aws_subnet.app[0].id, aws_subnet.app[*].id).
// Anything else — a module input, a local, a data source, a literal ID —
// names something the plugin cannot see, and the segment it would give is
// unknown: strict mode names it where it matters.

// netType is one resource type of the adapter: what it is and how it is
// read into the graph.
type netType struct {
	Type string
	Kind segment.Kind
	// In are the attributes whose references place the resource (a
	// subnet's vpc_id); "block.attr" for an attribute of a nested block.
	In []string
	// Ranges are the attributes holding the resource's address range.
	Ranges []string
	// Exit is where a gateway leads.
	Exit segment.Exit
	// Schema is what else the adapter reads of the type.
	Schema *hclext.BodySchema
	// Build adds what the resource declares beyond its node: routes,
	// rules, exposures, links.
	Build func(b *netBuilder, block *hclext.Block, id string)
	// NoNode is set for types that only link or expose other nodes.
	NoNode bool
	// NoTags is set for types without tags.
	NoTags bool
}

// routeTargets are the attributes of a route that name its target, and
// where each leads when the attribute alone tells.
var routeTargets = []struct {
	Attr string
	Exit segment.Exit
}{
	{"gateway_id", segment.ExitUnknown},
	{"nat_gateway_id", segment.ExitUnknown},
	{"egress_only_gateway_id", segment.ExitInternet},
	{"carrier_gateway_id", segment.ExitInternet},
	{"transit_gateway_id", segment.ExitPrivate},
	{"vpc_peering_connection_id", segment.ExitPrivate},
	{"vpc_endpoint_id", segment.ExitPrivate},
	{"local_gateway_id", segment.ExitPrivate},
	{"core_network_arn", segment.ExitPrivate},
	{"network_interface_id", segment.ExitPrivate},
	{"instance_id", segment.ExitPrivate},
}

// The attributes that give a route's destination: of an inline route and
// of an aws_route.
var (
	inlineDests   = []string{"cidr_block", "ipv6_cidr_block"}
	resourceDests = []string{"destination_cidr_block", "destination_ipv6_cidr_block"}
)

// routeSchema is what the adapter reads of a route: its destination
// attributes and every target attribute but those in skip (the inline
// routes of a default route table know no carrier or local gateway, and
// no inline route knows instance_id).
func routeSchema(dests []string, skip ...string) *hclext.BodySchema {
	s := attrs(dests...)
	for _, t := range routeTargets {
		if !slices.Contains(skip, t.Attr) {
			s.Attributes = append(s.Attributes, hclext.AttributeSchema{Name: t.Attr})
		}
	}
	return s
}

func attrs(names ...string) *hclext.BodySchema {
	s := &hclext.BodySchema{}
	for _, n := range names {
		s.Attributes = append(s.Attributes, hclext.AttributeSchema{Name: n})
	}
	return s
}

// netTypes lists the resource types of the adapter. Types that others
// refer to come first, so that links find their nodes.
var netTypes = []netType{
	{Type: "aws_vpc", Kind: segment.Network, Ranges: []string{"cidr_block"}},
	{Type: "aws_subnet", Kind: segment.Subnet, In: []string{"vpc_id"}, Ranges: []string{"cidr_block"},
		Schema: attrs("map_public_ip_on_launch"), Build: buildSubnet},
	{Type: "aws_internet_gateway", Kind: segment.Gateway, In: []string{"vpc_id"}, Exit: segment.ExitInternet,
		Build: buildInternetGateway},
	{Type: "aws_egress_only_internet_gateway", Kind: segment.Gateway, In: []string{"vpc_id"}, Exit: segment.ExitInternet,
		Build: buildInternetGateway},
	{Type: "aws_internet_gateway_attachment", Kind: segment.Gateway, In: []string{"vpc_id"}, Exit: segment.ExitInternet,
		NoTags: true, Build: buildInternetGateway},
	{Type: "aws_vpn_gateway", Kind: segment.Gateway, In: []string{"vpc_id"}, Exit: segment.ExitPrivate},
	{Type: "aws_nat_gateway", Kind: segment.Gateway, In: []string{"subnet_id"},
		Schema: attrs("connectivity_type"), Build: buildNatGateway},
	{Type: "aws_security_group", Kind: segment.SecurityGroup, In: []string{"vpc_id"}, Build: buildSecurityRules},
	{Type: "aws_default_security_group", Kind: segment.SecurityGroup, In: []string{"vpc_id"}, Build: buildSecurityRules},
	{Type: "aws_security_group_rule", In: []string{"security_group_id"}, NoTags: true, Build: buildSecurityRules},
	{Type: "aws_vpc_security_group_ingress_rule", In: []string{"security_group_id"}, Build: buildSecurityRules},
	{Type: "aws_vpc_security_group_egress_rule", In: []string{"security_group_id"}, Build: buildSecurityRules},
	{Type: "aws_network_interface", Kind: segment.Interface, In: []string{"subnet_id", "security_groups"}},
	{Type: "aws_instance", Kind: segment.Instance, In: []string{"subnet_id", "vpc_security_group_ids", "network_interface.network_interface_id"},
		Schema: attrs("associate_public_ip_address"), Build: buildInstance},
	{Type: "aws_launch_template", Kind: segment.Instance,
		In:     []string{"vpc_security_group_ids", "network_interfaces.subnet_id", "network_interfaces.security_groups", "network_interfaces.network_interface_id"},
		Schema: &hclext.BodySchema{Blocks: []hclext.BlockSchema{{Type: "network_interfaces", Body: attrs("associate_public_ip_address")}}},
		Build:  buildLaunchTemplate},
	{Type: "aws_autoscaling_group", Kind: segment.Instance, In: []string{"vpc_zone_identifier"}, NoTags: true,
		Schema: &hclext.BodySchema{Blocks: []hclext.BlockSchema{
			{Type: "launch_template", Body: attrs("id", "name")},
			{Type: "mixed_instances_policy", Body: &hclext.BodySchema{Blocks: []hclext.BlockSchema{{
				Type: "launch_template", Body: &hclext.BodySchema{Blocks: []hclext.BlockSchema{{
					Type: "launch_template_specification", Body: attrs("launch_template_id", "launch_template_name"),
				}}},
			}}}},
		}}, Build: buildAutoscalingGroup},
	{Type: "aws_network_interface_attachment", NoNode: true, NoTags: true,
		Schema: attrs("instance_id", "network_interface_id"), Build: buildInterfaceAttachment},
	{Type: "aws_eip", NoNode: true, Schema: attrs("instance", "network_interface"), Build: buildEIP},
	{Type: "aws_eip_association", NoNode: true, NoTags: true, Schema: attrs("instance_id", "network_interface_id"), Build: buildEIPAssociation},
	{Type: "aws_lb", Kind: segment.Service, In: []string{"subnets", "subnet_mapping.subnet_id", "security_groups"},
		Schema: attrs("internal", "load_balancer_type"), Build: buildLoadBalancer},
	{Type: "aws_db_subnet_group", In: []string{"subnet_ids"}},
	{Type: "aws_redshift_subnet_group", In: []string{"subnet_ids"}},
	{Type: "aws_rds_cluster", Kind: segment.Service, In: []string{"db_subnet_group_name", "vpc_security_group_ids"}},
	{Type: "aws_db_instance", Kind: segment.Service, In: []string{"db_subnet_group_name", "vpc_security_group_ids"},
		Schema: attrs("publicly_accessible"), Build: buildPublicDatabase},
	{Type: "aws_rds_cluster_instance", Kind: segment.Service, In: []string{"db_subnet_group_name", "cluster_identifier"},
		Schema: attrs("publicly_accessible"), Build: buildPublicDatabase},
	{Type: "aws_redshift_cluster", Kind: segment.Service, In: []string{"cluster_subnet_group_name", "vpc_security_group_ids"},
		Schema: attrs("publicly_accessible"), Build: buildPublicDatabase},
	{Type: "aws_route_table", Kind: segment.RouteTable, In: []string{"vpc_id"},
		Schema: &hclext.BodySchema{Blocks: []hclext.BlockSchema{{Type: "route", Body: routeSchema(inlineDests, "instance_id")}}},
		Build:  buildRouteTable},
	{Type: "aws_default_route_table", Kind: segment.RouteTable, In: []string{"default_route_table_id"},
		Schema: &hclext.BodySchema{Blocks: []hclext.BlockSchema{{Type: "route", Body: routeSchema(inlineDests, "instance_id", "carrier_gateway_id", "local_gateway_id")}}},
		Build:  buildRouteTable},
	{Type: "aws_route", In: []string{"route_table_id"}, NoTags: true,
		Schema: routeSchema(resourceDests), Build: buildRoute},
	{Type: "aws_route_table_association", NoNode: true, NoTags: true,
		Schema: attrs("subnet_id", "route_table_id"), Build: buildRouteTableAssociation},
	{Type: "aws_main_route_table_association", NoNode: true, NoTags: true,
		Schema: attrs("vpc_id", "route_table_id"), Build: buildMainRouteTableAssociation},
	{Type: "aws_vpc_peering_connection", Schema: attrs("vpc_id", "peer_vpc_id"), Build: buildPeering},
	{Type: "aws_ec2_transit_gateway", Schema: attrs("default_route_table_association", "default_route_table_propagation"),
		Build: buildTransitGateway},
	{Type: "aws_ec2_transit_gateway_vpc_attachment", In: []string{"vpc_id"},
		Schema: attrs("transit_gateway_id", "transit_gateway_default_route_table_association", "transit_gateway_default_route_table_propagation"),
		Build:  buildTransitAttachment},
	{Type: "aws_ec2_transit_gateway_route_table", Kind: segment.RouteTable, Schema: attrs("transit_gateway_id")},
	{Type: "aws_ec2_transit_gateway_route_table_association", NoNode: true, NoTags: true,
		Schema: attrs("transit_gateway_attachment_id", "transit_gateway_route_table_id"), Build: buildTransitTableLink},
	{Type: "aws_ec2_transit_gateway_route_table_propagation", NoNode: true, NoTags: true,
		Schema: attrs("transit_gateway_attachment_id", "transit_gateway_route_table_id"), Build: buildTransitTableLink},
	{Type: "aws_ec2_transit_gateway_route", In: []string{"transit_gateway_route_table_id"}, NoTags: true,
		Schema: attrs("destination_cidr_block", "transit_gateway_attachment_id", "blackhole"), Build: buildTransitRoute},
}

// mergeReads returns the union of reads.
func mergeReads(all ...lint.Reads) lint.Reads {
	out := lint.Reads{}
	for _, reads := range all {
		for ty, schema := range reads {
			out[ty] = lint.MergeSchema(out[ty], schema)
		}
	}
	return out
}

// segmentReads returns what the adapter reads: the reads of every rule
// that asks for placements.
func segmentReads() lint.Reads {
	reads := lint.Reads{}
	for _, t := range netTypes {
		schema := &hclext.BodySchema{}
		add := func(path string) { addPath(schema, strings.Split(path, ".")) }
		for _, p := range t.In {
			add(p)
		}
		for _, p := range t.Ranges {
			add(p)
		}
		if !t.NoTags {
			add(tagsAttr)
		}
		reads[t.Type] = lint.MergeSchema(schema, t.Schema)
	}
	for ty, schema := range securityRuleReads() {
		reads[ty] = lint.MergeSchema(reads[ty], schema)
	}
	return reads
}

// segmentResultKey is the memo key of the module's segment graph.
type segmentResultKey struct{}

// segmentResult builds the module's segment graph once, checks it, and
// returns the result, shared by every rule that reads segments. The rule
// must declare segmentReads in its Reads.
func segmentResult(runner *lint.Runner, rule lint.Rule) (*segmentView, error) {
	v, err := runner.Memo(segmentResultKey{}, func() (any, error) {
		b := &netBuilder{runner: runner, rule: rule, graph: segment.New(runner.Config), fixes: map[hcl.Range]fixBool{},
			defaultTables: map[string]*segment.Join{}, tableJoins: map[string]*segment.Join{},
			instances: map[string][]instanceKey{}, ids: map[*hclext.Block]string{}}
		if err := b.build(); err != nil {
			return nil, err
		}
		return &segmentView{Result: b.graph.Check(), fixes: b.fixes, ids: b.ids, instances: b.instances}, nil
	})
	if err != nil {
		return nil, err
	}
	return v.(*segmentView), nil
}

// segmentView is the checked graph of a module, with the autofixes of the
// exposures written as literals.
type segmentView struct {
	*segment.Result
	fixes     map[hcl.Range]fixBool
	ids       map[*hclext.Block]string
	instances map[string][]instanceKey
}

// Of returns the placement of a node by its ID, or of a resource by its
// address: the segments of all its instances.
func (v *segmentView) Of(id string) segment.Placement {
	keys, ok := v.instances[id]
	if !ok {
		return v.Result.Of(id)
	}
	var out segment.Placement
	for _, k := range keys {
		p := v.Result.Of(id + k.suffix())
		for _, s := range p.Segments {
			if !slices.Contains(out.Segments, s) {
				out.Segments = append(out.Segments, s)
				out.At = append(out.At, p.At...)
			}
		}
		if out.Unknown == nil {
			out.Unknown = p.Unknown
		}
	}
	if len(out.Segments) > 0 {
		out.Unknown = nil
	}
	return out
}

// fixBool is an autofix that writes a boolean literal.
type fixBool struct {
	Expr hcl.Expression
	Want bool
}

// netBuilder reads the module into a graph.
type netBuilder struct {
	runner *lint.Runner
	rule   lint.Rule
	graph  *segment.Graph
	fixes  map[hcl.Range]fixBool
	// later are the links and joins that need every node in place.
	later []func()
	// defaultTables are the joins of the transit gateways' default route
	// tables, tableJoins those of the other transit gateway route tables.
	defaultTables, tableJoins map[string]*segment.Join
	// instances holds the instance keys of the resources with count or
	// for_each, by address, in the order TFLint expands them.
	instances map[string][]instanceKey
	// ids holds the node ID of each block read.
	ids map[*hclext.Block]string
	// current is the instance of the resource being added.
	current instanceKey
}

// instanceKey is the key of one instance of a resource with count
// (Index) or for_each (Key).
type instanceKey struct {
	Index   int
	Key     string
	ByCount bool
	Valid   bool
}

// suffix writes the key as Terraform writes it after an address: [0],
// ["mynumber"].
func (k instanceKey) suffix() string {
	switch {
	case !k.Valid:
		return ""
	case k.ByCount:
		return fmt.Sprintf("[%d]", k.Index)
	}
	return fmt.Sprintf("[%q]", k.Key)
}

// addressOf returns the resource address of a node ID: aws_subnet.app for
// aws_subnet.app[0].
func addressOf(id string) string {
	if i := strings.IndexByte(id, '['); i > 0 {
		return id[:i]
	}
	return id
}

func (b *netBuilder) build() error {
	if err := b.readInstances(); err != nil {
		return err
	}
	for _, t := range netTypes {
		blocks, err := b.runner.Resources(b.rule, t.Type)
		if err != nil {
			return err
		}
		for _, block := range b.keyed(blocks) {
			b.current = block.key
			if err := b.add(t, block.Block, nil); err != nil {
				return err
			}
		}
		b.current = instanceKey{}
		if b.runner.Config.Strict {
			if err := b.addUncounted(t, blocks); err != nil {
				return err
			}
		}
	}
	for _, f := range b.later {
		f()
	}
	return nil
}

// readInstances reads, once per module, the count and for_each of the
// network resources as written: TFLint expands a resource into one block per
// instance, in the order of its count (0, 1 …) or of its for_each's keys
// (sorted, as cty iterates maps, objects and sets of strings), without
// naming the instance. A reference to one instance
// (aws_vpc.this[each.key], aws_subnet.app[0]) is followed to that
// instance's node.
func (b *netBuilder) readInstances() error {
	for _, t := range netTypes {
		blocks, err := b.runner.Resources(b.rule, t.Type)
		if err != nil {
			return err
		}
		for _, block := range blocks {
			addr := lint.Address(block)
			if _, done := b.instances[addr]; done {
				continue
			}
			meta, err := b.runner.MetaArgs(addr)
			if err != nil {
				return err
			}
			if meta == nil {
				continue
			}
			if keys, ok := instanceKeys(b.runner, meta); ok {
				b.instances[addr] = keys
			}
		}
	}
	return nil
}

// instanceKeys returns the instance keys of a declaration whose count or
// for_each (meta) is known at lint time.
func instanceKeys(runner *lint.Runner, meta *hclext.BodyContent) ([]instanceKey, bool) {
	if v := runner.Attr(meta, "count", cty.Number); v.State == lint.Known {
		n, acc := v.Val.AsBigFloat().Int64()
		if acc != big.Exact || n < 0 || n > 10000 {
			return nil, false
		}
		keys := make([]instanceKey, n)
		for i := range keys {
			keys[i] = instanceKey{Index: i, ByCount: true, Valid: true}
		}
		return keys, true
	}
	v := runner.Attr(meta, "for_each", cty.DynamicPseudoType)
	if v.State != lint.Known || !v.Val.CanIterateElements() {
		return nil, false
	}
	var keys []instanceKey
	set := v.Val.Type().IsSetType()
	for it := v.Val.ElementIterator(); it.Next(); {
		k, elem := it.Element()
		if set {
			k = elem
		}
		s, ok := tagString(k)
		if !ok {
			return nil, false
		}
		keys = append(keys, instanceKey{Key: s, Valid: true})
	}
	return keys, true
}

// keyedBlock is an expanded block with its instance key.
type keyedBlock struct {
	*hclext.Block
	key instanceKey
}

// keyed gives the expanded blocks of a type their instance keys: the n-th
// block of an address is its n-th instance, when TFLint expanded as many
// as the keys say (no key otherwise).
func (b *netBuilder) keyed(blocks []*hclext.Block) []keyedBlock {
	total := map[string]int{}
	for _, block := range blocks {
		total[lint.Address(block)]++
	}
	seen := map[string]int{}
	out := make([]keyedBlock, len(blocks))
	for i, block := range blocks {
		addr := lint.Address(block)
		out[i].Block = block
		if keys := b.instances[addr]; len(keys) == total[addr] {
			out[i].key = keys[seen[addr]]
		}
		seen[addr]++
	}
	return out
}

// add adds a resource to the graph: its node, and what it declares.
func (b *netBuilder) add(t netType, block *hclext.Block, maybe *segment.Unknown) error {
	id := lint.Address(block) + b.current.suffix()
	b.ids[block] = id
	if !t.NoNode {
		n, err := b.node(t, block, id)
		if err != nil {
			return err
		}
		n.Maybe = maybe
		b.graph.Add(n)
	}
	if t.Build != nil {
		t.Build(b, block, id)
	}
	return nil
}

// addUncounted adds, for strict mode, the resources of a type that TFLint
// leaves out because their count or for_each cannot be known: what they
// would break is a blind spot.
func (b *netBuilder) addUncounted(t netType, expanded []*hclext.Block) error {
	declared, err := b.runner.Declared(b.rule, t.Type)
	if err != nil {
		return err
	}
	present := map[string]bool{}
	for _, block := range expanded {
		present[lint.Address(block)] = true
	}
	for _, block := range declared {
		if present[lint.Address(block)] {
			continue
		}
		for _, meta := range []string{"count", "for_each"} {
			v := b.runner.Attr(block.Body, meta, cty.DynamicPseudoType)
			if !v.IsUnknown() {
				continue
			}
			maybe := &segment.Unknown{
				What: project.Textf("%s の %s", "%[2]s of %[1]s", lint.Address(block), meta),
				Why:  project.Textf("%s の %s が lint 時に決まらず、作られるかどうか分かりません", "its %[2]s is not known at lint time, so whether %[1]s is created is not known", lint.Address(block), meta),
				At:   b.evidence(v.Expr),
			}
			if err := b.add(t, block, maybe); err != nil {
				return err
			}
			break
		}
	}
	return nil
}

// node reads a resource's own node: its segment tag, the references that
// place it, its address ranges.
func (b *netBuilder) node(t netType, block *hclext.Block, id string) (*segment.Node, error) {
	n := &segment.Node{ID: id, Name: lint.Address(block), Kind: t.Kind, At: block.DefRange, Exit: t.Exit}
	if !t.NoTags {
		if err := b.claim(n, block); err != nil {
			return nil, err
		}
	}
	for _, path := range t.In {
		n.In = append(n.In, b.refsAt(block, path)...)
	}
	for _, name := range t.Ranges {
		v := b.runner.Attr(block.Body, name, cty.String)
		if s, ok := v.String(); ok {
			if p, err := netip.ParsePrefix(strings.TrimSpace(s)); err == nil {
				n.Ranges = append(n.Ranges, p.Masked())
				n.RangesAt = b.evidence(v.Expr)
			}
		}
	}
	return n, nil
}

// claim reads the segment tag a resource carries: its own, or its
// provider's default tag.
func (b *netBuilder) claim(n *segment.Node, block *hclext.Block) error {
	tags, err := resourceTags(b.runner, block)
	if err != nil {
		return err
	}
	key := b.runner.Config.SegmentTag
	tag := tags.Tag(key)
	switch tag.State {
	case lint.Known:
		if seg, ok := b.runner.Config.SegmentOfTag(tag.Value); ok {
			by := segment.ByTag
			if tag.Default {
				by = segment.ByDefaultTag
			}
			// The tag's own value when it is written as an item of an
			// object (in merge() too): in a called module, TFLint then
			// carries a finding to the call's argument for that value
			// alone, not to every input the tags use.
			at := segment.Evidence{Range: tag.Range}
			if attr, ok := block.Body.Attributes[tagsAttr]; ok && !tag.Default {
				if item := tagItemExpr(attr.Expr, key); item != nil {
					at = b.evidence(item)
				} else if lint.UsesInput(attr.Expr) {
					at = b.evidence(attr.Expr)
				}
			}
			n.Claims = append(n.Claims, segment.Claim{Segment: seg, By: by, At: at})
		}
	case lint.Unknown:
		n.Blind = &segment.Unknown{
			What: project.Textf("%s のタグ %s", "tag %[2]s of %[1]s", addressOf(n.ID), key),
			Why:  tag.From.Why,
			At:   segment.Evidence{Range: tag.Range},
		}
	}
	return nil
}

// tagItemExpr returns the expression of the value of key in a tags
// expression written as an object, or as a merge() of objects (the last
// one that sets the key wins); nil when the key is not written so.
func tagItemExpr(expr hcl.Expression, key string) hcl.Expression {
	if bound, ok := expr.(*hclext.BoundExpr); ok {
		expr = bound.UnwrapExpression()
	}
	switch e := expr.(type) {
	case *hclsyntax.ObjectConsExpr:
		var found hcl.Expression
		for _, item := range e.Items {
			if k, ok := literalKey(item.KeyExpr); ok && k == key {
				found = item.ValueExpr
			}
		}
		return found
	case *hclsyntax.FunctionCallExpr:
		if e.Name != "merge" {
			return nil
		}
		for i := len(e.Args) - 1; i >= 0; i-- {
			if found := tagItemExpr(e.Args[i], key); found != nil {
				return found
			}
		}
	}
	return nil
}

// refsAt follows the references of an attribute ("vpc_id") or of an
// attribute of nested blocks ("network_interfaces.subnet_id").
func (b *netBuilder) refsAt(block *hclext.Block, path string) []segment.Ref {
	blockType, name, nested := strings.Cut(path, ".")
	if !nested {
		return b.refs(block.Body, path)
	}
	var out []segment.Ref
	for _, inner := range block.Body.Blocks.OfType(blockType) {
		out = append(out, b.refs(inner.Body, name)...)
	}
	return out
}

// refs follows the references of an attribute to resources of the
// module. An attribute that names something else gives an unknown
// reference; an absent or null attribute gives none.
func (b *netBuilder) refs(body *hclext.BodyContent, name string) []segment.Ref {
	attr, ok := body.Attributes[name]
	if !ok {
		return nil
	}
	return b.exprRefs(name, attr.Expr)
}

// exprRefs follows the references of the expression of attribute name.
func (b *netBuilder) exprRefs(name string, expr hcl.Expression) []segment.Ref {
	if isNullExpr(expr) {
		return nil
	}
	if bound, ok := expr.(*hclext.BoundExpr); ok {
		expr = bound.UnwrapExpression()
	}
	at := b.evidence(expr)
	indexes := indexedRefs(expr)
	var out []segment.Ref
	var unfollowed hcl.Traversal
	for _, t := range expr.Variables() {
		root := t.RootName()
		if isNetType(root) && len(t) > 1 {
			if step, ok := t[1].(hcl.TraverseAttr); ok {
				for _, id := range b.instanceIDs(root+"."+step.Name, t, indexes[t.SourceRange()]) {
					out = append(out, segment.Ref{ID: id, At: at})
				}
				continue
			}
		}
		if (root == "each" || root == "count") && indexes.isKey(t) {
			continue // the index of a reference above
		}
		if unfollowed == nil {
			unfollowed = t
		}
	}
	if unfollowed == nil && len(out) > 0 {
		return out
	}
	what := hclText(expr)
	why := project.Text{JA: "コードにない資源の ID です", EN: "it is the ID of a resource outside the code"}
	if unfollowed != nil {
		what = referenceName(&hclsyntax.ScopeTraversalExpr{Traversal: unfollowed})
		why = whyNotFollowed(unfollowed, what)
	}
	return append(out, segment.Ref{At: at, Unknown: &segment.Unknown{
		What: project.Text{JA: name + " = " + what, EN: name + " = " + what},
		Why:  why,
		At:   at,
	}})
}

// indexes maps the source range of a reference that an index expression
// applies to (aws_vpc.this in aws_vpc.this[each.key]) to the index.
type indexes map[hcl.Range]hcl.Expression

// indexedRefs finds the references an expression indexes.
func indexedRefs(expr hcl.Expression) indexes {
	out := indexes{}
	sx, ok := expr.(hclsyntax.Expression)
	if !ok {
		return out
	}
	hclsyntax.VisitAll(sx, func(node hclsyntax.Node) hcl.Diagnostics {
		if ix, ok := node.(*hclsyntax.IndexExpr); ok {
			if coll, ok := ix.Collection.(*hclsyntax.ScopeTraversalExpr); ok {
				out[coll.Traversal.SourceRange()] = ix.Key
			}
		}
		return nil
	})
	return out
}

// isKey reports whether a traversal is the key of one of the indexes.
func (ix indexes) isKey(t hcl.Traversal) bool {
	for _, key := range ix {
		if st, ok := key.(*hclsyntax.ScopeTraversalExpr); ok && st.Traversal.SourceRange() == t.SourceRange() {
			return true
		}
	}
	return false
}

// instanceIDs returns the nodes a reference to a resource names: the
// instance its index names (a literal, or each.key, each.value or
// count.index of the resource being added), or every instance.
func (b *netBuilder) instanceIDs(addr string, t hcl.Traversal, index hcl.Expression) []string {
	keys, ok := b.instances[addr]
	if !ok {
		return []string{addr}
	}
	if len(t) > 2 {
		if step, ok := t[2].(hcl.TraverseIndex); ok {
			if k, ok := keyOf(step.Key); ok {
				return []string{addr + k.suffix()}
			}
		}
	}
	if index != nil {
		if k, ok := b.indexKey(index); ok {
			return []string{addr + k.suffix()}
		}
	}
	ids := make([]string, len(keys))
	for i, k := range keys {
		ids[i] = addr + k.suffix()
	}
	return ids
}

// indexKey returns the instance an index expression names.
func (b *netBuilder) indexKey(index hcl.Expression) (instanceKey, bool) {
	if st, ok := index.(*hclsyntax.ScopeTraversalExpr); ok && len(st.Traversal) == 2 {
		step, _ := st.Traversal[1].(hcl.TraverseAttr)
		cur := b.current
		switch {
		case !cur.Valid:
		case st.Traversal.RootName() == "count" && step.Name == "index" && cur.ByCount:
			return cur, true
		case st.Traversal.RootName() == "each" && (step.Name == "key" || step.Name == "value") && !cur.ByCount:
			return cur, true
		}
		return instanceKey{}, false
	}
	if v, ok := lint.StaticValue(index); ok {
		return keyOf(v)
	}
	return instanceKey{}, false
}

// keyOf reads a literal index: a number for count, a string for for_each.
func keyOf(v cty.Value) (instanceKey, bool) {
	if !v.IsKnown() || v.IsNull() {
		return instanceKey{}, false
	}
	switch v.Type() {
	case cty.Number:
		n, acc := v.AsBigFloat().Int64()
		return instanceKey{Index: int(n), ByCount: true, Valid: acc == big.Exact}, acc == big.Exact
	case cty.String:
		return instanceKey{Key: v.AsString(), Valid: true}, true
	}
	return instanceKey{}, false
}

// whyNotFollowed says why the adapter cannot follow a reference to the
// resource it names.
func whyNotFollowed(t hcl.Traversal, name string) project.Text {
	switch t.RootName() {
	case "var":
		return project.Textf("モジュールの入力 %s がどの資源を指すかは、lint 時には分かりません", "the module input %s does not tell which resource it names at lint time", name)
	case "local":
		return project.Textf("ローカル値 %s はたどりません", "the local value %s is not followed", name)
	case "module":
		return project.Textf("モジュールの出力 %s はたどりません", "the module output %s is not followed", name)
	case "data":
		return project.Textf("データソース %s はコードの外の資源を指します", "the data source %s names a resource outside the code", name)
	case "each", "count":
		return project.Textf("インスタンスごとの値 %s はたどりません", "the per-instance value %s is not followed", name)
	}
	return project.Textf("%s はセグメントモデルが扱う資源ではありません", "%s is not a resource the segment model places", name)
}

// ref is refs for an attribute that names one resource: the first
// reference.
func (b *netBuilder) ref(body *hclext.BodyContent, name string) (segment.Ref, bool) {
	refs := b.refs(body, name)
	if len(refs) == 0 {
		return segment.Ref{}, false
	}
	return refs[0], true
}

// netTypeNames holds the types of netTypes.
var netTypeNames = map[string]bool{}

func init() {
	for _, t := range netTypes {
		netTypeNames[t.Type] = true
	}
}

func isNetType(name string) bool { return netTypeNames[name] }

// isNullExpr reports whether an expression is the literal null.
func isNullExpr(expr hcl.Expression) bool {
	lit, ok := expr.(*hclsyntax.LiteralValueExpr)
	return ok && lit.Val.IsNull()
}

// hclText returns the source text of a short expression for messages.
func hclText(expr hcl.Expression) string {
	rng := expr.Range()
	if rng.End.Byte-rng.Start.Byte > 60 {
		return "…"
	}
	if tmpl, ok := expr.(*hclsyntax.TemplateExpr); ok && tmpl.IsStringLiteral() {
		if v, diags := tmpl.Value(nil); !diags.HasErrors() && v.Type() == cty.String {
			return `"` + v.AsString() + `"`
		}
	}
	return "…"
}

// evidence returns an expression as evidence.
func (b *netBuilder) evidence(expr hcl.Expression) segment.Evidence {
	return exprEvidence(expr, hcl.Range{})
}

// exprEvidence is an expression as evidence of a finding, or a range when
// there is no expression.
func exprEvidence(expr hcl.Expression, rng hcl.Range) segment.Evidence {
	if expr == nil {
		return segment.Evidence{Range: rng}
	}
	return segment.Evidence{Range: expr.Range(), Input: lint.UsesInput(expr)}
}

// blockEvidence is a block as evidence.
func blockEvidence(block *hclext.Block) segment.Evidence {
	return segment.Evidence{Range: block.DefRange}
}

// exposeFlag records an exposure when a boolean attribute is true (or,
// with absentTrue, when it is absent and the provider's default is true).
// A literal gets an autofix to the safe value.
func (b *netBuilder) exposeFlag(block *hclext.Block, body *hclext.BodyContent, id, name string, want bool, absentTrue bool, what, fix project.Text) {
	v := b.runner.Attr(body, name, cty.Bool)
	switch {
	case v.State == lint.Known && v.Val.True() != want:
		at := b.evidence(v.Expr)
		if v.IsLiteral() {
			b.fixes[v.Range] = fixBool{Expr: v.Expr, Want: want}
		}
		b.graph.Expose(segment.Exposure{Node: id, What: what, Fix: fix, At: at})
	case v.State == lint.Absent && absentTrue:
		b.graph.Expose(segment.Exposure{Node: id, What: what, Fix: fix, At: blockEvidence(block)})
	case v.State == lint.Unknown:
		setting := project.Textf("%s の %s", "%[2]s of %[1]s", addressOf(id), name)
		b.graph.Expose(segment.Exposure{Node: id, What: setting, At: b.evidence(v.Expr),
			Unknown: &segment.Unknown{What: setting, Why: v.Why, At: b.evidence(v.Expr)}})
	}
}

func buildSubnet(b *netBuilder, block *hclext.Block, id string) {
	b.exposeFlag(block, block.Body, id, "map_public_ip_on_launch", false, false,
		project.Textf("サブネット %s が起動時にパブリック IP を割り当てます（map_public_ip_on_launch = true）", "subnet %s assigns public IPs at launch (map_public_ip_on_launch = true)", addressOf(id)),
		project.Textf("map_public_ip_on_launch = false にしてください。", "Set map_public_ip_on_launch = false."))
}

func buildInternetGateway(b *netBuilder, block *hclext.Block, id string) {
	if _, ok := block.Body.Attributes["vpc_id"]; !ok {
		return // attached by an aws_internet_gateway_attachment
	}
	network := describeExpr(block.Body.Attributes["vpc_id"].Expr)
	b.graph.Expose(segment.Exposure{
		Node: id,
		What: project.Textf("%s がネットワーク %s をインターネットにつないでいます", "%s connects network %s to the internet", addressOf(id), network),
		Fix:  project.Textf("インターネットへのゲートウェイを置かず、オンプレミスへは専用線（Transit Gateway、仮想プライベートゲートウェイ）でつないでください。", "Remove the gateway to the internet; reach on-premises through a dedicated line (a transit gateway or a virtual private gateway)."),
		At:   blockEvidence(block),
	})
}

func buildNatGateway(b *netBuilder, block *hclext.Block, id string) {
	v := b.runner.Attr(block.Body, "connectivity_type", cty.String)
	what := project.Textf("パブリック NAT ゲートウェイ %s がインターネットへの出口になります", "public NAT gateway %s is a way out to the internet", addressOf(id))
	fix := project.Textf("NAT ゲートウェイを置かないか、connectivity_type = \"private\" にしてください。", "Remove the NAT gateway, or set connectivity_type = \"private\".")
	n, _ := b.graph.Node(id)
	switch s, _ := v.String(); {
	case v.State == lint.Known && s == "private":
		n.Exit = segment.ExitPrivate
	case v.State == lint.Unknown:
		b.graph.Expose(segment.Exposure{Node: id, What: what, At: b.evidence(v.Expr),
			Unknown: &segment.Unknown{What: what, Why: v.Why, At: b.evidence(v.Expr)}})
	default:
		n.Exit = segment.ExitInternet
		at := blockEvidence(block)
		if v.Expr != nil {
			at = b.evidence(v.Expr)
		}
		b.graph.Expose(segment.Exposure{Node: id, What: what, Fix: fix, At: at})
	}
}

func buildInstance(b *netBuilder, block *hclext.Block, id string) {
	b.exposeFlag(block, block.Body, id, "associate_public_ip_address", false, false,
		project.Textf("インスタンス %s にパブリック IP を割り当てます（associate_public_ip_address = true）", "instance %s gets a public IP (associate_public_ip_address = true)", addressOf(id)),
		project.Textf("associate_public_ip_address = false にしてください。", "Set associate_public_ip_address = false."))
}

func buildLaunchTemplate(b *netBuilder, block *hclext.Block, id string) {
	for _, ni := range block.Body.Blocks.OfType("network_interfaces") {
		b.exposeFlag(block, ni.Body, id, "associate_public_ip_address", false, false,
			project.Textf("起動テンプレート %s がパブリック IP を割り当てます（associate_public_ip_address = true）", "launch template %s assigns a public IP (associate_public_ip_address = true)", addressOf(id)),
			project.Textf("associate_public_ip_address = false にしてください。", "Set associate_public_ip_address = false."))
	}
}

// buildAutoscalingGroup places the launch templates a group launches in
// the group's subnets: a template that names no subnet of its own starts
// its instances there.
func buildAutoscalingGroup(b *netBuilder, block *hclext.Block, _ string) {
	subnets := b.refs(block.Body, "vpc_zone_identifier")
	var templates []segment.Ref
	for _, lt := range block.Body.Blocks.OfType("launch_template") {
		templates = append(templates, b.refs(lt.Body, "id")...)
		templates = append(templates, b.refs(lt.Body, "name")...)
	}
	for _, policy := range block.Body.Blocks.OfType("mixed_instances_policy") {
		for _, lt := range policy.Body.Blocks.OfType("launch_template") {
			for _, spec := range lt.Body.Blocks.OfType("launch_template_specification") {
				templates = append(templates, b.refs(spec.Body, "launch_template_id")...)
				templates = append(templates, b.refs(spec.Body, "launch_template_name")...)
			}
		}
	}
	for _, t := range templates {
		if t.ID == "" {
			continue
		}
		for _, s := range subnets {
			b.later = append(b.later, func() { b.graph.Link(t.ID, s) })
		}
	}
}

func buildInterfaceAttachment(b *netBuilder, block *hclext.Block, _ string) {
	instance, ok1 := b.ref(block.Body, "instance_id")
	iface, ok2 := b.ref(block.Body, "network_interface_id")
	if ok1 && ok2 && instance.ID != "" {
		b.later = append(b.later, func() { b.graph.Link(instance.ID, iface) })
	}
}

func buildEIP(b *netBuilder, block *hclext.Block, id string) {
	b.exposeElasticIP(block, []string{"instance", "network_interface"}, func(target string) project.Text {
		return project.Textf("Elastic IP %s が %s にパブリック IP を与えます", "Elastic IP %s gives %s a public IP", addressOf(id), target)
	})
}

func buildEIPAssociation(b *netBuilder, block *hclext.Block, id string) {
	b.exposeElasticIP(block, []string{"instance_id", "network_interface_id"}, func(target string) project.Text {
		return project.Textf("%s が %s に Elastic IP を関連付けます", "%s associates an Elastic IP with %s", addressOf(id), target)
	})
}

// exposeElasticIP records an exposure of each resource that the
// attributes of an Elastic IP (or its association) name.
func (b *netBuilder) exposeElasticIP(block *hclext.Block, attrs []string, what func(target string) project.Text) {
	for _, name := range attrs {
		if target, ok := b.ref(block.Body, name); ok && target.ID != "" {
			b.graph.Expose(segment.Exposure{
				Node: target.ID,
				What: what(addressOf(target.ID)),
				Fix:  project.Text{JA: "閉じたセグメントの資源に Elastic IP を関連付けないでください。", EN: "Do not associate an Elastic IP with a resource of a closed segment."},
				At:   target.At,
			})
		}
	}
}

func buildLoadBalancer(b *netBuilder, block *hclext.Block, id string) {
	if s, _ := b.runner.Attr(block.Body, "load_balancer_type", cty.String).String(); s == "gateway" {
		return // a Gateway Load Balancer has no scheme
	}
	b.exposeFlag(block, block.Body, id, "internal", true, true,
		project.Textf("ロードバランサー %s がインターネット向けです（internal が true ではありません）", "load balancer %s is internet-facing (internal is not true)", addressOf(id)),
		project.Textf("internal = true にしてください。", "Set internal = true."))
}

func buildPublicDatabase(b *netBuilder, block *hclext.Block, id string) {
	// A Redshift cluster is public by default up to provider v5.
	absentTrue := false
	if block.Labels[0] == "aws_redshift_cluster" {
		if majors, err := awsProviderMajors(b.runner); err == nil && majors.AtMost(5) {
			absentTrue = true
		}
	}
	b.exposeFlag(block, block.Body, id, "publicly_accessible", false, absentTrue,
		project.Textf("データベース %s がインターネットから接続できます（publicly_accessible = true）", "database %s is reachable from the internet (publicly_accessible = true)", addressOf(id)),
		project.Textf("publicly_accessible = false にしてください。", "Set publicly_accessible = false."))
}

func buildRouteTable(b *netBuilder, block *hclext.Block, id string) {
	for _, route := range block.Body.Blocks.OfType("route") {
		b.route(id, route.Body, blockEvidence(route), inlineDests...)
	}
}

func buildRoute(b *netBuilder, block *hclext.Block, id string) {
	b.route(id, block.Body, blockEvidence(block), resourceDests...)
}

// route records a route of the route table (or route resource) id.
func (b *netBuilder) route(id string, body *hclext.BodyContent, at segment.Evidence, destAttrs ...string) {
	r := segment.Route{Node: id, At: at}
	for _, name := range destAttrs {
		r.Dests = append(r.Dests, b.dests(body, name)...)
	}
	for _, t := range routeTargets {
		attr, ok := body.Attributes[t.Attr]
		if !ok {
			continue
		}
		if isNullExpr(attr.Expr) {
			continue
		}
		r.Exit = t.Exit
		r.Target = project.Text{JA: t.Attr + " = " + describeExpr(attr.Expr), EN: t.Attr + " = " + describeExpr(attr.Expr)}
		via, _ := b.ref(body, t.Attr)
		r.Via = via
		if r.Exit == segment.ExitUnknown {
			r.Exit = exitOf(b.runner, attr.Expr)
		}
		break
	}
	if len(r.Dests) > 0 {
		b.graph.Route(r)
	}
}

// exitOf tells where a gateway_id or nat_gateway_id leads from what it
// names: the type of the resource it refers to, or the prefix of a
// literal ID (igw-, vgw-).
func exitOf(runner *lint.Runner, expr hcl.Expression) segment.Exit {
	switch lint.RefType(expr) {
	case "aws_internet_gateway", "aws_egress_only_internet_gateway":
		return segment.ExitInternet
	case "aws_vpn_gateway", "aws_ec2_transit_gateway":
		return segment.ExitPrivate
	case "aws_nat_gateway":
		return segment.ExitUnknown // the node's connectivity type decides
	}
	if s, ok := runner.Attr(&hclext.BodyContent{Attributes: hclext.Attributes{"x": {Name: "x", Expr: expr, Range: expr.Range()}}}, "x", cty.String).String(); ok {
		switch {
		case s == "local":
			return segment.ExitPrivate
		case strings.HasPrefix(s, "igw-"), strings.HasPrefix(s, "eigw-"):
			return segment.ExitInternet
		case strings.HasPrefix(s, "vgw-"), strings.HasPrefix(s, "tgw-"):
			return segment.ExitPrivate
		}
	}
	return segment.ExitUnknown
}

// describeExpr names what an expression refers to, for messages: the
// first resource it refers to (aws_vpc.main for aws_vpc.main.id or
// aws_vpc.this[each.key].id), else the first reference, else a short
// literal.
func describeExpr(expr hcl.Expression) string {
	vars := expr.Variables()
	for _, t := range vars {
		switch t.RootName() {
		case "var", "local", "module", "each", "count", "path", "terraform", "self", "data":
			continue
		}
		return referenceName(&hclsyntax.ScopeTraversalExpr{Traversal: t})
	}
	if len(vars) > 0 {
		return referenceName(&hclsyntax.ScopeTraversalExpr{Traversal: vars[0]})
	}
	return hclText(expr)
}

// dests reads the address ranges of a CIDR attribute: a string or a list
// of strings.
func (b *netBuilder) dests(body *hclext.BodyContent, name string) []segment.Dest {
	v := b.runner.Attr(body, name, cty.DynamicPseudoType)
	at := b.evidence(v.Expr)
	switch v.State {
	case lint.Absent:
		return nil
	case lint.Unknown:
		return []segment.Dest{{At: at, Unknown: &segment.Unknown{
			What: project.Text{JA: name, EN: name}, Why: v.Why, At: at,
		}}}
	}
	var list []cty.Value
	switch {
	case v.Val.Type() == cty.String:
		list = []cty.Value{v.Val}
	case v.Val.CanIterateElements():
		list = v.Val.AsValueSlice()
	}
	var out []segment.Dest
	for _, elem := range list {
		s, ok := tagString(elem)
		if !ok {
			continue
		}
		if p, err := netip.ParsePrefix(strings.TrimSpace(s)); err == nil {
			out = append(out, segment.Dest{Prefix: p.Masked(), At: at})
		}
	}
	return out
}

func buildRouteTableAssociation(b *netBuilder, block *hclext.Block, _ string) {
	table, ok1 := b.ref(block.Body, "route_table_id")
	subnet, ok2 := b.ref(block.Body, "subnet_id")
	if ok1 && ok2 && table.ID != "" {
		b.later = append(b.later, func() { b.graph.Link(table.ID, subnet) })
	}
}

func buildMainRouteTableAssociation(b *netBuilder, block *hclext.Block, _ string) {
	table, ok1 := b.ref(block.Body, "route_table_id")
	vpc, ok2 := b.ref(block.Body, "vpc_id")
	if ok1 && ok2 && table.ID != "" {
		b.later = append(b.later, func() { b.graph.Link(table.ID, vpc) })
	}
}

func buildPeering(b *netBuilder, block *hclext.Block, id string) {
	var sides []segment.Ref
	for _, name := range []string{"vpc_id", "peer_vpc_id"} {
		if r, ok := b.ref(block.Body, name); ok {
			sides = append(sides, r)
		}
	}
	b.graph.Join(segment.Join{
		Node: id, At: blockEvidence(block), Sides: sides,
		What: project.Textf("ピアリング接続 %s", "peering connection %s", addressOf(id)),
	})
}

func buildTransitGateway(b *netBuilder, block *hclext.Block, id string) {
	j := &segment.Join{Node: id, At: blockEvidence(block),
		What: project.Textf("Transit Gateway %s の既定ルートテーブル", "the default route table of transit gateway %s", addressOf(id))}
	for _, name := range []string{"default_route_table_association", "default_route_table_propagation"} {
		v := b.runner.Attr(block.Body, name, cty.String)
		if s, ok := v.String(); (ok && s == "disable") || v.IsUnknown() {
			return // each attachment is associated with a route table of its own
		}
	}
	b.defaultTables[id] = j
	b.later = append(b.later, func() {
		if len(j.Sides) > 1 {
			b.graph.Join(*j)
		}
	})
}

// buildTransitAttachment adds a VPC attachment that uses the default route
// table of its transit gateway to that table's join.
func buildTransitAttachment(b *netBuilder, block *hclext.Block, id string) {
	tgw, ok := b.ref(block.Body, "transit_gateway_id")
	if !ok || b.defaultTables[tgw.ID] == nil {
		return
	}
	assoc := b.runner.Attr(block.Body, "transit_gateway_default_route_table_association", cty.Bool)
	prop := b.runner.Attr(block.Body, "transit_gateway_default_route_table_propagation", cty.Bool)
	if assoc.IsFalse() && prop.IsFalse() || assoc.IsUnknown() || prop.IsUnknown() {
		return
	}
	at := blockEvidence(block)
	j := b.defaultTables[tgw.ID]
	j.Sides = append(j.Sides, segment.Ref{ID: id, At: at})
}

// onPremisesAttachments are the transit gateway attachments of dedicated
// lines to the on-premises network: a route table they share with a
// segment's attachments joins that segment to on-premises, which the
// guideline allows.
var onPremisesAttachments = map[string]bool{
	"aws_vpn_connection":                                 true,
	"aws_dx_gateway_association":                         true,
	"data.aws_ec2_transit_gateway_dx_gateway_attachment": true,
	"data.aws_ec2_transit_gateway_vpn_attachment":        true,
}

func buildTransitTableLink(b *netBuilder, block *hclext.Block, _ string) {
	if attr, ok := block.Body.Attributes["transit_gateway_attachment_id"]; ok && onPremisesAttachments[lint.RefType(attr.Expr)] {
		return
	}
	table, ok1 := b.ref(block.Body, "transit_gateway_route_table_id")
	attachment, ok2 := b.ref(block.Body, "transit_gateway_attachment_id")
	if !ok1 || !ok2 || table.ID == "" {
		return
	}
	if block.Labels[0] == "aws_ec2_transit_gateway_route_table_association" {
		b.later = append(b.later, func() { b.graph.Link(table.ID, attachment) })
	}
	b.tableJoin(table.ID).Sides = append(b.tableJoin(table.ID).Sides, attachment)
}

// tableJoin returns the join of a transit gateway route table by the
// attachments associated with it or propagating into it.
func (b *netBuilder) tableJoin(table string) *segment.Join {
	if j, ok := b.tableJoins[table]; ok {
		return j
	}
	j := &segment.Join{Node: table, What: project.Textf("Transit Gateway ルートテーブル %s", "transit gateway route table %s", table)}
	b.tableJoins[table] = j
	b.later = append(b.later, func() {
		if n, ok := b.graph.Node(table); ok {
			j.At = segment.Evidence{Range: n.At}
		}
		b.graph.Join(*j)
	})
	return j
}

func buildTransitRoute(b *netBuilder, block *hclext.Block, id string) {
	if b.runner.Attr(block.Body, "blackhole", cty.Bool).IsTrue() {
		return
	}
	r := segment.Route{Node: id, At: blockEvidence(block), Exit: segment.ExitPrivate}
	r.Dests = b.dests(block.Body, "destination_cidr_block")
	if attr, ok := block.Body.Attributes["transit_gateway_attachment_id"]; ok {
		r.Via, _ = b.ref(block.Body, "transit_gateway_attachment_id")
		r.Target = project.Text{JA: "transit_gateway_attachment_id = " + describeExpr(attr.Expr), EN: "transit_gateway_attachment_id = " + describeExpr(attr.Expr)}
	}
	b.graph.Route(r)
}

func buildSecurityRules(b *netBuilder, block *hclext.Block, id string) {
	for _, rule := range securityRulesOf(b.runner, block) {
		b.graph.Rule(b.securityRule(id, rule))
	}
}

// securityRule describes a security rule to the engine.
func (b *netBuilder) securityRule(id string, rule securityRule) segment.Rule {
	out := segment.Rule{Node: id, At: segment.Evidence{Range: rule.At}, Ingress: rule.Ingress}
	for _, a := range rule.Addresses {
		d := segment.Dest{Prefix: a.Prefix, At: b.evidence(a.Expr)}
		if a.Unknown != nil {
			d.Unknown = &segment.Unknown{What: project.Text{JA: a.Name, EN: a.Name}, Why: *a.Unknown, At: d.At}
		}
		out.Addresses = append(out.Addresses, d)
	}
	for _, g := range rule.Groups {
		if g.Expr == nil {
			continue
		}
		out.Groups = append(out.Groups, b.exprRefs(g.Name, g.Expr)...)
	}
	return out
}

// reportSegmentProblems reports the findings of one problem of the
// module's segment graph, with msg formatted with the finding's What and
// its fix (fallback when the finding names none), and in strict mode the
// notices of that problem. A finding is reported where it belongs: in the
// root module at its first evidence; in a called module at the first
// evidence that uses a module input, so that TFLint reports it at the
// module call's argument.
func reportSegmentProblems(runner *lint.Runner, rule lint.Rule, problem segment.Problem, msg, fallback project.Text) error {
	view, err := segmentResult(runner, rule)
	if err != nil {
		return err
	}
	root, err := runner.IsRoot()
	if err != nil {
		return err
	}
	for _, f := range view.Findings {
		if f.Problem != problem {
			continue
		}
		at, ok := pickEvidence(f.At, root)
		if !ok {
			continue
		}
		fix := f.Fix
		if fix == (project.Text{}) {
			fix = fallback
		}
		what := project.Text{JA: f.What.JA, EN: capitalize(f.What.EN)}
		if fb, ok := view.fixes[at]; ok {
			err = runner.ReportFix(rule, at, func(fixer tflint.Fixer) error {
				return fixer.ReplaceText(at, lint.BoolLike(fb.Expr, fb.Want))
			}, msg, what, fix)
		} else {
			err = runner.Report(rule, at, msg, what, fix)
		}
		if err != nil {
			return err
		}
	}
	for _, n := range view.Notices {
		if n.Problem != problem {
			continue
		}
		at, ok := pickEvidence(n.At, root)
		if !ok {
			continue
		}
		v := lint.Value{State: lint.Unknown, Name: n.Node, Range: at, Why: n.Why}
		if err := runner.Unverified(rule, v, n.What); err != nil {
			return err
		}
	}
	return nil
}

// capitalize puts the first letter of an English sentence in upper case,
// unless the sentence starts with a resource address (aws_vpc.main).
func capitalize(s string) string {
	word, _, _ := strings.Cut(s, " ")
	if strings.ContainsAny(word, "_.") {
		return s
	}
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}

// pickEvidence chooses where to report: the first evidence in the root
// module, the first that uses a module input in a called module (or the
// first, which TFLint then drops: lint the module itself to see it).
func pickEvidence(at []segment.Evidence, root bool) (hcl.Range, bool) {
	first := hcl.Range{}
	for _, e := range at {
		if e.Range == (hcl.Range{}) {
			continue
		}
		if root || e.Input {
			return e.Range, true
		}
		if first == (hcl.Range{}) {
			first = e.Range
		}
	}
	return first, first != (hcl.Range{})
}

// segmentOf returns the placement of a resource of the module being
// checked: its place in the segment graph when the adapter knows its type,
// else what its own segment tag (or its provider's default tag) says. The
// rule must declare segmentReads and, for other types, their tags.
func segmentOf(runner *lint.Runner, rule lint.Rule, block *hclext.Block) (segment.Placement, error) {
	v, err := runner.Memo(segmentOfKey{block}, func() (any, error) {
		return placeResource(runner, rule, block)
	})
	if err != nil {
		return segment.Placement{}, err
	}
	return v.(segment.Placement), nil
}

// segmentOfKey is the memo key of a resource's placement: the block read,
// one per instance of a resource with count or for_each.
type segmentOfKey struct {
	block *hclext.Block
}

// placeResource is segmentOf without its memo.
func placeResource(runner *lint.Runner, rule lint.Rule, block *hclext.Block) (segment.Placement, error) {
	if isNetType(block.Labels[0]) {
		view, err := segmentResult(runner, rule)
		if err != nil {
			return segment.Placement{}, err
		}
		if id, ok := view.ids[block]; ok {
			return view.Of(id), nil
		}
		return view.Of(lint.Address(block)), nil
	}
	b := &netBuilder{runner: runner, rule: rule}
	n := &segment.Node{ID: lint.Address(block), At: block.DefRange}
	if err := b.claim(n, block); err != nil {
		return segment.Placement{}, err
	}
	g := segment.New(runner.Config)
	g.Add(n)
	return g.Check().Of(n.ID), nil
}
