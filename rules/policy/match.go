package policy

import (
	"regexp"
	"strings"
)

// Match reports whether s matches an IAM pattern, where * matches any run of
// characters and ? any one character. Actions compare case-insensitively
// (fold true); resources and principals do not.
func Match(patternText, text string, fold bool) bool {
	if fold {
		patternText, text = strings.ToLower(patternText), strings.ToLower(text)
	}
	// Iterative wildcard matching over characters, with backtracking to the
	// last star.
	pattern, s := []rune(patternText), []rune(text)
	p, i, star, mark := 0, 0, -1, 0
	for i < len(s) {
		switch {
		case p < len(pattern) && pattern[p] == '*':
			star, mark = p, i
			p++
		case p < len(pattern) && (pattern[p] == '?' || pattern[p] == s[i]):
			p++
			i++
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
	if len(s.NotActions) > 0 && best < BroadAdmin && !s.excludesEverything() {
		best, pattern = BroadAdmin, "NotAction"
	}
	return best, pattern
}

// excludesEverything reports whether a NotAction list names every action
// ("*"), so that the statement grants nothing.
func (s Statement) excludesEverything() bool {
	for _, a := range s.NotActions {
		if a.Known && a.S == "*" {
			return true
		}
	}
	return false
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

// onlyValue reports whether every value of a condition is known and equal
// to want: condition values are alternatives, so one other value lets
// requests through.
func onlyValue(c Condition, want string) bool {
	if len(c.Values) == 0 {
		return false
	}
	for _, v := range c.Values {
		if !v.Known || !strings.EqualFold(v.S, want) {
			return false
		}
	}
	return true
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
		case conditionKey(c, "aws:MultiFactorAuthPresent") && operator(c, "Bool") && onlyValue(c, "true"):
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
	return s.Exposure() == Public
}

// deniesAll reports whether a Deny statement applies to every resource and
// to every action, or to every action but a NotAction list of single
// actions or partial patterns (such as the actions a user needs to set up
// MFA): a NotAction that names "*", a whole service ("iam:*") or an unknown
// value leaves too much out.
func (s Statement) deniesAll() bool {
	if !s.IsDeny() || !s.onAllResources() {
		return false
	}
	for _, a := range s.Actions {
		if a.Known && a.S == "*" {
			return true
		}
	}
	if len(s.Actions) > 0 || len(s.NotActions) == 0 {
		return false
	}
	for _, a := range s.NotActions {
		if !a.Known || a.S == "*" || strings.HasSuffix(a.S, ":*") {
			return false
		}
	}
	return true
}

// noMFA reports whether a condition matches every session without MFA,
// long-lived access keys included: aws:MultiFactorAuthPresent false tested
// with BoolIfExists (Bool does not match requests that lack the key), or
// aws:MultiFactorAuthAge missing (Null true).
func noMFA(c Condition) bool {
	switch {
	case conditionKey(c, "aws:MultiFactorAuthPresent") && operator(c, "BoolIfExists") && hasValue(c, "false"):
		return true
	case conditionKey(c, "aws:MultiFactorAuthAge") && operator(c, "Null") && hasValue(c, "true"):
		return true
	}
	return false
}

// DeniesAllWithoutMFA reports whether the document enforces MFA on all its
// holder does: a Deny of every action (but at most a NotAction list of the
// actions that set up MFA) on every resource, whose only conditions match
// the sessions without MFA (see noMFA). Any other condition would narrow
// the Deny, as conditions of a statement must all hold.
func (d *Document) DeniesAllWithoutMFA() bool {
	for _, s := range d.Statements {
		if !s.deniesAll() || len(s.Conditions) == 0 {
			continue
		}
		all := true
		for _, c := range s.Conditions {
			all = all && noMFA(c)
		}
		if all {
			return true
		}
	}
	return false
}

// outsideSource reports whether a condition matches requests from outside
// a source (SourceKeys) with a negated test: NotIpAddress for addresses,
// StringNotEquals or StringNotLike for VPCs and VPC endpoints, and their
// IfExists forms (which also match requests without the key).
func outsideSource(c Condition) bool {
	switch {
	case conditionKey(c, "aws:SourceIp"):
		return operator(c, "NotIpAddress", "NotIpAddressIfExists")
	case conditionKey(c, "aws:SourceVpc"), conditionKey(c, "aws:SourceVpce"):
		return operator(c, "StringNotEquals", "StringNotEqualsIfExists", "StringNotLike", "StringNotLikeIfExists")
	}
	return false
}

// SourceDenials returns the source conditions of the statements that deny
// every action on every resource to requests from outside a source: the
// Deny form of a source restriction. Beside its source conditions such a
// statement may only exempt calls that AWS services make on the caller's
// behalf (aws:ViaAWSService false); any other condition would narrow the
// Deny.
func (d *Document) SourceDenials() []Condition {
	var out []Condition
	for _, s := range d.Statements {
		if !s.deniesAll() {
			continue
		}
		var sources []Condition
		only := true
		for _, c := range s.Conditions {
			switch {
			case outsideSource(c):
				sources = append(sources, c)
			case conditionKey(c, "aws:ViaAWSService") && operator(c, "Bool") && hasValue(c, "false"):
			default:
				only = false
			}
		}
		if only {
			out = append(out, sources...)
		}
	}
	return out
}

// MayDenyWithoutMFA reports whether the document enforces MFA
// (DeniesWithoutMFA) or could once its unknown parts are known: a statement
// whose effect is Deny or unknown tests aws:MultiFactorAuthPresent (Bool or
// BoolIfExists) or aws:MultiFactorAuthAge (Null) with a value that enforces
// MFA or is unknown, or holds a condition whose operator could not be read
// (the readers write it "Unknown").
func (d *Document) MayDenyWithoutMFA() bool {
	for _, s := range d.Statements {
		if s.Effect != Deny && s.Effect != "" {
			continue
		}
		for _, c := range s.Conditions {
			switch {
			case operator(c, UnknownOperator):
				return true
			case conditionKey(c, "aws:MultiFactorAuthPresent") && operator(c, "Bool", "BoolIfExists"):
				if hasValue(c, "false") || hasUnknown(c) {
					return true
				}
			case conditionKey(c, "aws:MultiFactorAuthAge") && operator(c, "Null"):
				if hasValue(c, "true") || hasUnknown(c) {
					return true
				}
			}
		}
	}
	return false
}

func hasUnknown(c Condition) bool {
	for _, v := range c.Values {
		if !v.Known {
			return true
		}
	}
	return false
}

// Exposure says whether a statement lets anyone in, as far as lint time can
// tell.
type Exposure int

const (
	// NotPublic means the statement lets no one in who is not named: it
	// denies, names its principals, or a condition limits it
	// (RestrictingKeys).
	NotPublic Exposure = iota
	// Public means the statement certainly lets anyone in (OpensToPublic,
	// with every condition readable).
	Public
	// MaybePublic means the statement could let anyone in once its unknown
	// parts are known: its effect, a principal written without a reference
	// to a resource, or a condition whose operator or key could not be read.
	MaybePublic
)

// Exposure says whether the statement lets anyone in. A condition that
// cannot be read may be one that limits the statement, so a statement with
// one is at most MaybePublic; a principal that refers to a resource (a
// role's ARN) is never "*".
func (s Statement) Exposure() Exposure {
	return s.ExposureWith(RestrictingKeys...)
}

// HasUnknownCondition reports whether a condition of the statement has an
// operator or a key that cannot be known (a placeholder of Unknowns, or the
// "Unknown" operator readers write for a condition they cannot read). Every
// condition key names its service ("aws:SourceIp"), so a key without a
// colon is one too. Such a condition may be the one a check looks for.
func (s Statement) HasUnknownCondition() bool {
	for _, c := range s.Conditions {
		if operator(c, UnknownOperator) || strings.Contains(c.Operator, placeholderPrefix) || !strings.Contains(c.Key, ":") {
			return true
		}
	}
	return false
}

// KeyPolicyRestrictingKeys are the condition keys that keep a statement of
// a KMS key policy open to any principal from letting in callers outside
// the key owner's organisation, account or network: RestrictingKeys
// without kms:ViaService, which names the AWS service a request comes
// through but lets that service act for any account.
var KeyPolicyRestrictingKeys = func() []string {
	var keys []string
	for _, k := range RestrictingKeys {
		if !strings.EqualFold(k, "kms:ViaService") {
			keys = append(keys, k)
		}
	}
	return keys
}()

// ExposureWith is Exposure with the given condition keys as the only ones
// that limit a statement open to any principal.
func (s Statement) ExposureWith(keys ...string) Exposure {
	if s.IsDeny() || s.HasCondition(keys...) {
		return NotPublic
	}
	unknownPrincipal := false
	for _, p := range s.Principals {
		if !p.ID.Known && p.ID.Ref == "" && (p.Type == "*" || p.Type == "AWS") {
			unknownPrincipal = true
		}
	}
	switch {
	case s.IsPublic() && s.IsAllow() && !s.HasUnknownCondition():
		return Public
	case s.IsPublic() || unknownPrincipal:
		return MaybePublic
	}
	return NotPublic
}
