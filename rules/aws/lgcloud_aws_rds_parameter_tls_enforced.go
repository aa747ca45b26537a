package aws

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsRDSParameterTLSEnforcedRule checks that RDS and Aurora parameter groups
// of the engines that can force TLS do force it: rds.force_ssl = 1 for
// PostgreSQL and SQL Server, require_secure_transport = ON for MySQL,
// MariaDB and Aurora MySQL.
type AwsRDSParameterTLSEnforcedRule struct{ lint.Meta }

var _ lint.Rule = (*AwsRDSParameterTLSEnforcedRule)(nil)

// NewAwsRDSParameterTLSEnforcedRule returns the rule.
func NewAwsRDSParameterTLSEnforcedRule() *AwsRDSParameterTLSEnforcedRule {
	group := &hclext.BodySchema{
		Attributes: []hclext.AttributeSchema{{Name: "family"}},
		Blocks: []hclext.BlockSchema{{
			Type: "parameter",
			Body: &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "name"}, {Name: "value"}}},
		}},
	}
	return &AwsRDSParameterTLSEnforcedRule{lint.Meta{
		RuleName: "lgcloud_aws_rds_parameter_tls_enforced",
		Level:    tflint.WARNING,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.6.1.1"},
		Summary:  project.Text{JA: "RDS・Aurora のパラメータグループで TLS 接続を必須にする", EN: "RDS and Aurora parameter groups force TLS connections"},
		Reads: segmentLevelReads(lint.Reads{
			"aws_db_parameter_group":          group,
			"aws_rds_cluster_parameter_group": group,
			"aws_db_instance": {Attributes: []hclext.AttributeSchema{
				{Name: "engine"}, {Name: "engine_version"}, {Name: "parameter_group_name"}, {Name: "replicate_source_db"},
			}},
			"aws_rds_cluster": {Attributes: []hclext.AttributeSchema{
				{Name: "engine"}, {Name: "engine_version"}, {Name: "db_cluster_parameter_group_name"},
			}},
			"aws_rds_cluster_instance": {Attributes: []hclext.AttributeSchema{{Name: "db_parameter_group_name"}}},
		}),
	}}
}

var (
	msgRDSParameterOff = project.Text{
		JA: "パラメータグループ %s は %s = %s で、TLS を使わない接続を受け付けます。%s を %s にしてください。",
		EN: "Parameter group %s sets %s = %s, so it accepts connections without TLS; set %s to %s.",
	}
	msgRDSParameterDefault = project.Text{
		JA: "パラメータグループ %s（%s）は %s を設定していないため、既定値 %s のまま TLS を使わない接続を受け付けます。parameter { name = \"%s\" value = \"%s\" } を追加してください。",
		EN: "Parameter group %s (%s) does not set %s, so it keeps the default %s and accepts connections without TLS; add parameter { name = \"%s\" value = \"%s\" }.",
	}
)

var (
	whatRDSFamily  = project.Text{JA: "パラメータグループのエンジンファミリー", EN: "the parameter group's engine family"}
	whatRDSTLS     = project.Text{JA: "データベースが TLS 接続を必須にしているか", EN: "whether the database forces TLS connections"}
	whatRDSDefault = project.Text{JA: "既定のパラメータグループで TLS 接続が必須か", EN: "whether the default parameter group forces TLS connections"}
)

// rdsTLSDefault is what an engine family does when its TLS parameter is not
// set.
type rdsTLSDefault int

const (
	rdsDefaultUnknown rdsTLSDefault = iota
	rdsDefaultAllowsPlain
	rdsDefaultForcesTLS
)

// rdsTLSParameter is the parameter that forces TLS in an engine family, with
// its value that forces it and its default.
type rdsTLSParameter struct {
	name, on, off string
	def           rdsTLSDefault
}

var (
	rdsForceSSL         = rdsTLSParameter{name: "rds.force_ssl", on: "1", off: "0"}
	rdsSecureTransport  = rdsTLSParameter{name: "require_secure_transport", on: "ON", off: "OFF"}
	rdsMySQLAllowsPlain = map[string]bool{"5.7": true, "8.0": true, "8.4": true}
)

