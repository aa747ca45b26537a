package ledger

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/lgcloud-jp/tflint-ruleset-lgcloud/project"
)

// Format is an output format of the ledger.
type Format string

// The formats.
const (
	// CSV is comma-separated values in UTF-8 with a byte order mark and
	// CRLF line ends, which spreadsheet programs (Excel) open as is.
	CSV Format = "csv"
	// Markdown is a Markdown table with notes.
	Markdown Format = "markdown"
)

// bom is the UTF-8 byte order mark, by which Excel recognises UTF-8.
const bom = "\ufeff"

// Column headings.
var (
	headAddress  = project.Text{JA: "アドレス", EN: "Address"}
	headKind     = project.Text{JA: "種類", EN: "Kind"}
	headType     = project.Text{JA: "リソースタイプ", EN: "Resource type"}
	headName     = project.Text{JA: "名前", EN: "Name"}
	headRegion   = project.Text{JA: "リージョン", EN: "Region"}
	headSegment  = project.Text{JA: "セグメント", EN: "Segment"}
	headEncrypt  = project.Text{JA: "保存時の暗号化", EN: "Encryption at rest"}
	headKey      = project.Text{JA: "暗号鍵", EN: "Key"}
	headBackup   = project.Text{JA: "バックアップ", EN: "Backup"}
	headUnknown  = project.Text{JA: "確認できない値", EN: "Values not known"}
	headLocation = project.Text{JA: "定義箇所", EN: "Declared at"}
)

// header returns the column headings.
func (l *Ledger) header() []string {
	lang := l.Language
	h := []string{headAddress.In(lang), headKind.In(lang), headType.In(lang), headName.In(lang), headRegion.In(lang), headSegment.In(lang)}
	h = append(h, l.TagKeys...)
	return append(h, headEncrypt.In(lang), headKey.In(lang), headBackup.In(lang), headUnknown.In(lang), headLocation.In(lang))
}

// cells returns the cells of a row.
func (l *Ledger) cells(r Row) []string {
	lang := l.Language
	c := []string{r.Address, r.Kind.In(lang), r.Type, r.Name.In(lang), r.Region.In(lang), r.Segment.In(lang)}
	for _, t := range r.Tags {
		c = append(c, t.In(lang))
	}
	sep := project.Text{JA: "、", EN: "; "}.In(lang)
	var backups, unknown []string
	for _, b := range r.Backups {
		backups = append(backups, b.In(lang))
	}
	for _, u := range r.Unknown {
		unknown = append(unknown, u.String(lang))
	}
	return append(c, r.Encryption.In(lang), r.Key.In(lang), strings.Join(backups, sep), strings.Join(unknown, sep), r.Location)
}

// String says the unknown value for people: "tags（lint 時に値が決まりません）".
func (u Unknown) String(lang project.Language) string {
	if lang == project.English {
		return u.Name + " (" + u.Why.EN + ")"
	}
	return u.Name + "（" + u.Why.JA + "）"
}

// Write writes the ledger in a format.
func (l *Ledger) Write(w io.Writer, format Format) error {
	switch format {
	case CSV:
		return l.WriteCSV(w)
	case Markdown:
		return l.WriteMarkdown(w)
	}
	return fmt.Errorf("unknown format %q; use %q or %q", format, CSV, Markdown)
}

