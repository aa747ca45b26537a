package aws

import (
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

const dmzCite = " [指針 4.3.1.3 / JIS Q 27017 13.1.3, 12.6.1, 12.2.1]"

// dmzNetwork is a DMZ network: a VPC tagged for the DMZ, a firewall in
// its firewall subnet, a relay subnet for the workloads, and an internet
// gateway. The firewall subnet's route table goes out to the gateway.
const dmzNetwork = `
provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_vpc" "dmz" {
  cidr_block = "10.50.0.0/16"
  tags       = { Segment = "dmz" }
}

resource "aws_subnet" "firewall" {
  vpc_id     = aws_vpc.dmz.id
  cidr_block = "10.50.0.0/28"
}

resource "aws_subnet" "relay" {
  vpc_id     = aws_vpc.dmz.id
  cidr_block = "10.50.10.0/24"
}

resource "aws_internet_gateway" "igw" {
  vpc_id = aws_vpc.dmz.id
}

resource "aws_networkfirewall_firewall" "dmz" {
  name                = "dmz"
  firewall_policy_arn = "arn:aws:network-firewall:ap-northeast-1:111122223333:firewall-policy/dmz"
  vpc_id              = aws_vpc.dmz.id
  subnet_mapping {
    subnet_id = aws_subnet.firewall.id
  }
}

resource "aws_route_table" "firewall" {
  vpc_id = aws_vpc.dmz.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.igw.id
  }
}

resource "aws_route_table_association" "firewall" {
  subnet_id      = aws_subnet.firewall.id
  route_table_id = aws_route_table.firewall.id
}
`

// dl returns the line number of line k of a case's content written after
// dmzNetwork.
func dl(k int) int { return strings.Count(dmzNetwork, "\n") + k }

func dmzUninspected(table, dest, via string) string {
	return "更新用 DMZ のルートテーブル " + table + " の " + dest + " へのルートが、ファイアウォールを通らずに " + via +
		" からインターネットへ出ます。DMZ の通信は FQDN のホワイトリストとファイアウォールによるアウトバウンド通信の制御を通す必要があります。既定ルートの行き先を Network Firewall のエンドポイント（vpc_endpoint_id）か、検査用ネットワークへの Transit Gateway（transit_gateway_id）にしてください。" + dmzCite
}

func dmzUnverified(table, dest, name, why string) string {
	return "strict: ルートテーブル " + table + " の " + dest + " へのルートがファイアウォールを通ることを確認できません。" + name + ": " + why + "。" + dmzCite
}

func dmzIssue(rule tflint.Rule, msg string, line, startCol, endLine, endCol int) *helper.Issue {
	return &helper.Issue{Rule: rule, Message: msg, Range: hcl.Range{
		Filename: "resource.tf",
		Start:    hcl.Pos{Line: line, Column: startCol},
		End:      hcl.Pos{Line: endLine, Column: endCol},
	}}
}

// relayAssociation associates the relay subnet with the relay route table.
const relayAssociation = `

resource "aws_route_table_association" "relay" {
  subnet_id      = aws_subnet.relay.id
  route_table_id = aws_route_table.relay.id
}`

func TestAwsDmzEgressInspectedRule(t *testing.T) {
	rule := NewAwsDmzEgressInspectedRule()
	notice := linttest.Notice(rule)
	igw := "gateway_id = aws_internet_gateway.igw"
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "relay subnet routed straight to the internet gateway is reported at the target",
			Content: dmzNetwork + `resource "aws_route_table" "relay" {
  vpc_id = aws_vpc.dmz.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.igw.id
  }
}

resource "aws_route_table_association" "relay" {
  subnet_id      = aws_subnet.relay.id
  route_table_id = aws_route_table.relay.id
}`,
			Expected: helper.Issues{dmzIssue(rule, dmzUninspected("aws_route_table.relay", "0.0.0.0/0", igw), dl(5), 18, dl(5), 45)},
		},
		{
			Name: "aws_route to the internet gateway is reported at the target",
			Content: dmzNetwork + `resource "aws_route_table" "relay" {
  vpc_id = aws_vpc.dmz.id
}

resource "aws_route" "relay_default" {
  route_table_id         = aws_route_table.relay.id
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = aws_internet_gateway.igw.id
}

resource "aws_route_table_association" "relay" {
  subnet_id      = aws_subnet.relay.id
  route_table_id = aws_route_table.relay.id
}`,
			Expected: helper.Issues{dmzIssue(rule, dmzUninspected("aws_route_table.relay", "0.0.0.0/0", igw), dl(8), 28, dl(8), 55)},
		},
		{
			Name: "default route to the firewall endpoint passes",
			Content: dmzNetwork + `resource "aws_route_table" "relay" {
  vpc_id = aws_vpc.dmz.id
  route {
    cidr_block      = "0.0.0.0/0"
    vpc_endpoint_id = tolist(aws_networkfirewall_firewall.dmz.firewall_status[0].sync_states)[0].attachment[0].endpoint_id
  }
}

resource "aws_route_table_association" "relay" {
  subnet_id      = aws_subnet.relay.id
  route_table_id = aws_route_table.relay.id
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "default route to a transit gateway passes",
			Content: dmzNetwork + `resource "aws_route_table" "relay" {
  vpc_id = aws_vpc.dmz.id
}

resource "aws_route" "relay_default" {
  route_table_id         = aws_route_table.relay.id
  destination_cidr_block = "0.0.0.0/0"
  transit_gateway_id     = "tgw-0123456789abcdef0"
}

resource "aws_route_table_association" "relay" {
  subnet_id      = aws_subnet.relay.id
  route_table_id = aws_route_table.relay.id
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "route to a private range through the internet gateway is not a default route",
			Content: dmzNetwork + `resource "aws_route_table" "relay" {
  vpc_id = aws_vpc.dmz.id
  route {
    cidr_block = "192.168.0.0/16"
    gateway_id = aws_internet_gateway.igw.id
  }
}

resource "aws_route_table_association" "relay" {
  subnet_id      = aws_subnet.relay.id
  route_table_id = aws_route_table.relay.id
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "IPv6 default route to an egress-only gateway is reported",
			Content: dmzNetwork + `resource "aws_egress_only_internet_gateway" "eigw" {
  vpc_id = aws_vpc.dmz.id
}

resource "aws_route_table" "relay" {
  vpc_id = aws_vpc.dmz.id
  route {
    ipv6_cidr_block        = "::/0"
    egress_only_gateway_id = aws_egress_only_internet_gateway.eigw.id
  }
}

resource "aws_route_table_association" "relay" {
  subnet_id      = aws_subnet.relay.id
  route_table_id = aws_route_table.relay.id
}`,
			Expected: helper.Issues{dmzIssue(rule, dmzUninspected("aws_route_table.relay", "::/0", "egress_only_gateway_id = aws_egress_only_internet_gateway.eigw"), dl(9), 30, dl(9), 70)},
		},
		{
			Name: "literal internet gateway ID is reported",
			Content: dmzNetwork + `resource "aws_route_table" "relay" {
  vpc_id = aws_vpc.dmz.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = "igw-0123456789abcdef0"
  }
}

resource "aws_route_table_association" "relay" {
  subnet_id      = aws_subnet.relay.id
  route_table_id = aws_route_table.relay.id
}`,
			Expected: helper.Issues{dmzIssue(rule, dmzUninspected("aws_route_table.relay", "0.0.0.0/0", `gateway_id = "igw-0123456789abcdef0"`), dl(5), 18, dl(5), 41)},
		},
		{
			Name: "default route from a variable default is reported",
			Content: dmzNetwork + `variable "default_route" {
  type    = string
  default = "0.0.0.0/0"
}

resource "aws_route_table" "relay" {
  vpc_id = aws_vpc.dmz.id
  route {
    cidr_block = var.default_route
    gateway_id = aws_internet_gateway.igw.id
  }
}

resource "aws_route_table_association" "relay" {
  subnet_id      = aws_subnet.relay.id
  route_table_id = aws_route_table.relay.id
}`,
			Expected: helper.Issues{dmzIssue(rule, dmzUninspected("aws_route_table.relay", "0.0.0.0/0", igw), dl(10), 18, dl(10), 45)},
		},
		{
			Name: "route table outside the DMZ is not reported",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_vpc" "internet" {
  cidr_block = "10.40.0.0/16"
  tags       = { Segment = "internet" }
}

resource "aws_subnet" "web" {
  vpc_id     = aws_vpc.internet.id
  cidr_block = "10.40.1.0/24"
}

resource "aws_internet_gateway" "igw" {
  vpc_id = aws_vpc.internet.id
}

resource "aws_route_table" "web" {
  vpc_id = aws_vpc.internet.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.igw.id
  }
}

resource "aws_route_table_association" "web" {
  subnet_id      = aws_subnet.web.id
  route_table_id = aws_route_table.web.id
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "route table of a subnet tagged for the DMZ is in the DMZ",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_vpc" "shared" {
  cidr_block = "10.50.0.0/16"
}

resource "aws_subnet" "relay" {
  vpc_id     = aws_vpc.shared.id
  cidr_block = "10.50.10.0/24"
  tags       = { Segment = "dmz" }
}

resource "aws_route_table" "relay" {
  vpc_id = aws_vpc.shared.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = "igw-0123456789abcdef0"
  }
}

resource "aws_route_table_association" "relay" {
  subnet_id      = aws_subnet.relay.id
  route_table_id = aws_route_table.relay.id
}`,
			Expected: helper.Issues{dmzIssue(rule, dmzUninspected("aws_route_table.relay", "0.0.0.0/0", `gateway_id = "igw-0123456789abcdef0"`), 20, 18, 20, 41)},
		},
		{
			Name: "route table shared by the firewall and relay subnets is reported",
			Content: dmzNetwork + `resource "aws_route_table_association" "relay" {
  subnet_id      = aws_subnet.relay.id
  route_table_id = aws_route_table.firewall.id
}`,
			Expected: helper.Issues{dmzIssue(rule, dmzUninspected("aws_route_table.firewall", "0.0.0.0/0", igw), 38, 18, 38, 45)},
		},
		{
			Name: "firewall subnets of a dynamic subnet_mapping are recognised",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_vpc" "dmz" {
  cidr_block = "10.50.0.0/16"
  tags       = { Segment = "dmz" }
}

resource "aws_subnet" "firewall" {
  count      = 2
  vpc_id     = aws_vpc.dmz.id
  cidr_block = "10.50.0.${count.index * 16}/28"
}

resource "aws_networkfirewall_firewall" "dmz" {
  name                = "dmz"
  firewall_policy_arn = "arn:aws:network-firewall:ap-northeast-1:111122223333:firewall-policy/dmz"
  vpc_id              = aws_vpc.dmz.id
  dynamic "subnet_mapping" {
    for_each = aws_subnet.firewall
    content {
      subnet_id = subnet_mapping.value.id
    }
  }
}

resource "aws_route_table" "firewall" {
  vpc_id = aws_vpc.dmz.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = "igw-0123456789abcdef0"
  }
}

