package ledger

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/aws"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/config"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/lint"
	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/rules/segment"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// Ledger is the information-asset ledger of a configuration.
type Ledger struct {
	// Name names the configuration: the base name of its directory.
	Name string
	// Language is the language of the ledger, from the plugin block.
	Language project.Language
	// TagKeys are the ledger tags, from the options of
	// lgcloud_aws_ledger_tags: one column each.
	TagKeys []string
	// Rows are the data stores: by module instance (the root module
	// first), then in the order they are written.
	Rows []Row
	// Notes say what the configuration holds that the ledger did not read.
	Notes []Note
}

// Row is one data store of the ledger.
type Row struct {
	// Address is the store's address in the configuration, with module
	// path and instance keys.
	Address string
	// Type is the resource type, and Kind what it is called.
	Type string
	Kind project.Text
	// Name is the store's name (bucket, identifier …).
	Name project.Text
	// Region is where it is stored, with the regions of its replicas.
	Region project.Text
	// Segment is the network segment the store is placed in: its name,
	// "-" when it is in none, "不明"/"unknown" when it cannot be decided.
	Segment project.Text
	// Tags are the values of the ledger tags, in the order of TagKeys.
	Tags []project.Text
	// Encryption and Key say how it is encrypted at rest.
	Encryption, Key project.Text
	// Backups are its backup settings.
	Backups []project.Text
	// Unknown are the values that could not be known at lint time.
	Unknown []Unknown
	// Location is where the store is declared: file:line.
	Location string
}

// Unknown is a value of a row that could not be known.
type Unknown struct {
	// Name names the value: its attribute, tags, count …
	Name string
	// Why says why it could not be known.
	Why project.Text
}

// Note is something of the configuration the ledger did not read.
type Note struct {
	Where string
	What  project.Text
}

// SegmentNone is the segment of a store placed in no segment.
const SegmentNone = "-"

// ConfigFile is the TFLint configuration the ledger reads in the
// configuration's directory: the plugin block (language) and the options
// of lgcloud_aws_ledger_tags (the ledger tags).
const ConfigFile = ".tflint.hcl"

// storeReader is the reader the ledger reads data stores as: a rule that
// is never registered, declaring every read of the data-store table.
type storeReader struct{ lint.Meta }

// Check does nothing: the reader only reads.
func (*storeReader) Check(tflint.Runner) error { return nil }

var reader = &storeReader{lint.Meta{
	RuleName: "lgcloud_ledger",
	Level:    tflint.NOTICE,
	Preset:   config.All,
	Provider: "aws",
	Items:    []string{"4.2.1.1"},
	Reads:    storeReads(),
}}

// storeReads are the reads of every setting of the data-store table and of
// the segment placement of the stores.
func storeReads() lint.Reads {
	reads := aws.DataStoreReads()
	for ty, schema := range aws.SegmentReads() {
		reads[ty] = lint.MergeSchema(reads[ty], schema)
	}
	return reads
}

// Build reads the configuration in dir (its root module and the local
// modules it calls) and returns its ledger.
func Build(dir string) (*Ledger, error) {
	settings, err := readSettings(filepath.Join(dir, ConfigFile))
	if err != nil {
		return nil, err
	}
	c, err := load(dir)
	if err != nil {
		return nil, err
	}
	l := &Ledger{Name: filepath.Base(c.root), Language: settings.config.Language, TagKeys: settings.tags.Keys()}
	for _, n := range c.notes {
		l.Notes = append(l.Notes, Note{Where: n.Where, What: project.Text{JA: n.What.JA, EN: n.What.EN}})
	}
	for _, in := range c.instances {
		rows, err := l.module(c, in, settings)
		if err != nil {
			return nil, err
		}
		l.Rows = append(l.Rows, rows...)
	}
	return l, nil
}

// module returns the rows of the data stores of one module instance, in
// the order they are written.
func (l *Ledger) module(c *configuration, in *instance, settings *settings) ([]Row, error) {
	runner := newRunner(c, in, settings.rules)
	path := strings.Join(in.path, ".")
	lr := lint.NewRunner(runner, settings.config, lint.Options{Reads: reader.Reads, ModulePath: &path})
	stores, err := aws.DataStores(lr, reader)
	if err != nil {
		return nil, err
	}
	slices.SortStableFunc(stores, func(a, b *aws.DataStore) int {
		return compareRanges(a.Block.DefRange, b.Block.DefRange)
	})
	rows := make([]Row, 0, len(stores))
	for _, store := range stores {
		row, err := l.row(lr, runner, in, store, settings)
		if err != nil {
			return nil, err
		}
		rows = append(rows, row)
	}
	return rows, nil
}

func compareRanges(a, b hcl.Range) int {
	if a.Filename != b.Filename {
		return strings.Compare(a.Filename, b.Filename)
	}
	return a.Start.Byte - b.Start.Byte
}