// rdsFamilyTLS says which parameter forces TLS in a parameter group family
// ("postgres14", "aurora-mysql8.0", "sqlserver-se-16.0"), and its default;
// ok is false for a family that has no such parameter (Oracle, Db2, Aurora
// MySQL 1).
func rdsFamilyTLS(family string) (rdsTLSParameter, bool) {
	f := strings.ToLower(family)
	switch {
	case strings.HasPrefix(f, "aurora-postgresql"):
		p := rdsForceSSL
		if major, ok := rdsMajor(strings.TrimPrefix(f, "aurora-postgresql")); ok && major <= 16 {
			p.def = rdsDefaultAllowsPlain
		}
		return p, true
	case strings.HasPrefix(f, "postgres"):
		p := rdsForceSSL
		if major, ok := rdsMajor(strings.TrimPrefix(f, "postgres")); ok {
			p.def = rdsDefaultAllowsPlain
			if major >= 15 {
				p.def = rdsDefaultForcesTLS
			}
		}
		return p, true
	case strings.HasPrefix(f, "sqlserver-"):
		p := rdsForceSSL
		p.def = rdsDefaultAllowsPlain
		return p, true
	case strings.HasPrefix(f, "aurora-mysql"):
		p := rdsSecureTransport
		if rdsMySQLAllowsPlain[strings.TrimPrefix(f, "aurora-mysql")] {
			p.def = rdsDefaultAllowsPlain
		}
		return p, true
	case strings.HasPrefix(f, "mysql"):
		p := rdsSecureTransport
		if rdsMySQLAllowsPlain[strings.TrimPrefix(f, "mysql")] {
			p.def = rdsDefaultAllowsPlain
		}
		return p, true
	case strings.HasPrefix(f, "mariadb"):
		p := rdsSecureTransport
		p.def = rdsDefaultAllowsPlain
		return p, true
	}
	return rdsTLSParameter{}, false
}

// rdsMajor reads the major version that starts s ("14", "9.6", "15.4").
func rdsMajor(s string) (int, bool) {
	end := strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' })
	if end < 0 {
		end = len(s)
	}
	n, err := strconv.Atoi(s[:end])
	return n, err == nil
}

// rdsEngineTLS is what the default parameter group of an engine does,
// given its engine_version ("" when not written: the newest version, whose
// default the rule knows for PostgreSQL, MySQL, MariaDB, SQL Server and
// Aurora MySQL). ok is false for an engine that has no TLS parameter.
func rdsEngineTLS(engine, version string) (rdsTLSParameter, bool) {
	e := strings.ToLower(engine)
	switch {
	case e == "postgres" && version == "":
		p := rdsForceSSL
		p.def = rdsDefaultForcesTLS
		return p, true
	case e == "postgres", e == "aurora-postgresql":
		return rdsFamilyTLS(e + version)
	case strings.HasPrefix(e, "sqlserver-"), e == "mariadb":
		return rdsFamilyTLS(e)
	case e == "mysql" || e == "aurora-mysql":
		if version == "" {
			p := rdsSecureTransport
			p.def = rdsDefaultAllowsPlain
			return p, true
		}
		major, minor, _ := strings.Cut(version, ".")
		minor, _, _ = strings.Cut(minor, ".")
		return rdsFamilyTLS(e + major + "." + minor)
	}
	return rdsTLSParameter{}, false
}

// Check reports, in parameter groups of the engines that can force TLS, a
// TLS parameter set to its off value, and a TLS parameter not set where the
// family's default accepts connections without TLS. A database that uses
// its engine's default parameter group is named in strict mode only. A
// parameter group of the mynumber segment (by its own tag, or because a
// database of the segment uses it) is an ERROR.
func (r *AwsRDSParameterTLSEnforcedRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	users, err := referrers(runner, r, rdsParameterGroupUsers...)
	if err != nil {
		return err
	}
	for _, ty := range []string{"aws_db_parameter_group", "aws_rds_cluster_parameter_group"} {
		groups, err := runner.Resources(r, ty)
		if err != nil {
			return err
		}
		for _, group := range groups {
			rule, err := segmentLevel(runner, r, group, users[lint.Address(group)]...)
			if err != nil {
				return err
			}
			if err := r.checkGroup(runner, rule, group); err != nil {
				return err
			}
		}
	}
	for _, db := range []struct{ resourceType, groupAttr string }{
		{"aws_db_instance", "parameter_group_name"},
		{"aws_rds_cluster", "db_cluster_parameter_group_name"},
	} {
		databases, err := runner.Resources(r, db.resourceType)
		if err != nil {
			return err
		}
		for _, database := range databases {
			if err := r.checkDefaultGroup(runner, database, db.groupAttr); err != nil {
				return err
			}
		}
	}
	return nil
}

// rdsParameterGroupUsers are the attributes by which databases name their
// parameter groups.
var rdsParameterGroupUsers = []refLink{
	{"aws_db_instance", "parameter_group_name"},
	{"aws_rds_cluster_instance", "db_parameter_group_name"},
	{"aws_rds_cluster", "db_cluster_parameter_group_name"},
}