resource "aws_route_table_association" "firewall" {
  count          = 2
  subnet_id      = aws_subnet.firewall[count.index].id
  route_table_id = aws_route_table.firewall.id
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "subnets of a Gateway Load Balancer endpoint are part of the inspection path",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_vpc" "dmz" {
  cidr_block = "10.50.0.0/16"
  tags       = { Segment = "dmz" }
}

resource "aws_subnet" "inspection" {
  vpc_id     = aws_vpc.dmz.id
  cidr_block = "10.50.0.0/28"
}

resource "aws_vpc_endpoint" "inspection" {
  vpc_id            = aws_vpc.dmz.id
  service_name      = "com.amazonaws.vpce.ap-northeast-1.vpce-svc-0123456789abcdef0"
  vpc_endpoint_type = "GatewayLoadBalancer"
  subnet_ids        = [aws_subnet.inspection.id]
}

resource "aws_route_table" "inspection" {
  vpc_id = aws_vpc.dmz.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = "igw-0123456789abcdef0"
  }
}

resource "aws_route_table_association" "inspection" {
  subnet_id      = aws_subnet.inspection.id
  route_table_id = aws_route_table.inspection.id
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "gateway route table is not a workload route table",
			Content: dmzNetwork + `resource "aws_route_table" "igw_edge" {
  vpc_id = aws_vpc.dmz.id
  route {
    cidr_block      = "10.50.10.0/24"
    vpc_endpoint_id = tolist(aws_networkfirewall_firewall.dmz.firewall_status[0].sync_states)[0].attachment[0].endpoint_id
  }
}

resource "aws_route" "igw_edge_default" {
  route_table_id         = aws_route_table.igw_edge.id
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = aws_internet_gateway.igw.id
}

resource "aws_route_table_association" "igw_edge" {
  gateway_id     = aws_internet_gateway.igw.id
  route_table_id = aws_route_table.igw_edge.id
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "relay subnet through a NAT gateway whose subnet goes straight out is reported",
			Content: dmzNetwork + `resource "aws_subnet" "nat" {
  vpc_id     = aws_vpc.dmz.id
  cidr_block = "10.50.1.0/28"
}

resource "aws_nat_gateway" "nat" {
  subnet_id     = aws_subnet.nat.id
  allocation_id = "eipalloc-0123456789abcdef0"
}

resource "aws_route_table_association" "nat" {
  subnet_id      = aws_subnet.nat.id
  route_table_id = aws_route_table.firewall.id
}

resource "aws_route_table" "relay" {
  vpc_id = aws_vpc.dmz.id
  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = aws_nat_gateway.nat.id
  }
}

