package aws

import (
	"cmp"
	"slices"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// AwsIamUserConsoleMfaRule checks that IAM users who can sign in to the
// console hold a policy that enforces MFA.
type AwsIamUserConsoleMfaRule struct{ lint.Meta }

var _ lint.Rule = (*AwsIamUserConsoleMfaRule)(nil)

// NewAwsIamUserConsoleMfaRule returns the rule.
func NewAwsIamUserConsoleMfaRule() *AwsIamUserConsoleMfaRule {
	return &AwsIamUserConsoleMfaRule{lint.Meta{
		RuleName: "lgcloud_aws_iam_user_console_mfa",
		Level:    tflint.ERROR,
		Preset:   config.Recommended,
		Provider: "aws",
		Items:    []string{"4.3.1.4", "4.6.2.2"},
		Summary:  project.Text{JA: "コンソールにサインインできる IAM ユーザーに MFA を強制する", EN: "IAM users who can sign in to the console are made to use MFA"},
		Reads: iamGraphReads(lint.Reads{
			"aws_iam_user_login_profile": {Attributes: []hclext.AttributeSchema{{Name: "user"}}},
		}),
	}}
}

var msgConsoleWithoutMFA = project.Text{
	JA: "IAM ユーザー %s はコンソールにサインインできます（%s）が、MFA を強制するポリシーを持っていません。aws:MultiFactorAuthPresent が false のリクエストを拒否する Deny ステートメントを、ユーザーまたはそのグループのポリシーに加えてください。",
	EN: "IAM user %s can sign in to the console (%s) but holds no policy that enforces MFA; add a Deny statement for requests whose aws:MultiFactorAuthPresent is false to a policy of the user or of its group.",
}

var (
	whatConsoleUser = project.Text{JA: "コンソールユーザーへの MFA の強制", EN: "MFA enforcement on a console user"}

	whyUserElsewhere  = project.Text{JA: "この module で宣言されたユーザーではありません", EN: "the user is not declared in this module"}
	whyGroupElsewhere = project.Text{JA: "所属するグループがこの module で宣言されていません", EN: "a group the user belongs to is not declared in this module"}
	whyGroupUnknown   = project.Text{JA: "所属するグループが lint 時に決まりません", EN: "a group the user belongs to is not known at lint time"}
	whyPolicyUnknown  = project.Text{JA: "付与されたポリシーが lint 時に決まりません", EN: "the attached policy is not known at lint time"}
	whyMFAUnknown     = project.Text{JA: "MFA の条件が lint 時に決まりません", EN: "its MFA condition is not known at lint time"}
	whyHolderUnknown  = project.Text{JA: "ポリシーの付与先が lint 時に決まりません", EN: "whom the policy is granted to is not known at lint time"}
	whyMembersUnknown = project.Text{JA: "グループのメンバーが lint 時に決まりません", EN: "the group's members are not known at lint time"}
)

func whatConsoleMFA(user string) project.Text {
	return project.Text{JA: "IAM ユーザー " + user + " の MFA の強制", EN: "MFA enforcement on IAM user " + user}
}

// Check reports every login profile whose user holds no policy, directly
// or through its groups, that denies requests made without MFA. A user or
// group of another module, and a policy that cannot be read, leave the
// check undecided: no finding, and a NOTICE in strict mode.
func (r *AwsIamUserConsoleMfaRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	graph, err := readIAMGraph(runner, r)
	if err != nil {
		return err
	}
	profiles, err := runner.Resources(r, "aws_iam_user_login_profile")
	if err != nil {
		return err
	}
	for _, profile := range profiles {
		attr, ok := profile.Body.Attributes["user"]
		if !ok {
			continue
		}
		at := attr.Expr.Range()
		user := graph.Identity(runner, iamUser, profile.Body, "user")
		if _, declared := graph.Users[user.Label]; user.Label == "" || !declared {
			v := runner.Attr(profile.Body, "user", cty.String)
			if !v.IsUnknown() {
				v = lint.Value{State: lint.Unknown, Name: v.Name, Expr: v.Expr, Range: at, Why: whyUserElsewhere}
			}
			if err := runner.Unverified(r, v, whatConsoleUser); err != nil {
				return err
			}
			continue
		}
		check := &mfaCheck{runner: runner, graph: graph}
		address := resourceTypes[iamUser] + "." + user.Label
		switch check.user(user) {
		case mfaEnforced:
		case mfaUndecided:
			v := lint.Value{State: lint.Unknown, Name: check.name, Expr: attr.Expr, Range: at, Why: check.why}
			err = runner.Unverified(r, v, whatConsoleMFA(address))
		default:
			err = runner.Report(r, at, msgConsoleWithoutMFA, address, lint.Address(profile))
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// mfaState says whether an identity is made to use MFA.
type mfaState int

const (
	mfaMissing mfaState = iota
	mfaUndecided
	mfaEnforced
)

// mfaCheck decides whether a user holds a policy that enforces MFA, and
// keeps the first reason it could not decide.
type mfaCheck struct {
	runner *lint.Runner
	graph  *iamGraph
	// name and why say what left the check undecided.
	name string
	why  project.Text
}

// undecided records a reason the check cannot decide, the first one only.
func (c *mfaCheck) undecided(name string, why project.Text) {
	if c.name == "" {
		c.name, c.why = name, why
	}
}

// user decides for a user of the module: the policies it holds, then those
// of its groups.
func (c *mfaCheck) user(user identity) mfaState {
	state := c.holds(user)
	if state == mfaEnforced {
		return state
	}
	groups := make([]identity, 0, len(c.graph.Members))
	for group := range c.graph.Members {
		groups = append(groups, group)
	}
	slices.SortFunc(groups, func(a, b identity) int {
		return cmp.Or(cmp.Compare(a.Label, b.Label), cmp.Compare(a.Name, b.Name))
	})
	for _, group := range groups {
		member, maybe := false, false
		for _, m := range c.graph.Members[group] {
			certain, possible := c.names(user, m)
			member, maybe = member || certain, maybe || possible
		}
		if !member && !maybe {
			continue
		}
		switch c.group(group) {
		case mfaEnforced:
			if member {
				return mfaEnforced
			}
			c.undecided(describe(group), whyMembersUnknown)
			state = mfaUndecided
		case mfaUndecided:
			state = mfaUndecided
		}
	}
	return state
}

// group decides for a group: a group of the module by the policies it
// holds; another one cannot be decided.
func (c *mfaCheck) group(group identity) mfaState {
	if _, declared := c.graph.Groups[group.Label]; group.Label != "" && declared {
		return c.holds(group)
	}
	if group.Known() {
		c.undecided(describe(group), whyGroupElsewhere)
	} else {
		c.undecided(describe(group), whyGroupUnknown)
	}
	return mfaUndecided
}

// holds decides by the policies granted to an identity directly.
func (c *mfaCheck) holds(id identity) mfaState {
	state := mfaMissing
	for _, g := range c.graph.Grants {
		certain, possible := c.names(id, g.To)
		if !certain && !possible {
			continue
		}
		s, why := enforcesMFA(g)
		switch {
		case s == mfaEnforced && certain:
			return mfaEnforced
		case s == mfaEnforced:
			c.undecided(g.Via, whyHolderUnknown)
			state = mfaUndecided
		case s == mfaUndecided:
			c.undecided(g.Via, why)
			state = mfaUndecided
		}
	}
	return state
}

// names says whether an identity as a grant or a membership writes it is
// id certainly, or possibly: when it cannot be known at lint time, or when
// it is a name and id's own name cannot be known.
func (c *mfaCheck) names(id, other identity) (certain, possible bool) {
	switch {
	case other.Kind != id.Kind:
		return false, false
	case other == id:
		return true, false
	case !other.Known():
		return false, true
	case other.Label == "" && !c.nameKnown(id):
		return false, true
	}
	return false, false
}

// nameKnown reports whether the name of a user or group of the module is
// known at lint time.
func (c *mfaCheck) nameKnown(id identity) bool {
	blocks := c.graph.Users
	if id.Kind == iamGroup {
		blocks = c.graph.Groups
	}
	block, ok := blocks[id.Label]
	if !ok {
		return true
	}
	_, known := c.runner.Attr(block.Body, "name", cty.String).String()
	return known
}

// enforcesMFA says whether a grant's policy denies requests made without
// MFA. AWS managed policies do not.
func enforcesMFA(g grant) (mfaState, project.Text) {
	switch {
	case g.Doc.Doc != nil && g.Doc.Doc.DeniesWithoutMFA():
		return mfaEnforced, project.Text{}
	case g.Doc.Doc != nil && g.Doc.Doc.MayDenyWithoutMFA():
		return mfaUndecided, whyMFAUnknown
	case g.Doc.Doc != nil, g.Managed != "":
		return mfaMissing, project.Text{}
	case g.Doc.Value.IsUnknown():
		return mfaUndecided, g.Doc.Value.Why
	}
	return mfaUndecided, whyPolicyUnknown
}

// describe names an identity in a notice: by its resource address, its
// name, or its resource type when it cannot be known.
func describe(id identity) string {
	switch {
	case id.Label != "":
		return resourceTypes[id.Kind] + "." + id.Label
	case id.Name != "":
		return `"` + id.Name + `"`
	}
	return resourceTypes[id.Kind]
}
