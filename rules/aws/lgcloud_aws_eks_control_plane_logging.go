package aws

import (
	"fmt"
	"slices"
	"strings"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// AwsEksControlPlaneLoggingRule checks that EKS clusters send the control
// plane logs that record operations on the cluster and who performed them.
type AwsEksControlPlaneLoggingRule struct{ lint.Meta }

var _ lint.Rule = (*AwsEksControlPlaneLoggingRule)(nil)

// NewAwsEksControlPlaneLoggingRule returns the rule.
func NewAwsEksControlPlaneLoggingRule() *AwsEksControlPlaneLoggingRule {
	return &AwsEksControlPlaneLoggingRule{lint.Meta{
		RuleName: "lgcloud_aws_eks_control_plane_logging",
		Level:    tflint.ERROR,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.6.1.4", "4.7.1.3"},
		Summary:  project.Text{JA: "EKS クラスターの api・audit・authenticator のコントロールプレーンログを有効にする", EN: "EKS clusters enable the api, audit and authenticator control plane logs"},
		Reads: lint.Reads{
			"aws_eks_cluster": {Attributes: []hclext.AttributeSchema{{Name: "enabled_cluster_log_types"}}},
		},
	}}
}

// eksLogTypes are the control plane logs the rule requires: the API
// server's log (api), the audit log of every request to the Kubernetes API
// (audit), and the log of IAM authentication to the cluster
// (authenticator).
var eksLogTypes = []string{"api", "audit", "authenticator"}

var msgEksLogTypesMissing = project.Text{
	JA: "EKS クラスター %s のコントロールプレーンログ %s が有効になっていません。クラスターへの特権的な操作と認証の記録を残すため、enabled_cluster_log_types に追加してください。",
	EN: "EKS cluster %s does not enable the control plane logs %s; add them to enabled_cluster_log_types so that privileged operations on the cluster and authentications are recorded.",
}

var whatEksLogging = project.Text{JA: "EKS のコントロールプレーンログ", EN: "EKS control plane logging"}

// Check reports each cluster whose enabled_cluster_log_types lacks one of
// api, audit and authenticator, once, naming the missing ones. EKS sends
// no control plane log unless asked.
func (r *AwsEksControlPlaneLoggingRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	clusters, err := runner.Resources(r, "aws_eks_cluster")
	if err != nil {
		return err
	}
	for _, cluster := range sortedLogBlocks(clusters) {
		enabled, v := stringElems(runner, cluster.Body, "enabled_cluster_log_types")
		var missing []string
		for _, want := range eksLogTypes {
			if !slices.Contains(enabled, want) {
				missing = append(missing, fmt.Sprintf("%q", want))
			}
		}
		switch {
		case len(missing) == 0:
			continue
		case v.IsUnknown():
			if err := runner.Unverified(r, v, whatEksLogging); err != nil {
				return err
			}
			continue
		}
		at := cluster.DefRange
		if v.State == lint.Known {
			at = v.Range
		}
		if err := runner.Report(r, at, msgEksLogTypesMissing, lint.Address(cluster), strings.Join(missing, ", ")); err != nil {
			return err
		}
	}
	return nil
}