resource "aws_route_table_association" "relay" {
  subnet_id      = aws_subnet.relay.id
  route_table_id = aws_route_table.relay.id
}`,
			Expected: helper.Issues{dmzIssue(rule, dmzUninspected("aws_route_table.relay", "0.0.0.0/0",
				"NAT ゲートウェイ aws_nat_gateway.nat を経て、そのサブネット aws_subnet.nat のルートテーブル aws_route_table.firewall の "+igw), dl(20), 22, dl(20), 44)},
		},
		{
			Name: "NAT gateway subnet without an association uses the main route table",
			Content: dmzNetwork + `resource "aws_subnet" "nat" {
  vpc_id     = aws_vpc.dmz.id
  cidr_block = "10.50.1.0/28"
}

resource "aws_nat_gateway" "nat" {
  subnet_id     = aws_subnet.nat.id
  allocation_id = "eipalloc-0123456789abcdef0"
}

resource "aws_default_route_table" "main" {
  default_route_table_id = aws_vpc.dmz.default_route_table_id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.igw.id
  }
}

resource "aws_route_table" "relay" {
  vpc_id = aws_vpc.dmz.id
  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = aws_nat_gateway.nat.id
  }
}` + relayAssociation,
			Expected: helper.Issues{dmzIssue(rule, dmzUninspected("aws_route_table.relay", "0.0.0.0/0",
				"NAT ゲートウェイ aws_nat_gateway.nat を経て、そのサブネット aws_subnet.nat のルートテーブル aws_default_route_table.main の "+igw), dl(23), 22, dl(23), 44)},
		},
		{
			Name: "relay subnet through a NAT gateway whose subnet goes through the firewall passes",
			Content: dmzNetwork + `resource "aws_subnet" "nat" {
  vpc_id     = aws_vpc.dmz.id
  cidr_block = "10.50.1.0/28"
}

