package policy

import (
	"regexp"
	"strings"
)

// Match reports whether s matches an IAM pattern, where * matches any run of
// characters and ? any one character. Actions compare case-insensitively
// (fold true); resources and principals do not.
func Match(pattern, s string, fold bool) bool {
	if fold {
		pattern, s = strings.ToLower(pattern), strings.ToLower(s)
	}
	// Iterative wildcard matching with backtracking to the last star.
	p, i, star, mark := 0, 0, -1, 0
	for i < len(s) {
		switch {
		case p < len(pattern) && (pattern[p] == '?' || pattern[p] == s[i]):
			p++
			i++
		case p < len(pattern) && pattern[p] == '*':
			star, mark = p, i
			p++
		case star >= 0:
			p = star + 1
			mark++
			i = mark
		default:
			return false
		}
	}
	for p < len(pattern) && pattern[p] == '*' {
		p++
	}
	return p == len(pattern)
}

// IsAllow reports whether the statement certainly allows.
func (s Statement) IsAllow() bool { return s.Effect == Allow }

// IsDeny reports whether the statement certainly denies.
func (s Statement) IsDeny() bool { return s.Effect == Deny }

// Privilege is how much a statement grants.
type Privilege int

const (
	// NotPrivileged grants less than a whole service.
	NotPrivileged Privilege = iota
	// ServiceAdmin grants every action of one service ("s3:*") on every
	// resource.
	ServiceAdmin
	// BroadAdmin grants every action but some (NotAction) on every resource.
	BroadAdmin
	// FullAdmin grants every action ("*") on every resource.
	FullAdmin
)

// Privilege says how much an Allow statement grants on Resource "*", and the
// action pattern that grants it. A Deny, an unknown effect, or a statement
// limited to named resources is NotPrivileged.
func (s Statement) Privilege() (Privilege, string) {
	if !s.IsAllow() || !s.onAllResources() {
		return NotPrivileged, ""
	}
	best, pattern := NotPrivileged, ""
	for _, a := range s.Actions {
		if !a.Known {
			continue
		}
		switch {
		case a.S == "*":
			return FullAdmin, a.S
		case strings.HasSuffix(a.S, ":*") && !strings.ContainsAny(a.S[:len(a.S)-2], "*?:"):
			if best < ServiceAdmin {
				best, pattern = ServiceAdmin, a.S
			}
		}
	}
	if len(s.NotActions) > 0 && best < BroadAdmin {
		best, pattern = BroadAdmin, "NotAction"
	}
	return best, pattern
}

// onAllResources reports whether the statement applies to every resource.
func (s Statement) onAllResources() bool {
	if len(s.NotResources) > 0 {
		return false
	}
	for _, r := range s.Resources {
		if r.Known && r.S == "*" {
			return true
		}
	}
	return false
}

// conditionKey compares condition keys, which IAM treats case-insensitively.
func conditionKey(c Condition, key string) bool { return strings.EqualFold(c.Key, key) }

// operator reports whether a condition uses one of the given operators,
// without the IfExists suffix unless listed.
func operator(c Condition, ops ...string) bool {
	for _, op := range ops {
		if strings.EqualFold(c.Operator, op) {
			return true
		}
	}
	return false
}

func hasValue(c Condition, want string) bool {
	for _, v := range c.Values {
		if v.Known && strings.EqualFold(v.S, want) {
			return true
		}
	}
	return false
}

// RequiresMFA reports whether an Allow statement applies only to sessions
// authenticated with MFA: aws:MultiFactorAuthPresent true tested with Bool
// (BoolIfExists also matches sessions without the key, such as long-lived
// access keys, so it does not count), or a bound on aws:MultiFactorAuthAge.
func (s Statement) RequiresMFA() bool {
	for _, c := range s.Conditions {
		switch {
		case conditionKey(c, "aws:MultiFactorAuthPresent") && operator(c, "Bool") && hasValue(c, "true"):
			return true
		case conditionKey(c, "aws:MultiFactorAuthAge") && operator(c, "NumericLessThan", "NumericLessThanEquals"):
			return true
		}
	}
	return false
}

// DeniesWithoutMFA reports whether the document holds a Deny that applies
// to sessions without MFA: aws:MultiFactorAuthPresent false (Bool or
// BoolIfExists), or aws:MultiFactorAuthAge missing (Null true). This is how
// a policy enforces MFA on users.
func (d *Document) DeniesWithoutMFA() bool {
	for _, s := range d.Statements {
		if !s.IsDeny() {
			continue
		}
		for _, c := range s.Conditions {
			switch {
			case conditionKey(c, "aws:MultiFactorAuthPresent") && operator(c, "Bool", "BoolIfExists") && hasValue(c, "false"):
				return true
			case conditionKey(c, "aws:MultiFactorAuthAge") && operator(c, "Null") && hasValue(c, "true"):
				return true
			}
		}
	}
	return false
}

