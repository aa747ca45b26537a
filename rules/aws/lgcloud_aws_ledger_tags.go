package aws

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// AwsLedgerTagsRule checks that data stores carry the tags the
// information-asset ledger (情報資産台帳) needs: by default a classification
// and a retention or end date.
type AwsLedgerTagsRule struct{ lint.Meta }

var (
	_ lint.Rule         = (*AwsLedgerTagsRule)(nil)
	_ lint.Configurable = (*AwsLedgerTagsRule)(nil)
)

// NewAwsLedgerTagsRule returns the rule.
func NewAwsLedgerTagsRule() *AwsLedgerTagsRule {
	return &AwsLedgerTagsRule{lint.Meta{
		RuleName: "lgcloud_aws_ledger_tags",
		Level:    tflint.ERROR,
		Preset:   config.GovCloud,
		Provider: "aws",
		Items:    []string{"4.2.1.1", "4.2.1.2", "4.2.1.3"},
		Summary:  project.Text{JA: "データストアに情報資産台帳のタグ（分類・保存期限）を付ける", EN: "Data stores carry the asset-ledger tags (classification, retention)"},
		Reads:    dataStoreTagReads(),
	}}
}

// LedgerTagsOptions are the options of lgcloud_aws_ledger_tags in its rule
// block.
type LedgerTagsOptions struct {
	// RequiredTags maps each tag key a data store must carry to its allowed
	// values; an empty list allows any value that is not empty.
	RequiredTags map[string][]string `hclext:"required_tags,optional"`
}

// Default ledger tags: the confidentiality classes of the MIC policy
// guideline (機密性3, 機密性2, 機密性1), and a retention or end date in any
// form the local government's ledger uses.
const (
	DefaultClassificationTag = "DataClassification"
	DefaultRetentionTag      = "RetentionUntil"
)

// DefaultClassifications are the allowed values of the classification tag
// by default.
var DefaultClassifications = []string{"機密性3", "機密性2", "機密性1"}

// NewOptions returns the defaults: the classification and retention tags.
func (r *AwsLedgerTagsRule) NewOptions() any {
	return &LedgerTagsOptions{RequiredTags: map[string][]string{
		DefaultClassificationTag: slices.Clone(DefaultClassifications),
		DefaultRetentionTag:      {},
	}}
}

// Limits of AWS tags.
const (
	maxTagKeyLength   = 128
	maxTagValueLength = 256
)

// Validate checks the required tags against what AWS accepts as tags.
func (o *LedgerTagsOptions) Validate() error {
	if len(o.RequiredTags) == 0 {
		return &lint.OptionError{Attribute: "required_tags", Detail: "name at least one tag; to require none, disable the rule"}
	}
	for _, key := range o.Keys() {
		switch {
		case strings.TrimSpace(key) == "":
			return &lint.OptionError{Attribute: "required_tags", Detail: "a tag key is empty"}
		case utf8.RuneCountInString(key) > maxTagKeyLength:
			return &lint.OptionError{Attribute: "required_tags", Detail: fmt.Sprintf("tag key %q is longer than %d characters", key, maxTagKeyLength)}
		case strings.HasPrefix(strings.ToLower(key), "aws:"):
			return &lint.OptionError{Attribute: "required_tags", Detail: fmt.Sprintf("tag key %q uses the prefix aws:, which AWS reserves", key)}
		}
		for _, value := range o.RequiredTags[key] {
			switch {
			case strings.TrimSpace(value) == "":
				return &lint.OptionError{Attribute: "required_tags", Detail: fmt.Sprintf("tag %q lists an empty value; list the allowed values, or none to allow any", key)}
			case utf8.RuneCountInString(value) > maxTagValueLength:
				return &lint.OptionError{Attribute: "required_tags", Detail: fmt.Sprintf("tag %q lists a value longer than %d characters", key, maxTagValueLength)}
			}
		}
	}
	return nil
}