resource "aws_nat_gateway" "nat" {
  subnet_id     = aws_subnet.nat.id
  allocation_id = "eipalloc-0123456789abcdef0"
}

resource "aws_route_table" "nat" {
  vpc_id = aws_vpc.dmz.id
  route {
    cidr_block      = "0.0.0.0/0"
    vpc_endpoint_id = tolist(aws_networkfirewall_firewall.dmz.firewall_status[0].sync_states)[0].attachment[0].endpoint_id
  }
}

resource "aws_route_table_association" "nat" {
  subnet_id      = aws_subnet.nat.id
  route_table_id = aws_route_table.nat.id
}

resource "aws_route_table" "relay" {
  vpc_id = aws_vpc.dmz.id
  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = aws_nat_gateway.nat.id
  }
}

resource "aws_route_table_association" "relay" {
  subnet_id      = aws_subnet.relay.id
  route_table_id = aws_route_table.relay.id
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "private NAT gateway passes",
			Content: dmzNetwork + `resource "aws_nat_gateway" "private" {
  subnet_id         = aws_subnet.relay.id
  connectivity_type = "private"
}

resource "aws_route_table" "relay" {
  vpc_id = aws_vpc.dmz.id
  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = aws_nat_gateway.private.id
  }
}

resource "aws_route_table_association" "relay" {
  subnet_id      = aws_subnet.relay.id
  route_table_id = aws_route_table.relay.id
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "main route table used by a subnet without association is reported",
			Content: dmzNetwork + `resource "aws_default_route_table" "main" {
  default_route_table_id = aws_vpc.dmz.default_route_table_id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.igw.id
  }
}`,
			Expected: helper.Issues{dmzIssue(rule, dmzUninspected("aws_default_route_table.main", "0.0.0.0/0", igw), dl(5), 18, dl(5), 45)},
		},
		{
			Name: "association through each.value of a for_each is followed",
			Content: dmzNetwork + `resource "aws_route_table" "relay" {
  vpc_id = aws_vpc.dmz.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.igw.id
  }
}

