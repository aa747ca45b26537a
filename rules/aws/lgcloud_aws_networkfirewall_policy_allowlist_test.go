package aws

import (
	"strings"
	"testing"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

// dmzFirewall is a firewall in a VPC tagged for the DMZ, using the policy
// aws_networkfirewall_firewall_policy.dmz, and the allowlist rule group
// the cases' policies refer to.
const dmzFirewall = `
provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_vpc" "dmz" {
  cidr_block = "10.50.0.0/16"
  tags       = { Segment = "dmz" }
}

resource "aws_networkfirewall_firewall" "dmz" {
  name                = "dmz"
  firewall_policy_arn = aws_networkfirewall_firewall_policy.dmz.arn
  vpc_id              = aws_vpc.dmz.id
  subnet_mapping {
    subnet_id = "subnet-0123456789abcdef0"
  }
}

resource "aws_networkfirewall_rule_group" "allow" {
  name     = "allow"
  type     = "STATEFUL"
  capacity = 100
  rule_group {
    stateful_rule_options {
      rule_order = "STRICT_ORDER"
    }
    rules_source {
      rules_source_list {
        generated_rules_type = "ALLOWLIST"
        target_types         = ["TLS_SNI", "HTTP_HOST"]
        targets              = [".windowsupdate.com"]
      }
    }
  }
}
`

// fl returns the line number of line k of a case's content written after
// dmzFirewall.
func fl(k int) int { return strings.Count(dmzFirewall, "\n") + k }

// compliantPolicy is a policy that meets the rule, with its firewall_policy
// block on its line 3.
const compliantPolicy = `resource "aws_networkfirewall_firewall_policy" "dmz" {
  name = "dmz"
  firewall_policy {
    stateless_default_actions          = ["aws:forward_to_sfe"]
    stateless_fragment_default_actions = ["aws:forward_to_sfe"]
    stateful_default_actions           = ["aws:drop_established", "aws:alert_established"]
    stateful_engine_options {
      rule_order = "STRICT_ORDER"
    }
    stateful_rule_group_reference {
      priority     = 10
      resource_arn = aws_networkfirewall_rule_group.allow.arn
    }
  }
}`

const dmzPolicy = "aws_networkfirewall_firewall_policy.dmz"

func policyNoAllowlist(policy, why string) string {
	return "更新用 DMZ のファイアウォールポリシー " + policy + " が FQDN のホワイトリストを参照していません（" + why + "）。DMZ の通信は FQDN のホワイトリストで制限する必要があります。generated_rules_type = \"ALLOWLIST\" で target_types が TLS_SNI・HTTP_HOST の rules_source_list を持つ STATEFUL のルールグループを作り、stateful_rule_group_reference で参照してください。" + dmzCite
}

func policyRuleOrder(policy, current string) string {
	return "更新用 DMZ のファイアウォールポリシー " + policy + " のステートフルルールの評価順が STRICT_ORDER ではありません（" + current + "）。ホワイトリストにない通信を既定で拒否できるよう、stateful_engine_options に rule_order = \"STRICT_ORDER\" を設定してください。" + dmzCite
}

func policyDefaultAction(policy, current string) string {
	return "更新用 DMZ のファイアウォールポリシー " + policy + " はどのルールにも一致しない通信を拒否しません（" + current + "）。ホワイトリストにない通信を拒否するため、stateful_default_actions に拒否の動作（\"aws:drop_established\"、\"aws:drop_established_app_layer\" または \"aws:drop_strict\"）を含めてください。" + dmzCite
}

func policyStatelessPass(policy, attr string) string {
	return "更新用 DMZ のファイアウォールポリシー " + policy + " の " + attr + " が \"aws:pass\" のため、ステートレスルールに一致しない通信がステートフルルール（ホワイトリスト）の検査を受けずに通過します。\"aws:forward_to_sfe\" にしてください。" + dmzCite
}

func policyUnverified(subject, name, why string) string {
	return "strict: " + subject + " の FQDN ホワイトリストと既定の拒否を確認できません。" + name + ": " + why + "。" + dmzCite
}

const (
	ruleOrderUnset     = "rule_order が未設定で、既定は DEFAULT_ACTION_ORDER です"
	defaultActionUnset = "stateful_default_actions が未設定で、どのルールにも一致しない通信は通過します"
)

func TestAwsNetworkfirewallPolicyAllowlistRule(t *testing.T) {
	rule := NewAwsNetworkfirewallPolicyAllowlistRule()
	notice := linttest.Notice(rule)
	cases := []struct {
		Name     string
		Content  string
		Config   *config.Config
		Expected helper.Issues
	}{
		{
			Name:     "allowlist, strict order and default drop pass",
			Content:  dmzFirewall + compliantPolicy,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "deny list only is reported at the firewall_policy block",
			Content: dmzFirewall + `resource "aws_networkfirewall_rule_group" "deny" {
  name     = "deny"
  type     = "STATEFUL"
  capacity = 100
  rule_group {
    rules_source {
      rules_source_list {
        generated_rules_type = "DENYLIST"
        target_types         = ["TLS_SNI"]
        targets              = [".example.net"]
      }
    }
  }
}

` + strings.Replace(compliantPolicy, "aws_networkfirewall_rule_group.allow.arn", "aws_networkfirewall_rule_group.deny.arn", 1),
			Expected: helper.Issues{dmzIssue(rule, policyNoAllowlist(dmzPolicy, "参照するルールグループ（aws_networkfirewall_rule_group.deny）はどれもドメインのホワイトリストではありません"), fl(18), 3, fl(18), 18)},
		},
		{
			Name: "policy without stateful rule groups is reported",
			Content: dmzFirewall + `resource "aws_networkfirewall_firewall_policy" "dmz" {
  name = "dmz"
  firewall_policy {
    stateless_default_actions          = ["aws:forward_to_sfe"]
    stateless_fragment_default_actions = ["aws:forward_to_sfe"]
    stateful_default_actions           = ["aws:drop_strict"]
    stateful_engine_options {
      rule_order = "STRICT_ORDER"
    }
  }
}`,
			Expected: helper.Issues{dmzIssue(rule, policyNoAllowlist(dmzPolicy, "ステートフルのルールグループを参照していません"), fl(3), 3, fl(3), 18)},
		},
		{
			Name: "default pass is reported for the rule order and the default action",
			Content: dmzFirewall + `resource "aws_networkfirewall_firewall_policy" "dmz" {
  name = "dmz"
  firewall_policy {
    stateless_default_actions          = ["aws:forward_to_sfe"]
    stateless_fragment_default_actions = ["aws:forward_to_sfe"]
    stateful_rule_group_reference {
      resource_arn = aws_networkfirewall_rule_group.allow.arn
    }
  }
}`,
			Expected: helper.Issues{
				dmzIssue(rule, policyRuleOrder(dmzPolicy, ruleOrderUnset), fl(3), 3, fl(3), 18),
				dmzIssue(rule, policyDefaultAction(dmzPolicy, defaultActionUnset), fl(3), 3, fl(3), 18),
			},
		},
		{
			Name: "default action order and an alert-only default action are reported at their values",
			Content: dmzFirewall + strings.NewReplacer(
				`"STRICT_ORDER"`, `"DEFAULT_ACTION_ORDER"`,
				`["aws:drop_established", "aws:alert_established"]`, `["aws:alert_strict"]`,
			).Replace(compliantPolicy),
			Expected: helper.Issues{
				dmzIssue(rule, policyRuleOrder(dmzPolicy, `rule_order = "DEFAULT_ACTION_ORDER"`), fl(8), 20, fl(8), 42),
				dmzIssue(rule, policyDefaultAction(dmzPolicy, `stateful_default_actions = ["aws:alert_strict"]`), fl(6), 42, fl(6), 62),
			},
		},
		{
			Name: "application-layer drop passes",
			Content: dmzFirewall + strings.Replace(compliantPolicy,
				`["aws:drop_established", "aws:alert_established"]`,
				`["aws:drop_established_app_layer", "aws:alert_established_app_layer"]`, 1),
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "stateless default pass is reported at its value",
			Content: dmzFirewall + strings.Replace(compliantPolicy,
				`stateless_default_actions          = ["aws:forward_to_sfe"]`,
				`stateless_default_actions          = ["aws:pass"]`, 1),
			Expected: helper.Issues{dmzIssue(rule, policyStatelessPass(dmzPolicy, "stateless_default_actions"), fl(4), 42, fl(4), 54)},
		},
		{
			Name: "rule order from a variable default is read",
			Content: `variable "rule_order" {
  type    = string
  default = "DEFAULT_ACTION_ORDER"
}
` + dmzFirewall + strings.Replace(compliantPolicy, `rule_order = "STRICT_ORDER"`, `rule_order = var.rule_order`, 1),
			Expected: helper.Issues{dmzIssue(rule, policyRuleOrder(dmzPolicy, `rule_order = "DEFAULT_ACTION_ORDER"`), fl(12), 20, fl(12), 34)},
		},
		{
			Name: "Suricata rules that pass by TLS SNI are an allowlist",
			Content: dmzFirewall + `resource "aws_networkfirewall_rule_group" "suricata" {
  name     = "suricata"
  type     = "STATEFUL"
  capacity = 100
  rule_group {
    stateful_rule_options {
      rule_order = "STRICT_ORDER"
    }
    rules_source {
      rules_string = <<-EOT
        pass tls $HOME_NET any -> $EXTERNAL_NET 443 (tls.sni; dotprefix; content:".windowsupdate.com"; endswith; msg:"Windows Update"; sid:1; rev:1;)
        pass http $HOME_NET any -> $EXTERNAL_NET 80 (http.host; dotprefix; content:".windowsupdate.com"; endswith; sid:2; rev:1;)
      EOT
    }
  }
}

` + strings.Replace(compliantPolicy, "aws_networkfirewall_rule_group.allow.arn", "aws_networkfirewall_rule_group.suricata.arn", 1),
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "Suricata rules that pass by port only are not an allowlist",
			Content: dmzFirewall + `resource "aws_networkfirewall_rule_group" "suricata" {
  name     = "suricata"
  type     = "STATEFUL"
  capacity = 100
  rules    = "pass tcp $HOME_NET any -> $EXTERNAL_NET 443 (msg:\"HTTPS\"; sid:1; rev:1;)"
}

` + strings.Replace(compliantPolicy, "aws_networkfirewall_rule_group.allow.arn", "aws_networkfirewall_rule_group.suricata.arn", 1),
			Expected: helper.Issues{dmzIssue(rule, policyNoAllowlist(dmzPolicy, "参照するルールグループ（aws_networkfirewall_rule_group.suricata）はどれもドメインのホワイトリストではありません"), fl(10), 3, fl(10), 18)},
		},
		{
			Name: "AWS managed rule group is not an allowlist",
			Content: dmzFirewall + strings.Replace(compliantPolicy, "aws_networkfirewall_rule_group.allow.arn",
				`"arn:aws:network-firewall:ap-northeast-1:aws-managed:stateful-rulegroup/AbusedLegitMalwareDomainsStrictOrder"`, 1),
			Expected: helper.Issues{dmzIssue(rule, policyNoAllowlist(dmzPolicy, "参照するルールグループ（arn:aws:network-firewall:ap-northeast-1:aws-managed:stateful-rulegroup/AbusedLegitMalwareDomainsStrictOrder）はどれもドメインのホワイトリストではありません"), fl(3), 3, fl(3), 18)},
		},
		{
			Name: "policy of a firewall outside the DMZ is not reported",
			Content: strings.Replace(dmzFirewall, `Segment = "dmz"`, `Segment = "internet"`, 1) + `resource "aws_networkfirewall_firewall_policy" "dmz" {
  name = "dmz"
  firewall_policy {
    stateless_default_actions          = ["aws:forward_to_sfe"]
    stateless_fragment_default_actions = ["aws:forward_to_sfe"]
  }
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{},
		},
		{
			Name: "policy tagged for the DMZ is checked without a firewall",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_networkfirewall_firewall_policy" "dmz" {
  name = "dmz"
  tags = { Segment = "dmz" }
  firewall_policy {
    stateless_default_actions          = ["aws:forward_to_sfe"]
    stateless_fragment_default_actions = ["aws:forward_to_sfe"]
    stateful_default_actions           = ["aws:drop_established"]
    stateful_engine_options {
      rule_order = "STRICT_ORDER"
    }
  }
}`,
			Expected: helper.Issues{dmzIssue(rule, policyNoAllowlist(dmzPolicy, "ステートフルのルールグループを参照していません"), 9, 3, 9, 18)},
		},
		{
			Name: "firewall placed in the DMZ by its subnet",
			Content: `
provider "aws" {
  region = "ap-northeast-1"
}

resource "aws_vpc" "shared" {
  cidr_block = "10.50.0.0/16"
}

resource "aws_subnet" "firewall" {
  vpc_id     = aws_vpc.shared.id
  cidr_block = "10.50.0.0/28"
  tags       = { Segment = "dmz" }
}

resource "aws_networkfirewall_firewall" "dmz" {
  name                = "dmz"
  firewall_policy_arn = aws_networkfirewall_firewall_policy.dmz.arn
  vpc_id              = aws_vpc.shared.id
  subnet_mapping {
    subnet_id = aws_subnet.firewall.id
  }
}

resource "aws_networkfirewall_firewall_policy" "dmz" {
  name = "dmz"
  firewall_policy {
    stateless_default_actions          = ["aws:forward_to_sfe"]
    stateless_fragment_default_actions = ["aws:forward_to_sfe"]
    stateful_default_actions           = ["aws:drop_established"]
    stateful_engine_options {
      rule_order = "STRICT_ORDER"
    }
  }
}`,
			Expected: helper.Issues{dmzIssue(rule, policyNoAllowlist(dmzPolicy, "ステートフルのルールグループを参照していません"), 27, 3, 27, 18)},
		},
		{
			Name: "unknown rule group is not reported",
			Content: `variable "rule_group_arn" {
  type = string
}
` + dmzFirewall + strings.Replace(compliantPolicy, "aws_networkfirewall_rule_group.allow.arn", "var.rule_group_arn", 1),
			Expected: helper.Issues{},
		},
		{
			Name: "unknown rule group is named by a strict notice",
			Content: `variable "rule_group_arn" {
  type = string
}
` + dmzFirewall + strings.Replace(compliantPolicy, "aws_networkfirewall_rule_group.allow.arn", "var.rule_group_arn", 1),
			Config:   linttest.Strict(),
			Expected: helper.Issues{dmzIssue(notice, policyUnverified(dmzPolicy, "resource_arn", "モジュールの外か、コードにないルールグループを指しています"), fl(15), 22, fl(15), 40)},
		},
		{
			Name: "unknown generated rules type is named by a strict notice",
			Content: `variable "list_type" {
  type = string
}
` + strings.Replace(dmzFirewall, `generated_rules_type = "ALLOWLIST"`, `generated_rules_type = var.list_type`, 1) + compliantPolicy,
			Config:   linttest.Strict(),
			Expected: helper.Issues{dmzIssue(notice, policyUnverified(dmzPolicy, "generated_rules_type", "lint 時に値が決まりません"), 33, 32, 33, 45)},
		},
		{
			Name: "dynamic rule group references with an unknown for_each are named by a strict notice",
			Content: `variable "rule_groups" {
  type = map(string)
}
` + dmzFirewall + `resource "aws_networkfirewall_firewall_policy" "dmz" {
  name = "dmz"
  firewall_policy {
    stateless_default_actions          = ["aws:forward_to_sfe"]
    stateless_fragment_default_actions = ["aws:forward_to_sfe"]
    stateful_default_actions           = ["aws:drop_established"]
    stateful_engine_options {
      rule_order = "STRICT_ORDER"
    }
    dynamic "stateful_rule_group_reference" {
      for_each = var.rule_groups
      content {
        priority     = stateful_rule_group_reference.key
        resource_arn = stateful_rule_group_reference.value
      }
    }
  }
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{dmzIssue(notice, policyUnverified(dmzPolicy, "for_each", "dynamic ブロックが作るブロックを lint 時に確認できません"), fl(14), 18, fl(14), 33)},
		},
		{
			Name:     "firewall naming a policy outside the module is named by a strict notice",
			Content:  strings.Replace(dmzFirewall, "aws_networkfirewall_firewall_policy.dmz.arn", `"arn:aws:network-firewall:ap-northeast-1:111122223333:firewall-policy/dmz"`, 1),
			Config:   linttest.Strict(),
			Expected: helper.Issues{dmzIssue(notice, policyUnverified("aws_networkfirewall_firewall.dmz", "firewall_policy_arn", "モジュールの外か、コードにないポリシーを指しています"), 13, 25, 13, 99)},
		},
		{
			Name: "policy whose segment cannot be decided is named by a strict notice",
			Content: `variable "tags" {
  type = map(string)
}
` + strings.Replace(dmzFirewall, `tags       = { Segment = "dmz" }`, `tags       = var.tags`, 1) + `resource "aws_networkfirewall_firewall_policy" "dmz" {
  name = "dmz"
  firewall_policy {
    stateless_default_actions          = ["aws:forward_to_sfe"]
    stateless_fragment_default_actions = ["aws:forward_to_sfe"]
  }
}`,
			Config:   linttest.Strict(),
			Expected: helper.Issues{dmzIssue(notice, policyUnverified(dmzPolicy, "aws_vpc.dmz のタグ Segment", "更新用 DMZ で使われるか決められません（lint 時に値が決まりません）"), 11, 16, 11, 24)},
		},
		{
			Name: "English messages",
			Content: dmzFirewall + `resource "aws_networkfirewall_firewall_policy" "dmz" {
  name = "dmz"
  firewall_policy {
    stateless_default_actions          = ["aws:forward_to_sfe"]
    stateless_fragment_default_actions = ["aws:pass"]
  }
}`,
			Config: linttest.English(),
			Expected: helper.Issues{
				dmzIssue(rule, `Firewall policy aws_networkfirewall_firewall_policy.dmz of the update DMZ refers to no FQDN allowlist (it refers to no stateful rule group); the DMZ's traffic must be limited by an FQDN allowlist. Create a STATEFUL rule group whose rules_source_list has generated_rules_type = "ALLOWLIST" and target_types TLS_SNI and HTTP_HOST, and refer to it in a stateful_rule_group_reference. [Guideline 4.3.1.3 / JIS Q 27017 13.1.3, 12.6.1, 12.2.1]`, fl(3), 3, fl(3), 18),
				dmzIssue(rule, `Firewall policy aws_networkfirewall_firewall_policy.dmz of the update DMZ does not evaluate its stateful rules in strict order (rule_order is not set and defaults to DEFAULT_ACTION_ORDER); set rule_order = "STRICT_ORDER" in stateful_engine_options, so that traffic not on the allowlist can be dropped by default. [Guideline 4.3.1.3 / JIS Q 27017 13.1.3, 12.6.1, 12.2.1]`, fl(3), 3, fl(3), 18),
				dmzIssue(rule, `Firewall policy aws_networkfirewall_firewall_policy.dmz of the update DMZ does not drop traffic that matches no rule (stateful_default_actions is not set, so traffic that matches no rule passes); include a drop action ("aws:drop_established", "aws:drop_established_app_layer" or "aws:drop_strict") in stateful_default_actions, so that traffic not on the allowlist is dropped. [Guideline 4.3.1.3 / JIS Q 27017 13.1.3, 12.6.1, 12.2.1]`, fl(3), 3, fl(3), 18),
				dmzIssue(rule, `Firewall policy aws_networkfirewall_firewall_policy.dmz of the update DMZ has "aws:pass" in stateless_fragment_default_actions, so traffic that matches no stateless rule passes without the stateful rules (the allowlist) inspecting it; use "aws:forward_to_sfe". [Guideline 4.3.1.3 / JIS Q 27017 13.1.3, 12.6.1, 12.2.1]`, fl(5), 42, fl(5), 54),
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := linttest.Run(t, rule, map[string]string{"resource.tf": tc.Content}, tc.Config)
			helper.AssertIssues(t, tc.Expected, runner.Issues)
		})
	}
}

