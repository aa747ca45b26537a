package aws

import (
	"net/netip"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

// segRange is a range in resource.tf.
func segRange(line, start, endLine, end int) hcl.Range {
	return hcl.Range{Filename: "resource.tf", Start: hcl.Pos{Line: line, Column: start}, End: hcl.Pos{Line: endLine, Column: end}}
}

const (
	isolationTail = "; the closed segments (My Number, LGWAN) must not be able to connect to the internet. "
	isolationFix  = "Remove the path to the internet; reach on-premises through a dedicated line (a transit gateway or a virtual private gateway) and AWS services through VPC endpoints."
	ruleFix       = "Limit the rule to the segment's own address ranges and security groups."
	isolationCite = " [Guideline 4.3.1.1, 4.3.1.2, 4.3.1.GC1 / JIS Q 27017 13.1.3, CLD.9.5.1]"
)

// mynumberVPC declares a VPC of the My Number segment by its own tag.
const mynumberVPC = `
resource "aws_vpc" "mn" {
  cidr_block = "10.10.0.0/16"
  tags       = { Segment = "mynumber" }
}
`

func TestAwsSegmentInternetIsolationRule(t *testing.T) {
	rule := NewAwsSegmentInternetIsolationRule()
	en := linttest.English()
	strict := linttest.English()
	strict.Strict = true
	cidrs := linttest.English()
	cidrs.Segments[config.SegmentLGWAN].CIDRs = mustPrefixes(t, "10.20.0.0/16")
	issue := func(rng hcl.Range, msg string) *helper.Issue {
		return &helper.Issue{Rule: rule, Message: msg + isolationCite, Range: rng}
	}
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name: "internet gateway in a My Number VPC",
			Content: mynumberVPC + `
resource "aws_internet_gateway" "igw" {
  vpc_id = aws_vpc.mn.id
}`,
			Config: en,
			Expected: helper.Issues{issue(segRange(7, 1, 7, 38),
				"aws_internet_gateway.igw connects network aws_vpc.mn to the internet"+isolationTail+
					"Remove the gateway to the internet; reach on-premises through a dedicated line (a transit gateway or a virtual private gateway).")},
		},
		{
			Name: "internet gateway in an untagged VPC whose subnets are of the My Number segment",
			Content: `
resource "aws_vpc" "records" {
  cidr_block = "10.10.0.0/16"
}
resource "aws_subnet" "app" {
  vpc_id     = aws_vpc.records.id
  cidr_block = "10.10.1.0/24"
  tags       = { Segment = "mynumber" }
}
resource "aws_internet_gateway" "igw" {
  vpc_id = aws_vpc.records.id
}`,
			Config: en,
			Expected: helper.Issues{issue(segRange(10, 1, 10, 38),
				"aws_internet_gateway.igw connects network aws_vpc.records to the internet"+isolationTail+
					"Remove the gateway to the internet; reach on-premises through a dedicated line (a transit gateway or a virtual private gateway).")},
		},
		{
			Name: "internet gateway in a VPC of no segment passes",
			Content: `
resource "aws_vpc" "web" {
  cidr_block = "10.30.0.0/16"
}
resource "aws_internet_gateway" "igw" {
  vpc_id = aws_vpc.web.id
}`,
			Config: en,
		},
		{
			Name: "internet gateway in an internet-segment VPC passes",
			Content: `
resource "aws_vpc" "web" {
  cidr_block = "10.30.0.0/16"
  tags       = { Segment = "Internet" }
}
resource "aws_internet_gateway" "igw" {
  vpc_id = aws_vpc.web.id
}`,
			Config: en,
		},
		{
			Name: "segment from the provider's default_tags, public subnet with autofix",
			Content: `
provider "aws" {
  default_tags {
    tags = { Segment = "lgwan" }
  }
}
resource "aws_vpc" "lg" {
  cidr_block = "10.20.0.0/16"
}
resource "aws_subnet" "a" {
  vpc_id                  = aws_vpc.lg.id
  cidr_block              = "10.20.1.0/24"
  map_public_ip_on_launch = true
}`,
			Config: en,
			Expected: helper.Issues{issue(segRange(13, 29, 13, 33),
				"Subnet aws_subnet.a assigns public IPs at launch (map_public_ip_on_launch = true)"+isolationTail+"Set map_public_ip_on_launch = false.")},
		},
		{
			Name: "a resource's own tag wins over the provider's default tag",
			Content: `
provider "aws" {
  default_tags {
    tags = { Segment = "mynumber" }
  }
}
resource "aws_vpc" "web" {
  cidr_block = "10.30.0.0/16"
  tags       = { Segment = "internet" }
}
resource "aws_internet_gateway" "igw" {
  vpc_id = aws_vpc.web.id
  tags   = { Segment = "internet" }
}`,
			Config: en,
		},
		{
			Name: "segment from a variable's default",
			Content: `
variable "segment" {
  default = "mynumber"
}
resource "aws_vpc" "mn" {
  cidr_block = "10.10.0.0/16"
  tags       = { Segment = var.segment }
}
resource "aws_instance" "app" {
  subnet_id                   = aws_subnet.a.id
  associate_public_ip_address = true
}
resource "aws_subnet" "a" {
  vpc_id     = aws_vpc.mn.id
  cidr_block = "10.10.1.0/24"
}`,
			Config: en,
			Expected: helper.Issues{issue(segRange(11, 33, 11, 37),
				"Instance aws_instance.app gets a public IP (associate_public_ip_address = true)"+isolationTail+"Set associate_public_ip_address = false.")},
		},
		{
			Name: "segment from configured CIDRs",
			Content: `
resource "aws_vpc" "lg" {
  cidr_block = "10.20.0.0/16"
}
resource "aws_lb" "front" {
  subnets = [aws_subnet.a.id]
}
resource "aws_subnet" "a" {
  vpc_id     = aws_vpc.lg.id
  cidr_block = "10.20.1.0/24"
}`,
			Config: cidrs,
			Expected: helper.Issues{issue(segRange(5, 1, 5, 26),
				"Load balancer aws_lb.front is internet-facing (internal is not true)"+isolationTail+"Set internal = true.")},
		},
		{
			Name: "internal load balancer and gateway load balancer pass",
			Content: mynumberVPC + `
resource "aws_subnet" "a" {
  vpc_id     = aws_vpc.mn.id
  cidr_block = "10.10.1.0/24"
}
resource "aws_lb" "app" {
  internal = true
  subnets  = [aws_subnet.a.id]
}
resource "aws_lb" "inspect" {
  load_balancer_type = "gateway"
  subnets            = [aws_subnet.a.id]
}`,
			Config: en,
		},
		{
			Name: "default route through an internet gateway and a public NAT gateway",
			Content: mynumberVPC + `
resource "aws_subnet" "a" {
  vpc_id     = aws_vpc.mn.id
  cidr_block = "10.10.1.0/24"
}
resource "aws_nat_gateway" "nat" {
  subnet_id = aws_subnet.a.id
}
resource "aws_route_table" "rt" {
  vpc_id = aws_vpc.mn.id
}
resource "aws_route" "out" {
  route_table_id         = aws_route_table.rt.id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.nat.id
}`,
			Config: en,
			Expected: helper.Issues{
				issue(segRange(11, 1, 11, 33), "Public NAT gateway aws_nat_gateway.nat is a way out to the internet"+isolationTail+"Remove the NAT gateway, or set connectivity_type = \"private\"."),
				issue(segRange(19, 28, 19, 39), "The route of aws_route.out to 0.0.0.0/0 leads to the internet through nat_gateway_id = aws_nat_gateway.nat"+isolationTail+isolationFix),
			},
		},
		{
			Name: "private NAT gateway, routes to the transit gateway and private ranges pass",
			Content: mynumberVPC + `
resource "aws_subnet" "a" {
  vpc_id     = aws_vpc.mn.id
  cidr_block = "10.10.1.0/24"
}
resource "aws_nat_gateway" "nat" {
  subnet_id         = aws_subnet.a.id
  connectivity_type = "private"
}
resource "aws_route_table" "rt" {
  vpc_id = aws_vpc.mn.id
  route {
    cidr_block         = "0.0.0.0/0"
    transit_gateway_id = "tgw-0123456789abcdef0"
  }
  route {
    cidr_block     = "192.168.0.0/16"
    nat_gateway_id = aws_nat_gateway.nat.id
  }
}`,
			Config: en,
		},
		{
			Name: "security rules to the world in all forms",
			Content: mynumberVPC + `
resource "aws_security_group" "app" {
  vpc_id = aws_vpc.mn.id
  ingress {
    from_port        = 443
    to_port          = 443
    protocol         = "tcp"
    ipv6_cidr_blocks = ["::/0"]
  }
}
resource "aws_security_group_rule" "out" {
  type              = "egress"
  security_group_id = aws_security_group.app.id
  from_port         = 0
  to_port           = 0
  protocol          = "-1"
  cidr_blocks       = ["0.0.0.0/0"]
}
resource "aws_vpc_security_group_ingress_rule" "ssh" {
  security_group_id = aws_security_group.app.id
  from_port         = 22
  to_port           = 22
  ip_protocol       = "tcp"
  cidr_ipv4         = "0.0.0.0/0"
}
resource "aws_vpc_security_group_egress_rule" "inside" {
  security_group_id = aws_security_group.app.id
  ip_protocol       = "-1"
  cidr_ipv4         = "10.10.0.0/16"
}`,
			Config: en,
			Expected: helper.Issues{
				issue(segRange(13, 24, 13, 32), "A security rule of aws_security_group.app allows traffic from ::/0"+isolationTail+ruleFix),
				issue(segRange(22, 23, 22, 36), "A security rule of aws_security_group_rule.out allows traffic to 0.0.0.0/0"+isolationTail+ruleFix),
				issue(segRange(29, 23, 29, 34), "A security rule of aws_vpc_security_group_ingress_rule.ssh allows traffic from 0.0.0.0/0"+isolationTail+ruleFix),
			},
		},
		{
			Name: "Elastic IPs on an instance, by attribute and by association",
			Content: mynumberVPC + `
resource "aws_subnet" "a" {
  vpc_id     = aws_vpc.mn.id
  cidr_block = "10.10.1.0/24"
}
resource "aws_network_interface" "eni" {
  subnet_id = aws_subnet.a.id
}
resource "aws_instance" "app" {
  subnet_id = aws_subnet.a.id
}
resource "aws_eip" "ip" {
  instance = aws_instance.app.id
}
resource "aws_eip_association" "assoc" {
  network_interface_id = aws_network_interface.eni.id
  allocation_id        = "eipalloc-0123"
}`,
			Config: en,
			Expected: helper.Issues{
				issue(segRange(18, 14, 18, 33), "Elastic IP aws_eip.ip gives aws_instance.app a public IP"+isolationTail+"Do not associate an Elastic IP with a resource of a closed segment."),
				issue(segRange(21, 26, 21, 54), "aws_eip_association.assoc associates an Elastic IP with aws_network_interface.eni"+isolationTail+"Do not associate an Elastic IP with a resource of a closed segment."),
			},
		},
		{
			Name: "launch template with a public IP in a closed subnet",
			Content: mynumberVPC + `
resource "aws_subnet" "a" {
  vpc_id     = aws_vpc.mn.id
  cidr_block = "10.10.1.0/24"
}
resource "aws_launch_template" "lt" {
  network_interfaces {
    subnet_id                   = aws_subnet.a.id
    associate_public_ip_address = "true"
  }
}`,
			Config: en,
			Expected: helper.Issues{issue(segRange(14, 35, 14, 41),
				"Launch template aws_launch_template.lt assigns a public IP (associate_public_ip_address = true)"+isolationTail+"Set associate_public_ip_address = false.")},
		},
		{
			Name: "launch template with a public IP placed by the group that launches it",
			Content: mynumberVPC + `
resource "aws_subnet" "a" {
  vpc_id     = aws_vpc.mn.id
  cidr_block = "10.10.1.0/24"
}
resource "aws_launch_template" "lt" {
  network_interfaces {
    associate_public_ip_address = true
  }
}
resource "aws_autoscaling_group" "app" {
  vpc_zone_identifier = [aws_subnet.a.id]
  max_size            = 2
  min_size            = 1
  launch_template {
    id = aws_launch_template.lt.id
  }
}`,
			Config: en,
			Expected: helper.Issues{issue(segRange(13, 35, 13, 39),
				"Launch template aws_launch_template.lt assigns a public IP (associate_public_ip_address = true)"+isolationTail+"Set associate_public_ip_address = false.")},
		},
		{
			Name: "publicly accessible database placed through its subnet group",
			Content: mynumberVPC + `
resource "aws_subnet" "a" {
  vpc_id     = aws_vpc.mn.id
  cidr_block = "10.10.1.0/24"
}
resource "aws_db_subnet_group" "db" {
  subnet_ids = [aws_subnet.a.id]
}
resource "aws_db_instance" "db" {
  db_subnet_group_name = aws_db_subnet_group.db.name
  publicly_accessible  = true
}`,
			Config: en,
			Expected: helper.Issues{issue(segRange(16, 26, 16, 30),
				"Database aws_db_instance.db is reachable from the internet (publicly_accessible = true)"+isolationTail+"Set publicly_accessible = false.")},
		},
		{
			Name: "unknown values are notices in strict mode only",
			Content: `
variable "segment" {}
variable "public" {}
resource "aws_vpc" "x" {
  cidr_block = "10.40.0.0/16"
  tags       = { Segment = var.segment }
}
resource "aws_internet_gateway" "igw" {
  vpc_id = aws_vpc.x.id
}` + mynumberVPC + `
resource "aws_subnet" "a" {
  vpc_id                  = aws_vpc.mn.id
  cidr_block              = "10.10.1.0/24"
  map_public_ip_on_launch = var.public
}`,
			Config: en,
		},
		{
			Name: "unknown values named in strict mode",
			Content: `provider "aws" {}
variable "segment" {}
variable "public" {}
resource "aws_vpc" "x" {
  cidr_block = "10.40.0.0/16"
  tags       = { Segment = var.segment }
}
resource "aws_internet_gateway" "igw" {
  vpc_id = aws_vpc.x.id
}` + mynumberVPC + `
resource "aws_subnet" "a" {
  vpc_id                  = aws_vpc.mn.id
  cidr_block              = "10.10.1.0/24"
  map_public_ip_on_launch = var.public
}`,
			Config: strict,
			Expected: helper.Issues{
				{Rule: linttest.Notice(rule), Range: segRange(8, 1, 8, 38),
					Message: "strict: cannot verify whether aws_internet_gateway.igw connects network aws_vpc.x to the internet; aws_internet_gateway.igw: the segment cannot be decided (tag Segment of aws_vpc.x: the value is not known at lint time)." + isolationCite},
				{Rule: linttest.Notice(rule), Range: segRange(19, 29, 19, 39),
					Message: "strict: cannot verify map_public_ip_on_launch of aws_subnet.a; aws_subnet.a: the value is not known at lint time." + isolationCite},
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

// mustPrefixes parses CIDR ranges for a test configuration.
func mustPrefixes(t *testing.T, cidrs ...string) []netip.Prefix {
	t.Helper()
	var out []netip.Prefix
	for _, c := range cidrs {
		p, err := netip.ParsePrefix(c)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, p)
	}
	return out
}