resource "aws_route_table_association" "relay" {
  for_each       = { a = aws_subnet.relay.id }
  subnet_id      = each.value
  route_table_id = aws_route_table.relay.id
}`,
			Expected: helper.Issues{dmzIssue(rule, dmzUninspected("aws_route_table.relay", "0.0.0.0/0", igw), dl(5), 18, dl(5), 45)},
		},
		{
			Name: "English message",
			Content: dmzNetwork + `resource "aws_route_table" "relay" {
  vpc_id = aws_vpc.dmz.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.igw.id
  }
}

resource "aws_route_table_association" "relay" {
  subnet_id      = aws_subnet.relay.id
  route_table_id = aws_route_table.relay.id
}`,
			Config: linttest.English(),
			Expected: helper.Issues{dmzIssue(rule, "Route table aws_route_table.relay of the update DMZ sends traffic to 0.0.0.0/0 out to the internet through gateway_id = aws_internet_gateway.igw without passing a firewall; the DMZ's traffic must pass an FQDN allowlist and a firewall that controls outbound traffic. Point the default route at the Network Firewall endpoint (vpc_endpoint_id) or at a transit gateway to an inspection network (transit_gateway_id). [Guideline 4.3.1.3 / JIS Q 27017 13.1.3, 12.6.1, 12.2.1]",
				dl(5), 18, dl(5), 45)},
		},
		{
			Name: "unknown target is not reported",
			Content: dmzNetwork + `variable "gateway_id" {
  type = string
}

resource "aws_route_table" "relay" {
  vpc_id = aws_vpc.dmz.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = var.gateway_id
  }
}` + relayAssociation,
			Expected: helper.Issues{},
		},
		{
			Name: "unknown target is named by a strict notice",
			Content: dmzNetwork + `variable "gateway_id" {
  type = string
}

resource "aws_route_table" "relay" {
  vpc_id = aws_vpc.dmz.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = var.gateway_id
  }
}` + relayAssociation,
			Config:   linttest.Strict(),
			Expected: helper.Issues{dmzIssue(notice, dmzUnverified("aws_route_table.relay", "0.0.0.0/0", "gateway_id", "行き先がファイアウォールかインターネットへの出口かをコードから特定できません"), dl(9), 18, dl(9), 32)},
		},
		{
			Name: "unknown destination is named by a strict notice",
			Content: dmzNetwork + `variable "destination" {
  type = string
}

