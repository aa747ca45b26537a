package aws

import (
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsLambdaPublicRule checks that no Lambda function can be invoked by
// anyone: neither through a function URL without authentication nor through
// a permission granted to every principal.
type AwsLambdaPublicRule struct{ lint.Meta }

var _ lint.Rule = (*AwsLambdaPublicRule)(nil)

// lambdaRestrictions are the arguments of aws_lambda_permission that limit
// a grant to principal "*" to a known source.
var lambdaRestrictions = []string{"source_arn", "source_account", "principal_org_id"}

// NewAwsLambdaPublicRule returns the rule.
func NewAwsLambdaPublicRule() *AwsLambdaPublicRule {
	permission := []hclext.AttributeSchema{{Name: "principal"}, {Name: "function_url_auth_type"}}
	for _, name := range lambdaRestrictions {
		permission = append(permission, hclext.AttributeSchema{Name: name})
	}
	return &AwsLambdaPublicRule{lint.Meta{
		RuleName: "lgcloud_aws_lambda_public",
		Level:    tflint.ERROR,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.6.3.2"},
		Summary:  project.Text{JA: "Lambda 関数を認証なしで誰でも呼び出せるようにしない", EN: "Lambda functions cannot be invoked by anyone without authentication"},
		Reads: lint.Reads{
			"aws_lambda_function_url": {Attributes: []hclext.AttributeSchema{{Name: "authorization_type"}}},
			"aws_lambda_permission":   {Attributes: permission},
		},
	}}
}

var msgLambdaURLNoAuth = project.Text{
	JA: "Lambda 関数 URL %s は authorization_type = \"NONE\" で、誰でも認証なしで関数を呼び出せます。authorization_type = \"AWS_IAM\" にして、呼び出し元を IAM で認証してください。",
	EN: "Lambda function URL %s has authorization_type = \"NONE\": anyone can invoke the function without authentication; set authorization_type = \"AWS_IAM\" so that callers are authenticated by IAM.",
}

var msgLambdaPermissionPublic = project.Text{
	JA: "Lambda の権限 %s は principal = \"*\" で、source_arn、source_account、principal_org_id のいずれもないため、誰でも関数を呼び出せます。principal に呼び出し元のサービスやアカウントを指定するか、これらの引数で呼び出し元を限定してください。",
	EN: "Lambda permission %s grants principal \"*\" without source_arn, source_account or principal_org_id: anyone can invoke the function; name the calling service or account in principal, or limit the callers with one of these arguments.",
}

var msgLambdaPermissionPublicURL = project.Text{
	JA: "Lambda の権限 %s は principal = \"*\" と function_url_auth_type = \"NONE\" で関数 URL を公開し、誰でも認証なしで関数を呼び出せます。関数 URL を authorization_type = \"AWS_IAM\" にし、principal に呼び出し元のアカウントを指定してください。",
	EN: "Lambda permission %s grants principal \"*\" with function_url_auth_type = \"NONE\": the function URL lets anyone invoke the function without authentication; use authorization_type = \"AWS_IAM\" on the function URL and name the calling account in principal.",
}

var (
	whatLambdaURLAuth   = project.Text{JA: "Lambda 関数 URL の認証方式", EN: "the authentication of a Lambda function URL"}
	whatLambdaPrincipal = project.Text{JA: "Lambda の権限の付与先", EN: "who a Lambda permission lets invoke the function"}
)

// Check reports function URLs without authentication, at authorization_type,
// and permissions granted to principal "*" without a source restriction, at
// principal. Values that cannot be known are named in strict mode only; a
// restriction whose value cannot be known still restricts.
func (r *AwsLambdaPublicRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	urls, err := runner.Resources(r, "aws_lambda_function_url")
	if err != nil {
		return err
	}
	for _, url := range urls {
		auth := runner.Attr(url.Body, "authorization_type", cty.String)
		if s, ok := auth.String(); ok && s == "NONE" {
			if err := runner.Report(r, auth.Range, msgLambdaURLNoAuth, lint.Address(url)); err != nil {
				return err
			}
		}
		if err := runner.Unverified(r, auth, whatLambdaURLAuth); err != nil {
			return err
		}
	}
	permissions, err := runner.Resources(r, "aws_lambda_permission")
	if err != nil {
		return err
	}
	for _, p := range permissions {
		if err := r.checkPermission(runner, p); err != nil {
			return err
		}
	}
	return nil
}

// checkPermission reports a permission granted to principal "*" that no
// source_arn, source_account or principal_org_id restricts.
func (r *AwsLambdaPublicRule) checkPermission(runner *lint.Runner, p *hclext.Block) error {
	principal := runner.Attr(p.Body, "principal", cty.String)
	if s, ok := principal.String(); ok && s != "*" {
		return nil
	}
	for _, name := range lambdaRestrictions {
		v := runner.Attr(p.Body, name, cty.String)
		if s, ok := v.String(); v.IsUnknown() || (ok && s != "") {
			return nil
		}
	}
	if principal.State != lint.Known {
		return runner.Unverified(r, principal, whatLambdaPrincipal)
	}
	msg := msgLambdaPermissionPublic
	if auth, ok := runner.Attr(p.Body, "function_url_auth_type", cty.String).String(); ok && auth == "NONE" {
		msg = msgLambdaPermissionPublicURL
	}
	return runner.Report(r, principal.Range, msg, lint.Address(p))
}
