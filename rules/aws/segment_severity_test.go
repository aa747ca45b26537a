package aws

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint/linttest"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// severities returns "severity rule: message" of each issue, sorted.
func severities(issues helper.Issues) []string {
	out := make([]string, len(issues))
	for i, issue := range issues {
		out[i] = fmt.Sprintf("%s %s: %s", issue.Rule.Severity(), issue.Rule.Name(), issue.Message)
	}
	slices.Sort(out)
	return out
}

// atLevel returns what severities gives for the baseline issues reported
// at another severity.
func atLevel(baseline helper.Issues, sev tflint.Severity) []string {
	out := make([]string, len(baseline))
	for i, issue := range baseline {
		out[i] = fmt.Sprintf("%s %s: %s", sev, issue.Rule.Name(), issue.Message)
	}
	slices.Sort(out)
	return out
}

// Segment tags as a resource carries them, and as provider default_tags.
const (
	tagMyNumber = `tags = { Segment = "mynumber" }`
	tagLGWAN    = `tags = { Segment = "lgwan" }`
)

func defaultTags(segment string) string {
	return `
provider "aws" {
  region = "ap-northeast-1"
  default_tags {
    tags = {
      Segment = "` + segment + `"
    }
  }
}
`
}

// segmentSeverityRules are the rules that warn and report a resource of
// the mynumber segment as an ERROR, each with a resource that breaks it,
// written with %s where the resource's own tags go.
var segmentSeverityRules = []struct {
	Rule     lint.Rule
	Resource string
}{
	{NewAwsAcmCertificateKeyAlgorithmRule(), `
resource "aws_acm_certificate" "site" {
  domain_name   = "www.city.example.lg.jp"
  key_algorithm = "RSA_1024"
  %s
}`},
	{NewAwsAPIGatewayDomainTLSPolicyRule(), `
resource "aws_api_gateway_domain_name" "api" {
  domain_name     = "api.city.example.lg.jp"
  security_policy = "TLS_1_0"
  %s
}`},
	{NewAwsAPIGatewayDomainTLSPolicyRule(), `
resource "aws_apigatewayv2_domain_name" "api" {
  domain_name = "api.city.example.lg.jp"
  domain_name_configuration {
    endpoint_type   = "REGIONAL"
    security_policy = "TLS_1_0"
  }
  %s
}`},
	{NewAwsCloudfrontTLSPolicyRule(), `
resource "aws_cloudfront_distribution" "site" {
  viewer_certificate {
    cloudfront_default_certificate = true
  }
  default_cache_behavior {
    viewer_protocol_policy = "allow-all"
  }
  %s
}`},
	{NewAwsDocdbClusterEncryptedRule(), `
resource "aws_docdb_cluster" "records" {
  cluster_identifier = "records"
  %s
}`},
	{NewAwsElasticacheEncryptedRule(), `
resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id = "sessions"
  engine               = "redis"
  %s
}`},
	{NewAwsElasticacheEncryptedRule(), `
resource "aws_elasticache_cluster" "cache" {
  cluster_id = "cache"
  engine     = "memcached"
  %s
}`},
	{NewAwsKinesisStreamEncryptedRule(), `
resource "aws_kinesis_stream" "events" {
  name = "events"
  %s
}`},
	{NewAwsKmsKeySpecRule(), `
resource "aws_kms_key" "signing" {
  customer_master_key_spec = "RSA_1024"
  %s
}`},
	{NewAwsLbListenerHTTPSRedirectRule(), `
resource "aws_lb_listener" "plain" {
  load_balancer_arn = var.lb_arn
  port              = 80
  protocol          = "HTTP"
  default_action {
    type             = "forward"
    target_group_arn = var.target_group_arn
  }
  %s
}`},
	{NewAwsLbListenerTLSPolicyRule(), `
resource "aws_lb_listener" "https" {
  load_balancer_arn = var.lb_arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-2016-08"
  %s
}`},
	{NewAwsMskClusterEncryptedRule(), `
resource "aws_msk_cluster" "events" {
  cluster_name = "events"
  encryption_info {
    encryption_in_transit {
      client_broker = "PLAINTEXT"
      in_cluster    = false
    }
  }
  %s
}`},
	{NewAwsOpensearchDomainEncryptedRule(), `
resource "aws_opensearch_domain" "search" {
  domain_name = "search"
  %s
}`},
	{NewAwsOpensearchTLSPolicyRule(), `
resource "aws_opensearch_domain" "search" {
  domain_name = "search"
  domain_endpoint_options {
    enforce_https       = false
    tls_security_policy = "Policy-Min-TLS-1-0-2019-07"
  }
  %s
}`},
	{NewAwsRDSParameterTLSEnforcedRule(), `
resource "aws_db_parameter_group" "db" {
  family = "postgres14"
  parameter {
    name  = "rds.force_ssl"
    value = "0"
  }
  %s
}`},
	{NewAwsRedshiftClusterEncryptedRule(), `
resource "aws_redshift_cluster" "warehouse" {
  cluster_identifier = "warehouse"
  encrypted          = false
  %s
}`},
	{NewAwsSnsTopicEncryptedRule(), `
resource "aws_sns_topic" "notices" {
  name = "notices"
  %s
}`},
	{NewAwsSqsQueueEncryptedRule(), `
resource "aws_sqs_queue" "jobs" {
  sqs_managed_sse_enabled = false
  %s
}`},
	{NewAwsTransferTLSPolicyRule(), `
resource "aws_transfer_server" "files" {
  protocols = ["SFTP", "FTP"]
  %s
}`},
	{NewAwsWorkspacesEncryptedRule(), `
resource "aws_workspaces_workspace" "desk" {
  bundle_id = "wsb-0123456789"
  %s
}`},
}