resource "aws_route_table" "relay" {
  vpc_id = aws_vpc.dmz.id
  route {
    cidr_block = var.destination
    gateway_id = aws_internet_gateway.igw.id
  }
}` + relayAssociation,
			Config:   linttest.Strict(),
			Expected: helper.Issues{dmzIssue(notice, dmzUnverified("aws_route_table.relay", "インターネット", "cidr_block", "lint 時に値が決まりません"), dl(8), 18, dl(8), 33)},
		},
		{
			Name: "prefix list destination is named by a strict notice",
			Content: dmzNetwork + `resource "aws_route_table" "relay" {
  vpc_id = aws_vpc.dmz.id
}

resource "aws_route" "relay_updates" {
  route_table_id             = aws_route_table.relay.id
  destination_prefix_list_id = "pl-0123456789abcdef0"
  gateway_id                 = aws_internet_gateway.igw.id
}` + relayAssociation,
			Config:   linttest.Strict(),
			Expected: helper.Issues{dmzIssue(notice, dmzUnverified("aws_route_table.relay", "インターネット", "destination_prefix_list_id", "宛先がプレフィックスリストで、その範囲を lint 時に確認できません"), dl(7), 32, dl(7), 54)},
		},
		{
			Name: "route table no subnet uses is named by a strict notice",
			Content: dmzNetwork + `resource "aws_route_table" "spare" {
  vpc_id = aws_vpc.dmz.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.igw.id
  }
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{dmzIssue(notice, dmzUnverified("aws_route_table.spare", "0.0.0.0/0", "aws_route_table.spare", "このルートテーブルを使うサブネットがモジュールになく、ワークロードのサブネットが使うか分かりません"), dl(3), 3, dl(3), 8)},
		},
		{
			Name: "association with an unknown subnet is named by a strict notice",
			Content: dmzNetwork + `variable "subnet_id" {
  type = string
}

resource "aws_route_table" "relay" {
  vpc_id = aws_vpc.dmz.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.igw.id
  }
}

resource "aws_route_table_association" "relay" {
  subnet_id      = var.subnet_id
  route_table_id = aws_route_table.relay.id
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{dmzIssue(notice, dmzUnverified("aws_route_table.relay", "0.0.0.0/0", "aws_route_table_association.relay", "どのサブネットをどのルートテーブルに関連付けるか特定できません"), dl(7), 3, dl(7), 8)},
		},
		{
			Name: "subnet passed to a module may be a firewall's: strict notice",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_vpc" "dmz" {
  cidr_block = "10.50.0.0/16"
  tags       = { Segment = "dmz" }
}

resource "aws_subnet" "firewall" {
  vpc_id     = aws_vpc.dmz.id
  cidr_block = "10.50.0.0/28"
}

module "inspection" {
  source     = "./modules/inspection"
  subnet_ids = [aws_subnet.firewall.id]
}

resource "aws_route_table" "firewall" {
  vpc_id = aws_vpc.dmz.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = "igw-0123456789abcdef0"
  }
}

resource "aws_route_table_association" "firewall" {
  subnet_id      = aws_subnet.firewall.id
  route_table_id = aws_route_table.firewall.id
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{dmzIssue(notice, dmzUnverified("aws_route_table.firewall", "0.0.0.0/0", "aws_subnet.firewall", "モジュール inspection に渡されており、そこで宣言されたファイアウォールのサブネットかもしれません"), 23, 3, 23, 8)},
		},
		{
			Name: "subnet passed to a module is a workload subnet when the firewall is declared here",
			Content: dmzNetwork + `module "relay" {
  source    = "./modules/relay"
  subnet_id = aws_subnet.relay.id
}

resource "aws_route_table" "relay" {
  vpc_id = aws_vpc.dmz.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.igw.id
  }
}` + relayAssociation,
			Expected: helper.Issues{dmzIssue(rule, dmzUninspected("aws_route_table.relay", "0.0.0.0/0", igw), dl(10), 18, dl(10), 45)},
		},
		{
			Name: "firewall whose subnets cannot be told makes a strict notice",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}

variable "firewall_subnet_id" {
  type = string
}

resource "aws_vpc" "dmz" {
  cidr_block = "10.50.0.0/16"
  tags       = { Segment = "dmz" }
}

resource "aws_subnet" "firewall" {
  vpc_id     = aws_vpc.dmz.id
  cidr_block = "10.50.0.0/28"
}

resource "aws_networkfirewall_firewall" "dmz" {
  name                = "dmz"
  firewall_policy_arn = "arn:aws:network-firewall:ap-northeast-1:111122223333:firewall-policy/dmz"
  vpc_id              = aws_vpc.dmz.id
  subnet_mapping {
    subnet_id = var.firewall_subnet_id
  }
}

resource "aws_route_table" "firewall" {
  vpc_id = aws_vpc.dmz.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = "igw-0123456789abcdef0"
  }
}

resource "aws_route_table_association" "firewall" {
  subnet_id      = aws_subnet.firewall.id
  route_table_id = aws_route_table.firewall.id
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{dmzIssue(notice, dmzUnverified("aws_route_table.firewall", "0.0.0.0/0", "aws_subnet.firewall", "ファイアウォール aws_networkfirewall_firewall.dmz のサブネットを特定できず、これがそのサブネットかもしれません"), 31, 3, 31, 8)},
		},
		{
			Name: "instance target is named by a strict notice",
			Content: dmzNetwork + `resource "aws_network_interface" "proxy" {
  subnet_id = aws_subnet.relay.id
}