// WriteCSV writes the ledger as CSV: a heading row, then a row per store.
func (l *Ledger) WriteCSV(w io.Writer) error {
	if _, err := io.WriteString(w, bom); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(l.header()); err != nil {
		return err
	}
	for _, r := range l.Rows {
		if err := cw.Write(l.cells(r)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// Texts of the Markdown ledger.
var (
	mdTitle  = project.Text{JA: "情報資産台帳（クラウド上のデータストア）", EN: "Information-asset ledger (data stores in the cloud)"}
	mdTarget = project.Text{
		JA: "対象: `%s`（ルートモジュールと、そこから呼び出すローカルモジュール）。データストア %d 件。",
		EN: "Configuration: `%s` (the root module and the local modules it calls). %d data stores.",
	}
	mdEmpty = project.Text{
		JA: "このコードはデータストアを宣言していません。",
		EN: "The code declares no data store.",
	}
	mdNotes = project.Text{JA: "注記", EN: "Notes"}
	mdItems = []project.Text{
		{
			JA: "この台帳は Terraform のコードから作成しています。コードに書かれていない値（既定値の決まらない設定、変数の値、他のリソースの属性）は「確認できない値」の欄に理由とともに記載しています。",
			EN: "This ledger is made from the Terraform code. Values the code does not settle (defaults that depend on something else, variable values, attributes of other resources) are listed under \"Values not known\" with the reason.",
		},
		{
			JA: "「（既定）」は、コードに設定がなく、AWS プロバイダー又はサービスの既定値が使われることを示します。",
			EN: "\"(default)\" means the code does not set the value, and the default of the AWS provider or of the service applies.",
		},
		{
			JA: "セグメントの欄は、データストアが置かれたネットワークのセグメント（mynumber: マイナンバー利用事務系、lgwan: LGWAN接続系、internet: インターネット接続系、dmz: 更新用 DMZ）です。セグメントのタグ（既定では Segment）、provider の default_tags、設定したアドレス範囲、又は参照するネットワーク（サブネット、サブネットグループなど）から判定します。どのセグメントにも当たらないものは「-」、判定できないものは「不明」です。",
			EN: "The segment column is the network segment the store is placed in (mynumber: My Number segment, lgwan: LGWAN segment, internet: internet segment, dmz: update DMZ), decided from its segment tag (Segment by default), its provider's default_tags, the configured address ranges, or the network it refers to (a subnet, a subnet group …); \"-\" when it is in none, \"unknown\" when it cannot be decided.",
		},
	}
	mdUnread = project.Text{JA: "読んでいないもの", EN: "Not read"}
)

// WriteMarkdown writes the ledger as a Markdown document: a title, the
// table and notes.
func (l *Ledger) WriteMarkdown(w io.Writer) error {
	lang := l.Language
	b := bufio.NewWriter(w)
	fmt.Fprintf(b, "# %s\n\n", mdTitle.In(lang))
	fmt.Fprintf(b, mdTarget.In(lang)+"\n\n", l.Name, len(l.Rows))
	if len(l.Rows) == 0 {
		fmt.Fprintf(b, "%s\n\n", mdEmpty.In(lang))
	} else {
		header := l.header()
		writeMarkdownRow(b, header)
		sep := make([]string, len(header))
		for i := range sep {
			sep[i] = "---"
		}
		writeMarkdownRow(b, sep)
		for _, r := range l.Rows {
			writeMarkdownRow(b, l.cells(r))
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(b, "## %s\n\n", mdNotes.In(lang))
	for _, item := range mdItems {
		fmt.Fprintf(b, "- %s\n", item.In(lang))
	}
	if len(l.Notes) > 0 {
		fmt.Fprintf(b, "\n### %s\n\n", mdUnread.In(lang))
		for _, n := range l.Notes {
			fmt.Fprintf(b, "- `%s`: %s\n", n.Where, n.What.In(lang))
		}
	}
	return b.Flush()
}

// writeMarkdownRow writes one table row, escaping what would break it.
func writeMarkdownRow(w *bufio.Writer, cells []string) {
	w.WriteString("|")
	for _, c := range cells {
		c = strings.ReplaceAll(c, "\\", "\\\\")
		c = strings.ReplaceAll(c, "|", "\\|")
		c = strings.ReplaceAll(c, "\r\n", "<br>")
		c = strings.ReplaceAll(c, "\n", "<br>")
		if c == "" {
			c = " "
		}
		w.WriteString(" " + c + " |")
	}
	w.WriteString("\n")
}