// TestSegmentSeverity checks that each rule reports a resource of the
// mynumber segment, by its own tag or by its provider's default_tags, as
// an ERROR, and any other at its level, with the same findings.
func TestSegmentSeverity(t *testing.T) {
	cases := []struct {
		Name     string
		Provider string
		Tags     string
		Want     tflint.Severity
	}{
		{Name: "own tag mynumber is an error", Tags: tagMyNumber, Want: tflint.ERROR},
		{Name: "own tag of another segment is a warning", Tags: tagLGWAN, Want: tflint.WARNING},
		{Name: "provider default_tags mynumber is an error", Provider: defaultTags("mynumber"), Want: tflint.ERROR},
		{Name: "provider default_tags of another segment is a warning", Provider: defaultTags("internet"), Want: tflint.WARNING},
		{Name: "own tag wins over default_tags", Provider: defaultTags("mynumber"), Tags: tagLGWAN, Want: tflint.WARNING},
		{Name: "no segment is a warning", Provider: `provider "aws" {}`, Want: tflint.WARNING},
	}
	for _, rc := range segmentSeverityRules {
		for _, cfg := range []*config.Config{nil, linttest.Strict()} {
			baseline := linttest.Run(t, rc.Rule, map[string]string{"resource.tf": fmt.Sprintf(rc.Resource, "")}, cfg).Issues
			var bad helper.Issues
			for _, issue := range baseline {
				if issue.Rule.Severity() != tflint.NOTICE {
					bad = append(bad, issue)
				}
			}
			if len(bad) == 0 {
				t.Fatalf("%s: the resource is not reported:\n%s", rc.Rule.Name(), rc.Resource)
			}
			for _, tc := range cases {
				name := rc.Rule.Name() + "/" + strings.Trim(strings.Fields(rc.Resource)[1], `"`) + "/" + tc.Name
				if cfg != nil {
					name += " (strict)"
				}
				t.Run(name, func(t *testing.T) {
					src := tc.Provider + fmt.Sprintf(rc.Resource, tc.Tags)
					got := linttest.Run(t, rc.Rule, map[string]string{"resource.tf": src}, cfg).Issues
					var findings, notices helper.Issues
					for _, issue := range got {
						if issue.Rule.Severity() == tflint.NOTICE {
							notices = append(notices, issue)
						} else {
							findings = append(findings, issue)
						}
					}
					if diff := cmp.Diff(atLevel(bad, tc.Want), severities(findings)); diff != "" {
						t.Errorf("findings (-want +got):\n%s", diff)
					}
					if diff := cmp.Diff(len(baseline)-len(bad), len(notices)); diff != "" {
						t.Errorf("strict notices (-want +got):\n%s", diff)
					}
				})
			}
		}
	}
}

