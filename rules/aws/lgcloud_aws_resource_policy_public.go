package aws

import (
	"fmt"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/policy"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// AwsResourcePolicyPublicRule checks that the resource policies of SQS
// queues, SNS topics, ECR repositories and Secrets Manager secrets do not
// let anyone in: an Allow statement with Principal "*" must be limited by a
// condition on the caller's organisation, account, network or source. KMS
// key policies are checked by AwsKmsKeyPolicyOpenRule, which reads them
// with the conditions that limit a key's callers.
type AwsResourcePolicyPublicRule struct{ lint.Meta }

var _ lint.Rule = (*AwsResourcePolicyPublicRule)(nil)

// resourcePolicies are the resource types whose `policy` argument is a
// resource policy, with the service each belongs to.
var resourcePolicies = []struct {
	resourceType string
	service      project.Text
}{
	{"aws_sqs_queue", serviceSQS},
	{"aws_sqs_queue_policy", serviceSQS},
	{"aws_sns_topic", serviceSNS},
	{"aws_sns_topic_policy", serviceSNS},
	{"aws_ecr_repository_policy", project.Text{JA: "ECR リポジトリ", EN: "ECR repository"}},
	{"aws_secretsmanager_secret", serviceSecret},
	{"aws_secretsmanager_secret_policy", serviceSecret},
}

var (
	serviceSQS    = project.Text{JA: "SQS キュー", EN: "SQS queue"}
	serviceSNS    = project.Text{JA: "SNS トピック", EN: "SNS topic"}
	serviceSecret = project.Text{JA: "Secrets Manager シークレット", EN: "Secrets Manager secret"}
)

// NewAwsResourcePolicyPublicRule returns the rule.
func NewAwsResourcePolicyPublicRule() *AwsResourcePolicyPublicRule {
	reads := lint.Reads{}
	for _, rp := range resourcePolicies {
		reads[rp.resourceType] = &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "policy"}}}
	}
	return &AwsResourcePolicyPublicRule{lint.Meta{
		RuleName: "lgcloud_aws_resource_policy_public",
		Level:    tflint.ERROR,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.6.3.2"},
		Summary:  project.Text{JA: "SQS・SNS・ECR・Secrets Manager のリソースポリシーで誰にでもアクセスを許可しない", EN: "SQS, SNS, ECR and Secrets Manager resource policies do not let anyone in"},
		Reads:    withPolicyDocuments(reads),
	}}
}

var msgPublicResourcePolicy = project.Text{
	JA: "%sのリソースポリシー %s の文 %s は誰にでも（Principal \"*\"）アクセスを許可しています。必要な相手だけをプリンシパルに指定するか、aws:PrincipalOrgID や aws:SourceArn などの条件で制限してください。",
	EN: "%s resource policy %s: statement %s lets anyone in (Principal \"*\"); name only the principals that need access, or restrict it with a condition such as aws:PrincipalOrgID or aws:SourceArn.",
}

// Check reports, at the policy expression, each statement of a resource
// policy that opens the resource to the public. A document that cannot be
// read, and a statement whose effect or principal cannot be known, are
// named in strict mode only.
func (r *AwsResourcePolicyPublicRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	for _, rp := range resourcePolicies {
		resources, err := runner.Resources(r, rp.resourceType)
		if err != nil {
			return err
		}
		for _, resource := range resources {
			doc, err := readDocument(runner, r, resource.Body, "policy")
			if err != nil {
				return err
			}
			if err := r.checkDocument(runner, doc, rp.service, lint.Address(resource)); err != nil {
				return err
			}
		}
	}
	return nil
}

func (r *AwsResourcePolicyPublicRule) checkDocument(runner *lint.Runner, doc Document, service project.Text, name string) error {
	what := project.Text{
		JA: service.JA + "のリソースポリシーの公開範囲",
		EN: "who the " + service.EN + " resource policy lets in",
	}
	if doc.Doc == nil {
		return runner.Unverified(r, doc.Value, what)
	}
	for i, st := range doc.Doc.Statements {
		label := statementLabel(st, i)
		switch st.Exposure() {
		case policy.Public:
			if err := runner.Report(r, doc.Value.Range, msgPublicResourcePolicy, service.In(runner.Config.Language), name, label); err != nil {
				return err
			}
		case policy.MaybePublic:
			unknown := doc.Value
			unknown.State = lint.Unknown
			unknown.Why = statementUnknown(label)
			if err := runner.Unverified(r, unknown, what); err != nil {
				return err
			}
		}
	}
	return nil
}

// statementUnknown says why a statement that may open a resource to the
// public could not be checked.
func statementUnknown(label string) project.Text {
	return project.Text{
		JA: fmt.Sprintf("文 %s の効果、プリンシパルまたは条件が lint 時に決まりません", label),
		EN: fmt.Sprintf("the effect, principal or a condition of statement %s is not known at lint time", label),
	}
}