resource "aws_route_table" "relay" {
  vpc_id = aws_vpc.dmz.id
  route {
    cidr_block           = "0.0.0.0/0"
    network_interface_id = aws_network_interface.proxy.id
  }
}` + relayAssociation,
			Config:   linttest.Strict(),
			Expected: helper.Issues{dmzIssue(notice, dmzUnverified("aws_route_table.relay", "0.0.0.0/0", "network_interface_id", "インスタンスやネットワークインターフェースが通信を検査するかはコードから分かりません"), dl(9), 28, dl(9), 58)},
		},
		{
			Name: "unknown segment is named by a strict notice",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}

variable "tags" {
  type = map(string)
}

resource "aws_vpc" "dmz" {
  cidr_block = "10.50.0.0/16"
  tags       = var.tags
}

resource "aws_subnet" "relay" {
  vpc_id     = aws_vpc.dmz.id
  cidr_block = "10.50.10.0/24"
}

resource "aws_route_table" "relay" {
  vpc_id = aws_vpc.dmz.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = "igw-0123456789abcdef0"
  }
}` + relayAssociation,
			Config:   linttest.Strict(),
			Expected: helper.Issues{dmzIssue(notice, dmzUnverified("aws_route_table.relay", "0.0.0.0/0", "aws_vpc.dmz のタグ Segment", "ルートテーブルが更新用 DMZ にあるか決められません（lint 時に値が決まりません）"), 12, 16, 12, 24)},
		},
		{
			Name: "dynamic routes with an unknown for_each are named by a strict notice",
			Content: dmzNetwork + `variable "routes" {
  type = map(string)
}

resource "aws_route_table" "relay" {
  vpc_id = aws_vpc.dmz.id
  dynamic "route" {
    for_each = var.routes
    content {
      cidr_block = route.key
      gateway_id = route.value
    }
  }
}` + relayAssociation,
			Config:   linttest.Strict(),
			Expected: helper.Issues{dmzIssue(notice, "strict: ルートテーブル aws_route_table.relay のルートがファイアウォールを通ることを確認できません。for_each: dynamic ブロックが作るブロックを lint 時に確認できません。"+dmzCite, dl(8), 16, dl(8), 26)},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, rule, map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}