func TestSuricataPassesDomains(t *testing.T) {
	cases := []struct {
		Name  string
		Rules string
		Want  bool
	}{
		{"pass by TLS SNI", `pass tls $HOME_NET any -> $EXTERNAL_NET any (tls.sni; content:"example.com"; sid:1;)`, true},
		{"pass by HTTP Host", `pass http $HOME_NET any -> $EXTERNAL_NET any (http.host; content:"example.com"; sid:1;)`, true},
		{"legacy keyword", `pass tls any any -> any any (tls_sni; content:"example.com"; sid:1;)`, true},
		{"drop by TLS SNI", `drop tls $HOME_NET any -> $EXTERNAL_NET any (tls.sni; content:"example.com"; sid:1;)`, false},
		{"pass by port", `pass tcp $HOME_NET any -> $EXTERNAL_NET 443 (msg:"https"; sid:1;)`, false},
		{"keyword in a message only", `pass tcp any any -> any any (msg:"tls.sni"; sid:1;)`, false},
		{"commented out", `# pass tls any any -> any any (tls.sni; content:"example.com"; sid:1;)`, false},
		{"second line", "drop tcp any any -> any 25 (sid:1;)\n  pass tls any any -> any any (tls.sni; content:\"x\"; sid:2;)", true},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			if got := suricataPassesDomains(tc.Rules); got != tc.Want {
				t.Errorf("suricataPassesDomains(%q) = %v, want %v", tc.Rules, got, tc.Want)
			}
		})
	}
}