// SourceKeys are the condition keys that restrict where a request comes
// from: a network address range, a VPC, or a VPC endpoint.
var SourceKeys = []string{"aws:SourceIp", "aws:SourceVpc", "aws:SourceVpce"}

// SourceConditions returns the conditions of the statement that restrict
// the request's source (SourceKeys) with a positive test (IpAddress,
// StringEquals, StringLike, ArnEquals and their IfExists forms are not
// counted, as they let requests without the key through).
func (s Statement) SourceConditions() []Condition {
	var out []Condition
	for _, c := range s.Conditions {
		for _, key := range SourceKeys {
			if conditionKey(c, key) && operator(c, "IpAddress", "StringEquals", "StringLike", "ArnEquals", "ArnLike") {
				out = append(out, c)
			}
		}
	}
	return out
}

// HasCondition reports whether the statement tests one of the keys with an
// operator that is not an IfExists form and not Null: a condition that
// limits who or what the statement applies to.
func (s Statement) HasCondition(keys ...string) bool {
	for _, c := range s.Conditions {
		if strings.HasSuffix(strings.ToLower(c.Operator), "ifexists") || operator(c, "Null") {
			continue
		}
		for _, key := range keys {
			if conditionKey(c, key) {
				return true
			}
		}
	}
	return false
}

// IsPublic reports whether the statement's principal is anyone: "*", or an
// AWS principal "*".
func (s Statement) IsPublic() bool {
	for _, p := range s.Principals {
		if p.ID.Known && p.ID.S == "*" && (p.Type == "*" || p.Type == "AWS") {
			return true
		}
	}
	return false
}

// accountPattern matches an AWS account ID.
var accountPattern = regexp.MustCompile(`^[0-9]{12}$`)

// PrincipalKind sorts the principals of trust policies.
type PrincipalKind int

const (
	// Machine is a service, a role, or anything not known to be a person.
	Machine PrincipalKind = iota
	// Person is an IAM user, an account (whose users may assume the role),
	// the account root, or anyone ("*").
	Person
	// Federated is a SAML or OIDC identity provider: people or workloads
	// signed in elsewhere, whose MFA the identity provider enforces.
	Federated
	// UnknownKind cannot be told at lint time.
	UnknownKind
)

// Kind says who a principal is.
func (p Principal) Kind() PrincipalKind {
	switch p.Type {
	case "Service":
		return Machine
	case "Federated":
		return Federated
	case "*":
		return Person
	case "AWS":
	default:
		return Machine
	}
	if !p.ID.Known {
		switch p.ID.Ref {
		case "aws_iam_user":
			return Person
		case "aws_iam_role":
			return Machine
		}
		return UnknownKind
	}
	id := p.ID.S
	switch {
	case id == "*", accountPattern.MatchString(id):
		return Person
	case strings.HasPrefix(id, "arn:") && strings.HasSuffix(id, ":root"):
		return Person
	case strings.HasPrefix(id, "arn:") && strings.Contains(id, ":user/"):
		return Person
	}
	return Machine
}

// AssumeActions are the actions of a trust policy that let a principal
// take on a role.
var AssumeActions = []string{"sts:AssumeRole", "sts:AssumeRoleWithSAML", "sts:AssumeRoleWithWebIdentity"}

// Allows reports whether an Allow statement certainly grants the action:
// one of its actions matches it, or its NotAction list is known and does
// not.
func (s Statement) Allows(action string) bool {
	if !s.IsAllow() {
		return false
	}
	for _, a := range s.Actions {
		if a.Known && Match(a.S, action, true) {
			return true
		}
	}
	if len(s.NotActions) == 0 {
		return false
	}
	for _, a := range s.NotActions {
		if !a.Known || Match(a.S, action, true) {
			return false
		}
	}
	return true
}

// RestrictingKeys are the condition keys that limit a statement open to any
// principal to a known organisation, account, network, service or source
// resource. A statement that tests one of them (with an operator that is
// not an IfExists form) is not open to the public.
var RestrictingKeys = []string{
	"aws:PrincipalOrgID", "aws:PrincipalOrgPaths", "aws:PrincipalAccount", "aws:PrincipalArn",
	"aws:PrincipalServiceName", "aws:PrincipalIsAWSService",
	"aws:SourceVpce", "aws:SourceVpc", "aws:SourceIp", "aws:VpcSourceIp",
	"aws:SourceArn", "aws:SourceAccount", "aws:SourceOrgID", "aws:SourceOrgPaths", "aws:SourceOwner",
	"kms:CallerAccount", "kms:ViaService",
}

// OpensToPublic reports whether an Allow statement lets anyone in: its
// principal is "*" and no condition limits it (RestrictingKeys). A Deny
// with "*" opens nothing.
func (s Statement) OpensToPublic() bool {
	return s.IsAllow() && s.IsPublic() && !s.HasCondition(RestrictingKeys...)
}
