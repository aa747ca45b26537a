package aws

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

const (
	separationTail = "; the My Number and LGWAN segments must be separated from every other network area. Remove what joins the segments, and give each segment networks of its own."
	separationJoin = "; the My Number and LGWAN segments must be separated from every other network area. "
	separationCite = " [Guideline 4.3.1.1, 4.3.1.2 / JIS Q 27017 13.1.3, CLD.9.5.1]"
)

// twoSegments declares a My Number VPC and an LGWAN VPC.
const twoSegments = `
resource "aws_vpc" "mn" {
  cidr_block = "10.10.0.0/16"
  tags       = { Segment = "mynumber" }
}
resource "aws_vpc" "lg" {
  cidr_block = "10.20.0.0/16"
  tags       = { Segment = "lgwan" }
}
`

func TestAwsSegmentSeparationRule(t *testing.T) {
	rule := NewAwsSegmentSeparationRule()
	en := linttest.English()
	cidrs := linttest.English()
	cidrs.Segments[config.SegmentLGWAN].CIDRs = mustPrefixes(t, "10.20.0.0/16")
	cidrs.Segments[config.SegmentMyNumber].CIDRs = mustPrefixes(t, "10.10.0.0/16")
	issue := func(rng hcl.Range, msg string, fix ...string) *helper.Issue {
		tail := separationTail
		if len(fix) > 0 {
			tail = separationJoin + fix[0]
		}
		return &helper.Issue{Rule: rule, Message: msg + tail + separationCite, Range: rng}
	}
	ruleJoinFix := "Limit the rule to the segment's own address ranges and security groups."
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "peering between two segments",
			Content: twoSegments + `
resource "aws_vpc_peering_connection" "p" {
  vpc_id      = aws_vpc.mn.id
  peer_vpc_id = aws_vpc.lg.id
}`,
			Config: en,
			Expected: helper.Issues{issue(segRange(11, 1, 11, 42),
				"Peering connection aws_vpc_peering_connection.p joins the My Number segment (mynumber) and the LGWAN segment (lgwan)")},
		},
		{
			Name: "peering within one segment passes",
			Content: twoSegments + `
resource "aws_vpc" "mn2" {
  cidr_block = "10.11.0.0/16"
  tags       = { Segment = "mynumber" }
}
resource "aws_vpc_peering_connection" "p" {
  vpc_id      = aws_vpc.mn.id
  peer_vpc_id = aws_vpc.mn2.id
}`,
			Config: en,
		},
		{
			Name: "links to the update DMZ, and between the internet segment and the DMZ, pass",
			Content: twoSegments + `
resource "aws_vpc" "dmz" {
  cidr_block = "10.90.0.0/16"
  tags       = { Segment = "dmz" }
}
resource "aws_vpc" "web" {
  cidr_block = "10.80.0.0/16"
  tags       = { Segment = "internet" }
}
resource "aws_vpc_peering_connection" "updates" {
  vpc_id      = aws_vpc.mn.id
  peer_vpc_id = aws_vpc.dmz.id
}
resource "aws_vpc_peering_connection" "web" {
  vpc_id      = aws_vpc.web.id
  peer_vpc_id = aws_vpc.dmz.id
}`,
			Config: en,
		},
		{
			Name: "a DMZ subnet inside a My Number VPC",
			Content: twoSegments + `
resource "aws_subnet" "relay" {
  vpc_id     = aws_vpc.mn.id
  cidr_block = "10.10.9.0/24"
  tags       = { Segment = "dmz" }
}`,
			Config: en,
			Expected: helper.Issues{issue(segRange(14, 28, 14, 33),
				"aws_subnet.relay is marked as the update DMZ (dmz) but sits inside a network of the My Number segment (mynumber)")},
		},
		{
			Name: "a route table shared with dedicated-line attachments passes",
			Content: twoSegments + `
resource "aws_ec2_transit_gateway" "hub" {
  default_route_table_association = "disable"
  default_route_table_propagation = "disable"
}
resource "aws_ec2_transit_gateway_vpc_attachment" "mn" {
  transit_gateway_id = aws_ec2_transit_gateway.hub.id
  vpc_id             = aws_vpc.mn.id
  subnet_ids         = []
}
resource "aws_vpn_connection" "onprem" {
  transit_gateway_id  = aws_ec2_transit_gateway.hub.id
  customer_gateway_id = "cgw-0123"
  type                = "ipsec.1"
}
resource "aws_ec2_transit_gateway_route_table" "mn" {
  transit_gateway_id = aws_ec2_transit_gateway.hub.id
}
resource "aws_ec2_transit_gateway_route_table_association" "mn" {
  transit_gateway_attachment_id  = aws_ec2_transit_gateway_vpc_attachment.mn.id
  transit_gateway_route_table_id = aws_ec2_transit_gateway_route_table.mn.id
}
resource "aws_ec2_transit_gateway_route_table_propagation" "onprem" {
  transit_gateway_attachment_id  = aws_vpn_connection.onprem.transit_gateway_attachment_id
  transit_gateway_route_table_id = aws_ec2_transit_gateway_route_table.mn.id
}`,
			Config: linttest.Strict(),
		},
		{
			Name: "a subnet tagged LGWAN inside a My Number VPC",
			Content: twoSegments + `
resource "aws_subnet" "x" {
  vpc_id     = aws_vpc.mn.id
  cidr_block = "10.10.1.0/24"
  tags       = { Segment = "lgwan" }
}`,
			Config: en,
			Expected: helper.Issues{issue(segRange(14, 28, 14, 35),
				"aws_subnet.x is marked as the LGWAN segment (lgwan) but sits inside a network of the My Number segment (mynumber)")},
		},
		{
			Name: "a VPC of no segment holding subnets of two segments",
			Content: `
resource "aws_vpc" "shared" {
  cidr_block = "10.0.0.0/8"
}
resource "aws_subnet" "mn" {
  vpc_id     = aws_vpc.shared.id
  cidr_block = "10.10.1.0/24"
  tags       = { Segment = "mynumber" }
}
resource "aws_subnet" "lg" {
  vpc_id     = aws_vpc.shared.id
  cidr_block = "10.20.1.0/24"
  tags       = { Segment = "lgwan" }
}`,
			Config: en,
			Expected: helper.Issues{issue(segRange(2, 1, 2, 28),
				"Network aws_vpc.shared holds subnets of both the My Number segment (mynumber) and the LGWAN segment (lgwan)")},
		},
		{
			Name: "routes and security rules to another segment's configured ranges",
			Content: `
resource "aws_vpc" "mn" {
  cidr_block = "10.10.0.0/16"
}
resource "aws_route_table" "rt" {
  vpc_id = aws_vpc.mn.id
  route {
    cidr_block         = "10.20.0.0/16"
    transit_gateway_id = "tgw-0123456789abcdef0"
  }
  route {
    cidr_block         = "0.0.0.0/0"
    transit_gateway_id = "tgw-0123456789abcdef0"
  }
}
resource "aws_security_group" "app" {
  vpc_id = aws_vpc.mn.id
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.20.5.0/24", "10.10.0.0/16"]
  }
}`,
			Config: cidrs,
			Expected: helper.Issues{
				issue(segRange(8, 26, 8, 40), "A route of aws_route_table.rt leads to 10.20.0.0/16, a range of the LGWAN segment (lgwan), through transit_gateway_id = \"tgw-0123456789abcdef0\""),
				issue(segRange(22, 19, 22, 51), "A security rule of aws_security_group.app allows traffic from 10.20.5.0/24, a range of the LGWAN segment (lgwan)", ruleJoinFix),
			},
		},
		{
			Name: "a security rule naming another segment's group",
			Content: twoSegments + `
resource "aws_security_group" "mn" {
  vpc_id = aws_vpc.mn.id
}
resource "aws_security_group" "lg" {
  vpc_id = aws_vpc.lg.id
}
resource "aws_vpc_security_group_ingress_rule" "from_lg" {
  security_group_id            = aws_security_group.mn.id
  referenced_security_group_id = aws_security_group.lg.id
  ip_protocol                  = "tcp"
  from_port                    = 443
  to_port                      = 443
}`,
			Config: en,
			Expected: helper.Issues{issue(segRange(19, 34, 19, 58),
				"A security rule of aws_vpc_security_group_ingress_rule.from_lg allows traffic from security group aws_security_group.lg of the LGWAN segment (lgwan)", ruleJoinFix)},
		},
		{
			Name: "an instance with interfaces in two segments",
			Content: twoSegments + `
resource "aws_subnet" "mn" {
  vpc_id     = aws_vpc.mn.id
  cidr_block = "10.10.1.0/24"
}
resource "aws_subnet" "lg" {
  vpc_id     = aws_vpc.lg.id
  cidr_block = "10.20.1.0/24"
}
resource "aws_instance" "dual" {
  subnet_id = aws_subnet.mn.id
}
resource "aws_network_interface" "second" {
  subnet_id = aws_subnet.lg.id
}
resource "aws_network_interface_attachment" "a" {
  instance_id          = aws_instance.dual.id
  network_interface_id = aws_network_interface.second.id
  device_index         = 1
}`,
			Config: en,
			Expected: helper.Issues{issue(segRange(19, 1, 19, 31),
				"aws_instance.dual belongs to both the My Number segment (mynumber) and the LGWAN segment (lgwan) through what it refers to")},
		},
		{
			Name: "a transit gateway whose default route table joins two segments",
			Content: twoSegments + `
resource "aws_ec2_transit_gateway" "hub" {}
resource "aws_ec2_transit_gateway_vpc_attachment" "mn" {
  transit_gateway_id = aws_ec2_transit_gateway.hub.id
  vpc_id             = aws_vpc.mn.id
  subnet_ids         = []
}
resource "aws_ec2_transit_gateway_vpc_attachment" "lg" {
  transit_gateway_id = aws_ec2_transit_gateway.hub.id
  vpc_id             = aws_vpc.lg.id
  subnet_ids         = []
}`,
			Config: en,
			Expected: helper.Issues{issue(segRange(11, 1, 11, 41),
				"The default route table of transit gateway aws_ec2_transit_gateway.hub joins the My Number segment (mynumber) and the LGWAN segment (lgwan)")},
		},
		{
			Name: "a transit gateway with a route table per segment passes",
			Content: twoSegments + `
resource "aws_ec2_transit_gateway" "hub" {
  default_route_table_association = "disable"
  default_route_table_propagation = "disable"
}
resource "aws_ec2_transit_gateway_vpc_attachment" "mn" {
  transit_gateway_id = aws_ec2_transit_gateway.hub.id
  vpc_id             = aws_vpc.mn.id
  subnet_ids         = []
}
resource "aws_ec2_transit_gateway_vpc_attachment" "lg" {
  transit_gateway_id = aws_ec2_transit_gateway.hub.id
  vpc_id             = aws_vpc.lg.id
  subnet_ids         = []
}
resource "aws_ec2_transit_gateway_route_table" "mn" {
  transit_gateway_id = aws_ec2_transit_gateway.hub.id
}
resource "aws_ec2_transit_gateway_route_table_association" "mn" {
  transit_gateway_attachment_id  = aws_ec2_transit_gateway_vpc_attachment.mn.id
  transit_gateway_route_table_id = aws_ec2_transit_gateway_route_table.mn.id
}
resource "aws_ec2_transit_gateway_route_table_propagation" "mn" {
  transit_gateway_attachment_id  = aws_ec2_transit_gateway_vpc_attachment.mn.id
  transit_gateway_route_table_id = aws_ec2_transit_gateway_route_table.mn.id
}`,
			Config: en,
		},
		{
			Name: "a transit gateway route table shared by two segments",
			Content: twoSegments + `
resource "aws_ec2_transit_gateway" "hub" {
  default_route_table_association = "disable"
  default_route_table_propagation = "disable"
}
resource "aws_ec2_transit_gateway_vpc_attachment" "mn" {
  transit_gateway_id = aws_ec2_transit_gateway.hub.id
  vpc_id             = aws_vpc.mn.id
  subnet_ids         = []
}
resource "aws_ec2_transit_gateway_vpc_attachment" "lg" {
  transit_gateway_id = aws_ec2_transit_gateway.hub.id
  vpc_id             = aws_vpc.lg.id
  subnet_ids         = []
}
resource "aws_ec2_transit_gateway_route_table" "shared" {
  transit_gateway_id = aws_ec2_transit_gateway.hub.id
}
resource "aws_ec2_transit_gateway_route_table_association" "mn" {
  transit_gateway_attachment_id  = aws_ec2_transit_gateway_vpc_attachment.mn.id
  transit_gateway_route_table_id = aws_ec2_transit_gateway_route_table.shared.id
}
resource "aws_ec2_transit_gateway_route_table_propagation" "lg" {
  transit_gateway_attachment_id  = aws_ec2_transit_gateway_vpc_attachment.lg.id
  transit_gateway_route_table_id = aws_ec2_transit_gateway_route_table.shared.id
}
resource "aws_ec2_transit_gateway_route" "to_lg" {
  transit_gateway_route_table_id = aws_ec2_transit_gateway_route_table.shared.id
  destination_cidr_block         = "10.20.0.0/16"
  transit_gateway_attachment_id  = aws_ec2_transit_gateway_vpc_attachment.lg.id
}`,
			Config: en,
			// The route to the LGWAN range is reported once, not again for
			// its LGWAN target.
			Expected: helper.Issues{
				issue(segRange(25, 1, 25, 56), "Transit gateway route table aws_ec2_transit_gateway_route_table.shared joins the My Number segment (mynumber) and the LGWAN segment (lgwan)"),
				issue(segRange(38, 36, 38, 50), "A route of aws_ec2_transit_gateway_route.to_lg leads to 10.20.0.0/16, a range of the LGWAN segment (lgwan), through transit_gateway_attachment_id = aws_ec2_transit_gateway_vpc_attachment.lg"),
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, rule, map[string]string{"resource.tf": tc.Content}, tc.Config)
			if tc.Expected == nil {
				tc.Expected = helper.Issues{}
			}
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}
