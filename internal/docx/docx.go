// Package docx writes a doc.Document as a Word (.docx) file: WordprocessingML
// written directly with archive/zip, no .docx library (none available does
// row spans, footers with a PAGE field and a TOC field together; see NOTES §7).
//
// The output is deterministic: the same document and options give the same
// bytes. Zip entries come in a fixed order with a fixed 1980-01-01 time and the
// core properties carry no timestamps.
//
// What Word and LibreOffice see:
//   - styles for every doc.HeadingStyle and doc.ParagraphStyle; headings in the
//     table of contents carry an outline level (built-in "heading 1..3" styles
//     when the level matches the look), so Word's navigation pane and a
//     refreshed TOC find them;
//   - a real TOC field whose cached entries already hold the page numbers of
//     writer.Options.Pages and link to bookmarks (_Toc0001, …) on the headings;
//   - one section per run of pages with the same orientation and numbering,
//     each with its own footer reference: an empty footer before the first
//     PageBreak with StartNumbering, "— PAGE —" from there on, restarting at 1;
//   - tables with a fixed grid, repeated header rows, gridSpan and vMerge.
package docx

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"slices"

	"github.com/budgetdoc/budgetdoc/doc"
	"github.com/budgetdoc/budgetdoc/fonts"
	"github.com/budgetdoc/budgetdoc/internal/writer"
)

// Fonts are the East Asian font names Word should use for each role, as Word
// on Chinese Windows knows them. Latin text is always set in Times New Roman.
// An empty field takes the value of DefaultFonts.
type Fonts struct {
	Body    string // body paragraphs, TOC, footer
	Title   string // cover, part titles, table titles, TOC title
	Heading string // "一、…" section titles (黑体)
	Kai     string // "（一）…" subsection titles (楷体)
	Table   string // table cells, captions, notes
}

// DefaultFonts are 宋体 for body and tables, 方正小标宋简体 for titles (the
// 公文 title face, installed on government machines; the font table names 宋体
// as its substitute where it is missing), 黑体 for section titles and 楷体 for
// subsection titles.
func DefaultFonts() Fonts {
	return Fonts{Body: "宋体", Title: "方正小标宋简体", Heading: "黑体", Kai: "楷体", Table: "宋体"}
}

// latinFont is the ascii/hAnsi/cs font of every run.
const latinFont = "Times New Roman"

// config is what the Word output is made with: the writer's options, with
// the fonts as the names Word finds them by.
type config struct {
	// Format is the page format; the zero Format means doc.GBT9704().
	Format doc.Format
	Fonts  Fonts
	// Pages gives the page number printed in the cached TOC entry of each
	// heading (the PDF layout computes it). A heading missing from it gets
	// an entry without a number; Word fills it in when the TOC is updated.
	Pages doc.PageNumbers
	// Tables gives each table's type size, orientation and column widths,
	// as the PDF layout measured them (pdf.Layout.Fits), so that Word's grid
	// is the PDF's. A table missing from it is fitted with doc.Estimate.
	Tables doc.TableFits
}

func (o config) withDefaults() config {
	if o.Format.PageWidth == 0 {
		o.Format = doc.GBT9704()
	}
	def := DefaultFonts()
	for _, f := range []struct {
		dst *string
		def string
	}{
		{&o.Fonts.Body, def.Body}, {&o.Fonts.Title, def.Title}, {&o.Fonts.Heading, def.Heading},
		{&o.Fonts.Kai, def.Kai}, {&o.Fonts.Table, def.Table},
	} {
		if *f.dst == "" {
			*f.dst = f.def
		}
	}
	return o
}

// part is one file of the package.
type part struct {
	name string
	data []byte
	// writeTo, when set, writes the part instead of data: word/document.xml,
	// too large to make whole first.
	writeTo func(io.Writer) error
}

// Write writes d as a .docx file to w. Every string of the document must be
// text XML 1.0 can hold: a control character other than tab, newline and
// carriage return, U+FFFE, U+FFFF or invalid UTF-8 is an error naming the block
// (and table row and cell) where it stands; nothing is written then. In text,
// "\t" becomes a tab and "\n" (or "\r\n") a line break.
func Write(ctx context.Context, w io.Writer, d *doc.Document, o writer.Options) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return write(w, d, config{Format: o.Format, Fonts: wordFonts(o.Fonts), Pages: o.Pages, Tables: o.Fits})
}

// wordFonts names, for Word, the fonts a caller gave some roles: the face
// registered first for a role, by its PostScript name, which Word finds an
// installed font by ("FangSong" for simfang.ttf). Roles left to the embedded
// fonts keep the names Word on Chinese Windows has (DefaultFonts), since the
// embedded Noto and AR PL faces are not installed there.
func wordFonts(set *fonts.Set) Fonts {
	var out Fonts
	if set == nil {
		return out
	}
	def := fonts.Default()
	for _, r := range []struct {
		role fonts.Role
		name *string
	}{{fonts.RoleBody, &out.Body}, {fonts.RoleTitle, &out.Title}, {fonts.RoleHeading, &out.Heading}, {fonts.RoleKai, &out.Kai}, {fonts.RoleTable, &out.Table}} {
		chain := set.Chain(r.role)
		if len(chain) > 0 && !slices.Contains(def.Chain(r.role), chain[0]) {
			*r.name = chain[0].PostScriptName()
		}
	}
	return out
}

func write(w io.Writer, d *doc.Document, o config) error {
	if d == nil {
		return fmt.Errorf("docx: no document")
	}
	o = o.withDefaults()
	if err := checkDocument(d, o); err != nil {
		return fmt.Errorf("docx: %w", err)
	}
	body, err := buildBody(d, o)
	if err != nil {
		return fmt.Errorf("docx: %w", err)
	}
	parts := []part{
		{name: "[Content_Types].xml", data: contentTypes()},
		{name: "_rels/.rels", data: packageRels()},
		{name: "docProps/core.xml", data: coreProps(d)},
		{name: "docProps/app.xml", data: appProps()},
		{name: "word/document.xml", writeTo: body.writeTo},
		{name: "word/styles.xml", data: styles(o)},
		{name: "word/settings.xml", data: settings(o)},
		{name: "word/fontTable.xml", data: fontTable(o.Fonts)},
		{name: "word/" + footerBlank, data: footer(0, o.Fonts, o.Format.FooterSize)},
		{name: "word/" + footerPage, data: footer(1, o.Fonts, o.Format.FooterSize)},
		{name: "word/" + footerEven, data: footer(-1, o.Fonts, o.Format.FooterSize)},
		{name: "word/_rels/document.xml.rels", data: documentRels()},
	}
	var buf bytes.Buffer
	if err := writeZip(&buf, parts); err != nil {
		return fmt.Errorf("docx: %w", err)
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// dosDate1980 is 1980-01-01 in MS-DOS date format, the earliest a zip header
// holds. Setting ModifiedDate directly (and leaving Modified zero) keeps
// archive/zip from adding an extended-timestamp field.
const dosDate1980 = 0<<9 | 1<<5 | 1

func writeZip(w io.Writer, parts []part) error {
	zw := zip.NewWriter(w)
	for _, p := range parts {
		fw, err := zw.CreateHeader(&zip.FileHeader{
			Name:         p.name,
			Method:       zip.Deflate,
			ModifiedDate: dosDate1980,
		})
		if err != nil {
			return err
		}
		if p.writeTo != nil {
			err = p.writeTo(fw)
		} else {
			_, err = fw.Write(p.data)
		}
		if err != nil {
			return err
		}
	}
	return zw.Close()
}
