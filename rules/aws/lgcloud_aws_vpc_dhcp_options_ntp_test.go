package aws

import (
	"errors"
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func TestAwsVpcDhcpOptionsNtpRule(t *testing.T) {
	rule := NewAwsVpcDhcpOptionsNtpRule()
	const cite = " [指針 4.7.1.4 / JIS Q 27017 12.4.4]"
	unapproved := func(server, approved string) string {
		return "DHCP オプション aws_vpc_dhcp_options.main の NTP サーバ " + server + " は承認された時刻源ではありません。承認された時刻源（" + approved + "）を指定するか、承認済みであればルールの approved_ntp_servers に加えてください。" + cite
	}
	const timeSync = "169.254.169.123, fd00:ec2::123"

	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Options  *DhcpNtpOptions
		Expected helper.Issues
	}{
		{
			Name: "the Amazon Time Sync Service passes",
			Content: `
resource "aws_vpc_dhcp_options" "main" {
  domain_name_servers = ["AmazonProvidedDNS"]
  ntp_servers         = ["169.254.169.123"]
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "the IPv6 address of the Amazon Time Sync Service passes however it is written",
			Content: `
resource "aws_vpc_dhcp_options" "main" {
  ntp_servers = ["169.254.169.123", "FD00:EC2:0:0:0:0:0:123"]
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "options without ntp_servers pass",
			Content: `
resource "aws_vpc_dhcp_options" "main" {
  domain_name_servers = ["AmazonProvidedDNS"]
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "an unapproved server is reported at the server",
			Content: `
resource "aws_vpc_dhcp_options" "main" {
  ntp_servers = ["169.254.169.123", "192.0.2.10"]
}`,
			Expected: helper.Issues{auditIssue(rule, unapproved("192.0.2.10", timeSync), 3, 37, 3, 49)},
		},
		{
			Name: "each unapproved server is reported",
			Content: `
resource "aws_vpc_dhcp_options" "main" {
  ntp_servers = [
    "192.0.2.10",
    "192.0.2.11",
  ]
}`,
			Expected: helper.Issues{
				auditIssue(rule, unapproved("192.0.2.10", timeSync), 4, 5, 4, 17),
				auditIssue(rule, unapproved("192.0.2.11", timeSync), 5, 5, 5, 17),
			},
		},
		{
			Name: "servers from a variable default are reported at the reference",
			Content: `
variable "ntp" {
  default = ["192.0.2.10"]
}

resource "aws_vpc_dhcp_options" "main" {
  ntp_servers = var.ntp
}`,
			Expected: helper.Issues{auditIssue(rule, unapproved("192.0.2.10", timeSync), 7, 17, 7, 24)},
		},
		{
			Name: "a configured list replaces the default",
			Content: `
resource "aws_vpc_dhcp_options" "main" {
  ntp_servers = ["10.0.0.123", "169.254.169.123"]
}`,
			Options:  &DhcpNtpOptions{ApprovedNTPServers: []string{"10.0.0.123"}},
			Expected: helper.Issues{auditIssue(rule, unapproved("169.254.169.123", "10.0.0.123"), 3, 32, 3, 49)},
		},
		{
			Name: "an unknown server in a written list is not reported",
			Content: `
variable "ntp" {
  type = string
}

resource "aws_vpc_dhcp_options" "main" {
  ntp_servers = ["169.254.169.123", var.ntp]
}`,
			Expected: helper.Issues{},
		},
		{
			Name: "an unknown server in a written list is named by a strict notice",
			Content: `
variable "ntp" {
  type = string
}

resource "aws_vpc_dhcp_options" "main" {
  ntp_servers = ["169.254.169.123", var.ntp]
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				auditIssue(linttest.Notice(rule), "strict: DHCP オプションの NTP サーバを確認できません。ntp_servers: lint 時に値が決まりません。"+cite, 7, 37, 7, 44),
			},
		},
		{
			Name: "an unknown list is named by a strict notice",
			Content: `
variable "ntp" {
  type = list(string)
}

resource "aws_vpc_dhcp_options" "main" {
  ntp_servers = var.ntp
}`,
			Config: linttest.Strict(),
			Expected: helper.Issues{
				auditIssue(linttest.Notice(rule), "strict: DHCP オプションの NTP サーバを確認できません。ntp_servers: lint 時に値が決まりません。"+cite, 7, 17, 7, 24),
			},
		},
		{
			Name: "English message",
			Content: `
resource "aws_vpc_dhcp_options" "main" {
  ntp_servers = ["192.0.2.10"]
}`,
			Config: linttest.English(),
			Expected: helper.Issues{
				auditIssue(rule, "DHCP options aws_vpc_dhcp_options.main hand out NTP server 192.0.2.10, which is not an approved time source; use an approved one (169.254.169.123, fd00:ec2::123), or add it to the rule's approved_ntp_servers if it is approved. [Guideline 4.7.1.4 / JIS Q 27017 12.4.4]", 3, 18, 3, 30),
			},
		},
	}

	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			var opts any
			if tc.Options != nil {
				opts = tc.Options
			}
			runner := linttest.RunWith(t, NewAwsVpcDhcpOptionsNtpRule(), map[string]string{"resource.tf": tc.Content}, tc.Config, opts)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}

func TestDhcpNtpOptionsValidate(t *testing.T) {
	cases := []struct {
		Name    string
		Servers []string
		WantErr string
	}{
		{Name: "the default is accepted", Servers: []string{"169.254.169.123", "fd00:ec2::123"}},
		{Name: "an empty list is accepted", Servers: []string{}},
		{Name: "an own IPv4 server is accepted", Servers: []string{"10.0.0.123"}},
		{Name: "a host name is refused", Servers: []string{"ntp.nict.jp"}, WantErr: `approved_ntp_servers: "ntp.nict.jp" is not an IP address; DHCP options name NTP servers by IPv4 or IPv6 address`},
		{Name: "a CIDR block is refused", Servers: []string{"10.0.0.0/24"}, WantErr: `approved_ntp_servers: "10.0.0.0/24" is not an IP address; DHCP options name NTP servers by IPv4 or IPv6 address`},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			err := (&DhcpNtpOptions{ApprovedNTPServers: tc.Servers}).Validate()
			if tc.WantErr == "" {
				if err != nil {
					t.Fatalf("Validate() = %v, want nil", err)
				}
				return
			}
			var optErr *lint.OptionError
			if !errors.As(err, &optErr) || err.Error() != tc.WantErr {
				t.Fatalf("Validate() = %v, want OptionError %q", err, tc.WantErr)
			}
		})
	}
}
