package aws

import (
	"regexp"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/segment"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// customerKeyTypes are the resource types that create KMS keys the
// configuration itself manages, or aliases of them: a reference to one of
// them names a customer-managed key.
var customerKeyTypes = []string{
	"aws_kms_key",
	"aws_kms_alias",
	"aws_kms_replica_key",
	"aws_kms_external_key",
	"aws_kms_replica_external_key",
}

// Data sources that look up an existing key, read to tell an AWS managed
// key (data "aws_kms_alias" { name = "alias/aws/s3" }) from a customer one.
const (
	kmsKeyData   = lint.DataPrefix + "aws_kms_key"
	kmsAliasData = lint.DataPrefix + "aws_kms_alias"
)

// kmsDataReads are the reads of every rule that judges keys.
var kmsDataReads = lint.Reads{
	kmsKeyData:   {Attributes: []hclext.AttributeSchema{{Name: "key_id"}}},
	kmsAliasData: {Attributes: []hclext.AttributeSchema{{Name: "name"}}},
}

// keyVerdict is what the code says of the KMS key named by an attribute.
type keyVerdict int

const (
	// keyCustomer is a customer-managed key: a key or alias the module
	// creates, or a key ID, key ARN or alias that is not AWS managed (and,
	// when key_arns is set, is listed there).
	keyCustomer keyVerdict = iota
	// keyNone means no key is named: the service's default applies.
	keyNone
	// keyAWSManaged is an AWS managed key, named by its alias/aws/* alias.
	keyAWSManaged
	// keyUnlisted is a known key that key_arns does not list.
	keyUnlisted
	// keyUnknown is a key that cannot be known at lint time.
	keyUnknown
)

// keyUse is the judgement of one key attribute.
type keyUse struct {
	Verdict keyVerdict
	// Value is the attribute as read; its Range is where a finding on a
	// written key goes.
	Value lint.Value
	// Key is the key as written, for keyAWSManaged and keyUnlisted.
	Key string
}

// readKey judges the key that the attribute attr of body names. A
// reference to a key or alias of the module is a customer key whatever its
// value; a reference to a data source is judged by the key the data source
// looks up; anything else is evaluated and judged by its value against the
// allowed key ARNs (none: any key that is not AWS managed).
func readKey(runner *lint.Runner, rule lint.Rule, body *hclext.BodyContent, attr string, allowed []string) (keyUse, error) {
	a, ok := body.Attributes[attr]
	if !ok {
		return keyUse{Verdict: keyNone, Value: lint.Value{State: lint.Absent, Name: attr}}, nil
	}
	if slices.Contains(customerKeyTypes, lint.RefType(a.Expr)) {
		return keyUse{Verdict: keyCustomer, Value: lint.Value{State: lint.Known, Expr: a.Expr, Range: a.Expr.Range(), Name: attr}}, nil
	}
	for _, data := range []struct{ ty, attr string }{{kmsKeyData, "key_id"}, {kmsAliasData, "name"}} {
		if label, ok := referenceLabel(a.Expr, data.ty); ok {
			return readDataKey(runner, rule, a.Expr, attr, data.ty, data.attr, label, allowed)
		}
	}
	v := runner.Attr(body, attr, cty.String)
	return judgeKeyValue(v, allowed), nil
}

// readDataKey judges a key looked up by a data source of the module, at
// the expression that refers to it.
func readDataKey(runner *lint.Runner, rule lint.Rule, ref hcl.Expression, attr, dataType, dataAttr, label string, allowed []string) (keyUse, error) {
	at := lint.Value{Expr: ref, Range: ref.Range(), Name: attr}
	sources, err := runner.Resources(rule, dataType)
	if err != nil {
		return keyUse{}, err
	}
	for _, source := range sources {
		if len(source.Labels) < 2 || source.Labels[1] != label {
			continue
		}
		v := runner.Attr(source.Body, dataAttr, cty.String)
		use := judgeKeyValue(v, allowed)
		// The finding belongs where the store names the key.
		at.State, at.Val, at.Why = v.State, v.Val, v.Why
		use.Value = at
		return use, nil
	}
	at.State, at.Why = lint.Unknown, whyKeyNotFound
	return keyUse{Verdict: keyUnknown, Value: at}, nil
}

var whyKeyNotFound = project.Text{
	JA: "参照するデータソースがこのモジュールにありません",
	EN: "the data source it refers to is not in this module",
}

// judgeKeyValue judges an evaluated key attribute.
func judgeKeyValue(v lint.Value, allowed []string) keyUse {
	switch v.State {
	case lint.Absent:
		return keyUse{Verdict: keyNone, Value: v}
	case lint.Unknown:
		return keyUse{Verdict: keyUnknown, Value: v}
	}
	key, _ := v.String()
	key = strings.TrimSpace(key)
	switch {
	case key == "":
		return keyUse{Verdict: keyNone, Value: v}
	case awsManagedAlias(key):
		return keyUse{Verdict: keyAWSManaged, Value: v, Key: key}
	case len(allowed) > 0 && !listedKey(key, allowed):
		return keyUse{Verdict: keyUnlisted, Value: v, Key: key}
	}
	return keyUse{Verdict: keyCustomer, Value: v, Key: key}
}

// awsManagedAlias reports whether a key is named by an alias of an AWS
// managed key: "alias/aws/<service>", by name or by alias ARN. Only AWS
// creates aliases under alias/aws/.
func awsManagedAlias(key string) bool {
	if strings.HasPrefix(key, "alias/aws/") {
		return true
	}
	parts := strings.SplitN(key, ":", 6)
	return len(parts) == 6 && parts[0] == "arn" && parts[2] == "kms" && strings.HasPrefix(parts[5], "alias/aws/")
}

// listedKey reports whether a key is one of the allowed key or alias ARNs:
// by its ARN, or by the key ID or alias name an allowed ARN ends with.
func listedKey(key string, allowed []string) bool {
	for _, arn := range allowed {
		if key == arn {
			return true
		}
		if !strings.HasPrefix(key, "arn:") {
			if _, resource, ok := strings.Cut(arn, ":key/"); ok && resource == key {
				return true
			}
			if strings.HasPrefix(key, "alias/") && strings.HasSuffix(arn, ":"+key) {
				return true
			}
		}
	}
	return false
}

// kmsARN matches the ARN of a KMS key or alias, in any partition.
var kmsARN = regexp.MustCompile(`^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:(key/[A-Za-z0-9-]+|alias/[A-Za-z0-9/_-]+)$`)

// validKeyARN reports whether an option value is the ARN of a key or of an
// alias that is not AWS managed.
func validKeyARN(arn string) bool {
	return kmsARN.MatchString(arn) && !awsManagedAlias(arn)
}

// ebsDefaultKeyRead is the read of the account's default EBS key.
var ebsDefaultKeyRead = lint.Reads{
	"aws_ebs_default_kms_key": {Attributes: []hclext.AttributeSchema{{Name: "key_arn"}}},
}

// ebsDefaultKey says what an EBS volume that names no key is encrypted
// with in the module being checked: the key an aws_ebs_default_kms_key of
// the module sets, judged like any key, or else the AWS managed key
// aws/ebs. A default key that cannot be known makes it unknown.
func ebsDefaultKey(runner *lint.Runner, rule lint.Rule, allowed []string) (lint.Default, error) {
	resources, err := runner.Resources(rule, "aws_ebs_default_kms_key")
	if err != nil {
		return lint.DefaultFails, err
	}
	outcome := lint.DefaultFails
	for _, res := range resources {
		use, err := readKey(runner, rule, res.Body, "key_arn", allowed)
		if err != nil {
			return lint.DefaultFails, err
		}
		switch use.Verdict {
		case keyCustomer:
			return lint.DefaultPasses, nil
		case keyUnknown:
			outcome = lint.DefaultUnknown
		}
	}
	return outcome, nil
}

// refersToKey reports whether the attribute attr of body refers to a KMS key
// or alias: one the module creates, or one a data source looks up. Such a
// reference names a key even where its value is unknown at lint time.
func refersToKey(body *hclext.BodyContent, attr string) bool {
	a, ok := body.Attributes[attr]
	if !ok {
		return false
	}
	ty := lint.RefType(a.Expr)
	return slices.Contains(customerKeyTypes, ty) || ty == kmsKeyData || ty == kmsAliasData
}

// cmkCheck is one run of the rule over a module.
type cmkCheck struct {
	runner  *lint.Runner
	rule    *AwsCustomerManagedKeyRule
	allowed []string
	// ebs is what an EBS volume that names no key is encrypted with.
	ebs lint.Default
	// everywhere is set when the rule checks every store, not only those
	// of the mynumber segment.
	everywhere bool
	// scope is how the rule applies to the store being judged.
	scope storeScope
}

// storeScope is how the rule applies to one store.
type storeScope struct {
	// rule is the rule at the store's level: ERROR in the mynumber segment.
	rule lint.Rule
	// skip is set for a store outside the rule's scope.
	skip bool
	// blind is set when the rule checks the mynumber segment only and the
	// store's segment cannot be known: what would be reported is named in
	// strict mode instead.
	blind *segment.Unknown
}

// inScope decides how the rule applies to a store, placed with the
// resources its via attributes refer to (an encryption configuration's
// bucket).
func (c *cmkCheck) inScope(store *hclext.Block, via ...string) error {
	var related []string
	for _, name := range via {
		if attr, ok := store.Body.Attributes[name]; ok {
			related = append(related, referencedResources(attr.Expr)...)
		}
	}
	v, err := myNumberOf(c.runner, c.rule, store, related...)
	if err != nil {
		return err
	}
	switch {
	case v.Mine:
		c.scope = storeScope{rule: lint.AtSeverity(c.rule, tflint.ERROR)}
	case c.everywhere:
		c.scope = storeScope{rule: c.rule}
	case v.Unknown != nil:
		c.scope = storeScope{rule: c.rule, blind: v.Unknown}
	default:
		c.scope = storeScope{rule: c.rule, skip: true}
	}
	return nil
}

// reportf reports a finding on the store being judged, at its level; in
// the mynumber-only scope, a store whose segment cannot be known is named
// in strict mode instead.
func (c *cmkCheck) reportf(at hcl.Range, msg project.Text, args ...any) error {
	switch {
	case c.scope.skip:
		return nil
	case c.scope.blind != nil:
		return c.blindNotice(at)
	}
	return c.runner.Report(c.scope.rule, at, msg, args...)
}

// unverified names, in strict mode, a value of the store being judged that
// cannot be known.
func (c *cmkCheck) unverified(v lint.Value) error {
	switch {
	case c.scope.skip || v.State != lint.Unknown:
		return nil
	case c.scope.blind != nil:
		return c.blindNotice(v.Range)
	}
	return c.runner.Unverified(c.scope.rule, v, whatCMK)
}

// blindNotice names, in strict mode, a store that the rule would report
// were it of the mynumber segment, whose segment cannot be known.
func (c *cmkCheck) blindNotice(at hcl.Range) error {
	b := c.scope.blind
	return c.runner.Unverified(c.rule, lint.Value{State: lint.Unknown, Name: b.What.In(c.lang()), Range: at, Why: b.Why}, whatCMKSegment)
}

var whatCMKSegment = project.Text{
	JA: "データストアがマイナンバー利用事務系かどうか（顧客管理の KMS キーの要否）",
	EN: "whether the data store is of the My Number segment (which requires a customer-managed KMS key)",
}

// walk follows the site's nested blocks from parent down to the body that
// holds the key attribute, and judges the key there.
func (c *cmkCheck) walk(site *keySite, resource, parent *hclext.Block, depth int) error {
	if depth < len(site.blocks) {
		blocks := parent.Body.Blocks.OfType(site.blocks[depth])
		if len(blocks) == 0 {
			def, applies := lint.DefaultFails, true
			if site.missing != nil {
				def, applies = site.missing(c, resource, site.blocks[depth])
			}
			if !applies {
				return nil
			}
			if site.gate != nil {
				return c.none(site, resource, parent.DefRange, def, msgCMKGate, site.gate.fallback, site.gate.fix, site.path())
			}
			return c.none(site, resource, parent.DefRange, def, msgCMKNone, site.missingFallback(), site.path())
		}
		for _, block := range blocks {
			if err := c.walk(site, resource, block, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	body := parent.Body
	var gate lint.Value
	if g := site.gate; g != nil {
		gate = c.runner.Attr(body, g.attr, cty.String)
		value, known := gate.String()
		switch {
		case known && !slices.Contains(g.want, value):
			return c.report(gate.Range, msgCMKGate, site, resource, g.fallback.In(c.lang()), g.fix.In(c.lang()), site.path())
		case gate.IsAbsent() && !g.absentOK:
			return c.none(site, resource, parent.DefRange, lint.DefaultFails, msgCMKGate, g.fallback, g.fix, site.path())
		}
	}
	use, err := readKey(c.runner, c.rule, body, site.attr, c.allowed)
	if err != nil {
		return err
	}
	switch use.Verdict {
	case keyCustomer:
		if gate.IsUnknown() {
			return c.unverified(gate)
		}
		return nil
	case keyNone:
		def := lint.DefaultFails
		switch {
		case site.absent != nil:
			def = site.absent(c, resource, body)
		case inheritsEncryption(c.runner, resource.Body, site.inherits...):
			def = lint.DefaultUnknown
		}
		at := parent.DefRange
		if use.Value.Range != (hcl.Range{}) {
			at = use.Value.Range
		}
		return c.none(site, resource, at, def, msgCMKNone, site.fallback, site.path())
	case keyAWSManaged:
		return c.report(use.Value.Range, msgCMKAWSManaged, site, resource, site.path(), use.Key)
	case keyUnlisted:
		return c.report(use.Value.Range, msgCMKUnlisted, site, resource, site.path(), use.Key)
	}
	return c.unverified(use.Value)
}

// none reports a store that names no key where the default fails, and
// names it in strict mode where the default is unknown. args are the
// message's arguments after the store's kind and address; those given as
// project.Text are put in the configured language.
func (c *cmkCheck) none(site *keySite, resource *hclext.Block, at hcl.Range, def lint.Default, msg project.Text, args ...any) error {
	switch def {
	case lint.DefaultPasses:
		return nil
	case lint.DefaultUnknown:
		return c.unverified(lint.Value{State: lint.Unknown, Name: site.path(), Range: at, Why: whyKeyDefault})
	}
	for i, arg := range args {
		if text, ok := arg.(project.Text); ok {
			args[i] = text.In(c.lang())
		}
	}
	return c.report(at, msg, site, resource, args...)
}

func (c *cmkCheck) report(at hcl.Range, msg project.Text, site *keySite, resource *hclext.Block, args ...any) error {
	return c.reportf(at, msg, append([]any{site.store.In(c.lang()), lint.Address(resource)}, args...)...)
}

func (c *cmkCheck) lang() project.Language { return c.runner.Config.Language }

// s3Coverage returns the names of the buckets of the module that an
// encryption configuration refers to, and whether some configuration refers
// to a bucket it cannot name. Configurations are read unexpanded: one whose
// for_each is unknown at lint time (for_each = aws_s3_bucket.x) still covers
// its buckets, through for_each when its bucket is each.value.id.
func (c *cmkCheck) s3Coverage() (covered map[string]bool, unmatched bool, err error) {
	content, err := c.runner.GetResourceContent(s3SSEType, &hclext.BodySchema{
		Attributes: []hclext.AttributeSchema{{Name: "bucket"}, {Name: "for_each"}},
	}, &tflint.GetModuleContentOption{ExpandMode: tflint.ExpandModeNone})
	if err != nil {
		return nil, false, err
	}
	covered = map[string]bool{}
	for _, cfg := range content.Blocks {
		bucket, ok := cfg.Body.Attributes["bucket"]
		if !ok {
			unmatched = true
			continue
		}
		names := bucketNames(bucket.Expr, "aws_s3_bucket")
		if forEach, ok := cfg.Body.Attributes["for_each"]; ok && len(names) == 0 && len(bucketNames(bucket.Expr, "each")) > 0 {
			names = bucketNames(forEach.Expr, "aws_s3_bucket")
		}
		if len(names) == 0 {
			unmatched = true
		}
		for _, name := range names {
			covered[name] = true
		}
	}
	return covered, unmatched, nil
}

// bucketNames returns the second step of every reference in expr that starts
// with root: the bucket names of aws_s3_bucket.NAME, the key of each.KEY.
func bucketNames(expr hcl.Expression, root string) []string {
	var names []string
	for _, t := range expr.Variables() {
		if t.RootName() != root || len(t) < 2 {
			continue
		}
		if step, ok := t[1].(hcl.TraverseAttr); ok {
			names = append(names, step.Name)
		}
	}
	return names
}

// keySite is one place where a store names the KMS key that encrypts it.
// A site of the data-store table (StoreKind.customerKey) leaves
// resourceType, blocks and attr to the table, and store too unless the
// rule's messages name the store otherwise.
type keySite struct {
	resourceType string
	// store names the store in messages.
	store project.Text
	// blocks are the nested blocks, outermost first, that hold attr.
	blocks []string
	// attr is the attribute that names the key.
	attr string
	// fallback says, as a clause, what encrypts the store when attr is not
	// set; blockFallback, when set, what encrypts it when a block of the
	// path is missing.
	fallback, blockFallback project.Text
	// gate is a setting beside attr without which the key is not used.
	gate *keyGate
	// inherits are the attributes and blocks that create the store from a
	// source (snapshot, replica) whose key it keeps when attr is not set.
	inherits []string
	// beside are further attributes read beside attr; readAttrs and
	// readBlocks further top-level attributes and blocks read of the
	// resource (for applies, missing and absent).
	beside, readAttrs, readBlocks []string
	// applies says whether a resource stores data this site encrypts.
	applies func(c *cmkCheck, resource *hclext.Block) bool
	// missing says what a missing block of the path means, or that the
	// store has nothing there to encrypt (applies false).
	missing func(c *cmkCheck, resource *hclext.Block, blockType string) (def lint.Default, applies bool)
	// via are attributes whose references name the resource whose segment
	// is the store's (an encryption configuration's bucket).
	via []string
	// absent says what an absent attr means, when not simply DefaultFails
	// (or DefaultUnknown for a store created from one of inherits); when
	// set, it decides the inherited case too.
	absent func(c *cmkCheck, resource *hclext.Block, body *hclext.BodyContent) lint.Default
}

// keyGate is a setting that decides whether a KMS key encrypts the store
// (encryption_type = "KMS", enabled = true).
type keyGate struct {
	attr string
	// want are the values under which the key is used.
	want []string
	// absentOK is whether an absent setting uses the key.
	absentOK bool
	// fix is the setting to write.
	fix project.Text
	// fallback says what encrypts the store otherwise.
	fallback project.Text
}

func (s *keySite) path() string {
	return strings.Join(append(slices.Clone(s.blocks), s.attr), ".")
}

func (s *keySite) missingFallback() project.Text {
	if s.blockFallback != (project.Text{}) {
		return s.blockFallback
	}
	return s.fallback
}

// keySiteReads returns the reads of the sites, the data sources that look
// up keys, the account's default EBS key and the bucket of each S3
// encryption configuration.
func keySiteReads(sites []keySite) lint.Reads {
	reads := lint.Reads{}
	for _, site := range sites {
		schema, ok := reads[site.resourceType]
		if !ok {
			schema = &hclext.BodySchema{}
			reads[site.resourceType] = schema
		}
		body := schema
		for _, block := range site.blocks {
			body = childSchema(body, block)
		}
		addAttribute(body, site.attr)
		if site.gate != nil {
			addAttribute(body, site.gate.attr)
		}
		for _, name := range site.beside {
			addAttribute(body, name)
		}
		for _, name := range site.readAttrs {
			addAttribute(schema, name)
		}
		for _, name := range site.readBlocks {
			childSchema(schema, name)
		}
		for _, name := range site.inherits {
			if name == "restore_to_point_in_time" {
				childSchema(schema, name)
			} else {
				addAttribute(schema, name)
			}
		}
	}
	for _, extra := range []lint.Reads{kmsDataReads, ebsDefaultKeyRead} {
		for ty, schema := range extra {
			reads[ty] = schema
		}
	}
	addAttribute(reads[s3SSEType], "bucket")
	return reads
}

func childSchema(schema *hclext.BodySchema, blockType string) *hclext.BodySchema {
	for i := range schema.Blocks {
		if schema.Blocks[i].Type == blockType {
			return schema.Blocks[i].Body
		}
	}
	body := &hclext.BodySchema{}
	schema.Blocks = append(schema.Blocks, hclext.BlockSchema{Type: blockType, Body: body})
	return body
}

func addAttribute(schema *hclext.BodySchema, name string) {
	for _, attr := range schema.Attributes {
		if attr.Name == name {
			return
		}
	}
	schema.Attributes = append(schema.Attributes, hclext.AttributeSchema{Name: name})
}

// noStore is the missing of a block that is itself the store (a volume
// mapping, a replica): without it there is nothing to encrypt.
func noStore(*cmkCheck, *hclext.Block, string) (lint.Default, bool) {
	return lint.DefaultFails, false
}