// TestSegmentSeverityRelated checks the resources placed through others:
// a listener through its load balancer, a parameter group through the
// databases that use it, a database through its network.
func TestSegmentSeverityRelated(t *testing.T) {
	const network = `
resource "aws_vpc" "core" {
  cidr_block = "10.10.0.0/16"
  tags       = { Segment = "%s" }
}

resource "aws_subnet" "a" {
  vpc_id     = aws_vpc.core.id
  cidr_block = "10.10.1.0/24"
}
`
	listener := `
resource "aws_lb" "app" {
  internal = true
  subnets  = [aws_subnet.a.id]
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.app.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-2016-08"
}
`
	redirect := `
resource "aws_lb" "app" {
  internal = true
  %s
}

resource "aws_lb_listener" "plain" {
  load_balancer_arn = aws_lb.app.arn
  port              = 80
  protocol          = "HTTP"
  default_action {
    type             = "forward"
    target_group_arn = var.target_group_arn
  }
}
`
	group := `
resource "aws_db_parameter_group" "db" {
  family = "postgres14"
}

resource "aws_db_instance" "db" {
  engine               = "postgres"
  engine_version       = "14.12"
  parameter_group_name = aws_db_parameter_group.db.name
  %s
}
`
	clusterGroup := `
resource "aws_rds_cluster_parameter_group" "db" {
  family = "aurora-mysql8.0"
}

resource "aws_rds_cluster" "db" {
  engine                          = "aurora-mysql"
  db_cluster_parameter_group_name = aws_rds_cluster_parameter_group.db.name
  %s
}
`
	redshift := `
resource "aws_redshift_subnet_group" "warehouse" {
  name       = "warehouse"
  subnet_ids = [aws_subnet.a.id]
}

resource "aws_redshift_cluster" "warehouse" {
  cluster_identifier        = "warehouse"
  cluster_subnet_group_name = aws_redshift_subnet_group.warehouse.name
  encrypted                 = false
}
`
	cases := []struct {
		Name    string
		Rule    lint.Rule
		Content string
		Want    tflint.Severity
	}{
		{"listener of a load balancer in a mynumber network", NewAwsLbListenerTLSPolicyRule(), fmt.Sprintf(network, "mynumber") + listener, tflint.ERROR},
		{"listener of a load balancer in an lgwan network", NewAwsLbListenerTLSPolicyRule(), fmt.Sprintf(network, "lgwan") + listener, tflint.WARNING},
		{"listener of a load balancer tagged mynumber", NewAwsLbListenerHTTPSRedirectRule(), fmt.Sprintf(redirect, tagMyNumber), tflint.ERROR},
		{"listener of a load balancer tagged lgwan", NewAwsLbListenerHTTPSRedirectRule(), fmt.Sprintf(redirect, tagLGWAN), tflint.WARNING},
		{"listener of a load balancer without a segment", NewAwsLbListenerHTTPSRedirectRule(), fmt.Sprintf(redirect, ""), tflint.WARNING},
		{"parameter group of a mynumber database", NewAwsRDSParameterTLSEnforcedRule(), fmt.Sprintf(group, tagMyNumber), tflint.ERROR},
		{"parameter group of an lgwan database", NewAwsRDSParameterTLSEnforcedRule(), fmt.Sprintf(group, tagLGWAN), tflint.WARNING},
		{"parameter group of a database in a mynumber network", NewAwsRDSParameterTLSEnforcedRule(),
			fmt.Sprintf(network, "mynumber") + fmt.Sprintf(group, "db_subnet_group_name = aws_db_subnet_group.db.name") + `
resource "aws_db_subnet_group" "db" {
  subnet_ids = [aws_subnet.a.id]
}
`, tflint.ERROR},
		{"cluster parameter group of a mynumber cluster", NewAwsRDSParameterTLSEnforcedRule(), fmt.Sprintf(clusterGroup, tagMyNumber), tflint.ERROR},
		{"cluster parameter group of an lgwan cluster", NewAwsRDSParameterTLSEnforcedRule(), fmt.Sprintf(clusterGroup, tagLGWAN), tflint.WARNING},
		{"Redshift cluster in a mynumber network", NewAwsRedshiftClusterEncryptedRule(), fmt.Sprintf(network, "mynumber") + redshift, tflint.ERROR},
		{"Redshift cluster in an lgwan network", NewAwsRedshiftClusterEncryptedRule(), fmt.Sprintf(network, "lgwan") + redshift, tflint.WARNING},
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			got := linttest.Run(t, tc.Rule, map[string]string{"resource.tf": tc.Content}, nil).Issues
			if len(got) == 0 {
				t.Fatal("nothing is reported")
			}
			for _, issue := range got {
				if issue.Rule.Severity() != tc.Want {
					t.Errorf("%s at %s is reported as %s, want %s", issue.Message, issue.Range, issue.Rule.Severity(), tc.Want)
				}
			}
		})
	}
}

// TestSegmentSeverityRange pins one finding of the mynumber segment whole:
// the same message and range as elsewhere, at ERROR.
func TestSegmentSeverityRange(t *testing.T) {
	rule := NewAwsSqsQueueEncryptedRule()
	const msg = "SQS キュー aws_sqs_queue.jobs のメッセージが暗号化されていません。sqs_managed_sse_enabled = true にするか、kms_master_key_id に KMS キーを指定してください。 [指針 4.6.1.1 / JIS Q 27017 10.1.1]"
	content := `
resource "aws_sqs_queue" "jobs" {
  sqs_managed_sse_enabled = false
  tags                    = { Segment = "mynumber" }
}`
	runner := linttest.Run(t, rule, map[string]string{"resource.tf": content}, nil)
	want := helper.Issues{encIssue(lint.AtSeverity(rule, tflint.ERROR), msg, 3, 29, 3, 34)}
	helper.AssertIssues(t, want, runner.Issues)
	if diff := cmp.Diff(severities(want), severities(runner.Issues)); diff != "" {
		t.Fatalf("(-want +got):\n%s", diff)
	}
	// The autofix is the same at either level.
	helper.AssertChanges(t, map[string]string{"resource.tf": strings.Replace(content, "= false", "= true", 1)}, runner.Changes())
}