// row reads what the ledger records of one store.
func (l *Ledger) row(lr *lint.Runner, runner *Runner, in *instance, store *aws.DataStore, settings *settings) (Row, error) {
	key, unknownKey := runner.InstanceKey(store.Block)
	address := store.Address() + key
	if prefix := in.address(); prefix != "" {
		address = prefix + "." + address
	}
	row := Row{
		Address:  address,
		Type:     store.Kind.Type,
		Kind:     store.Kind.Name,
		Location: fmt.Sprintf("%s:%d", store.Block.DefRange.Filename, store.Block.DefRange.Start.Line),
	}
	for _, u := range []*unknownExpansion{in.countUnknown, unknownKey} {
		if u != nil {
			row.Unknown = append(row.Unknown, Unknown{Name: u.Name, Why: whyCount})
		}
	}
	note := func(r aws.Reading) project.Text {
		if r.State == lint.Unknown {
			row.Unknown = append(row.Unknown, Unknown{Name: r.Value.Name, Why: r.Value.Why})
		}
		return r.Text
	}

	row.Name = note(store.Name(lr))
	region, err := store.Region(lr)
	if err != nil {
		return Row{}, err
	}
	row.Region = note(region)
	var replicas []string
	for _, r := range store.ReplicaRegions(lr) {
		replicas = append(replicas, note(r).EN)
	}
	if len(replicas) > 0 {
		list := strings.Join(replicas, ", ")
		row.Region = project.Text{JA: row.Region.JA + "（レプリカ: " + list + "）", EN: row.Region.EN + " (replicas: " + list + ")"}
	}

	placement, err := store.Segment(lr, reader)
	if err != nil {
		return Row{}, err
	}
	row.Segment = segmentCell(placement)
	if u := placement.Unknown; u != nil && len(placement.Segments) == 0 {
		row.Unknown = append(row.Unknown, Unknown{Name: "segment", Why: project.Text{JA: u.What.JA + ": " + u.Why.JA, EN: u.What.EN + ": " + u.Why.EN}})
	}

	tags, err := store.Tags(lr)
	if err != nil {
		return Row{}, err
	}
	for _, k := range l.TagKeys {
		tag := tags.Tag(k)
		switch tag.State {
		case lint.Known:
			row.Tags = append(row.Tags, project.Text{JA: tag.Value, EN: tag.Value})
		case lint.Unknown:
			row.Tags = append(row.Tags, textUnknown)
			if !slices.ContainsFunc(row.Unknown, func(u Unknown) bool { return u.Name == tag.From.Name }) {
				row.Unknown = append(row.Unknown, Unknown{Name: tag.From.Name, Why: tag.From.Why})
			}
		default:
			row.Tags = append(row.Tags, textNoTag)
		}
	}

	enc, err := store.Encryption(lr, reader)
	if err != nil {
		return Row{}, err
	}
	row.Encryption = note(enc.At)
	row.Key = note(enc.Key)
	backups, err := store.Backups(lr, reader)
	if err != nil {
		return Row{}, err
	}
	for _, b := range backups {
		row.Backups = append(row.Backups, note(b))
	}
	return row, nil
}

// segmentCell says the segment a store is placed in: its name (the names
// of the segments it joins, when it is in more than one), "-" for none,
// and "不明"/"unknown" when it cannot be decided.
func segmentCell(p segment.Placement) project.Text {
	switch {
	case len(p.Segments) > 0:
		return project.Text{JA: strings.Join(p.Segments, "、"), EN: strings.Join(p.Segments, ", ")}
	case p.Unknown != nil:
		return textUnknown
	}
	return project.Text{JA: SegmentNone, EN: SegmentNone}
}

// Texts of cells.
var (
	textUnknown = project.Text{JA: "不明", EN: "unknown"}
	textNoTag   = project.Text{JA: "（なし）", EN: "(none)"}
	whyCount    = project.Text{JA: "インスタンスの数が lint 時に決まりません（この行はそのすべてを表します）", EN: "the number of instances is not known at lint time (the row stands for all of them)"}
)

// settings are what the ledger reads of the TFLint configuration.
type settings struct {
	config *config.Config
	tags   *aws.LedgerTagsOptions
	rules  map[string]hcl.Body
}

// readSettings reads the plugin block and the rule blocks of a TFLint
// configuration file; the defaults when there is no such file.
func readSettings(path string) (*settings, error) {
	rule := aws.NewAwsLedgerTagsRule()
	s := &settings{config: config.Default(), tags: rule.NewOptions().(*aws.LedgerTagsOptions), rules: map[string]hcl.Body{}}
	src, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return nil, err
	}
	file, diags := hclparse.NewParser().ParseHCL(src, path)
	if diags.HasErrors() {
		return nil, diags
	}
	content, _, diags := file.Body.PartialContent(&hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{
		{Type: "plugin", LabelNames: []string{"name"}},
		{Type: "rule", LabelNames: []string{"name"}},
	}})
	if diags.HasErrors() {
		return nil, diags
	}
	for _, block := range content.Blocks {
		switch {
		case block.Type == "plugin" && block.Labels[0] == "lgcloud":
			body, diags := hclext.PartialContent(block.Body, config.Schema())
			if diags.HasErrors() {
				return nil, diags
			}
			if s.config, err = config.Parse(body); err != nil {
				return nil, err
			}
		case block.Type == "rule":
			s.rules[block.Labels[0]] = block.Body
		}
	}
	if body, ok := s.rules[rule.Name()]; ok {
		content, diags := hclext.PartialContent(body, hclext.ImpliedBodySchema(s.tags))
		if diags.HasErrors() {
			return nil, diags
		}
		if diags := hclext.DecodeBody(content, nil, s.tags); diags.HasErrors() {
			return nil, diags
		}
		if err := s.tags.Validate(); err != nil {
			where := path
			if attr, ok := content.Attributes["required_tags"]; ok {
				where = attr.Expr.Range().String()
			}
			return nil, fmt.Errorf("%s: invalid rule %q configuration: %w", where, rule.Name(), err)
		}
	}
	return s, nil
}
