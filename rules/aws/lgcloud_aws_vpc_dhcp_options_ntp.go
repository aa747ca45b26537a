package aws

import (
	"fmt"
	"net/netip"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsVpcDhcpOptionsNtpRule checks that the NTP servers a VPC's DHCP options
// hand to instances are approved time sources.
type AwsVpcDhcpOptionsNtpRule struct{ lint.Meta }

var (
	_ lint.Rule         = (*AwsVpcDhcpOptionsNtpRule)(nil)
	_ lint.Configurable = (*AwsVpcDhcpOptionsNtpRule)(nil)
)

// NewAwsVpcDhcpOptionsNtpRule returns the rule.
func NewAwsVpcDhcpOptionsNtpRule() *AwsVpcDhcpOptionsNtpRule {
	return &AwsVpcDhcpOptionsNtpRule{lint.Meta{
		RuleName: "lgcloud_aws_vpc_dhcp_options_ntp",
		Level:    tflint.NOTICE,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.7.1.4"},
		Summary: project.Text{
			JA: "VPC の DHCP オプションで配布する NTP サーバを承認された時刻源にする",
			EN: "NTP servers in VPC DHCP options are approved time sources",
		},
		Reads: lint.Reads{
			"aws_vpc_dhcp_options": {Attributes: []hclext.AttributeSchema{{Name: "ntp_servers"}}},
		},
	}}
}

// DhcpNtpOptions are the options of lgcloud_aws_vpc_dhcp_options_ntp in its
// rule block.
type DhcpNtpOptions struct {
	// ApprovedNTPServers are the IP addresses of the approved time sources.
	ApprovedNTPServers []string `hclext:"approved_ntp_servers,optional"`
}

// amazonTimeSync are the addresses of the Amazon Time Sync Service in every
// VPC: IPv4 169.254.169.123, and IPv6 fd00:ec2::123 on Nitro instances.
var amazonTimeSync = []string{"169.254.169.123", "fd00:ec2::123"}

// NewOptions returns the defaults: the Amazon Time Sync Service.
func (r *AwsVpcDhcpOptionsNtpRule) NewOptions() any {
	return &DhcpNtpOptions{ApprovedNTPServers: append([]string(nil), amazonTimeSync...)}
}

// Validate checks that every approved server is an IP address: DHCP
// options name NTP servers by address only.
func (o *DhcpNtpOptions) Validate() error {
	for _, s := range o.ApprovedNTPServers {
		if _, err := netip.ParseAddr(s); err != nil {
			return &lint.OptionError{
				Attribute: "approved_ntp_servers",
				Detail:    fmt.Sprintf("%q is not an IP address; DHCP options name NTP servers by IPv4 or IPv6 address", s),
			}
		}
	}
	return nil
}

// approves reports whether server is one of the approved addresses, however
// the address is written (fd00:ec2::123 and FD00:EC2:0:0:0:0:0:123 are one).
func (o *DhcpNtpOptions) approves(server string) bool {
	addr, err := netip.ParseAddr(strings.TrimSpace(server))
	for _, approved := range o.ApprovedNTPServers {
		a, aerr := netip.ParseAddr(approved)
		if err == nil && aerr == nil && a.Unmap() == addr.Unmap() {
			return true
		}
		if strings.EqualFold(strings.TrimSpace(server), approved) {
			return true
		}
	}
	return false
}

var msgDhcpNtpUnapproved = project.Text{
	JA: "DHCP オプション %s の NTP サーバ %s は承認された時刻源ではありません。承認された時刻源（%s）を指定するか、承認済みであればルールの approved_ntp_servers に加えてください。",
	EN: "DHCP options %s hand out NTP server %s, which is not an approved time source; use an approved one (%s), or add it to the rule's approved_ntp_servers if it is approved.",
}

var whatDhcpNtp = project.Text{JA: "DHCP オプションの NTP サーバ", EN: "the NTP servers of DHCP options"}

// Check reports each NTP server of every DHCP option set that is not in the
// approved list, at the server when it is written in a list, else at the
// attribute. DHCP options without ntp_servers leave instances on the
// Amazon Time Sync Service and are not reported.
func (r *AwsVpcDhcpOptionsNtpRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	opts := runner.Options(r).(*DhcpNtpOptions)
	approved := strings.Join(opts.ApprovedNTPServers, ", ")
	sets, err := runner.Resources(r, "aws_vpc_dhcp_options")
	if err != nil {
		return err
	}
	for _, set := range sets {
		name := lint.Address(set)
		for _, server := range ntpServers(runner, set.Body) {
			if server.IsUnknown() {
				if err := runner.Unverified(r, server, whatDhcpNtp); err != nil {
					return err
				}
				continue
			}
			s, ok := server.String()
			if !ok || opts.approves(s) {
				continue
			}
			if err := runner.Report(r, server.Range, msgDhcpNtpUnapproved, name, s, approved); err != nil {
				return err
			}
		}
	}
	return nil
}

// ntpServers returns the servers of ntp_servers: one value per element,
// with the element's own range, when the list is written out; otherwise one
// value per element of the evaluated list, at the attribute, or the whole
// attribute when it cannot be known.
func ntpServers(runner *lint.Runner, body *hclext.BodyContent) []lint.Value {
	attr, ok := body.Attributes["ntp_servers"]
	if !ok {
		return nil
	}
	if tuple, isTuple := attr.Expr.(*hclsyntax.TupleConsExpr); isTuple {
		out := make([]lint.Value, 0, len(tuple.Exprs))
		for _, e := range tuple.Exprs {
			out = append(out, runner.Attr(dhcpServerBody("ntp_servers", e), "ntp_servers", cty.String))
		}
		return out
	}
	v := runner.Attr(body, "ntp_servers", cty.List(cty.String))
	if v.State != lint.Known {
		if v.IsUnknown() {
			return []lint.Value{v}
		}
		return nil
	}
	var out []lint.Value
	for _, e := range v.Val.AsValueSlice() {
		if e.IsNull() {
			continue
		}
		out = append(out, lint.Value{State: lint.Known, Val: e, Expr: v.Expr, Range: v.Range, Name: v.Name})
	}
	return out
}

// dhcpServerBody wraps an expression as the only attribute of a body, to evaluate
// a part of an attribute on its own.
func dhcpServerBody(name string, expr hcl.Expression) *hclext.BodyContent {
	return &hclext.BodyContent{Attributes: hclext.Attributes{name: {Name: name, Expr: expr, Range: expr.Range()}}}
}