// Keys returns the required tag keys in a stable order.
func (o *LedgerTagsOptions) Keys() []string {
	keys := make([]string, 0, len(o.RequiredTags))
	for key := range o.RequiredTags {
		keys = append(keys, key)
	}
	slices.Sort(keys)
	return keys
}

// Allows reports whether value is an allowed value of the tag key: any
// value that is not blank when the option lists none, else one of the
// listed values, compared without regard to letter case or to full-width
// and half-width forms (機密性２ is 機密性2).
func (o *LedgerTagsOptions) Allows(key, value string) bool {
	allowed := o.RequiredTags[key]
	if len(allowed) == 0 {
		return strings.TrimSpace(value) != ""
	}
	for _, a := range allowed {
		if strings.EqualFold(foldWidth(a), foldWidth(value)) {
			return true
		}
	}
	return false
}

// foldWidth turns full-width ASCII forms and the ideographic space into
// their half-width forms.
func foldWidth(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '！' && r <= '～':
			return r - '！' + '!'
		case r == '\u3000':
			return ' '
		}
		return r
	}, s)
}

var msgLedgerTagMissing = project.Text{
	JA: "%s %s に情報資産台帳のタグ %s がありません。tags 又は provider の default_tags で %s を設定してください（%s）。",
	EN: "%s %s does not carry the asset-ledger tag %s; set %s in its tags or in the provider's default_tags (%s).",
}

var msgLedgerTagNotAllowed = project.Text{
	JA: "%s %s の情報資産台帳のタグ %s の値 %q は、認められた値ではありません。%s のいずれかを設定してください。",
	EN: "%s %s has the asset-ledger tag %s = %q, which is not an allowed value; set one of %s.",
}

var msgLedgerTagEmpty = project.Text{
	JA: "%s %s の情報資産台帳のタグ %s が空です。値を設定してください。",
	EN: "%s %s has an empty asset-ledger tag %s; give it a value.",
}

var whatLedgerTags = project.Text{JA: "情報資産台帳のタグ", EN: "the asset-ledger tags"}

// allowedText lists the allowed values of a tag for a message.
func (o *LedgerTagsOptions) allowedText(key string) project.Text {
	allowed := o.RequiredTags[key]
	if len(allowed) == 0 {
		return project.Text{JA: "値は任意", EN: "any value"}
	}
	return project.Text{
		JA: strings.Join(allowed, "、") + " のいずれか",
		EN: "one of " + strings.Join(allowed, ", "),
	}
}

// Check reports, for every data store of the table, each required tag that
// the store does not carry, or carries with a value that is not allowed.
// The store's own tags win over the provider's default_tags. A tag that
// cannot be known is not reported (strict mode names it).
func (r *AwsLedgerTagsRule) Check(tr tflint.Runner) error {
	runner := lint.Of(tr)
	opts, _ := runner.Options(r).(*LedgerTagsOptions)
	if opts == nil {
		opts = r.NewOptions().(*LedgerTagsOptions)
	}
	stores, err := DataStores(runner, r)
	if err != nil {
		return err
	}
	lang := runner.Config.Language
	for _, store := range stores {
		tags, err := store.Tags(runner)
		if err != nil {
			return err
		}
		kind, address := store.Kind.Name.In(lang), store.Address()
		for _, key := range opts.Keys() {
			tag := tags.Tag(key)
			switch {
			case tag.State == lint.Unknown:
				err = runner.Unverified(r, tag.From, whatLedgerTags)
			case tag.State == lint.Absent:
				err = runner.Report(r, tags.At, msgLedgerTagMissing, kind, address, key, key, opts.allowedText(key).In(lang))
			case opts.Allows(key, tag.Value):
			case len(opts.RequiredTags[key]) == 0:
				err = runner.Report(r, tag.Range, msgLedgerTagEmpty, kind, address, key)
			default:
				err = runner.Report(r, tag.Range, msgLedgerTagNotAllowed, kind, address, key, tag.Value, strings.Join(opts.RequiredTags[key], project.Text{JA: "、", EN: ", "}.In(lang)))
			}
			if err != nil {
				return err
			}
		}
	}
	return nil
}