func (r *AwsRDSParameterTLSEnforcedRule) checkGroup(runner *lint.Runner, rule lint.Rule, group *hclext.Block) error {
	name := lint.Address(group)
	family := runner.Attr(group.Body, "family", cty.String)
	if family.IsUnknown() {
		return runner.Unverified(rule, family, whatRDSFamily)
	}
	f, ok := family.String()
	if !ok {
		return nil
	}
	param, applies := rdsFamilyTLS(f)
	if !applies {
		return nil
	}
	set := false
	for _, p := range group.Body.Blocks.OfType("parameter") {
		pname := runner.Attr(p.Body, "name", cty.String)
		if pname.IsUnknown() {
			set = true
			if err := runner.Unverified(rule, pname, whatRDSTLS); err != nil {
				return err
			}
			continue
		}
		if s, _ := pname.String(); !strings.EqualFold(s, param.name) {
			continue
		}
		set = true
		value := runner.Attr(p.Body, "value", cty.String)
		s, known := value.String()
		switch {
		case value.IsUnknown():
			if err := runner.Unverified(rule, value, whatRDSTLS); err != nil {
				return err
			}
		case known && rdsParamOff(s):
			if err := reportRDSParameterOff(runner, rule, value, name, param, s); err != nil {
				return err
			}
		}
	}
	if set || param.def == rdsDefaultForcesTLS {
		return nil
	}
	if param.def == rdsDefaultUnknown {
		return runner.Unverified(rule, lint.Value{State: lint.Unknown, Name: param.name, Range: group.DefRange, Why: whyRDSFamilyDefault(f)}, whatRDSTLS)
	}
	return runner.Report(rule, group.DefRange, msgRDSParameterDefault, name, f, param.name, param.off, param.name, param.on)
}

// rdsParamOff reports whether a parameter value turns TLS enforcement off.
func rdsParamOff(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "0", "off", "false":
		return true
	}
	return false
}

// reportRDSParameterOff reports a TLS parameter set off, with a fix to its on value
// where the value is a literal.
func reportRDSParameterOff(runner *lint.Runner, rule lint.Rule, value lint.Value, name string, param rdsTLSParameter, s string) error {
	on := param.on
	if strings.ToLower(s) == s {
		on = strings.ToLower(on)
	}
	if s == "0" || s == "false" {
		on = "1"
	}
	if !value.IsLiteral() {
		return runner.Report(rule, value.Range, msgRDSParameterOff, name, param.name, s, param.name, on)
	}
	replacement := strconv.Quote(on)
	if _, number := value.Expr.(*hclsyntax.LiteralValueExpr); number && on == "1" {
		replacement = on
	}
	return runner.ReportFix(rule, value.Range, func(f tflint.Fixer) error {
		return f.ReplaceText(value.Range, replacement)
	}, msgRDSParameterOff, name, param.name, s, param.name, on)
}

// checkDefaultGroup names, in strict mode, a database without a parameter
// group of its own whose engine's default group accepts connections
// without TLS, or may.
func (r *AwsRDSParameterTLSEnforcedRule) checkDefaultGroup(runner *lint.Runner, database *hclext.Block, groupAttr string) error {
	if !runner.Config.Strict || !runner.Attr(database.Body, groupAttr, cty.String).IsAbsent() {
		return nil
	}
	if database.Body.Attributes["replicate_source_db"] != nil {
		return nil
	}
	engine := runner.Attr(database.Body, "engine", cty.String)
	e, ok := engine.String()
	if !ok || (database.Labels[0] == "aws_db_instance" && strings.HasPrefix(strings.ToLower(e), "aurora")) {
		// An Aurora instance takes its TLS setting from its cluster.
		return nil
	}
	version := runner.Attr(database.Body, "engine_version", cty.String)
	v, _ := version.String()
	if version.IsUnknown() {
		v = "?"
	}
	param, applies := rdsEngineTLS(e, v)
	if !applies || param.def == rdsDefaultForcesTLS {
		return nil
	}
	return runner.Unverified(r, lint.Value{State: lint.Unknown, Name: groupAttr, Range: database.DefRange, Why: whyRDSDefaultGroup(e, param)}, whatRDSDefault)
}

func whyRDSFamilyDefault(family string) project.Text {
	return project.Text{
		JA: fmt.Sprintf("未設定で、ファミリー %s の既定値は強度表にありません", family),
		EN: fmt.Sprintf("not set, and the default of family %s is not in the strength table", family),
	}
}

func whyRDSDefaultGroup(engine string, p rdsTLSParameter) project.Text {
	if p.def == rdsDefaultUnknown {
		return project.Text{
			JA: fmt.Sprintf("未設定のため %s の既定のパラメータグループが使われ、その %s の既定値は強度表にありません", engine, p.name),
			EN: fmt.Sprintf("not set, so the default parameter group of %s applies, whose default %s is not in the strength table", engine, p.name),
		}
	}
	return project.Text{
		JA: fmt.Sprintf("未設定のため %s の既定のパラメータグループが使われ、%s = %s のまま TLS を使わない接続を受け付けます", engine, p.name, p.off),
		EN: fmt.Sprintf("not set, so the default parameter group of %s applies, which keeps %s = %s and accepts connections without TLS", engine, p.name, p.off),
	}
}
